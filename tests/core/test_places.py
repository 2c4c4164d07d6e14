"""``ACCOUNT:CONTAINER/PREFIX``, read in one place for the window and the CLI."""

from __future__ import annotations

import pytest

from storebrowser.cli.context import split_location, split_object
from storebrowser.core.places import Location, place_text, split_account, split_container


@pytest.mark.parametrize(
    ("text", "account", "rest"),
    [
        ("acct:box/a.txt", "acct", "box/a.txt"),
        ("box/a:b.txt", None, "box/a:b.txt"),  # a colon after the first '/' is part of a key
        (":box/x", "", "box/x"),
        ("box", None, "box"),
    ],
)
def test_the_account_ends_at_a_colon_before_any_slash(text: str, account: str | None, rest: str) -> None:
    assert split_account(text) == (account, rest)


def test_what_follows_the_container_is_kept_verbatim() -> None:
    assert split_container("box/a/./b//c") == ("box", "a/./b//c")
    assert split_container("/x") == ("", "x")
    assert split_object("box/a/./b") == ("box", "a/./b")
    assert split_location("box") == ("box", "")


def test_the_window_and_the_cli_read_the_same_text_alike() -> None:
    text = "acct:box/photos/2024/"
    named, rest = split_account(text)
    assert Location.parse(text, "other") == Location(str(named), *split_location(rest))
    assert place_text("acct", "box", "photos/2024/") == text == Location.parse(text, "x").text()


def test_the_path_bar_is_forgiving() -> None:
    assert Location.parse("  box/photos ", "acct") == Location("acct", "box", "photos/")
    assert Location.parse("acct2:", "acct") == Location("acct2")
    assert Location.parse("/box", "acct") == Location("acct", "box")


@pytest.mark.parametrize(
    ("here", "deeper", "entry"),
    [
        (Location("a"), Location("a", "box", "x/y/"), "box"),
        (Location("a", "box"), Location("a", "box", "x/y/"), "x/"),
        (Location("a", "box", "x/"), Location("a", "box", "x/y/z/"), "x/y/"),
        (Location("a", "box", "x/"), Location("a", "box", "x//z/"), "x//"),  # an empty segment is a folder
        (Location("a", "box", "x/"), Location("a", "box", "x/"), None),
        (Location("a", "box", "x/"), Location("a", "box", "w/"), None),
        (Location("a", "box"), Location("a", "other", "x/"), None),
        (Location("a"), Location("b", "box"), None),
    ],
)
def test_going_up_knows_the_entry_one_came_from(here: Location, deeper: Location, entry: str | None) -> None:
    assert here.entry_toward(deeper) == entry
