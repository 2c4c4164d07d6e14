"""The upload back of an edited blob: Put Blob (or its blocks) on the condition that the
blob's ETag is still the one opened (``If-Match``, which Azure and Azurite enforce),
carrying its metadata and content settings (a new blob has only what is sent). Mixed into
``AzureProvider``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO

from storebrowser.core.cancel import CancelToken
from storebrowser.core.properties import ObjectProperties
from storebrowser.core.types import ProgressCallback
from storebrowser.providers.azure.properties import (
    check_metadata,
    new_content_settings,
    object_info,
    write_if_unchanged,
)
from storebrowser.providers.replacing import SERVER_CONDITION, Replaced
from storebrowser.providers.streams import ProgressStream

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient


class AzureReplacing:
    if TYPE_CHECKING:  # provided by AzureProvider

        def _blob(self, container: str, key: str) -> BlobClient: ...

    def _put_in_place(
        self,
        container: str,
        key: str,
        stream: BinaryIO,
        *,
        size: int,
        if_match: str,
        keep: ObjectProperties,
        progress: ProgressCallback | None,
        cancel: CancelToken,
    ) -> Replaced:
        blob = self._blob(container, key)
        metadata = check_metadata(keep.metadata, key=key)
        others = {name: value for name, value in keep.system.items() if name != "content_type"}
        settings = new_content_settings(key, keep.system.get("content_type"), **others)
        body = ProgressStream(stream, progress, cancel)
        cancel.raise_if_cancelled()

        def write(**condition: Any) -> dict[str, Any]:
            return blob.upload_blob(
                body, length=size, overwrite=True, validate_content=True,
                content_settings=settings, metadata=metadata or None, **condition,
            )  # fmt: skip

        write_if_unchanged(write, f'"{if_match.strip(chr(34))}"',
                           action=f"Uploading {key!r} to {container!r}", container=container, key=key,
                           shown=if_match)  # fmt: skip
        return Replaced(object_info(blob.get_blob_properties(), key=key), SERVER_CONDITION)
