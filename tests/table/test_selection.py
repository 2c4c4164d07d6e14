"""Selections as row ids over a snapshot of the columns (issue 25): what an action reads of
them, that a select-all is the place itself, and that asking the delete question builds
no object per row."""

from __future__ import annotations

from array import array
from datetime import UTC, datetime

import numpy as np
import pytest

from storebrowser.core.types import ObjectInfo
from storebrowser.table.columns import ObjectColumns, RowsSummary, summarize
from storebrowser.table.packing import Interner, pack
from storebrowser.table.selection import Selection, delete_plan, select

WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def listing(count: int, folder: str = "data/") -> list[ObjectInfo]:
    infos = [ObjectInfo(f"{folder}sub{n}/", is_prefix=True) for n in range(3)]
    infos += [ObjectInfo(f"{folder}f{n:05d}.txt", n + 1, WHEN, f"{n:032x}") for n in range(count)]
    return infos


def filled(infos: list[ObjectInfo], folder: str = "data/") -> ObjectColumns:
    columns = ObjectColumns(folder)
    columns.append(pack(infos, folder, columns.types, columns.classes))
    return columns


def test_keys_split_and_what_the_listing_said() -> None:
    infos = listing(5)
    columns = filled(infos)
    rows = array("I", [4, 0, 6, 1])  # display order: an object, a folder, an object, a folder
    selection = select(columns, array("I", range(len(columns))), [range(0, 1)], None)
    assert selection.keys() == ["data/sub0/"] and selection.prefix is None
    selection = Selection(columns.snapshot(), rows, summarize(columns, rows, [range(len(rows))]))
    assert selection.keys() == ["data/f00001.txt", "data/sub0/", "data/f00003.txt", "data/sub1/"]
    objects, folders = selection.split()
    assert list(objects) == [4, 6] and list(folders) == [0, 1]
    sources, listed = selection.download_sources()
    assert sources == tuple(selection.keys())
    assert listed.listed(0) == infos[4] and listed.listed(1) is None  # a folder: listed below it
    assert listed.listed(2) == infos[6] and listed.listed(9) is None
    # In bulk (a job's expansion): the sizes of the objects, none for a folder, for a
    # source that is not its row's key, or for a source beyond the rows.
    asked = (*sources[:2], "data/other.txt", sources[3], "data/f00001.txt")
    assert listed.listed_sizes(asked) == [infos[4].size, None, None, None, None]
    assert listed.listed_sizes(sources) == [infos[4].size, None, infos[6].size, None]


def test_a_folder_marker_is_left_out_of_a_download_among_others() -> None:
    marker, inside = ObjectInfo("photos/"), ObjectInfo("photos/a.jpg", 3, WHEN, "ab" * 16)
    selection = Selection.of([marker, inside, ObjectInfo("photos/b/", is_prefix=True)])
    sources, listed = selection.download_sources()
    assert sources == ("photos/a.jpg", "photos/b/")
    assert listed.listed(0) == inside and listed.info(1).is_prefix


def test_every_row_of_a_complete_listing_is_the_place_itself() -> None:
    columns = filled(listing(20))
    every = array("I", range(len(columns)))
    assert select(columns, every, [range(len(every))], "data/").prefix == "data/"
    assert select(columns, every, [range(len(every))], None).prefix is None  # listing not complete
    assert select(columns, every, [range(1, len(every))], "data/").prefix is None
    filtered = array("I", every[:10])  # a filter shows a part: those rows only
    assert select(columns, filtered, [range(10)], "data/").prefix is None
    columns.delete(5)
    live = array("I", (row for row in every if row != 5))
    whole = select(columns, live, [range(len(live))], "data/")
    assert whole.prefix == "data/" and whole.count == len(columns) - 1


def test_the_totals_of_every_row_are_the_ones_kept_by_the_columns() -> None:
    columns = filled(listing(50))
    every = array("I", range(len(columns)))
    expected = RowsSummary(53, 3, sum(range(1, 51)), uncounted=3)
    assert summarize(columns, every, [range(53)]) == expected
    assert summarize(columns, every, [range(0, 20), range(20, 53)]) == expected  # the long way


def test_counted_folders_add_their_size_and_the_others_are_said_unknown() -> None:
    columns = filled(listing(50))
    every = array("I", range(len(columns)))
    sizes = columns.folder_sizes
    sizes.set(np.array([0], np.uint32), np.array([1_000]), counting=False)  # sub0/: done
    sizes.start(np.array([1], np.uint32))
    sizes.set(np.array([1], np.uint32), np.array([70]), counting=True)  # sub1/: sums so far
    objects = sum(range(1, 51))
    for spans in ([range(53)], [range(0, 20), range(20, 53)]):  # the kept totals; the long way
        summary = summarize(columns, every, spans)
        assert (summary.folder_bytes, summary.uncounted) == (1_000, 2)
        assert summary.known_size == objects + 1_000 and summary.size == objects
    assert summarize(columns, every, [range(0, 1), range(3, 5)]) == RowsSummary(3, 1, 1 + 2, 1_000, 0)
    sizes.set(np.array([1, 2], np.uint32), np.array([70, 5]), counting=False)
    assert summarize(columns, every, [range(53)]).uncounted == 0


def test_a_snapshot_keeps_its_rows_when_the_table_lists_another_place() -> None:
    columns = filled(listing(4))
    selection = select(columns, array("I", range(len(columns))), [range(3, 7)], None)
    columns.reset("elsewhere/")
    columns.append(pack([ObjectInfo("elsewhere/x", 1)], "elsewhere/", Interner(), Interner()))
    assert selection.keys() == [f"data/f{n:05d}.txt" for n in range(4)]


def test_the_delete_question_reads_no_object_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    columns = filled(listing(50_000))
    every = array("I", range(len(columns)))

    def no_objects(_self: ObjectColumns, _row: int) -> ObjectInfo:
        raise AssertionError("an ObjectInfo was built")

    monkeypatch.setattr(ObjectColumns, "info", no_objects)
    plan = delete_plan(select(columns, every, [range(len(every))], "data/"))
    assert (plan.objects, plan.folders, plan.size) == (50_000, 3, sum(range(1, 50_001)))
    assert plan.only_object is None and plan.only_folder is None
    one = delete_plan(select(columns, every, [range(2, 4)], None))
    assert (one.only_folder, one.only_object) == ("data/sub2/", "data/f00000.txt")
