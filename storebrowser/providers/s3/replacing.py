"""The upload back of an edited object on S3: PutObject with ``If-Match`` on the ETag that
was opened, carrying the object's user metadata and system properties (a PUT replaces
them all). A server that does not implement conditional PUTs (Swift's s3api answers 501
NotImplemented) is remembered, and the write goes without it, guarded then only by the
HEAD compare just before (``ObjectReplacing.replace_object``). Mixed into ``S3Provider``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.encryption import Encryption, EncryptionMode
from storebrowser.core.errors import PreconditionFailed, Unsupported
from storebrowser.core.properties import ObjectProperties, object_changed, same_etag
from storebrowser.core.types import ObjectInfo, ProgressCallback
from storebrowser.providers.replacing import HEAD_COMPARE, SERVER_CONDITION, Replaced
from storebrowser.providers.s3 import encryption as s3_encryption
from storebrowser.providers.s3 import reading
from storebrowser.providers.s3.errors import s3_errors
from storebrowser.providers.s3.listing import strip_etag
from storebrowser.providers.s3.metadata import CARRIED_PROPERTIES, SYSTEM_FIELDS, encode_metadata
from storebrowser.providers.s3.progress import SendProgressStream

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class S3Replacing:
    #: False once the server answered that it does not implement conditional PUTs.
    put_if_match: bool = True

    if TYPE_CHECKING:  # provided by S3Provider
        _customer_key: str | None

        @property
        def _client(self) -> S3Client: ...

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
        """As ``ObjectReplacing.replace_object``, from the HEAD's raw reply, so that what a
        PUT would otherwise drop is carried too: the encryption (SSE-S3, SSE-KMS with its
        key, SSE-C with the account's key), Expires, a website redirect."""
        head = reading.head(self._client, container, key, self._customer_key)
        current = strip_etag(head.get("ETag"))
        if not same_etag(if_match, current):
            raise object_changed(container, key, if_match, current)
        args = {**_put_args(keep), **_carried(head, self._customer_key)}
        return self._send(container, key, stream, size, if_match, args, keep, progress, cancel)

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
        return self._send(container, key, stream, size, if_match, _put_args(keep), keep, progress, cancel)

    def _send(
        self,
        container: str,
        key: str,
        stream: BinaryIO,
        size: int,
        if_match: str,
        args: dict[str, Any],
        keep: ObjectProperties,
        progress: ProgressCallback | None,
        cancel: CancelToken,
    ) -> Replaced:
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


def _carried(head: Mapping[str, Any], customer_key: str | None) -> dict[str, Any]:
    """What the object has that a PUT must send again to keep it (``CARRIED_PROPERTIES``),
    and the account's customer key where the object is SSE-C encrypted."""
    carried = {
        param: head[field] for field, param in CARRIED_PROPERTIES.items() if head.get(field) is not None
    }
    if head.get("SSECustomerAlgorithm"):
        carried.update(s3_encryption.upload_args(Encryption(EncryptionMode.SSE_C), customer_key))
    return carried


def _put_args(keep: ObjectProperties) -> dict[str, Any]:
    """The user metadata and every system property set, as PutObject parameters."""
    args: dict[str, Any] = {SYSTEM_FIELDS[name]: value for name, value in keep.system.items()}
    args["Metadata"] = encode_metadata(keep.metadata)
    if keep.info.storage_class and keep.info.storage_class != "STANDARD":
        args["StorageClass"] = keep.info.storage_class
    return args
