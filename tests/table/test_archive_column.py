"""The archive status column (issue 21): a byte a row, made with the first archived row
(none for a listing without one), its details (an expiry, a target) kept for the few rows
that have any; sorted in numpy and by a row key alike, kept through updates."""

from __future__ import annotations

from array import array
from datetime import UTC, datetime

from storebrowser.core.archive import ArchiveState, ArchiveStatus
from storebrowser.core.types import EntryColumns, ObjectInfo
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.order import Column, SortSpec, plan_merge, sort_rows
from storebrowser.table.packing import ARCHIVED, ONLINE, RESTORED, RESTORING, pack

UNTIL = datetime(2026, 12, 24, 10, 0, tzinfo=UTC)
STATUSES = {
    "cold.bin": ArchiveStatus(ArchiveState.ARCHIVED),
    "hot.bin": None,
    "thawed.bin": ArchiveStatus(ArchiveState.RESTORED, until=UNTIL),
    "waking.bin": ArchiveStatus(ArchiveState.RESTORING, target="Hot", priority="High"),
}


def _columns(statuses: dict[str, ArchiveStatus | None]) -> ObjectColumns:
    columns = ObjectColumns("")
    infos = [ObjectInfo(key, 1, storage_class="GLACIER" if status else "STANDARD", archive=status)
             for key, status in statuses.items()]  # fmt: skip
    columns.append(pack(infos, "", columns.types, columns.classes))
    return columns


def test_each_row_keeps_where_it_stands_and_says_it_back() -> None:
    columns = _columns(STATUSES)
    assert columns.archive_states is not None and list(columns.archive_states) == [
        ARCHIVED,
        ONLINE,
        RESTORED,
        RESTORING,
    ]
    assert [columns.info(row).archive for row in range(4)] == list(STATUSES.values())
    assert len(columns._archive_details) == 2  # only the rows that say more than their state


def test_a_listing_without_archived_objects_costs_nothing() -> None:
    columns = _columns({f"k{n}": None for n in range(1000)})
    before = columns.nbytes()
    assert columns.archive_states is None and columns.archive(5) is None
    later = [ObjectInfo("z1", 1, archive=ArchiveStatus(ArchiveState.ARCHIVED)), ObjectInfo("z2", 1)]
    columns.append(pack(later, "", columns.types, columns.classes))  # the first archived row
    assert columns.archive_states is not None and len(columns.archive_states) == 1002
    assert columns.archive_state(1000) == ARCHIVED and columns.archive_state(999) == ONLINE
    assert columns.nbytes() - before < 1002 + 2 * 200  # a byte a row, beside the two new rows


def test_entry_columns_carry_the_statuses_into_the_table_and_back() -> None:
    infos = [ObjectInfo(key, 1, archive=status) for key, status in STATUSES.items()]
    entries = EntryColumns.of(infos)
    assert entries.archives == list(STATUSES.values())
    assert [info.archive for info in entries.infos()] == list(STATUSES.values())
    assert EntryColumns.of([ObjectInfo("a")]).archives is None


def test_sorted_by_status_in_numpy_and_merged_by_row_key_alike() -> None:
    columns = _columns(STATUSES)
    for descending in (False, True):
        spec = SortSpec(Column.ARCHIVE, descending)
        order = list(sort_rows(columns, range(len(columns)), spec))
        expected = ["hot.bin", "cold.bin", "waking.bin", "thawed.bin"]
        assert [columns.key(row) for row in order] == (expected[::-1] if descending else expected)
        # A row arriving later goes where a sort from scratch puts it.
        first = order[:3]
        merge = plan_merge(columns, array("I", first), 0, [order[3]], spec)
        assert merge.positions == [3]


def test_an_update_changes_the_status_and_drops_old_details() -> None:
    columns = _columns(STATUSES)
    row = columns.find("thawed.bin")
    assert row is not None
    columns.update(row, ObjectInfo("thawed.bin", 1, archive=ArchiveStatus(ArchiveState.ARCHIVED)))
    assert columns.archive(row) == ArchiveStatus(ArchiveState.ARCHIVED)
    columns.update(row, ObjectInfo("thawed.bin", 1))
    assert columns.archive(row) is None and row not in columns._archive_details
    plain = _columns({"a": None})
    plain.update(0, ObjectInfo("a", 1, archive=ArchiveStatus(ArchiveState.RESTORING)))  # the first one
    assert plain.archive(0) == ArchiveStatus(ArchiveState.RESTORING)
