"""Right pane: the objects of one container and pseudo-folder, fast with a million rows.

``open`` asks the first page at once on a worker; the listing then continues in the
background page after page (``listing``) while the window keeps answering.
``cancel_loading`` stops it; afterwards ``canFetchMore``/``fetchMore`` page on as the
view scrolls. Rows live in columns (``storebrowser.table.columns``), not in an object per row.

Sorting and the name filter happen here, on row ids (``storebrowser.table.order``), never through
QSortFilterProxyModel. Both are exact at every moment: a page that arrives while the
table is sorted or filtered is merged into place before anyone sees it. Merging is done
in slices of a few milliseconds per event-loop turn, so a page never stalls the window,
and while the listing goes on by itself pages are shown together at most every 0.3 s (a
showing costs the view a repaint; see ``SHOW_INTERVAL_S``); the rows of a page not shown
yet do not count as loaded.

How changes reach the views (inserts, layout changes that carry the selection along):
``changes``; what each cell shows: ``cells``.
"""

from __future__ import annotations

import collections
import time
from array import array
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from storebrowser.core.types import ObjectInfo
from storebrowser.find.criteria import Criteria
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.table.arrays import row_ids, view
from storebrowser.table.columns import ObjectColumns, RowsSummary, summarize
from storebrowser.table.name_rank import Ranks, name_ranks
from storebrowser.table.order import (
    COLUMNS,
    NATURAL,
    Column,
    SortSpec,
    all_rows_sorted,
    leading_folders,
    matching,
    plan_merge,
    reorder,
)
from storebrowser.table.packing import DELETED, Packed
from storebrowser.table.selection import Selection, select
from storebrowser.ui.objects.cells import RIGHT, CellRoles, NameTypeAhead, RowIcons
from storebrowser.ui.objects.changes import ShownRows
from storebrowser.ui.objects.edits import RowEdits
from storebrowser.ui.objects.folder_sizes import FolderSizeRows
from storebrowser.ui.objects.listing import FIRST_PAGE, PAGE_SIZE, ObjectLister, Place

__all__ = ["COLUMNS", "FIRST_PAGE", "PAGE_SIZE", "Column", "ObjectTableModel", "RowsSummary"]

AnyIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
#: Longest the GUI thread merges arrived rows before it lets Qt paint and answer.
MERGE_BUDGET_S = 0.012
#: While a listing goes on by itself, arrived pages are shown together at most this often:
#: every showing costs the view a repaint (15-30 ms), and S3 pages are small and many.
#: Pages are shown when one arrives (the worker then waits on the network, so the repaint
#: does not fight it for the GIL), or after ``SHOW_LATEST_S`` at the latest.
SHOW_INTERVAL_S, SHOW_LATEST_S = 0.3, 1.0
#: Rows merged per slice when the sort key is text (a key costs ~0.5 µs) or a number.
TEXT_SLICE, NUMBER_SLICE = 2_000, 20_000
#: Objects and folders alike (the drag-out itself is the window's, later).
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled


