"""The preview panel as a dock of the explorer window: it follows the table's current
object while it is shown (View > Preview, F3), and asks nothing while hidden."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTableView, QWidget

from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.objects.model import ObjectTableModel
from storebrowser.ui.objects.views import ObjectTableView
from storebrowser.ui.properties.preview_panel import PreviewPanel
from storebrowser.ui.uistate import UiState
from storebrowser.ui.words import TranslationContext


class PreviewWords(TranslationContext):
    """The translation context of this module's words (``PreviewWords.tr``, as lupdate reads it)."""


#: A selection held this long is previewed (arrowing through rows asks nothing).
SETTLE_MS = 150
STATE_KEY = "preview_visible"


class PreviewDock(QDockWidget):
    """Follows ``table`` (showing ``model``) while ``table_shown()`` says the table is the
    page on screen; remembers in ``state`` whether it is shown."""

    def __init__(
        self,
        table: QTableView,
        model: ObjectTableModel,
        runner: TaskRunner,
        state: UiState,
        table_shown: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(PreviewWords.tr("Preview"), parent)
        self.setObjectName("previewDock")
        self.table, self.model, self.state, self.table_shown = table, model, state, table_shown
        self.panel = PreviewPanel(runner, self)
        self.setWidget(self.panel)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.follow)
        toggle = self.toggleViewAction()
        toggle.setText(PreviewWords.tr("Preview"))
        toggle.setShortcut(QKeySequence("F3"))
        toggle.setStatusTip(PreviewWords.tr("Show the first bytes of the current object"))
        if isinstance(table, ObjectTableView):
            table.previewToggled.connect(toggle.trigger)  # Space
            toggle.setToolTip(PreviewWords.tr("Preview (F3, or Space in the list)"))
        table.selectionModel().currentChanged.connect(self._current_changed)
        table.selectionModel().selectionChanged.connect(self._current_changed)
        model.modelReset.connect(self._current_changed)
        toggle.toggled.connect(lambda shown: state.set(STATE_KEY, shown))
        self.visibilityChanged.connect(self._visibility_changed)

    def _current_changed(self, *_args: object) -> None:
        if self.isVisible():
            self._timer.start()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.follow()
        else:
            self.panel.show_object(None, "", None)  # a read under way is dropped

    def follow(self) -> None:
        """Preview the table's current object (or say there is none)."""
        model = self.model
        row = self._chosen_row()
        if not self.table_shown() or row is None or model.provider is None:
            self.panel.show_object(None, "", None)
            return
        info = model.info(row)
        panel = self.panel
        if panel.info == info and panel.provider is model.provider and panel.container == model.container:
            return  # the same object: keep the range the user chose
        panel.show_object(model.provider, model.container, info)

    def _chosen_row(self) -> int | None:
        """The current row when it is selected (or nothing is), else the first selected."""
        table = self.table
        rows = sorted(index.row() for index in table.selectionModel().selectedRows())
        current: QModelIndex = table.currentIndex()
        if current.isValid() and (not rows or current.row() in rows):
            return current.row()
        return rows[0] if rows else None


def install_preview(window: QMainWindow, view_menu: QMenu, dock: PreviewDock) -> PreviewDock:
    """Add the dock (beside the table, as file managers show a preview; shown as last
    time) and its View menu entry."""
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
    view_menu.addSeparator()
    view_menu.addAction(dock.toggleViewAction())
    dock.setVisible(bool(dock.state.get(STATE_KEY)))
    return dock
