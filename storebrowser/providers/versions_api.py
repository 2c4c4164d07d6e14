"""The versions part of the ``Provider`` protocol, by capability (``versioning``,
``snapshots``): defaults that say why not, overridden by the services that keep versions.
Apart from base.py by concern; ``Provider`` inherits it."""

from __future__ import annotations

from collections.abc import Iterator

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.capabilities import Capabilities
from storebrowser.core.digests import ContentProof, ReceiptCallback, nothing_vouched, whole_md5
from storebrowser.core.errors import Unsupported
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectInfo, ObjectVersion, Page, VersioningState, VersioningStatus

#: Bytes per chunk of a streamed read (as ``base.DEFAULT_CHUNK``, which imports this).
DEFAULT_CHUNK = 1024 * 1024


class VersionsApi:
    """Versions of objects; ``Provider`` gives ``capabilities`` and ``describe``."""

    capabilities: Capabilities

    def describe(self) -> str:
        raise NotImplementedError

    def _unsupported(self, what: str) -> Unsupported:
        return Unsupported(f"{self.describe()} does not support {what}.")

    def _no_versions(self) -> Unsupported:
        return self._unsupported(f"versions ({self.capabilities.versioning_note or 'not offered'})")

    def versioning_state(self, container: str) -> VersioningState:
        """Whether ``container`` keeps versions (one request at most; none when the
        service cannot, which is then ``UNSUPPORTED`` with the reason)."""
        return VersioningState(VersioningStatus.UNSUPPORTED, self.capabilities.versioning_note)

    def set_versioning(self, container: str, enabled: bool) -> VersioningState:
        """Turn versioning on, or suspend it (versions kept so far stay); the new state."""
        raise self._no_versions()

    def list_versions_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectVersion]:
        """One page of versions and delete markers under ``prefix``, one folder level at a
        time with a delimiter (pseudo-folders as ``is_prefix`` entries, each once), keys
        in listing order and each key's versions newest first. One page costs one request
        or a few, never a scan of the container. A page may hold more than ``limit``
        entries so that it never splits one Azure blob's snapshots."""
        raise self._no_versions()

    def stat_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        """One version's facts; ``NotFound`` for an unknown id or a delete marker."""
        raise self._no_versions()

    def iter_read_version(
        self,
        container: str,
        key: str,
        version_id: str,
        byte_range: ByteRange = ByteRange(),
        *,
        chunk_size: int = DEFAULT_CHUNK,
        cancel: CancelToken = NEVER,
        receipt: ReceiptCallback | None = None,
    ) -> Iterator[bytes]:
        """Stream ``data[byte_range]`` of one version, as ``iter_read`` does the current
        (``receipt`` too)."""
        raise self._no_versions()

    def version_proof(
        self, container: str, key: str, version_id: str, *, exact_layout: bool = False
    ) -> ContentProof:
        """``content_proof`` of one version: what a download of it is checked against."""
        info = self.stat_version(container, key, version_id)
        if info.content_md5:
            return whole_md5(info, info.content_md5, "the MD5 the service vouches for")
        return nothing_vouched(info, "the service gives no digest for this version")

    def delete_version(self, container: str, key: str, version_id: str) -> None:
        """Delete one version (or delete marker) for good; ``NotFound`` when there is no
        such version. Deleting the current version makes the next one current."""
        raise self._no_versions()

    def restore_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        """Make ``version_id`` the current content of ``key`` by a server-side copy that
        keeps its metadata and content settings. Nothing is lost: the content it replaces
        stays as an earlier version (Azure: a snapshot of it is taken first if none has it)."""
        raise self._no_versions()

    def check_delete_keeps(self, container: str, key: str) -> None:
        """Before a restore deletes ``key`` counting on versioning to keep it: a
        ``StorageError`` where it would not. By default the container's versioning state,
        checked once per restore, says it all; Azure tells per blob."""

    def create_snapshot(self, container: str, key: str) -> ObjectVersion:
        """Keep the current content of ``key`` as a version (capability ``snapshots``)."""
        raise self._unsupported("snapshots")

    def read_version(
        self, container: str, key: str, version_id: str, byte_range: ByteRange = ByteRange()
    ) -> bytes:
        """``data[byte_range]`` of one version, in memory (previews, small objects)."""
        return b"".join(self.iter_read_version(container, key, version_id, byte_range))
