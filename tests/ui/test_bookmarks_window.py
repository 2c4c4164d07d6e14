"""Bookmarks in the window (offscreen): Ctrl+D, the tree's section, the menu, renaming,
moving and removing from the tree, @NAME in the path bar; the file the CLI reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from storebrowser.accounts import AccountStore
from storebrowser.accounts.bookmarks import BookmarkStore
from storebrowser.accounts.pool import ProviderPool
from storebrowser.accounts.startup import Startup
from storebrowser.core.places import Location
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.transfers import Journal, TransferEngine
from storebrowser.transfers.conflicts import AskCallback
from storebrowser.ui.application import Explorer, Services, build_explorer
from storebrowser.ui.bookmarks.commands import BookmarkCommands
from storebrowser.ui.places.tree_model import AccountEntry, NodeKind
from storebrowser.ui.uistate import UiState

WAIT = 15_000


@pytest.fixture
def explorer(
    qtbot: Any,
    store: AccountStore,
    pool: ProviderPool,
    runner: TaskRunner,
    journal: Journal,
    local_account: AccountEntry,
) -> Iterator[Explorer]:
    def make_engine(ask: AskCallback) -> TransferEngine:
        return TransferEngine(pool, journal, concurrency=1, ask=ask)

    services = Services(
        store=store,
        startup=Startup(store.accounts()),
        pool=pool,
        make_engine=make_engine,
        ui_state=UiState(None),
        bookmarks=BookmarkStore.beside(store.path),
    )
    built = build_explorer(services, runner)
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitUntil(lambda: built.bridge.engine is not None, timeout=10_000)
    yield built
    built.bridge.close()


def _marks(explorer: Explorer) -> BookmarkCommands:
    assert explorer.bookmarks is not None
    return explorer.bookmarks


def _section(explorer: Explorer) -> list[str]:
    model = explorer.window.tree_model
    heading = model.bookmarks_index()
    if not heading.isValid():
        return []
    return [str(model.data(model.index(row, 0, heading))) for row in range(model.rowCount(heading))]


def _choose(explorer: Explorer, name: str) -> None:
    model, tree = explorer.window.tree_model, explorer.window.tree
    heading = model.bookmarks_index()
    for row in range(model.rowCount(heading)):
        index = model.index(row, 0, heading)
        if model.bookmark_at(index) == name:
            tree.setCurrentIndex(index)
            return
    raise AssertionError(f"no bookmark {name} in the tree")


def test_ctrl_d_bookmarks_the_place_into_the_tree_and_menu(
    qtbot: Any, explorer: Explorer, store: AccountStore
) -> None:
    window = explorer.window
    assert not window.tree_model.bookmarks_index().isValid()  # no section while there are none
    assert window.tree_model.index_of(Location("Local files")).row() == 0
    window.navigate(Location("Local files", "photos", "2024/"))
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _section(explorer) == ["2024"], timeout=WAIT)

    model = window.tree_model
    heading = model.bookmarks_index()
    assert heading.row() == 0 and model.data(heading) == "Bookmarks"
    assert model.kind_at(heading) is NodeKind.BOOKMARKS
    assert model.index_of(Location("Local files")).row() == 1  # the accounts below the section
    # What the CLI reads: the same file, beside the accounts.
    assert BookmarkStore.beside(store.path).places() == {"2024": "Local files:photos/2024/"}

    # The Bookmarks menu lists it; choosing it goes there.
    window.navigate(Location("Local files"))
    menu = window.menuBar().findChild(QMenu, "bookmarks-menu")
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    chosen_one = ["Rename Bookmark…", "Move Bookmark Up", "Move Bookmark Down", "Remove Bookmark"]
    assert names == ["Bookmark This Place", "2024", *chosen_one]
    assert not window.explorer_actions["bookmark_remove"].isEnabled()  # no bookmark chosen in the tree
    entry = next(a for a in menu.actions() if a.text() == "2024")
    entry.trigger()
    assert window.location == Location("Local files", "photos", "2024/")

    # A second Ctrl+D on the same place says so instead of adding it twice.
    window.explorer_actions["bookmark_add"].trigger()
    qtbot.wait(200)
    assert _section(explorer) == ["2024"]


def test_rename_move_remove_from_the_tree(qtbot: Any, explorer: Explorer, store: AccountStore) -> None:
    window, marks = explorer.window, _marks(explorer)
    for place in (
        Location("Local files", "documents"),
        Location("Local files", "photos"),
        Location("Local files"),
    ):
        window.navigate(place)
        window.explorer_actions["bookmark_add"].trigger()
        qtbot.waitUntil(lambda place=place: place.text() in marks.places().values(), timeout=WAIT)
    assert _section(explorer) == ["documents", "photos", "Local files"]

    # Clicking a bookmark in the tree goes to its place.
    _choose(explorer, "documents")
    window.tree.selectionModel().select(
        window.tree.currentIndex(), window.tree.selectionModel().SelectionFlag.Select
    )
    assert window.location == Location("Local files", "documents")

    _choose(explorer, "photos")
    marks.ask_name = lambda _title, _label, _current: "Pictures"
    window.explorer_actions["bookmark_rename"].trigger()
    qtbot.waitUntil(lambda: _section(explorer) == ["documents", "Pictures", "Local files"], timeout=WAIT)
    assert window.tree_model.bookmark_at(window.tree.currentIndex()) == "Pictures"  # still chosen

    window.tree.setFocus()
    qtbot.keyClick(
        window.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: _section(explorer) == ["Pictures", "documents", "Local files"], timeout=WAIT)
    _choose(explorer, "Pictures")
    window.explorer_actions["bookmark_down"].trigger()
    window.explorer_actions["bookmark_down"].trigger()
    qtbot.waitUntil(lambda: _section(explorer) == ["documents", "Local files", "Pictures"], timeout=WAIT)

    _choose(explorer, "documents")
    window.explorer_actions["bookmark_remove"].trigger()
    qtbot.waitUntil(lambda: _section(explorer) == ["Local files", "Pictures"], timeout=WAIT)
    assert [b.name for b in BookmarkStore.beside(store.path).bookmarks()] == ["Local files", "Pictures"]


def test_the_tree_context_menu_of_a_bookmark(explorer: Explorer, qtbot: Any) -> None:
    from storebrowser.ui.chrome import TREE_MENUS, names

    assert {"bookmark_rename", "bookmark_up", "bookmark_down", "bookmark_remove"} <= set(
        n for n in names(TREE_MENUS[NodeKind.BOOKMARK]) if n
    )


def test_at_name_in_the_path_bar(qtbot: Any, explorer: Explorer, tmp_path: Path) -> None:
    window = explorer.window
    window.navigate(Location("Local files", "photos"))
    window.explorer_actions["bookmark_add"].trigger()
    qtbot.waitUntil(lambda: _section(explorer) == ["photos"], timeout=WAIT)
    window.navigate(Location("Local files"))
    window.pathbar.start_editing()
    window.pathbar.editor.setText("@photos/2024")
    qtbot.keyClick(window.pathbar.editor, Qt.Key.Key_Return)
    assert window.location == Location("Local files", "photos", "2024/")

    shown: list[str] = []
    window.pathbar.invalid.connect(shown.append)
    window.pathbar.start_editing()
    window.pathbar.editor.setText("@nope")
    qtbot.keyClick(window.pathbar.editor, Qt.Key.Key_Return)
    assert shown == ["no bookmark named @nope (bookmarks: @photos)"]


def test_a_bookmark_of_a_gone_account_says_so(qtbot: Any, explorer: Explorer) -> None:
    marks = _marks(explorer)
    marks.store.add("old", "Ghost:box/")
    marks.reload()
    qtbot.waitUntil(lambda: _section(explorer) == ["old"], timeout=WAIT)
    model = explorer.window.tree_model
    index = model.index(0, 0, model.bookmarks_index())
    assert "There is no account Ghost any more." in str(model.data(index, Qt.ItemDataRole.ToolTipRole))
