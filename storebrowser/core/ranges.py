"""Byte ranges with Python-slice semantics, and the HTTP ``Range`` they become.

``ByteRange(start, end)`` means ``data[start:end]``: start inclusive, end exclusive,
``end=None`` to the end, negative values count from the end. A range past the end gives
fewer (or zero) bytes, exactly as slicing does; it is never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storebrowser.core.errors import RangeNotHonored

_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$", re.IGNORECASE)
_UNSATISFIED = re.compile(r"^\s*bytes\s+\*/(\d+)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ByteRange:
    start: int = 0
    end: int | None = None

    @classmethod
    def whole(cls) -> ByteRange:
        return cls(0, None)

    @property
    def is_whole(self) -> bool:
        return self.start == 0 and self.end is None

    @property
    def needs_size(self) -> bool:
        """True when the object's size must be known to turn this into HTTP."""
        return (self.start < 0 and self.end is not None) or (self.end is not None and self.end < 0)

    def resolve(self, size: int) -> tuple[int, int]:
        """Concrete ``(start, end)`` within an object of ``size`` bytes, like a slice."""
        start, end, _ = slice(self.start, self.end).indices(size)
        return start, max(start, end)

    def length(self, size: int) -> int:
        start, end = self.resolve(size)
        return end - start

    def http_header(self) -> str | None:
        """The ``Range`` header value, or ``None`` when the whole object is asked.

        Raises ``ValueError`` for a range that needs the size (see ``needs_size``) or
        that is empty whatever the size (``start >= end >= 0``): callers resolve those
        first and then ask with ``ByteRange(start, end)`` of concrete values, or skip the
        request.
        """
        if self.is_whole:
            return None
        if self.needs_size:
            raise ValueError(f"{self} needs the object's size; resolve it first")
        if self.start < 0:
            return f"bytes={self.start}"  # suffix range: the last N bytes
        if self.end is None:
            return f"bytes={self.start}-"
        if self.end <= self.start:
            raise ValueError(f"{self} is empty; no request is needed")
        return f"bytes={self.start}-{self.end - 1}"

    def __str__(self) -> str:
        return f"[{self.start}:{'' if self.end is None else self.end}]"


@dataclass(frozen=True, slots=True)
class ContentRange:
    """A parsed ``Content-Range`` reply: half-open ``[start, end)`` of ``total`` bytes."""

    start: int
    end: int
    total: int | None


def parse_content_range(value: str) -> ContentRange | None:
    """Parse ``bytes 0-9/100`` (end made exclusive); ``None`` when it does not parse."""
    match = _CONTENT_RANGE.match(value)
    if not match:
        return None
    first, last, total = match.groups()
    return ContentRange(int(first), int(last) + 1, None if total == "*" else int(total))


def parse_unsatisfied_size(value: str) -> int | None:
    """The object size from a 416 reply's ``Content-Range: bytes */SIZE``."""
    match = _UNSATISFIED.match(value)
    return int(match.group(1)) if match else None


def check_range_reply(
    asked: ByteRange,
    *,
    partial: bool,
    content_range: str | None,
    body_length: int | None,
    where: str,
) -> tuple[int, int]:
    """Check that a reply carries the asked bytes; return its ``(start, end)``.

    ``partial`` is whether the server said 206 (or the SDK's equivalent). A full reply
    (200) is accepted only when it is what was asked anyway (``bytes=0-`` or a range
    covering the whole object); otherwise it is a server silently ignoring the range,
    and reading on would download the whole object: ``RangeNotHonored``.
    """
    if not partial:
        if body_length is not None and _covers_whole(asked, body_length):
            return asked.resolve(body_length)
        raise RangeNotHonored(
            f"The server ignored the byte range {asked} of {where} and started sending the "
            "whole object; the read was stopped. Preview and resume need a server that "
            "honours ranges."
        )
    parsed = parse_content_range(content_range or "")
    if parsed is None:
        raise RangeNotHonored(
            f"The server's reply for {where} has no usable Content-Range "
            f"({content_range!r}); cannot tell which bytes arrived."
        )
    expected = asked.resolve(parsed.total) if parsed.total is not None else None
    if expected is not None and expected != (parsed.start, parsed.end):
        raise RangeNotHonored(
            f"Asked {where} for bytes {asked} but the server sent "
            f"{parsed.start}-{parsed.end - 1} of {parsed.total}."
        )
    if body_length is not None and body_length != parsed.end - parsed.start:
        raise RangeNotHonored(
            f"The server said it sent {parsed.end - parsed.start} bytes of {where} "
            f"but the body holds {body_length}."
        )
    return parsed.start, parsed.end


def _covers_whole(asked: ByteRange, size: int) -> bool:
    return asked.resolve(size) == (0, size)
