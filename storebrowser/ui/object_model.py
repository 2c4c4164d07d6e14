"""Right pane: the objects of one container and pseudo-folder, page by page.

The first page is asked as soon as a place is opened; further pages come through
``canFetchMore``/``fetchMore`` as the view scrolls. Every listing call runs on a worker;
a result for a place the user has already left is dropped (generation counter).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle

from storebrowser.core.types import ObjectInfo, Page
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.format import human_size, local_time

AnyIndex = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 1000
COLUMNS = ("Name", "Size", "Modified", "Type", "ETag")


class ObjectTableModel(QAbstractTableModel):
    #: A page arrived (or the listing failed); the window updates its status bar.
    pageLoaded = Signal()
    #: The listing failed, with a message a person can act on.
    failed = Signal(str)
    loadingChanged = Signal(bool)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._rows: list[ObjectInfo] = []
        self._provider: Provider | None = None
        self._container = ""
        self._prefix = ""
        self._next_token: str | None = None
        self._loading = False
        self._generation = 0
        self._pages = 0
        self._total_bytes = 0
        self.error = ""

    # -- place ----------------------------------------------------------------------------

    def open(self, provider: Provider, container: str, prefix: str = "") -> None:
        """Show ``container``/``prefix``; the first page is asked at once."""
        self.beginResetModel()
        self._provider, self._container, self._prefix = provider, container, prefix
        self._rows, self._next_token, self._pages, self._total_bytes = [], None, 0, 0
        self._generation += 1
        self._loading = False
        self.error = ""
        self.endResetModel()
        self._request_page(None)

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def pages_loaded(self) -> int:
        return self._pages

    @property
    def total_bytes(self) -> int:
        return self._total_bytes

    def object_at(self, row: int) -> ObjectInfo:
        return self._rows[row]

    # Interim API (the compact model replaces this module).
    def info(self, row: int) -> ObjectInfo:
        return self._rows[row]

    def infos(self, rows: list[int]) -> list[ObjectInfo]:
        return [self._rows[r] for r in rows]

    provider = property(lambda self: self._provider)
    container = property(lambda self: self._container)
    prefix = property(lambda self: self._prefix)
    search_text = ""
    filter_text = ""
    complete = property(lambda self: self._next_token is None and not self._loading)
    loaded_count = property(lambda self: len(self._rows))
    visible_bytes = property(lambda self: self._total_bytes)

    def set_filter(self, text: str) -> None:
        pass

    def search(self, text: str) -> None:
        pass

    def refresh(self) -> None:
        if self._provider is not None:
            self.open(self._provider, self._container, self._prefix)

    def cancel_loading(self) -> None:
        pass

    def row_of_key(self, key: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.key == key), None)

    def remove_keys(self, keys: object) -> None:
        self.refresh()

    def add_or_update(self, info: ObjectInfo) -> None:
        self.refresh()

    # -- paging ---------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._next_token is not None and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._request_page(self._next_token)

    def _request_page(self, token: str | None) -> None:
        provider, container, prefix = self._provider, self._container, self._prefix
        if provider is None:
            return
        generation = self._generation
        self._loading = True

        def list_page() -> Page[ObjectInfo]:
            provider.ensure_connected()
            return provider.list_page(container, prefix, "/", token, PAGE_SIZE)

        self._runner.run(list_page, lambda result: self._page_arrived(generation, result))

    def _page_arrived(self, generation: int, result: TaskResult[Page[ObjectInfo]]) -> None:
        if generation != self._generation:
            return  # the user moved on; this page belongs to another place
        self._loading = False
        if not result.ok or result.value is None:
            self.error = result.message()
            self.failed.emit(self.error)
            self.pageLoaded.emit()
            return
        page = result.value
        self._next_token = page.next_token
        self._pages += 1
        if page.entries:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.entries) - 1)
            self._rows.extend(page.entries)
            self._total_bytes += sum(entry.size for entry in page.entries)
            self.endInsertRows()
        self.pageLoaded.emit()

    # -- table ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            icon = QStyle.StandardPixmap.SP_DirIcon if entry.is_prefix else QStyle.StandardPixmap.SP_FileIcon
            return QApplication.style().standardIcon(icon)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return entry.key
        return None

    def _display(self, entry: ObjectInfo, column: int) -> str:
        if column == 0:
            return entry.name
        if entry.is_prefix:
            return self.tr("Folder") if column == 3 else ""
        if column == 1:
            return human_size(entry.size)
        if column == 2:
            return local_time(entry.modified)
        if column == 3:
            return entry.content_type or ""
        return entry.etag or ""

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
