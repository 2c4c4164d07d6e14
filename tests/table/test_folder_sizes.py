"""Folder rows sized on request: sorting by size orders the folders by their counted
sizes (those not counted first), in numpy, and merges and moves keep that order."""

from __future__ import annotations

from array import array

import numpy as np

from storebrowser.core.types import ObjectInfo
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.folder_sizes import UNKNOWN
from storebrowser.table.order import (
    Column,
    SortSpec,
    all_rows_sorted,
    folders_resorted,
    leading_folders,
    plan_merge,
    position_of,
    splice,
)
from storebrowser.table.packing import pack

BY_SIZE, BY_SIZE_DOWN = SortSpec(Column.SIZE), SortSpec(Column.SIZE, descending=True)


def _columns() -> ObjectColumns:
    columns = ObjectColumns()
    infos = [
        ObjectInfo("a/", is_prefix=True),  # 0
        ObjectInfo("big.bin", size=500),  # 1
        ObjectInfo("b/", is_prefix=True),  # 2
        ObjectInfo("c/", is_prefix=True),  # 3
        ObjectInfo("small.bin", size=5),  # 4
        ObjectInfo("d/", is_prefix=True),  # 5
    ]
    columns.append(pack(infos, "", columns.types, columns.classes))
    return columns


def test_folders_tie_until_a_size_is_counted() -> None:
    columns = _columns()
    assert list(all_rows_sorted(columns, BY_SIZE_DOWN)) == [0, 2, 3, 5, 1, 4]


def test_counted_folders_sort_by_their_size_the_rest_first() -> None:
    columns = _columns()
    columns.folder_sizes.set(np.array([0, 3, 5], np.uint32), np.array([700, 20, 700]), counting=False)
    assert list(all_rows_sorted(columns, BY_SIZE)) == [2, 3, 0, 5, 4, 1]  # b/ not counted: first
    assert list(all_rows_sorted(columns, BY_SIZE_DOWN)) == [0, 5, 3, 2, 1, 4]  # ties keep row order
    assert columns.folder_sizes.of(3) == (20, False) and columns.folder_sizes.of(2) == (UNKNOWN, False)


def test_a_count_resorts_only_the_folders_and_merges_keep_the_order() -> None:
    columns = _columns()
    shown = all_rows_sorted(columns, BY_SIZE)
    columns.folder_sizes.start(np.array([0, 2, 3, 5], np.uint32))
    columns.folder_sizes.set(np.array([0, 2, 3, 5], np.uint32), np.array([9, 1, 3, 2]), counting=True)
    folders = leading_folders(columns, shown, BY_SIZE)
    resorted = folders_resorted(columns, shown, folders, BY_SIZE)
    assert list(resorted) == [2, 5, 3, 0, 4, 1]
    # A folder arriving later (not counted) goes first; a changed folder finds its place.
    new = columns.append(pack([ObjectInfo("e/", is_prefix=True)], "", columns.types, columns.classes))
    merge = plan_merge(columns, resorted, folders, list(new), BY_SIZE)
    merged = splice(resorted, merge)
    assert list(merged) == [6, 2, 5, 3, 0, 4, 1]
    columns.folder_sizes.set(np.array([6], np.uint32), np.array([5]), counting=False)
    rest = merged[1:]
    assert position_of(columns, rest, folders, 6, BY_SIZE) == 3  # between 3 (3 B) and 0 (9 B)
    # A count stopped: its folders are unknown again, sizes known before stay.
    columns.folder_sizes.stop(np.array([0, 6], np.uint32))
    assert columns.folder_sizes.of(0) == (UNKNOWN, False) and columns.folder_sizes.of(6) == (5, False)
    assert array("I", resorted)[folders:] == array("I", [4, 1])


def test_a_stopped_count_gives_back_the_sizes_known_before_it() -> None:
    sizes = _columns().folder_sizes
    sizes.set(np.array([0, 2], np.uint32), np.array([700, 20]), counting=False)
    # Counted again (the place changed): sums so far replace the shown sizes meanwhile.
    sizes.start(np.array([0, 2, 3], np.uint32))
    sizes.set(np.array([0, 2, 3], np.uint32), np.array([100, 5, 1]), counting=True)
    sizes.set(np.array([0], np.uint32), np.array([300]), counting=True)
    sizes.stop(np.array([0, 2, 3], np.uint32))
    assert [sizes.of(row) for row in (0, 2, 3)] == [(700, False), (20, False), (UNKNOWN, False)]
    # A count that finished keeps its answer; stopping it afterwards changes nothing.
    sizes.start(np.array([0], np.uint32))
    sizes.set(np.array([0], np.uint32), np.array([800]), counting=False)
    sizes.stop(np.array([0], np.uint32))
    assert sizes.of(0) == (800, False)
