"""Sorting the same column the other way round reuses the order shown (issue 25): it must
give exactly what a sort from scratch gives, ties and folders included."""

from __future__ import annotations

import random
from array import array
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from storebrowser.core.archive import ArchiveState, ArchiveStatus
from storebrowser.core.types import ObjectInfo
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.order import (
    COLUMNS,
    NATURAL,
    Column,
    SortSpec,
    all_rows_sorted,
    leading_folders,
    reorder,
)
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
            archive=rnd.choice((None, None, *(ArchiveStatus(state) for state in ArchiveState))),
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


# -- against Python's own sort of the values (issue 25: numpy sorts, the order must not move)


def reference_order(columns: ObjectColumns, column: int, descending: bool) -> list[int]:
    """Live folders first (by name only: they tie on every other column), then objects,
    each by the column's value with Python's stable sort: names by casefold, a missing
    date before every date, types and classes by their text ignoring case."""

    def text(value: str | None) -> tuple[str, str]:
        return (value or "").casefold(), value or ""

    def value(row: int) -> object:
        info = columns.info(row)
        if column == 0:
            return columns.name(row).casefold()
        if column == 1:
            return info.size
        if column == 2:
            return info.modified or datetime.min.replace(tzinfo=UTC)
        if column == 3:
            return text(columns.content_type(row))
        if column == 4:
            return text(info.storage_class)
        if column == 6:  # online, then archived, restoring, restored
            return 0 if info.archive is None else 1 + list(ArchiveState).index(info.archive.state)
        return info.etag or ""

    live = [row for row in range(len(columns)) if not columns.is_deleted(row)]
    folders = [row for row in live if columns.is_folder(row)]
    objects = sorted((row for row in live if not columns.is_folder(row)), key=value, reverse=descending)
    if column == 0:
        folders.sort(key=value, reverse=descending)
    return folders + objects


def columns_of(infos: list[ObjectInfo], deleted: int = 0) -> ObjectColumns:
    columns = ObjectColumns("d/")
    columns.append(pack(infos, "d/", columns.types, columns.classes))
    for row in random.Random(7).sample(range(len(columns)), deleted):
        columns.delete(row)
    return columns


def wide_values() -> ObjectColumns:
    """Sizes over 2**44 and dates with no date among them: values that do not fit beside a
    row index in one 64-bit word, some (2**62 + 1 and + 2) apart by less than the bits the
    packed sort drops (so their runs must be sorted again by their whole values)."""
    rnd = random.Random(3)
    start = datetime(1990, 1, 1, tzinfo=UTC)
    infos = [
        ObjectInfo(
            f"d/{rnd.choice(('x', 'X', 'é', 'É', 'ß', 'SS'))}{rnd.randrange(50)}",
            rnd.choice((0, 2**50, 2**62 + 1, 2**62 + 2, rnd.randrange(2**63))),
            rnd.choice((None, start + timedelta(microseconds=rnd.randrange(2**57)))),
        )
        for _ in range(2500)
    ]
    return columns_of(infos, deleted=30)


def whole_seconds() -> ObjectColumns:
    """Dates in whole seconds over 1,000 years: in microseconds they do not fit beside a
    row index in 64 bits; the packed sort drops their lowest bits, which no two differ by."""
    rnd = random.Random(4)
    start = datetime(1500, 1, 1, tzinfo=UTC)
    infos = [ObjectInfo(f"d/f{n}", n % 7, start + timedelta(seconds=rnd.randrange(1000 * 365 * 86400)))
             for n in range(3000)]  # fmt: skip
    infos += [ObjectInfo(f"d/g{n}", 1, start + timedelta(seconds=n)) for n in range(30)]  # a second apart
    return columns_of(infos)


def close_dates() -> ObjectColumns:
    """Dates over 200 years to the microsecond, many in pairs and threes 1-3 µs apart (less
    than the bits the packed sort drops), and ties: as dozens of dates fall together at
    10,000,000 rows."""
    rnd = random.Random(6)
    start = datetime(1900, 1, 1, tzinfo=UTC)
    infos = []
    for n in range(1500):
        moment = start + timedelta(microseconds=rnd.randrange(200 * 365 * 86_400_000_000))
        for step in range(rnd.choice((1, 2, 3))):
            later = moment + timedelta(microseconds=rnd.choice((0, step)))
            infos.append(ObjectInfo(f"d/{rnd.choice(('a', 'B'))}{n}-{step}", n % 5, later))
    infos += [ObjectInfo(f"d/sub{n}/", is_prefix=True) for n in (2, 1)]
    rnd.shuffle(infos)
    return columns_of(infos, deleted=20)


def digests() -> ObjectColumns:
    """Every ETag an MD5 (sorted by its bytes), two alike in their first 8 bytes, ties."""
    rnd = random.Random(5)
    etags = [f"{rnd.getrandbits(128):032x}" for _ in range(2000)]
    etags += [etags[0][:16] + "0" * 16, etags[0][:16] + "f" * 16, etags[1], etags[1]]
    infos = [ObjectInfo(f"d/o{n}", n, etag=etag) for n, etag in enumerate(etags)]
    infos += [ObjectInfo(f"d/sub{n}/", is_prefix=True) for n in (3, 1, 2)]
    rnd.shuffle(infos)
    return columns_of(infos, deleted=10)


@pytest.mark.parametrize("make", [columns_with_ties, wide_values, whole_seconds, close_dates, digests])
@pytest.mark.parametrize("column", range(len(COLUMNS)))
def test_a_sort_is_pythons_stable_sort_of_the_values(make: object, column: int) -> None:
    columns = make()  # type: ignore[operator]  # one of the builders above
    for descending in (False, True):
        expected = reference_order(columns, column, descending)
        assert all_rows_sorted(columns, SortSpec(column, descending)).tolist() == expected, descending


@pytest.mark.parametrize("make", [wide_values, close_dates])
def test_values_fallen_together_are_put_right_without_sorting_every_row(
    make: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 25 at 10,000,000 rows: the sorts by date and ETag took 2.7 and 3.1 s, because
    a few values falling together in the packed sort sent every row to numpy's stable
    argsort; only the runs that hold them are sorted again."""
    columns = make()  # type: ignore[operator]  # one of the builders above

    def no_argsort(*args: object, **kwargs: object) -> None:
        raise AssertionError("every row sorted again")

    monkeypatch.setattr(np, "argsort", no_argsort)
    for column in (Column.SIZE, Column.MODIFIED):
        for descending in (False, True):
            expected = reference_order(columns, column, descending)
            assert all_rows_sorted(columns, SortSpec(column, descending)).tolist() == expected, descending
