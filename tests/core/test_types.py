"""LazyEntries: a page's entries converted when first read, behaving as a read-only list;
EntryColumns: the columns they are converted to."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import pytest

from storebrowser.core.types import EntryColumns, LazyEntries, ObjectInfo, Page


def counted(raw: list[str]) -> tuple[LazyEntries, list[int]]:
    """Entries made from ``raw`` names, and a list that grows by one per conversion."""
    calls: list[int] = []

    def convert() -> EntryColumns:
        calls.append(1)
        return EntryColumns.of([ObjectInfo(name, size=len(name)) for name in raw])

    return LazyEntries(len(raw), convert), calls


def test_length_and_truth_need_no_conversion() -> None:
    entries, calls = counted(["a", "bb", "ccc"])
    empty, empty_calls = counted([])
    assert len(entries) == 3 and entries and not empty and len(empty) == 0
    assert calls == [] and empty_calls == []


def test_reads_as_a_list_and_converts_once() -> None:
    raw = ["a", "bb", "ccc", "bb"]
    entries, calls = counted(raw)
    expected = [ObjectInfo(name, size=len(name)) for name in raw]
    assert isinstance(entries, Sequence)
    assert entries[0] == expected[0] and entries[-1] == expected[-1]
    assert entries[1:3] == expected[1:3] and isinstance(entries[1:3], list)
    assert list(entries) == expected and list(reversed(entries)) == expected[::-1]
    assert [info.key for info in entries] == raw
    assert expected[2] in entries and ObjectInfo("zz") not in entries
    assert entries.index(expected[1]) == 1 and entries.index(expected[1], 2) == 3
    assert entries.count(expected[1]) == 2
    (first, *rest) = entries
    assert first == expected[0] and rest == expected[1:]
    assert calls == [1]
    with pytest.raises(IndexError):
        entries[4]


def test_equality_as_a_list() -> None:
    entries, _ = counted(["a", "b"])
    assert entries == [ObjectInfo("a", size=1), ObjectInfo("b", size=1)]
    assert [ObjectInfo("a", size=1), ObjectInfo("b", size=1)] == entries
    assert entries == counted(["a", "b"])[0] and entries != counted(["a"])[0]
    assert entries != [ObjectInfo("a", size=1)] and counted([])[0] == []
    assert entries != ("a", "b") and entries != "ab"
    assert Page(entries, "t") == Page(counted(["a", "b"])[0], "t")
    assert "ObjectInfo(key='a'" in repr(entries)
    with pytest.raises(TypeError):
        hash(entries)


def test_a_conversion_error_surfaces_where_the_entries_are_read() -> None:
    def broken() -> EntryColumns:
        raise ValueError("not a number: 'x'")

    entries = LazyEntries(1, broken)
    assert len(entries) == 1  # list_page returned fine ...
    with pytest.raises(ValueError, match="not a number"):  # ... the reader sees the error
        list(entries)
    with pytest.raises(ValueError, match="not a number"):  # and again, not an empty page
        entries[0]


def test_a_converter_that_loses_entries_is_an_error() -> None:
    entries = LazyEntries(2, lambda: EntryColumns.of([ObjectInfo("a")]))
    with pytest.raises(ValueError, match="expected 2"):
        list(entries)
    with pytest.raises(ValueError, match="expected 2"):
        entries.columns()


def test_readers_on_many_threads_convert_once() -> None:
    started = threading.Barrier(4)
    calls: list[int] = []

    def slow() -> EntryColumns:
        calls.append(1)
        return EntryColumns.of([ObjectInfo(str(i)) for i in range(50_000)])

    entries = LazyEntries(50_000, slow)
    seen: list[list[ObjectInfo]] = []

    def read(get: Callable[[], list[ObjectInfo]]) -> None:
        started.wait()
        seen.append(get())

    threads = [threading.Thread(target=read, args=(lambda: list(entries),)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1] and len(seen) == 4
    assert all(a is b for a, b in zip(seen[0], seen[3], strict=True))  # the same objects


def test_columns_need_no_objects_and_objects_come_from_the_columns() -> None:
    moment = datetime(2026, 11, 22, 3, 42, 20, 415520, tzinfo=UTC)
    infos = [
        ObjectInfo("a/", is_prefix=True),
        ObjectInfo("a.txt", 3, moment, "e" * 32, "text/plain", storage_class="STANDARD"),
        ObjectInfo("b", 0, None, None, None, {"k": "v"}, content_md5="f" * 32),
    ]
    columns = EntryColumns.of(infos)
    assert columns.keys == ["a/", "a.txt", "b"] and columns.is_prefix == [True, False, False]
    assert columns.content_md5s == [None, None, "f" * 32] and columns.metadata == [{}, {}, {"k": "v"}]
    assert columns.infos() == infos
    plain = EntryColumns.of(infos[:2])
    assert plain.content_md5s is None and plain.metadata is None  # none in the listing
    assert plain.infos() == infos[:2]
    entries = LazyEntries(3, lambda: columns)
    assert entries.columns() is columns and entries == infos and entries.columns() is columns
