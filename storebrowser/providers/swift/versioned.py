"""``SwiftProvider``'s versions (object versioning, ``X-Versions-Enabled``): the
protocol's version methods over ``swift.versions``, apart from provider.py by concern."""

from __future__ import annotations

from collections.abc import Iterator

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectInfo, ObjectVersion, Page, VersioningState, VersioningStatus
from storebrowser.providers.base import DEFAULT_CHUNK, Provider
from storebrowser.providers.swift import versions
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.metadata import info_from_headers
from storebrowser.providers.swift.names import check_container_name


class SwiftVersions(Provider):
    """The version methods of ``SwiftProvider``, which sets ``client`` and the capabilities."""

    client: SwiftClient

    def _versions_client(self, container: str) -> SwiftClient:
        if not self.capabilities.versioning:
            raise self._no_versions()
        check_container_name(container)
        return self.client

    def versioning_state(self, container: str) -> VersioningState:
        if not self.capabilities.versioning:
            return VersioningState(VersioningStatus.UNSUPPORTED, versions.NOT_OFFERED)
        return versions.versioning_state(self._versions_client(container), container)

    def set_versioning(self, container: str, enabled: bool) -> VersioningState:
        return versions.set_versioning(self._versions_client(container), container, enabled)

    def list_versions_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectVersion]:
        client = self._versions_client(container)
        return versions.list_versions_page(client, container, prefix, delimiter, token, limit)

    def stat_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        client = self._versions_client(container)
        return info_from_headers(key, versions.head_version(client, container, key, version_id))

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
        client = self._versions_client(container)
        return versions.iter_read_version(
            client, container, key, version_id, byte_range, chunk_size, cancel, receipt
        )

    def version_proof(
        self, container: str, key: str, version_id: str, *, exact_layout: bool = False
    ) -> ContentProof:
        return versions.version_proof(self._versions_client(container), container, key, version_id)

    def delete_version(self, container: str, key: str, version_id: str) -> None:
        versions.delete_version(self._versions_client(container), container, key, version_id)

    def restore_version(self, container: str, key: str, version_id: str) -> ObjectInfo:
        """A server-side copy of the version onto its key (an SLO version becomes a plain
        object of all its bytes, up to the cluster's max_file_size)."""
        versions.copy_version_over(self._versions_client(container), container, key, version_id)
        return self.stat(container, key)
