"""The versions table: the rows of ``rows.RowBuilder`` as a Qt model, filled page by page
from a listing on a worker (``TaskRunner.run_feed``: one page of one folder level per
request, never a scan of the container), the older page feeds abandoned on a new one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from storebrowser.core.display import display_text
from storebrowser.core.errors import Cancelled
from storebrowser.core.types import ObjectVersion
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.format import human_size, local_time
from storebrowser.ui.versions.rows import RowBuilder, RowKind, VersionRow

COLUMNS = (
    QT_TRANSLATE_NOOP("VersionsModel", "Name"),
    QT_TRANSLATE_NOOP("VersionsModel", "Modified"),
    QT_TRANSLATE_NOOP("VersionsModel", "Size"),
    QT_TRANSLATE_NOOP("VersionsModel", "State"),
    QT_TRANSLATE_NOOP("VersionsModel", "Version"),
)
#: Entries asked by the first request (the first rows show after it: 200 met 0.3 s on a
#: 100,000-version folder in bench/versions.py where 1,000 did not), then per request.
FIRST_PAGE, PAGE = 200, 1000
_Index = QModelIndex | QPersistentModelIndex


class VersionsModel(QAbstractTableModel):
    #: The listing finished (``""``) or failed (the message).
    finished = Signal(str)
    pageLoaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.rows: list[VersionRow] = []
        self._builder = RowBuilder()
        self._generation = 0
        self.loading = False

    # -- listing ------------------------------------------------------------------------

    def open(self, provider: Provider, container: str, prefix: str, *, only_key: str | None = None) -> None:
        """List the versions under ``prefix`` one folder level deep (of ``only_key`` alone
        when given), replacing what is shown."""
        self._generation += 1
        generation = self._generation
        self.beginResetModel()
        self.rows = []
        self._builder = RowBuilder(only_key)
        self.endResetModel()
        self.loading = True

        def produce(emit: Callable[[list[ObjectVersion] | None], None]) -> None:
            token: str | None = None
            while True:
                if generation != self._generation:
                    raise Cancelled("a newer listing replaced this one")
                limit = PAGE if token else FIRST_PAGE
                page = provider.list_versions_page(container, prefix, "/", token, limit)
                emit(list(page.entries))
                token = page.next_token
                if token is None or (only_key is not None and _past(page.entries, only_key)):
                    emit(None)  # the end
                    return

        def on_page(result: TaskResult[list[ObjectVersion] | None]) -> None:
            if generation != self._generation:
                return
            if not result.ok:
                self._stop("" if isinstance(result.error, Cancelled) else result.message())
            elif result.value is None:
                self._stop("")
            else:
                self._append(result.value)

        self._runner.run_feed(produce, on_page)

    def stop(self) -> None:
        self._generation += 1
        self._stop("")

    def _stop(self, message: str) -> None:
        self.loading = False
        self.finished.emit(message)

    def _append(self, entries: list[ObjectVersion]) -> None:
        rows = list(self.rows)
        changed = self._builder.add(rows, entries)
        first = len(self.rows)
        if len(rows) > first:
            self.beginInsertRows(QModelIndex(), first, len(rows) - 1)
            self.rows = rows
            self.endInsertRows()
        else:
            self.rows = rows
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.pageLoaded.emit()

    # -- Qt ----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        # Keys may hold any character: shown escaped, one line each (core.display).
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(cell_text(row, index.column()))
        if role == Qt.ItemDataRole.ToolTipRole:
            return display_text(_tooltip(row))
        if role == Qt.ItemDataRole.ForegroundRole and row.kind in (RowKind.DELETED, RowKind.MARKER):
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and row.kind is RowKind.DELETED:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _past(entries: Sequence[ObjectVersion], key: str) -> bool:
    """Whether a page of a listing in key order went past ``key``'s versions."""
    return bool(entries) and entries[-1].key > key


#: How each kind of row says what it is.
_STATE = {
    RowKind.FOLDER: "folder",
    RowKind.CURRENT: "current",
    RowKind.DELETED: "deleted",
    RowKind.EARLIER: "earlier version",
    RowKind.MARKER: "delete marker",
}


def cell_text(row: VersionRow, column: int) -> str:
    entry = row.entry
    if column == 0:
        if row.kind is RowKind.FOLDER:
            return entry.name.rstrip("/") + "/"
        return entry.name if row.is_object_row else "    ↳ " + entry.name
    if column == 1:
        return local_time(row.last_modified if row.kind is RowKind.DELETED else entry.modified)
    if column == 2:
        if row.kind is RowKind.DELETED:
            return human_size(row.last_size) if row.last_size is not None else ""
        return "" if row.kind in (RowKind.FOLDER, RowKind.MARKER) else human_size(entry.size)
    if column == 3:
        if row.kind is RowKind.DELETED:
            return f"deleted {local_time(entry.modified)}"
        return _STATE[row.kind]
    return "" if row.kind is RowKind.FOLDER else entry.version_id


def _tooltip(row: VersionRow) -> str:
    if row.kind is RowKind.DELETED:
        return "Deleted: its earlier versions are kept below. Undelete brings the last one back."
    if row.kind is RowKind.FOLDER:
        return "A folder: open it to see its versions"
    return f"Version {row.entry.version_id}"
