"""``S3Provider``'s versions (versioned buckets, delete markers): the protocol's version
methods over ``s3.versions``, apart from provider.py by concern."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectInfo, ObjectVersion, Page, VersioningState, VersioningStatus
from storebrowser.providers.base import DEFAULT_CHUNK, Provider
from storebrowser.providers.s3 import versions
from storebrowser.providers.s3.copying import CopyJob
from storebrowser.providers.s3.listing import object_from_head

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class S3Versions(Provider):
    """The version methods of ``S3Provider``, which gives the client, the copy and
    ``_no_versioning`` (why the server keeps no versions, "" when it can)."""

    _no_versioning: str

    @property
    def _client(self) -> S3Client:
        raise NotImplementedError

    def _copy(
        self,
        job: CopyJob,
        metadata: Mapping[str, str] | None,
        system: Mapping[str, str | None] | None,
        *,
        if_match: str | None = None,
    ) -> ObjectInfo:
        raise NotImplementedError

    def _versions_client(self) -> Any:
        if self._no_versioning:
            raise self._no_versions()
        return self._client

    def versioning_state(self, container: str) -> VersioningState:
        if self._no_versioning:
            return VersioningState(VersioningStatus.UNSUPPORTED, self._no_versioning)
        return versions.versioning_state(self._client, container)

    def set_versioning(self, container: str, enabled: bool) -> VersioningState:
        return versions.set_versioning(self._versions_client(), container, enabled)

    def list_versions_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectVersion]:
        client = self._versions_client()
        return versions.list_versions_page(client, container, prefix, delimiter, token, limit)

    def stat_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        head = versions.head_version(self._versions_client(), container, key, version_id)
        return object_from_head(key, head)

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
        client = self._versions_client()
        return versions.iter_read_version(
            client, container, key, version_id, byte_range, chunk_size, cancel, receipt
        )

    def version_proof(
        self, container: str, key: str, version_id: str, *, exact_layout: bool = False
    ) -> ContentProof:
        """``content_proof``'s requests, each for this version."""
        return versions.version_proof(self._versions_client(), container, key, version_id, exact_layout)

    def delete_version(self, container: str, key: str, version_id: str) -> None:
        versions.delete_version(self._versions_client(), container, key, version_id)

    def restore_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        """CopyObject of the version onto its key (``MetadataDirective=COPY``; in parts,
        with its properties sent again, above 5 GiB): a new current version."""
        head = versions.head_version(self._versions_client(), container, key, version_id)
        return self._copy(CopyJob(container, key, container, key, head, src_version=version_id), None, None)
