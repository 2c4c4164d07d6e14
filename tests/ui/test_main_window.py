"""The explorer window as a person uses it: tree, table, path bar, history, errors.
Against the local provider and every real test server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QToolButton

from storebrowser.accounts.pool import ProviderPool
from storebrowser.core.places import Location
from storebrowser.transfers import sending
from storebrowser.ui.application import Explorer
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.places.tree_model import AccountEntry, LoadState, NodeKind
from storebrowser.ui.uistate import UiState
from tests.ui.servers import SERVER_ACCOUNTS, server_account, temporary_container

WAIT = 15_000


def wait_listed(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.object_model.loading and window.object_model.provider is not None,
                    timeout=WAIT)  # fmt: skip


def table_names(window: MainWindow) -> list[str]:
    model = window.object_model
    return [model.info(row).name for row in range(model.rowCount())]


def test_tree_then_table_then_folders_and_history(qtbot, make_explorer, local_account: AccountEntry) -> None:
    explorer: Explorer = make_explorer()
    window = explorer.window
    window.navigate(Location("Local files"))
    qtbot.waitUntil(lambda: window.container_model.rowCount() == 2, timeout=WAIT)
    assert window.stack.currentWidget() is window.containers_table
    assert [window.container_model.container_at(r).name for r in range(2)] == ["documents", "photos"]

    # Enter a container from the account view (double-click / Enter).
    window.containers_table.selectRow(0)
    window.open_selected()
    assert window.location == Location("Local files", "documents")
    wait_listed(qtbot, window)
    assert "drafts/" in table_names(window)
    assert window.tree_model.location_at(window.tree.currentIndex()) == Location("Local files", "documents")

    # Into a pseudo-folder from the table; the path bar follows, the tree learns it.
    row = table_names(window).index("drafts/")
    window.table.selectRow(row)
    window.open_selected()
    assert window.location == Location("Local files", "documents", "drafts/")
    wait_listed(qtbot, window)
    assert table_names(window) == ["a.txt"]
    crumbs = [button.text() for button in window.pathbar.crumb_buttons()]
    assert crumbs == ["Local files", "documents", "drafts"]
    qtbot.waitUntil(
        lambda: window.tree_model.location_at(window.tree.currentIndex()) == window.location, timeout=WAIT
    )

    # Up, Back, Forward.
    window.go_up()
    assert window.location == Location("Local files", "documents")
    window.go_back()
    assert window.location == Location("Local files", "documents", "drafts/")
    window.go_back()
    window.go_back()
    assert window.location == Location("Local files")
    window.go_forward()
    assert window.location == Location("Local files", "documents")
    assert window.explorer_actions["back"].isEnabled() and window.explorer_actions["forward"].isEnabled()

    # A crumb is a way back up.
    account_crumb = next(b for b in window.pathbar.findChildren(QToolButton) if b.text() == "Local files")
    account_crumb.click()
    assert window.location == Location("Local files")


def test_typed_place_in_the_path_bar(qtbot, make_explorer, local_account: AccountEntry) -> None:
    window = make_explorer().window
    window.navigate(Location("Local files"))
    window.explorer_actions["focus_path"].trigger()
    editor = window.pathbar.editor
    assert editor.isVisible() and editor.text() == "Local files:"
    editor.setText("photos/2024")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.location == Location("Local files", "photos", "2024/")
    wait_listed(qtbot, window)
    assert table_names(window) == ["cat.jpg"]


def test_a_broken_account_shows_its_error_on_the_node_and_in_the_strip(
    qtbot, make_explorer, local_account: AccountEntry, broken_account: AccountEntry
) -> None:
    window = make_explorer().window
    window.navigate(Location("Broken"))
    index = window.tree_model.index_of(Location("Broken"))
    qtbot.waitUntil(lambda: window.tree_model.state_at(index) is LoadState.ERROR, timeout=WAIT)
    assert "cannot connect" in window.tree_model.data(index)
    qtbot.waitUntil(window.messages.isVisible, timeout=WAIT)
    assert "Opening the folder" in window.messages.text
    # The other account still works: no dialog storm, no frozen window.
    window.navigate(Location("Local files", "photos"))
    wait_listed(qtbot, window)
    assert table_names(window) == ["2024/"]


def test_actions_follow_capabilities_and_selection(qtbot, make_explorer, local_account: AccountEntry) -> None:
    window = make_explorer().window
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    actions = window.explorer_actions
    assert not actions["delete"].isEnabled() and "Select" in actions["delete"].toolTip()
    assert actions["upload_files"].isEnabled() and actions["new_folder"].isEnabled()
    window.table.selectRow(table_names(window).index("file-0003.txt"))
    assert actions["delete"].isEnabled() and actions["properties"].isEnabled()
    # The local folder cannot make time-limited URLs: disabled, and the tooltip says why.
    assert not actions["share_url"].isEnabled()
    assert "does not support time-limited URLs" in actions["share_url"].toolTip()
    window.table.selectAll()
    assert not actions["rename"].isEnabled() and "exactly one" in actions["rename"].toolTip()
    assert "selected" in window.selection_label.text()


def test_the_preview_opening_beside_the_objects_leaves_the_tree_its_width(
    qtbot, make_explorer, local_account: AccountEntry
) -> None:
    """The stack is as wide as the page shown needs: a hidden page (the Versions pane's row
    of buttons) squeezed the tree to 70 px and widened the window past what was asked."""
    explorer: Explorer = make_explorer()
    window = explorer.window
    window.resize(1200, 800)
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    tree_before = window.splitter.sizes()[0]
    explorer.preview.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: explorer.preview.isVisible(), timeout=WAIT)
    qtbot.wait(50)  # the dock's layout settles on the next turn
    assert window.width() == 1200
    assert window.splitter.sizes()[0] == tree_before


def test_layout_is_remembered(
    qtbot, runner, pool: ProviderPool, local_account: AccountEntry, tmp_path
) -> None:
    state = UiState(tmp_path / "window.json")
    first = MainWindow([local_account], runner, pool, state=state)
    qtbot.addWidget(first)
    first.show()
    first.table.horizontalHeader().resizeSection(1, 177)
    first.table.horizontalHeader().moveSection(4, 1)
    first.splitter.setSizes([333, 700])
    first.navigate(Location("Local files", "photos"))
    first.close()
    runner.wait_idle()
    qtbot.waitUntil(lambda: (tmp_path / "window.json").exists(), timeout=WAIT)
    again = MainWindow([local_account], runner, pool, state=UiState.load(tmp_path / "window.json"))
    qtbot.addWidget(again)
    again.show()
    header = again.table.horizontalHeader()
    assert header.sectionSize(1) == 177
    assert header.visualIndex(4) == 1
    assert again.splitter.sizes()[0] == 333
    assert UiState.load(tmp_path / "window.json").get("location") == "Local files:photos/"


# -- every real server ----------------------------------------------------------------


@pytest.fixture(params=SERVER_ACCOUNTS)
def server_explorer(
    request, add_account, make_explorer, pool: ProviderPool
) -> Iterator[tuple[Explorer, str]]:
    account = server_account(request, request.param)
    add_account(account.name, account.kind, account.settings)
    provider = pool.get(account.name)
    with temporary_container(provider) as container:
        for key in ("top.txt", "docs/a.txt", "docs/b.txt", "docs/deep/c.txt", "pics/p.png"):
            sending.upload_bytes(provider, container, key, key.encode())
        yield make_explorer(), container


def _child(window: MainWindow, parent: QModelIndex, label: str) -> QModelIndex:
    model = window.tree_model
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if model.data(index, Qt.ItemDataRole.EditRole) == label:
            return index
    return QModelIndex()


def test_browse_a_real_server_through_the_tree(qtbot, server_explorer) -> None:
    explorer, container = server_explorer
    window = explorer.window
    model = window.tree_model
    account = model.index(0, 0)
    window.tree.expand(account)
    qtbot.waitUntil(lambda: _child(window, account, container).isValid(), timeout=WAIT)
    node = _child(window, account, container)
    assert model.kind_at(node) is NodeKind.CONTAINER
    window.tree.setCurrentIndex(node)  # the person clicks the container
    wait_listed(qtbot, window)
    assert table_names(window) == ["docs/", "pics/", "top.txt"]
    window.tree.expand(node)  # its folders load into the tree
    qtbot.waitUntil(
        lambda: model.state_at(_child(window, account, container)) is LoadState.LOADED, timeout=WAIT
    )
    node = _child(window, account, container)
    docs = _child(window, node, "docs")
    assert docs.isValid() and _child(window, node, "pics").isValid()
    window.tree.setCurrentIndex(docs)
    wait_listed(qtbot, window)
    assert window.location == Location(window.location.account, container, "docs/")
    assert table_names(window) == ["deep/", "a.txt", "b.txt"]  # folders first, as file managers do
    assert "3 items" in window.status_label.text()


def test_the_accounts_dialog_changes_the_tree(
    qtbot, make_explorer, local_account, add_account, store, pool, tmp_path
):
    from storebrowser.accounts import Account
    from storebrowser.ui.application import AccountsAction

    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location("Local files", "photos"))
    wait_listed(qtbot, window)
    action = window.findChild(AccountsAction)
    dialog = action.open()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    before = window.pool.cached("Local files")
    assert before is not None
    # As if saved in the dialog: a new account, and "Local files" pointed elsewhere.
    add_account("Second", "local", {"root": str(tmp_path / "second")})
    store.save(Account("Local files", "local", {"root": str(tmp_path / "elsewhere")}))
    dialog.accountsChanged.emit()
    qtbot.waitUntil(lambda: window.tree_model.account_names() == ["Local files", "Second"], timeout=WAIT)
    # Closed; whatever opens it next gets the new folder.
    assert window.pool.cached("Local files") is not before
    assert window.pool.get("Local files").root == tmp_path / "elsewhere"
    store.remove("Second")
    dialog.accountsChanged.emit()
    qtbot.waitUntil(lambda: window.tree_model.account_names() == ["Local files"], timeout=WAIT)
    dialog.close()


def test_filter_while_typing_and_search_the_server_on_enter(qtbot, make_explorer, local_account) -> None:
    window = make_explorer().window
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    window.activateWindow()
    window.explorer_actions["focus_filter"].trigger()  # Ctrl+F, as a person would
    qtbot.waitUntil(window.filter_box.hasFocus, timeout=WAIT)
    qtbot.keyClicks(window.filter_box, "FILE-011")  # any case, any part of the name
    qtbot.waitUntil(lambda: window.object_model.rowCount() == 10, timeout=WAIT)
    assert table_names(window) == [f"file-011{n}.txt" for n in range(10)]
    assert "10 of 1,201 items match" in window.status_label.text()
    window.filter_box.setText("file-05")
    qtbot.keyClick(window.filter_box, Qt.Key.Key_Return)  # the server lists that prefix
    assert window.filter_box.text() == ""
    wait_listed(qtbot, window)
    assert window.object_model.search_text == "file-05"
    assert window.object_model.loaded_count == 100
    assert "names starting with" in window.status_label.text()
    window.refresh()
    wait_listed(qtbot, window)
    assert window.object_model.loaded_count == 1201


def _painted_text_pixels(view) -> int:
    """Pixels in the middle band of the viewport that differ from its background."""
    image = view.viewport().grab().toImage()
    background = image.pixelColor(2, 2)
    middle = image.height() // 2
    return sum(
        image.pixelColor(x, y) != background
        for y in range(middle - 30, middle + 30, 2)
        for x in range(0, image.width(), 3)
    )


def test_an_empty_place_says_why_and_what_to_do(
    qtbot, make_explorer, local_account, local_root, add_account, tmp_path
) -> None:
    (local_root / "empty").mkdir()
    window = make_explorer().window
    window.navigate(Location("Local files", "empty"))
    wait_listed(qtbot, window)
    qtbot.waitUntil(lambda: "container is empty" in window.table.empty_text(), timeout=WAIT)
    qtbot.waitUntil(lambda: _painted_text_pixels(window.table) > 20, timeout=WAIT)

    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    window.filter_box.setText("no-such-name")
    qtbot.waitUntil(lambda: window.object_model.rowCount() == 0, timeout=WAIT)
    assert "no-such-name" in window.table.empty_text()
    qtbot.waitUntil(lambda: _painted_text_pixels(window.table) > 20, timeout=WAIT)
    window.filter_box.clear()

    window.navigate(Location("Local files", "documents", "drafts/"))
    wait_listed(qtbot, window)
    qtbot.waitUntil(lambda: window.object_model.rowCount() == 1, timeout=WAIT)
    assert "folder is empty" in window.table.empty_text()  # computed, yet one row is there,
    assert _painted_text_pixels(window.table) == 0  # so the middle stays blank

    (tmp_path / "bare").mkdir()
    add_account("Bare", "local", {"root": str(tmp_path / "bare")})
    window.set_accounts([local_account, AccountEntry("Bare", "Local folder")])
    window.navigate(Location("Bare"))
    qtbot.waitUntil(lambda: "No containers yet" in window.containers_table.empty_text(), timeout=WAIT)
    qtbot.waitUntil(lambda: _painted_text_pixels(window.containers_table) > 20, timeout=WAIT)


def test_select_all_is_counted_from_the_selection_ranges(qtbot, make_explorer, local_account) -> None:
    window = make_explorer().window
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    window.table.selectAll()
    summary = window.selection_summary()
    assert (summary.count, summary.folders) == (1201, 1)  # drafts/ is a folder
    assert summary.size == sum(i % 7 for i in range(1200))  # a folder adds nothing itself
    assert window.selection_label.text().startswith("1,201 selected")
    assert window.explorer_actions["delete"].isEnabled() and window.explorer_actions["properties"].isEnabled()
    assert not window.explorer_actions["rename"].isEnabled()

    # Overlapping ranges (Ctrl-click over a range) count each row once.
    model, selection = window.object_model, window.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.clearSelection()
    for first, last in ((1, 10), (6, 15)):
        block = QItemSelection(model.index(first, 0), model.index(last, model.columnCount() - 1))
        selection.select(block, flags.Select)
    assert window.selection_summary().count == 15
    assert [info.name for info in window.selected_objects()] == [f"file-{i:04}.txt" for i in range(15)]

    selection.clearSelection()
    window.table.selectRow(0)  # drafts/: Enter goes in
    window.open_selected()
    assert window.location == Location("Local files", "documents", "drafts/")
