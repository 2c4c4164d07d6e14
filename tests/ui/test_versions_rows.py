"""The rows of a versions listing: each key's first entry is its object's row, a deleted
object's row takes its last version's size even when that comes on the next page."""

from __future__ import annotations

from storebrowser.core.types import ObjectVersion
from storebrowser.ui.versions.rows import RowBuilder, RowKind, VersionRow


def _v(key: str, vid: str, *, marker: bool = False, size: int = 0) -> ObjectVersion:
    return ObjectVersion(
        key=key, version_id=vid, is_delete_marker=marker, size=size, is_latest=vid.endswith("3")
    )


def test_a_deleted_object_takes_its_last_size_from_the_next_page() -> None:
    rows: list[VersionRow] = []
    builder = RowBuilder()
    assert builder.add(rows, [_v("a", "a3", marker=True)]) == []
    changed = builder.add(rows, [_v("a", "a2", size=7), _v("a", "a1", size=5), _v("b", "b3", size=1),
                                 ObjectVersion(key="d/", version_id="", is_prefix=True)])  # fmt: skip
    assert changed == [0]
    assert [row.kind for row in rows] == [RowKind.DELETED, RowKind.EARLIER, RowKind.EARLIER, RowKind.CURRENT,
                                          RowKind.FOLDER]  # fmt: skip
    assert rows[0].last_size == 7
    assert [row.has_content for row in rows] == [False, True, True, True, False]


def test_one_key_leaves_the_others_out() -> None:
    rows: list[VersionRow] = []
    RowBuilder("a").add(rows, [_v("a", "a3"), _v("a", "a2"), _v("ab", "ab3")])
    assert [(row.key, row.kind) for row in rows] == [("a", RowKind.CURRENT), ("a", RowKind.EARLIER)]
