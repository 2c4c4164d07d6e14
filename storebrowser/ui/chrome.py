"""The window's chrome: which actions go in which menu, toolbar and context menu, how
the item views are set up, and the widgets around them (filter box, splitter, status
bar). Layouts are written as action names ("|" is a separator) so the whole arrangement
reads at a glance."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.ui.actions import ExplorerActions
from storebrowser.ui.objects.views import PlacesTreeView
from storebrowser.ui.places.tree_model import NodeKind
from storebrowser.ui.words import TranslationContext

MENUS = (
    (QT_TRANSLATE_NOOP("Chrome", "&File"),
     "accounts | open_with | new_container delete_container | upload_files upload_folder upload_options"
     " download | backup_here download_all publish | quit"),
    (QT_TRANSLATE_NOOP("Chrome", "&Edit"),
     "copy_path copy_url share_url copy_command | new_folder rename copy_to delete"
     " | storage_class restore_archive tags | properties access folder_stats | find compare"),
    (QT_TRANSLATE_NOOP("Chrome", "&View"),
     "refresh stop | show_versions | quick_look | folder_sizes | focus_filter find"),
    (QT_TRANSLATE_NOOP("Chrome", "&Go"), "back forward up | focus_path"),
    # and the bookmarks themselves: ui/bookmarks/commands.py
    (QT_TRANSLATE_NOOP("Chrome", "&Bookmarks"), "bookmark_add"),
    (QT_TRANSLATE_NOOP("Chrome", "&Help"), "shortcuts | about"),
)  # fmt: skip


class Chrome(TranslationContext):
    """The translation context of this module's words (``Chrome.tr``, as lupdate reads it)."""


ACTIONS_TOOLBAR = "upload_files download new_folder delete properties | accounts"
NAVIGATION_TOOLBAR = "back forward up refresh"
TREE_MENUS = {
    NodeKind.ACCOUNT: "refresh | new_container publish | copy_command accounts",
    NodeKind.CONTAINER: "refresh find folder_stats | upload_files upload_folder new_folder backup_here"
                        " | download_all publish copy_path copy_command | access | delete_container",
    NodeKind.FOLDER: "refresh find folder_stats | upload_files upload_folder new_folder backup_here"
                     " | download_all copy_command",
    NodeKind.BOOKMARK: "bookmark_rename bookmark_up bookmark_down | bookmark_remove",
    NodeKind.BOOKMARKS: "bookmark_add",
}  # fmt: skip
CONTAINERS_MENU = ("open | new_container delete_container | download_all publish copy_path copy_command"
                   " | access folder_stats | refresh")  # fmt: skip
OBJECTS_MENU = ("open open_with | download copy_to rename delete | copy_path copy_url share_url copy_command"
                " | storage_class restore_archive tags | versions properties access"
                " folder_stats folder_sizes")  # fmt: skip
PLACE_MENU = ("upload_files upload_folder upload_options new_folder backup_here | download_all copy_command"
              " | access find folder_stats compare | refresh")  # fmt: skip
#: Keys that line edits use too (Enter, Del, Backspace, F2, Ctrl+C) act only where the views
#: have focus.
VIEW_SHORTCUTS = ("open", "delete", "up", "rename", "copy_path", "quick_look")


def names(layout: str) -> list[str | None]:
    """``"a b | c"`` -> ``["a", "b", None, "c"]``."""
    return [None if word == "|" else word for word in layout.split()]


def fill(target: QMenu | QToolBar, actions: ExplorerActions, layout: str) -> None:
    for name in names(layout):
        if name is None:
            target.addSeparator()
        else:
            target.addAction(actions[name])


def build_menus(window: QMainWindow, actions: ExplorerActions, views: Iterable[QWidget]) -> QMenu:
    """The menu bar; returns the View menu (others add to it)."""
    view_menu = None
    for title, layout in MENUS:
        menu = window.menuBar().addMenu(Chrome.tr(title))
        menu.setObjectName(title.replace("&", "").lower() + "-menu")
        fill(menu, actions, layout)
        if title == "&View":
            view_menu = menu
    assert view_menu is not None
    for view in views:
        for name in VIEW_SHORTCUTS:
            action = actions[name]
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
    return view_menu


