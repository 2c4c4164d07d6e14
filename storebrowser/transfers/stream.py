"""A whole object read as a stream (``cat``), checked as it goes by what the service
vouches for (``ContentProof``), with no file to read back.

Per-read MD5s (Azure) are checked before a range's bytes are handed on, so a wrong range
is never written out, nor one whose reply came without its MD5 (read again, then the read
fails). Every other digest covers bytes already handed on: a mismatch
raises ``ChecksumMismatch`` after the last chunk, and the caller says the output is not
the object (``cat`` exits 1).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.digests import ContentProof, ReadReceipt, ReceiptCallback, Segment, new_hasher
from storebrowser.core.errors import ChecksumMismatch
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.base import DEFAULT_CHUNK, Provider
from storebrowser.transfers.verify import (
    Hashed,
    VersionChanged,
    check,
    checked_read_size,
    require_read_md5,
    segments_to_hash,
)

#: Reads of a range whose reply came without the MD5 the service proves it by, before the
#: stream fails: one more (a stream has no retry policy; the engine's items follow theirs).
UNPROVEN_READS = 2


class UnevenParts(ChecksumMismatch):
    """The digests did not match an S3 multipart ETag as the parts were guessed to be cut,
    and they were not: the bytes may be right, but a stream cannot be hashed again."""


class StreamHasher:
    """Digests of consecutive segments of a stream fed in order."""

    def __init__(self, segments: tuple[Segment, ...], algorithm: str) -> None:
        self.segments, self.algorithm = segments, algorithm
        self._hashers = [new_hasher(algorithm) for _ in segments]
        self._position = 0
        self._current = 0  # the first segment not wholly behind the position

    def update(self, data: bytes) -> None:
        start = self._position
        self._position += len(data)
        index = self._current
        while index < len(self.segments) and self.segments[index].start < self._position:
            segment = self.segments[index]
            if start < segment.end:
                self._hashers[index].update(data[max(0, segment.start - start) : segment.end - start])
            if segment.end <= self._position:
                self._current = index + 1
            index += 1

    def hashed(self) -> Hashed:
        return Hashed(self.segments, self.algorithm, tuple(h.hexdigest() for h in self._hashers))


class VerifiedRead:
    """Iterate for the object's bytes (of one version with ``version_id``); ``note`` says
    what they were checked by once the iteration ended without an error."""

    def __init__(
        self,
        provider: Provider,
        container: str,
        key: str,
        *,
        cancel: CancelToken = NEVER,
        chunk_size: int = DEFAULT_CHUNK,
        version_id: str | None = None,
        bandwidth: Bandwidth | None = None,
        exact_layout: bool = False,
    ) -> None:
        """``exact_layout``: learn the parts' sizes up front (a HEAD per part of an S3
        multipart object) where the stream cannot be asked again (a copy), rather than
        guess them and fail on uneven parts (``UnevenParts``)."""
        self._provider, self._container, self._key = provider, container, key
        #: Held to its download limit by the caller (``Bandwidth.limited``); here only
        #: asked how large a read may be (small while limited), so none comes as a burst.
        self._bandwidth = bandwidth
        self._cancel = cancel
        self._chunk_size = bandwidth.read_size(chunk_size) if bandwidth is not None else chunk_size
        self._version_id = version_id
        self.proof = self._content_proof(exact_layout=exact_layout)
        self.note = ""

    def _content_proof(self, *, exact_layout: bool) -> ContentProof:
        if self._version_id is None:
            proof = self._provider.content_proof(self._container, self._key, exact_layout=exact_layout)
        else:
            proof = self._provider.version_proof(
                self._container, self._key, self._version_id, exact_layout=exact_layout
            )
        # A writer's claim (an Azure blob's Content-MD5) could only be checked after the
        # bytes were handed on; the service's MD5 of each read is checked before.
        return proof.per_read or proof

    def _iter_read(self, byte_range: ByteRange, receipt: ReceiptCallback, chunk_size: int) -> Iterator[bytes]:
        if self._version_id is None:
            return self._provider.iter_read(self._container, self._key, byte_range, chunk_size=chunk_size,
                                            cancel=self._cancel, receipt=receipt)  # fmt: skip
        return self._provider.iter_read_version(self._container, self._key, self._version_id, byte_range,
                                                chunk_size=chunk_size, cancel=self._cancel,
                                                receipt=receipt)  # fmt: skip

    def __iter__(self) -> Iterator[bytes]:
        if self.proof.range_md5_limit:
            yield from self.proven_ranges(0, self.proof.info.size)
            return
        segments = segments_to_hash(self.proof, (Segment(0, self.proof.info.size),))
        hasher = StreamHasher(segments, self.proof.algorithm)
        yield from self._read(ByteRange(), hasher.update)
        self.note = self._checked(hasher.hashed())

    def _read(self, byte_range: ByteRange, feed: Callable[[bytes], None]) -> Iterator[bytes]:
        said: list[ReadReceipt] = []
        first = True
        for chunk in self._iter_read(byte_range, said.append, self._chunk_size):
            if first:
                self._check_version(said)
                first = False
            feed(chunk)
            yield chunk

    def proven_ranges(self, start: int, end: int) -> Iterator[bytes]:
        """Bytes ``[start, end)`` (of a proof with ``range_md5_limit``) in reads of at most
        that many bytes, each checked before it is handed on; smaller while a download
        limit is set (each arrives whole: ``Bandwidth.whole_read_size``), and halves of a
        blob that would fit one (``checked_read_size``)."""
        limit, count = self.proof.range_md5_limit, 0
        while start < end:
            wanted = self._bandwidth.whole_read_size(limit) if self._bandwidth is not None else limit
            stop = min(end, start + checked_read_size(self.proof, wanted))
            yield self._proven_range(start, stop)
            start, count = stop, count + 1
        self.note = f"verified: MD5 of {count} {'range' if count == 1 else 'ranges'} ({self.proof.label})"

    def _proven_range(self, start: int, end: int) -> bytes:
        """Bytes ``[start, end)``, checked by the MD5 the service sent with them. A reply
        without one (an anomaly: the service proves every such read) is asked again, up to
        ``UNPROVEN_READS`` reads in all; then the read fails (``ReadUnproven``): no byte is
        handed on by its length alone. Bytes that do not match their MD5 (damaged on the
        way) are read once more; a second mismatch fails the read, nothing of it handed on."""
        data, expected = self._md5_read(start, end)
        got = hashlib.md5(data, usedforsecurity=False).hexdigest()
        if got != expected:
            data, expected = self._md5_read(start, end)
            got = hashlib.md5(data, usedforsecurity=False).hexdigest()
        if got != expected:
            raise ChecksumMismatch(
                f"The MD5 of bytes {start}-{end - 1} of {self._key!r} is "
                f"{got}, but the server's ({self.proof.label}) is {expected} (read twice)."
            )
        return data

    def _md5_read(self, start: int, end: int) -> tuple[bytes, str]:
        """Bytes ``[start, end)`` and the MD5 the service sent with them (asked again while
        a reply comes without one, ``UNPROVEN_READS`` reads in all)."""
        data, said = self.read_span(start, end)
        reads = 1
        while not (said and said[-1].md5) and reads < UNPROVEN_READS:
            data, said = self.read_span(start, end)
            reads += 1
        require_read_md5(self.proof, said, (start, end), self._key, reads)
        md5 = said[-1].md5
        assert md5 is not None  # require_read_md5 raised otherwise
        return data, md5

    def read_span(self, start: int, end: int) -> tuple[bytes, list[ReadReceipt]]:
        """Bytes ``[start, end)`` as one read, and what its reply said; the read fails when
        the reply is of another version or its length is not the range's."""
        said: list[ReadReceipt] = []
        data = b"".join(self._iter_read(ByteRange(start, end), said.append, self._chunk_size))
        self._check_version(said)
        if len(data) != end - start:  # whatever the MD5 says of what did come
            raise ChecksumMismatch(
                f"The server sent {len(data)} bytes of {self._key!r} for bytes {start}-{end - 1} "
                f"({end - start} bytes)."
            )
        return data, said

    def _check_version(self, said: list[ReadReceipt]) -> None:
        served, pinned = (said[-1].etag if said else None), self.proof.info.etag
        if pinned and served and served != pinned:
            raise VersionChanged(f"{self._key!r} changed on the server while it was read.")

    def _checked(self, hashed: Hashed) -> str:
        try:
            return check(self.proof, hashed, {}, self._key)
        except ChecksumMismatch:
            if not self.proof.layout_guessed:
                raise
            exact = self._content_proof(exact_layout=True)
            if exact.segments == self.proof.segments:
                raise
            raise UnevenParts(
                f"{self._key!r} was stored in parts of uneven sizes, which cannot be checked while "
                "streaming; the bytes may be right. Download it (get) to have it checked."
            ) from None
