"""The compact storage behind the object table: what goes in comes out, in few bytes."""

from __future__ import annotations

import hashlib
import sys
from array import array
from datetime import UTC, datetime, timedelta

import pytest

from storebrowser.core.mime import guess_type
from storebrowser.core.types import EntryColumns, LazyEntries, ObjectInfo
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.packing import guess_from_name, pack

MODIFIED = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)

ROUND_TRIP = [
    ObjectInfo("docs/a.txt", 5, MODIFIED, hashlib.md5(b"a").hexdigest(), "text/plain"),
    ObjectInfo("docs/big.iso", 3 << 40, MODIFIED, "0123456789abcdef" * 2 + "-12", storage_class="GLACIER"),
    ObjectInfo("docs/azure.bin", 1, MODIFIED, "0x8DC2A1B2C3D4E5F", content_md5="00" * 16),
    ObjectInfo("docs/local.txt", 2, MODIFIED, "dfb818ebeb37bbda"),  # 8 bytes of blake2s
    ObjectInfo("docs/UPPER", 2, MODIFIED, "D41D8CD98F00B204E9800998ECF8427E"),  # kept as it came
    ObjectInfo("docs/0x0", 2, None, "0x00AB", metadata={"owner": "ann", "x": "ü"}),
    ObjectInfo("docs/no-etag", 0, None, None, "application/x-custom; charset=utf-8"),
    ObjectInfo("docs/sub/", is_prefix=True),
    ObjectInfo("docs/ünïcode ✓.jpg", 7, MODIFIED.replace(tzinfo=None), "", content_md5="ab" * 16),
    ObjectInfo("elsewhere/odd", 1),  # not under the folder: stored whole
]


def expected(info: ObjectInfo) -> ObjectInfo:
    """What the columns give back: a naive date read as UTC, an empty ETag as none."""
    if info.is_prefix:
        return info
    modified = info.modified
    if modified is not None and modified.tzinfo is None:
        modified = modified.replace(tzinfo=UTC)
    return ObjectInfo(
        info.key,
        info.size,
        modified,
        info.etag or None,
        info.content_type,
        info.metadata,
        storage_class=info.storage_class,
        content_md5=info.content_md5,
    )


def filled(infos: list[ObjectInfo], folder: str = "docs/") -> ObjectColumns:
    columns = ObjectColumns(folder)
    columns.append(pack(infos, folder, columns.types, columns.classes))
    return columns


def test_every_field_comes_back() -> None:
    columns = filled(ROUND_TRIP)
    assert [columns.info(row) for row in range(len(columns))] == [expected(info) for info in ROUND_TRIP]
    assert columns.name(7) == "sub/" and columns.is_folder(7)
    assert columns.key(9) == "elsewhere/odd"
    assert columns.object_bytes == sum(info.size for info in ROUND_TRIP)
    assert columns.live == len(ROUND_TRIP) and columns.folders == 1


def test_a_lazy_page_packs_from_its_columns_without_making_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    source = EntryColumns.of(ROUND_TRIP)

    def no_objects(_columns: EntryColumns) -> list[ObjectInfo]:
        raise AssertionError("an ObjectInfo per row was made")

    monkeypatch.setattr(EntryColumns, "infos", no_objects)
    columns = ObjectColumns("docs/")
    lazy = LazyEntries(len(ROUND_TRIP), lambda: source)
    columns.append(pack(lazy, "docs/", columns.types, columns.classes))
    assert [columns.info(row) for row in range(len(columns))] == [expected(info) for info in ROUND_TRIP]
    assert columns.object_bytes == filled(ROUND_TRIP).object_bytes and columns.folders == 1


def test_a_missing_type_is_guessed_and_flagged_not_invented() -> None:
    columns = filled(ROUND_TRIP)
    row = 0 + 2  # azure.bin: no type in the listing
    assert columns.type_guessed(row) and columns.content_type(row) == guess_type("azure.bin")
    assert columns.info(row).content_type is None
    assert not columns.type_guessed(0) and columns.content_type(0) == "text/plain"


