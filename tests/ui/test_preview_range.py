"""Which bytes a preview asks for: Python slice semantics, clamped and capped."""

from __future__ import annotations

import pytest

from storebrowser.ui.properties.preview_range import (
    DEFAULT_LENGTH,
    MAX_LENGTH,
    Note,
    RangePlan,
    parse_offset,
    plan,
)

SIZE = 1000


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 100, (0, 100, ())),
        (None, None, (0, SIZE, ())),
        (-100, None, (900, SIZE, ())),
        (10, -10, (10, 990, ())),
        (900, 5000, (900, SIZE, (Note.END_CLAMPED,))),
        (SIZE, SIZE + 10, (SIZE, SIZE, (Note.PAST_END,))),
        (5000, None, (SIZE, SIZE, (Note.PAST_END,))),
        (50, 20, (50, 50, (Note.EMPTY,))),
        (-5000, 10, (0, 10, ())),
    ],
)
def test_slices_as_python_does(start, end, expected) -> None:
    data = bytes(range(256)) * 4
    chosen = plan(start, end, SIZE)
    assert (chosen.start, chosen.end, chosen.notes) == expected
    assert data[:SIZE][start:end] == data[chosen.start : chosen.end]


def test_the_cap_and_the_next_range() -> None:
    size = 10 * MAX_LENGTH
    capped = plan(0, None, size)
    assert (capped.length, capped.notes) == (MAX_LENGTH, (Note.CAPPED,))
    first = plan(0, DEFAULT_LENGTH, size)
    second = first.next()
    assert second == RangePlan(DEFAULT_LENGTH, 2 * DEFAULT_LENGTH, size)
    tail = plan(size - 10, None, size)
    assert tail.at_end and tail.next() is None and not tail.whole
    assert plan(0, None, 10).whole


def test_a_zero_byte_object_is_empty_without_notes() -> None:
    assert plan(0, DEFAULT_LENGTH, 0) == RangePlan(0, 0, 0)


def test_offsets_are_whole_numbers() -> None:
    assert parse_offset(" 65,536 ") == 65536 and parse_offset("1_000") == 1000
    assert parse_offset("") is None and parse_offset("-10") == -10
    with pytest.raises(ValueError, match="not a byte offset"):
        parse_offset("12kb")
