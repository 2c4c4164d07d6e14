"""A place in the stores, and its text: ``ACCOUNT:CONTAINER/PREFIX``.

The one parser of that form: the window's path bar and remembered place (``Location``)
and the CLI's arguments (``split_account``, ``split_container``) read it here, so what
the path bar shows can be pasted into a ``storebrowser-cli`` command and back. A colon
before the first ``/`` ends an account name; after the container, the rest is verbatim
(object keys may hold any character, ``:`` included).

A bookmark stands for a place: ``@NAME`` (or ``@NAME/MORE``, below it) is expanded here,
by ``expand_bookmark``, so the path bar and every CLI argument that takes a place accept
it alike. The bookmarks themselves are kept by ``storebrowser.accounts.bookmarks``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: What starts a bookmark's name where a place is expected.
BOOKMARK_MARK = "@"


class UnknownBookmark(ValueError):
    """``@name`` names no bookmark; the message lists the ones there are."""


def is_bookmark_ref(text: str) -> bool:
    return text.strip().startswith(BOOKMARK_MARK)


def expand_bookmark(text: str, bookmarks: Mapping[str, str]) -> str:
    """``@NAME[/MORE]`` -> the place text of bookmark ``NAME`` with ``MORE`` below it
    (``ACCOUNT:CONTAINER/PREFIX`` + ``MORE``); any other text as it is.

    ``bookmarks`` maps names to place texts. ``UnknownBookmark`` when NAME is not one."""
    stripped = text.strip()
    if not stripped.startswith(BOOKMARK_MARK):
        return text
    name, sep, more = stripped[len(BOOKMARK_MARK) :].partition("/")
    place = bookmarks.get(name)
    if place is None:
        known = ", ".join("@" + n for n in sorted(bookmarks)) or "none yet"
        raise UnknownBookmark(f"no bookmark named {BOOKMARK_MARK}{name} (bookmarks: {known})")
    if not sep or not more:
        return place
    account, rest = split_account(place)
    if not rest:  # an account's bookmark: MORE starts with a container
        return f"{account}:{more}"
    return place + more if rest.endswith("/") else f"{place}/{more}"


def split_account(text: str) -> tuple[str | None, str]:
    """``[ACCOUNT:]REST`` -> ``(account or None, REST)``."""
    account, sep, rest = text.partition(":")
    if sep and "/" not in account:
        return account, rest
    return None, text


def split_container(text: str) -> tuple[str, str]:
    """``CONTAINER[/REST]`` -> ``(container, REST)``: REST (a key or a prefix) verbatim,
    the container empty when the text names none."""
    container, _, rest = text.partition("/")
    return container, rest


def place_text(account: str, container: str = "", prefix: str = "") -> str:
    """The text of a place: ``ACCOUNT:`` or ``ACCOUNT:CONTAINER/PREFIX``."""
    return f"{account}:{container}/{prefix}" if container else f"{account}:"


@dataclass(frozen=True, slots=True)
class Location:
    """An account (``container == ""``), a container, or a pseudo-folder in it.

    ``prefix`` is empty or ends with ``/``.
    """

    account: str
    container: str = ""
    prefix: str = ""

    def __post_init__(self) -> None:
        if self.prefix and not self.prefix.endswith("/"):
            raise ValueError(f"a folder prefix ends with '/': {self.prefix!r}")
        if self.prefix and not self.container:
            raise ValueError("a folder needs a container")

    @property
    def is_account(self) -> bool:
        return not self.container

    def parent(self) -> Location | None:
        """One level up: folder -> its folder -> container -> account -> None."""
        if self.prefix:
            head = self.prefix[:-1].rpartition("/")[0]
            return Location(self.account, self.container, head + "/" if head else "")
        if self.container:
            return Location(self.account)
        return None

    def child(self, name: str) -> Location:
        """Into a container (at account level) or a sub-folder ``name/``."""
        if not self.container:
            return Location(self.account, name)
        return Location(self.account, self.container, self.prefix + name.rstrip("/") + "/")

    def folder(self, prefix: str) -> Location:
        return Location(self.account, self.container, prefix)

    def entry_toward(self, deeper: Location) -> str | None:
        """The name this place lists on the way down to ``deeper``: the container (from an
        account) or the folder's whole prefix (``"photos/2024/"``); ``None`` when
        ``deeper`` is not below here. Going up selects the place one came from."""
        if deeper.account != self.account or deeper == self:
            return None
        if self.is_account:
            return deeper.container
        if deeper.container != self.container or not deeper.prefix.startswith(self.prefix):
            return None
        return self.prefix + deeper.prefix[len(self.prefix) :].partition("/")[0] + "/"

    def crumbs(self) -> list[tuple[str, Location]]:
        """``(label, location)`` from the account down to here, for the path bar."""
        trail = [(self.account, Location(self.account))]
        if self.container:
            trail.append((self.container, Location(self.account, self.container)))
        walked = ""
        for segment in self.prefix.split("/")[:-1]:
            walked += segment + "/"
            trail.append((segment or "/", Location(self.account, self.container, walked)))
        return trail

    def text(self) -> str:
        return place_text(self.account, self.container, self.prefix)

    @classmethod
    def parse(cls, text: str, current_account: str, bookmarks: Mapping[str, str] | None = None) -> Location:
        """``[ACCOUNT:]CONTAINER[/PREFIX]`` as typed in the path bar, or ``@BOOKMARK[/MORE]``
        when ``bookmarks`` are given; a prefix typed without its trailing ``/`` is taken as
        a folder. ``ValueError`` says what is wrong."""
        if bookmarks is not None:
            text = expand_bookmark(text, bookmarks)
        named, rest = split_account(text.strip())
        account = (named or "").strip() or current_account
        container, prefix = split_container(rest.lstrip("/"))
        if not container:
            return cls(account)
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        return cls(account, container, prefix)
