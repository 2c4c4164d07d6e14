"""Reads and writes at a position of a file shared by several threads (``pread`` and
``pwrite``; where there are none, a seek and the call under one lock)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

#: Reads ``size`` bytes at ``position`` (fewer at the end of the file).
ReadAt = Callable[[int, int], bytes]

_seek_lock = threading.Lock()


def write_at(fd: int, data: bytes, position: int) -> None:
    """All of ``data`` at ``position``: a short write (a full disk may make one without an
    error) goes on with the rest, so it raises or leaves no gap."""
    view = memoryview(data)
    while view:
        written = _write_some(fd, view, position)
        view, position = view[written:], position + written


def _write_some(fd: int, data: memoryview, position: int) -> int:
    if hasattr(os, "pwrite"):
        return os.pwrite(fd, data, position)
    with _seek_lock:  # Windows: no pwrite; seek and write as one step
        os.lseek(fd, position, os.SEEK_SET)
        return os.write(fd, data)


def read_at(fd: int, size: int, position: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, position)
    with _seek_lock:
        os.lseek(fd, position, os.SEEK_SET)
        return os.read(fd, size)


def reader(fd: int) -> ReadAt:
    return lambda size, position: read_at(fd, size, position)
