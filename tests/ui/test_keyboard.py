"""The keyboard reaches everything: Tab goes from panel to panel (not cell to cell) and
reaches the filter, the preview and the transfers; Esc clears the filter; going up selects
the folder one came from; the Accounts dialog tabs from the list into the form; Help lists
the keys and says what StoreBrowser runs on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QTreeWidget, QWidget

from storebrowser.core.places import Location
from storebrowser.core.versions import installed
from tests.ui.accounts_support import open_dialog
from tests.ui.test_operations import wait_listed

WAIT = 20_000


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_stops(qtbot: Any, start: QWidget, presses: int) -> list[QWidget]:
    """The widgets Tab visits from ``start`` (itself first)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=WAIT)
    stops = [focused()]
    for _ in range(presses):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        stops.append(focused())
    return stops


def active(qtbot: Any, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)


def inside(widget: QWidget, ancestor: QWidget) -> bool:
    return widget is ancestor or ancestor.isAncestorOf(widget)


def test_tab_goes_from_panel_to_panel(qtbot, make_explorer, local_account) -> None:
    explorer = make_explorer()
    window = explorer.window
    explorer.preview.show()
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    active(qtbot, window)
    window.table.setCurrentIndex(window.object_model.index(3, 1))
    stops = tab_stops(qtbot, window.tree, 12)
    assert stops[:3] == [window.tree, window.filter_box, window.table]
    assert inside(stops[3], explorer.preview)  # the table is left after one Tab, not cell by cell
    assert window.table.currentIndex().row() == 3
    assert explorer.transfers.view in stops
    assert stops.index(explorer.transfers.view) > 3

    window.navigate(Location("Local files"))
    qtbot.waitUntil(lambda: window.container_model.rowCount() > 0, timeout=WAIT)
    stops = tab_stops(qtbot, window.containers_table, 1)
    assert stops[1] is not window.containers_table


def test_esc_clears_the_filter_then_gives_the_list_the_focus(qtbot, make_explorer, local_account) -> None:
    window = make_explorer().window
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    active(qtbot, window)
    box, model = window.filter_box, window.object_model
    box.setFocus()
    qtbot.keyClicks(box, "file-000")
    qtbot.waitUntil(lambda: model.filter_text == "file-000", timeout=WAIT)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    qtbot.waitUntil(lambda: model.filter_text == "", timeout=WAIT)
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert window.table.hasFocus()

    # A search on the server (Enter) ends with Esc too.
    box.setFocus()
    qtbot.keyClicks(box, "file-01")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.search_text == "file-01" and not model.loading, timeout=WAIT)
    assert model.rowCount() == 100
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: model.search_text == "" and model.rowCount() > 100, timeout=WAIT)


def selected_keys(window) -> list[str]:
    return [info.key for info in window.selected_objects()]


def test_going_up_selects_where_one_came_from(qtbot, make_explorer, local_account) -> None:
    window = make_explorer().window
    window.navigate(Location("Local files", "photos", "2024/"))
    wait_listed(qtbot, window)
    window.explorer_actions["up"].trigger()
    qtbot.waitUntil(lambda: selected_keys(window) == ["2024/"], timeout=WAIT)
    assert window.table.currentIndex().row() == window.object_model.row_of_key("2024/")

    window.explorer_actions["up"].trigger()  # to the account: the container is chosen
    qtbot.waitUntil(lambda: window.selected_containers() == ["photos"], timeout=WAIT)

    # Into a folder of a long listing and back: the folder, not the first row.
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    window.navigate(Location("Local files", "documents", "drafts/"))
    wait_listed(qtbot, window)
    window.go_back()
    assert window.location == Location("Local files", "documents")
    qtbot.waitUntil(lambda: selected_keys(window) == ["drafts/"], timeout=WAIT)

    # Down (not up) selects nothing of its own accord.
    window.navigate(Location("Local files", "photos"))
    wait_listed(qtbot, window)
    assert selected_keys(window) == []


def test_the_accounts_dialog_tabs_from_the_list_into_the_form(
    qtbot, store, runner, local_account, tmp_path
) -> None:
    dialog = open_dialog(qtbot, store, runner, import_source=lambda: None)
    active(qtbot, dialog)
    dialog.list_view.setCurrentIndex(dialog.list_model.index(0, 0))
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.isVisible(), timeout=WAIT)
    form = dialog.form
    stops = tab_stops(qtbot, dialog.list_view, 12)
    assert stops[1] is form.name_edit
    test_at = stops.index(dialog.test_button)
    assert all(inside(stop, form) for stop in stops[1:test_at])  # every field, before any button
    assert stops.index(dialog.close_button) > test_at
    assert stops.index(dialog.add_button) > stops.index(dialog.close_button)


def test_help_lists_the_keys_and_the_versions(qtbot, make_explorer, local_account) -> None:
    window = make_explorer().window
    assert [a.text() for a in window.menuBar().actions()][-1] == "&Help"
    window.explorer_actions["shortcuts"].trigger()
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    tree = dialog.findChild(QTreeWidget)
    rows = {
        tree.topLevelItem(group).child(row).text(0): tree.topLevelItem(group).child(row).text(1)
        for group in range(tree.topLevelItemCount())
        for row in range(tree.topLevelItem(group).childCount())
    }
    assert rows["Delete"] == "Del" and rows["Preview"] == "F3" and rows["Transfers"] == "Ctrl+J"
    assert rows["Show or hide the preview"] == "Space"
    assert "Keyboard Shortcuts" in rows  # F1 itself

    window.explorer_actions["about"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "aboutBox") is not None, timeout=WAIT)
    text = window.findChild(QMessageBox, "aboutBox").text()
    assert "Qt 6." in text and "PySide6 6." in text
    assert f"boto3 {installed()['boto3']}" in text and "python-swiftclient" in text


def test_versions_of_what_is_not_installed_say_so() -> None:
    found = installed(("boto3", "no-such-distribution-here"))
    assert found["boto3"] and found["no-such-distribution-here"] is None