@pytest.mark.parametrize(
    "name",
    [
        "a.txt",
        "A.TXT",
        "x.tar.gz",
        "x.TGZ",
        "x.gz",
        ".bashrc",
        "..txt",
        "a..txt",
        "a:b.txt",
        "data:,x.txt",
        "noext",
        "v1.2",
        "x.Z",
        "f.unknownsuffix",
        "sub/.txt",
    ],
)
def test_the_guess_cache_answers_what_mimetypes_answers(name: str) -> None:
    assert guess_from_name(name) == guess_type(name)
    assert guess_from_name(name) == guess_type(name)  # and again, from the cache


def test_pages_append_and_rows_update_find_and_delete() -> None:
    columns = filled(ROUND_TRIP[:3])
    columns.append(pack(ROUND_TRIP[3:], "docs/", columns.types, columns.classes))
    assert [columns.info(row).key for row in range(len(columns))] == [info.key for info in ROUND_TRIP]
    assert columns.find("docs/local.txt") == 3 and columns.find("docs/local") is None
    assert columns.find("elsewhere/odd") == 9 and columns.find("docs/sub/") == 7
    changed = ObjectInfo("docs/local.txt", 99, MODIFIED + timedelta(days=1), "ff" * 16, "text/csv")
    columns.update(3, changed)
    assert columns.info(3) == changed
    columns.delete(3)
    assert columns.find("docs/local.txt") is None and columns.live == len(ROUND_TRIP) - 1
    many = columns.find_many([info.key for info in ROUND_TRIP] + ["docs/missing"])
    assert many == {info.key: row for row, info in enumerate(ROUND_TRIP) if row != 3}


def test_names_with_a_nul_still_work() -> None:
    columns = filled([ObjectInfo("docs/a\0b", 1), ObjectInfo("docs/c", 2)])
    assert columns.names() == ["a\0b", "c"] and columns.folded_names() == ["a\0b", "c"]
    assert columns.find("docs/c") == 1 and columns.find("docs/b") is None


def test_a_million_rows_would_fit_in_about_a_hundred_bytes_each() -> None:
    """Measured on 100,000 rows like a real listing (S3-style: no types, MD5 ETags)."""
    count = 100_000
    infos = [
        ObjectInfo(
            f"photos/2024/IMG_{i:07d}.jpg",
            1_000_000 + i,
            MODIFIED + timedelta(seconds=i),
            hashlib.md5(str(i).encode()).hexdigest(),
            storage_class="STANDARD",
        )
        for i in range(count)
    ]
    columns = ObjectColumns("photos/2024/")
    for start in range(0, count, 10_000):
        columns.append(pack(infos[start : start + 10_000], "photos/2024/", columns.types, columns.classes))
    order = array("I", range(count))  # the model's display order: 4 bytes a row more
    per_row = (columns.nbytes() + sys.getsizeof(order)) / count
    # name 15 + NUL, offsets 8, size 8, date 8, ETag 16, type 4, class 4, flags 2, order 4
    assert per_row <= 75
    assert sum(sys.getsizeof(info) for info in infos) / count > 100  # vs an object per row
    assert columns.info(count - 1) == ObjectInfo(
        infos[-1].key, infos[-1].size, infos[-1].modified, infos[-1].etag, storage_class="STANDARD"
    )


def test_the_folders_own_marker_is_left_out() -> None:
    marker, inside = ObjectInfo("docs/", 0, MODIFIED), ObjectInfo("docs/a.txt", 1, MODIFIED)
    columns = filled([marker, inside])
    assert [columns.key(row) for row in range(len(columns))] == ["docs/a.txt"]
    elsewhere = filled([ObjectInfo("docs/", 0, MODIFIED), inside], folder="")  # not this folder's
    assert len(elsewhere) == 2
