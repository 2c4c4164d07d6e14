"""The upload back of an edited object on Swift: one PUT carrying the object's user
metadata and system headers (a PUT replaces them all). The object server ignores
If-Match on PUT (tried against Swift 2.38: a PUT with a wrong If-Match is stored), so the
guard is the HEAD compare just before (``ObjectReplacing.replace_object``): a write
landing in the few milliseconds between it and ours is replaced. Mixed into
``SwiftProvider``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

from storebrowser.core.cancel import CancelToken
from storebrowser.core.mime import guess_type
from storebrowser.core.properties import CONTENT_TYPE, HTTP_HEADERS, ObjectProperties
from storebrowser.core.types import ObjectInfo, ProgressCallback
from storebrowser.providers.replacing import HEAD_COMPARE, Replaced
from storebrowser.providers.swift.metadata import MetadataLimits, check_metadata, metadata_headers
from storebrowser.providers.swift.slo import delete_replaced_segments
from storebrowser.providers.swift.uploading import put_plain

if TYPE_CHECKING:
    from storebrowser.providers.swift.client import SwiftClient


class SwiftReplacing:
    if TYPE_CHECKING:  # provided by SwiftProvider
        client: SwiftClient
        limits: MetadataLimits
        _delete_segments: Callable[[str, list[str]], None]

        def _segments_replaced_by_write(self, container: str, key: str) -> dict[str, tuple[str, str]]: ...

        def stat(self, container: str, key: str) -> ObjectInfo: ...

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
        headers = {HTTP_HEADERS[name]: value for name, value in keep.system.items()}
        headers.setdefault(HTTP_HEADERS[CONTENT_TYPE], guess_type(key))
        headers.update(metadata_headers(check_metadata(keep.metadata, self.limits)))
        replaced = self._segments_replaced_by_write(container, key)
        cancel.raise_if_cancelled()
        put_plain(self.client, container, key, stream, size=size, headers=headers, progress=progress,
                  cancel=cancel)  # fmt: skip
        delete_replaced_segments(self._delete_segments, key, replaced)
        return Replaced(self.stat(container, key), HEAD_COMPARE)
