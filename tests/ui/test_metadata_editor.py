"""The metadata editor driven as a person does, against every real server and a local
folder: what it writes is read back by another client (the SDK itself, or os.getxattr);
bad input is refused before any request (counted on the socket); an object changed by
someone else since it was shown is refused, never overwritten; several objects go as one
engine job where a stale one fails alone."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from storebrowser.core.errors import NotFound
from storebrowser.core.properties import CACHE_CONTROL, CONTENT_TYPE, SYSTEM_PROPERTIES
from storebrowser.transfers import JobKind, State, sending
from storebrowser.ui.properties.metadata_editor import MetadataEditor
from tests.providers.backends import COUNTED_BACKENDS
from tests.ui.editing import (
    BACKENDS,
    WAIT,
    Place,
    add_metadata,
    edit_cell,
    place_fixture,  # noqa: F401 - the fixture "place"
    remove_metadata,
    row_of,
    type_into,
    wait_read,
)
from tests.ui.servers import unique_name

NOTES = b"some notes"


def _need_metadata(place: Place) -> None:
    if not place.provider.capabilities.user_metadata:
        pytest.skip(f"{place.backend} stores no user metadata here")


def _upload(place: Place, key: str, metadata: dict[str, str] | None = None, data: bytes = NOTES) -> None:
    sending.upload_bytes(place.provider, place.container, key, data, content_type="text/plain",
                                metadata=metadata or {"keep": "me", "owner": "qa", "tmp": "x"})  # fmt: skip


def _system_change(qtbot, editor: MetadataEditor) -> dict[str, str]:
    """Type a new Cache-Control where the service can set one, else a Content-Type."""
    settable = editor.provider.capabilities.system_properties
    name, value = (
        (CACHE_CONTROL, "max-age=60") if CACHE_CONTROL in settable else (CONTENT_TYPE, "text/markdown")
    )
    type_into(qtbot, editor.system_fields[name], value)
    return {name: value}


def _metadata_shown(editor: MetadataEditor) -> dict[str, str | None]:
    return {row.key: row.value for row in editor.model.rows()}


def _review_lines(editor: MetadataEditor) -> list[str]:
    count = len(editor.selection.objects) if editor.selection else 1
    return [line.describe(count) for line in editor.review_lines]


def _reload_button(editor: MetadataEditor) -> QPushButton:
    buttons = [b for b in editor.messages.findChildren(QPushButton) if b.isVisible() and b.text() == "Reload"]
    assert buttons, editor.messages.text
    return buttons[0]


@pytest.mark.parametrize("place", BACKENDS, indirect=True)
def test_edit_one_object_and_another_client_sees_it(qtbot, place: Place) -> None:
    _need_metadata(place)
    _upload(place, "notes.txt")
    before = place.other.head(place.container, "notes.txt")
    editor = place.editor_for(qtbot, "notes.txt")
    caps = place.provider.capabilities

    assert _metadata_shown(editor) == {"keep": "me", "owner": "qa", "tmp": "x"}
    assert editor.system_fields[CONTENT_TYPE].text() == "text/plain"
    for name in set(SYSTEM_PROPERTIES) - caps.system_properties:
        field = editor.system_fields[name]
        assert not field.isEnabled() and "cannot set" in field.toolTip()
    assert not editor.review_button.isEnabled() and editor.problem.text() == "No changes yet."

    edit_cell(qtbot, editor.table.view, editor.model.index(row_of(editor, "owner"), 1), "ops")
    remove_metadata(editor, "tmp")
    add_metadata(qtbot, editor, "added", "1")
    system = _system_change(qtbot, editor)
    assert editor.review_button.isEnabled(), editor.problem.text()
    editor.review_button.click()
    lines = _review_lines(editor)
    assert {"~ owner: qa → ops", "- tmp (was x)", "+ added: 1"} <= set(lines), lines
    assert len(lines) == 4, lines  # and the one system property
    assert "only if it is still the object shown" in editor.review_intro.text()

    editor.apply_button.click()
    qtbot.waitUntil(lambda: editor.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    raw = place.other.head(place.container, "notes.txt")
    assert raw.metadata == {"keep": "me", "owner": "ops", "added": "1"}
    assert raw.system == {**before.system, **system}  # the others kept
    assert place.provider.read(place.container, "notes.txt") == NOTES
    window = place.explorer.window
    qtbot.waitUntil(lambda: "saved" in window.messages.text, timeout=WAIT)


@pytest.mark.parametrize("place", BACKENDS, indirect=True)
def test_an_object_changed_since_it_was_shown_is_refused(qtbot, place: Place) -> None:
    _need_metadata(place)
    _upload(place, "notes.txt")
    editor = place.editor_for(qtbot, "notes.txt")
    edit_cell(qtbot, editor.table.view, editor.model.index(row_of(editor, "owner"), 1), "ops")
    editor.review_button.click()
    place.other.overwrite(place.container, "notes.txt", b"someone else's notes", {"theirs": "yes"})
    after_them = place.other.head(place.container, "notes.txt")

    editor.apply_button.click()
    qtbot.waitUntil(editor.messages.isVisible, timeout=WAIT)
    assert "changed since it was shown" in editor.messages.text
    assert "Nothing was changed" in editor.messages.text
    assert editor.isVisible() and editor.pages.currentIndex() == 0
    assert place.other.head(place.container, "notes.txt") == after_them
    assert place.provider.read(place.container, "notes.txt") == b"someone else's notes"

    # Reload: the object as it is now, with the user's change on top, to review again.
    _reload_button(editor).click()
    wait_read(qtbot, editor)
    assert _metadata_shown(editor) == {"theirs": "yes", "owner": "ops"}
    editor.review_button.click()
    assert _review_lines(editor) == ["+ owner: ops"]
    editor.apply_button.click()
    qtbot.waitUntil(lambda: editor.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    assert place.other.head(place.container, "notes.txt").metadata == {"theirs": "yes", "owner": "ops"}


@pytest.mark.parametrize("place", BACKENDS, indirect=True)
def test_several_objects_are_one_job_and_a_stale_one_fails_alone(qtbot, place: Place) -> None:
    _need_metadata(place)
    names = ("a.txt", "b.txt", "c.txt")
    for name in names:
        _upload(place, name, {"owner": "qa", "tmp": "x", "keep": name}, data=name.encode())
    sending.upload_bytes(place.provider, place.container, "docs/inner.txt", b"in a folder")
    before = {name: place.other.head(place.container, name) for name in names}
    editor = place.editor_for(qtbot, *names, "docs/")  # a folder in the selection is left out
    assert [info.key for info in editor.listed] == list(names)
    assert _metadata_shown(editor) == {"keep": None, "owner": "qa", "tmp": "x"}  # None: "(various)"
    assert editor.model.data(editor.model.index(row_of(editor, "keep"), 1)) == "(various)"

    edit_cell(qtbot, editor.table.view, editor.model.index(row_of(editor, "owner"), 1), "ops")
    remove_metadata(editor, "tmp")
    system = _system_change(qtbot, editor)
    shown_etags = editor.selection.etags
    place.other.overwrite(place.container, "b.txt", b"changed by someone else", {"theirs": "yes"})
    editor.review_button.click()
    assert "~ owner: qa → ops (3 of 3 objects)" in _review_lines(editor)
    assert editor.apply_button.text() == "Apply to 3 Objects"
    editor.apply_button.click()

    engine = place.explorer.jobs.engine
    qtbot.waitUntil(lambda: bool(engine.snapshot().jobs) and engine.snapshot().jobs[0].state.finished,
                    timeout=WAIT)  # fmt: skip
    (job,) = engine.snapshot().jobs
    assert job.kind is JobKind.SET_PROPERTIES and job.state is State.FAILED
    assert sorted(item.key for item in job.items) == sorted(names)
    assert (job.done, job.total) == (2, 3)
    assert set(shown_etags) == set(names)
    qtbot.waitUntil(lambda: "Changed 2 of 3 objects; 1 failed" in editor.job.label.text(), timeout=WAIT)
    assert (editor.job.bar.value(), editor.job.bar.maximum()) == (2, 3)
    assert editor.job.failures.isVisible()
    assert editor.job.failures.toPlainText().startswith("b.txt: 'b.txt' changed since it was shown")
    for name in ("a.txt", "c.txt"):
        raw = place.other.head(place.container, name)
        assert raw.metadata == {"owner": "ops", "keep": name}
        assert raw.system == {**before[name].system, **system}
        assert place.provider.read(place.container, name) == name.encode()
    assert place.other.head(place.container, "b.txt").metadata == {"theirs": "yes"}


# -- validation before any request ----------------------------------------------------------

#: Per backend: a bad key, a bad value, and the words of the provider's rule for each.
BAD: dict[str, list[tuple[str, str, str]]] = {
    "s3_swift": [("Upper", "x", "S3 stores keys in lower case"), ("k", "x" * 2100, "at most 2048 bytes")],
    "s3_moto": [("bad key", "x", "sent as HTTP header names"), ("k", "x" * 2100, "at most 2048 bytes")],
    "azure": [("bad-key", "x", "valid C# identifiers"), ("k", "ünï", "printable ASCII only")],
    "swift": [("under_score", "x", "no '_', which proxies drop"), ("k", "x" * 300, "Swift allows 256 bytes")],
    "local": [("k" * 201, "x", "keys are 1-200 bytes")],
}


def _standalone_editor(qtbot, runner, provider, container: str, key: str) -> MetadataEditor:
    editor = MetadataEditor(runner, provider, "acct", container, [provider.stat(container, key)])
    qtbot.addWidget(editor)
    editor.show()
    wait_read(qtbot, editor)
    return editor


def _refused(qtbot, editor: MetadataEditor, rule: str) -> None:
    assert rule in editor.problem.text(), editor.problem.text()
    assert not editor.review_button.isEnabled()
    editor.review_button.click()  # does nothing: the review never opens
    editor.apply()
    assert editor.pages.currentIndex() == 0


@pytest.mark.parametrize("backend", COUNTED_BACKENDS)
def test_bad_metadata_is_refused_before_any_request(qtbot, runner, counting_provider, backend: str) -> None:
    counted = counting_provider(backend)
    provider, proxy = counted.provider, counted.proxy
    container = unique_name()
    provider.create_container(container)
    try:
        sending.upload_bytes(provider, container, "notes.txt", NOTES, metadata={"owner": "qa"})
        editor = _standalone_editor(qtbot, runner, provider, container, "notes.txt")
        proxy.reset()
        for key, value, rule in BAD[backend]:
            add_metadata(qtbot, editor, key, value)
            _refused(qtbot, editor, rule)
            remove_metadata(editor, key)
        type_into(qtbot, editor.system_fields[CONTENT_TYPE], "not a type")
        _refused(qtbot, editor, "write it as type/subtype")
        type_into(qtbot, editor.system_fields[CONTENT_TYPE], "text/csv")
        assert editor.review_button.isEnabled(), editor.problem.text()
        assert proxy.requests == 0, proxy.request_lines
    finally:
        with contextlib.suppress(NotFound):
            provider.delete_container(container, force=True)


def test_bad_local_metadata_is_refused_with_its_rule(qtbot, runner, local_provider) -> None:
    if not local_provider.capabilities.user_metadata:
        pytest.skip("no extended attributes here")
    local_provider.create_container("box")
    sending.upload_bytes(local_provider, "box", "notes.txt", NOTES, metadata={"owner": "qa"})
    editor = _standalone_editor(qtbot, runner, local_provider, "box", "notes.txt")
    for key, value, rule in BAD["local"]:
        add_metadata(qtbot, editor, key, value)
        _refused(qtbot, editor, rule)
        remove_metadata(editor, key)
    edit_cell(qtbot, editor.table.view, editor.model.index(0, 0), "")
    _refused(qtbot, editor, "A metadata key is empty")
    edit_cell(qtbot, editor.table.view, editor.model.index(0, 0), "owner")
    assert editor.problem.text() == "No changes yet."
    add_metadata(qtbot, editor, "twice", "1")
    add_metadata(qtbot, editor, "twice", "2")
    _refused(qtbot, editor, "appears twice")
