"""Open in the user's app, through the window, against the real servers: Enter on an
object downloads it as a transfer and hands it to the "app" (a stand-in that records the
path); the test then saves as editors do (write a new file and rename it over, or write in
place) and the watcher uploads it back once, keeping metadata; a save that changes nothing
uploads nothing; another client's change meanwhile is a conflict and both versions stay."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from storebrowser.core.properties import CONTENT_TYPE
from storebrowser.editing.state import EditState
from storebrowser.transfers import sending
from storebrowser.ui.application import Explorer
from storebrowser.ui.editing.commands import EditingCommands
from storebrowser.ui.editing.conflict_dialog import ConflictChoice
from tests.ui.editing import (
    Place,
    place_fixture,  # noqa: F401 - the fixture "place"
)
from tests.ui.test_operations import select_names

WAIT = 30_000
KEY = "notes.txt"
FIRST = b"first version\n"
BACKENDS = ["s3_moto", "s3_swift", "azure", "swift"]


def _editing(explorer: Explorer) -> EditingCommands:
    assert explorer.editing is not None
    explorer.editing.round_trip.watcher.debounce_ms = 200  # a quicker settle; nothing timed
    return explorer.editing


def _opened(qtbot, place: Place) -> tuple[EditingCommands, Path]:
    """Put ``notes.txt`` (with metadata), press Enter on it, wait until the app got it."""
    sending.upload_bytes(
        place.provider, place.container, KEY, FIRST, content_type="text/markdown", metadata={"owner": "qa"}
    )
    editing = _editing(place.explorer)
    launched: list[Path] = []
    editing.launch = lambda path: launched.append(path) or True
    place.open(qtbot)
    window = place.explorer.window
    select_names(window, KEY)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(launched), timeout=WAIT)
    assert launched[0].read_bytes() == FIRST
    assert editing.dock.isVisible() and editing.dock.model.rowCount() == 1
    return editing, launched[0]


def _save_by_rename(path: Path, data: bytes) -> None:
    temp = path.with_name(path.name + ".swp")
    temp.write_bytes(data)
    os.replace(temp, path)


def _next_check(qtbot, editing: EditingCommands, change) -> str:
    with qtbot.waitSignal(editing.round_trip.checked, timeout=WAIT) as signal:
        change()
    return str(signal.args[1])


@pytest.mark.parametrize("place", BACKENDS, indirect=True)
@pytest.mark.parametrize("save", ["rename", "inplace"])
def test_a_save_uploads_back_once_keeping_metadata(qtbot, place: Place, save: str) -> None:
    editing, path = _opened(qtbot, place)
    before = place.other.head(place.container, KEY)
    if save == "rename":
        outcome = _next_check(qtbot, editing, lambda: _save_by_rename(path, b"second version\n"))
    else:
        outcome = _next_check(qtbot, editing, lambda: path.write_bytes(b"second version\n"))
    assert outcome == "uploaded"
    assert place.other.read(place.container, KEY) == b"second version\n"
    after = place.other.head(place.container, KEY)
    assert after.metadata == before.metadata and after.system.get(CONTENT_TYPE) == "text/markdown"
    assert editing.dock.model.rows[0].state is EditState.UPLOADED
    # A save of the same bytes again: hashed, nothing sent.
    assert _next_check(qtbot, editing, lambda: _save_by_rename(path, b"second version\n")) == "unchanged"
    assert place.other.head(place.container, KEY).etag == after.etag


@pytest.mark.parametrize("place", ["s3_moto"], indirect=True)
def test_a_touch_uploads_nothing(qtbot, place: Place) -> None:
    editing, path = _opened(qtbot, place)
    etag = place.other.head(place.container, KEY).etag
    assert _next_check(qtbot, editing, lambda: os.utime(path, (1, 1))) == "unchanged"
    assert place.other.head(place.container, KEY).etag == etag


@pytest.mark.parametrize("place", BACKENDS, indirect=True)
def test_their_change_is_a_conflict_and_mine_is_kept_as_a_copy(qtbot, place: Place) -> None:
    editing, path = _opened(qtbot, place)
    asked: list[str] = []
    editing.round_trip.choose = lambda opened: asked.append(opened.note) or ConflictChoice.COPY
    place.other.overwrite(place.container, KEY, b"their version\n", {"owner": "them"})
    assert _next_check(qtbot, editing, lambda: _save_by_rename(path, b"my version\n")) == "conflict"
    assert asked and "opened ETag" in asked[0]
    copy = "notes (my copy).txt"
    qtbot.waitUntil(lambda: editing.dock.model.rows[0].key == copy, timeout=WAIT)
    assert place.other.read(place.container, KEY) == b"their version\n"
    assert place.other.read(place.container, copy) == b"my version\n"


@pytest.mark.parametrize("place", ["azure"], indirect=True)
def test_take_theirs_sets_mine_aside(qtbot, place: Place) -> None:
    editing, path = _opened(qtbot, place)
    editing.round_trip.choose = lambda _opened: ConflictChoice.THEIRS
    place.other.overwrite(place.container, KEY, b"their version\n", {})
    assert _next_check(qtbot, editing, lambda: _save_by_rename(path, b"my version\n")) == "conflict"
    qtbot.waitUntil(lambda: path.exists() and path.read_bytes() == b"their version\n", timeout=WAIT)
    assert (path.parent / "notes (mine).txt").read_bytes() == b"my version\n"
    qtbot.waitUntil(lambda: editing.dock.model.rows[0].state is EditState.OPEN, timeout=WAIT)


@pytest.mark.parametrize("place", ["swift"], indirect=True)
def test_watching_resumes_after_a_restart(qtbot, place: Place, make_explorer) -> None:
    before, path = _opened(qtbot, place)
    before.round_trip.watcher.forget(str(path))  # the app is closed: nobody watches
    _save_by_rename(path, b"saved while closed\n")
    again = _editing_first_start(qtbot, make_explorer)
    assert again.dock.model.rows[0].key == KEY
    assert place.other.read(place.container, KEY) == b"saved while closed\n"
    assert _next_check(qtbot, again, lambda: _save_by_rename(path, b"after a restart\n")) == "uploaded"
    assert place.other.read(place.container, KEY) == b"after a restart\n"


def _editing_first_start(qtbot, make_explorer) -> EditingCommands:
    """The next start of the app on the same edit cache: its copies are checked at once
    (one saved while it was closed goes up) and watched again."""
    editing = _editing(make_explorer())
    rows = editing.dock.model.rows
    qtbot.waitUntil(lambda: bool(rows) and rows[0].state is EditState.UPLOADED, timeout=WAIT)
    return editing


@pytest.mark.parametrize("place", ["s3_moto"], indirect=True)
def test_overwrite_theirs_after_confirming_and_compare_opens_both(qtbot, place: Place) -> None:
    editing, path = _opened(qtbot, place)
    launched: list[Path] = []
    editing.launch = lambda opened: launched.append(opened) or True
    answers = iter([ConflictChoice.COMPARE, ConflictChoice.OVERWRITE])
    editing.round_trip.choose = lambda _opened: next(answers)
    confirmed: list[str] = []
    place.explorer.operations.confirm = lambda title, question, button: confirmed.append(question) or True  # type: ignore[method-assign]
    place.other.overwrite(place.container, KEY, b"their version\n", {})
    assert _next_check(qtbot, editing, lambda: _save_by_rename(path, b"my version\n")) == "conflict"
    qtbot.waitUntil(lambda: len(launched) == 2, timeout=WAIT)
    assert launched[0] == path and launched[1].read_bytes() == b"their version\n"
    editing.round_trip.resolve(editing.round_trip.records[str(path)])  # Resolve Conflict… again
    qtbot.waitUntil(lambda: editing.dock.model.rows[0].state is EditState.UPLOADED, timeout=WAIT)
    assert confirmed and place.other.read(place.container, KEY) == b"my version\n"


@pytest.mark.parametrize("place", ["s3_moto"], indirect=True)
def test_a_large_object_asks_before_it_downloads(qtbot, place: Place) -> None:
    sending.upload_bytes(place.provider, place.container, KEY, FIRST)
    editing = _editing(place.explorer)
    editing.ask_above = 4  # bytes: the object is larger
    asked: list[str] = []
    place.explorer.operations.confirm = lambda title, question, button: asked.append(question) or False  # type: ignore[method-assign]
    launched: list[Path] = []
    editing.launch = lambda path: launched.append(path) or True
    place.open(qtbot)
    select_names(place.explorer.window, KEY)
    qtbot.keyClick(place.explorer.window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    assert KEY in asked[0] and "14 B" in asked[0]
    assert not launched and editing.dock.model.rowCount() == 0 and not editing.cache.state_path.exists()
