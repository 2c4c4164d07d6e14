"""The raw streams providers hand their SDKs: ``readinto`` (what io.BufferedReader and
shutil call) fills any writable buffer from ``read``, whatever stream sits underneath."""

from __future__ import annotations

import io
import shutil

from storebrowser.providers.streams import IterStream, ProgressStream


def test_readinto_fills_a_bytearray_and_says_how_much() -> None:
    stream = IterStream(iter([b"abc", b"de"]))
    buffer = bytearray(4)
    assert stream.readinto(buffer) == 4 and buffer == b"abcd"
    assert stream.readinto(buffer) == 1 and buffer[:1] == b"e"
    assert stream.readinto(buffer) == 0


def test_readinto_fills_a_memoryview_of_part_of_a_buffer() -> None:
    stream = ProgressStream.of_bytes(b"0123456789")
    backing = bytearray(b"..........")
    assert stream.readinto(memoryview(backing)[2:6]) == 4
    assert backing == b"..0123...."


def test_buffered_reader_and_copyfileobj_read_every_byte() -> None:
    chunks = [bytes([n]) * (1000 + n) for n in range(20)]
    assert io.BufferedReader(IterStream(iter(chunks)), buffer_size=4096).read() == b"".join(chunks)
    progress: list[int] = []
    target = io.BytesIO()
    shutil.copyfileobj(ProgressStream.of_bytes(b"x" * 100_000, progress.append), target, 8192)
    assert target.getvalue() == b"x" * 100_000 and sum(progress) == 100_000
