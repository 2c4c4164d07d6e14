"""Ranged reads that check every reply against the asked bytes.

``download_blob(offset, length)`` splits a read into requests of its own; a response
hook sees each raw reply, with the Range the SDK asked for, before the SDK trusts it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from storebrowser.core.cancel import CancelToken
from storebrowser.core.digests import ContentProof, ReadReceipt, ReceiptCallback, hex_of_base64
from storebrowser.core.mtime import MTIME_KEY, parse_mtime
from storebrowser.core.ranges import ByteRange, check_range_reply
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.azure.errors import azure_errors, status_code
from storebrowser.providers.azure.properties import strip_etag
from storebrowser.providers.versions_api import DEFAULT_CHUNK

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient

_ASKED = re.compile(r"^bytes=(\d+)-(\d*)$")
#: The largest read the service sends an MD5 with (``x-ms-range-get-content-md5``).
RANGE_MD5_LIMIT = 4 * 1024 * 1024


def blob_proof(info: ObjectInfo) -> ContentProof:
    """What a download of the blob ``info`` is checked against: its Content-MD5 where it
    has one, the whole file hashed once, with the service's MD5 of each read of up to
    ``RANGE_MD5_LIMIT`` behind it (``ContentProof.per_read``), else those MD5s alone.

    The service computed the Content-MD5 of a blob put in one request; a blob committed
    from blocks has the one its writer claimed (ours and rclone's: the MD5 of the bytes
    sent; other writers' none, or anything). The range MD5s are the service's own, from
    the stored bytes, but reads with them must be small and cost the service a hash each
    (on Azurite they halve a download's speed): they are the way when there is no
    Content-MD5, when it did not match what arrived, and for a stream."""
    by_ranges = ContentProof(info, "Azure range MD5", range_md5_limit=RANGE_MD5_LIMIT)
    if info.content_md5:
        claimed = info.content_md5.lower()
        return ContentProof(info, "the blob's Content-MD5", whole=claimed, per_read=by_ranges)
    return by_ranges


def iter_blob(
    blob: BlobClient,
    byte_range: ByteRange,
    cancel: CancelToken,
    receipt: ReceiptCallback | None = None,
    *,
    piece: int | None = None,
) -> Iterator[bytes]:
    """``data[byte_range]`` of the blob, streamed in the SDK's chunks. With ``receipt``, a
    read of at most ``RANGE_MD5_LIMIT`` bytes asks the service for the MD5 of the range
    (computed by the service from the stored bytes) and hands it on with the ETag.

    The SDK reads each of its gets (8 MiB) whole before handing on a byte, so a read held
    to a bandwidth limit would come in bursts of 8 MiB: ``piece`` asks for gets of at most
    that many bytes instead, each of the version the first one read (a checked read,
    one reply with its MD5, stays one get)."""
    where = f"{blob.blob_name!r} in {blob.container_name!r}"
    action = f"Reading {where}"
    window, etag = _window(blob, byte_range, action, sized=piece is not None)
    if window is None:
        return
    offset, length = window
    checked = receipt is not None and length is not None and 0 < length <= RANGE_MD5_LIMIT
    if piece is not None and not checked and offset is not None and length is not None and length > piece:
        yield from _in_pieces(blob, (offset, length), piece, etag, cancel, receipt)
        return
    yield from _one_read(blob, window, etag, cancel, receipt, md5=checked)


def small_gets(chunk_size: int) -> int | None:
    """``iter_blob``'s ``piece`` for a provider's ``chunk_size``: the SDK's 8 MiB gets
    (``client.CLIENT_OPTIONS``) for the usual chunk, gets of ``chunk_size`` for a smaller
    one, which only a read held to a bandwidth limit asks (``Bandwidth.whole_read_size``)."""
    return chunk_size if chunk_size < DEFAULT_CHUNK else None


def _one_read(
    blob: BlobClient, window: Window, etag: str | None, cancel: CancelToken,
    receipt: ReceiptCallback | None, *, md5: bool,
) -> Iterator[bytes]:  # fmt: skip
    """One ``download_blob`` (the SDK may cut it in several gets); ``md5``: ask the
    service for the range's MD5; ``etag``: read only that version."""
    where = f"{blob.blob_name!r} in {blob.container_name!r}"
    offset, length = window
    # decompress=False: the stored bytes, as asked. The SDK would otherwise decode a blob
    # whose Content-Encoding is gzip (and fail on a range of it, or on bytes that only
    # claim to be gzip), so sizes, MD5s and previews would not be the object's.
    replies: list[_Reply] = []
    options: dict[str, Any] = {"raw_response_hook": _range_checker(where, replies), "decompress": False}
    if md5:
        options["headers"] = {"x-ms-range-get-content-md5": "true"}
    if etag is not None:
        from azure.core import MatchConditions

        # The size came from a separate request: read the very version it described.
        options.update(etag=etag, match_condition=MatchConditions.IfNotModified)
    with azure_errors(f"Reading {where}", container=blob.container_name, key=blob.blob_name):
        try:
            downloader = blob.download_blob(offset=offset, length=length, **options)
        except Exception as error:
            if status_code(error) == 416:  # starts at or past the end: an empty slice
                return
            raise
        cancel.raise_if_cancelled()
        if receipt is not None:
            receipt(_delivered(replies, window))
        for chunk in downloader.chunks():
            cancel.raise_if_cancelled()
            yield chunk


@dataclasses.dataclass(frozen=True, slots=True)
class _Reply:
    """One reply to a get: the bytes it was asked for (``None``: no range) and what it said."""

    asked: ByteRange | None
    said: ReadReceipt


def _delivered(replies: list[_Reply], window: Window) -> ReadReceipt:
    """What the replies of ``download_blob`` (before its first chunk: its first get, asked
    again by the SDK when an answer broke off) said of the bytes it hands on: the last
    reply's. ``StorageStreamDownloader._initial_request`` tries it up to 3 times in all,
    with the same headers (the same MD5 asked for) and unpinned, so a blob replaced meanwhile
    answers in its new version (its later gets are pinned to that reply). The MD5 counts
    when that reply was asked for exactly the read's bytes: not for the first get of a
    read the SDK splits."""
    if not replies:
        return ReadReceipt(None)
    last = replies[-1]
    offset, length = window
    read = ByteRange(offset, offset + length) if offset is not None and length is not None else None
    if read is not None and last.asked == read:
        return last.said
    return dataclasses.replace(last.said, md5=None)


def _in_pieces(
    blob: BlobClient, window: tuple[int, int], piece: int, etag: str | None, cancel: CancelToken,
    receipt: ReceiptCallback | None,
) -> Iterator[bytes]:  # fmt: skip
    """``window`` in gets of at most ``piece`` bytes; the first one's ETag pins the rest."""
    offset, length = window
    said: list[ReadReceipt] = []
    for start in range(offset, offset + length, piece):
        first = start == offset
        size = min(piece, offset + length - start)
        yield from _one_read(blob, (start, size), etag, cancel, said.append if first else None, md5=False)
        if first:
            etag = etag or _quoted(said[-1].etag if said else None)
            if receipt is not None:  # the first piece's MD5 is not the window's
                receipt(dataclasses.replace(said[-1], md5=None) if said else ReadReceipt(None))


def _quoted(etag: str | None) -> str | None:
    """An ETag as the service writes it (``strip_etag`` took its quotes off)."""
    return f'"{etag}"' if etag else None


#: ``(offset, length)`` as ``download_blob`` takes them; ``None`` for "to the end".
Window = tuple[int | None, int | None]


def _window(
    blob: BlobClient, byte_range: ByteRange, action: str, *, sized: bool = False
) -> tuple[Window | None, str | None]:
    """``(offset, length)`` for the SDK (``None`` when nothing is to be read) and the ETag
    to pin when the size had to be looked up (``sized``: always, for a concrete window)."""
    if byte_range.is_whole and not sized:
        return (None, None), None
    if byte_range.start < 0 or byte_range.needs_size or (sized and byte_range.end is None):
        # The SDK takes no suffix ranges: learn the size, then ask concrete bytes.
        with azure_errors(action, container=blob.container_name, key=blob.blob_name):
            properties = blob.get_blob_properties()
        start, end = byte_range.resolve(properties.size)
        return ((start, end - start) if end > start else None), properties.etag
    if byte_range.end is not None and byte_range.end <= byte_range.start:
        with azure_errors(action, container=blob.container_name, key=blob.blob_name):
            blob.get_blob_properties()  # empty whatever the size; a missing blob still says so
        return None, None
    length = None if byte_range.end is None else byte_range.end - byte_range.start
    return (byte_range.start, length), None


def _upload_time(headers: Any) -> datetime | None:
    try:
        return parsedate_to_datetime(headers.get("Last-Modified") or "")
    except (TypeError, ValueError):
        return None


def _stored_mtime(headers: Any) -> int | None:
    """rclone's ``mtime`` as the reply's metadata header (``x-ms-meta-mtime``) holds it."""
    value = headers.get(f"x-ms-meta-{MTIME_KEY}")
    return parse_mtime(value) if value else None


def _range_checker(where: str, replies: list[_Reply]) -> Any:
    """Checks each reply's range; keeps what each was asked and said of itself in ``replies``."""

    def check(response: Any) -> None:
        asked_header = response.http_request.headers.get("x-ms-range") or response.http_request.headers.get(
            "Range"
        )
        http = response.http_response
        match = _ASKED.match(asked_header or "")
        asked = ByteRange(int(match[1]), int(match[2]) + 1 if match[2] else None) if match else None
        if http.status_code in (200, 206):
            md5 = http.headers.get("Content-MD5")
            etag = strip_etag(http.headers.get("ETag"))
            stored = _stored_mtime(http.headers)
            said = ReadReceipt(etag, hex_of_base64(md5) if md5 else None, mtime_ns=stored,
                               modified=_upload_time(http.headers))  # fmt: skip
            replies.append(_Reply(asked, said))
        if asked is None or http.status_code not in (200, 206):
            return  # errors are the SDK's to raise; 416 means an empty slice
        length = http.headers.get("Content-Length")
        check_range_reply(
            asked,
            partial=http.status_code == 206,
            content_range=http.headers.get("Content-Range"),
            body_length=int(length) if length else None,
            where=where,
        )

    return check
