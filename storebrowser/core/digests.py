"""What a storage service vouches for about an object's bytes, so a download can be
checked against it end to end (DESIGN.md: "Integrity, above every other rule").

A provider answers ``content_proof`` with one ``ContentProof``: a digest of the whole
object (a single-part MD5, a local SHA-256), digests of its segments (Swift SLO/DLO
segment ETags) and/or one digest combined from per-segment digests (the S3 multipart
ETag), the promise of an MD5 with every ranged read (Azure; beside a blob's
Content-MD5 where it has one: ``per_read``), or nothing (said why).
The transfer engine hashes what it wrote and compares; this module only describes.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from storebrowser.core.types import ObjectInfo


@dataclass(frozen=True, slots=True)
class Segment:
    """Bytes ``[start, end)`` of the object; ``digest`` is their hex digest when the
    service vouches for this segment alone (an SLO segment's ETag), else ``None``."""

    start: int
    end: int
    digest: str | None = None

    @property
    def size(self) -> int:
        return self.end - self.start


class Combine(enum.Enum):
    """How a service makes one digest of its segments' digests."""

    #: S3 multipart ETag: MD5 of the parts' binary MD5s, then ``-<number of parts>``.
    S3_MULTIPART = "s3-multipart"


@dataclass(frozen=True, slots=True)
class ReadReceipt:
    """What a ranged read's reply said about itself, before or with its bytes: the
    object's ETag as the server served it (``None`` when the reply has none) and the
    hex MD5 of exactly the bytes of this reply when the service vouches for it (Azure
    ``x-ms-range-get-content-md5``). ``mtime_ns``: the modification time kept in the
    object's metadata (rclone's ``mtime``, ``core.mtime``) when the reply carried one, and
    ``modified`` its upload time (``Last-Modified``): a sync's download sets the file's
    time from them without asking the object's metadata again."""

    etag: str | None
    md5: str | None = None
    mtime_ns: int | None = None
    modified: datetime | None = None


@dataclass(frozen=True, slots=True)
class ContentProof:
    """What to check a downloaded object against.

    ``info`` is the object as the proof was taken (its ETag and size pin the version:
    every read must come from it). ``label`` says where the digests come from, for the
    item's note ("S3 multipart ETag"). ``algorithm`` is a ``hashlib`` name or ``crc32``.
    Exactly one way applies, checked in this order: ``segments`` (each with its own
    digest, or none of them and ``combined`` from all of them by ``combine``), ``whole``,
    ``range_md5_limit`` (reads of at most that many bytes each come with their MD5),
    else nothing is vouched and ``reason`` says why. ``layout_guessed``: the segment
    bounds were inferred (S3 parts from the first part's size); ``exact_layout`` asked
    of the provider gives the true ones when the combined digest does not match.

    ``per_read``: where ``whole`` is only what the object's writer claimed (an Azure
    blob's Content-MD5, set by whoever committed its blocks), the service's own proof of
    each read (Azure's range MD5): slower, as reads must be small, but computed by the
    service from the stored bytes. A download whose bytes do not match ``whole`` reads
    the object again by it; a stream, which hands bytes on as they come, uses it alone.
    """

    info: ObjectInfo
    label: str
    algorithm: str = "md5"
    whole: str | None = None
    segments: tuple[Segment, ...] = ()
    combined: str | None = None
    combine: Combine | None = None
    range_md5_limit: int = 0
    reason: str = ""
    layout_guessed: bool = False
    per_read: ContentProof | None = None

    @property
    def vouches(self) -> bool:
        return bool(self.whole or self.combined or self.range_md5_limit or self.segment_digests)

    @property
    def segment_digests(self) -> int:
        """How many segments carry a digest of their own."""
        return sum(1 for segment in self.segments if segment.digest)

    def layout(self) -> tuple[Segment, ...]:
        """The ranges to hash separately: the segments, or the whole object as one."""
        return self.segments or (Segment(0, self.info.size, self.whole),)


def nothing_vouched(info: ObjectInfo, reason: str) -> ContentProof:
    return ContentProof(info, "", reason=reason)


def whole_md5(info: ObjectInfo, md5: str, label: str) -> ContentProof:
    return ContentProof(info, label, whole=md5.lower())


def combine_digests(combine: Combine, digests: Sequence[str]) -> str:
    """The service's digest of segments whose hex digests are ``digests``."""
    assert combine is Combine.S3_MULTIPART  # the only rule so far
    joined = b"".join(bytes.fromhex(digest) for digest in digests)
    return f"{hashlib.md5(joined, usedforsecurity=False).hexdigest()}-{len(digests)}"


#: Called by ``Provider.iter_read`` with what the reply said of itself (see ``ReadReceipt``).
ReceiptCallback = Callable[[ReadReceipt], None]


def uniform_segments(size: int, part_size: int, count: int) -> tuple[Segment, ...] | None:
    """Parts of ``part_size`` bytes but the last, as almost every uploader cuts them;
    ``None`` when ``count`` such parts cannot make ``size`` bytes."""
    if part_size <= 0 or count <= 0 or not (count - 1) * part_size < size <= count * part_size:
        return None
    return tuple(Segment(n * part_size, min(size, (n + 1) * part_size)) for n in range(count))


def segments_of_sizes(sizes: Sequence[int]) -> tuple[Segment, ...]:
    segments = []
    start = 0
    for size in sizes:
        segments.append(Segment(start, start + size))
        start += size
    return tuple(segments)


def hex_of_base64(value: str) -> str | None:
    """A base64 digest (Content-MD5, x-amz-checksum-*) as hex; ``None`` when malformed."""
    try:
        return base64.b64decode(value, validate=True).hex()
    except (ValueError, TypeError):
        return None


class Hasher(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


class Crc32:
    """``zlib.crc32`` with ``hashlib``'s ``update``/``hexdigest`` (S3's CRC32 checksum
    and the journal's per-part check are big-endian 4 bytes)."""

    name = "crc32"

    def __init__(self) -> None:
        self._value = 0

    def update(self, data: bytes, /) -> None:
        self._value = zlib.crc32(data, self._value)

    def hexdigest(self) -> str:
        return f"{self._value:08x}"


def new_hasher(algorithm: str) -> Hasher:
    if algorithm == "crc32":
        return Crc32()
    return hashlib.new(algorithm, usedforsecurity=False)
