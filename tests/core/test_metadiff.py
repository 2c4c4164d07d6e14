from __future__ import annotations

import pytest

from storebrowser.core.metadiff import Change, MetadataEdit, diff, edit_from


def test_diff_reports_added_removed_changed_in_key_order() -> None:
    changes = diff({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "9", "d": "4"})
    assert [(c.key, c.change) for c in changes] == [
        ("b", Change.CHANGED),
        ("c", Change.REMOVED),
        ("d", Change.ADDED),
    ]
    assert [c.describe() for c in changes] == ["~ b: 2 → 9", "- c (was 3)", "+ d: 4"]


def test_an_edit_keeps_untouched_keys_of_each_object() -> None:
    edit = edit_from({"owner": "qa", "tmp": "x"}, {"owner": "ops"})
    assert edit.apply_user({"owner": "qa", "tmp": "x", "other": "kept"}) == {
        "owner": "ops",
        "other": "kept",
    }


def test_preview_covers_system_and_user_changes() -> None:
    edit = MetadataEdit(set_user={"k": "v"}, set_system={"content_type": "text/plain"})
    system, user = edit.preview({}, {"content_type": "application/octet-stream"})
    assert [c.describe() for c in system] == ["~ content_type: application/octet-stream → text/plain"]
    assert [c.describe() for c in user] == ["+ k: v"]


def test_an_edit_cannot_both_set_and_remove_a_key() -> None:
    with pytest.raises(ValueError, match="both set and removed"):
        MetadataEdit(set_user={"a": "1"}, remove_user=frozenset({"a"}))
