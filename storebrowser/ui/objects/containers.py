"""Right pane at account level: the account's containers as rows (a few hundred at most,
so plain Python rows are fine here; the tree lists them, this model only shows them)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from storebrowser.core.display import display_text
from storebrowser.core.types import ContainerInfo
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.ui.format import human_size, local_time, number

AnyIndex = QModelIndex | QPersistentModelIndex
CONTAINER_COLUMNS = (
    QT_TRANSLATE_NOOP("ContainerTableModel", "Name"),
    QT_TRANSLATE_NOOP("ContainerTableModel", "Objects"),
    QT_TRANSLATE_NOOP("ContainerTableModel", "Size"),
    QT_TRANSLATE_NOOP("ContainerTableModel", "Created"),
    QT_TRANSLATE_NOOP("ContainerTableModel", "Region"),
)


class ContainerTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ContainerInfo] = []
        self._sort = (0, Qt.SortOrder.AscendingOrder)

    def set_containers(self, containers: Sequence[ContainerInfo]) -> None:
        self.beginResetModel()
        self._rows = list(containers)
        self._apply_sort()
        self.endResetModel()

    def empty_columns(self) -> set[int]:
        """Columns no container fills (an S3 bucket list has no counts, sizes or, off AWS,
        regions): hidden until the user asks for them."""
        return {
            column
            for column in range(1, len(CONTAINER_COLUMNS))
            if not any(self._display(info, column) for info in self._rows)
        }

    def container_at(self, row: int) -> ContainerInfo:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(CONTAINER_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(CONTAINER_COLUMNS):
            return self.tr(CONTAINER_COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:  # Swift names may hold control characters
            return display_text(self._display(info, column))
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and info.bytes_used is not None:
            return self.tr("{n} bytes").format(n=number(info.bytes_used))
        return None

    @staticmethod
    def _display(info: ContainerInfo, column: int) -> str:
        if column == 0:
            return info.name
        if column == 1:
            return "" if info.object_count is None else number(info.object_count)
        if column == 2:
            return "" if info.bytes_used is None else human_size(info.bytes_used)
        if column == 3:
            return local_time(info.created)
        return info.region or ""

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = {id(info): row for row, info in enumerate(self._rows)}
        self._sort = (column, order)
        self._apply_sort()
        moved = {before[id(info)]: row for row, info in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(moved[index.row()], index.column()) for index in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        keys = {
            0: lambda c: c.name,
            1: lambda c: c.object_count or 0,
            2: lambda c: c.bytes_used or 0,
            3: lambda c: c.created.timestamp() if c.created else 0.0,
            4: lambda c: c.region or "",
        }
        self._rows.sort(key=keys.get(column, keys[0]), reverse=order == Qt.SortOrder.DescendingOrder)
