"""A read checked by ranges (``VerifiedRead.proven_ranges``, Azure's range MD5): a range the
service sent short fails the read, and one it gave no MD5 for, or whose bytes do not match
it, is read again, then fails the read before its bytes are handed on.

A local folder stands in for the service (no SDK): its reads are cut or stripped of their
MD5 here, as a misbehaving server's would be."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.digests import ContentProof, ReadReceipt, ReceiptCallback
from storebrowser.core.errors import ChecksumMismatch
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import DEFAULT_CHUNK
from storebrowser.providers.local.provider import LocalProvider
from storebrowser.transfers.stream import UNPROVEN_READS, VerifiedRead
from storebrowser.transfers.verify import ReadUnproven

RANGE = 1000
NONE: frozenset[int] = frozenset()


class RangedFolder(LocalProvider):
    """Ranges of at most ``RANGE`` bytes come with their MD5, but for the ranges starting at
    ``no_md5`` (every read of them) or ``no_md5_once`` (the first); ``short`` ranges lose
    their last byte. ``reads``: the start of each read."""

    def __init__(self, root: Path, *, no_md5: frozenset[int] = NONE, no_md5_once: frozenset[int] = NONE,
                 short: frozenset[int] = NONE, damaged: frozenset[int] = NONE,
                 damaged_once: frozenset[int] = NONE) -> None:  # fmt: skip
        super().__init__(root)
        self.no_md5, self.no_md5_once, self.short = no_md5, no_md5_once, short
        self.damaged, self.damaged_once = damaged, damaged_once
        self.reads: list[int | None] = []

    def content_proof(
        self, container: str, key: str, listed: ObjectInfo | None = None, *, exact_layout: bool = False
    ) -> ContentProof:
        return ContentProof(self.stat(container, key), "test range MD5", range_md5_limit=RANGE)

    def iter_read(
        self,
        container: str,
        key: str,
        byte_range: ByteRange = ByteRange(),
        *,
        chunk_size: int = DEFAULT_CHUNK,
        cancel: CancelToken = NEVER,
        receipt: ReceiptCallback | None = None,
    ) -> Iterator[bytes]:
        data = b"".join(super().iter_read(container, key, byte_range, chunk_size=chunk_size, cancel=cancel))
        digest = hashlib.md5(data, usedforsecurity=False).hexdigest()
        first = byte_range.start not in self.reads
        self.reads.append(byte_range.start)
        stripped = byte_range.start in self.no_md5 or (first and byte_range.start in self.no_md5_once)
        md5 = None if stripped else digest
        if receipt is not None:
            receipt(ReadReceipt(self.stat(container, key).etag, md5))
        if byte_range.start in self.damaged or (first and byte_range.start in self.damaged_once):
            data = bytes([data[0] ^ 1]) + data[1:]  # damaged on the way, after the MD5 was made
        yield data[:-1] if byte_range.start in self.short else data


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "box").mkdir()
    (tmp_path / "box" / "blob.bin").write_bytes(os.urandom(3 * RANGE + 10))
    return tmp_path


def _read(provider: RangedFolder) -> tuple[bytes, str]:
    read = VerifiedRead(provider, "box", "blob.bin")
    return b"".join(read), read.note


def test_every_range_with_its_md5_is_verified(folder: Path) -> None:
    data, note = _read(RangedFolder(folder))
    assert data == (folder / "box" / "blob.bin").read_bytes()
    assert note == "verified: MD5 of 4 ranges (test range MD5)"


def test_a_range_without_its_md5_is_read_again(folder: Path) -> None:
    provider = RangedFolder(folder, no_md5_once=frozenset({RANGE}))
    data, note = _read(provider)
    assert data == (folder / "box" / "blob.bin").read_bytes()
    assert note == "verified: MD5 of 4 ranges (test range MD5)"
    assert provider.reads == [0, RANGE, RANGE, 2 * RANGE, 3 * RANGE]


def test_a_range_never_proven_fails_the_read_before_its_bytes_are_handed_on(folder: Path) -> None:
    """Not "the others checked by length": a reply without the MD5 the service proves
    every range by is an anomaly (a damaged 4-8 MiB blob once passed so)."""
    read = VerifiedRead(RangedFolder(folder, no_md5=frozenset({RANGE})), "box", "blob.bin")
    handed: list[bytes] = []
    with pytest.raises(ReadUnproven, match=f"sent no MD5 with bytes {RANGE}-{2 * RANGE - 1} of 'blob.bin' "
                                           f"\\({UNPROVEN_READS} reads\\)"):  # fmt: skip
        handed.extend(read)
    assert b"".join(handed) == (folder / "box" / "blob.bin").read_bytes()[:RANGE]
    assert not read.note


def test_a_range_sent_short_fails_the_read_even_without_an_md5(folder: Path) -> None:
    with pytest.raises(ChecksumMismatch, match="sent 999 bytes"):
        _read(RangedFolder(folder, no_md5=frozenset({RANGE}), short=frozenset({RANGE})))


def test_a_range_damaged_once_on_the_way_is_read_again(folder: Path) -> None:
    provider = RangedFolder(folder, damaged_once=frozenset({RANGE}))
    data, note = _read(provider)
    assert data == (folder / "box" / "blob.bin").read_bytes()
    assert note == "verified: MD5 of 4 ranges (test range MD5)"
    assert provider.reads == [0, RANGE, RANGE, 2 * RANGE, 3 * RANGE]


def test_a_range_damaged_twice_fails_the_read_before_its_bytes_are_handed_on(folder: Path) -> None:
    read = VerifiedRead(RangedFolder(folder, damaged=frozenset({RANGE})), "box", "blob.bin")
    handed: list[bytes] = []
    with pytest.raises(ChecksumMismatch, match=f"MD5 of bytes {RANGE}-{2 * RANGE - 1} .* \\(read twice\\)"):
        handed.extend(read)
    assert b"".join(handed) == (folder / "box" / "blob.bin").read_bytes()[:RANGE]
