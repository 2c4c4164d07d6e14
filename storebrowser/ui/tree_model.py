"""Left pane: accounts and their containers, loaded lazily off the GUI thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle

from storebrowser.core.types import ContainerInfo
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.format import human_size

AnyIndex = QModelIndex | QPersistentModelIndex


class LoadState(enum.Enum):
    NOT_LOADED = "not loaded"
    LOADING = "loading"
    LOADED = "loaded"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class AccountEntry:
    """An opened account as the window sees it: a name and its provider."""

    name: str
    provider: Provider
    kind_label: str = ""


@dataclass(eq=False)
class _AccountNode:
    account: AccountEntry
    state: LoadState = LoadState.NOT_LOADED
    error: str = ""
    containers: list[_ContainerNode] = field(default_factory=list)


@dataclass(eq=False)
class _ContainerNode:
    parent: _AccountNode
    info: ContainerInfo


class AccountTreeModel(QAbstractItemModel):
    """Accounts at the top, containers below; an account loads when first expanded."""

    #: Emitted with the account row when its containers arrived or it failed.
    accountLoaded = Signal(int)

    def __init__(
        self, accounts: list[AccountEntry], runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._accounts = [_AccountNode(account) for account in accounts]

    # -- lookup -------------------------------------------------------------------------

    def account_state(self, row: int) -> LoadState:
        return self._accounts[row].state

    def container_at(self, index: AnyIndex) -> tuple[AccountEntry, str] | None:
        """``(account, container name)`` when ``index`` is a container, else ``None``."""
        node = index.internalPointer() if index.isValid() else None
        if isinstance(node, _ContainerNode):
            return node.parent.account, node.info.name
        return None

    # -- structure ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._accounts):
                return self.createIndex(row, 0, self._accounts[row])
            return QModelIndex()
        node = parent.internalPointer()
        if isinstance(node, _AccountNode) and row < len(node.containers):
            return self.createIndex(row, 0, node.containers[row])
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = index.internalPointer()
        if isinstance(node, _ContainerNode):
            return self.createIndex(self._accounts.index(node.parent), 0, node.parent)
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._accounts)
        if parent.column() != 0:
            return 0
        node = parent.internalPointer()
        return len(node.containers) if isinstance(node, _AccountNode) else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._accounts)
        node = parent.internalPointer()
        if isinstance(node, _AccountNode):
            return node.state is not LoadState.LOADED or bool(node.containers)
        return False

    def canFetchMore(self, parent: AnyIndex) -> bool:
        node = parent.internalPointer() if parent.isValid() else None
        return isinstance(node, _AccountNode) and node.state is LoadState.NOT_LOADED

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._load(parent.row())

    def reload(self, row: int) -> None:
        """Forget the containers of account ``row`` and list them again (F5, retry)."""
        node = self._accounts[row]
        if node.state is LoadState.LOADING:
            return
        if node.containers:
            self.beginRemoveRows(self.index(row, 0), 0, len(node.containers) - 1)
            node.containers = []
            self.endRemoveRows()
        self._load(row)

    def _load(self, row: int) -> None:
        node = self._accounts[row]
        node.state, node.error = LoadState.LOADING, ""
        self._changed(row)
        provider = node.account.provider

        def list_containers() -> list[ContainerInfo]:
            provider.ensure_connected()
            return provider.list_containers()

        self._runner.run(list_containers, lambda result: self._loaded(node, result))

    def _loaded(self, node: _AccountNode, result: TaskResult[list[ContainerInfo]]) -> None:
        row = self._accounts.index(node)
        if not result.ok or result.value is None:
            node.state, node.error = LoadState.ERROR, result.message()
        else:
            node.state = LoadState.LOADED
            if result.value:
                self.beginInsertRows(self.index(row, 0), 0, len(result.value) - 1)
                node.containers = [_ContainerNode(node, info) for info in result.value]
                self.endInsertRows()
        self._changed(row)
        self.accountLoaded.emit(row)

    def _changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    # -- data -----------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = index.internalPointer()
        if isinstance(node, _AccountNode):
            return self._account_data(node, role)
        return self._container_data(node, role)

    def _account_data(self, node: _AccountNode, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            suffix = {
                LoadState.LOADING: self.tr("  (connecting…)"),
                LoadState.ERROR: self.tr("  (cannot connect)"),
            }.get(node.state, "")
            return node.account.name + suffix
        if role == Qt.ItemDataRole.DecorationRole:
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxWarning
                if node.state is LoadState.ERROR
                else QStyle.StandardPixmap.SP_DriveHDIcon
            )
            return QApplication.style().standardIcon(icon)
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.state is LoadState.ERROR:
                return self.tr("{error}\nPress F5 to try again.").format(error=node.error)
            return node.account.kind_label or node.account.provider.describe()
        return None

    def _container_data(self, node: _ContainerNode, role: int) -> object:
        info = node.info
        if role == Qt.ItemDataRole.DisplayRole:
            return info.name
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        if role == Qt.ItemDataRole.ToolTipRole and info.object_count is not None:
            return self.tr("{count} objects, {size}").format(
                count=f"{info.object_count:,}", size=human_size(info.bytes_used or 0)
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
