"""The upload back of an edited object on S3: PutObject with ``If-Match`` on the ETag that
was opened, carrying the object's user metadata and system properties (a PUT replaces
them all). A server that does not implement conditional PUTs (Swift's s3api answers 501
NotImplemented) is remembered, and the write goes without it, guarded then only by the
HEAD compare just before (``ObjectReplacing.replace_object``). Mixed into ``S3Provider``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import PreconditionFailed, Unsupported
from storebrowser.core.properties import ObjectProperties, object_changed
from storebrowser.core.types import ObjectInfo, ProgressCallback
from storebrowser.providers.replacing import HEAD_COMPARE, SERVER_CONDITION, Replaced
from storebrowser.providers.s3.errors import s3_errors
from storebrowser.providers.s3.listing import strip_etag
from storebrowser.providers.s3.metadata import SYSTEM_FIELDS, encode_metadata
from storebrowser.providers.s3.progress import SendProgressStream

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class S3Replacing:
    #: False once the server answered that it does not implement conditional PUTs.
    put_if_match: bool = True

    if TYPE_CHECKING:  # provided by S3Provider

        @property
        def _client(self) -> S3Client: ...

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
        args = _put_args(keep)
        start = stream.tell()
        if self.put_if_match:
            try:
                return self._put(container, key, stream, size, {**args, "IfMatch": f'"{if_match}"'},
                                 progress, cancel, keep, SERVER_CONDITION)  # fmt: skip
            except PreconditionFailed:
                raise object_changed(container, key, if_match) from None
            except Unsupported:
                self.put_if_match = False  # s3api: "Conditional object PUTs are not supported."
                stream.seek(start)
        return self._put(container, key, stream, size, args, progress, cancel, keep, HEAD_COMPARE)

    def _put(
        self,
        container: str,
        key: str,
        stream: BinaryIO,
        size: int,
        args: dict[str, Any],
        progress: ProgressCallback | None,
        cancel: CancelToken,
        keep: ObjectProperties,
        guard: str,
    ) -> Replaced:
        cancel.raise_if_cancelled()
        body = SendProgressStream(stream, progress, cancel).binary()
        with s3_errors(f"Uploading {key!r}", container=container, key=key):
            reply = self._client.put_object(Bucket=container, Key=key, Body=body, ContentLength=size, **args)
        info = ObjectInfo(key=key, size=size, etag=strip_etag(reply.get("ETag")),
                          content_type=args.get("ContentType"), metadata=keep.metadata,
                          storage_class=keep.info.storage_class)  # fmt: skip
        return Replaced(info, guard)


def _put_args(keep: ObjectProperties) -> dict[str, Any]:
    """The user metadata and every system property set, as PutObject parameters."""
    args: dict[str, Any] = {SYSTEM_FIELDS[name]: value for name, value in keep.system.items()}
    args["Metadata"] = encode_metadata(keep.metadata)
    if keep.info.storage_class and keep.info.storage_class != "STANDARD":
        args["StorageClass"] = keep.info.storage_class
    return args
