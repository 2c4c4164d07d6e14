"""The main window: accounts tree on the left, objects table on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QTreeView,
    QWidget,
)

from storebrowser import APP_NAME
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.format import human_size
from storebrowser.ui.object_model import ObjectTableModel
from storebrowser.ui.tree_model import AccountEntry, AccountTreeModel, LoadState


class MainWindow(QMainWindow):
    def __init__(
        self, accounts: list[AccountEntry], runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 680)
        self.runner = runner
        self.tree_model = AccountTreeModel(accounts, runner, self)
        self.object_model = ObjectTableModel(runner, self)
        self.tree = self._make_tree()
        self.table = self._make_table()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 820])
        self.setCentralWidget(splitter)
        self._status = QLabel(self)
        self.statusBar().addWidget(self._status, 1)
        self.object_model.pageLoaded.connect(self._update_status)
        self.tree_model.accountLoaded.connect(self._account_loaded)
        self._update_status()

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setModel(self.tree_model)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.selectionModel().selectionChanged.connect(self._tree_selection_changed)
        return tree

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.object_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((300, 90, 130, 150)):
            header.resizeSection(column, width)
        return table

    # -- navigation -----------------------------------------------------------------------

    def open_container(self, index: QModelIndex) -> None:
        place = self.tree_model.container_at(index)
        if place is not None:
            account, container = place
            self.object_model.open(account.provider, container)
            self._status.setText(self.tr("Loading {container}…").format(container=container))

    def _tree_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.open_container(indexes[0])

    def _account_loaded(self, row: int) -> None:
        if self.tree_model.account_state(row) is LoadState.ERROR:
            index = self.tree_model.index(row, 0)
            self._status.setText(str(self.tree_model.data(index, Qt.ItemDataRole.ToolTipRole)))

    def _update_status(self) -> None:
        model = self.object_model
        if model.error:
            self._status.setText(model.error)
            return
        text = self.tr("{count} items, {size}").format(
            count=f"{model.rowCount():,}", size=human_size(model.total_bytes)
        )
        if model.canFetchMore():
            text += self.tr(" loaded so far")
        self._status.setText(text)
