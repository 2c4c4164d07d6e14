"""The metadata table and the selection behind the editor, without a server: what an
edit of the table means for one object and for several, and the review it gives."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from storebrowser.core.capabilities import Capabilities
from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.places import Location
from storebrowser.core.properties import CACHE_CONTROL, CONTENT_TYPE, ObjectProperties
from storebrowser.core.types import ObjectInfo
from storebrowser.ui.actions import SelectionState, enablement
from storebrowser.ui.properties.metadata_model import MetadataTableModel, common_metadata
from storebrowser.ui.properties.selection import Selection


def _props(key: str, metadata: dict[str, str], system: dict[str, str] | None = None) -> ObjectProperties:
    info = ObjectInfo(key, 10, datetime(2024, 5, 1, tzinfo=UTC), etag=f"etag-{key}", metadata=metadata)
    return ObjectProperties(info, system or {CONTENT_TYPE: "text/plain"})


def test_common_metadata_keeps_shared_keys_and_marks_differing_values() -> None:
    assert common_metadata([{"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "x"}]) == {"a": "1", "b": None}
    assert common_metadata([]) == {}


def test_the_model_passes_the_model_tester_while_edited(qtmodeltester) -> None:
    model = MetadataTableModel()
    model.load([{"owner": "qa", "keep": "a"}, {"owner": "qa", "keep": "b"}])
    qtmodeltester.check(model)
    model.add_row("new", "1")
    model.setData(model.index(0, 1), "all the same now")
    model.remove_rows([1])
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_several_objects_show_various_and_keep_it_unless_typed() -> None:
    model = MetadataTableModel()
    model.load([{"owner": "qa", "keep": "a", "tmp": "x"}, {"owner": "qa", "keep": "b", "tmp": "x"}])
    keep = next(n for n, r in enumerate(model.rows()) if r.key == "keep")
    assert model.data(model.index(keep, 1)) == "(various)"
    assert model.data(model.index(keep, 1), Qt.ItemDataRole.EditRole) == ""
    assert not model.flags(model.index(keep, 0)) & Qt.ItemFlag.ItemIsEditable  # no rename of various
    assert not model.setData(model.index(keep, 0), "renamed")
    assert model.edit().empty
    owner = next(n for n, r in enumerate(model.rows()) if r.key == "owner")
    model.setData(model.index(owner, 1), "ops")
    model.remove_rows([next(n for n, r in enumerate(model.rows()) if r.key == "tmp")])
    assert model.edit() == MetadataEdit(set_user={"owner": "ops"}, remove_user=frozenset({"tmp"}))
    model.setData(model.index(keep, 1), "typed")
    assert model.edit().set_user == {"owner": "ops", "keep": "typed"}


def test_renames_and_swaps_are_removals_and_sets() -> None:
    model = MetadataTableModel()
    model.load([{"a": "1", "b": "2"}])
    model.setData(model.index(0, 0), "b")
    model.setData(model.index(1, 0), "a")
    assert model.edit() == MetadataEdit(set_user={"b": "1", "a": "2"})
    model.setData(model.index(1, 0), "c")
    assert model.edit() == MetadataEdit(set_user={"b": "1", "c": "2"}, remove_user=frozenset({"a"}))
    model.remove_rows([0, 1])
    model.add_row("a", "1")
    assert model.edit() == MetadataEdit(remove_user=frozenset({"b"}))  # "a" = "1" as before


def test_problems_and_redoing_an_edit_after_a_reload() -> None:
    model = MetadataTableModel()
    model.load([{"a": "1"}])
    model.add_row()
    assert "empty" in (model.problem() or "")
    model.setData(model.index(1, 0), "a")
    assert "appears twice" in (model.problem() or "")
    model.remove_rows([1])
    assert model.problem() is None
    model.load([{"a": "theirs", "z": "9"}])
    model.apply_edit(MetadataEdit(set_user={"a": "mine", "n": "1"}, remove_user=frozenset({"z"})))
    assert {r.key: r.value for r in model.rows()} == {"a": "mine", "n": "1"}
    assert model.edit() == MetadataEdit(set_user={"a": "mine", "n": "1"}, remove_user=frozenset({"z"}))


def test_the_review_merges_equal_changes_across_objects(local_provider) -> None:
    selection = Selection([
        _props("a.txt", {"owner": "qa", "keep": "a"}),
        _props("b.txt", {"owner": "dev", "keep": "b"}, {CONTENT_TYPE: "text/csv"}),
    ])  # fmt: skip
    assert selection.system_value(CONTENT_TYPE) is None and selection.fact("etag") is None
    edit = MetadataEdit(
        set_user={"owner": "ops", "new": "1"}, set_system=selection.system_edit({CONTENT_TYPE: "text/x"})
    )
    lines = [line.describe(2) for line in selection.review(edit)]
    assert lines == [
        "~ Content-Type: (various) → text/x (2 of 2 objects)",
        "+ new: 1 (2 of 2 objects)",
        "~ owner: (various) → ops (2 of 2 objects)",
    ]
    assert selection.etags == {"a.txt": "etag-a.txt", "b.txt": "etag-b.txt"}
    assert selection.problem(local_provider, edit) is None
    refused = selection.problem(local_provider, MetadataEdit(set_system={CACHE_CONTROL: "no-cache"}))
    assert refused is not None and "does not support setting cache_control" in refused


def test_one_object_leaves_unchanged_system_values_out() -> None:
    selection = Selection([_props("a.txt", {}, {CONTENT_TYPE: "text/plain", CACHE_CONTROL: "no-cache"})])
    assert selection.system_edit({CONTENT_TYPE: "text/plain", CACHE_CONTROL: ""}) == {CACHE_CONTROL: ""}
    with pytest.raises(ValueError):
        Selection([])


def test_properties_apply_to_the_selected_objects_or_to_one_folder_or_container() -> None:
    box = Location("acct", "box")

    def verdict(
        *objects: ObjectInfo, place: Location = box, containers: tuple[str, ...] = ()
    ) -> tuple[bool, str]:
        folders = sum(o.is_prefix for o in objects)
        caps = Capabilities(user_metadata=True)
        state = SelectionState(
            place, caps, selected=len(objects), selected_folders=folders, containers=containers
        )
        return enablement(state)["properties"]

    a, b = ObjectInfo("a"), ObjectInfo("b")
    folder, other = ObjectInfo("f/", is_prefix=True), ObjectInfo("g/", is_prefix=True)
    assert verdict(a) == verdict(a, b) == verdict(a, folder) == (True, "")
    # One folder, or nothing selected in a folder or container: its statistics.
    assert verdict(folder) == verdict() == (True, "")
    assert verdict(folder, other)[0] is False and "one folder or container" in verdict(folder, other)[1]
    assert verdict(place=Location("acct"))[0] is False
    assert verdict(place=Location("acct"), containers=("box",)) == (True, "")
