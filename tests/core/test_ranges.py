from __future__ import annotations

import pytest

from storebrowser.core.errors import RangeNotHonored
from storebrowser.core.ranges import ByteRange, check_range_reply, parse_content_range

DATA = b"0123456789"


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (0, 1),
        (0, 2),
        (5, 6),
        (5, 10),
        (5, None),
        (-3, None),
        (8, 20),
        (20, 30),
        (3, 3),
        (7, 2),
        (2, -2),
        (-20, None),
        (-4, -1),
        (0, None),
    ],
)
def test_resolve_matches_python_slicing(start: int, end: int | None) -> None:
    lo, hi = ByteRange(start, end).resolve(len(DATA))
    assert DATA[lo:hi] == DATA[start:end]


@pytest.mark.parametrize(
    ("start", "end", "header"),
    [
        (0, 1, "bytes=0-0"),
        (0, 2, "bytes=0-1"),
        (5, 6, "bytes=5-5"),
        (5, 10, "bytes=5-9"),
        (5, None, "bytes=5-"),
        (-3, None, "bytes=-3"),
        (0, None, None),
    ],
)
def test_http_header(start: int, end: int | None, header: str | None) -> None:
    assert ByteRange(start, end).http_header() == header


@pytest.mark.parametrize(("start", "end"), [(2, -2), (-4, -1), (3, 3), (7, 2)])
def test_http_header_refuses_what_needs_the_size_or_is_empty(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        ByteRange(start, end).http_header()


def test_parse_content_range() -> None:
    parsed = parse_content_range("bytes 5-9/10")
    assert parsed is not None and (parsed.start, parsed.end, parsed.total) == (5, 10, 10)
    assert parse_content_range("garbage") is None


def test_check_range_reply_accepts_the_asked_bytes() -> None:
    assert check_range_reply(
        ByteRange(5, 20), partial=True, content_range="bytes 5-9/10", body_length=5, where="x"
    ) == (5, 10)


def test_full_reply_to_a_real_range_is_not_honored() -> None:
    with pytest.raises(RangeNotHonored, match="ignored the byte range"):
        check_range_reply(ByteRange(5, 6), partial=False, content_range=None, body_length=10, where="x")


def test_full_reply_is_fine_when_the_range_covers_everything() -> None:
    assert check_range_reply(
        ByteRange(0, 100), partial=False, content_range=None, body_length=10, where="x"
    ) == (0, 10)


def test_wrong_bytes_are_not_honored() -> None:
    with pytest.raises(RangeNotHonored, match="sent 0-9"):
        check_range_reply(
            ByteRange(5, 6), partial=True, content_range="bytes 0-9/10", body_length=10, where="x"
        )
