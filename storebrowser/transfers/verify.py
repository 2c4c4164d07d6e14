"""Checking a downloaded ``.part`` file against what the service vouches for.

Two checks, for two questions:
- *Is this the object?* Each segment the service gives a digest for (the whole object,
  an S3 part, a Swift segment, an Azure range) is hashed from the file on disk as soon
  as its bytes are written (``SegmentHasher``: read back while still in the page cache,
  while later parts still travel: no second pass at the end) and compared at the end
  (``check``).
- *Are the bytes on disk still the ones written?* Each finished part's CRC32, taken from
  the bytes as they arrived, goes into the journal (``PartCheck``); a resume re-reads a
  part and compares before reusing it. CRC32 is enough for that (it guards against
  holes, truncation and stray writes, not against an adversary; the server's digests
  do the rest) and costs a fifth of an MD5.
"""

from __future__ import annotations

import bisect
import itertools
import threading
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from storebrowser.core.digests import ContentProof, Hasher, ReadReceipt, Segment, combine_digests, new_hasher
from storebrowser.core.errors import ChecksumMismatch
from storebrowser.transfers.positional import ReadAt

HASH_BLOCK = 1024 * 1024
_NAMES = {"md5": "MD5", "sha256": "SHA-256", "sha1": "SHA-1", "crc32": "CRC32"}


class VersionChanged(ChecksumMismatch):
    """A read came from another version of the object than the one the download started
    with (its ETag differs): the object changed on the server meanwhile."""


class ClaimDisproved(ChecksumMismatch):
    """What arrived did not match a digest only the object's writer vouched for (an Azure
    blob's Content-MD5), behind which the service's own proof of each read stands
    (``ContentProof.per_read``): a wrong claim, or bytes damaged on the way; reading the
    object again by that proof tells which, and proves what arrives."""


class ReadUnproven(ChecksumMismatch):
    """A read the service proves (``ContentProof.range_md5_limit``: it sends the MD5 of
    every read of up to that many bytes) came without its MD5: an anomaly, not a blob
    without proof. The read is asked again as the engine's retry policy says; its bytes
    are never taken by their size alone."""

    retryable = True


@dataclass(frozen=True, slots=True)
class PartCheck:
    """What the journal keeps of a written part (the ``parts.checksum`` column): the
    CRC32 of its bytes, the MD5 the service sent with them (Azure), and whether the part
    was taken from a ``.part`` file found without a journal entry and not proven yet
    (``unproven``: a whole-object check must pass before it counts)."""

    crc32: str
    md5: str | None = None
    unproven: bool = False

    def encode(self) -> str:
        words = [f"crc32={self.crc32}"]
        if self.md5:
            words.append(f"md5={self.md5}")
        if self.unproven:
            words.append("unproven")
        return " ".join(words)

    @classmethod
    def decode(cls, text: str | None) -> PartCheck | None:
        """``None`` for anything else (a journal from before parts had checks)."""
        fields = dict(word.partition("=")[::2] for word in (text or "").split())
        crc = fields.get("crc32", "")
        if len(crc) != 8:
            return None
        return cls(crc, fields.get("md5") or None, "unproven" in fields)


def crc32_hex(value: int) -> str:
    return f"{value & 0xFFFFFFFF:08x}"


def read_range(read_at: ReadAt, start: int, end: int, sinks: Iterable[Callable[[bytes], object]]) -> None:
    """Feed bytes ``[start, end)`` of the file to each of ``sinks``, a block at a time."""
    sinks = list(sinks)
    position = start
    while position < end:
        block = read_at(min(HASH_BLOCK, end - position), position)
        if not block:
            raise ChecksumMismatch(f"The partial file ended at byte {position} of {end}.")
        for sink in sinks:
            sink(block)  # hashlib and zlib let go of the GIL on big blocks
        position += len(block)


def crc32_of(read_at: ReadAt, start: int, end: int) -> str:
    crc = [0]
    read_range(read_at, start, end, [lambda block: crc.__setitem__(0, zlib.crc32(block, crc[0]))])
    return crc32_hex(crc[0])


