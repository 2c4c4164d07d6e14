"""Which bytes a preview asks for, from what the user typed: Python slice semantics
(start inclusive, end exclusive, empty end = to the end, negative = from the end),
clamped to the object and capped so a preview never becomes a download. No Qt here."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from storebrowser.core.ranges import ByteRange

KiB = 1024
MiB = 1024 * KiB
#: What a preview shows first.
DEFAULT_LENGTH = 64 * KiB
#: The most one preview fetches.
MAX_LENGTH = 1 * MiB


class Note(enum.Enum):
    """Why the range shown is not the range typed."""

    END_CLAMPED = "end_clamped"  # the end was past the end of the object
    PAST_END = "past_end"  # the start was at or past the end: nothing to show
    EMPTY = "empty"  # start >= end as typed: an empty slice
    CAPPED = "capped"  # longer than MAX_LENGTH: cut to it


@dataclass(frozen=True, slots=True)
class RangePlan:
    """Concrete ``[start, end)`` within an object of ``size`` bytes."""

    start: int
    end: int
    size: int
    notes: tuple[Note, ...] = ()

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def byte_range(self) -> ByteRange:
        return ByteRange(self.start, self.end)

    @property
    def at_end(self) -> bool:
        """The range reaches the end of the object (no character is cut there)."""
        return self.end >= self.size

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end >= self.size

    def next(self) -> RangePlan | None:
        """The range of the same length right after this one, or ``None`` at the end."""
        if self.end >= self.size:
            return None
        return plan(self.end, self.end + max(self.length, DEFAULT_LENGTH), self.size)


def parse_offset(text: str) -> int | None:
    """``""`` -> ``None``; digits with optional ``_``/``,``/blanks and a leading ``-``.
    Raises ``ValueError`` with a message a person can act on."""
    cleaned = text.strip().replace("_", "").replace(",", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        return int(cleaned, 10)
    except ValueError:
        raise ValueError(f"{text.strip()!r} is not a byte offset: type a whole number, e.g. 65536.") from None


def plan(start: int | None, end: int | None, size: int, cap: int = MAX_LENGTH) -> RangePlan:
    """``data[start:end]`` of an object of ``size`` bytes, at most ``cap`` bytes long."""
    first, last = ByteRange(start or 0, end).resolve(size)
    notes: list[Note] = []
    if end is not None and end > size and first < size:
        notes.append(Note.END_CLAMPED)
    if first >= size and size > 0:
        notes.append(Note.PAST_END)
    elif first >= last and size > 0:
        notes.append(Note.EMPTY)
    if last - first > cap:
        last = first + cap
        notes.append(Note.CAPPED)
    return RangePlan(first, last, size, tuple(notes))
