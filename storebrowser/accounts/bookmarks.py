"""Bookmarks: named places (``ACCOUNT:CONTAINER/PREFIX``), in the order the user keeps.

Kept in ``bookmarks.toml`` beside the accounts file: names and place texts only, never a
secret. The window's Bookmarks section and menu and ``storebrowser-cli bookmarks`` read
and change the same file; ``@NAME`` stands for a bookmark's place wherever a place is
typed (``storebrowser.core.places.expand_bookmark``). No Qt: the window calls the
changing methods on a worker (each writes the file at once).
"""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path

from storebrowser.accounts.atomic import write_atomically
from storebrowser.accounts.model import AccountError
from storebrowser.core.places import BOOKMARK_MARK, Location

FILE_NAME = "bookmarks.toml"


class BookmarkError(AccountError):
    """A bookmark could not be added, renamed or found: the message says why."""


@dataclass(frozen=True, slots=True)
class Bookmark:
    name: str
    #: The place as text: ``ACCOUNT:`` or ``ACCOUNT:CONTAINER/PREFIX``.
    place: str

    @property
    def location(self) -> Location:
        return Location.parse(self.place, "")

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "place": self.place}


def check_name(name: str) -> str:
    """The name as it will be kept; ``BookmarkError`` when it cannot be one."""
    name = name.strip()
    if not name:
        raise BookmarkError("A bookmark needs a name.")
    if name.startswith(BOOKMARK_MARK):
        raise BookmarkError(f"{name}: give the name without the {BOOKMARK_MARK} (typed only to use one).")
    if "/" in name or any(not ch.isprintable() for ch in name):
        raise BookmarkError(f"{name!r}: a bookmark's name cannot hold '/' or control characters.")
    return name


def place_of(text: str) -> str:
    """``ACCOUNT:CONTAINER/PREFIX`` in its one written form; ``BookmarkError`` when the text
    names no account (a bookmark must say which account it is in)."""
    try:
        location = Location.parse(text, "")
    except ValueError as error:
        raise BookmarkError(f"{text}: {error}") from None
    if not location.account or ":" not in text:
        raise BookmarkError(f"{text}: write the place as ACCOUNT:CONTAINER/FOLDER/ (the account first).")
    return location.text()


class BookmarkStore:
    """The bookmarks of this user; ``path=None`` keeps them in memory (tests, no file).

    Thread-safe; every change is written at once. A damaged file loads as no bookmarks
    and is kept aside (``.damaged``) at the next write, as the accounts file is."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._items: list[Bookmark] = []
        self._loaded = path is None
        #: The file as last read (mtime, size): a change made meanwhile by another
        #: process (the CLI beside the window) is read before a change is written.
        self._seen: tuple[int, int] | None = None
        #: What was wrong with the file when it was read, for the window to say.
        self.problem = ""

    @classmethod
    def beside(cls, accounts_file: Path) -> BookmarkStore:
        return cls(accounts_file.parent / FILE_NAME)

    # -- reading ------------------------------------------------------------------------

    def load(self) -> list[Bookmark]:
        with self._lock:
            self._items, self._loaded, self.problem = [], True, ""
            if self.path is None:
                return []
            self._seen = self._stamp()
            try:
                data = tomllib.loads(self.path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                return []
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                self.problem = f"{self.path}: cannot read the bookmarks: {error}"
                return []
            for row in data.get("bookmark", []):
                name, place = (row.get("name"), row.get("place")) if isinstance(row, dict) else (None, None)
                if isinstance(name, str) and isinstance(place, str):
                    self._items.append(Bookmark(name, place))
            return list(self._items)

    def bookmarks(self) -> list[Bookmark]:
        with self._lock:
            self._ensure_loaded()
            return list(self._items)

    def places(self) -> dict[str, str]:
        """Name -> place text, for ``expand_bookmark``."""
        return {b.name: b.place for b in self.bookmarks()}

    def get(self, name: str) -> Bookmark:
        with self._lock:
            self._ensure_loaded()
            return self._items[self._position(name)]

    # -- changing -----------------------------------------------------------------------

    def add(self, name: str, place: str) -> Bookmark:
        """A new bookmark at the end; ``BookmarkError`` when the name is taken."""
        with self._lock:
            self._ensure_loaded()
            bookmark = Bookmark(check_name(name), place_of(place))
            if any(b.name == bookmark.name for b in self._items):
                raise BookmarkError(f"There is already a bookmark named {bookmark.name!r}.")
            self._items.append(bookmark)
            self._write()
            return bookmark

    def rename(self, old: str, new: str) -> Bookmark:
        with self._lock:
            self._ensure_loaded()
            at, new = self._position(old), check_name(new)
            if new != old and any(b.name == new for b in self._items):
                raise BookmarkError(f"There is already a bookmark named {new!r}.")
            self._items[at] = Bookmark(new, self._items[at].place)
            self._write()
            return self._items[at]

    def remove(self, name: str) -> None:
        with self._lock:
            self._ensure_loaded()
            del self._items[self._position(name)]
            self._write()

    def move(self, name: str, to: int) -> None:
        """Put ``name`` at position ``to`` (clamped to the list)."""
        with self._lock:
            self._ensure_loaded()
            bookmark = self._items.pop(self._position(name))
            self._items.insert(max(0, min(to, len(self._items))), bookmark)
            self._write()

    def shift(self, name: str, by: int) -> None:
        """Move ``name`` up (``by < 0``) or down by ``by`` places."""
        with self._lock:
            self.move(name, self.position(name) + by)

    def position(self, name: str) -> int:
        with self._lock:
            self._ensure_loaded()
            return self._position(name)

    # -- inside -------------------------------------------------------------------------

    def _ensure_loaded(self) -> None:
        if not self._loaded or (self.path is not None and self._stamp() != self._seen):
            self.load()

    def _stamp(self) -> tuple[int, int] | None:
        assert self.path is not None
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _position(self, name: str) -> int:
        for at, bookmark in enumerate(self._items):
            if bookmark.name == name:
                return at
        known = ", ".join(b.name for b in self._items) or "none yet"
        raise BookmarkError(f"There is no bookmark named {name!r} (bookmarks: {known}).")

    def _write(self) -> None:
        if self.path is None:
            return
        import tomli_w

        if self.problem and self.path.exists():  # keep what could not be read
            self.path.replace(self.path.with_name(self.path.name + ".damaged"))
            self.problem = ""
        rows = [b.to_json() for b in self._items]
        write_atomically(self.path, tomli_w.dumps({"bookmark": rows}))
        self._seen = self._stamp()
