"""Writing new content in place of one known version: the upload back of an edited file.

``replace_object`` writes only when the object still has the ETag the caller opened, and
keeps the user metadata and system properties it is given (the ones read when opened).
Every provider first compares a HEAD just before the write; where the service enforces a
condition on the write itself (S3 ``If-Match`` on PutObject where implemented, Azure's
ETag condition) the provider's ``_put_in_place`` sends it too, so a write landing between
the HEAD and ours is refused by the server instead of silently replaced. ``Provider``
inherits this class.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.properties import CONTENT_TYPE, ObjectProperties, object_changed, same_etag
from storebrowser.core.types import ObjectInfo, ProgressCallback

if TYPE_CHECKING:
    from storebrowser.core.capabilities import Capabilities

#: How a write was guarded, as ``Replaced.guard`` says it.
SERVER_CONDITION = "the server's condition on the write (If-Match)"
HEAD_COMPARE = "a comparison with the object's ETag just before the write"


@dataclass(frozen=True, slots=True)
class Replaced:
    """The object as written, and what guarded the write against another writer."""

    info: ObjectInfo
    guard: str


class ObjectReplacing:
    if TYPE_CHECKING:  # provided by Provider
        capabilities: Capabilities

        def get_properties(self, container: str, key: str) -> ObjectProperties: ...

        def put_object(
            self,
            container: str,
            key: str,
            stream: BinaryIO,
            *,
            size: int | None,
            content_type: str | None = None,
            metadata: Mapping[str, str] | None = None,
            progress: ProgressCallback | None = None,
            cancel: CancelToken = NEVER,
        ) -> ObjectInfo: ...

        def set_properties(
            self,
            container: str,
            key: str,
            *,
            metadata: Mapping[str, str] | None = None,
            system: Mapping[str, str | None] | None = None,
            if_match: str | None = None,
        ) -> ObjectInfo: ...

    def replace_object(
        self,
        container: str,
        key: str,
        stream: BinaryIO,
        *,
        size: int,
        if_match: str,
        keep: ObjectProperties,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = NEVER,
    ) -> Replaced:
        """Write ``size`` bytes of ``stream`` as ``key`` if its ETag is still ``if_match``,
        with ``keep``'s user metadata and system properties. ``PreconditionFailed``
        (naming the ETag it has now) when it changed: nothing is written then."""
        current = self.get_properties(container, key)
        if not same_etag(if_match, current.etag):
            raise object_changed(container, key, if_match, current.etag)
        return self._put_in_place(container, key, stream, size=size, if_match=if_match, keep=keep,
                                  progress=progress, cancel=cancel)  # fmt: skip

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
        """The write after the HEAD compare. Here: a plain upload, then the system
        properties other than the Content-Type where the provider sets them (a second
        request, itself guarded by the ETag the upload gave)."""
        info = self.put_object(
            container, key, stream, size=size, content_type=keep.system.get(CONTENT_TYPE),
            metadata=keep.metadata, progress=progress, cancel=cancel,
        )  # fmt: skip
        others = {
            name: value
            for name, value in keep.system.items()
            if name != CONTENT_TYPE and name in self.capabilities.system_properties
        }
        if others:
            info = self.set_properties(container, key, system=others, if_match=info.etag)
        return Replaced(info, HEAD_COMPARE)
