"""What a search looks for, parsed from what a person typed: one clear line when it cannot be."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storebrowser.core.types import EntryColumns, ObjectInfo
from storebrowser.find.criteria import BadCriteria, Criteria, parse_moment, parse_size
from storebrowser.find.stats import FolderStats

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "size"),
    [("0", 0), ("100", 100), ("1k", 1024), ("100M", 100 * 1024**2), ("2G", 2 * 1024**3), ("1.5K", 1536),
     ("3MiB", 3 * 1024**2), ("4 MB", 4 * 1024**2), ("1T", 1024**4)],
)  # fmt: skip
def test_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["10XB", "", "M", "-1", "1,000", "12 apples"])
def test_a_bad_size_says_why_in_one_line(text: str) -> None:
    with pytest.raises(BadCriteria) as caught:
        parse_size(text)
    assert "\n" not in str(caught.value)
    assert repr(text) in str(caught.value) and "100M" in str(caught.value)


def test_dates_and_ages() -> None:
    assert parse_moment("2025-06-30") == datetime(2025, 6, 30, tzinfo=UTC)
    assert parse_moment("2025-06-30T12:00+02:00") == datetime(2025, 6, 30, 10, 0, tzinfo=UTC)
    assert parse_moment("7d", NOW) == NOW - timedelta(days=7)
    assert parse_moment("12h", NOW) == NOW - timedelta(hours=12)
    with pytest.raises(BadCriteria, match="bad date 'last year'"):
        parse_moment("last year")


def test_bad_input_is_refused_with_the_reason() -> None:
    with pytest.raises(BadCriteria, match=r"bad regular expression '\(': missing \)"):
        Criteria.parse(regex="(")
    with pytest.raises(BadCriteria, match="smallest size"):
        Criteria.parse(min_size="2G", max_size="1G")
    with pytest.raises(BadCriteria, match="newer than"):
        Criteria.parse(newer="2025-01-02", older="2025-01-01")


def _page(*infos: ObjectInfo) -> EntryColumns:
    return EntryColumns.of(list(infos))


def _keys(criteria: Criteria, page: EntryColumns) -> list[str]:
    return [page.keys[i] for i in criteria.select(page)]


def test_names_case_insensitive_by_default() -> None:
    page = _page(
        ObjectInfo("Photos/A.PSD"), ObjectInfo("a.psd.txt"), ObjectInfo("psd/x"), ObjectInfo("b.Psd")
    )
    assert _keys(Criteria.parse(glob="*.psd"), page) == ["Photos/A.PSD", "b.Psd"]
    assert _keys(Criteria.parse(glob="*.psd", case_sensitive=True), page) == []
    assert _keys(Criteria.parse(contains="PSD"), page) == ["Photos/A.PSD", "a.psd.txt", "b.Psd"]
    # A glob with a slash and a regular expression look at the whole key.
    assert _keys(Criteria.parse(glob="photos/*"), page) == ["Photos/A.PSD"]
    assert _keys(Criteria.parse(regex=r"^psd/"), page) == ["psd/x"]


def test_a_folder_marker_is_named_as_the_table_names_it() -> None:
    page = _page(ObjectInfo("a/b/"), ObjectInfo("a/b/c"), ObjectInfo("x/", is_prefix=True))
    assert _keys(Criteria.parse(glob="b/"), page) == ["a/b/"]
    assert _keys(Criteria.parse(), page) == ["a/b/", "a/b/c"]  # a listed pseudo-folder is no object


def test_sizes_dates_classes_and_types() -> None:
    old, new = datetime(2024, 5, 1, tzinfo=UTC), datetime(2025, 5, 1, tzinfo=UTC)
    page = _page(
        ObjectInfo("small", 10, old, content_type="image/png", storage_class="STANDARD"),
        ObjectInfo("big", 200 * 1024**2, new, content_type="image/jpeg; q=1", storage_class="GLACIER"),
        ObjectInfo("undated", 5000),
    )
    assert _keys(Criteria.parse(min_size="100M"), page) == ["big"]
    assert _keys(Criteria.parse(max_size="10"), page) == ["small"]
    assert _keys(Criteria.parse(newer="2025-01-01"), page) == ["big"]
    assert _keys(Criteria.parse(older="2025-01-01"), page) == ["small"]
    assert _keys(Criteria.parse(older="2025-05-01T00:00"), page) == ["small"]  # the end is left out
    assert _keys(Criteria.parse(storage_class="glacier"), page) == ["big"]
    assert _keys(Criteria.parse(content_type="image"), page) == ["small", "big"]
    assert _keys(Criteria.parse(content_type="image/jpeg"), page) == ["big"]


def test_folder_stats_by_class_and_folder() -> None:
    stats = FolderStats("c", "top/", depth=1)
    stats.add(_page(ObjectInfo("top/a.txt", 1), ObjectInfo("top/x/y/z", 10, storage_class="COOL"),
                    ObjectInfo("top/x/w", 100, storage_class="COOL"), ObjectInfo("top/q/", 0)))  # fmt: skip
    assert (stats.total.objects, stats.total.bytes) == (4, 111)
    assert {k: (t.objects, t.bytes) for k, t in stats.by_class.items()} == {"": (2, 1), "COOL": (2, 110)}
    assert {k: (t.objects, t.bytes) for k, t in stats.by_folder.items()} == {
        "": (1, 1), "x/": (2, 110), "q/": (1, 0)
    }  # fmt: skip
    deeper = FolderStats("c", "top/", depth=2)
    deeper.add(_page(ObjectInfo("top/x/y/z", 10), ObjectInfo("top/x/w", 100)))
    assert set(deeper.by_folder) == {"x/y/", "x/"}
