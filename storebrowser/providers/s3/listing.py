"""Buckets and ListObjectsV2 pages turned into core types."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from storebrowser.core.archive import ArchiveState, ArchiveStatus
from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import StorageError
from storebrowser.core.types import ContainerInfo, EntryColumns, LazyEntries, ObjectInfo, Page
from storebrowser.providers.s3.archive import ARCHIVE_CLASSES, archive_status
from storebrowser.providers.s3.errors import s3_errors
from storebrowser.providers.s3.metadata import decode_metadata

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def list_buckets(client: S3Client) -> list[ContainerInfo]:
    """Every bucket of the account, whatever its region (ListBuckets is global).

    Newer servers page ListBuckets; older ones ignore the token and answer at once.
    """
    buckets: list[ContainerInfo] = []
    params: dict[str, Any] = {}
    while True:
        with s3_errors("Listing buckets"):
            reply = client.list_buckets(**params)
        for bucket in reply.get("Buckets", []):
            buckets.append(
                ContainerInfo(
                    name=bucket["Name"],
                    created=bucket.get("CreationDate"),
                    region=bucket.get("BucketRegion"),
                )
            )
        token = reply.get("ContinuationToken")
        if not token:
            return buckets
        params = {"ContinuationToken": token}


#: Marks a token of ours (``start_after``): S3's own are opaque base64 and never hold it.
START_AFTER = "\0after:"


def list_page(
    client: S3Client,
    bucket: str,
    prefix: str,
    delimiter: str | None,
    token: str | None,
    limit: int,
    *,
    restore_status: bool = False,
) -> Page[ObjectInfo]:
    """One ListObjectsV2 page; common prefixes become ``is_prefix`` entries in key order.

    botocore asks for URL-encoded keys and decodes them, so keys with control characters
    or odd bytes survive the XML reply. The reply's objects are read by
    ``listing_xml``'s hook (installed on every client) straight into columns; where it
    declines (a reply it does not know), botocore's parse is converted here as before.
    ``restore_status`` asks each object's restore
    status too (``OptionalObjectAttributes``: AWS answers it; moto and other clones
    ignore the header, and then an archive class alone says "archived").
    """
    params: dict[str, Any] = {"Bucket": bucket, "MaxKeys": max(1, min(limit, 1000))}
    if prefix:
        params["Prefix"] = prefix
    if delimiter:
        params["Delimiter"] = delimiter
    if token and token.startswith(START_AFTER):
        params["StartAfter"] = token[len(START_AFTER) :]
    elif token:
        params["ContinuationToken"] = token
    if restore_status:
        params["OptionalObjectAttributes"] = ["RestoreStatus"]
    with s3_errors(f"Listing {bucket!r}", container=bucket), reading_columns():
        reply: Mapping[str, Any] = client.list_objects_v2(**params)
    next_token = reply.get("NextContinuationToken") if reply.get("IsTruncated") else None
    read: EntryColumns | None = reply.get(COLUMNS_FIELD)
    if read is not None:  # by listing_xml's hook, at C speed
        columns = read
        return Page(LazyEntries(len(columns.keys), lambda: columns), next_token)
    contents, prefixes = reply.get("Contents", []), reply.get("CommonPrefixes", [])
    # Converted when first read (the object table does it on its packing worker, while
    # the next page is already asked): the next request need not wait for it.
    entries = LazyEntries(len(contents) + len(prefixes), lambda: entry_columns(contents, prefixes))
    return Page(entries, next_token)


#: Where ``listing_xml``'s hook puts the page's columns in the parsed reply.
COLUMNS_FIELD = "StoreBrowserColumns"


class _ColumnsAsked(threading.local):
    """Whether the ListObjectsV2 call running on this thread wants columns (``list_page``);
    botocore runs a call's hooks on the caller's thread."""

    asked = False


_columns_asked = _ColumnsAsked()


@contextlib.contextmanager
def reading_columns() -> Iterator[None]:
    """ListObjectsV2 calls made inside are answered with ``COLUMNS_FIELD`` (where the
    hook can read the reply) instead of ``Contents`` and ``CommonPrefixes``."""
    before, _columns_asked.asked = _columns_asked.asked, True
    try:
        yield
    finally:
        _columns_asked.asked = before


def columns_asked() -> bool:
    return _columns_asked.asked


class RestoreStatusAsk:
    """Listings ask each object's restore status where the server has archive classes
    (``list_page(restore_status=True)``); a server that refuses the header is asked
    without it from then on."""

    def __init__(self) -> None:
        self.asking = True

    def list_page(
        self,
        client: S3Client,
        bucket: str,
        prefix: str,
        delimiter: str | None,
        token: str | None,
        limit: int,
        *,
        archives: bool,
    ) -> Page[ObjectInfo]:
        """``list_page``, with the restore status when ``archives`` (the server has classes)."""
        asked = archives and self.asking
        try:
            return list_page(client, bucket, prefix, delimiter, token, limit, restore_status=asked)
        except StorageError as error:
            if not asked or error.retryable:
                raise
        page = list_page(client, bucket, prefix, delimiter, token, limit)
        self.asking = False  # asked without it, it answers: the header was the trouble
        return page


#: An entry of a page: key, size, modified, ETag, class, is a prefix, archive status.
Row = tuple[str, int, datetime | None, str | None, str | None, bool, ArchiveStatus | None]


def entry_columns(
    contents: Sequence[Mapping[str, Any]], prefixes: Sequence[Mapping[str, Any]]
) -> EntryColumns:
    """Objects and common prefixes of botocore's parsed reply as columns, in key order."""
    rows: list[Row] = [
        (
            item["Key"],
            int(item.get("Size", 0)),
            item.get("LastModified"),
            strip_etag(item.get("ETag")),
            item.get("StorageClass"),
            False,
            listed_archive(item),
        )
        for item in contents
    ]
    rows += [(prefix["Prefix"], 0, None, None, None, True, None) for prefix in prefixes]
    # S3 orders keys by UTF-8 bytes; sorting by code point gives the same order.
    rows.sort(key=itemgetter(0))
    return columns_of_rows(rows)


