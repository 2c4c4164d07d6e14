"""Start Qt, show the explorer on its services; or render it to a PNG and quit."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from storebrowser import APP_NAME, __version__
from storebrowser.accounts.bookmarks import BookmarkStore
from storebrowser.accounts.importers import ImportReport, import_all
from storebrowser.accounts.model import Account
from storebrowser.accounts.pool import ProviderPool
from storebrowser.accounts.startup import Startup
from storebrowser.accounts.store import AccountStore
from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.encryption import CUSTOMER_KEY_FIELD
from storebrowser.core.places import Location
from storebrowser.editing.cache import EditCache, default_root
from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner, share_the_gil
from storebrowser.transfers import TransferEngine
from storebrowser.transfers.conflicts import AskCallback
from storebrowser.ui import file_types, i18n
from storebrowser.ui.a11y import Accessibility
from storebrowser.ui.access.commands import AccessCommands
from storebrowser.ui.accounts.dialog import AccountsDialog
from storebrowser.ui.bookmarks.commands import ACTION_NAMES, BookmarkCommands, BookmarkSurfaces
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.commands.drops import Drops, DropSurfaces
from storebrowser.ui.commands.finding import Finding
from storebrowser.ui.commands.folder_sizes import FolderSizeCommands
from storebrowser.ui.commands.operations import Operations
from storebrowser.ui.commands.sharing import Sharing
from storebrowser.ui.commands.tiers import Tiers
from storebrowser.ui.commands.workflows import Workflows
from storebrowser.ui.editing.commands import EditingCommands
from storebrowser.ui.editing.panel import OpenedFilesDock
from storebrowser.ui.heap import freeze_long_lived
from storebrowser.ui.help import Help
from storebrowser.ui.icons import PaletteIconStyle
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.messagebar import Level
from storebrowser.ui.places.tree_model import AccountEntry, LoadState
from storebrowser.ui.properties.preview_dock import PreviewDock, install_preview
from storebrowser.ui.properties.quick_look import QuickLook
from storebrowser.ui.sync.commands import SyncCommands
from storebrowser.ui.tabs.session import read_session
from storebrowser.ui.tabs.tabs import Tabs
from storebrowser.ui.theme import apply_color_scheme
from storebrowser.ui.tiers.tags_tab import install_tags_tab
from storebrowser.ui.transfers.dialogs import QuitGuard, offer_unfinished
from storebrowser.ui.transfers.dock import TransfersDock
from storebrowser.ui.transfers.jobs import JobQueue
from storebrowser.ui.uistate import UiState
from storebrowser.ui.versions.commands import VersionsCommands
from storebrowser.ui.versions.pane import VersionsPane
from storebrowser.ui.versions.properties_tab import install_versions_tab
from storebrowser.ui.window_context import window_context
from storebrowser.ui.windows import NewWindow, others_open

SCREENSHOT_TIMEOUT_MS = 20_000


@dataclass
class Services:
    """What the window runs on, built by the composition root (``app.py``).

    ``make_engine(ask)`` builds the transfer engine (it opens its journal, so the bridge
    calls it on a worker); ``ask`` answers conflicts through the window."""

    store: AccountStore
    startup: Startup
    pool: ProviderPool
    make_engine: Callable[[AskCallback], TransferEngine]
    ui_state: UiState
    #: Finds accounts other tools set up on this computer (the welcome page lists them).
    import_source: Callable[[], ImportReport] = import_all
    #: Named places (beside the accounts file); in memory only unless given.
    bookmarks: BookmarkStore = field(default_factory=lambda: BookmarkStore(None))
    #: Where opened objects' copies are kept (``None``: the user's cache folder).
    edit_cache: EditCache | None = None
    #: The engine's bandwidth limit, set in the transfers panel.
    bandwidth: Bandwidth = field(default_factory=Bandwidth)


@dataclass(frozen=True, slots=True)
class StartOptions:
    screenshot: Path | None = None
    account: str | None = None
    container: str | None = None
    prefix: str = ""
    color_scheme: str = "system"
    icon_path: Path | None = None
    #: ``None``: the system's language (when there is a catalogue for it).
    language: str | None = None


@dataclass
class Explorer:
    """The window with everything wired to it (tests build one of these too)."""

    window: MainWindow
    operations: Operations
    jobs: JobQueue
    runner: TaskRunner
    bridge: EngineBridge
    transfers: TransfersDock
    preview: PreviewDock
    versions: VersionsCommands | None = None
    bookmarks: BookmarkCommands | None = None
    editing: EditingCommands | None = None
    tabs: Tabs | None = None


#: Settings that say where an account points; the first one set shows in its tooltip.
_WHERE = ("endpoint_url", "blob_endpoint", "auth_url", "storage_url", "root", "account_name", "profile")


def account_entry(account: Account) -> AccountEntry:
    where = next((str(account.settings[k]) for k in _WHERE if account.settings.get(k)), "")
    return AccountEntry(account.name, account.provider_kind.label, where, account)


def account_entries(services: Services) -> list[AccountEntry]:
    return [account_entry(account) for account in services.startup.accounts]


class AccountsAction(QObject):
    """File > Accounts…: the dialog on the same store; after a change the tree is rebuilt
    from the store (read on a worker) and providers of edited or removed accounts are
    closed so the next use opens them with the new settings."""

    def __init__(self, window: MainWindow, store: AccountStore) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.dialog: AccountsDialog | None = None
        window.explorer_actions["accounts"].triggered.connect(lambda: self.open())
        window.editAccount.connect(lambda name: self.open(name))
        window.welcome.addAccount.connect(self.add)
        window.welcome.accountsAdded.connect(lambda names: self.reload(names[0]))

    def open(self, account: str | None = None) -> AccountsDialog:
        """The dialog, showing ``account`` (default: the account the window is in)."""
        if self.dialog is None:
            self.dialog = AccountsDialog(self.store, self.window.runner, self.window)
            self.dialog.accountsChanged.connect(self.reload)
        here = self.window.location
        if account is None and here is not None:
            account = here.account
        if account is not None:
            self.dialog.select(account)
        self.dialog.open()
        return self.dialog

    def add(self, kind: str) -> AccountsDialog:
        """The dialog with a new account of ``kind`` to fill in."""
        dialog = self.open()
        dialog.start_add(kind)
        return dialog

    def reload(self, go_to: str | None = None) -> None:
        """The tree from the store again; then, with ``go_to``, that account is opened."""
        self.window.runner.run(self.store.accounts, lambda result: self._reloaded(result, go_to))

    def _reloaded(self, result: TaskResult[list[Account]], go_to: str | None = None) -> None:
        if not result.ok or result.value is None:
            self.window.show_error(result.message())
            return
        model = self.window.tree_model
        for account in result.value:
            before = model.entry(account.name)
            if before is not None and before.account != account:
                self.window.pool.forget(account.name)
        self.window.set_accounts([account_entry(account) for account in result.value])
        if go_to is not None and go_to in model.account_names():
            self.window.navigate(Location(go_to))


def build_explorer(services: Services, runner: TaskRunner, bridge: EngineBridge | None = None) -> Explorer:
    """The first window; with ``bridge``, another on the same engine (File > New Window)."""
    runner.run(file_types.warm_up, lambda _result: None)  # the MIME database, off the GUI thread
    first = bridge is None  # only the first writes the layout and takes up unfinished work
    state = services.ui_state if first else UiState(None, services.ui_state.snapshot())
    window = MainWindow(account_entries(services), runner, services.pool, state=state)
    window.welcome.import_source = services.import_source
    bridge = bridge or EngineBridge(services.make_engine, parent=window)
    jobs = JobQueue(bridge, window)
    operations = Operations(window_context(window, jobs, services.bandwidth))
    window.explorer_actions.connect_handlers(operations.handlers())
    window.explorer_actions.connect_handlers(Sharing(operations).handlers())
    window.explorer_actions.connect_handlers(Workflows(operations).handlers())
    window.explorer_actions.connect_handlers(Tiers(operations).handlers())
    window.explorer_actions.connect_handlers(Help(window, runner).handlers())
    window.explorer_actions.connect_handlers(SyncCommands(operations).handlers())
    finding = Finding(operations)
    window.explorer_actions.connect_handlers(finding.handlers())
    window.explorer_actions["refresh"].triggered.connect(finding.forget_counts)
    sizes = FolderSizeCommands(operations, window.object_model, finding.stats_cache)
    window.explorer_actions.connect_handlers(sizes.handlers())
    window.explorer_actions["stop"].triggered.connect(sizes.stop)  # View > Stop ends a count too
    access = AccessCommands(operations, customer_key_keeper(services.store))
    window.explorer_actions.connect_handlers(access.handlers())
    drops = Drops(operations, DropSurfaces(window.table, window.object_model, window.tree, window.tree_model))
    tabs = Tabs(window, window, drops.copy_dropped)
    AccountsAction(window, services.store)
    versions = install_versions(window, operations.context)
    bookmarks = install_bookmarks(window, services.bookmarks)
    # Before the transfers dock: restoreState places both.
    preview = install_preview(window, window.view_menu, preview_dock(window))
    preview.panel.bandwidth = services.bandwidth
    dock = window.add_transfers(
        TransfersDock(bridge, window), QuitGuard(bridge, window, lambda: others_open(window))
    )
    dock.add_limit_control(services.bandwidth, window.ui_state)
    for problem in services.startup.problems:
        window.messages.show_message(str(problem), Level.WARNING)
    editing = install_editing(
        window, operations, services.edit_cache or EditCache(default_root()), dock, first
    )
    install_quick_look(window, runner).panel.bandwidth = services.bandwidth
    NewWindow(window, lambda place: open_window(services, runner, bridge, place))
    return Explorer(
        window, operations, jobs, runner, bridge, dock, preview, versions, bookmarks, editing, tabs
    )


def open_window(
    services: Services, runner: TaskRunner, bridge: EngineBridge, place: Location | None
) -> MainWindow:
    """Another window on ``bridge``'s engine, shown at ``place``."""
    explorer = build_explorer(services, runner, bridge)
    explorer.window.show()
    assert explorer.tabs is not None
    explorer.tabs.start(place, None)
    return explorer.window


