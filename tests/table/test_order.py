"""Sorting the same column the other way round reuses the order shown (issue 25): it must
give exactly what a sort from scratch gives, ties and folders included."""

from __future__ import annotations

import random
from array import array
from datetime import UTC, datetime, timedelta

import pytest

from storebrowser.core.types import ObjectInfo
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.order import COLUMNS, NATURAL, SortSpec, all_rows_sorted, leading_folders, reorder
from storebrowser.table.packing import pack


def columns_with_ties() -> ObjectColumns:
    rnd = random.Random(25)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    infos = [ObjectInfo(f"d/Sub{n}/", is_prefix=True) for n in rnd.sample(range(40), 6)]
    for n in range(3000):
        name = f"d/{rnd.choice(('a', 'B', 'c'))}{rnd.randrange(500)}-{n}"
        infos.append(ObjectInfo(
            name, rnd.choice((0, 1, 7, rnd.randrange(99))),
            start + timedelta(seconds=rnd.randrange(30)), rnd.choice((None, f"{rnd.randrange(9):032x}")),
            rnd.choice(("text/plain", "image/png", None)), storage_class=rnd.choice(("STANDARD", "GLACIER")),
        ))  # fmt: skip
    rnd.shuffle(infos)
    columns = ObjectColumns("d/")
    columns.append(pack(infos, "d/", columns.types, columns.classes))
    for row in rnd.sample(range(len(columns)), 50):
        columns.delete(row)
    return columns


@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_the_other_way_round_is_a_sort_from_scratch(column: int) -> None:
    columns = columns_with_ties()
    shown, spec = all_rows_sorted(columns, NATURAL), NATURAL
    for descending in (False, True, False, True):
        new = SortSpec(column, descending)
        shown = reorder(columns, shown, leading_folders(columns, shown, spec), spec, new)
        spec = new
        assert shown == all_rows_sorted(columns, spec), (column, descending)
    part = array("I", shown[::3])  # a filter's part of the rows
    other = SortSpec(column, not spec.descending)
    expected = array("I", (row for row in all_rows_sorted(columns, other) if row in set(part)))
    assert reorder(columns, part, leading_folders(columns, part, spec), spec, other) == expected
