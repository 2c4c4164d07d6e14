"""Uploads in staged blocks: starting one (with its access tier and encryption scope, each
checked first) and taking one up again from the journal's state. Mixed into
``AzureProvider``; the blocks themselves are ``blocks.BlockUpload``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import NotFound
from storebrowser.providers.azure.blocks import BlockUpload
from storebrowser.providers.azure.container_settings import scope_of
from storebrowser.providers.base import MultipartUpload

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient

    from storebrowser.core.tiers import StorageClass


class AzureBlockUploads:
    if TYPE_CHECKING:  # provided by AzureProvider

        def _blob(self, container: str, key: str) -> BlobClient: ...

        def check_storage_class(self, storage_class: str) -> StorageClass: ...

        def check_encryption(self, encryption: Encryption | None) -> None: ...

    def start_multipart(
        self,
        container: str,
        key: str,
        *,
        part_size: int,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
        storage_class: str | None = None,
        encryption: Encryption | None = None,
    ) -> MultipartUpload:
        blob = self._blob(container, key)
        tier = self.check_storage_class(storage_class).name if storage_class is not None else None
        self.check_encryption(encryption)
        return BlockUpload(blob, part_size=part_size, content_type=content_type, metadata=metadata, tier=tier,
                           encryption_scope=scope_of(encryption))  # fmt: skip

    def resume_multipart(self, state: Mapping[str, Any]) -> MultipartUpload:
        upload = BlockUpload(
            self._blob(state["container"], state["key"]),
            part_size=int(state["part_size"]),
            upload_id=str(state["upload_id"]),
            content_type=state.get("content_type"),
            metadata=state.get("metadata"),
            tier=state.get("tier"),
            encryption_scope=state.get("encryption_scope"),
        )
        try:
            found = upload.uploaded_parts()
        except NotFound:
            found = []  # no blob and no blocks under that name any more
        if not found:
            raise NotFound(
                f"The staged blocks of {state['key']!r} are gone (committed, discarded, or older "
                "than Azure's 7 days); start the upload again.",
                container=upload.container,
                key=upload.key,
            )
        return upload
