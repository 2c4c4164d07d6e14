"""The explorer window: accounts tree on the left; on the right the containers of an
account or the objects of a container/pseudo-folder, with a path bar, a filter, a
message strip and a status bar. Every blocking call goes through the TaskRunner.

What each action does lives in ``commands/operations.py``; which actions apply lives in
``actions.py``; the widgets are laid out by ``window_frame.py``; this module moves between
places and keeps the status line and the actions up to date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from storebrowser.accounts.pool import ProviderPool
from storebrowser.core.places import Location
from storebrowser.core.types import ContainerInfo, ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.table.selection import Selection
from storebrowser.ui.accounts.sign_in import report_failure
from storebrowser.ui.actions import SelectionState
from storebrowser.ui.chrome import CONTAINERS_MENU, OBJECTS_MENU, PLACE_MENU, TREE_MENUS, fill
from storebrowser.ui.format import counted
from storebrowser.ui.heap import freeze_long_lived
from storebrowser.ui.messagebar import Level
from storebrowser.ui.objects.column_choice import object_defaults
from storebrowser.ui.objects.model import RowsSummary
from storebrowser.ui.objects.status_text import (
    containers_empty_text,
    objects_empty_text,
    objects_status,
    selection_status,
)
from storebrowser.ui.objects.views import selected_spans
from storebrowser.ui.places.navigation import History
from storebrowser.ui.places.tree_model import AccountEntry, LoadState, NodeKind
from storebrowser.ui.uistate import UiState
from storebrowser.ui.window_frame import WindowFrame

FILTER_PAUSE_MS = 200


class MainWindow(WindowFrame):
    def __init__(
        self,
        accounts: Sequence[AccountEntry],
        runner: TaskRunner,
        pool: ProviderPool,
        *,
        state: UiState | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(accounts, runner, pool, state=state, parent=parent)
        self.history = History()
        self._syncing_tree = False
        #: The entry to select once listed: the container or folder one came up from.
        self._came_from: str | None = None
        self._connect()
        self.restore_layout()
        self._update_actions()

    def _connect(self) -> None:
        acts = self.explorer_actions
        acts["back"].triggered.connect(self.go_back)
        acts["forward"].triggered.connect(self.go_forward)
        acts["up"].triggered.connect(self.go_up)
        acts["refresh"].triggered.connect(self.refresh)
        acts["stop"].triggered.connect(self.object_model.cancel_loading)
        acts["focus_path"].triggered.connect(self.pathbar.start_editing)
        acts["focus_filter"].triggered.connect(self._focus_filter)
        acts["open"].triggered.connect(self.open_selected)
        acts["quit"].triggered.connect(self.close)
        self.pathbar.navigate.connect(self.navigate)
        self.pathbar.invalid.connect(lambda text: self.messages.show_message(text, Level.WARNING))
        # Filtering a million names takes most of a second: wait until the typing pauses.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_PAUSE_MS)
        self._filter_timer.timeout.connect(lambda: self._filter_changed(self.filter_box.text()))
        self.filter_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_box.returnPressed.connect(self._search)
        self.filter_box.left.connect(self._filter_left)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        self.tree_model.nodeLoaded.connect(self._node_loaded)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.table.customContextMenuRequested.connect(lambda pos: self._table_menu(self.table, pos))
        self.containers_table.customContextMenuRequested.connect(
            lambda pos: self._table_menu(self.containers_table, pos)
        )
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.containers_table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.containers_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.object_model.pageLoaded.connect(self._page_loaded)
        self.object_model.failed.connect(self._listing_failed)
        self.object_model.loadingChanged.connect(self._loading_changed)
        self.object_model.modelReset.connect(self._selection_changed)

    # -- places -----------------------------------------------------------------------

    def set_accounts(self, accounts: Sequence[AccountEntry]) -> None:
        """The accounts changed (dialog, import): a new tree; a removed account's places
        leave the history, and the window leaves it if it was there."""
        names = {entry.name for entry in accounts}
        for gone in set(self.tree_model.account_names()) - names:
            self.history.forget_account(gone)
            self.pool.forget(gone)
        self.tree_model.set_accounts(accounts)
        here = self._location
        if here is not None and here.account not in names:
            self._location = None
            if accounts:
                self.navigate(Location(accounts[0].name))
            else:
                self.show_welcome()
        elif here is not None:
            self._sync_tree(here)
        self._update_actions()

    def show_welcome(self) -> None:
        """No place: what StoreBrowser is for, adding an account, importing one."""
        self._location = None
        self.pathbar.set_location(None)
        self.stack.setCurrentWidget(self.welcome)
        self.welcome.search()
        self.tree.selectionModel().clearCurrentIndex()
        for name in self.tree_model.account_names():  # this computer's folders, at hand
            entry = self.tree_model.entry(name)
            if entry is not None and entry.account is not None and not entry.account.provider_kind.remote:
                self.tree.expand(self.tree_model.index_of(Location(name)))
        self.welcome.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_status()
        self._selection_changed()
        self.placeShown.emit(None)

    @property
    def location(self) -> Location | None:
        return self._location

    def navigate(self, location: Location, *, record: bool = True) -> None:
        """Show ``location``: an account's containers, or a container/folder's objects."""
        if record:
            self.history.visit(location)
        previous, self._location = self._location, location
        self._came_from = location.entry_toward(previous) if previous is not None else None
        self.pathbar.set_location(location)
        self.filter_box.blockSignals(True)
        self.filter_box.clear()
        self.filter_box.blockSignals(False)
        self.messages.hide()
        if location.is_account:
            self._show_containers(location.account)
        else:
            self.object_columns.apply(*self._kind_defaults(location.account))
            self.stack.setCurrentWidget(self.table)
            self.with_provider(
                location.account,
                lambda provider: self.object_model.open(provider, location.container, location.prefix),
                place=location,
            )
        self._sync_tree(location)
        self._update_status()
        self._selection_changed()  # the last page's selection is gone: so is its count
        self._update_actions()
        self.placeShown.emit(location)

    def with_provider(
        self, account: str, then: Callable[[Provider], None], *, place: Location | None = None
    ) -> None:
        """Call ``then(provider)`` on the GUI thread once the account is open; opening
        (keyring, first contact) happens on a worker. With ``place``, nothing happens if
        the window has moved elsewhere meanwhile."""
        provider = self.pool.cached(account)
        if provider is not None:
            then(provider)
            return

        def opened(result: TaskResult[Provider]) -> None:
            if place is not None and self._location != place:
                return
            if not result.ok or result.value is None:
                again = lambda: self.with_provider(account, then, place=place)  # noqa: E731
                self.account_failed(account, result.error, result.message(), again)
                return
            self._update_actions()
            then(result.value)

        self.runner.run(lambda: self.pool.get(account), opened)

    def _kind_defaults(self, account: str) -> tuple[str, Callable[[], set[int]]]:
        """The account's kind and the object columns its service leaves empty."""
        entry = self.tree_model.entry(account)
        kind = entry.account.provider_kind if entry is not None and entry.account is not None else None
        return (kind.name if kind else ""), lambda: object_defaults(kind)

    def _show_containers(self, account: str) -> None:
        self.stack.setCurrentWidget(self.containers_table)
        containers = self.tree_model.containers_of(account)
        self._set_containers(account, containers or [])
        if containers is None:
            index = self.tree_model.index_of(Location(account))
            if self.tree_model.state_at(index) is LoadState.NOT_LOADED:
                self.tree_model.fetchMore(index)

    def _set_containers(self, account: str, containers: Sequence[ContainerInfo]) -> None:
        self.container_model.set_containers(containers)
        kind = self._kind_defaults(account)[0]
        self.container_columns.apply(kind, self.container_model.empty_columns if containers else set)
        if containers:
            self._select_came_from()

    def go_back(self) -> None:
        if (place := self.history.back()) is not None:
            self.navigate(place, record=False)

    def go_forward(self) -> None:
        if (place := self.history.forward()) is not None:
            self.navigate(place, record=False)

    def go_up(self) -> None:
        if self._location is not None and (parent := self._location.parent()) is not None:
            self.navigate(parent)

    def refresh(self) -> None:
        """F5: list the place again, and the tree node it belongs to."""
        location = self._location
        if location is None:
            return
        self.messages.hide()
        if (
            location.is_account
            or self.tree_model.state_at(self.tree_model.index_of(location)) is LoadState.ERROR
        ):
            self.tree_model.reload(self.tree_model.index_of(Location(location.account)))
        if not location.is_account:
            self.tree_model.reload_location(location)
            if self.object_model.provider is None:
                self.navigate(location, record=False)
            else:
                self.object_model.refresh()

    def open_selected(self) -> None:
        """Enter / double-click: into a container or folder; an object opens in its app
        (Properties are on Alt+Enter)."""
        location = self._location
        if location is None:
            return
        if location.is_account:
            rows = self._selected_rows(self.containers_table)
            if rows:
                self.navigate(location.child(self.container_model.container_at(rows[0]).name))
            return
        if self.selection_summary().count != 1:
            return
        infos = self.selected_objects()
        if infos[0].is_prefix:
            self.navigate(location.folder(infos[0].key))
        else:
            self.openObject.emit()

    # -- tree -------------------------------------------------------------------------

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_tree or not self.tree.selectionModel().isSelected(current):
            return  # not chosen: the tree took the focus and marked its first row current
        location = self.tree_model.location_at(current)
        if location is not None and location != self._location:
            self.navigate(location)
        self._update_actions()

    def _sync_tree(self, location: Location) -> None:
        """Select the tree node of ``location`` (expanding the way to it) without
        navigating again. A bookmark of it that is chosen stays chosen."""
        current = self.tree.currentIndex()
        if (
            self.tree_model.kind_at(current) is NodeKind.BOOKMARK
            and self.tree_model.location_at(current) == location
        ):
            return
        index = self.tree_model.index_of(location)
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        reached = self.tree_model.location_at(index) == location
        if not reached:
            self.tree.expand(index)  # loads the next level; _node_loaded comes back here
        self._syncing_tree = True
        try:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        finally:
            self._syncing_tree = False

    def _node_loaded(self, index: QModelIndex) -> None:
        location = self.tree_model.location_at(index)
        here = self._location
        if location is None or here is None or location.account != here.account:
            return
        kind = self.tree_model.kind_at(index)
        if kind is NodeKind.ACCOUNT:
            freeze_long_lived()  # its SDK is loaded now
            if self.tree_model.state_at(index) is LoadState.ERROR:
                node, failure = QPersistentModelIndex(index), self.tree_model.failure_at(index)
                message = TaskResult(error=failure).message() if failure is not None else ""
                message = message or str(self.tree_model.data(index, Qt.ItemDataRole.ToolTipRole))
                self.account_failed(location.account, failure, message, lambda: self.tree_model.reload(node))
            if here.is_account:
                self._set_containers(here.account, self.tree_model.containers_of(here.account) or [])
                self._update_status()
        if here.text().startswith(location.text()) and here != location:
            self._sync_tree(here)
        self._update_actions()

    # -- table ------------------------------------------------------------------------

    def _selected_rows(self, table: QTableView) -> list[int]:
        return [row for span in selected_spans(table) for row in span]

    def selected_objects(self) -> list[ObjectInfo]:
        if self.stack.currentWidget() is not self.table:
            return []
        return self.object_model.infos(self._selected_rows(self.table))

    def selection(self) -> Selection:
        """The selected objects and folders as row ids, for an action to read on a worker."""
        on_table = self.stack.currentWidget() is self.table
        return self.object_model.selection(selected_spans(self.table)) if on_table else Selection.of([])

    def selection_summary(self) -> RowsSummary:
        """Counts and bytes of the selected objects and folders, without building them."""
        if self.stack.currentWidget() is not self.table:
            return RowsSummary()
        return self.object_model.summary(selected_spans(self.table))

    def selected_containers(self) -> list[str]:
        if self.stack.currentWidget() is self.containers_table:
            rows = self._selected_rows(self.containers_table)
            return [self.container_model.container_at(row).name for row in rows]
        current = self.tree.currentIndex()
        if self.tree.hasFocus() and self.tree_model.kind_at(current) is NodeKind.CONTAINER:
            location = self.tree_model.location_at(current)
            return [location.container] if location else []
        return []

    def _filter_changed(self, text: str) -> None:
        if self.stack.currentWidget() is self.table:
            self.object_model.set_filter(text)
            self._update_status()

    def _search(self) -> None:
        """Enter in the filter box: ask the server for names starting with the text."""
        self._filter_timer.stop()
        if self.stack.currentWidget() is self.table and self.object_model.provider is not None:
            text = self.filter_box.text()
            self.filter_box.blockSignals(True)
            self.filter_box.clear()
            self.filter_box.blockSignals(False)
            self.object_model.set_filter("")
            self.object_model.search(text)
            self._update_status()

    def _filter_left(self) -> None:
        """Esc in the empty filter: a server search ends; else the list takes the focus."""
        if self.stack.currentWidget() is self.table and self.object_model.search_text:
            self.object_model.refresh()
            self._update_status()
        elif (shown := self.stack.currentWidget()) is not None:
            shown.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def _page_loaded(self) -> None:
        self._update_status()
        self._select_came_from()

    def _select_came_from(self) -> None:
        """After going up, select the container or folder one came from once it is listed
        (a later page may bring it), unless the user has chosen something meanwhile."""
        name = self._came_from
        if name is None:
            return
        table: QTableView
        if self.stack.currentWidget() is self.table:
            table, row = self.table, self.object_model.row_of_key(name)
            finished = row is not None or self.object_model.complete
        else:
            model = self.container_model
            table, finished = self.containers_table, True
            row = next((r for r in range(model.rowCount()) if model.container_at(r).name == name), None)
        if finished or table.selectionModel().hasSelection():
            self._came_from = None
        if row is not None and not table.selectionModel().hasSelection():
            index = table.model().index(row, 0)
            table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _listing_failed(self, message: str) -> None:
        self.show_error(message, retry=self.refresh)

    def _loading_changed(self, loading: bool) -> None:
        self.loading_label.setVisible(loading)
        self.stop_button.setVisible(loading)
        self._update_status()

    def _selection_changed(self, *_args: object) -> None:
        selected = self.selection_summary()
        self.explorer_actions.update(self.selection_state(selected))
        self.selection_label.setText(selection_status(selected) if selected.count else "")

    # -- menus ------------------------------------------------------------------------

    def _tree_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid() and index != self.tree.currentIndex():
            self.tree.setCurrentIndex(index)
        kind = self.tree_model.kind_at(index)
        self._popup(self.tree, pos, TREE_MENUS[kind] if kind is not None else "refresh")

    def _table_menu(self, table: QTableView, pos: QPoint) -> None:
        if table is self.containers_table:
            layout = CONTAINERS_MENU
        else:
            layout = OBJECTS_MENU if self.selection_summary().count else PLACE_MENU
        self._popup(table, pos, layout)

    def _popup(self, view: QAbstractItemView, pos: QPoint, layout: str) -> None:
        self._update_actions()
        menu = QMenu(self)
        fill(menu, self.explorer_actions, layout)
        menu.popup(view.viewport().mapToGlobal(pos))

    # -- status -----------------------------------------------------------------------

    def selection_state(self, selected: RowsSummary | None = None) -> SelectionState:
        location = self._location
        provider = self.pool.cached(location.account) if location is not None else None
        if selected is None:
            selected = self.selection_summary()
        return SelectionState(
            location=location,
            capabilities=provider.capabilities if provider is not None else None,
            provider_name=self.pool.description(location.account) if location is not None else "",
            selected=selected.count,
            selected_folders=selected.folders,
            containers=tuple(self.selected_containers()),
            can_back=self.history.can_back,
            can_forward=self.history.can_forward,
        )

    def _update_actions(self) -> None:
        self.explorer_actions.update(self.selection_state())

    def _update_status(self) -> None:
        if self._location is None:
            self.status_label.setText("")
            return
        if self.stack.currentWidget() is self.containers_table:
            count = self.container_model.rowCount()
            self.status_label.setText(
                counted(count, self.tr("{n} container", "", count), self.tr("{n} containers", "", count))
            )
            account = self.tree_model.index_of(Location(self._location.account))
            self.containers_table.set_empty_text(containers_empty_text(self.tree_model.state_at(account)))
            return
        in_folder = bool(self._location.prefix)
        self.table.set_empty_text(objects_empty_text(self.object_model, in_folder=in_folder))
        self.status_label.setText(objects_status(self.object_model))

    def account_failed(
        self, account: str, error: BaseException | None, message: str, retry: Callable[[], None]
    ) -> None:
        """``account`` could not be opened: ask for a missing secret, offer to edit a
        refused sign-in, or to try again."""
        edit = self.editAccount.emit
        report_failure(self.messages, self.sign_in, edit, account, error, message, retry)

    def show_error(self, message: str, *, retry: Callable[[], None] | None = None) -> None:
        self.messages.show_message(
            message, Level.ERROR, action=self.tr("Try Again") if retry else "", callback=retry
        )

    def show_info(self, message: str) -> None:
        self.messages.show_message(message, Level.INFO)
