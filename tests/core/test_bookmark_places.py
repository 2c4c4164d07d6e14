"""``@NAME[/MORE]`` expanded by the one place parser."""

from __future__ import annotations

import pytest

from storebrowser.core.places import Location, UnknownBookmark, expand_bookmark

MARKS = {"pics": "mo:photos/2024/", "box": "mo:box/", "home": "mo:"}


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("@pics", "mo:photos/2024/"),
        ("@pics/", "mo:photos/2024/"),
        ("@pics/june/a.jpg", "mo:photos/2024/june/a.jpg"),
        ("@box/x/", "mo:box/x/"),
        ("@home", "mo:"),
        ("@home/logs/2025/", "mo:logs/2025/"),
        ("c/@not-a-bookmark", "c/@not-a-bookmark"),
    ],
)
def test_expand(typed: str, place: str) -> None:
    assert expand_bookmark(typed, MARKS) == place


def test_unknown_names_the_known_ones() -> None:
    with pytest.raises(UnknownBookmark, match=r"no bookmark named @nope \(bookmarks: @box, @home, @pics\)"):
        expand_bookmark("@nope/x", MARKS)


def test_the_path_bar_parser_takes_bookmarks() -> None:
    assert Location.parse("@pics/june", "other", MARKS) == Location("mo", "photos", "2024/june/")
    assert Location.parse("@home", "other", MARKS) == Location("mo")
    with pytest.raises(ValueError, match="no bookmark named @x"):
        Location.parse("@x", "other", MARKS)