class ObjectTableModel(NameTypeAhead, CellRoles, RowEdits, FolderSizeRows, ShownRows):
    """Signals:
    pageLoaded: a page is in the table (or the listing failed, or was cancelled).
    failed(str): the listing failed, with a message a person can act on.
    loadingChanged(bool): the listing started or stopped (finished, failed, cancelled).
    """

    pageLoaded = Signal()
    failed = Signal(str)
    loadingChanged = Signal(bool)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        first_page: int = FIRST_PAGE,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._rows = ObjectColumns()
        #: The name blob of the listing whose names are ranked, or being ranked (``name_rank``).
        self._ranked_names: bytearray | None = None
        self._lister = ObjectLister(
            runner,
            on_packed=self._page_packed,
            on_failed=self._listing_failed,
            on_state=self._update_loading,
            first_page=first_page,
            page_size=page_size,
        )
        self._provider: Provider | None = None
        self._container = ""
        self._prefix = ""
        self._search = ""
        #: Find: what the table shows the matches of, anywhere below the place.
        self.criteria: Criteria | None = None
        self._filter_text = ""
        self._needle = ""  # the filter, case-folded
        self._spec = NATURAL
        #: Every loaded row in display order; ``None`` when stale (rebuilt on demand).
        self._order: array[int] | None = array("I")
        #: The rows shown (``ShownRows``): a filtered part of the order; without a
        #: filter, the order itself.
        self._visible = self._order
        self._visible_folders = 0  # when sorted, folders lead ``_visible``
        self._merged = 0  # rows [0, _merged) are loaded; later ones wait to be merged
        self._page_ends: collections.deque[int] = collections.deque()
        self._loaded_rows = 0
        self._loaded_bytes = 0
        self._visible_bytes = 0
        self._loading = False
        #: A refresh's folder while the rows of the last listing stay shown, until the first
        #: page of the new one (or its failure) replaces them.
        self._reset_pending: str | None = None
        self._icons = RowIcons()
        self.forget_cells()  # none kept yet (``CellRoles``)
        self._merge_timer = QTimer(self)
        self._merge_timer.setSingleShot(True)
        self._merge_timer.timeout.connect(self._merge_some)
        self._last_shown = 0.0  # when merged rows were last shown (perf_counter)

    # -- the place ----------------------------------------------------------------------------

    def open(
        self, provider: Provider, container: str, prefix: str = "", criteria: Criteria | None = None
    ) -> None:
        """Show ``container``/``prefix``, or what ``criteria`` match anywhere below it (named
        from there down: ``2024/a.psd``); the first page is asked at once."""
        self._provider, self._container, self._prefix = provider, container, prefix
        self._search, self.criteria = "", criteria
        self._relist()

    def refresh(self) -> None:
        """List the same place again (a search ends). The rows shown stay until the first
        page of the new listing replaces them, so a refresh does not blank the table for
        the time of a request."""
        self._search, self.criteria = "", None
        self._relist(keep_shown=True)

    def search(self, text: str) -> None:
        """List only names starting with ``text``, asked from the server (prefix search)."""
        self._search, self.criteria = text, None
        self._relist()

    def cancel_loading(self) -> None:
        """Stop the background listing; the page on its way is dropped. Scrolling to the
        end (``fetchMore``) goes on page by page."""
        if not self._lister.requesting:
            return
        self._lister.cancel()
        self._reset_if_pending()  # the old rows no longer stand for what is there
        self._merge_some()
        self.pageLoaded.emit()

    def _relist(self, *, keep_shown: bool = False) -> None:
        self._merge_timer.stop()
        folder = self._prefix if self.criteria else self._prefix[: self._prefix.rfind("/") + 1]
        if keep_shown and len(self._rows):
            self._reset_pending = folder
        else:
            self._reset_rows(folder)
        place = None
        if self._provider is not None:
            listing = self._prefix + self._search
            place = Place(self._provider, self._container, listing, folder, self.criteria)
        self._lister.start(place, self._rows.types, self._rows.classes)
        self._update_loading()

    def _reset_if_pending(self) -> None:
        if self._reset_pending is not None:
            self._reset_rows(self._reset_pending)

    def _reset_rows(self, folder: str) -> None:
        """No rows: the table is empty until the listing's pages come. The interners stay
        (rows packed for the new listing already use them)."""
        self.beginResetModel()
        self._reset_pending = None
        self._merge_timer.stop()
        self._last_shown = 0.0
        self._rows.reset(folder)
        self._ranked_names = None
        self._order = array("I")
        self._visible = self._order if not self._needle else array("I")
        self._visible_folders = self._merged = 0
        self._page_ends.clear()
        self._loaded_rows = self._loaded_bytes = self._visible_bytes = 0
        self.endResetModel()

    # -- state --------------------------------------------------------------------------------

    @property
    def provider(self) -> Provider | None:
        return self._provider

    @property
    def container(self) -> str:
        return self._container

    @property
    def prefix(self) -> str:
        return self._prefix

    @property
    def search_text(self) -> str:
        return self._search

    @property
    def scanned_count(self) -> int:
        """Objects Find looked at so far."""
        return self._lister.scanned

    @property
    def filter_text(self) -> str:
        return self._filter_text

    @property
    def sort_spec(self) -> SortSpec:
        return self._spec

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def complete(self) -> bool:
        """Every page of the place is in the table."""
        lister = self._lister
        return lister.place is not None and lister.exhausted and not lister.busy and not self._page_ends

    @property
    def error(self) -> str:
        return self._lister.error

    @property
    def loaded_count(self) -> int:
        """Rows loaded (objects and folders), before the filter."""
        return self._loaded_rows

    @property
    def total_bytes(self) -> int:
        """Size of the loaded objects."""
        return self._loaded_bytes

    @property
    def visible_bytes(self) -> int:
        """Size of the objects shown (after the filter)."""
        return self._visible_bytes

    def _update_loading(self) -> None:
        loading = self._lister.busy or bool(self._page_ends)
        if loading != self._loading:
            self._loading = loading
            self.loadingChanged.emit(loading)
        if not loading and self.complete and self._ranked_names is not self._rows.name_blob:
            self._rank_names()

    def _rank_names(self) -> None:
        """Rank the complete listing's names on a worker: a sort by name is then an
        integer sort (rows added later are sorted by their names as before)."""
        columns, blob = self._rows, self._rows.name_blob
        self._ranked_names = blob
        snapshot, count = columns.snapshot(), len(columns)

        def ranked(result: TaskResult[Ranks | None]) -> None:
            if result.ok and columns.name_blob is blob:  # still the same listing
                columns.name_ranks = result.value

        self._runner.run(lambda: name_ranks(snapshot, count), ranked)

    # -- paging (the Qt contract) -------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._lister.can_fetch_more()

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._lister.fetch_more()
            self._update_loading()

    def _listing_failed(self, message: str) -> None:
        self._reset_if_pending()
        self._merge_some()  # what arrived before the failure
        self.failed.emit(message)
        self.pageLoaded.emit()

    def _page_packed(self, packed: Packed) -> None:
        self._reset_if_pending()
        rows = self._rows.append(packed)
        self._page_ends.append(rows.stop)
        wait = self._last_shown + SHOW_INTERVAL_S - time.perf_counter()
        lister = self._lister
        # The first rows (a Find's first match may come after many empty pages), asked for, last.
        if wait <= 0 or not self._loaded_rows or not lister.continuing or lister.exhausted:
            self._merge_some()
        elif not self._merge_timer.isActive():
            self._merge_timer.start(int(SHOW_LATEST_S * 1000))

    # -- merging arrived rows -----------------------------------------------------------------

    def _merge_some(self, budget: float = MERGE_BUDGET_S) -> None:
        """Merge waiting rows for about ``budget`` seconds; the rest on the next turn."""
        deadline = time.perf_counter() + budget
        while self._page_ends:
            end = self._page_ends[0]
            stop = min(end, self._merged + self._slice())
            self._merge_rows(self._merged, stop)
            if stop == end:
                self._page_ends.popleft()
                self._update_loading()
                self.pageLoaded.emit()
            if time.perf_counter() > deadline:
                break
        self._last_shown = time.perf_counter()
        if self._page_ends:
            self._merge_timer.start(0)
        self._update_loading()

    def _merge_pending(self) -> None:
        """Merge every waiting row now (before a change that needs all of them)."""
        self._merge_timer.stop()
        self._merge_some(budget=float("inf"))

    def _slice(self) -> int:
        if self._spec.natural:
            return 1 << 62
        return TEXT_SLICE if self._spec.column in (Column.NAME, Column.ETAG) else NUMBER_SLICE

    def _merge_rows(self, start: int, stop: int) -> None:
        rows: Sequence[int] = range(start, stop)
        self._merged = stop
        if self._rows.live < len(self._rows):
            flags = self._rows.flags
            rows = [row for row in rows if not flags[row] & DELETED]
        sizes = self._rows.sizes
        self._loaded_rows += len(rows)
        self._loaded_bytes += sum(map(sizes.__getitem__, rows))
        if self._needle:
            self._order = None  # kept for the shown rows only; rebuilt when needed
            rows = matching(self._rows, rows, self._needle)
        merge = plan_merge(self._rows, self._visible, self._visible_folders, rows, self._spec)
        self._visible_bytes += sum(map(sizes.__getitem__, merge.rows))
        self._insert(merge)
        self._visible_folders += merge.folders

    def _set_visible(self, visible: array[int]) -> None:
        self._visible = visible
        if not self._needle:
            self._order = visible

    def _show(self, new: array[int]) -> None:
        self._replace_visible(new)
        self._visible_folders = leading_folders(self._rows, new, self._spec)
        self._visible_bytes = int(view(self._rows.sizes)[row_ids(new)].sum())

    def _full_order(self) -> array[int]:
        if self._order is None:
            self._order = all_rows_sorted(self._rows, self._spec)
        return self._order

    # -- sort and filter ------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the model: folders first, stable; column -1 is the listing's order."""
        if column >= len(COLUMNS):
            return
        spec = SortSpec(column, order == Qt.SortOrder.DescendingOrder) if column >= 0 else NATURAL
        self._merge_pending()
        if spec == self._spec:
            return
        visible = reorder(self._rows, self._visible, self._visible_folders, self._spec, spec)
        self._spec = spec
        if self._needle:
            self._order = None
        self._reorder(visible)
        self._visible_folders = leading_folders(self._rows, visible, self._spec)

    def set_filter(self, text: str) -> None:
        """Show only rows whose name contains ``text``, ignoring case."""
        needle = text.casefold()
        self._filter_text = text
        if needle == self._needle:
            return
        self._merge_pending()
        narrower = bool(self._needle) and self._needle in needle
        self._needle = needle
        if not needle:
            new = self._full_order()
        elif narrower:
            new = matching(self._rows, self._visible, needle)
        else:
            new = matching(self._rows, self._full_order(), needle)
        self._show(new)
        if not needle:
            self._visible = self._order = new

    # -- rows for the window --------------------------------------------------------------------

    def info(self, row: int) -> ObjectInfo:
        """The object (or folder) shown in ``row``."""
        return self._rows.info(self._visible[row])

    def infos(self, rows: Iterable[int]) -> list[ObjectInfo]:
        return [self.info(row) for row in rows]

    def summary(self, spans: Iterable[range]) -> RowsSummary:
        """Count, folders and bytes of the shown rows in ``spans`` (disjoint): ``summarize``."""
        return summarize(self._rows, self._visible, spans)

    def selection(self, spans: Iterable[range]) -> Selection:
        """``spans`` to read on a worker (``select``); all of a complete listing are its prefix."""
        whole = not self._search and self.criteria is None and self.complete  # Find's matches: never
        return select(self._rows, self._visible, spans, self._prefix if whole else None)

    # -- the table ----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        """Qt's own asks ``rowCount`` and ``columnCount``: two calls into Python per cell
        painted instead of this one (see ``CellRoles``)."""
        if parent.isValid() or not (0 <= row < len(self._visible) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Role.DisplayRole:
                return self.tr(COLUMNS[section])
            if role == Role.TextAlignmentRole and section == Column.SIZE:
                return RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS
