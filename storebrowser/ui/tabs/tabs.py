"""Tabs in the object area: Ctrl+T opens one at the place shown, Ctrl+W closes one (the
last tab stays: the window always shows a place), Ctrl+Tab and Ctrl+Shift+Tab go round,
a middle click on a folder (tree or tables) opens it in a tab behind the shown one.

The window's widgets (tables, filter, path bar) are shared: each tab is a ``TabState``,
and showing a tab gives the window that tab's history, sort and filter and lists its
place again; its selection comes back as its rows are listed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QPoint,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QLineEdit, QMenu, QStackedWidget, QWidget

from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.ui.a11y import describe
from storebrowser.ui.objects.containers import ContainerTableModel
from storebrowser.ui.objects.dragdrop import DraggedObjects
from storebrowser.ui.objects.model import ObjectTableModel, RowsSummary
from storebrowser.ui.objects.views import ContainerTableView, ObjectTableView, PlacesTreeView
from storebrowser.ui.places.navigation import History
from storebrowser.ui.places.tree_model import AccountTreeModel, NodeKind
from storebrowser.ui.tabs.bar import PlaceTabBar
from storebrowser.ui.tabs.colours import AccountMarkers, swatch
from storebrowser.ui.tabs.session import Session, save_session
from storebrowser.ui.tabs.state import KEPT_SELECTION, Sort, TabState, tab_title
from storebrowser.ui.uistate import UiState

# The tab commands: name, words, keys. Ctrl+T was View > Transfers, which is Ctrl+J now.
TAB_ACTIONS = (
    ("new_tab", QT_TRANSLATE_NOOP("Tabs", "New Tab"), ("Ctrl+T",)),
    ("close_tab", QT_TRANSLATE_NOOP("Tabs", "Close Tab"), ("Ctrl+W",)),
    ("next_tab", QT_TRANSLATE_NOOP("Tabs", "Next Tab"), ("Ctrl+Tab", "Ctrl+PgDown")),
    ("previous_tab", QT_TRANSLATE_NOOP("Tabs", "Previous Tab"), ("Ctrl+Shift+Tab", "Ctrl+PgUp")),
)


class TabbedWindow(Protocol):
    """What the tabs use of the explorer window."""

    # The shown tab's history: a tab switch gives the window another.
    history: History

    @property
    def placeShown(self) -> SignalInstance: ...
    @property
    def ui_state(self) -> UiState: ...
    @property
    def tree(self) -> PlacesTreeView: ...
    @property
    def tree_model(self) -> AccountTreeModel: ...
    @property
    def table(self) -> ObjectTableView: ...
    @property
    def object_model(self) -> ObjectTableModel: ...
    @property
    def containers_table(self) -> ContainerTableView: ...
    @property
    def container_model(self) -> ContainerTableModel: ...
    @property
    def filter_box(self) -> QLineEdit: ...
    @property
    def stack(self) -> QStackedWidget: ...

    @property
    def location(self) -> Location | None: ...
    def navigate(self, location: Location, *, record: bool = True) -> None: ...
    def show_welcome(self) -> None: ...
    def selection_summary(self) -> RowsSummary: ...
    def selected_objects(self) -> list[ObjectInfo]: ...
    def show_info(self, message: str) -> None: ...


# Drops ``DraggedObjects`` into a place: copied (or moved) as between any two places.
DropInto = Callable[[DraggedObjects, Location, bool], None]


class Tabs(QObject):
    def __init__(self, window: TabbedWindow, host: QWidget, drop: DropInto) -> None:
        super().__init__(host)
        self.window = window
        self._drop = drop
        self.bar = PlaceTabBar(host)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Tab goes round; Tab goes from panel to panel
        describe(self.bar, self.tr("Tabs"), self.tr("The places open in tabs; Ctrl+Tab goes to the next one"))
        self._insert_bar()
        self.actions = self._make_actions(host)
        self._shown: TabState | None = None
        # Keys to select again once the shown tab's place lists them.
        self._pending: list[str] = []
        # How many rows the last of those selections chose: another count is the user's choice.
        self._reselected = 0
        # The key to scroll back to the top of the table once it is listed.
        self._top: str | None = None
        self._add(TabState(history=window.history), show=True)
        self._shown = self.current
        self.bar.currentChanged.connect(self._switch)
        self.bar.tabCloseRequested.connect(self.close_tab)
        self.bar.tabMoved.connect(lambda _from, _to: self._update_actions())
        self.bar.objectsDropped.connect(self._dropped_on_tab)
        window.placeShown.connect(self._place_shown)
        window.object_model.pageLoaded.connect(self._give_back)
        window.tree_model.modelReset.connect(self._accounts_changed)
        window.tree.setItemDelegate(AccountMarkers(window.tree_model, window.tree))
        for view in (window.tree, window.table, window.containers_table):
            view.viewport().installEventFilter(self)
        host.installEventFilter(self)  # its Close: the session is written before the layout is saved

    def _insert_bar(self) -> None:
        """Above the message strip and the pages, beside the tree."""
        area = self.window.stack.parentWidget()
        layout = area.layout() if area is not None else None
        assert isinstance(layout, QBoxLayout), "chrome.make_splitter lays the pages out in a box"
        layout.insertWidget(0, self.bar)

    def _make_actions(self, host: QWidget) -> dict[str, QAction]:
        made: dict[str, QAction] = {}
        handlers = {
            "new_tab": lambda: self.new_tab(),
            "close_tab": lambda: self.close_tab(self.bar.currentIndex()),
            "next_tab": lambda: self._step(1),
            "previous_tab": lambda: self._step(-1),
        }
        for name, text, keys in TAB_ACTIONS:
            action = QAction(QCoreApplication.translate("Tabs", text), host)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[name])
            host.addAction(action)
            made[name] = action
        file_menu = host.findChild(QMenu, "file-menu")
        if file_menu is not None:  # first in File, as browsers have them
            first = file_menu.actions()[0]  # chrome.MENUS: File has Accounts… and more
            file_menu.insertActions(first, list(made.values()))
            file_menu.insertSeparator(first)
        return made

    # -- the tabs ---------------------------------------------------------------------

    @property
    def states(self) -> list[TabState]:
        return [self._state(index) for index in range(self.bar.count())]

    @property
    def current(self) -> TabState:
        return self._state(self.bar.currentIndex())

    def _state(self, index: int) -> TabState:
        state = self.bar.tabData(index)
        assert isinstance(state, TabState)
        return state

    def _add(self, state: TabState, *, show: bool) -> int:
        index = self.bar.insertTab(self.bar.currentIndex() + 1, "")
        self.bar.setTabData(index, state)
        self._label(index, state.location)
        if show:
            self.bar.setCurrentIndex(index)
        self._update_actions()
        return index

    def new_tab(self, location: Location | None = None, *, show: bool = True) -> TabState:
        """A tab at ``location`` (default: the place shown), with the shown tab's sort."""
        place = location or self.window.location
        state = TabState.at(place, sort=self._sort_shown())
        self._add(state, show=show)
        return state

    def open_behind(self, location: Location) -> TabState:
        """A middle click: a tab for ``location`` after the shown one; it lists when shown."""
        return self.new_tab(location, show=False)

    def close_tab(self, index: int) -> None:
        """The last tab stays (Ctrl+W then does nothing): the window always shows a place."""
        if self.bar.count() <= 1 or not 0 <= index < self.bar.count():
            return
        if self._state(index) is self._shown:
            self._shown = None  # leaving it: nothing of it to keep
        self.bar.removeTab(index)
        self._update_actions()

    def _step(self, by: int) -> None:
        if self.bar.count() > 1:
            self.bar.setCurrentIndex((self.bar.currentIndex() + by) % self.bar.count())

    def _update_actions(self) -> None:
        many = self.bar.count() > 1
        for name in ("close_tab", "next_tab", "previous_tab"):
            self.actions[name].setEnabled(many)

    # -- switching --------------------------------------------------------------------

    def _switch(self, index: int) -> None:
        if index < 0:
            return
        state = self._state(index)
        if state is self._shown:
            return
        if self._shown is not None:
            self._keep(self._shown)
        self._shown = state
        self._show(state)

    def _keep(self, state: TabState) -> None:
        """The leaving tab's filter, sort and selection (a big selection is not kept)."""
        window = self.window
        state.filter_text = window.filter_box.text()
        state.sort = self._sort_shown()
        top = window.table.indexAt(QPoint(0, 0))
        on_table = window.stack.currentWidget() is window.table and top.isValid()
        state.top_key = window.object_model.info(top.row()).key if on_table else None
        count = window.selection_summary().count
        state.selected_keys = (
            [info.key for info in window.selected_objects()] if count <= KEPT_SELECTION else []
        )

    def _show(self, state: TabState) -> None:
        window = self.window
        window.history = state.history
        header = window.table.horizontalHeader()
        order = Qt.SortOrder.DescendingOrder if state.sort.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(state.sort.column, order)  # the table sorts its model
        self._pending, self._reselected = list(state.selected_keys), 0
        self._top = state.top_key
        if state.location is None:
            window.show_welcome()
        else:
            window.navigate(state.location, record=False)  # listed again
        if state.filter_text:
            window.filter_box.setText(state.filter_text)
        self._give_back()

    def _sort_shown(self) -> Sort:
        header = self.window.table.horizontalHeader()
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        return Sort(header.sortIndicatorSection(), descending)

    def _give_back(self) -> None:
        """The shown tab's selection and scroll position, as its rows arrive."""
        self._select_pending()
        window, top = self.window, self._top
        if top is None or window.stack.currentWidget() is not window.table:
            return
        model = window.object_model
        row = model.row_of_key(top)
        # Only with a screenful of rows below it can it go to the top: until then, again.
        screenful = window.table.viewport().height() // max(
            1, window.table.verticalHeader().defaultSectionSize()
        )
        if model.complete or (row is not None and model.rowCount() > row + screenful):
            self._top = None
        if row is not None:
            window.table.doItemsLayout()  # the rows just merged: the scroll range must know them
            window.table.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)

    def _select_pending(self) -> None:
        """The shown tab's selection, as its rows arrive, until the listing is complete or
        the user chooses something else."""
        window = self.window
        if not self._pending or window.stack.currentWidget() is not window.table:
            return
        if self._reselected and window.selection_summary().count != self._reselected:
            self._pending = []  # chosen since: left as it is
            return
        model = window.object_model
        rows = [row for key in self._pending if (row := model.row_of_key(key)) is not None]
        if model.complete:
            self._pending = []
        if not rows:
            return
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        window.table.selectionModel().select(selection, flags)
        window.table.selectionModel().setCurrentIndex(
            model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self._reselected = len(rows)

    def _place_shown(self, location: Location | None) -> None:
        self._label(self.bar.currentIndex(), location)

    def _label(self, index: int, location: Location | None) -> None:
        self.bar.setTabText(index, tab_title(location, self.tr("Welcome")))
        self.bar.setTabToolTip(index, location.text() if location is not None else "")
        self.bar.setTabIcon(
            index, swatch(self.window.tree_model, location.account) if location is not None else QIcon()
        )

    # -- accounts, drops, middle clicks -----------------------------------------------

    def _accounts_changed(self) -> None:
        """An account removed: its places leave the other tabs' histories, and a tab left
        on it goes (the window has moved the shown tab already)."""
        names = set(self.window.tree_model.account_names())
        for index in range(self.bar.count()):  # a colour may have changed
            self._label(index, self._state(index).location)
        for index in reversed(range(self.bar.count())):
            state = self._state(index)
            for gone in {place.account for place in _places(state.history)} - names:
                state.history.forget_account(gone)
            if (
                state is not self._shown
                and state.location is not None
                and state.location.account not in names
            ):
                self.close_tab(index)

    def _dropped_on_tab(self, dragged: DraggedObjects, index: int, move: bool) -> None:
        place = self._state(index).location
        if place is None or place.is_account:
            self.window.show_info(
                self.tr("Objects go into a container or a folder: open one in that tab first.")
            )
            return
        self._drop(dragged, place, move)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.parent():
            self.save()
            return False
        if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.MiddleButton:
            if event.type() == QEvent.Type.MouseButtonPress:
                return self._place_under(watched, event) is not None  # the selection stays
            if event.type() == QEvent.Type.MouseButtonRelease and (
                place := self._place_under(watched, event)
            ):
                self.open_behind(place)
                return True
        return super().eventFilter(watched, event)

    def _place_under(self, viewport: QObject, event: QMouseEvent) -> Location | None:
        """The container or folder under a middle click, in the tree or a table."""
        window, pos = self.window, event.position().toPoint()
        if viewport is window.tree.viewport():
            index = window.tree.indexAt(pos)
            kind = window.tree_model.kind_at(index)
            return window.tree_model.location_at(index) if kind is not NodeKind.BOOKMARKS else None
        here = window.location
        if here is None:
            return None
        if viewport is window.containers_table.viewport() and here.is_account:
            index = window.containers_table.indexAt(pos)
            return (
                here.child(window.container_model.container_at(index.row()).name) if index.isValid() else None
            )
        if viewport is window.table.viewport() and not here.is_account:
            index = window.table.indexAt(pos)
            if index.isValid() and (info := window.object_model.info(index.row())).is_prefix:
                return here.folder(info.key)
        return None

    # -- the session ------------------------------------------------------------------

    def save(self) -> None:
        """The tabs into the window's state (written to disk with its layout)."""
        if self._shown is not None:
            self._keep(self._shown)
        save_session(self.window.ui_state, self.states, self.bar.currentIndex())

    def start(self, first: Location | None, session: Session | None) -> None:
        """At start: the saved tabs (each listed when shown), else ``first``."""
        if session is None or not session.tabs:
            self._show_first(first)
        else:
            self._restore(session)
        if session is not None and session.gone:
            self.window.show_info(
                self.tr("Tabs not reopened: their account is gone ({names}).").format(
                    names=", ".join(session.gone)
                )
            )

    def _show_first(self, first: Location | None) -> None:
        if first is not None:
            self.window.navigate(first)
        else:
            self.window.show_welcome()

    def _restore(self, session: Session) -> None:
        shown = self.current
        saved = session.tabs
        for tab in reversed(saved[1:]):
            self.bar.blockSignals(True)  # behind the first: none listed yet
            self._add(TabState.at(tab.location, sort=tab.sort), show=False)
            self.bar.blockSignals(False)
        shown.history, shown.sort = TabState.at(saved[0].location).history, saved[0].sort
        self._label(0, saved[0].location)
        self._shown = None
        if session.current == 0:
            self._switch(0)
        else:
            self.bar.setCurrentIndex(min(session.current, self.bar.count() - 1))


def _places(history: History) -> Sequence[Location]:
    current = [history.current] if history.current is not None else []
    return [*history.back_stack, *current, *history.forward_stack]
