"""Tabs (offscreen, on a local account): each tab keeps its own history, filter, sort and
selection; a middle click opens a folder behind; objects dropped on a tab land in its
place; the tabs come back at the next start, listed again; the keys do not clash."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication

from storebrowser.accounts import AccountStore
from storebrowser.accounts.pool import ProviderPool
from storebrowser.accounts.startup import Startup
from storebrowser.core.colours import account_colour
from storebrowser.core.places import Location
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.transfers import Journal, TransferEngine
from storebrowser.transfers.conflicts import AskCallback
from storebrowser.ui.application import Explorer, Services, build_explorer
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.objects.dragdrop import INTERNAL_MIME, DraggedObjects
from storebrowser.ui.places.tree_model import AccountEntry
from storebrowser.ui.tabs.session import read_session
from storebrowser.ui.tabs.tabs import Tabs
from storebrowser.ui.uistate import UiState
from tests.ui.test_drag_drop import ACTIONS, _drag_event
from tests.ui.test_operations import names_shown, wait_listed

WAIT = 20_000
DOCUMENTS = Location("Local files", "documents")
PHOTOS = Location("Local files", "photos")

Make = Callable[[UiState], Explorer]


@pytest.fixture
def make(
    qtbot: Any, store: AccountStore, pool: ProviderPool, runner: TaskRunner, journal: Journal,
    local_account: AccountEntry,
) -> Iterator[Make]:  # fmt: skip
    """The explorer on a given window state, as the app builds it."""
    built: list[Explorer] = []

    def make_engine(ask: AskCallback) -> TransferEngine:
        return TransferEngine(pool, journal, concurrency=1, ask=ask)

    def make(state: UiState) -> Explorer:
        services = Services(store=store, startup=Startup(store.accounts()), pool=pool,
                            make_engine=make_engine, ui_state=state)  # fmt: skip
        explorer = build_explorer(services, runner)
        built.append(explorer)
        qtbot.addWidget(explorer.window)
        explorer.window.show()
        qtbot.waitUntil(lambda: explorer.bridge.engine is not None, timeout=10_000)
        return explorer

    yield make
    for explorer in built:
        explorer.bridge.close()


def tabs_of(explorer: Explorer) -> Tabs:
    assert explorer.tabs is not None
    return explorer.tabs


def trigger(tabs: Tabs, name: str) -> None:
    tabs.actions[name].trigger()


def selected_names(window: MainWindow) -> set[str]:
    return {info.name for info in window.selected_objects()}


def sort_of(window: MainWindow) -> tuple[int, Qt.SortOrder]:
    header = window.table.horizontalHeader()
    return header.sortIndicatorSection(), header.sortIndicatorOrder()


def choose(qtbot: Any, window: MainWindow, *names: str) -> None:
    qtbot.waitUntil(lambda: set(names) <= names_shown(window), timeout=WAIT)
    model = window.object_model
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    window.table.clearSelection()
    for row in range(model.rowCount()):
        if model.info(row).name in names:
            window.table.selectionModel().select(model.index(row, 0), flags)


def middle_click(widget: Any, point: QPoint) -> None:
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        button = Qt.MouseButton.MiddleButton
        held = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
        event = QMouseEvent(kind, QPointF(point), QPointF(widget.mapToGlobal(point)), button, held,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
        QApplication.sendEvent(widget, event)


def test_each_tab_keeps_its_history_filter_sort_and_selection(qtbot: Any, make: Make) -> None:
    explorer = make(UiState(None))
    window, tabs = explorer.window, tabs_of(explorer)
    assert tabs.bar.isHidden()  # one tab: no bar
    window.navigate(DOCUMENTS)
    wait_listed(qtbot, window)
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    window.filter_box.setText("file-00")
    qtbot.waitUntil(lambda: window.object_model.filter_text == "file-00", timeout=WAIT)
    choose(qtbot, window, "file-0003.txt", "file-0005.txt")

    trigger(tabs, "new_tab")  # Ctrl+T: a second tab, at the same place
    assert tabs.bar.count() == 2 and tabs.bar.isVisible() and tabs.bar.currentIndex() == 1
    assert window.location == DOCUMENTS and not window.history.can_back
    window.navigate(PHOTOS)
    window.navigate(PHOTOS.child("2024"))
    wait_listed(qtbot, window)
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert tabs.bar.tabText(1) == "photos/2024"
    assert tabs.bar.tabToolTip(1) == "Local files:photos/2024/"

    trigger(tabs, "previous_tab")  # Ctrl+Shift+Tab: the first tab as it was left
    assert window.location == DOCUMENTS and not window.history.can_back
    assert window.filter_box.text() == "file-00"
    assert sort_of(window) == (1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: selected_names(window) == {"file-0003.txt", "file-0005.txt"}, timeout=WAIT)
    qtbot.waitUntil(lambda: window.object_model.filter_text == "file-00", timeout=WAIT)

    trigger(tabs, "next_tab")  # Ctrl+Tab: the second, its own history and sort, no filter
    assert window.location == PHOTOS.child("2024") and window.filter_box.text() == ""
    assert sort_of(window) == (0, Qt.SortOrder.AscendingOrder)
    window.go_back()
    assert window.location == PHOTOS
    trigger(tabs, "next_tab")
    assert window.location == DOCUMENTS and not window.history.can_back  # Back in one tab only

    trigger(tabs, "close_tab")  # Ctrl+W
    assert tabs.bar.count() == 1 and window.location == PHOTOS and window.history.can_forward
    trigger(tabs, "close_tab")  # the last tab stays
    assert tabs.bar.count() == 1 and not tabs.actions["close_tab"].isEnabled()


def test_middle_click_opens_a_folder_behind_the_shown_tab(qtbot: Any, make: Make) -> None:
    explorer = make(UiState(None))
    window, tabs = explorer.window, tabs_of(explorer)
    window.navigate(DOCUMENTS)
    wait_listed(qtbot, window)
    row = window.object_model.row_of_key("drafts/")
    assert row is not None
    middle_click(window.table.viewport(), window.table.visualRect(window.object_model.index(row, 0)).center())
    assert tabs.bar.count() == 2 and tabs.bar.currentIndex() == 0 and window.location == DOCUMENTS
    assert tabs.bar.tabText(1) == "documents/drafts"
    assert not selected_names(window)  # the click chose nothing in the table

    qtbot.waitUntil(lambda: window.tree_model.index_of(PHOTOS).isValid(), timeout=WAIT)
    index = window.tree_model.index_of(PHOTOS)
    window.tree.scrollTo(index)
    middle_click(window.tree.viewport(), window.tree.visualRect(index).center())
    assert tabs.bar.count() == 3 and tabs.bar.tabText(1) == "photos"
    tabs.bar.setCurrentIndex(2)
    assert window.location == DOCUMENTS.child("drafts")
    qtbot.waitUntil(lambda: names_shown(window) == {"a.txt"}, timeout=WAIT)


def test_objects_dropped_on_a_tab_are_copied_into_its_place(qtbot: Any, make: Make, local_root: Path) -> None:
    explorer = make(UiState(None))
    window, tabs = explorer.window, tabs_of(explorer)
    window.navigate(PHOTOS)
    trigger(tabs, "new_tab")
    window.navigate(DOCUMENTS)
    wait_listed(qtbot, window)
    mime = QMimeData()
    dragged = DraggedObjects("Local files", "documents", ("file-0001.txt", "file-0002.txt"))
    mime.setData(INTERNAL_MIME, dragged.encode())
    point = tabs.bar.tabRect(0).center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind in (QDragEnterEvent, QDragMoveEvent):
        event = _drag_event(kind, point, mime, buttons, modifiers)
        QApplication.sendEvent(tabs.bar, event)
        assert event.isAccepted()
    drop = QDropEvent(QPointF(point), ACTIONS, mime, buttons, modifiers)
    QApplication.sendEvent(tabs.bar, drop)
    assert drop.isAccepted()
    copied = local_root / "photos" / "file-0001.txt", local_root / "photos" / "file-0002.txt"
    qtbot.waitUntil(lambda: all(path.exists() for path in copied), timeout=WAIT)
    assert (local_root / "documents" / "file-0001.txt").exists()  # a copy, not a move
    assert window.location == DOCUMENTS  # the drop did not change the shown tab

    # Held over a tab, a drag shows it: the drop can then go onto a folder of its table.
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(tabs.bar, _drag_event(kind, point, mime, buttons, modifiers))
    qtbot.waitUntil(lambda: window.location == PHOTOS, timeout=WAIT)
    QApplication.sendEvent(tabs.bar, QDragLeaveEvent())


def test_the_tabs_come_back_at_the_next_start(qtbot: Any, make: Make, tmp_path: Path) -> None:
    path = tmp_path / "state" / "window.json"
    first = make(UiState(path))
    window, tabs = first.window, tabs_of(first)
    tabs.start(DOCUMENTS, None)
    window.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    trigger(tabs, "new_tab")
    window.navigate(PHOTOS.child("2024"))
    trigger(tabs, "new_tab")
    window.navigate(Location("Local files"))
    tabs.bar.setCurrentIndex(1)
    window.close()
    qtbot.waitUntil(path.exists, timeout=WAIT)

    state = UiState.load(path)
    saved = state.get("tabs")
    saved.insert(1, {"place": "Gone:somewhere/", "sort": 0, "descending": False})
    state.set("tabs", saved)
    state.set("current_tab", 2)
    session = read_session(state, ["Local files"])
    assert session is not None and session.gone == ["Gone"] and session.current == 1

    again = make(state)
    window, tabs = again.window, tabs_of(again)
    tabs.start(None, session)
    assert [tabs.bar.tabText(i) for i in range(3)] == ["documents", "photos/2024", "Local files"]
    assert tabs.bar.currentIndex() == 1 and window.location == PHOTOS.child("2024")
    assert sort_of(window) == (2, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: names_shown(window) == {"cat.jpg"}, timeout=WAIT)  # listed again
    assert window.messages.isVisible() and "Gone" in window.messages.text
    tabs.bar.setCurrentIndex(0)
    assert window.location == DOCUMENTS and sort_of(window) == (2, Qt.SortOrder.DescendingOrder)


def test_the_window_keys_are_unique_and_transfers_moved_to_ctrl_j(make: Make) -> None:
    window = make(UiState(None)).window
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {action.text()}"
            seen[text] = action.text()
    assert seen["Ctrl+T"] == "New Tab" and seen["Ctrl+J"] == "Transfers" and seen["Ctrl+W"] == "Close Tab"


def test_the_tab_keys_work_from_the_table_and_a_middle_click_closes_a_tab(qtbot: Any, make: Make) -> None:
    explorer = make(UiState(None))
    window, tabs = explorer.window, tabs_of(explorer)
    window.navigate(DOCUMENTS)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    window.table.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.table, Qt.Key.Key_T, ctrl)
    assert tabs.bar.count() == 2 and tabs.bar.currentIndex() == 1
    window.navigate(PHOTOS)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Tab, ctrl)
    assert tabs.bar.currentIndex() == 0 and window.location == DOCUMENTS
    qtbot.keyClick(window.table, Qt.Key.Key_Backtab, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert tabs.bar.currentIndex() == 1 and window.location == PHOTOS
    middle_click(tabs.bar, tabs.bar.tabRect(0).center())
    assert tabs.bar.count() == 1 and window.location == PHOTOS
    tabs.new_tab()
    qtbot.keyClick(window.table, Qt.Key.Key_W, ctrl)
    assert tabs.bar.count() == 1


def colour_of_tab(tabs: Tabs, index: int) -> str:
    image = tabs.bar.tabIcon(index).pixmap(12, 12).toImage()
    return image.pixelColor(6, 6).name()


def test_the_colour_chosen_in_the_accounts_dialog_marks_the_tabs(
    qtbot: Any, make: Make, store: AccountStore
) -> None:
    from storebrowser.ui.application import AccountsAction

    explorer = make(UiState(None))
    window, tabs = explorer.window, tabs_of(explorer)
    window.navigate(DOCUMENTS)
    trigger(tabs, "new_tab")
    assert colour_of_tab(tabs, 0) == colour_of_tab(tabs, 1) == account_colour("Local files")
    action = window.findChild(AccountsAction)
    assert action is not None
    dialog = action.open("Local files")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    choice = dialog.form.colour
    choice.setCurrentIndex(choice.findData("#7c3aed"))
    assert dialog.form.is_dirty()
    with qtbot.waitSignal(dialog.accountsChanged, timeout=WAIT):
        dialog.save_button.click()
    assert store.get("Local files").settings["colour"] == "#7c3aed"
    qtbot.waitUntil(lambda: colour_of_tab(tabs, 0) == "#7c3aed", timeout=WAIT)
    assert colour_of_tab(tabs, 1) == "#7c3aed"
    dialog.close()


def tree_pixels_of(window: MainWindow, colour: str) -> int:
    image = window.tree.viewport().grab().toImage()
    wanted = QColor(colour).rgb()
    return sum(image.pixel(x, y) == wanted for y in range(image.height()) for x in range(image.width()))


def test_an_accounts_row_is_marked_with_its_colour_only_beside_another_account(
    qtbot: Any, make: Make, local_account: AccountEntry
) -> None:
    window = make(UiState(None)).window
    colour = account_colour("Local files")
    assert tree_pixels_of(window, colour) == 0  # one account: nothing to tell apart
    window.set_accounts([local_account, AccountEntry("Second", "Local folder")])
    qtbot.waitUntil(lambda: tree_pixels_of(window, colour) > 0, timeout=WAIT)


def test_a_tab_comes_back_scrolled_where_it_was_left(qtbot: Any, make: Make) -> None:
    explorer = make(UiState(None))
    window, tabs = explorer.window, tabs_of(explorer)
    window.navigate(DOCUMENTS)
    wait_listed(qtbot, window)
    row = window.object_model.row_of_key("file-0600.txt")
    assert row is not None
    window.table.scrollTo(window.object_model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def top_name() -> str:
        index = window.table.indexAt(QPoint(0, 0))
        return window.object_model.info(index.row()).name if index.isValid() else ""

    assert top_name() == "file-0600.txt"
    trigger(tabs, "new_tab")
    window.navigate(PHOTOS)
    trigger(tabs, "previous_tab")
    qtbot.waitUntil(lambda: top_name() == "file-0600.txt", timeout=WAIT)
