"""Sorting, filtering and merging row ids of ``ObjectColumns`` (no Qt here).

Orders are ``array('I')`` of row ids. Sorted orders put folders first (as file managers
do), then sort by the column's value; equal values keep the listing's order, in both
directions (Python's stable ``sort(reverse=True)``). Folders tie on every column but the
name, so there they keep the listing's (name) order; and but the size, once some folder's
size was counted (``ObjectColumns.folder_sizes``): folders not counted come first then.

Names compare case-insensitively (``str.casefold``). Types and storage classes compare
by their text, case-insensitively. Missing dates sort before every date. Archive
statuses sort online, archived, restoring, restored (their byte).

New rows are merged into a sorted order by binary search (``bisect`` with a key), not by
sorting everything again: O(k log n) key calls for k new rows among n.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from itertools import compress
from operator import not_ as _is_zero
from typing import Any

import numpy as np
from numpy.typing import NDArray

from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.table.arrays import RowIds, first_false, row_ids, stable_order, to_rows, view
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.name_search import names_containing
from storebrowser.table.packing import (
    DELETED,
    ETAG_HEX,
    ETAG_KIND,
    ETAG_LEN_SHIFT,
    ETAG_SHIFT,
    FOLDER,
    SLOT,
    Interner,
)


class Column(IntEnum):
    NAME = 0
    SIZE = 1
    MODIFIED = 2
    TYPE = 3
    STORAGE_CLASS = 4
    ETAG = 5
    ARCHIVE = 6


COLUMNS = (
    QT_TRANSLATE_NOOP("ObjectTableModel", "Name"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Size"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Modified"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Type"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Storage class"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "ETag"),
    QT_TRANSLATE_NOOP("ObjectTableModel", "Archive status"),
)

RowKey = Callable[[int], Any]
#: Byte inversion for descending text keys: a NUL-free UTF-8 name, each byte inverted and
#: 0xFF appended, sorts ascending exactly where the name sorts descending.
_INVERT = bytes(range(255, -1, -1))


@dataclass(frozen=True, slots=True)
class SortSpec:
    """Which column and direction; column -1 is the listing's own order."""

    column: int = -1
    descending: bool = False

    @property
    def natural(self) -> bool:
        return self.column < 0


NATURAL = SortSpec()


def _ranks(interner: Interner) -> list[int]:
    """Rank of each interned id by its text (``None`` first)."""
    values = interner.values
    ids = sorted(range(len(values)), key=lambda i: ((values[i] or "").casefold(), values[i] or ""))
    ranks = [0] * len(values)
    for rank, value_id in enumerate(ids):
        ranks[value_id] = rank
    return ranks


def bulk_keys(columns: ObjectColumns, column: int) -> Sequence[Any]:
    """The sort value of every row, indexed by row id."""
    if column == Column.NAME:
        return columns.folded_names()
    # Sizes and microsecond dates are below 2**53, so floats hold them exactly, and a
    # list of floats sorts several times faster than one of big ints.
    if column == Column.SIZE:
        return list(map(float, columns.sizes))
    if column == Column.MODIFIED:
        return list(map(float, columns.modified))
    if column == Column.TYPE:
        return list(map(_ranks(columns.types).__getitem__, columns.type_ids))
    if column == Column.STORAGE_CLASS:
        return list(map(_ranks(columns.classes).__getitem__, columns.class_ids))
    if column == Column.ARCHIVE:
        return columns.archive_states or [0] * len(columns)
    return columns.etags()


def row_key(columns: ObjectColumns, spec: SortSpec) -> RowKey:
    """A key of one row that ascends along the display order of ``spec``.

    Ascending, it is the sort value; descending, numbers are negated and texts inverted
    byte by byte, so ``bisect`` works on either direction.
    """
    column = spec.column
    if column == Column.NAME:
        plain: RowKey = columns.folded_name
    elif column == Column.SIZE:
        plain = _size_key(columns) if columns.folder_sizes.known else columns.sizes.__getitem__
    elif column == Column.MODIFIED:
        plain = columns.modified.__getitem__
    elif column in (Column.TYPE, Column.STORAGE_CLASS):
        by_type = column == Column.TYPE
        ids = columns.type_ids if by_type else columns.class_ids
        ranks = _ranks(columns.types if by_type else columns.classes)

        def plain(row: int) -> int:
            return ranks[ids[row]]
    elif column == Column.ARCHIVE:
        plain = columns.archive_state
    else:

        def plain(row: int) -> str:
            return columns.etag(row) or ""

    if not spec.descending:
        return plain
    if column in (Column.NAME, Column.ETAG):
        return lambda row: plain(row).encode("utf-8", "surrogatepass").translate(_INVERT) + b"\xff"
    return lambda row: -plain(row)


