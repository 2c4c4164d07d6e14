"""Pictures of View > Opened Files (a copy in each state) and of the conflict question,
light and dark, to look at. Written to ``$STOREBROWSER_SHOTS`` when set."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from storebrowser.core.places import Location
from storebrowser.editing.state import EditState, OpenedFile
from storebrowser.ui.editing.conflict_dialog import ConflictDialog, conflict_text
from storebrowser.ui.editing.panel import OpenedFilesDock
from storebrowser.ui.properties.quick_look import QuickLook
from tests.ui import test_panel_pictures as pictures
from tests.ui.test_operations import select_names, wait_listed
from tests.ui.test_panel_pictures import save

# The light/dark and output-folder fixtures of the other pictures.
scheme = pictures.scheme
shots = pictures.shots

CACHE = "/home/ana/.cache/StoreBrowser/opened/work/reports"


def _record(key: str, state: EditState, note: str = "", theirs: str | None = None) -> OpenedFile:
    return OpenedFile("work", "reports", key, f"{CACHE}/{key}", "9b2cf535f27731c974343645a3985328", 1024,
                      "0" * 64, {"owner": "finance"}, {"content_type": "text/csv"}, state=state, note=note,
                      theirs=theirs)  # fmt: skip


def _rows() -> list[OpenedFile]:
    conflict = _record("2026/q3/budget.xlsx", EditState.CONFLICT, theirs="5d41402abc4b2a76b9719d911017c592")
    return [
        _record("2026/q3/summary.md", EditState.OPEN),
        _record("2026/q3/figures.csv", EditState.UPLOADING),
        _record("2026/q2/notes.txt", EditState.UPLOADED, "Uploaded 2026-12-03T17:58:02+00:00."),
        conflict.with_state(EditState.CONFLICT, conflict_text(conflict), theirs=conflict.theirs),
        _record("2026/q1/old.pdf", EditState.FAILED, "Upload back failed: access denied."),
    ]


def test_pictures_of_the_opened_files_panel(qtbot, scheme: str, shots: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = OpenedFilesDock(window)
    window.setCentralWidget(dock)
    for opened in _rows():
        dock.model.show(opened)
    dock.view.selectRow(3)
    window.resize(900, 260)
    window.show()
    assert dock.resolve_action.isEnabled() and dock.stop_action.isEnabled()
    save(window, shots / f"opened-files-{scheme}.png")


def test_pictures_of_the_conflict_question(qtbot, scheme: str, shots: Path) -> None:
    conflict = _rows()[3]
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    dialog.show()
    save(dialog, shots / f"conflict-{scheme}.png")


def test_pictures_of_the_window_with_an_opened_file_and_quick_look(
    qtbot,
    scheme: str,
    shots: Path,
    local_account,
    local_root: Path,
    make_explorer,
) -> None:
    (local_root / "documents" / "readme.md").write_bytes(
        b"# Notes\n\nOpened in its app; saving uploads it back.\n" * 40
    )
    explorer = make_explorer()
    window = explorer.window
    window.resize(1200, 760)
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    assert explorer.editing is not None
    launched: list[Path] = []
    explorer.editing.launch = lambda path: launched.append(path) or True
    select_names(window, "readme.md")
    window.table.setCurrentIndex(window.table.selectionModel().selectedRows()[0])
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(launched), timeout=30_000)
    save(window, shots / f"window-opened-{scheme}.png")
    look = window.findChild(QuickLook, "quickLook")
    assert look is not None
    with qtbot.waitSignal(look.panel.settled, timeout=30_000):
        window.explorer_actions["quick_look"].trigger()
    save(look, shots / f"quick-look-{scheme}.png")
    look.close()
