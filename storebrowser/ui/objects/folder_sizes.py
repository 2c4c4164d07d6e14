"""The Size column of folder rows: the object model's side of a count asked for by
Calculate Folder Sizes (``ui.commands.folder_sizes``). Sizes arrive from a worker as
arrays of row ids and bytes, are set in the columns' ``FolderSizes`` in bulk, and the
view is told with one ``dataChanged`` over the column; when the table is sorted by size,
the folders (which lead the shown rows) are sorted again among themselves, in numpy, when
sizes are final (a count done or stopped): the sums so far of a count going on change
the cells in place, so the rows do not jump at every progress step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from storebrowser.table.arrays import RowIds, view
from storebrowser.table.folder_sizes import FolderSizes
from storebrowser.table.order import Column, SortSpec, folders_resorted
from storebrowser.table.packing import DELETED, FOLDER

if TYPE_CHECKING:  # mixed into the object table's model only
    from array import array

    from storebrowser.table.columns import ObjectColumns
    from storebrowser.ui.objects.changes import ShownRows as _Base
else:
    _Base = object


class FolderSizeRows(_Base):
    _rows: ObjectColumns
    _visible: array[int]
    _visible_folders: int
    _order: array[int] | None
    _needle: str
    _spec: SortSpec

    @property
    def folder_sizes(self) -> FolderSizes:
        """The sizes of this listing's folder rows: hand it back with each answer (a new
        listing has a new one, and answers for the old one are dropped)."""
        return self._rows.folder_sizes

    def columns_snapshot(self) -> ObjectColumns:
        """The rows as they are, for a worker to read their keys (``ObjectColumns.snapshot``)."""
        return self._rows.snapshot()

    def folder_rows(self) -> RowIds:
        """Every live folder row of the listing (row ids), in numpy."""
        flags = view(self._rows.flags)
        return np.flatnonzero((flags & (FOLDER | DELETED)) == FOLDER).astype(np.uint32)

    def show_folder_sizes(
        self, sizes: FolderSizes, rows: RowIds, counted: NDArray[Any] | None, *, counting: bool
    ) -> None:
        """``rows`` hold ``counted`` bytes (``None``: their count starts; ``counting``: sums
        so far). Nothing when ``sizes`` is no longer this listing's."""
        if sizes is not self._rows.folder_sizes or not len(rows):
            return
        if counted is None:
            sizes.start(rows)
        else:
            sizes.set(rows, counted, counting=counting)
        self._folder_sizes_changed(resort=counted is not None and not counting)

    def stop_folder_sizes(self, sizes: FolderSizes, rows: RowIds) -> None:
        """The count of ``rows`` ended without an answer."""
        if sizes is self._rows.folder_sizes:
            sizes.stop(rows)
            self._folder_sizes_changed()

    def _folder_sizes_changed(self, *, resort: bool = True) -> None:
        if resort and self._spec.column == Column.SIZE and self._visible_folders > 1:
            self._reorder(folders_resorted(self._rows, self._visible, self._visible_folders, self._spec))
            if self._needle:
                self._order = None  # kept for the shown rows only; rebuilt when needed
        if self._visible:
            last = len(self._visible) - 1
            self.dataChanged.emit(self.index(0, Column.SIZE), self.index(last, Column.SIZE))
