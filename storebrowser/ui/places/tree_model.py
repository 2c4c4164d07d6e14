"""Left pane: accounts -> containers -> pseudo-folders, each level loaded lazily off the
GUI thread when it is first expanded; above them, while there are any, a Bookmarks
section whose rows are places (``set_bookmarks``).

A container or folder node learns its sub-folders by listing with the ``/`` delimiter
and keeping only the prefixes. A folder that holds a great many objects would need its
whole listing for that, so the scan stops after ``FOLDER_SCAN_LIMIT`` entries and the
node says so in its tooltip (the table on the right always shows everything).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyle

from storebrowser.accounts.model import Account
from storebrowser.core.display import display_lines, display_text
from storebrowser.core.listing import iter_pages
from storebrowser.core.places import Location
from storebrowser.core.types import ContainerInfo, entry_columns
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.format import human_size, number

AnyIndex = QModelIndex | QPersistentModelIndex
#: Entries a folder node reads to find its sub-folders before it stops looking.
FOLDER_SCAN_LIMIT = 20_000
FOLDER_PAGE = 1000

#: Opens (and connects) the provider of an account; blocking, called on a worker.
ProviderSource = Callable[[str], Provider]


class LoadState(enum.Enum):
    NOT_LOADED = "not loaded"
    LOADING = "loading"
    LOADED = "loaded"
    ERROR = "error"


class NodeKind(enum.Enum):
    ACCOUNT = "account"
    CONTAINER = "container"
    FOLDER = "folder"
    #: The Bookmarks section's heading, and one bookmark in it.
    BOOKMARKS = "bookmarks"
    BOOKMARK = "bookmark"


@dataclass(frozen=True, slots=True)
class AccountEntry:
    """An account as the tree shows it: its name and what kind of service it is, and the
    account itself (non-secret settings only) so the window never asks the store."""

    name: str
    kind_label: str = ""
    description: str = ""
    account: Account | None = None


@dataclass(eq=False)
class _Node:
    kind: NodeKind
    location: Location
    parent: _Node | None
    label: str
    state: LoadState = LoadState.NOT_LOADED
    error: str = ""
    #: What failed, for the window to answer it (a sign-in for a missing secret).
    failure: BaseException | None = None
    children: list[_Node] = field(default_factory=list)
    info: ContainerInfo | None = None
    entry: AccountEntry | None = None
    #: A folder scan that stopped at FOLDER_SCAN_LIMIT.
    truncated: bool = False
    #: Bumped on reload so a listing that was already under way is dropped.
    generation: int = 0

    def row(self, roots: Sequence[_Node]) -> int:
        """The row among its siblings; ``roots`` are the top-level rows."""
        siblings = self.parent.children if self.parent is not None else roots
        return siblings.index(self)


class AccountTreeModel(QAbstractItemModel):
    """Accounts at the top (the Bookmarks section above them when there are bookmarks);
    containers and folders below, loaded when first expanded."""

    #: An account's containers arrived or it failed (position among the accounts).
    accountLoaded = Signal(int)
    #: Any node finished loading (or failed); the index is of that node.
    nodeLoaded = Signal(QModelIndex)

    def __init__(
        self,
        accounts: Sequence[AccountEntry],
        runner: TaskRunner,
        providers: ProviderSource,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._providers = providers
        self._roots = [self._account_node(entry) for entry in accounts]
        self._bookmarks = _Node(
            NodeKind.BOOKMARKS, Location(""), None, self.tr("Bookmarks"), state=LoadState.LOADED
        )

    @staticmethod
    def _account_node(entry: AccountEntry) -> _Node:
        return _Node(NodeKind.ACCOUNT, Location(entry.name), None, entry.name, entry=entry)

    def set_accounts(self, accounts: Sequence[AccountEntry]) -> None:
        """The account list changed (dialog, import): start over with these."""
        self.beginResetModel()
        self._roots = [self._account_node(entry) for entry in accounts]
        self.endResetModel()

    def set_bookmarks(self, bookmarks: Sequence[tuple[str, Location]]) -> None:
        """The Bookmarks section shows these ``(name, place)``, in this order."""
        section = self._bookmarks
        new = [
            _Node(NodeKind.BOOKMARK, place, section, name, state=LoadState.LOADED)
            for name, place in bookmarks
        ]
        # Rows in and out, never a reset: the accounts keep what is expanded and selected.
        if section.children and new:
            heading = self.createIndex(0, 0, section)
            self.beginRemoveRows(heading, 0, len(section.children) - 1)
            section.children = []
            self.endRemoveRows()
            self.beginInsertRows(heading, 0, len(new) - 1)
            section.children = new
            self.endInsertRows()
        elif new:
            self.beginInsertRows(QModelIndex(), 0, 0)
            section.children = new
            self.endInsertRows()
        elif section.children:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            section.children = []
            self.endRemoveRows()

    def bookmarks_index(self) -> QModelIndex:
        """The section's heading (invalid while there are no bookmarks)."""
        if not self._bookmarks.children:
            return QModelIndex()
        return self.createIndex(0, 0, self._bookmarks)

    def bookmark_at(self, index: AnyIndex) -> str | None:
        """The name of the bookmark at ``index``, else ``None``."""
        node = self._node(index)
        return node.label if node is not None and node.kind is NodeKind.BOOKMARK else None

    def _dangling(self, node: _Node) -> bool:
        """A bookmark of an account that is gone (removed or renamed)."""
        return node.kind is NodeKind.BOOKMARK and node.location.account not in self.account_names()

    def _top(self) -> list[_Node]:
        return [self._bookmarks, *self._roots] if self._bookmarks.children else self._roots

    # -- lookup -------------------------------------------------------------------------

    def account_names(self) -> list[str]:
        return [node.label for node in self._roots]

    def entry(self, name: str) -> AccountEntry | None:
        return next((node.entry for node in self._roots if node.label == name), None)

    def account_state(self, row: int) -> LoadState:
        return self._roots[row].state

    def state_at(self, index: AnyIndex) -> LoadState:
        node = self._node(index)
        return node.state if node is not None else LoadState.NOT_LOADED

    def failure_at(self, index: AnyIndex) -> BaseException | None:
        """The error of a node that failed to load, else ``None``."""
        node = self._node(index)
        return node.failure if node is not None and node.state is LoadState.ERROR else None

    def location_at(self, index: AnyIndex) -> Location | None:
        node = self._node(index)
        return node.location if node is not None and node.kind is not NodeKind.BOOKMARKS else None

    def kind_at(self, index: AnyIndex) -> NodeKind | None:
        node = self._node(index)
        return node.kind if node is not None else None

    def container_info(self, index: AnyIndex) -> ContainerInfo | None:
        node = self._node(index)
        return node.info if node is not None else None

    def containers_of(self, account: str) -> list[ContainerInfo] | None:
        """The loaded containers of ``account``; ``None`` until they are listed."""
        for node in self._roots:
            if node.label == account and node.state is LoadState.LOADED:
                return [child.info for child in node.children if child.info is not None]
        return None

    def index_of(self, location: Location) -> QModelIndex:
        """The node of ``location`` if it is loaded, else the nearest loaded ancestor."""
        best = QModelIndex()
        for node in self._roots:
            if node.label != location.account:
                continue
            best = self.createIndex(node.row(self._top()), 0, node)
            current = node
            for step in location.crumbs()[1:]:
                match = next((c for c in current.children if c.location == step[1]), None)
                if match is None:
                    return best
                current = match
                best = self.createIndex(current.row(self._top()), 0, current)
        return best

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    # -- structure ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._children(parent)
        if siblings is None or row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    # Qt overloads parent(): no argument, the QObject's parent; an index, the index's.
    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # index only
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row(self._top()), 0, node.parent)

    def _children(self, parent: AnyIndex) -> list[_Node] | None:
        if not parent.isValid():
            return self._top()
        if parent.column() != 0:
            return None
        node = self._node(parent)
        return node.children if node is not None else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        children = self._children(parent)
        return len(children) if children is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._top())
        node = self._node(parent)
        if node is None or parent.column() != 0:
            return False
        return node.state is not LoadState.LOADED or bool(node.children)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        node = self._node(parent)
        return node is not None and node.state is LoadState.NOT_LOADED

    def fetchMore(self, parent: AnyIndex) -> None:
        node = self._node(parent)
        if node is not None and node.state is LoadState.NOT_LOADED:
            self._load(node)

    def reload(self, index: AnyIndex) -> None:
        """Forget what ``index`` holds and list it again (F5, retry, after a change)."""
        node = self._node(index)
        if node is None or node.kind in (NodeKind.BOOKMARKS, NodeKind.BOOKMARK):
            return
        if node.children:
            self.beginRemoveRows(self.createIndex(node.row(self._top()), 0, node), 0, len(node.children) - 1)
            node.children = []
            self.endRemoveRows()
        self._load(node)

    def reload_location(self, location: Location) -> None:
        """Reload the node of ``location`` if the tree has it loaded (else nothing)."""
        index = self.index_of(location)
        node = self._node(index)
        if node is not None and node.location == location and node.state is not LoadState.NOT_LOADED:
            self.reload(index)

    # -- loading --------------------------------------------------------------------------

    def _load(self, node: _Node) -> None:
        node.generation += 1
        node.state, node.error, node.truncated = LoadState.LOADING, "", False
        self._changed(node)
        generation, providers, location = node.generation, self._providers, node.location

        if node.kind is NodeKind.ACCOUNT:

            def work() -> tuple[list[_Node], bool]:
                containers = providers(location.account).list_containers()
                children = [
                    _Node(NodeKind.CONTAINER, location.child(info.name), node, info.name, info=info)
                    for info in sorted(containers, key=lambda c: c.name)
                ]
                return children, False
        else:

            def work() -> tuple[list[_Node], bool]:
                return _scan_folders(providers(location.account), node)

        self._runner.run(work, lambda result: self._loaded(node, generation, result))

    def _loaded(self, node: _Node, generation: int, result: TaskResult[tuple[list[_Node], bool]]) -> None:
        if generation != node.generation or not self._attached(node):
            return  # reloaded or removed meanwhile
        if not result.ok or result.value is None:
            node.state, node.error, node.failure = LoadState.ERROR, result.message(), result.error
        else:
            children, node.truncated = result.value
            node.state = LoadState.LOADED
            if children:
                parent = self.createIndex(node.row(self._top()), 0, node)
                self.beginInsertRows(parent, 0, len(children) - 1)
                node.children = children
                self.endInsertRows()
        self._changed(node)
        index = self.createIndex(node.row(self._top()), 0, node)
        if node.kind is NodeKind.ACCOUNT:
            self.accountLoaded.emit(self._roots.index(node))
        self.nodeLoaded.emit(index)

    def _attached(self, node: _Node) -> bool:
        while node.parent is not None:
            if node not in node.parent.children:
                return False
            node = node.parent
        return node in self._top()

    def _changed(self, node: _Node) -> None:
        index = self.createIndex(node.row(self._top()), 0, node)
        self.dataChanged.emit(index, index)

    # -- data -----------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # names may hold control characters
            return display_text(node.label) + self._state_suffix(node)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return display_lines(self._tooltip(node))
        if role == Qt.ItemDataRole.EditRole:
            return node.label
        if role == Qt.ItemDataRole.ForegroundRole and self._dangling(node):
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and node.kind is NodeKind.BOOKMARKS:
            font = QApplication.font()
            font.setBold(True)
            return font
        return None

    def _state_suffix(self, node: _Node) -> str:
        if node.state is LoadState.ERROR:
            return self.tr("  (cannot connect)") if node.kind is NodeKind.ACCOUNT else self.tr("  (error)")
        if node.state is LoadState.LOADING and node.kind is NodeKind.ACCOUNT:
            return self.tr("  (connecting…)")
        return ""

    def _icon(self, node: _Node) -> object:
        style = QApplication.style()
        if node.kind is NodeKind.BOOKMARKS:
            return None
        if node.kind is NodeKind.BOOKMARK:
            return style.standardIcon(QStyle.StandardPixmap.SP_DirLinkIcon)
        if node.state is LoadState.ERROR:
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if node.kind is NodeKind.ACCOUNT:
            return style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon)
        if node.kind is NodeKind.CONTAINER:
            return style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)

    def _tooltip(self, node: _Node) -> str:
        if node.kind is NodeKind.BOOKMARKS:
            return self.tr("Places you bookmarked (Ctrl+D); right-click one to rename, move or remove it")
        if node.kind is NodeKind.BOOKMARK:
            gone = self.tr("\nThere is no account {name} any more.").format(name=node.location.account)
            return "@" + node.label + "\n" + node.location.text() + (gone if self._dangling(node) else "")
        if node.state is LoadState.ERROR:
            return self.tr("{error}\nPress F5 to try again.").format(error=node.error)
        if node.kind is NodeKind.ACCOUNT and node.entry is not None:
            return "\n".join(part for part in (node.entry.kind_label, node.entry.description) if part)
        info = node.info
        if info is not None and info.object_count is not None:
            return self.tr("{count} objects, {size}").format(
                count=number(info.object_count), size=human_size(info.bytes_used or 0)
            )
        if node.truncated:
            return self.tr(
                "Only the folders among the first {count} entries are shown here; the table lists all."
            ).format(count=number(FOLDER_SCAN_LIMIT))
        return node.location.text()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        node = self._node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        if node.kind is NodeKind.BOOKMARKS:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind in (
            NodeKind.CONTAINER,
            NodeKind.FOLDER,
        ):  # containers and folders: drag sources and targets
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags


def _scan_folders(provider: Provider, node: _Node) -> tuple[list[_Node], bool]:
    """Sub-folders of a container or folder node, and whether the scan stopped early.
    Runs on a worker; builds new nodes and touches nothing the GUI thread reads."""
    location, seen, folders = node.location, 0, []
    for page in iter_pages(provider, location.container, location.prefix, "/", page_size=FOLDER_PAGE):
        seen += len(page.entries)
        columns = entry_columns(page.entries)  # no ObjectInfo for each of the objects
        for key in compress(columns.keys, columns.is_prefix):
            if key != location.prefix:
                name = key[len(location.prefix) :].rstrip("/") or "/"
                folders.append(_Node(NodeKind.FOLDER, location.folder(key), node, name))
        if seen >= FOLDER_SCAN_LIMIT and page.next_token is not None:
            return folders, True
    return folders, False
