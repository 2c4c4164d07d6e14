"""Rows changed from outside a listing: an upload, a rename's target or a deleted object
shown or forgotten in place, keeping the sort and the filter, without listing again. The
object table's model mixes it in."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storebrowser.core.types import ObjectInfo
from storebrowser.table.order import COLUMNS, SortSpec, position_of, row_key
from storebrowser.ui.objects.listing import DELIMITER, ObjectLister

if TYPE_CHECKING:  # mixed into the object table's model only
    from storebrowser.table.columns import ObjectColumns
    from storebrowser.ui.objects.changes import ShownRows as _Base
else:
    _Base = object


class RowEdits(_Base):
    _rows: ObjectColumns
    _lister: ObjectLister
    _visible: array[int]
    _visible_folders: int
    _order: array[int] | None
    _needle: str
    _spec: SortSpec
    _merged: int
    _loaded_rows: int
    _loaded_bytes: int
    _visible_bytes: int

    if TYPE_CHECKING:  # the model's own (declared here for the type checker only)

        def _merge_pending(self) -> None: ...
        def _merge_rows(self, start: int, stop: int) -> None: ...
        def _show(self, new: array[int]) -> None: ...
        def _reset_if_pending(self) -> None: ...

    def row_of_key(self, key: str) -> int | None:
        """The row showing ``key``, or ``None`` (not loaded, or filtered out)."""
        found = self._rows.find(key)
        if found is None or found >= self._merged:
            return None
        try:
            return self._visible.index(found)
        except ValueError:
            return None

    def remove_keys(self, keys: Iterable[str]) -> None:
        """Forget rows (objects deleted or renamed away), keeping sort and filter."""
        self._merge_pending()
        dead = {row for row in self._rows.find_many(keys).values()}
        if not dead:
            return
        sizes = self._rows.sizes
        for row in dead:
            self._loaded_rows -= 1
            self._loaded_bytes -= sizes[row]
        self._show(array("I", (row for row in self._visible if row not in dead)))
        if self._needle and self._order is not None:
            self._order = None
        for row in dead:
            self._rows.delete(row)

    def add_or_update(self, info: ObjectInfo) -> int | None:
        """Show a new or changed object (an upload, a rename's target) without listing
        again, in its sorted place; a key in a sub-folder shows as that folder. Returns its
        row, or ``None`` when it is not shown here (another place, or filtered out)."""
        place = self._lister.place
        if place is None or place.criteria or not info.key.startswith(place.listing_prefix):
            return None
        self._reset_if_pending()  # the new listing may have been read before this change
        self._merge_pending()
        cut = info.key.find(DELIMITER, len(place.listing_prefix))
        if cut >= 0:
            info = ObjectInfo(info.key[: cut + 1], is_prefix=True)
        row = self._rows.find(info.key)
        if row is None:
            self._rows.add(info)
            self._merge_rows(self._merged, len(self._rows))
        elif not info.is_prefix:
            self._update_row(row, info)
        return self.row_of_key(info.key)

    def _update_row(self, row: int, info: ObjectInfo) -> None:
        key = row_key(self._rows, self._spec) if not self._spec.natural else None
        before = key(row) if key else None
        old_size = self._rows.sizes[row]
        self._rows.update(row, info)
        self._loaded_bytes += self._rows.sizes[row] - old_size
        if self._needle and self._order is not None:
            self._order = None
        try:
            shown = self._visible.index(row)
        except ValueError:
            return
        self._visible_bytes += self._rows.sizes[row] - old_size
        if key is not None and key(row) != before:
            shown = self._move(shown, row)
        self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(COLUMNS) - 1))

    def _move(self, shown: int, row: int) -> int:
        """Move a changed row to its sorted place; returns where it is shown now."""
        rest = self._visible[:shown] + self._visible[shown + 1 :]
        folders = self._visible_folders - self._rows.is_folder(row)
        target = position_of(self._rows, rest, folders, row, self._spec)
        self._move_row(shown, target)
        return target
