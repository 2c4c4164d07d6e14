"""``AzureProvider``'s versions, which are its blobs' snapshots: the protocol's version
methods over ``azure.snapshots``, apart from provider.py by concern."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import CURRENT_BLOB, ObjectInfo, ObjectVersion, Page, VersioningState
from storebrowser.providers.azure import snapshots
from storebrowser.providers.azure.blob_names import check_blob_name
from storebrowser.providers.azure.reading import RANGE_MD5_LIMIT
from storebrowser.providers.base import DEFAULT_CHUNK, Provider

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient, ContainerClient


class AzureSnapshots(Provider):
    """The version methods of ``AzureProvider``, which gives the clients below."""

    def _container(self, name: str) -> ContainerClient:
        raise NotImplementedError

    def _blob(self, container: str, key: str) -> BlobClient:
        raise NotImplementedError

    def _readable_url(self, blob: BlobClient) -> str:
        raise NotImplementedError

    def versioning_state(self, container: str) -> VersioningState:
        self._container(container)  # the name is checked; no request: the same everywhere
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
        return snapshots.list_versions_page(self._container(container), prefix, delimiter, token, limit)

    def _version_blob(self, container: str, key: str, version_id: str) -> BlobClient:
        check_blob_name(key, container=container)  # as every blob call: the rule, not a 404
        return snapshots.snapshot_client(self._container(container), key, version_id)

    def stat_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        return snapshots.stat_snapshot(self._version_blob(container, key, version_id), version_id)

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
        return snapshots.iter_snapshot(blob, byte_range, cancel, receipt)

    def version_proof(
        self, container: str, key: str, version_id: str, *, exact_layout: bool = False
    ) -> ContentProof:
        """The service's MD5 of each read, as ``content_proof``."""
        info = self.stat_version(container, key, version_id)
        return ContentProof(info, "Azure range MD5", range_md5_limit=RANGE_MD5_LIMIT)

    def delete_version(self, container: str, key: str, version_id: str) -> None:
        snapshots.delete_snapshot(self._version_blob(container, key, version_id), version_id)

    def restore_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        """Promote a snapshot (``snapshots.promote``)."""
        if version_id != CURRENT_BLOB:
            source = self._version_blob(container, key, version_id)
            snapshots.promote(self._container(container), source, self._readable_url(source))
        return self.stat(container, key)

    def create_snapshot(self, container: str, key: str) -> ObjectVersion:
        return snapshots.take_snapshot(self._blob(container, key), self._container(container))
