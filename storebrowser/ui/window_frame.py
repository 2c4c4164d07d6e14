"""The explorer window's frame: its models, widgets, toolbars, menus and docks, laid out,
and the layout remembered between runs. ``main_window.MainWindow`` adds what they do
(moving between places, selections, the status line)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QWidget

from storebrowser import APP_NAME
from storebrowser.accounts.pool import ProviderPool
from storebrowser.core.places import Location
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.a11y import describe
from storebrowser.ui.accounts.sign_in import SignIn
from storebrowser.ui.accounts.welcome import WelcomePage
from storebrowser.ui.actions import ExplorerActions
from storebrowser.ui.chrome import (
    CONTAINER_COLUMN_WIDTHS,
    OBJECT_COLUMN_WIDTHS,
    PageStack,
    build_menus,
    build_toolbars,
    make_filter_box,
    make_places_tree,
    make_splitter,
    make_status_bar,
    make_table,
)
from storebrowser.ui.messagebar import MessageBar
from storebrowser.ui.objects.column_choice import ColumnChoice, NameFitter
from storebrowser.ui.objects.containers import CONTAINER_COLUMNS, ContainerTableModel
from storebrowser.ui.objects.model import COLUMNS, Column, ObjectTableModel
from storebrowser.ui.objects.views import ContainerTableView, ObjectTableView
from storebrowser.ui.places.pathbar import PathBar
from storebrowser.ui.places.tree_model import AccountEntry, AccountTreeModel
from storebrowser.ui.transfers.dialogs import QuitGuard
from storebrowser.ui.transfers.dock import TransfersDock
from storebrowser.ui.uistate import UiState


class WindowFrame(QMainWindow):
    """Signals:
    editAccount(str): the user asked to edit an account's settings (a refused sign-in).
    openObject(): Enter or a double-click on one object: open it in its app.
    placeShown(Location | None): the window shows this place (``None``: the welcome page).
    """

    editAccount = Signal(str)
    openObject = Signal()
    placeShown = Signal(object)

    def __init__(
        self,
        accounts: Sequence[AccountEntry],
        runner: TaskRunner,
        pool: ProviderPool,
        *,
        state: UiState | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 720)
        self.runner = runner
        self.pool = pool
        self.ui_state = state or UiState(None)
        self._location: Location | None = None
        self.tree_model = AccountTreeModel(accounts, runner, pool.get, self)
        self.object_model = ObjectTableModel(runner, self)
        self.container_model = ContainerTableModel(self)
        self.explorer_actions = ExplorerActions(self)
        self.messages = MessageBar(self)
        self.sign_in = SignIn(pool.store, runner, self)
        self.pathbar = PathBar(self)
        self.filter_box = make_filter_box(self)
        self.tree = make_places_tree(self, self.tree_model)
        self.table = make_table(ObjectTableView(self), "objects", self.object_model, OBJECT_COLUMN_WIDTHS)
        self.containers_table = make_table(
            ContainerTableView(self), "containers", self.container_model, CONTAINER_COLUMN_WIDTHS
        )
        self.object_columns = ColumnChoice(self.table, COLUMNS, self.ui_state, "object_columns_hidden")
        self.container_columns = ColumnChoice(
            self.containers_table, CONTAINER_COLUMNS, self.ui_state, "container_columns_hidden"
        )
        self.name_fitter = NameFitter(self.table, keep=Column.MODIFIED)
        self.welcome = WelcomePage(pool.store, runner, self)  # shown where no place is
        self.stack = PageStack(self)
        for page in (self.welcome, self.containers_table, self.table):
            self.stack.addWidget(page)
        self.splitter = make_splitter(self, self.tree, self.messages, self.stack)
        self.setCentralWidget(self.splitter)
        bar = make_status_bar(self, self.explorer_actions["stop"])
        self.status_label, self.selection_label = bar.status, bar.selection
        self.loading_label, self.stop_button = bar.loading, bar.stop
        self._make_toolbars()
        self._make_menus()
        # Tab: the tree, the filter, the page it filters, then the docks and the path bar.
        QWidget.setTabOrder(self.tree, self.filter_box)
        self._name_for_assistive_technology()

    def _name_for_assistive_technology(self) -> None:
        describe(
            self.tree, self.tr("Places"), self.tr("Bookmarks and accounts, their containers and folders")
        )
        describe(self.table, self.tr("Objects"), self.tr("The objects and folders of the place shown"))
        describe(self.containers_table, self.tr("Containers"), self.tr("The containers of the account shown"))
        describe(self.filter_box, self.tr("Filter"), self.filter_box.toolTip())
        describe(self.pathbar, self.tr("Path"), self.tr("Where you are; Ctrl+L to type a place or @bookmark"))

    # -- building ---------------------------------------------------------------------

    def _make_toolbars(self) -> None:
        build_toolbars(self, self.explorer_actions, [self.pathbar, self.filter_box])

    def _make_menus(self) -> None:
        views = (self.tree, self.table, self.containers_table)
        self.view_menu = build_menus(self, self.explorer_actions, views)

    # -- layout memory ----------------------------------------------------------------

    def restore_layout(self) -> None:
        state = self.ui_state
        if (geometry := state.get_bytes("geometry")) is not None:
            self.restoreGeometry(geometry)
        if (splitter := state.get_bytes("splitter")) is not None:
            self.splitter.restoreState(splitter)
        if (header := state.get_bytes("object_columns")) is not None:
            self.table.horizontalHeader().restoreState(header)
        if (header := state.get_bytes("container_columns")) is not None:
            self.containers_table.horizontalHeader().restoreState(header)

    def remember_layout(self) -> None:
        state = self.ui_state
        state.set_bytes("geometry", self.saveGeometry().data())
        state.set_bytes("splitter", self.splitter.saveState().data())
        state.set_bytes("object_columns", self.table.horizontalHeader().saveState().data())
        state.set_bytes("container_columns", self.containers_table.horizontalHeader().saveState().data())
        state.set_bytes("window_state", self.saveState().data())
        if self._location is not None:
            state.set("location", self._location.text())

    # -- transfers --------------------------------------------------------------------

    def add_transfers(self, dock: TransfersDock, guard: QuitGuard) -> TransfersDock:
        """The transfers panel at the bottom, its summary in the status bar, and the
        question on quit while transfers run."""
        self.transfers = dock
        self.quit_guard = guard
        dock.setObjectName("transfers")
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.transfers_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.transfers_label)
        dock.summary.connect(self.transfers_label.setText)
        dock.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        toggle = dock.toggleViewAction()
        toggle.setText(self.tr("Transfers"))
        toggle.setShortcut("Ctrl+J")  # as browsers' downloads; Ctrl+T opens a tab
        self.view_menu.addSeparator()
        self.view_menu.addAction(toggle)
        if (state := self.ui_state.get_bytes("window_state")) is not None:
            self.restoreState(state)
        else:
            self.resizeDocks([dock], [dock.compact_height()], Qt.Orientation.Vertical)
        return dock

    def show_transfers(self) -> None:
        """A job was queued: make sure its progress can be seen."""
        dock = getattr(self, "transfers", None)
        if dock is not None and dock.isHidden():
            dock.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.explorer_actions.refresh_icons()
            for dock in self.findChildren(QDockWidget):  # their title buttons, in the new colours
                QApplication.sendEvent(dock, QEvent(QEvent.Type.StyleChange))
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        guard = getattr(self, "quit_guard", None)
        if guard is not None and not guard.allow_close():
            event.ignore()  # asks about running transfers, then closes again itself
            return
        self.remember_layout()
        values = self.ui_state.snapshot()
        self.runner.run(lambda: self.ui_state.save(values), lambda _result: None)
        super().closeEvent(event)