def columns_of_rows(rows: Sequence[Row]) -> EntryColumns:
    """A page's rows, in key order already, as columns."""
    keys, sizes, modified, etags, classes, folders, archives = zip(*rows, strict=True) if rows else ((),) * 7
    return EntryColumns(
        keys, sizes, modified, etags, (None,) * len(rows), classes, folders,
        archives=archives if any(archives) else None,
    )  # fmt: skip


def listed_archive(item: Mapping[str, Any]) -> ArchiveStatus | None:
    """Where a listed object stands: its ``RestoreStatus`` when the server gave one (AWS,
    asked with ``OptionalObjectAttributes``), else "archived" from an archive class
    alone (a restore under way or done is then known to a HEAD only)."""
    restore = item.get("RestoreStatus")
    if restore:
        if restore.get("IsRestoreInProgress"):
            return ArchiveStatus(ArchiveState.RESTORING)
        if restore.get("RestoreExpiryDate"):
            return ArchiveStatus(ArchiveState.RESTORED, until=restore["RestoreExpiryDate"])
    if item.get("StorageClass") in ARCHIVE_CLASSES:
        return _ARCHIVED
    return None


#: One for every archived row of a listing (frozen: shared, not made per row).
_ARCHIVED = ArchiveStatus(ArchiveState.ARCHIVED)


def iter_all_keys(client: S3Client, bucket: str, *, cancel: CancelToken = NEVER) -> Iterator[list[str]]:
    """Every key of ``bucket`` in batches of at most 1,000 (one ListObjectsV2 page each)."""
    token: str | None = None
    while True:
        cancel.raise_if_cancelled()
        page = list_page(client, bucket, "", None, token, 1000)
        keys = [entry.key for entry in page.entries]
        if keys:
            yield keys
        if page.next_token is None:
            return
        token = page.next_token


def object_from_head(key: str, head: Mapping[str, Any]) -> ObjectInfo:
    return ObjectInfo(
        key=key,
        size=int(head.get("ContentLength", 0)),
        modified=head.get("LastModified"),
        etag=strip_etag(head.get("ETag")),
        content_type=head.get("ContentType"),
        metadata=decode_metadata(head.get("Metadata")),
        storage_class=head.get("StorageClass") or "STANDARD",
        content_md5=md5_from_head(head),
        archive=archive_status(head),
    )


#: SSE-S3 (AES256) leaves a single-part ETag the MD5 of the content; KMS (and DSSE-KMS)
#: and customer keys (SSE-C) make it something else.
ETAG_IS_MD5_SSE = frozenset({"", "AES256"})


def md5_from_head(head: Mapping[str, Any]) -> str | None:
    """The content's MD5 when S3 vouches for it: the ETag of a single-part object that is
    not encrypted with KMS or a customer key. A listing has no encryption details, so only
    a HEAD (``stat``) fills it."""
    etag = (strip_etag(head.get("ETag")) or "").lower()
    if not _is_plain_md5(etag) or head.get("SSECustomerAlgorithm"):
        return None  # multipart ("<md5>-<parts>"), or unknown, or SSE-C
    if str(head.get("ServerSideEncryption") or "") not in ETAG_IS_MD5_SSE:
        return None
    return etag


def _is_plain_md5(etag: str) -> bool:
    return len(etag) == 32 and all(c in "0123456789abcdef" for c in etag)


def strip_etag(etag: str | None) -> str | None:
    return etag.strip('"') if etag else None
