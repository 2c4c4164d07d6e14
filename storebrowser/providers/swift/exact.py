"""A stream that delivers exactly the announced number of bytes, or fails before the last.

A PUT announces ``Content-Length``. If the source then ends early (a file truncated
while it uploads), the proxy waits for the missing bytes until its client timeout; if it
is longer, the extra bytes are silently left out and a wrong object is stored. This
wrapper fails both cases on our side, before the server has the whole body, so nothing
is stored: an early end raises at once, and the last chunk is held back until one more
read shows the source has really ended.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from storebrowser.core.errors import ChecksumMismatch


class ExactSizeStream(io.RawIOBase):
    def __init__(self, raw: BinaryIO, size: int, what: str) -> None:
        super().__init__()
        self._raw = raw
        self._size = size
        self._what = what
        self._start = raw.tell() if raw.seekable() else 0
        self._left = size

    def readable(self) -> bool:
        return True

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

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _mismatch(self, why: str) -> ChecksumMismatch:
        return ChecksumMismatch(
            f"The source changed while uploading {self._what}: expected {self._size} bytes but "
            f"{why}. Nothing was stored; try again."
        )
