"""Ranged reads, checked against the asked range.

A streamed GET keeps its connection busy until the body is read, so the read borrows a
connection of the pool for as long as the consumer iterates, checks the cancel token per
chunk, and closes the connection (instead of returning it) when the consumer stops
early with bytes still on the wire.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from storebrowser.core.cancel import CancelToken
from storebrowser.core.digests import ReadReceipt, ReceiptCallback
from storebrowser.core.errors import Transient
from storebrowser.core.mtime import stored_mtime
from storebrowser.core.ranges import ByteRange, check_range_reply
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.errors import status_of, swift_errors
from storebrowser.providers.swift.metadata import (
    info_from_headers,
    parse_http_date,
    unquote_etag,
    user_metadata,
)


def head(client: SwiftClient, container: str, key: str, query: str | None = None) -> dict[str, str]:
    """HEAD the object; ``query`` is added to the URL (``version-id=...``)."""
    headers: dict[str, str] = client.call(
        f"Reading {key!r} in {container!r}",
        lambda c: c.head_object(container, key, query_string=query),
        container=container,
        key=key,
    )
    return headers


def concrete_range(
    client: SwiftClient, container: str, key: str, asked: ByteRange, query: str | None = None
) -> ByteRange | None:
    """``asked`` in a form HTTP can say, or ``None`` when no bytes can come back.

    Ranges that need the size (``[2:-2]``) cost a HEAD; a missing object raises
    ``NotFound`` here even when the range is empty whatever the size.
    """
    if asked.needs_size or (asked.end is not None and asked.start >= 0 and asked.end <= asked.start):
        size = info_from_headers(key, head(client, container, key, query)).size
        start, end = asked.resolve(size)
        return ByteRange(start, end) if end > start else None
    return asked


def iter_read(
    client: SwiftClient,
    container: str,
    key: str,
    asked: ByteRange,
    *,
    chunk_size: int,
    cancel: CancelToken,
    receipt: ReceiptCallback | None = None,
    query: str | None = None,
) -> Iterator[bytes]:
    """``data[asked]``; ``query`` is added to the URL (``version-id=...``)."""
    cancel.raise_if_cancelled()
    byte_range = concrete_range(client, container, key, asked, query)
    if byte_range is None:
        return
    where = f"{key!r} in {container!r}"
    what = f"Reading {where}"
    header = byte_range.http_header()
    request_headers = {"Range": header} if header else None
    connection = client.checkout()
    reply: dict[str, Any] = {}
    try:
        with swift_errors(what, container=container, key=key):
            opened = _open(client, connection, container, key, request_headers, chunk_size, reply, query)
    except BaseException as error:
        client.release(connection, error)
        raise
    if opened is None:
        client.checkin(connection)
        return  # the object exists and the range starts past its end: no bytes, as slicing
    headers, body = opened
    if receipt is not None:
        receipt(receipt_of(headers))
    yield from _stream(client, connection, byte_range, headers, body, reply, where, cancel)


def receipt_of(headers: dict[str, str]) -> ReadReceipt:
    """What a GET's reply said of the object: its ETag, stored time and upload time."""
    return ReadReceipt(
        unquote_etag(headers.get("etag")),
        mtime_ns=stored_mtime(user_metadata(headers)),
        modified=parse_http_date(headers.get("last-modified")),
    )


def _open(
    client: SwiftClient,
    connection: Any,
    container: str,
    key: str,
    request_headers: dict[str, str] | None,
    chunk_size: int,
    reply: dict[str, Any],
    query: str | None = None,
) -> tuple[dict[str, str], Any] | None:
    try:
        opened: tuple[dict[str, str], Any] = client.run(
            connection,
            lambda c: c.get_object(
                container, key, resp_chunk_size=chunk_size, headers=request_headers,
                response_dict=reply, query_string=query,
            ),
        )  # fmt: skip
    except Exception as error:
        if status_of(error) == 416:
            return None
        raise
    return opened


def _stream(
    client: SwiftClient,
    connection: Any,
    byte_range: ByteRange,
    headers: dict[str, str],
    body: Any,
    reply: dict[str, Any],
    where: str,
    cancel: CancelToken,
) -> Iterator[bytes]:
    finished = False
    try:
        with swift_errors(f"Reading {where}"):
            length = headers.get("content-length")
            expected = int(length) if length is not None else None
            if byte_range.http_header() is not None:
                check_range_reply(
                    byte_range,
                    partial=reply.get("status") == 206,
                    content_range=headers.get("content-range"),
                    body_length=expected,
                    where=where,
                )
            received = 0
            for chunk in body:
                cancel.raise_if_cancelled()
                received += len(chunk)
                yield chunk
            if expected is not None and received != expected:
                raise Transient(
                    f"Reading {where}: the connection ended after {received} of {expected} "
                    "bytes. Retry to read the rest."
                )
            finished = True
    finally:
        if finished:
            client.checkin(connection)
        else:
            body.close()  # bytes are still on the wire: this connection cannot be reused
            client.discard(connection)
