"""The object table's paint goes before a worker's conversion of a listing page: while
the view paints, workers that step aside (``core.gui_turn``) wait (issue 25: stalls)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from storebrowser.core.gui_turn import GUI_TURN
from storebrowser.ui.objects.views import ObjectTableView


class _Recording(QAbstractTableModel):
    """Three cells; records whether the GUI's turn was marked each time one is read."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[bool] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            self.seen.append(GUI_TURN.busy)
            return f"row {index.row()}"
        return None


def test_the_object_table_marks_its_paint(qtbot: Any) -> None:
    view = ObjectTableView()
    qtbot.addWidget(view)
    model = _Recording()
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    qtbot.waitUntil(lambda: bool(model.seen))  # painted once
    model.seen.clear()
    view.viewport().repaint()
    assert model.seen and all(model.seen)  # every cell painted while workers step aside
    assert not GUI_TURN.busy  # and not after
