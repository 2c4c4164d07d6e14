"""File > New Window (offscreen, local account): a second window at the place shown, on
the same engine; what one window queues the other's transfers panel shows; closing the
second leaves the engine running for the first, and only the first writes the layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction

from storebrowser.core.places import Location
from storebrowser.qtbridge.conflicts import ConflictAsker, ConflictQuestion
from storebrowser.transfers.jobs import ConflictPolicy, JobKind
from storebrowser.ui.commands.operations import Operations
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.transfers.dock import TransfersDock
from storebrowser.ui.windows import NewWindow
from tests.ui.test_operations import names_shown, wait_listed

WAIT = 20_000
PHOTOS = Location("Local files", "photos")


def test_a_new_window_shares_the_engine_and_the_transfers(
    qtbot: Any, make_explorer: Any, local_account: Any, local_root: Path, tmp_path: Path
) -> None:
    explorer = make_explorer()
    window = explorer.window
    window.navigate(PHOTOS)
    wait_listed(qtbot, window)
    action = window.findChild(QAction, "new_window")
    assert action is not None and action.shortcut().toString() == "Ctrl+N"
    action.trigger()
    opener = window.findChild(NewWindow)
    assert opener is not None and len(opener.opened) == 1
    second: MainWindow = opener.opened[0]
    assert second.isVisible() and second.location == PHOTOS
    qtbot.waitUntil(lambda: names_shown(second) == {"2024/"}, timeout=WAIT)

    upload = tmp_path / "sent.txt"
    upload.write_text("from the second window")
    operations = second.findChild(Operations)
    assert operations is not None
    operations.upload_paths([upload], PHOTOS, ask=False)
    qtbot.waitUntil(lambda: (local_root / "photos" / "sent.txt").exists(), timeout=WAIT)
    first_panel = window.findChild(TransfersDock)
    assert first_panel is not None  # the first window's panel shows the second's job
    qtbot.waitUntil(lambda: first_panel.model.rowCount() == 1, timeout=WAIT)
    assert explorer.jobs.engine is not None

    before = window.ui_state.snapshot()
    second.close()
    qtbot.waitUntil(lambda: not opener.opened, timeout=WAIT)  # deleted on close
    assert not explorer.bridge.is_stopped  # the engine goes on for the first window
    assert window.ui_state.snapshot() == before  # the second kept its layout to itself
    window.refresh()
    qtbot.waitUntil(lambda: "sent.txt" in names_shown(window), timeout=WAIT)


def test_a_question_answered_in_one_window_closes_in_the_others(qtbot: Any) -> None:
    asker = ConflictAsker()
    question = ConflictQuestion("job", JobKind.UPLOAD_FILE, "a.txt", "a.txt")
    with qtbot.waitSignal(asker.withdrawn) as gone:
        asker.answer(question, ConflictPolicy.SKIP)
    assert gone.args == [question] and question.answer is ConflictPolicy.SKIP


def test_the_first_window_closes_first_and_the_last_one_stops_the_engine(
    qtbot: Any, make_explorer: Any, local_account: Any
) -> None:
    explorer = make_explorer()
    window = explorer.window
    window.navigate(PHOTOS)
    opener = window.findChild(NewWindow)
    assert opener is not None
    second = opener.open()
    window.close()
    assert not window.isVisible() and not explorer.bridge.is_stopped
    second.navigate(PHOTOS.child("2024"))
    qtbot.waitUntil(lambda: names_shown(second) == {"cat.jpg"}, timeout=WAIT)
    second.close()  # the last window: the engine stops, then the window closes itself
    qtbot.waitUntil(lambda: explorer.bridge.is_stopped, timeout=WAIT)
