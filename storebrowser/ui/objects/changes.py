"""Telling views how the shown rows changed, cheaply, with a million rows.

The rows shown are an ``array('I')`` of row ids (``_visible``). Qt views pay per insert or
remove call (a header keeps one entry per row), so:
- rows that land in few places are plain inserts;
- rows that land in many places are inserted at the end, then moved into place with one
  layout change;
- removed rows are moved to the end with a layout change, then removed there at once.
Layout changes carry every persistent index to its row's new place (VerticalSortHint:
selection models then keep whole rows), so the selection and the current index follow
their objects.
"""

from __future__ import annotations

import contextlib
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject

from storebrowser.table.arrays import row_ids, to_rows
from storebrowser.table.order import Merge, splice

#: More separate insert positions than this: insert at the end, then one layout change.
MAX_INSERT_RUNS = 4
_SORT_HINT = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_PARENTS, _HINT = "QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint"
#: Old row -> new row (-1: gone), for persistent indexes across a layout change.
RowMap = Callable[[int], int]


class ShownRows(QAbstractTableModel):
    """A table model showing ``_visible``; subclasses watch ``_set_visible`` (rows added
    at the end extend the array in place)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visible: array[int] = array("I")
        # The overloads with a hint, so that selection models keep whole rows. (Choosing
        # an overload by indexing a signal is PySide6's API; its stub lacks __getitem__.)
        self._about_to_change = self.layoutAboutToBeChanged[_PARENTS, _HINT]  # type: ignore[index]
        self._changed = self.layoutChanged[_PARENTS, _HINT]  # type: ignore[index]  # as above

    def _set_visible(self, visible: array[int]) -> None:
        self._visible = visible

    def _insert(self, merge: Merge) -> None:
        """Show ``merge.rows`` at ``merge.positions`` (indexes into the rows shown now)."""
        old = self._visible
        count = len(merge.rows)
        if not count:
            return
        if merge.positions[0] == len(old):  # all at the end: the listing's own order
            self.beginInsertRows(QModelIndex(), len(old), len(old) + count - 1)
            old.extend(merge.rows)  # in place: no copy of a million row ids per page
            self.endInsertRows()
            return
        runs = _runs(merge.positions)
        if len(runs) <= MAX_INSERT_RUNS:
            shift = 0
            for at, first, stop in runs:
                where = at + shift
                self.beginInsertRows(QModelIndex(), where, where + stop - first - 1)
                self._set_visible(old[:where] + array("I", merge.rows[first:stop]) + old[where:])
                old = self._visible
                self.endInsertRows()
                shift += stop - first
            return
        size = len(old)
        self.beginInsertRows(QModelIndex(), size, size + count - 1)
        self._set_visible(old + array("I", merge.rows))
        self.endInsertRows()
        positions = merge.positions

        def moved(row: int) -> int:
            if row < size:
                return row + bisect_right(positions, row)  # new rows that went before it
            return positions[row - size] + row - size

        self._relayout(splice(old, merge), moved)

    def _relayout(self, visible: array[int], moved: RowMap) -> None:
        """Show ``visible`` (the same rows, in a new order)."""
        self._about_to_change.emit([], _SORT_HINT)
        persistent = self.persistentIndexList()
        targets = [(moved(index.row()), index.column()) for index in persistent]
        self._set_visible(visible)
        invalid = QModelIndex()
        self.changePersistentIndexList(
            persistent, [self.index(row, column) if row >= 0 else invalid for row, column in targets]
        )
        self._changed.emit([], _SORT_HINT)

    def _reorder(self, visible: array[int]) -> None:
        """Show the same rows in another order, following persistent indexes by row id."""
        self._relayout(visible, _follow(self._visible, visible, self.persistentIndexList()))

    def _replace_visible(self, new: array[int]) -> None:
        """Show ``new`` instead: rows removed, added and reordered (masks over row ids,
        no Python per row: a filter of a million rows)."""
        old, new_ids = row_ids(self._visible), row_ids(new)
        size = int(max(old.max(initial=0), new_ids.max(initial=0))) + 1
        wanted = np.zeros(size, dtype=bool)
        wanted[new_ids] = True
        stays = wanted[old]
        kept = old[stays]
        if len(kept) < len(old):
            self._reorder(to_rows(np.concatenate((kept, old[~stays]))))
            self.beginRemoveRows(QModelIndex(), len(kept), len(old) - 1)
            self._set_visible(to_rows(kept))
            self.endRemoveRows()
        if len(kept) < len(new):
            have = np.zeros(size, dtype=bool)
            have[kept] = True
            added = new_ids[~have[new_ids]]
            self.beginInsertRows(QModelIndex(), len(kept), len(new) - 1)
            self._set_visible(to_rows(np.concatenate((kept, added))))
            self.endInsertRows()
        if self._visible != new:
            self._reorder(new)
        self._set_visible(new)

    def _move_row(self, shown: int, target: int) -> None:
        """Move the row shown at ``shown`` to ``target`` (its index once moved)."""
        if target == shown:
            return
        rest = self._visible[:shown] + self._visible[shown + 1 :]
        row = self._visible[shown]
        self.beginMoveRows(QModelIndex(), shown, shown, QModelIndex(), target + (target > shown))
        self._set_visible(rest[:target] + array("I", [row]) + rest[target:])
        self.endMoveRows()


def _runs(positions: Sequence[int]) -> list[tuple[int, int, int]]:
    """(position, first, stop) per stretch of equal positions; stops once there are many."""
    runs: list[tuple[int, int, int]] = []
    first = 0
    for j in range(1, len(positions) + 1):
        if j == len(positions) or positions[j] != positions[first]:
            runs.append((positions[first], first, j))
            if len(runs) > MAX_INSERT_RUNS:
                return runs
            first = j
    return runs


def _follow(old: array[int], new: array[int], persistent: list[QModelIndex]) -> RowMap:
    """Where each persistent row's object went (found by row id), -1 when gone."""
    ids = {old[index.row()] for index in persistent if 0 <= index.row() < len(old)}
    where: dict[int, int] = {}
    if len(ids) <= 16:  # a C-speed scan each
        for row_id in ids:
            with contextlib.suppress(ValueError):
                where[row_id] = new.index(row_id)
    elif new:  # the inverse of ``new``, made by numpy
        new_ids = row_ids(new)
        at = np.full(max(max(ids), int(new_ids.max())) + 1, -1, dtype=np.int64)
        at[new_ids] = np.arange(len(new_ids))
        where = {row_id: int(at[row_id]) for row_id in ids if at[row_id] >= 0}

    def moved(row: int) -> int:
        return where.get(old[row], -1) if 0 <= row < len(old) else -1

    return moved