def build_toolbars(window: QMainWindow, actions: ExplorerActions, extra: Sequence[QWidget]) -> None:
    """Actions with text on top; below them navigation, then ``extra`` (path bar, filter)."""
    work = QToolBar(Chrome.tr("Actions"), window)
    work.setObjectName("actions-toolbar")
    work.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    work.setMovable(False)
    fill(work, actions, ACTIONS_TOOLBAR)
    window.addToolBar(work)
    window.addToolBarBreak()
    nav = QToolBar(Chrome.tr("Navigation"), window)
    nav.setObjectName("navigation-toolbar")
    nav.setMovable(False)
    fill(nav, actions, NAVIGATION_TOOLBAR)
    for widget in extra:
        nav.addWidget(widget)
    window.addToolBar(nav)


def setup_table(table: QTableView, model: QAbstractItemModel, widths: Sequence[int]) -> None:
    """A file-manager table: whole rows selected, sortable, movable and resizable columns."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab goes on to the next panel; the arrows move in the table
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name keeps its extension
    table.setAlternatingRowColors(True)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # first: Qt's default is descending
    table.setSortingEnabled(True)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)


OBJECT_COLUMN_WIDTHS = (300, 80, 130, 170, 110, 150)  # fits the default window: no scroll bar
CONTAINER_COLUMN_WIDTHS = (320, 100, 100, 150, 120)
TableView = TypeVar("TableView", bound=QTableView)


def make_table(table: TableView, name: str, model: QAbstractItemModel, widths: Sequence[int]) -> TableView:
    table.setObjectName(name)
    setup_table(table, model, widths)
    return table


class FilterBox(QLineEdit):
    """The filter. Esc clears it; Esc in an empty box gives the focus back (``left``).

    Signals:
        left: Esc with nothing to clear.
    """

    left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if self.text():
                self.clear()
            else:
                self.left.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def make_filter_box(parent: QWidget) -> FilterBox:
    box = FilterBox(parent)
    box.setObjectName("filter")
    box.setClearButtonEnabled(True)
    box.setPlaceholderText(Chrome.tr("Filter (Enter: search the server)"))
    box.setToolTip(
        Chrome.tr(
            "Typing filters the loaded names (any part, any case).\n"
            "Enter asks the server for names that start with the text. Esc clears it."
        )
    )
    box.setMaximumWidth(280)
    return box


def make_places_tree(parent: QWidget, model: QAbstractItemModel) -> PlacesTreeView:
    tree = PlacesTreeView(parent)
    tree.setObjectName("accounts")
    tree.setModel(model)
    tree.setHeaderHidden(True)
    tree.setUniformRowHeights(True)
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return tree


class PageStack(QStackedWidget):
    """The window's pages, sized by the page shown. A plain stack asks for the widest
    minimum of all its pages, hidden or not: the Versions pane's row of buttons (about
    840 px) then squeezed the tree to 70 px whenever the preview dock opened beside the
    objects."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return super().sizeHint() if page is None else page.sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())


def make_splitter(parent: QWidget, tree: QWidget, messages: QWidget, pages: QWidget) -> QSplitter:
    """The tree on the left; on the right the message strip above the pages."""
    right = QWidget(parent)
    layout = QVBoxLayout(right)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(messages)
    layout.addWidget(pages, 1)
    splitter = QSplitter(Qt.Orientation.Horizontal, parent)
    splitter.setObjectName("splitter")
    splitter.addWidget(tree)
    splitter.addWidget(right)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([270, 930])
    splitter.setChildrenCollapsible(False)
    return splitter


@dataclass(frozen=True, slots=True)
class StatusWidgets:
    status: QLabel
    selection: QLabel
    loading: QLabel
    stop: QToolButton


def make_status_bar(window: QMainWindow, stop: QAction) -> StatusWidgets:
    """What is shown and selected; while a listing loads, "Loading…" and a Stop button."""
    widgets = StatusWidgets(
        QLabel(window), QLabel(window), QLabel(Chrome.tr("Loading…"), window), QToolButton(window)
    )
    widgets.stop.setDefaultAction(stop)
    widgets.stop.setAutoRaise(True)
    bar = window.statusBar()
    bar.addWidget(widgets.status, 1)
    bar.addPermanentWidget(widgets.selection)
    bar.addPermanentWidget(widgets.loading)
    bar.addPermanentWidget(widgets.stop)
    widgets.loading.hide()
    widgets.stop.hide()
    return widgets