def install_bookmarks(window: MainWindow, store: BookmarkStore) -> BookmarkCommands:
    """The Bookmarks section of the tree, the Bookmarks menu, Ctrl+D, ``@NAME`` in the path bar."""
    menu = window.menuBar().findChild(QMenu, "bookmarks-menu")
    assert isinstance(menu, QMenu), "chrome.MENUS has a Bookmarks menu"
    surfaces = BookmarkSurfaces(
        tree=window.tree,
        tree_model=window.tree_model,
        menu=menu,
        actions={name: window.explorer_actions[name] for name in ACTION_NAMES},
        runner=window.runner,
        here=lambda: window.location,
        go=window.navigate,
        say=lambda text: window.statusBar().showMessage(text, 8000),
        fail=lambda text: window.messages.show_message(text, Level.WARNING),
        parent=window,
    )
    commands = BookmarkCommands(store, surfaces)
    window.pathbar.bookmarks = commands.places
    return commands


def install_quick_look(window: MainWindow, runner: TaskRunner) -> QuickLook:
    """View > Quick Look on the table's current object (Shift+Space)."""
    look = QuickLook(runner, window)

    def show() -> None:
        model, current = window.object_model, window.table.currentIndex()
        rows = window.table.selectionModel().selectedRows()
        row = current.row() if current.isValid() else (rows[0].row() if rows else -1)
        if model.provider is None or row < 0 or model.info(row).is_prefix:
            return
        look.show_object(model.provider, model.container, model.info(row))

    window.explorer_actions["quick_look"].triggered.connect(show)
    return look


