"""Plain (single-request) uploads, and the streams they send.

``ExactSizeStream`` delivers exactly the announced number of bytes, or fails before the last.

A PUT announces ``Content-Length``. If the source then ends early (a file truncated
while it uploads), the proxy waits for the missing bytes until its client timeout; if it
is longer, the extra bytes are silently left out and a wrong object is stored. This
wrapper fails both cases on our side, before the server has the whole body, so nothing
is stored: an early end raises at once, and the last chunk is held back until one more
read shows the source has really ended.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Mapping
from typing import Any, BinaryIO

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import ChecksumMismatch, NotFound
from storebrowser.core.types import ObjectInfo, ProgressCallback
from storebrowser.providers.base import DEFAULT_CHUNK
from storebrowser.providers.streams import ProgressStream, ReadStream
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.metadata import info_from_headers


class ExactSizeStream(ReadStream):
    def __init__(self, raw: BinaryIO, size: int, what: str) -> None:
        super().__init__()
        self._raw = raw
        self._size = size
        self._what = what
        self._start = raw.tell() if raw.seekable() else 0
        self._left = size

    def seekable(self) -> bool:
        return self._raw.seekable()

    def tell(self) -> int:
        return self._raw.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        position = self._raw.seek(offset, whence)
        self._left = self._size - (position - self._start)
        return position

    def read(self, size: int | None = -1) -> bytes:
        if self._left <= 0:
            return b""
        want = self._left if size is None or size < 0 else min(size, self._left)
        data = self._raw.read(want)
        if not data:
            raise self._mismatch(f"the source ended after {self._size - self._left} bytes")
        self._left -= len(data)
        if self._left == 0 and self._raw.read(1):
            raise self._mismatch("the source holds more bytes")
        return data

    def _mismatch(self, why: str) -> ChecksumMismatch:
        return ChecksumMismatch(
            f"The source changed while uploading {self._what}: expected {self._size} bytes but "
            f"{why}. Nothing was stored; try again."
        )


class _ReadOnly:
    """Only ``read``: swiftclient rewinds anything with ``tell``/``seek`` before a retry,
    and calling ``tell`` on a pipe raises."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self.read = raw.read


def put_plain(
    client: SwiftClient,
    container: str,
    key: str,
    stream: BinaryIO,
    *,
    size: int | None,
    headers: Mapping[str, str],
    progress: ProgressCallback | None,
    cancel: CancelToken,
) -> dict[str, str]:
    """One PUT of ``stream``; the MD5 of what was sent must match the ETag Swift computed
    (a mismatch deletes the damaged object and raises ``ChecksumMismatch``). Returns the
    answer's headers (lower-case names)."""
    from swiftclient.utils import LengthWrapper, ReadableToIterable

    what = f"Uploading {key!r} to {container!r}"
    source = stream if size is None else ExactSizeStream(stream, size, f"{key!r}").binary()
    progress_stream = ProgressStream(source, progress, cancel)
    body: Any = progress_stream if progress_stream.seekable() else _ReadOnly(progress_stream)
    data = (
        ReadableToIterable(body, DEFAULT_CHUNK, md5=True)
        if size is None
        else LengthWrapper(body, size, md5=True)
    )
    reply: dict[str, Any] = {}
    etag: str = client.call(
        what,
        lambda c: c.put_object(container, key, data, content_length=size, headers=dict(headers),
                               response_dict=reply),
        container=container,
        key=key,
    )  # fmt: skip
    if etag and etag != data.get_md5sum():
        _delete_damaged(client, container, key)
        raise ChecksumMismatch(
            f"{what}: Swift stored bytes whose MD5 differs from what was sent; the damaged "
            "object was deleted. Try again.",
            container=container,
            key=key,
        )
    return dict(reply.get("headers") or {})


def put_info(
    key: str, answer: Mapping[str, str], sent: Mapping[str, str], size: int | None
) -> ObjectInfo | None:
    """What a HEAD after the PUT would say, from the PUT's answer (its ETag is the MD5 of
    what was sent, checked by ``put_plain``) and what was sent: one request per small
    object, not two. ``None`` when the answer lacks something (then ask)."""
    if size is None or "last-modified" not in answer or "etag" not in answer:
        return None
    headers = {name.lower(): value for name, value in sent.items()}
    return info_from_headers(key, {**answer, **headers, "content-length": str(size)})


def _delete_damaged(client: SwiftClient, container: str, key: str) -> None:
    with contextlib.suppress(NotFound):
        client.call(f"Deleting the damaged {key!r}", lambda c: c.delete_object(container, key))
