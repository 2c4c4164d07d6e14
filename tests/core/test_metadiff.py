from __future__ import annotations

import json

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


def test_an_empty_system_value_clears_the_property() -> None:
    edit = MetadataEdit(set_system={"cache_control": "", "content_type": "text/csv"})
    system, _ = edit.preview({}, {"cache_control": "max-age=60", "content_type": "text/plain"})
    assert [c.describe() for c in system] == [
        "- cache_control (was max-age=60)",
        "~ content_type: text/plain → text/csv",
    ]


def test_an_edit_round_trips_through_json() -> None:
    edit = MetadataEdit(
        set_user={"a": "1"}, remove_user=frozenset({"b", "c"}), set_system={"cache_control": ""}
    )
    assert MetadataEdit.from_json(json.loads(json.dumps(edit.to_json()))) == edit


def test_edit_from_covers_system_properties() -> None:
    edit = edit_from(
        {"k": "v"},
        {"k": "v"},
        system_before={"content_type": "text/plain", "cache_control": "no-cache"},
        system_after={"content_type": "text/csv", "content_language": "de"},
    )
    assert edit.set_system == {"cache_control": "", "content_language": "de", "content_type": "text/csv"}
    assert not edit.touches_user
    assert edit_from({}, {}, system_before={"content_type": "text/plain"}).empty
