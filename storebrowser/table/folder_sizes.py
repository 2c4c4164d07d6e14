"""What the folder rows of a listing hold, counted on request (the Size column of a
folder): bytes by row id in a numpy array, ``UNKNOWN`` where not counted, and whether a
count is still going on (its bytes are then the sum so far).

Set in bulk from a worker's result (row ids and sizes as arrays): no Python per row.
A listing's columns own one (``ObjectColumns.folder_sizes``); a new listing makes a new
one, so a count finished after the listing changed is recognised and dropped."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
from numpy.typing import NDArray

from storebrowser.table.arrays import RowIds

UNKNOWN = -1
#: Stamps of ``FolderSizes.edits``: never the same twice in a process.
_EDIT_STAMPS = itertools.count(1)


class FolderSizes:
    def __init__(self) -> None:
        self._bytes: NDArray[np.int64] = np.empty(0, np.int64)
        self._counting: NDArray[np.bool_] = np.empty(0, np.bool_)
        #: What each row held when its count began: a count stopped gives it back.
        self._before: NDArray[np.int64] = np.empty(0, np.int64)
        #: Some folder has a size or a count going on (the sort then orders folders by it).
        self.known = False
        #: A new stamp at every change (``start``, ``set``, ``stop``): see ``ObjectColumns.edits``.
        self.edits = next(_EDIT_STAMPS)

    def _grow(self, rows: RowIds) -> None:
        need = int(rows.max()) + 1 if len(rows) else 0
        have = len(self._bytes)
        if need > have:
            more = max(need, 2 * have) - have
            self._bytes = np.concatenate((self._bytes, np.full(more, UNKNOWN, np.int64)))
            self._counting = np.concatenate((self._counting, np.zeros(more, np.bool_)))
            self._before = np.concatenate((self._before, np.full(more, UNKNOWN, np.int64)))

    def start(self, rows: RowIds) -> None:
        """A count of ``rows`` begins (sizes known before stay shown meanwhile, and come
        back if the count is stopped)."""
        self.edits = next(_EDIT_STAMPS)
        self._grow(rows)
        self._remember(rows)
        self._counting[rows] = True
        self.known = self.known or bool(len(rows))

    def set(self, rows: RowIds, sizes: NDArray[Any], *, counting: bool) -> None:
        """``sizes[i]`` bytes in ``rows[i]``; ``counting``: sums so far, more to come."""
        self.edits = next(_EDIT_STAMPS)
        self._grow(rows)
        if counting:
            self._remember(rows)
        self._bytes[rows] = sizes
        self._counting[rows] = counting
        self.known = self.known or bool(len(rows))

    def _remember(self, rows: RowIds) -> None:
        """Keep what ``rows`` hold as their count begins; a row already counting keeps
        what it held before its first sum."""
        fresh = rows[~self._counting[rows]]
        self._before[fresh] = self._bytes[fresh]

    def stop(self, rows: RowIds) -> None:
        """The count of ``rows`` ended without an answer (stopped, failed): each holds
        again what it held before the count (unknown, or a size counted earlier)."""
        self.edits = next(_EDIT_STAMPS)
        inside = rows[rows < len(self._bytes)]
        self._bytes[inside] = np.where(self._counting[inside], self._before[inside], self._bytes[inside])
        self._counting[inside] = False

    def of(self, row: int) -> tuple[int, bool]:
        """(bytes or ``UNKNOWN``, still counting) of one row."""
        if row >= len(self._bytes):
            return UNKNOWN, False
        return int(self._bytes[row]), bool(self._counting[row])

    def size_key(self, row: int) -> int:
        return int(self._bytes[row]) if row < len(self._bytes) else UNKNOWN

    def values(self, ids: RowIds) -> NDArray[np.int64]:
        """The bytes of ``ids`` (``UNKNOWN`` where not counted), a fresh array."""
        out = np.full(len(ids), UNKNOWN, np.int64)
        inside = ids < len(self._bytes)
        out[inside] = self._bytes[ids[inside]]
        return out

    def counted(self, folder_ids: RowIds) -> tuple[int, int]:
        """(bytes of the folders of ``folder_ids`` whose count is done, how many are not
        counted or still counting): what a selection of them is known to weigh."""
        if not self.known or not len(folder_ids):
            return 0, len(folder_ids)
        sizes = self.values(folder_ids)
        inside = folder_ids < len(self._counting)
        sizes[inside] = np.where(self._counting[folder_ids[inside]], UNKNOWN, sizes[inside])
        done = sizes != UNKNOWN
        return int(sizes[done].sum()), len(folder_ids) - int(np.count_nonzero(done))

    def counting_any(self) -> bool:
        return bool(self._counting.any())
