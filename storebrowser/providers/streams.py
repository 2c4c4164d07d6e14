"""File-like wrappers that providers hand to their SDKs."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO, cast

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.types import ProgressCallback

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


class ReadStream(io.RawIOBase):
    """A readable raw stream whose subclass implements ``read``; ``readinto`` (what
    ``io.BufferedReader`` and ``shutil`` call) copies from it."""

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        raise NotImplementedError

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def binary(self) -> BinaryIO:
        """This stream where a ``BinaryIO`` is expected: at run time it is a binary file
        (read, seek, close...), but typeshed does not declare ``io.RawIOBase`` one."""
        return cast(BinaryIO, self)


class ProgressStream(ReadStream):
    """Wrap a stream: report bytes read as progress and check the cancel token per read.

    Progress follows the high-water mark of the position, so an SDK that reads a body
    once to checksum it and rewinds to send it does not count the bytes twice.
    """

    def __init__(
        self,
        raw: BinaryIO,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = NEVER,
    ) -> None:
        super().__init__()
        self._raw = raw
        self._progress = progress
        self._cancel = cancel
        self._seekable = raw.seekable()
        # The position is kept here, not asked of ``raw``: a file's ``tell`` is an lseek
        # system call, and the SDKs ask for it per read and per request (it was 8 % of
        # the CPU of small s3api uploads). Nothing else moves ``raw`` meanwhile.
        self._position = raw.tell() if self._seekable else 0
        self._start = self._position
        self._high = self._start
        self.reported = 0

    @classmethod
    def of_bytes(
        cls, data: bytes, progress: ProgressCallback | None = None, cancel: CancelToken = NEVER
    ) -> ProgressStream:
        return cls(io.BytesIO(data), progress, cancel)

    def seekable(self) -> bool:
        return self._seekable

    def tell(self) -> int:
        if not self._seekable:
            return self._raw.tell()  # raises as the stream's own would
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._position = self._raw.seek(offset, whence)
        return self._position

    def read(self, size: int | None = -1) -> bytes:
        self._cancel.raise_if_cancelled()
        data = self._raw.read(-1 if size is None else size)
        self._position += len(data)
        self._advance(len(data))
        return data

    def _advance(self, count: int) -> None:
        position = self._position if self._seekable else self._high + count
        if position > self._high:
            delta = position - self._high
            self._high = position
            self.reported += delta
            if self._progress is not None:
                self._progress(delta)


def read_exactly(stream: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes or up to EOF, across short reads of pipes and sockets."""
    chunks: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


class IterStream(ReadStream):
    """A readable stream over an iterator of byte chunks (a download feeding an upload).

    Not seekable; uploads of it therefore go by size or in parts, never re-read."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._buffer = b""

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            data = self._buffer + b"".join(self._chunks)
            self._buffer = b""
            return data
        while len(self._buffer) < size:
            chunk = next(self._chunks, b"")
            if not chunk:
                break
            self._buffer += chunk
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()  # a generator releases its connection
        super().close()
