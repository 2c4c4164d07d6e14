"""View > Opened Files: the objects opened in the user's apps, their local copies and
where each stands (open / uploading / uploaded / conflict / failed), with Stop Watching
and Resolve Conflict…. Names are shown escaped (``display_text``): a key cannot draw."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.display import display_text
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.editing.state import EditState, OpenedFile

_Index = QModelIndex | QPersistentModelIndex
WORDS = "OpenedFiles"  # the translation context of the words below
COLUMNS = (
    QT_TRANSLATE_NOOP("OpenedFiles", "Object"),
    QT_TRANSLATE_NOOP("OpenedFiles", "State"),
    QT_TRANSLATE_NOOP("OpenedFiles", "Local copy"),
)
STATE_WORDS = {
    EditState.OPEN: QT_TRANSLATE_NOOP("OpenedFiles", "open"),
    EditState.UPLOADING: QT_TRANSLATE_NOOP("OpenedFiles", "uploading…"),
    EditState.UPLOADED: QT_TRANSLATE_NOOP("OpenedFiles", "uploaded"),
    EditState.CONFLICT: QT_TRANSLATE_NOOP("OpenedFiles", "conflict"),
    EditState.FAILED: QT_TRANSLATE_NOOP("OpenedFiles", "upload failed"),
}

#: States shown with a warning: the copy holds a change that is not on the server.
NEEDS_YOU = (EditState.CONFLICT, EditState.FAILED)


class OpenedFilesModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[OpenedFile] = []

    def show(self, opened: OpenedFile) -> None:
        """Add or update the row of ``opened.local``."""
        for row, known in enumerate(self.rows):
            if known.local == opened.local:
                self.rows[row] = opened
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(opened)
        self.endInsertRows()

    def drop(self, local: str) -> None:
        for row, known in enumerate(self.rows):
            if known.local == local:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.rows[row]
                self.endRemoveRows()
                return

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(WORDS, COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        opened = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (
                f"{opened.account}: {opened.container}/{opened.key}",
                QCoreApplication.translate(WORDS, STATE_WORDS[opened.state]),
                opened.local,
            )
            return display_text(texts[index.column()])
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1 and opened.state in NEEDS_YOU:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            return display_text(opened.note or opened.local)
        return None


class OpenedFilesDock(QDockWidget):
    #: Stop watching the copy at this path / settle its conflict.
    stopWatching = Signal(str)
    resolve = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Opened Files"), parent)
        self.setObjectName("openedFilesDock")
        self.toggleViewAction().setText(self.tr("Opened Files"))
        self.model = OpenedFilesModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 260)
        self.view.setColumnWidth(1, 110)
        self.toolbar = QToolBar(self.tr("Opened Files"), self)
        stop_tip = self.tr(
            "Uploads stop; the local copy is deleted unless it holds changes not on the server"
        )
        self.stop_action = self._action(self.tr("Stop Watching"), self.stopWatching, stop_tip)
        resolve_tip = self.tr("The object changed on the server: keep yours, theirs, or compare")
        self.resolve_action = self._action(self.tr("Resolve Conflict…"), self.resolve, resolve_tip)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self.setWidget(body)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.dataChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def _action(self, text: str, signal: SignalInstance, tip: str) -> QAction:
        action = self.toolbar.addAction(text)
        action.setToolTip(tip)
        action.triggered.connect(lambda: self._emit_for_selected(signal))
        return action

    def selected(self) -> OpenedFile | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _emit_for_selected(self, signal: SignalInstance) -> None:
        opened = self.selected()
        if opened is not None:
            signal.emit(opened.local)

    def _update_actions(self) -> None:
        opened = self.selected()
        self.stop_action.setEnabled(opened is not None)
        self.resolve_action.setEnabled(opened is not None and opened.state is EditState.CONFLICT)