def _size_key(columns: ObjectColumns) -> RowKey:
    """A row's size where folders have theirs counted: a folder's count, else the object's."""
    sizes, flags, counted = columns.sizes, columns.flags, columns.folder_sizes.size_key

    def size(row: int) -> int:
        return counted(row) if flags[row] & FOLDER else sizes[row]

    return size


def folders_sorted(columns: ObjectColumns, spec: SortSpec) -> bool:
    """Folders are ordered among themselves by ``spec``'s column (by name, and by size
    once some folder's size was counted); otherwise they tie and keep the listing's order."""
    return spec.column == Column.NAME or (spec.column == Column.SIZE and columns.folder_sizes.known)


def split_folders(columns: ObjectColumns, rows: Sequence[int]) -> tuple[list[int], list[int]]:
    """(folders, objects) of the live ``rows``, each keeping its order (C-level loops)."""
    if not columns.folders and columns.live == len(columns):
        return [], list(rows)
    every = isinstance(rows, range) and rows == range(len(columns))
    bits = columns.flags if every else list(map(columns.flags.__getitem__, rows))
    kinds = list(map((FOLDER | DELETED).__and__, bits))  # 0: a live object, FOLDER: a live folder
    objects = list(compress(rows, map(_is_zero, kinds)))
    if not columns.folders:
        return [], objects
    folders = list(compress(rows, map(FOLDER.__eq__, kinds)))  # C-level: no Python call per row
    return folders, objects


def sort_rows(columns: ObjectColumns, rows: Sequence[int] | RowIds, spec: SortSpec) -> array[int]:
    """``rows`` (live ones, given in row-id order) in the display order of ``spec``."""
    ids = row_ids(rows)
    kinds = view(columns.flags)[ids] & (FOLDER | DELETED)  # 0: a live object, FOLDER: a live folder
    if spec.natural:
        return to_rows(ids[(kinds & DELETED) == 0])
    return _sorted(columns, ids[kinds == FOLDER], ids[kinds == 0], spec)


def _sorted(columns: ObjectColumns, folders: RowIds, objects: RowIds, spec: SortSpec) -> array[int]:
    """Folders then objects, each sorted by ``spec`` (stable: ties keep the order given)."""
    if folders_sorted(columns, spec):  # folders tie on the other columns
        folders = sort_ids(columns, folders, spec)
    return to_rows(np.concatenate((folders, sort_ids(columns, objects, spec))))


def sort_ids(columns: ObjectColumns, ids: RowIds, spec: SortSpec) -> RowIds:
    """``ids`` sorted by ``spec``'s column, stable. Numbers, dates, types, classes and
    ranked names (a complete listing's, ``name_rank``) are sorted by numpy; names not
    ranked (yet) and ETags that are not all MD5s by Python's sort, whose
    Timsort is close to linear on a listing's order: services list in byte order, which
    is the case-folded order but where case differs."""
    if len(ids) < 2:
        return ids
    values = _numbers(columns, spec.column, ids)
    if values is not None:
        return ids[stable_order(values, spec.descending)]
    if spec.column == Column.ETAG and (by_digest := _by_digest(columns, ids, spec.descending)) is not None:
        return by_digest
    few = len(ids) * 8 < len(columns)  # a few (the folders): per row beats folding every name
    key = row_key(columns, SortSpec(spec.column)) if few else bulk_keys(columns, spec.column).__getitem__
    rows = ids.tolist()
    rows.sort(key=key, reverse=spec.descending)
    return view(array("I", rows))  # through array: four times faster than np.array(list)


