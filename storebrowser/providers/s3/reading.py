"""HEAD and ranged GET, checked against the asked range and streamed in chunks."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.digests import ReadReceipt, ReceiptCallback
from storebrowser.core.mtime import stored_mtime
from storebrowser.core.ranges import ByteRange, check_range_reply
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.s3.encryption import with_customer_key
from storebrowser.providers.s3.errors import is_range_not_satisfiable, s3_errors
from storebrowser.providers.s3.listing import object_from_head, strip_etag

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def head(
    client: S3Client, bucket: str, key: str, customer_key: str | None = None, **options: Any
) -> Mapping[str, Any]:
    """HEAD the object; ``options`` are ``head_object``'s (``PartNumber``, ``ChecksumMode``,
    ``VersionId``).
    An object encrypted with a customer key (SSE-C) is asked again with ``customer_key``,
    the account's."""

    def ask(extra: Mapping[str, Any]) -> Mapping[str, Any]:
        reply: Mapping[str, Any] = client.head_object(Bucket=bucket, Key=key, **options, **extra)
        return reply

    return with_customer_key(ask, customer_key, f"Reading {key!r}", bucket, key)


def stat(client: S3Client, bucket: str, key: str, customer_key: str | None = None) -> ObjectInfo:
    return object_from_head(key, head(client, bucket, key, customer_key))


def iter_read(
    client: S3Client,
    bucket: str,
    key: str,
    byte_range: ByteRange,
    *,
    chunk_size: int,
    cancel: CancelToken = NEVER,
    receipt: ReceiptCallback | None = None,
    customer_key: str | None = None,
    version_id: str | None = None,
) -> Iterator[bytes]:
    """Stream ``data[byte_range]`` (of one version, with ``version_id``); only the asked
    bytes travel; ``receipt`` hears the ETag of the version served.

    A range the server cannot satisfy (416: it starts past the end) is an empty slice, as
    in Python; a missing object is still ``NotFound`` because S3 answers 404 before 416.
    """
    cancel.raise_if_cancelled()
    version: dict[str, Any] = {"VersionId": version_id} if version_id is not None else {}
    asked = _concrete_range(client, bucket, key, byte_range, customer_key, version)
    if asked is None:
        return
    header = asked.http_header()
    where = f"{key!r} in {bucket!r}"

    def ask(extra: Mapping[str, Any]) -> Mapping[str, Any] | None:
        ranged: dict[str, Any] = {"Range": header} if header else {}
        try:
            found: Mapping[str, Any] = client.get_object(Bucket=bucket, Key=key, **version, **ranged, **extra)
        except ClientError as error:
            if is_range_not_satisfiable(error):
                return None
            raise  # with_customer_key decides: a customer key wanted, or an error to map
        return found

    reply = with_customer_key(ask, customer_key, f"Reading {key!r}", bucket, key)
    if reply is None:
        return
    body = reply["Body"]
    with contextlib.closing(body):
        if header is not None:
            check_range_reply(
                asked,
                partial=reply["ResponseMetadata"]["HTTPStatusCode"] == 206,
                content_range=reply.get("ContentRange"),
                body_length=reply.get("ContentLength"),
                where=where,
            )
        if receipt is not None:
            stored = stored_mtime(reply.get("Metadata") or {})
            receipt(
                ReadReceipt(
                    strip_etag(reply.get("ETag")), mtime_ns=stored, modified=reply.get("LastModified")
                )
            )
        yield from _chunks(body, bucket, key, chunk_size, cancel)


def _concrete_range(
    client: S3Client,
    bucket: str,
    key: str,
    byte_range: ByteRange,
    customer_key: str | None,
    version: Mapping[str, Any],
) -> ByteRange | None:
    """A range that can go into a ``Range`` header, or ``None`` when nothing is to be read.

    Ranges that need the size (``[2:-2]``) or that are empty whatever the size
    (``[7:2]``) cost a HEAD, which also gives ``NotFound`` for a missing object.
    """
    empty_anyway = byte_range.end is not None and 0 <= byte_range.end <= byte_range.start
    if not byte_range.needs_size and not empty_anyway:
        return byte_range
    size = int(head(client, bucket, key, customer_key, **version).get("ContentLength", 0))
    start, end = byte_range.resolve(size)
    if start >= end:
        return None
    return ByteRange(start, end)


def _chunks(body: Any, bucket: str, key: str, chunk_size: int, cancel: CancelToken) -> Iterator[bytes]:
    while True:
        cancel.raise_if_cancelled()
        with s3_errors(f"Reading {key!r}", container=bucket, key=key):
            chunk = body.read(chunk_size)
        if not chunk:
            return
        yield chunk
