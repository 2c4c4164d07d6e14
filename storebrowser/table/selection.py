"""A selection of the object table as row ids over a snapshot of its columns.

An action on a million selected rows must not build a million ``ObjectInfo`` on the GUI
thread. The GUI thread takes a ``Selection`` (a copy of the selected row ids, a few
milliseconds for a million, and the count and bytes, from the columns); what the action
needs of every row (keys, what the listing said) is read on a worker from the snapshot.
When every row of a complete, unfiltered listing is selected, the selection is the
place itself (``prefix``): a job can take the prefix instead of a million keys.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress

from storebrowser.core.types import ObjectInfo
from storebrowser.table.columns import ObjectColumns, RowsSummary, every_row, summarize
from storebrowser.table.packing import FOLDER, Interner, pack

#: Up to this many rows, a question may name what it is about.
NAMED = 1


@dataclass(frozen=True, slots=True)
class Selection:
    """Selected rows in display order. ``columns`` is a ``snapshot``: read it anywhere."""

    columns: ObjectColumns
    rows: array[int]
    summary: RowsSummary
    #: Every object under this prefix is selected (select all in a complete listing),
    #: or ``None``.
    prefix: str | None = None

    @classmethod
    def of(cls, infos: Sequence[ObjectInfo]) -> Selection:
        """A selection of ``infos`` (for callers without a table, such as tests)."""
        columns = ObjectColumns()
        if infos:
            columns.append(pack(infos, "", Interner(), Interner()))
        summary = RowsSummary(columns.live, columns.folders, columns.object_bytes)
        return cls(columns, array("I", range(len(columns))), summary)

    @property
    def count(self) -> int:
        return len(self.rows)

    def infos(self) -> list[ObjectInfo]:
        """An ``ObjectInfo`` per row: for a few rows, or on a worker."""
        return list(map(self.columns.info, self.rows))

    def keys(self) -> list[str]:
        """Every row's key, folders ending ``/``."""
        return self.columns.keys_of(self.rows)

    def split(self) -> tuple[array[int], array[int]]:
        """(object rows, folder rows), each in display order; C-level loops."""
        if not self.summary.folders:
            return self.rows, array("I")
        bits = list(map(FOLDER.__and__, map(self.columns.flags.__getitem__, self.rows)))
        folders = array("I", compress(self.rows, bits))
        objects = array("I", compress(self.rows, map(_not, bits)))
        return objects, folders

    def first_keys(self, rows: Iterable[int], count: int = NAMED) -> list[str]:
        keys: list[str] = []
        for row in rows:
            if len(keys) == count:
                break
            keys.append(self.columns.key(row))
        return keys

    def download_sources(self) -> tuple[tuple[str, ...], ListedRows]:
        """What a download of the selection takes (``DOWNLOAD_MANY``'s sources) and what
        the listing said of each, in the same order. A folder's own marker (a zero-byte
        ``photos/`` object) is left out among others: there is no file to make of it."""
        keys = self.keys()
        rows: Sequence[int] = self.rows
        if len(keys) > 1:
            flags = self.columns.flags
            pairs = zip(rows, keys, strict=True)
            keep = [not key.endswith("/") or bool(flags[row] & FOLDER) for row, key in pairs]
            if not all(keep) and any(keep):
                keys = list(compress(keys, keep))
                rows = array("I", compress(rows, keep))
        return tuple(keys), ListedRows(self.columns, array("I", rows))


def select(
    columns: ObjectColumns, visible: Sequence[int], spans: Iterable[range], place: str | None
) -> Selection:
    """The rows ``visible[span]`` for ``spans`` (disjoint): a copy of their ids (C-level
    slices) over a snapshot of the columns. When they are every live row and ``place``
    is given (the listing of that prefix is complete), the selection is the place."""
    spans = list(spans)
    rows = array("I")
    for span in spans:
        rows.extend(visible[span.start : span.stop])
    whole = place is not None and every_row(columns, visible, spans)
    return Selection(columns.snapshot(), rows, summarize(columns, visible, spans), place if whole else None)


def _not(value: int) -> bool:
    return not value


@dataclass(frozen=True, slots=True)
class ListedRows:
    """What the listing said of each source of a job (``transfers.jobs.Listed``): the
    object of source ``n`` is built from the columns only when the job reaches it."""

    columns: ObjectColumns
    rows: array[int]

    def info(self, source: int) -> ObjectInfo:
        """Source ``source`` as an ``ObjectInfo``, a folder too."""
        return self.columns.info(self.rows[source])

    def listed(self, source: int) -> ObjectInfo | None:
        """The listed object of ``source``; ``None`` for a folder or a source it lacks."""
        if not 0 <= source < len(self.rows):
            return None
        row = self.rows[source]
        return None if self.columns.is_folder(row) else self.columns.info(row)

    def listed_sizes(self, sources: Sequence[str]) -> list[int | None]:
        """Per source, the size of its row when that row is an object of exactly that key
        (``None`` otherwise): what a job's expansion needs of a million listed sources,
        read in C-level passes (``transfers.kinds.download.ListedInBulk``)."""
        rows = self.rows[: len(sources)]
        columns = self.columns
        keys = columns.keys_of(rows)
        sizes = map(columns.sizes.__getitem__, rows)
        objects = map(_not, map(FOLDER.__and__, map(columns.flags.__getitem__, rows)))
        known = [
            size if is_object and key == source else None
            for size, is_object, key, source in zip(sizes, objects, keys, sources, strict=False)
        ]
        return known + [None] * (len(sources) - len(known))


@dataclass(frozen=True, slots=True)
class DeletePlan:
    """What a delete confirmation says: counts, bytes, and a name when there is one."""

    objects: int
    folders: int
    size: int
    #: The key of the object (or folder) when there is exactly one.
    only_object: str | None = None
    only_folder: str | None = None


def delete_plan(selection: Selection) -> DeletePlan:
    """From the summary (no row read but the named ones): cheap for a million rows."""
    summary = selection.summary
    objects, folders = summary.count - summary.folders, summary.folders
    only_object = only_folder = None
    if objects == 1 or folders == 1:
        flags = selection.columns.flags
        if objects == 1:
            only_object = selection.first_keys(r for r in selection.rows if not flags[r] & FOLDER)[0]
        if folders == 1:
            only_folder = selection.first_keys(r for r in selection.rows if flags[r] & FOLDER)[0]
    return DeletePlan(objects, folders, summary.size, only_object, only_folder)