def file_digests(read_at: ReadAt, segments: Sequence[Segment], algorithm: str) -> list[str]:
    """Each segment's digest, read now (a second pass: only for fallbacks)."""
    digests = []
    for segment in segments:
        hasher = new_hasher(algorithm)
        read_range(read_at, segment.start, segment.end, [hasher.update])
        digests.append(hasher.hexdigest())
    return digests


class _Progress:
    """One segment being hashed in order: how far, by which hasher, under which lock."""

    def __init__(self, segment: Segment, algorithm: str) -> None:
        self.start, self.end = segment.start, segment.end
        self.position = segment.start
        self.hasher: Hasher = new_hasher(algorithm)
        self.lock = threading.Lock()  # one thread hashes a segment at a time


class SegmentHasher:
    """Digests of a file's segments while its parts (of ``part_size``, numbered from 1)
    are written in any order: each segment is hashed in order as far as its bytes are
    written, by whichever worker finished the part that let it go on. A worker that
    finds another at a segment goes back to downloading; ``hexdigests`` catches up."""

    def __init__(self, read_at: ReadAt, segments: Sequence[Segment], algorithm: str, part_size: int,
                 *, written: Iterable[int] = ()) -> None:  # fmt: skip
        self.segments = tuple(segments)
        self.algorithm = algorithm
        self._read_at, self._part_size = read_at, part_size
        self._progress = [_Progress(segment, algorithm) for segment in self.segments]
        self._starts = [segment.start for segment in self.segments]  # sorted: bisect finds a part's
        self._written = set(written)
        self._state = threading.Lock()  # guards _written

    def part_done(self, number: int) -> None:
        with self._state:
            self._written.add(number)
        start = (number - 1) * self._part_size
        end = start + self._part_size
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        for progress in itertools.takewhile(lambda p: p.start < end, self._progress[first:]):
            if start < progress.end:
                self._advance(progress, wait=False)

    def hexdigests(self) -> list[str]:
        for progress in self._progress:
            self._advance(progress, wait=True)
            if progress.position < progress.end:  # a bug, not I/O
                raise RuntimeError(f"bytes from {progress.position} were never reported written")
        return [progress.hasher.hexdigest() for progress in self._progress]

    def _advance(self, progress: _Progress, *, wait: bool) -> None:
        while progress.lock.acquire(blocking=wait):
            try:
                while (upto := self._written_upto(progress)) > progress.position:
                    read_range(self._read_at, progress.position, upto, [progress.hasher.update])
                    progress.position = upto
            finally:
                progress.lock.release()
            # A part reported while this thread was letting go would wait for the end.
            if wait or self._written_upto(progress) <= progress.position:
                return

    def _written_upto(self, progress: _Progress) -> int:
        position = progress.position
        with self._state:
            while position < progress.end and position // self._part_size + 1 in self._written:
                position = min(progress.end, (position // self._part_size + 1) * self._part_size)
        return position


@dataclass(frozen=True, slots=True)
class Hashed:
    """What was hashed while downloading: these segments, by this algorithm."""

    segments: tuple[Segment, ...]
    algorithm: str
    digests: tuple[str, ...]


def segments_to_hash(proof: ContentProof, parts: Sequence[Segment]) -> tuple[Segment, ...]:
    """The segments whose digests ``check`` needs: an Azure proof's are the download's
    parts (each read comes with its MD5); a manifest's only those with a digest."""
    if proof.range_md5_limit and not proof.segments:
        return tuple(parts)
    if proof.segments and proof.combined is None:
        return tuple(segment for segment in proof.segments if segment.digest)
    if proof.segments or proof.whole:
        return proof.layout()
    return ()


def checked_read_size(proof: ContentProof, wanted: int) -> int:
    """The size of the reads of an object checked by the MD5 of each (``proof``'s
    ``range_md5_limit``): ``wanted``, up to that limit. A read of a whole blob is answered,
    for its MD5, with the blob's Content-MD5 (Azurite: ``if (!partialRead) contentMD5 =
    blob.properties.contentMD5``; Get Blob's documentation says so of a read of the
    complete blob), which is only its writer's claim: a blob with one that fits one read
    is read in two halves, each MD5 the service's own (a blob of 1 byte cannot be)."""
    size = min(wanted, proof.range_md5_limit)
    if proof.info.content_md5 and proof.info.size <= size:
        size = max(1, -(-proof.info.size // 2))
    return size


def check(proof: ContentProof, hashed: Hashed, part_md5s: Mapping[int, str | None], key: str) -> str:
    """Compare; return the item's note, or raise ``ChecksumMismatch`` saying what differs.
    ``part_md5s``: for a per-read proof, the MD5 the service sent with each part."""
    name = _NAMES.get(proof.algorithm, proof.algorithm.upper())
    if proof.segments and proof.combined is not None and proof.combine is not None:
        got = combine_digests(proof.combine, hashed.digests)
        _expect(got, proof.combined, f"{name} of the {len(hashed.digests)} parts", proof, key)
        return f"verified: {name} of {len(hashed.digests)} parts ({proof.label})"
    if proof.segments:
        return _check_segments(proof, hashed, name, key)
    if proof.whole:
        _expect(hashed.digests[0], proof.whole, name, proof, key)
        return f"verified: {name} of the whole object ({proof.label})"
    if proof.range_md5_limit:
        return _check_reads(proof, hashed, part_md5s, key)
    return f"verified: size only ({proof.reason})"


def _check_segments(proof: ContentProof, hashed: Hashed, name: str, key: str) -> str:
    for number, (segment, got) in enumerate(zip(hashed.segments, hashed.digests, strict=True), 1):
        assert segment.digest is not None
        _expect(got, segment.digest, f"{name} of segment {number} (bytes {segment.start}-{segment.end - 1})",
                proof, key)  # fmt: skip
    total = len(proof.segments)
    checked = len(hashed.segments)
    if checked == total:
        return f"verified: {name} of {total} segments ({proof.label})"
    return (f"verified: {name} of {checked} of {total} segments ({proof.label}); the other "
            f"{total - checked} (ranges of other objects or nested manifests) by size only")  # fmt: skip


def _check_reads(proof: ContentProof, hashed: Hashed, part_md5s: Mapping[int, str | None], key: str) -> str:
    for number, (segment, got) in enumerate(zip(hashed.segments, hashed.digests, strict=True), 1):
        what = f"MD5 of bytes {segment.start}-{segment.end - 1}"
        expected = part_md5s.get(number)
        if expected is None:
            # A read without its MD5 is read again (``ReadUnproven``), a kept part without
            # one fetched again: never taken by its size.
            raise ChecksumMismatch(f"The server's {what} of {key!r} ({proof.label}) is missing: not checked.")
        _expect(got, expected, what, proof, key)
    count = len(hashed.segments)
    return f"verified: MD5 of {count} {'range' if count == 1 else 'ranges'} ({proof.label})"


def require_read_md5(proof: ContentProof, said: Sequence[ReadReceipt], bounds: tuple[int, int], key: str,
                     reads: int) -> None:  # fmt: skip
    """Raise ``ReadUnproven`` when ``proof`` promises an MD5 with every read and the reply
    of the ``reads``-th read of bytes ``bounds`` brought none."""
    if not proof.range_md5_limit or (said and said[-1].md5 is not None):
        return
    start, end = bounds
    raise ReadUnproven(
        f"The server sent no MD5 with bytes {start}-{end - 1} of {key!r} ({reads} "
        f"{'read' if reads == 1 else 'reads'}), though it proves every read of up to "
        f"{proof.range_md5_limit} bytes ({proof.label}): nothing of it was taken by its size.",
        key=key,
    )


def _expect(got: str, expected: str, what: str, proof: ContentProof, key: str) -> None:
    if got.lower() != expected.lower():
        raise ChecksumMismatch(
            f"The {what} of {key!r} as received is {got}, but the server's ({proof.label}) is {expected}."
        )
