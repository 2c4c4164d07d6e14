"""The bookmarks file: order kept, bad names refused, two writers (window and CLI) lose nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from storebrowser.accounts.bookmarks import BookmarkError, BookmarkStore


def test_order_rename_move_remove(tmp_path: Path) -> None:
    store = BookmarkStore.beside(tmp_path / "accounts.toml")
    for name in ("a", "b", "c"):
        store.add(name, f"acct:{name}/")
    store.move("c", 0)
    store.shift("a", +1)
    store.rename("b", "bee")
    store.remove("c")
    again = BookmarkStore.beside(tmp_path / "accounts.toml")
    assert [(b.name, b.place) for b in again.bookmarks()] == [("bee", "acct:b/"), ("a", "acct:a/")]
    assert "secret" not in (tmp_path / "bookmarks.toml").read_text()


def test_a_change_from_another_process_is_kept(tmp_path: Path) -> None:
    window = BookmarkStore.beside(tmp_path / "accounts.toml")
    cli = BookmarkStore.beside(tmp_path / "accounts.toml")
    window.add("one", "acct:one/")
    cli.add("two", "acct:two/")  # the CLI, while the window has the file loaded
    window.add("three", "acct:three/")
    assert [b.name for b in BookmarkStore.beside(tmp_path / "accounts.toml").bookmarks()] == [
        "one",
        "two",
        "three",
    ]


@pytest.mark.parametrize(("name", "place", "why"), [
    ("", "acct:c/", "needs a name"),
    ("@x", "acct:c/", "without the @"),
    ("a/b", "acct:c/", "cannot hold '/'"),
    ("x", "c/d/", "the account first"),
])  # fmt: skip
def test_bad_bookmarks_say_why(tmp_path: Path, name: str, place: str, why: str) -> None:
    with pytest.raises(BookmarkError, match=why):
        BookmarkStore(None).add(name, place)


def test_a_damaged_file_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.toml"
    path.write_text("[[bookmark]\nname = ")
    store = BookmarkStore(path)
    assert store.bookmarks() == [] and "cannot read the bookmarks" in store.problem
    store.add("x", "acct:")
    assert (tmp_path / "bookmarks.toml.damaged").read_text().startswith("[[bookmark]")