def _numbers(columns: ObjectColumns, column: int, ids: RowIds) -> NDArray[Any] | None:
    """The sort value of each of ``ids`` as integers, for the columns that have one (names
    too, once ranked: ``name_rank``)."""
    if column == Column.NAME:
        ranked = columns.name_ranks
        return ranked[ids] if ranked is not None and int(ids.max()) < len(ranked) else None
    if column == Column.SIZE:
        sizes = view(columns.sizes)[ids]
        if columns.folder_sizes.known:  # folders: their counted sizes (UNKNOWN first)
            folder = (view(columns.flags)[ids] & FOLDER) != 0
            sizes[folder] = columns.folder_sizes.values(ids[folder])
        return sizes
    if column == Column.MODIFIED:
        return view(columns.modified)[ids]
    if column in (Column.TYPE, Column.STORAGE_CLASS):
        by_type = column == Column.TYPE
        ranks: NDArray[np.uint32] = np.array(_ranks(columns.types if by_type else columns.classes), np.uint32)
        picked: NDArray[np.uint32] = ranks[view(columns.type_ids if by_type else columns.class_ids)[ids]]
        return picked
    if column == Column.ARCHIVE:
        if columns.archive_states is None:
            return np.zeros(len(ids), np.uint8)
        return view(columns.archive_states)[ids]
    return None


def _by_digest(columns: ObjectColumns, ids: RowIds, descending: bool) -> RowIds | None:
    """``ids`` by ETag when every one is an MD5 (32 hex digits, the slot's 16 bytes, whose
    order is the text's); ``None`` otherwise."""
    md5 = ETAG_HEX << ETAG_SHIFT | SLOT << ETAG_LEN_SHIFT
    kinds = view(columns.flags)[ids] & (ETAG_KIND | 0x1F << ETAG_LEN_SHIFT)
    if np.any(kinds != md5):
        return None
    words = np.frombuffer(columns.etag_slots, dtype=">u8").reshape(-1, 2)[ids].astype(np.uint64)
    high, low = words[:, 0], words[:, 1]
    order = stable_order(high, descending)
    in_order = high[order]
    if np.any(in_order[1:] == in_order[:-1]):  # rare: two digests alike in their first 8 bytes
        keys = (low[::-1], high[::-1]) if descending else (low, high)
        order = np.lexsort(keys)
        order = (len(ids) - 1 - order)[::-1] if descending else order
    return ids[order]


def reorder(
    columns: ObjectColumns, shown: array[int], folder_count: int, old: SortSpec, spec: SortSpec
) -> array[int]:
    """``shown`` (live rows in the order of ``old``, ``folder_count`` folders first when
    sorted) in the order of ``spec``.

    The same column the other way round is sorted from ``shown`` itself: equal values are
    in row-id order there, which a stable sort keeps, and folders need no splitting off.
    (For names, Python's Timsort then meets values in reversed order: close to linear.)
    """
    if not spec.natural and old.column == spec.column:
        ids = row_ids(shown)
        return _sorted(columns, ids[:folder_count], ids[folder_count:], spec)
    if len(shown) == columns.live:  # every row: no need to sort the row ids first
        return all_rows_sorted(columns, spec)
    ids = row_ids(shown)
    ids.sort()
    return sort_rows(columns, ids, spec)


def all_rows_sorted(columns: ObjectColumns, spec: SortSpec) -> array[int]:
    if spec.natural and not columns.live < len(columns):
        return array("I", range(len(columns)))
    return sort_rows(columns, range(len(columns)), spec)


def matching(columns: ObjectColumns, rows: Iterable[int], needle: str) -> array[int]:
    """The rows whose case-folded name contains ``needle`` (already case-folded)."""
    if not needle:
        return array("I", rows)
    ids = row_ids(rows)
    if len(ids) < 2000:  # a page: per row is cheaper than folding every name
        name = columns.folded_name
        return array("I", (row for row in ids.tolist() if needle in name(row)))
    return to_rows(ids[names_containing(columns, needle)[ids]])


