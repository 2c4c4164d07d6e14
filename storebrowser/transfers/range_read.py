"""A byte range of an object (``cat --start/--end``, the window's preview), proven by
content where the service can prove it, and said to be unchecked where it cannot.

- Where every read can carry the MD5 the service computes of it (Azure:
  ``Capabilities.proven_reads``), the range is read in reads of at most that size, each
  checked before its bytes are handed on (``VerifiedRead.proven_ranges``).
- Elsewhere (S3, Swift, a local folder) nothing proves a part of an object: an object of
  up to ``whole_up_to`` bytes is read whole through ``VerifiedRead`` and the range handed
  on only after the whole is proven; a range of a larger one (or of an object the
  service vouches for nothing of) is handed on unchecked, and ``unchecked`` says so
  before the first byte, so the caller can tell the user (never "verified").

Bytes that do not match are read once more; a second mismatch fails the read with one
line (``ChecksumMismatch``) and nothing of that read is handed on.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import ChecksumMismatch
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import DEFAULT_CHUNK, Provider
from storebrowser.transfers.stream import UnevenParts, VerifiedRead
from storebrowser.transfers.verify import VersionChanged

MiB = 1024 * 1024
#: The largest object ``cat`` reads whole to prove a range of it where the service proves
#: no part (the preview reads at most its own cap, ``preview_range.MAX_LENGTH``).
PROVE_WHOLE_UP_TO = 4 * MiB


class Unchecked(enum.Enum):
    """Why a range is handed on without a check."""

    #: The service proves no part of an object, and this one is larger than the most
    #: read whole to prove a range.
    TOO_LARGE = "too_large"
    #: The service vouches for none of this object's bytes (``ContentProof.reason``).
    NO_PROOF = "no_proof"


class _How(enum.Enum):
    EMPTY = "empty"
    BY_READS = "by_reads"  # each read proven by its MD5 (Azure)
    WHOLE = "whole"  # the range is the whole object: streamed as ``cat`` streams one
    VIA_WHOLE = "via_whole"  # the object read whole and proven, then the range sliced
    UNCHECKED = "unchecked"


class RangeRead:
    """Iterate for bytes ``byte_range`` (slice semantics) of an object (of version
    ``version_id``), held to ``bandwidth``'s download limit. ``start``/``end`` are the
    concrete bounds, ``unchecked`` (known before the first byte) why they are not
    checked, or ``None``; ``note`` says what they were checked by once the iteration
    ended (or why not)."""

    def __init__(
        self,
        provider: Provider,
        container: str,
        key: str,
        byte_range: ByteRange,
        *,
        whole_up_to: int = PROVE_WHOLE_UP_TO,
        cancel: CancelToken = NEVER,
        version_id: str | None = None,
        bandwidth: Bandwidth | None = None,
        listed: ObjectInfo | None = None,
    ) -> None:
        """``listed``: the object as a listing showed it (the preview's), whose size
        spares a request where no proof is asked."""
        self._provider, self._container, self._key = provider, container, key
        self._cancel, self._version_id, self._bandwidth = cancel, version_id, bandwidth
        self._whole_up_to, self._asked = whole_up_to, byte_range
        self.unchecked: Unchecked | None = None
        self.note = ""
        self._verified: VerifiedRead | None = None
        if provider.capabilities.proven_reads:
            self._verified = self._verified_read()  # its proof (a HEAD) gives the size
            info = self._verified.proof.info
        else:  # a local folder's proof hashes the file: asked only for an object read whole
            info = listed or self._stat()
        self._resolve(info.size)
        self._how = self._choose()

    def _resolve(self, size: int) -> None:
        self.size = size
        self.start, self.end = self._asked.resolve(size)

    def _verified_read(self) -> VerifiedRead:
        return VerifiedRead(self._provider, self._container, self._key, cancel=self._cancel,
                            version_id=self._version_id, bandwidth=self._bandwidth)  # fmt: skip

    def _stat(self) -> ObjectInfo:
        if self._version_id is None:
            return self._provider.stat(self._container, self._key)
        return self._provider.stat_version(self._container, self._key, self._version_id)

    def _choose(self) -> _How:
        if self.start >= self.end:
            return _How.EMPTY
        if self._verified is not None and self._verified.proof.range_md5_limit:
            return _How.BY_READS
        if self.size > self._whole_up_to and not (self.start == 0 and self.end >= self.size):
            self._unchecked(Unchecked.TOO_LARGE, f"the service proves no part of an object, and this one "
                            f"({self.size} bytes) is larger than {self._whole_up_to} bytes, the most read "
                            "whole to check a range")  # fmt: skip
            return _How.UNCHECKED
        self._verified = self._verified or self._verified_read()
        proof = self._verified.proof
        if proof.info.size != self.size:  # changed since it was listed: its size now
            self._resolve(proof.info.size)
            return self._choose()
        if not proof.vouches:
            self._unchecked(Unchecked.NO_PROOF, proof.reason)
            return _How.UNCHECKED
        return _How.WHOLE if self.size > self._whole_up_to else _How.VIA_WHOLE

    def _unchecked(self, why: Unchecked, reason: str) -> None:
        self.unchecked = why
        self.note = f"not checked: {reason}"

    @property
    def proven(self) -> bool:
        return self.unchecked is None

    @property
    def checks_first(self) -> bool:
        """Every byte is checked before it is handed on (not a whole object streamed)."""
        return self._how in (_How.EMPTY, _How.BY_READS, _How.VIA_WHOLE)

    def __iter__(self) -> Iterator[bytes]:
        if self._how is _How.EMPTY:
            self.note = "empty range"
            return
        if self._how is _How.UNCHECKED:
            yield from self._limited(self._raw(), self.end - self.start)
            return
        verified = self._verified
        assert verified is not None
        if self._how is _How.BY_READS:
            yield from self._limited(verified.proven_ranges(self.start, self.end), self.end - self.start)
            self.note = verified.note
        elif self._how is _How.WHOLE:
            yield from self._limited(verified, self.size)
            self.note = verified.note
        else:
            yield self._proven_whole(verified)[self.start : self.end]
            self.note = f"{verified.note}; the object was read whole to check the range"

    def _proven_whole(self, verified: VerifiedRead) -> bytes:
        """The whole object, proven before any of it is handed on; read once more when it
        does not match (bytes damaged on the way), then the read fails."""
        try:
            return b"".join(self._limited(verified, self.size))
        except (VersionChanged, UnevenParts):
            raise  # reading again would not change the answer
        except ChecksumMismatch:
            pass
        try:
            return b"".join(self._limited(verified, self.size))
        except ChecksumMismatch as wrong:
            raise ChecksumMismatch(f"{wrong.message} (read twice)", key=self._key) from None

    def _raw(self) -> Iterator[bytes]:
        # Small reads while limited: a read that arrives whole (Azure's gets) is no burst.
        limit = self._bandwidth
        size = limit.whole_read_size(DEFAULT_CHUNK) if limit is not None else DEFAULT_CHUNK
        asked = ByteRange(self.start, self.end)
        if self._version_id is None:
            return self._provider.iter_read(self._container, self._key, asked, chunk_size=size,
                                            cancel=self._cancel)  # fmt: skip
        return self._provider.iter_read_version(self._container, self._key, self._version_id, asked,
                                                chunk_size=size, cancel=self._cancel)  # fmt: skip

    def _limited(self, chunks: Iterable[bytes], total: int) -> Iterator[bytes]:
        if self._bandwidth is None:
            return iter(chunks)
        return self._bandwidth.limited(chunks, total=total, cancel=self._cancel)
