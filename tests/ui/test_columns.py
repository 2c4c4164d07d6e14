"""Columns: a header menu shows, hides and resets them, per kind of service and
remembered; what a service never fills is hidden until asked for (Storage class on Swift
and local folders, ETag everywhere, an S3 bucket list's counts, sizes and regions); Name
and Modified stay in view when the preview opens."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from storebrowser.core.places import Location
from storebrowser.table.order import Column
from storebrowser.transfers import sending
from storebrowser.ui.objects.containers import CONTAINER_COLUMNS
from tests.ui.servers import server_account, temporary_container
from tests.ui.test_operations import wait_listed

WAIT = 20_000


def _hidden(table) -> set[int]:
    header = table.horizontalHeader()
    return {column for column in range(header.count()) if header.isSectionHidden(column)}


def _in_view(table, column: int) -> bool:
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    return (
        not header.isSectionHidden(column)
        and left >= 0
        and left + header.sectionSize(column) <= (table.viewport().width())
    )


def test_the_header_menu_shows_hides_and_resets_per_kind(
    qtbot, request, make_explorer, local_account, add_account
) -> None:
    s3 = server_account(request, "s3_moto")
    add_account(s3.name, s3.kind, s3.settings)
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    never_filled = {Column.STORAGE_CLASS, Column.ETAG, Column.ARCHIVE}
    assert _hidden(window.table) == never_filled  # local: no classes, no archive
    menu = window.object_columns.menu()
    entries = {action.text(): action for action in menu.actions() if action.isCheckable()}
    assert list(entries) == ["Name", "Size", "Modified", "Type", "Storage class", "ETag", "Archive status"]
    assert not entries["Name"].isEnabled()
    entries["Size"].toggle()
    entries["ETag"].toggle()
    assert _hidden(window.table) == {Column.SIZE, Column.STORAGE_CLASS, Column.ARCHIVE}

    provider = window.pool.get(s3.name)
    with temporary_container(provider) as bucket:
        sending.upload_bytes(provider, bucket, "a.txt", b"a")
        window.navigate(Location(s3.name, bucket))
        wait_listed(qtbot, window)
        assert _hidden(window.table) == {Column.ETAG}  # S3 listings give a class and archive status
        window.navigate(Location("Local files", "documents"))
        assert _hidden(window.table) == {Column.SIZE, Column.STORAGE_CLASS, Column.ARCHIVE}  # local's
        reset = next(a for a in window.object_columns.menu().actions() if a.objectName() == "resetColumns")
        reset.trigger()
        assert _hidden(window.table) == never_filled
        window.object_columns.set_hidden(Column.MODIFIED, True)
        window.close()  # remembered with the window's layout

        again = make_explorer()
        again.window.ui_state = window.ui_state
        again.window.object_columns.state = window.ui_state
        again.window.navigate(Location("Local files", "documents"))
        assert _hidden(again.window.table) == {Column.MODIFIED, *never_filled}

        # The bucket list: moto fills names and dates only.
        again.window.navigate(Location(s3.name))
        qtbot.waitUntil(lambda: again.window.container_model.rowCount() > 0, timeout=WAIT)
        hidden = {CONTAINER_COLUMNS[c] for c in _hidden(again.window.containers_table)}
        assert hidden == {"Objects", "Size", "Region"}


def test_swift_containers_show_their_counts(qtbot, make_explorer, swift_account) -> None:
    name, provider = swift_account
    with temporary_container(provider) as container:
        sending.upload_bytes(provider, container, "a.txt", b"abc")
        window = make_explorer().window
        window.navigate(Location(name))
        qtbot.waitUntil(lambda: window.container_model.rowCount() > 0, timeout=WAIT)
        hidden = {CONTAINER_COLUMNS[c] for c in _hidden(window.containers_table)}
        assert "Objects" not in hidden and "Size" not in hidden
        window.navigate(Location(name, container))
        wait_listed(qtbot, window)
        assert _hidden(window.table) == {Column.STORAGE_CLASS, Column.ETAG, Column.ARCHIVE}  # no archive


def test_name_and_modified_stay_in_view_when_the_preview_opens(qtbot, make_explorer, local_account) -> None:
    explorer = make_explorer()
    window = explorer.window
    window.resize(1200, 720)
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    explorer.preview.toggleViewAction().trigger()
    qtbot.waitUntil(explorer.preview.isVisible, timeout=WAIT)
    QApplication.processEvents()
    assert _in_view(window.table, Column.NAME) and _in_view(window.table, Column.MODIFIED)
    assert window.table.horizontalHeader().sectionSize(Column.NAME) >= 160
    explorer.preview.toggleViewAction().trigger()  # closed: Name gets its width back
    qtbot.waitUntil(lambda: window.table.horizontalHeader().sectionSize(Column.NAME) == 300, timeout=WAIT)