@dataclass(slots=True)
class Merge:
    """Where new rows go: ``rows`` in display order, ``positions[j]`` the index in the
    old order before which ``rows[j]`` lands (non-decreasing)."""

    rows: list[int]
    positions: list[int]
    folders: int  # how many of ``rows`` are folders (they come first)


def plan_merge(
    columns: ObjectColumns, order: array[int], folder_count: int, new_rows: Sequence[int], spec: SortSpec
) -> Merge:
    """Plan inserting ``new_rows`` (live, newer than every row of ``order``)."""
    if spec.natural:
        return Merge(list(new_rows), [len(order)] * len(new_rows), 0)
    folders, objects = split_folders(columns, new_rows)
    key = row_key(columns, spec)
    positions: list[int] = []
    if folders_sorted(columns, spec):
        folders.sort(key=key)
        positions += _positions(order, 0, folder_count, folders, key)
    else:
        positions += [folder_count] * len(folders)  # folders tie: after the older ones
    objects.sort(key=key)
    positions += _positions(order, folder_count, len(order), objects, key)
    return Merge(folders + objects, positions, len(folders))


def _positions(order: array[int], lo: int, hi: int, rows: list[int], key: RowKey) -> list[int]:
    """Insertion points of ``rows`` (sorted by ``key``) into ``order[lo:hi]``.

    Each search starts where the previous one landed. Rows that go after the last row (a
    listing arriving in order) cost one key call each, rows landing together two.
    """
    positions: list[int] = []
    last_key = key(order[hi - 1]) if hi > lo else None
    for row in rows:
        wanted = key(row)
        if last_key is None or not wanted < last_key:
            lo = hi  # after everything: the common case while a listing arrives
        elif not wanted < key(order[lo]):  # else it lands where the previous one did
            lo = bisect_right(order, wanted, lo, hi, key=key)
        positions.append(lo)
    return positions


def splice(order: array[int], merge: Merge) -> array[int]:
    """``order`` with ``merge.rows`` inserted at ``merge.positions``."""
    if not merge.rows:
        return order
    if merge.positions[0] == len(order):
        return order + array("I", merge.rows)
    result = array("I")
    start = 0
    positions, rows = merge.positions, merge.rows
    j = 0
    while j < len(rows):
        at = positions[j]
        end = j + 1
        while end < len(rows) and positions[end] == at:
            end += 1
        result += order[start:at]
        result += array("I", rows[j:end])
        start, j = at, end
    result += order[start:]
    return result


def position_of(
    columns: ObjectColumns, order: array[int], folder_count: int, row: int, spec: SortSpec
) -> int:
    """Where ``row`` (not in ``order``) goes, ties broken by row id: for a changed row."""
    if spec.natural:
        return bisect_right(order, row)  # the listing order is row-id order
    folder = columns.is_folder(row)
    lo, hi = (0, folder_count) if folder else (folder_count, len(order))
    if folder and not folders_sorted(columns, spec):
        return bisect_right(order, row, lo, hi)  # folders tie: by row id
    key = row_key(columns, spec)
    wanted = key(row)
    first = bisect_left(order, wanted, lo, hi, key=key)
    last = bisect_right(order, wanted, first, hi, key=key)
    return bisect_right(order, row, first, last)  # among equals, by row id


def folders_resorted(
    columns: ObjectColumns, visible: array[int], folder_count: int, spec: SortSpec
) -> array[int]:
    """``visible`` with its leading ``folder_count`` folders sorted again by ``spec`` (their
    sizes changed); the objects stay as they are."""
    ids = row_ids(visible[:folder_count])
    ids.sort()  # ties by row id, as every sort here keeps them
    return to_rows(sort_ids(columns, ids, spec)) + visible[folder_count:]


def leading_folders(columns: ObjectColumns, visible: Sequence[int], spec: SortSpec) -> int:
    """How many rows at the start of ``visible`` are folders (a sorted order puts them
    first; the listing's own order keeps no such block)."""
    if spec.natural or not columns.folders:
        return 0
    head = row_ids(visible[: columns.folders + 1])  # at most every folder, then an object
    return first_false((view(columns.flags)[head] & FOLDER) != 0)
