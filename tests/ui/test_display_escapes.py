"""Names with control characters are shown escaped in the window (issue 17, defect 6):
the table, the tree, the path bar, the transfers panel and the message strip show
``\\x1b`` and ``\\n``, never the characters themselves; the data behind them stays exact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from storebrowser.core.places import Location
from storebrowser.transfers.jobs import JobKind, JobSpec
from storebrowser.ui.notice import Level, Notice
from storebrowser.ui.places.tree_model import AccountEntry

WAIT = 15_000
CONTAINER = "box\x1b[31m"
KEYS = ["esc\x1b]0;title\x07.txt", "new\nline.txt", "report\u202etxt.exe"]
SHOWN = ["esc\\x1b]0;title\\x07.txt", "new\\nline.txt", "report\\u202etxt.exe"]
RAW = ("\x1b", "\x07", "\n", "\u202e")
Display = Qt.ItemDataRole.DisplayRole
Tip = Qt.ItemDataRole.ToolTipRole


def _clean(text: object) -> bool:
    return isinstance(text, str) and not any(char in text for char in RAW)


def test_the_window_shows_names_escaped(
    qtbot: Any, make_explorer: Any, local_account: AccountEntry, local_root: Path, tmp_path: Path
) -> None:
    (local_root / CONTAINER / "sub\x1b[0m").mkdir(parents=True)
    for key in KEYS:
        (local_root / CONTAINER / "sub\x1b[0m" / key).write_bytes(b"x")
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location("Local files", CONTAINER, "sub\x1b[0m/"))
    model = window.object_model
    qtbot.waitUntil(lambda: model.provider is not None and not model.loading and model.rowCount() == 3,
                    timeout=WAIT)  # fmt: skip

    names = [model.data(model.index(row, 0), Display) for row in range(3)]
    assert sorted(names) == sorted(SHOWN)
    assert all(_clean(model.data(model.index(row, 0), Tip)) for row in range(3))
    assert sorted(model.info(row).key for row in range(3)) == sorted(f"sub\x1b[0m/{k}" for k in KEYS)

    crumbs = [button.text() for button in window.pathbar.crumb_buttons()]
    assert crumbs == ["Local files", "box\\x1b[31m", "sub\\x1b[0m"]
    tree = window.tree_model
    qtbot.waitUntil(lambda: window.tree_model.location_at(window.tree.currentIndex()) == window.location,
                    timeout=WAIT)  # fmt: skip
    shown_in_tree = tree.data(window.tree.currentIndex(), Display)
    assert shown_in_tree == "sub\\x1b[0m" and _clean(tree.data(window.tree.currentIndex(), Tip))

    # A transfer of those objects: its rows in the panel, and a failure in the strip.
    spec = JobSpec(JobKind.DOWNLOAD_MANY, "Local files", CONTAINER, local=str(tmp_path / "out"),
                   sources=tuple(f"sub\x1b[0m/{k}" for k in KEYS))  # fmt: skip
    explorer.bridge.submit(spec)
    panel = explorer.transfers.model
    qtbot.waitUntil(lambda: panel.rowCount() == 1 and panel.hasChildren(panel.index(0, 0)), timeout=WAIT)
    panel.fetchMore(panel.index(0, 0))  # the items of a job come when it is opened
    qtbot.waitUntil(lambda: panel.rowCount(panel.index(0, 0)) == 3, timeout=WAIT)
    job = panel.index(0, 0)
    # The panel follows the engine on a timer: wait until it shows where each item went.
    def tip(row: int) -> str:
        return panel.data(panel.index(row, 0, job), Tip) or ""

    qtbot.waitUntil(lambda: all("\n" in tip(row) for row in range(3)), timeout=WAIT)
    cells = [panel.data(panel.index(0, column), Display) for column in range(panel.columnCount())]
    cells += [panel.data(panel.index(row, 0, job), Display) for row in range(3)]
    assert [cell for cell in cells if not (cell is None or _clean(cell))] == []
    for row in range(3):  # the key, and where it went: two lines
        key, local = panel.data(panel.index(row, 0, job), Tip).split("\n")
        assert _clean(key) and _clean(local)
    # A message keeps its own line breaks (it may have several lines); nothing else gets by.
    window.messages.show_message(f"Cannot read {KEYS[0]!s} or {KEYS[2]!s}", Level.ERROR)
    assert _clean(window.messages.text)


def test_a_notice_keeps_its_lines_and_escapes_the_rest(qtbot: Any) -> None:
    notice = Notice()
    qtbot.addWidget(notice)
    notice.show_message(Level.WARNING, "Cannot delete esc\x1b[2J.txt\nPress F5 to try again.")
    assert notice.label.text() == "Cannot delete esc\\x1b[2J.txt\nPress F5 to try again."
