"""The rows of a versions listing, as plain data (no Qt): each entry of
``list_versions_page`` in order, the first of each key as the object's row (a deleted
object's row is its delete marker, given its last version's size and date once that is
listed), later ones as its earlier versions."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from storebrowser.core.types import ObjectVersion


class RowKind(enum.Enum):
    FOLDER = "folder"
    CURRENT = "current"
    #: The object's row of a deleted object (its newest entry is a delete marker).
    DELETED = "deleted"
    EARLIER = "earlier version"
    MARKER = "delete marker"


@dataclass(frozen=True, slots=True)
class VersionRow:
    entry: ObjectVersion
    kind: RowKind
    #: For a ``DELETED`` row: its last version's size and date (``None`` until listed).
    last_size: int | None = None
    last_modified: datetime | None = None

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def is_object_row(self) -> bool:
        return self.kind in (RowKind.CURRENT, RowKind.DELETED)

    @property
    def has_content(self) -> bool:
        """A version with bytes: it can be downloaded, reverted to, compared."""
        return self.kind in (RowKind.CURRENT, RowKind.EARLIER)


class RowBuilder:
    """Turns pages of entries into rows; remembers the key being listed across pages."""

    def __init__(self, only_key: str | None = None) -> None:
        #: With ``only_key``, entries of other keys are left out (one object's versions).
        self.only_key = only_key
        self._key: str | None = None
        self._head: int | None = None  # row index of the current key's object row
        self._head_needs_size = False

    def add(self, rows: list[VersionRow], entries: Iterable[ObjectVersion]) -> list[int]:
        """Append the rows of ``entries`` to ``rows``; return the indexes of earlier rows
        that changed (a deleted object's row given its last version's size)."""
        changed: list[int] = []
        for entry in entries:
            if self.only_key is not None and entry.key != self.only_key:
                continue
            if entry.is_prefix:
                rows.append(VersionRow(entry, RowKind.FOLDER))
                self._key = None
                continue
            if entry.key != self._key:
                self._key, self._head = entry.key, len(rows)
                self._head_needs_size = entry.is_delete_marker
                rows.append(VersionRow(entry, RowKind.DELETED if entry.is_delete_marker else RowKind.CURRENT))
                continue
            rows.append(VersionRow(entry, RowKind.MARKER if entry.is_delete_marker else RowKind.EARLIER))
            if self._head_needs_size and not entry.is_delete_marker and self._head is not None:
                rows[self._head] = replace(
                    rows[self._head], last_size=entry.size, last_modified=entry.modified
                )
                self._head_needs_size = False
                changed.append(self._head)
        return changed