def install_editing(
    window: MainWindow,
    operations: Operations,
    cache: EditCache,
    transfers: TransfersDock,
    resume: bool = True,
) -> EditingCommands:
    """Open / Open With… and View > Opened Files (beside the transfers panel, hidden until
    something is opened); copies still in the cache are watched again."""
    dock = OpenedFilesDock(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.splitDockWidget(transfers, dock, Qt.Orientation.Horizontal)
    dock.hide()

    def share_the_bottom(visible: bool) -> None:
        if visible and dock.width() < window.width() // 3:  # first shown: squeezed into a corner
            half = window.width() // 2
            window.resizeDocks([transfers, dock], [half, half], Qt.Orientation.Horizontal)

    dock.visibilityChanged.connect(share_the_bottom)
    window.view_menu.addAction(dock.toggleViewAction())
    editing = EditingCommands(operations, cache, dock)
    editing.apply_settings(window.ui_state)
    window.explorer_actions.connect_handlers(editing.handlers())
    window.openObject.connect(editing.open_selected)
    if resume:  # once: two windows watching the same copies would both upload them back
        editing.resume()
    return editing


def install_versions(window: MainWindow, context: CommandContext) -> VersionsCommands:
    """View > Show Versions as a page of the window's stack, following the place shown."""

    def show_page(page: QWidget | None) -> None:
        if page is None:
            if isinstance(window.stack.currentWidget(), VersionsPane):  # off: the objects again
                window.stack.setCurrentWidget(window.table)
            return
        window.stack.setCurrentWidget(page)

    commands = VersionsCommands(context, window.explorer_actions["show_versions"], show_page)
    install_tags_tab(context.parent)  # Properties of one or many objects: their tags,
    install_versions_tab(context)  # and of one object: its versions
    window.stack.addWidget(commands.page)  # a page of the stack from the start, never a loose child
    window.explorer_actions.connect_handlers(commands.handlers())
    window.stack.currentChanged.connect(
        lambda _index: commands.place_shown() if window.stack.currentWidget() is window.table else None
    )
    return commands


def customer_key_keeper(store: AccountStore) -> Callable[[str, str], None]:
    """Keeps an account's SSE-C key in the keyring (the account's secrets); blocking."""

    def keep(account: str, key: str) -> None:
        store.save(store.get(account), {CUSTOMER_KEY_FIELD: key})

    return keep


def preview_dock(window: MainWindow) -> PreviewDock:
    """The preview, following the object table while it is the page shown."""
    return PreviewDock(
        window.table,
        window.object_model,
        window.runner,
        window.ui_state,
        lambda: window.stack.currentWidget() is window.table,
        window,
    )


def first_location(services: Services, options: StartOptions) -> Location | None:
    """Where the window opens: the place asked for, else the one remembered, else the
    first account; ``None`` (the welcome page) while no account of a service exists."""
    names = [a.name for a in services.startup.accounts]
    if not names:
        return None
    account = options.account if options.account in names else names[0]
    if options.container:
        prefix = (
            options.prefix if not options.prefix or options.prefix.endswith("/") else options.prefix + "/"
        )
        return Location(account, options.container, prefix)
    remembered = services.ui_state.get("location")
    if options.account is None and options.screenshot is None and isinstance(remembered, str):
        try:
            place = Location.parse(remembered, account)
        except ValueError:
            place = None
        if place is not None and place.account in names:
            return place
    if options.account is None and not any(a.provider_kind.remote for a in services.startup.accounts):
        return None  # only this computer's folders: first, what else StoreBrowser is for
    return Location(account)


def run_gui(services: Services, options: StartOptions) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    # One look everywhere (Fusion follows the light/dark scheme), the docks' buttons drawn
    # in the palette's colours.
    app.setStyle(PaletteIconStyle("Fusion"))
    apply_color_scheme(app, options.color_scheme)
    i18n.install(app, options.language)  # before any widget takes its words
    Accessibility(app)  # names and tab order filled in as windows are first shown
    if options.icon_path is not None:
        app.setWindowIcon(QIcon(str(options.icon_path)))
    runner = TaskRunner()
    explorer = build_explorer(services, runner)
    window = explorer.window
    app.aboutToQuit.connect(explorer.bridge.close)  # quits that skip closeEvent still pause
    window.show()
    freeze_long_lived()
    share_the_gil()
    if options.screenshot is None:
        offer_unfinished(explorer.bridge, window)
    # The saved tabs unless a place or a screenshot was asked for (a picture never
    # depends on the last session).
    resume = options.screenshot is None and options.account is None and not options.container
    session = read_session(services.ui_state, [a.name for a in services.startup.accounts]) if resume else None
    assert explorer.tabs is not None
    explorer.tabs.start(first_location(services, options), session)
    shooter = None  # kept referenced: its timers call its methods
    if options.screenshot is not None:
        shooter = ScreenshotTaker(window, options.screenshot, open_first_container=options.container is None)
        shooter.start()
    code = app.exec()
    del shooter
    explorer.bridge.close()
    runner.wait_idle(5_000)
    services.pool.close()
    return code


class ScreenshotTaker:
    """Wait until the window shows real content, save it as PNG, quit.

    At account level (no ``--container``), the first container is opened once the
    account lists its containers, so the picture shows objects; then it waits for the
    first page. A failure (error state) still ends in a picture: it is worth seeing.
    """

    def __init__(self, window: MainWindow, path: Path, *, open_first_container: bool) -> None:
        self._window = window
        self._path = path
        self._open_first = open_first_container
        self._settle = 0
        self._timer = QTimer(window)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._poll)
        self._deadline = QTimer(window)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._give_up)

    def start(self) -> None:
        self._timer.start()
        self._deadline.start(SCREENSHOT_TIMEOUT_MS)

    def _poll(self) -> None:
        window = self._window
        location = window.location
        if location is None:
            if not window.welcome.searching:
                self._save(0)
            return
        if location.is_account:
            state = window.tree_model.state_at(window.tree_model.index_of(Location(location.account)))
            if state in (LoadState.NOT_LOADED, LoadState.LOADING):
                return
            containers = window.tree_model.containers_of(location.account) or []
            if self._open_first and containers:
                self._open_first = False
                window.navigate(location.child(containers[0].name))
                return
        elif (
            window.object_model.loading
            and window.object_model.rowCount() == 0
            and not window.messages.isVisible()
        ):
            return
        self._settle += 1
        if self._settle >= 3:  # a few turns for icons, tree expansion and layout
            self._save(0)

    def _give_up(self) -> None:
        print(
            f"screenshot: content did not load within {SCREENSHOT_TIMEOUT_MS // 1000} s; "
            "saving what is shown",
            file=sys.stderr,
        )
        self._save(1)

    def _save(self, code: int) -> None:
        self._timer.stop()
        self._deadline.stop()
        QApplication.processEvents()
        ok = self._window.grab().save(str(self._path), "PNG")
        if not ok:
            print(f"screenshot: could not write {self._path}", file=sys.stderr)
        QApplication.exit(code if ok else 1)
