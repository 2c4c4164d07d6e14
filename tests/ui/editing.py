"""Helpers of the metadata editor, upload options and preview tests: an explorer on one
account of each kind with a fresh container, another client of the same store, and
widget driving as a person does it (typing into fields and table cells)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from storebrowser.core.errors import NotFound
from storebrowser.core.places import Location
from storebrowser.providers.base import Provider
from storebrowser.ui.application import Explorer
from storebrowser.ui.properties.metadata_editor import MetadataEditor
from tests.providers.other_clients import OtherClient, other_client
from tests.ui.servers import SERVER_ACCOUNTS, server_account, unique_name
from tests.ui.test_operations import select_names, wait_listed

WAIT = 30_000
BACKENDS = ["local", *SERVER_ACCOUNTS]


@dataclass
class Place:
    """The explorer showing a fresh container of account ``account``."""

    backend: str
    explorer: Explorer
    account: str
    container: str
    provider: Provider  # the window's own (the pool's)
    other: OtherClient

    def open(self, qtbot) -> None:
        window = self.explorer.window
        window.navigate(Location(self.account, self.container))
        wait_listed(qtbot, window)

    def editor_for(self, qtbot, *names: str) -> MetadataEditor:
        self.open(qtbot)
        return open_editor(qtbot, self.explorer, *names)


def open_editor(qtbot, explorer: Explorer, *names: str) -> MetadataEditor:
    """Select ``names`` in the table, trigger Properties, wait until it has read."""
    window, ops = explorer.window, explorer.operations
    select_names(window, *names)
    shown: list[MetadataEditor] = []
    ops.show_dialog = lambda dialog: (shown.append(dialog), dialog.show())  # type: ignore[method-assign]
    assert window.explorer_actions["properties"].isEnabled(), window.explorer_actions["properties"].toolTip()
    window.explorer_actions["properties"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    editor = shown[0]
    qtbot.addWidget(editor)
    wait_read(qtbot, editor)
    return editor


@pytest.fixture(name="place")
def place_fixture(request, add_account, make_explorer, pool, tmp_path: Path) -> Iterator[Place]:
    """Parametrize ``backend`` over ``BACKENDS`` (indirectly, through the test's params)."""
    backend = request.param
    if backend == "local":
        name, kind, settings = "Here", "local", {"root": str(tmp_path / "root")}
    else:
        account = server_account(request, backend)
        name, kind, settings = account.name, account.kind, account.settings
    add_account(name, kind, settings)
    provider = pool.get(name)
    container = unique_name()
    provider.create_container(container)
    try:
        yield Place(
            backend, make_explorer(), name, container, provider, other_client(backend, request, provider)
        )
    finally:
        with contextlib.suppress(NotFound):
            provider.delete_container(container, force=True)


def wait_read(qtbot, editor: MetadataEditor) -> None:
    qtbot.waitUntil(lambda: editor.selection is not None or editor.messages.isVisible(), timeout=WAIT)
    assert editor.selection is not None, editor.messages.text


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    """Replace the field's text by typing, as a person does (emits textEdited)."""
    field.selectAll()
    if not text:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    elif text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest types ASCII only: the key events a keyboard layout would send
        for char in text:
            QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                    Qt.KeyboardModifier.NoModifier, char))  # fmt: skip


def edit_cell(qtbot, view: QAbstractItemView, index: QModelIndex, text: str) -> None:
    """Open the cell's editor (the delegate's line edit), type, press Enter."""

    def open_editors() -> list[QLineEdit]:
        return [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]

    if not open_editors():  # Add opens the new key's editor itself
        view.setCurrentIndex(index)
        view.edit(index)
    editors = open_editors()
    assert len(editors) == 1, "no cell editor opened"
    editor = editors[0]
    type_into(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model().data(index, Qt.ItemDataRole.EditRole) == text, timeout=WAIT)


def row_of(editor: MetadataEditor, key: str) -> int:
    return next(n for n, row in enumerate(editor.model.rows()) if row.key == key)


def add_metadata(qtbot, editor: MetadataEditor, key: str, value: str) -> None:
    """The Add button, then the new row's key and value typed in."""
    table = editor.table
    table.add_button.click()
    row = editor.model.rowCount() - 1
    edit_cell(qtbot, table.view, editor.model.index(row, 0), key)
    edit_cell(qtbot, table.view, editor.model.index(row, 1), value)


def remove_metadata(editor: MetadataEditor, key: str) -> None:
    table = editor.table
    table.view.selectRow(row_of(editor, key))
    table.remove_button.click()
