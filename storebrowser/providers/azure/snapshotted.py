"""``AzureProvider``'s versions: its blobs' snapshots (``azure.snapshots``), or, in a
container whose blobs carry version ids, their blob versions (``azure.blob_versions``);
the protocol's version methods, apart from provider.py by concern."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.errors import StorageError
from storebrowser.core.ranges import ByteRange
from storebrowser.core.retry import retried_by_caller
from storebrowser.core.types import CURRENT_BLOB, ObjectInfo, ObjectVersion, Page, VersioningState
from storebrowser.providers.azure import blob_versions, snapshots
from storebrowser.providers.azure.blob_names import check_blob_name
from storebrowser.providers.azure.reading import RANGE_MD5_LIMIT, small_gets
from storebrowser.providers.base import DEFAULT_CHUNK, Provider

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient, ContainerClient


#: Seconds a container whose first blobs carried no version id is taken as snapshots
#: before it is looked at again.
REPROBE_AFTER = 600.0


class AzureSnapshots(Provider):
    """The version methods of ``AzureProvider``, which gives the clients below."""

    def _container(self, name: str) -> ContainerClient:
        raise NotImplementedError

    def _blob(self, container: str, key: str) -> BlobClient:
        raise NotImplementedError

    def _readable_url(self, blob: BlobClient) -> str:
        raise NotImplementedError

    def _has_versions(self, container: str, *, strict: bool = False) -> bool:
        """Whether ``container``'s blobs carry version ids. It is a setting of the
        account: once any container showed ids, every one is taken to have versions. A
        container whose first blobs showed none (all may be from before versioning was
        on) is looked at again after ``REPROBE_AFTER``. A probe that fails (no List
        permission, a SAS for reading only, an account refusing ``include=versions``)
        answers snapshots, as before versions were looked for, and is asked again later;
        ``strict``: its error is raised instead."""
        known: dict[str, bool] = vars(self).setdefault("_blob_versions", {})
        probed: dict[str, float] = vars(self).setdefault("_blob_versions_probed", {})
        stale = container in probed and time.monotonic() - probed[container] > REPROBE_AFTER
        if container in known and not stale:
            return known[container]
        if any(known.values()):
            known[container] = True
            probed.pop(container, None)
            return True
        try:
            seen = blob_versions.keeps_versions(self._container(container))
        except StorageError as error:
            # A busy service (503) while the engine retries above (the SDK tries once) is
            # tried again there, not taken for "snapshots" (a version read would miss).
            if strict or (error.retryable and retried_by_caller()):
                raise
            return False
        if seen is None:
            return False  # empty: nothing to list, and nothing tells yet
        known[container] = seen
        if seen:
            probed.pop(container, None)
        else:
            probed[container] = time.monotonic()
        return seen

    def _versions_off(self, container: str) -> None:
        """A write made no version: versioning is off now (the versions listed are from
        before), so ``container`` is taken as snapshots for this session (promotions then
        snapshot what they replace; restores count deletions as for good)."""
        vars(self).setdefault("_blob_versions", {})[container] = False
        vars(self).setdefault("_blob_versions_probed", {}).pop(container, None)  # not looked at again

    def check_delete_keeps(self, container: str, key: str) -> None:
        """In versions mode, a blob with no version id would be deleted for good
        (versioning is off, or was when it was written): refused."""
        versions = self._has_versions(container, strict=True)
        if versions and blob_versions.unversioned(self._container(container), key):
            raise StorageError(
                f"{key!r} has no blob version (blob versioning is off for it): deleting it would "
                "lose it for good, so it was left as it is.", container=container, key=key,
            )  # fmt: skip

    def versioning_state(self, container: str) -> VersioningState:
        if self._has_versions(container):
            return blob_versions.versioning_state()
        return snapshots.versioning_state()

    def set_versioning(self, container: str, enabled: bool) -> VersioningState:
        raise snapshots.refuse_switch()

    def list_versions_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectVersion]:
        versions = self._has_versions(container)
        return snapshots.list_versions_page(self._container(container), prefix, delimiter, token, limit,
                                            versions=versions)  # fmt: skip

    def _version_blob(self, container: str, key: str, version_id: str) -> BlobClient:
        """A client of the snapshot, or of the blob version, ``version_id`` names."""
        check_blob_name(key, container=container)  # as every blob call: the rule, not a 404
        if version_id != CURRENT_BLOB:
            blob_versions.check_version_id(container, key, version_id)  # no probe for a bad id
        if version_id != CURRENT_BLOB and self._has_versions(container):
            return blob_versions.version_client(self._container(container), key, version_id)
        return snapshots.snapshot_client(self._container(container), key, version_id)

    def stat_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        blob = self._version_blob(container, key, version_id)
        if blob.version_id:
            return blob_versions.stat_version(blob)
        return snapshots.stat_snapshot(blob, version_id)

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
        blob = self._version_blob(container, key, version_id)
        piece = small_gets(chunk_size)
        if blob.version_id:
            return blob_versions.iter_version(blob, byte_range, cancel, receipt, piece=piece)
        return snapshots.iter_snapshot(blob, byte_range, cancel, receipt, piece=piece)

    def version_proof(
        self, container: str, key: str, version_id: str, *, exact_layout: bool = False
    ) -> ContentProof:
        """The service's MD5 of each read, as ``content_proof``."""
        info = self.stat_version(container, key, version_id)
        return ContentProof(info, "Azure range MD5", range_md5_limit=RANGE_MD5_LIMIT)

    def delete_version(self, container: str, key: str, version_id: str) -> None:
        blob = self._version_blob(container, key, version_id)
        if blob.version_id:
            blob_versions.delete_version(blob)
        else:
            snapshots.delete_snapshot(blob, version_id)

    def restore_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        """Promote a snapshot (``snapshots.promote``) or a blob version (``blob_versions.promote``)."""
        if version_id != CURRENT_BLOB:
            source = self._version_blob(container, key, version_id)
            if source.version_id:
                url = self._readable_url(source)  # names the version
                if not blob_versions.promote(self._container(container), source, url, snapshots.keep_current):
                    self._versions_off(container)
            else:
                snapshots.promote(self._container(container), source, self._readable_url(source))
        return self.stat(container, key)

    def create_snapshot(self, container: str, key: str) -> ObjectVersion:
        return snapshots.take_snapshot(self._blob(container, key), self._container(container))
