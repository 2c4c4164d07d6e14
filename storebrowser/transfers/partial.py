"""What of a ``.part`` file a download may reuse: only what is proven.

Parts are written in parallel and out of order, so a ``.part`` file's length says
nothing about which of its bytes are there: a killed download leaves holes. A part is
reused only when
- the journal records it as written, with the same range, and its bytes on disk still
  have the CRC32 recorded when they were written (``proven_parts``); or
- the file was found without a journal entry (policy RESUME) and the service vouches
  for digests it can be checked against (``adoptable_parts``): a Swift segment's MD5 is
  checked at once; a whole-object digest (MD5, SHA-256, the S3 multipart ETag) only at
  the end, so such parts are taken ``unproven`` and fetched again if that check fails.
  With only per-read digests (Azure), a whole digest that is only the writer's claim
  (an Azure blob's Content-MD5, ``ContentProof.per_read`` behind it) or none, nothing
  can be proven: the file is discarded.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass

from storebrowser.core.digests import ContentProof, Segment, new_hasher
from storebrowser.core.errors import ChecksumMismatch
from storebrowser.core.types import PartRecord
from storebrowser.transfers.positional import ReadAt
from storebrowser.transfers.verify import PartCheck, crc32_hex, read_range


@dataclass(frozen=True, slots=True)
class PartLayout:
    """An object of ``size`` bytes in parts of ``part_size``, numbered from 1."""

    size: int
    part_size: int

    @property
    def count(self) -> int:
        return -(-self.size // self.part_size)

    def bounds(self, number: int) -> tuple[int, int]:
        start = (number - 1) * self.part_size
        return start, min(self.size, start + self.part_size)

    def segments(self) -> tuple[Segment, ...]:
        return tuple(Segment(*self.bounds(n)) for n in range(1, self.count + 1))

    def record(self, number: int, check: PartCheck) -> PartRecord:
        """The journal row of a part: its start in ``token`` (a resume with another part
        size must not take part N for another range)."""
        start, end = self.bounds(number)
        return PartRecord(number, end - start, str(start), check.encode())


def proven_parts(
    read_at: ReadAt, parts: Mapping[int, PartRecord], layout: PartLayout, *, with_md5: bool = False
) -> dict[int, PartRecord]:
    """The journaled parts whose range is the layout's and whose bytes still match;
    ``with_md5``: only those journaled with the MD5 the service sent with them (a proof
    by the MD5 of each read checks every part by its own)."""
    kept = {}
    for number, part in parts.items():
        check = PartCheck.decode(part.checksum)
        if check is None or not 1 <= number <= layout.count or layout.record(number, check) != part:
            continue
        if with_md5 and check.md5 is None:
            continue
        if _crc_on_disk(read_at, *layout.bounds(number)) == check.crc32:
            kept[number] = part
    return kept


def adoptable_parts(
    read_at: ReadAt, length: int, proof: ContentProof, layout: PartLayout
) -> dict[int, PartRecord]:
    """Parts of a ``.part`` file of ``length`` bytes found without a journal entry."""
    if layout.count <= 1:
        return {}  # one request fetches it all again
    if proof.per_read is not None:
        # The whole digest is only its writer's claim (a block list's Content-MD5): bytes
        # that did not come from the service could match a wrong one.
        return {}
    if proof.segments and proof.combined is None:
        return _proven_by_segments(read_at, length, proof.segments, proof.algorithm, layout)
    if proof.whole or proof.combined:
        return _taken_unproven(read_at, length, layout)
    return {}


def _proven_by_segments(
    read_at: ReadAt, length: int, segments: tuple[Segment, ...], algorithm: str, layout: PartLayout
) -> dict[int, PartRecord]:
    """Whole parts inside segments whose digest the bytes on disk match."""
    adopted = {}
    for segment in segments:
        if not segment.digest or segment.end > length:
            continue
        hasher = new_hasher(algorithm)
        read_range(read_at, segment.start, segment.end, [hasher.update])
        if hasher.hexdigest() != segment.digest.lower():
            continue
        for number in range(1, layout.count + 1):
            start, end = layout.bounds(number)
            if segment.start <= start and end <= segment.end:
                crc = _crc_on_disk(read_at, start, end)
                if crc is not None:  # None only when the file shrank since the segment was read
                    adopted[number] = layout.record(number, PartCheck(crc))
    return adopted


def _taken_unproven(read_at: ReadAt, length: int, layout: PartLayout) -> dict[int, PartRecord]:
    """Whole parts within the file that are not all zeros (a hole reads as zeros: a part
    that never arrived; the few parts truly all zeros are fetched again, harmlessly)."""
    taken = {}
    for number in range(1, layout.count + 1):
        start, end = layout.bounds(number)
        if end > length:
            break
        crc, zeros = _crc_and_zeros(read_at, start, end)
        if not zeros:
            taken[number] = layout.record(number, PartCheck(crc, unproven=True))
    return taken


def _crc_on_disk(read_at: ReadAt, start: int, end: int) -> str | None:
    try:
        return _crc_and_zeros(read_at, start, end)[0]
    except ChecksumMismatch:  # the file is shorter than the part
        return None


class _CrcAndZeros:
    def __init__(self) -> None:
        self.crc, self.zeros = 0, True

    def take(self, block: bytes) -> None:
        self.crc = zlib.crc32(block, self.crc)
        if self.zeros and block.count(0) != len(block):
            self.zeros = False


def _crc_and_zeros(read_at: ReadAt, start: int, end: int) -> tuple[str, bool]:
    seen = _CrcAndZeros()
    read_range(read_at, start, end, [seen.take])
    return crc32_hex(seen.crc), seen.zeros
