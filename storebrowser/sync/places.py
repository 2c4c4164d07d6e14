"""The two ends of a compare or a sync: a local folder, or ``[ACCOUNT:]CONTAINER[/PREFIX]``.

The remote form is read by the one place parser (``core.places``). A text is a local
folder when it is plainly a path (``/``, ``./``, ``../``, ``~``); a bare name that is
both a folder here and could be a container is refused as ambiguous rather than
guessed, with both ways to say it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from storebrowser.core.places import split_account, split_container


class PlaceProblem(ValueError):
    """A place that cannot be used, phrased for a person."""


@dataclass(frozen=True, slots=True)
class SyncPlace:
    """A local folder (``local`` set) or a prefix of a container (``prefix`` is ``""`` or
    ends with ``/``)."""

    local: str = ""
    account: str = ""
    container: str = ""
    prefix: str = ""

    @property
    def is_local(self) -> bool:
        return bool(self.local)

    def text(self) -> str:
        if self.is_local:
            return self.local
        return f"{self.account}:{self.container}/{self.prefix}"

    def to_json(self) -> dict[str, str]:
        if self.is_local:
            return {"local": self.local}
        return {"account": self.account, "container": self.container, "prefix": self.prefix}


def _looks_local(text: str) -> bool:
    return (
        text.startswith(("/", "./", "../", "~"))
        or text in (".", "..")
        or (os.name == "nt" and len(text) > 1 and text[1] == ":")
    )


def parse_place(text: str, default_account: str | None) -> SyncPlace:
    """``text`` as a place; ``default_account`` for a remote place naming none (``None``:
    there is no default, say so)."""
    if not text.strip():
        raise PlaceProblem("an empty place: give a local folder or [ACCOUNT:]CONTAINER[/PREFIX]")
    if _looks_local(text):
        return _local(text)
    account, rest = split_account(text)
    if account is None and Path(text).is_dir():
        raise PlaceProblem(
            f"{text!r} is a folder here and could be a container: write ./{text} for the folder, "
            f"or ACCOUNT:{text} for the container"
        )
    account = account or default_account
    if not account:
        raise PlaceProblem(f"{text!r}: name the account (ACCOUNT:{text}) or choose one with --account")
    container, prefix = split_container(rest.lstrip("/"))
    if not container:
        raise PlaceProblem(f"{text!r}: name a container (ACCOUNT:CONTAINER[/PREFIX])")
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    return SyncPlace(account=account, container=container, prefix=prefix)


def _local(text: str) -> SyncPlace:
    path = Path(text).expanduser()
    if path.exists() and not path.is_dir():
        raise PlaceProblem(f"{text}: a file; compare and sync take folders")
    return SyncPlace(local=str(path.resolve()))


def overlap_problem(left: SyncPlace, right: SyncPlace) -> str | None:
    """Why the two may not be synced: one inside the other (a sync would read what it
    writes, and a deletion could remove its own source)."""
    if left.is_local and right.is_local:
        a, b = Path(os.path.realpath(left.local)), Path(os.path.realpath(right.local))
        if a == b or a in b.parents or b in a.parents:
            return f"{left.text()} and {right.text()} overlap (one is inside the other)"
        return None
    if left.is_local or right.is_local:
        return None
    same_container = (left.account, left.container) == (right.account, right.container)
    if same_container and (left.prefix.startswith(right.prefix) or right.prefix.startswith(left.prefix)):
        return f"{left.text()} and {right.text()} overlap (one is inside the other)"
    return None
