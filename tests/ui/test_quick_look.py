"""Quick Look: Shift+Space on an object opens the preview panel in a larger window of its
own, reading only a range (the docked preview's code); Space closes it; a folder has none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from storebrowser.core.places import Location
from storebrowser.ui.properties.quick_look import QuickLook
from tests.ui.test_operations import select_names, wait_listed
from tests.ui.test_preview_panel import large_text

WAIT = 30_000


def test_shift_space_shows_a_larger_preview(qtbot, local_account, local_root: Path, make_explorer) -> None:
    (local_root / "documents" / "long.txt").write_bytes(large_text(200_000))
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    select_names(window, "long.txt")
    window.table.setCurrentIndex(window.table.selectionModel().selectedRows()[0])
    look = window.findChild(QuickLook, "quickLook")
    assert look is not None and not look.isVisible()
    with qtbot.waitSignal(look.panel.settled, timeout=WAIT):
        qtbot.keyClick(window.table, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert look.isVisible() and look.width() > window.width() // 2
    fetched = look.panel.fetched
    assert fetched is not None and 0 < len(fetched.data) < 200_000  # a range, not the object
    qtbot.keyClick(look, Qt.Key.Key_Space)
    assert not look.isVisible()
    select_names(window, "drafts/")
    assert not window.explorer_actions["quick_look"].isEnabled()
