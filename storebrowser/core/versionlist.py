"""Helpers for versions listings, shared by the providers (pure functions)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from storebrowser.core.types import ObjectVersion


def only_first_is_latest(entries: Iterable[ObjectVersion], previous_key: str | None) -> list[ObjectVersion]:
    """``entries`` with ``is_latest`` kept only on the first entry of each key, and not at
    all on the key the previous page ended with (whose first entry was on that page).

    Swift's ``?versions`` (and s3api on it) decides per page: a delete marker that starts
    a page is marked latest although its key's current version was on the page before.
    """
    fixed: list[ObjectVersion] = []
    seen = previous_key
    for entry in entries:
        if entry.is_prefix:
            fixed.append(entry)
            continue
        if entry.is_latest and entry.key == seen:
            entry = dataclasses.replace(entry, is_latest=False)
        seen = entry.key
        fixed.append(entry)
    return fixed


#: The highest code point: a marker of ``prefix + PAST`` lies after every key under
#: ``prefix`` (in UTF-8 byte order, as servers sort) and before every key after them.
PAST = "\U0010ffff"


def marker_past(prefix: str) -> str:
    """A listing marker past a pseudo-folder and everything in it.

    Swift's ``?versions`` (and s3api on it) answers the marker ``photos/`` with the
    pseudo-folder ``photos/`` once more, so a page of one entry never moves on; a marker
    past all of its keys does.
    """
    return prefix + PAST
