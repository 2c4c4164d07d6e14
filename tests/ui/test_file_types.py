"""Every file does not look the same: an icon by type (the theme's, or the built-in set
where there is none, as offscreen), a type's name ("PDF document") with the MIME type in
the tooltip, long names cut in the middle; and a million-row table stays cheap: a type is
looked up once, however many rows have it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from storebrowser.core.places import Location
from storebrowser.table.order import Column
from storebrowser.ui import file_types
from tests.ui.test_operations import wait_listed

Role = Qt.ItemDataRole


def _row(window, name: str) -> int:
    model = window.object_model
    return next(row for row in range(model.rowCount()) if model.info(row).name == name)


def test_icons_and_names_by_type(qtbot, make_explorer, local_account, local_root) -> None:
    docs = local_root / "mixed"
    docs.mkdir()
    long_name = "Quarterly report for the board of directors, final version 3.pdf"
    for name in (long_name, "holiday.png", "notes.txt", "data.bin", "letter.docx"):
        (docs / name).write_bytes(b"x")
    window = make_explorer().window
    window.navigate(Location("Local files", "mixed"))
    wait_listed(qtbot, window)
    model = window.object_model

    def cell(name: str, column: Column, role: Role = Role.DisplayRole) -> object:
        return model.data(model.index(_row(window, name), column), role)

    assert cell(long_name, Column.TYPE) == "PDF document"
    assert "application/pdf" in str(cell(long_name, Column.TYPE, Role.ToolTipRole))
    assert cell("holiday.png", Column.TYPE) == "PNG image"
    assert cell("letter.docx", Column.TYPE).startswith("Word")
    keys = {name: cell(name, Column.NAME, Role.DecorationRole).cacheKey()
            for name in (long_name, "holiday.png", "notes.txt", "data.bin")}  # fmt: skip
    assert len(set(keys.values())) == 4, "each kind of file has an icon of its own"
    pdf = cell(long_name, Column.NAME, Role.DecorationRole).pixmap(16, 16).toImage()
    assert len({pdf.pixel(x, y) for x in range(16) for y in range(16)}) > 4  # drawn, not blank
    assert window.table.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_a_type_is_looked_up_once_however_many_rows(qtbot, make_explorer, local_account, monkeypatch) -> None:
    calls: list[str] = []
    look_up, from_extension = file_types._look_up, file_types._from_extension

    def counted(content_type: str) -> file_types.FileType:
        calls.append(content_type)
        return look_up(content_type)

    def counted_extension(extension: str, said: str) -> file_types.FileType:
        calls.append(extension)
        return from_extension(extension, said)

    monkeypatch.setattr(file_types, "_look_up", counted)
    monkeypatch.setattr(file_types, "_from_extension", counted_extension)
    file_types._by_type.clear()  # caches: filled again as needed
    file_types._by_extension.clear()
    window = make_explorer().window
    window.navigate(Location("Local files", "documents"))  # 1,200 text files and a folder
    wait_listed(qtbot, window)
    model = window.object_model
    for row in range(model.rowCount()):
        for column in (Column.NAME, Column.TYPE):
            for role in (Role.DisplayRole, Role.DecorationRole, Role.ToolTipRole):
                model.data(model.index(row, column), role)
    assert model.rowCount() == 1201
    assert len(calls) <= 2, calls  # text/plain (and its extension at most): not one per row
