"""Bookmarks in the window: Ctrl+D bookmarks the place shown, the Bookmarks section of
the tree and the Bookmarks menu go there, the tree's context menu renames, moves and
removes one.

The bookmarks are ``storebrowser.accounts.bookmarks.BookmarkStore`` (the file the CLI
reads too); every change is written on a worker and the tree and menu follow when it is
done. The path bar takes ``@NAME`` through the same list (``places()``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QTreeView, QWidget

from storebrowser.accounts.bookmarks import Bookmark, BookmarkError, BookmarkStore, check_name
from storebrowser.core.display import display_text
from storebrowser.core.places import Location
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.commands.dialogs import NameDialog
from storebrowser.ui.places.tree_model import AccountTreeModel

#: The actions this feature answers (defined with the others in ``ui/actions.py``).
ACTION_NAMES = ("bookmark_add", "bookmark_rename", "bookmark_up", "bookmark_down", "bookmark_remove")


@dataclass(frozen=True)
class BookmarkSurfaces:
    """What of the window the bookmarks touch (a feature never imports the window)."""

    tree: QTreeView
    tree_model: AccountTreeModel
    menu: QMenu
    actions: dict[str, QAction]
    runner: TaskRunner
    #: Where the window is, and how to go somewhere.
    here: Callable[[], Location | None]
    go: Callable[[Location], None]
    #: Tell the user something (a line in the status bar), or that something failed.
    say: Callable[[str], None]
    fail: Callable[[str], None]
    parent: QWidget


def default_name(place: Location) -> str:
    """The last part of the place: the folder, else the container, else the account."""
    if place.prefix:
        return place.prefix.rstrip("/").rpartition("/")[2] or place.container
    return place.container or place.account


def unique_name(wanted: str, taken: set[str]) -> str:
    base = wanted.replace("/", "-").lstrip("@").strip() or "bookmark"
    name, number = base, 2
    while name in taken:
        name = f"{base} {number}"
        number += 1
    return name


class BookmarkCommands(QObject):
    """Signals:
    changed(): the bookmarks were read or changed (the tree and menu show them).
    """

    changed = Signal()

    def __init__(self, store: BookmarkStore, surfaces: BookmarkSurfaces) -> None:
        super().__init__(surfaces.parent)
        self.store = store
        self.ui = surfaces
        self._shown: list[Bookmark] = []
        self._order = threading.Lock()
        self._sequence = self._applied = 0
        #: Asks for a new name (tests answer it): ``(title, label, current) -> name | None``.
        self.ask_name: Callable[[str, str, str], str | None] = self._ask_name
        handlers = {
            "bookmark_add": self.add_here,
            "bookmark_rename": self.rename_current,
            "bookmark_up": lambda: self.move_current(-1),
            "bookmark_down": lambda: self.move_current(+1),
            "bookmark_remove": self.remove_current,
        }
        for name, handler in handlers.items():
            surfaces.actions[name].triggered.connect(handler)
        for name in ("bookmark_up", "bookmark_down"):  # keys the tables use otherwise: the tree's only
            action = surfaces.actions[name]
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            surfaces.tree.addAction(action)
        surfaces.tree.selectionModel().currentChanged.connect(lambda *_: self._enable())
        surfaces.menu.aboutToShow.connect(self._fill_menu)
        self._fill_menu()
        self.reload()

    # -- reading ------------------------------------------------------------------------

    @property
    def bookmarks(self) -> list[Bookmark]:
        """As last read (the GUI thread's copy)."""
        return list(self._shown)

    def places(self) -> dict[str, str]:
        """Name -> place text, for ``@NAME`` in the path bar."""
        return {b.name: b.place for b in self._shown}

    def reload(self) -> None:
        """Read the file on a worker; the tree and menu follow."""
        self._change(self.store.load)

    # -- commands -----------------------------------------------------------------------

    def add_here(self) -> None:
        """Ctrl+D: bookmark the place shown, named after its last part (rename it later)."""
        place = self.ui.here()
        if place is None:
            self.ui.say(self.tr("Open a place first, then bookmark it."))
            return
        existing = next((b for b in self._shown if b.place == place.text()), None)
        if existing is not None:
            self.ui.say(self.tr("Already bookmarked as @{name}.").format(name=display_text(existing.name)))
            return
        name = unique_name(default_name(place), {b.name for b in self._shown})
        text = place.text()
        self._change(lambda: self.store.add(name, text))
        self.ui.say(self.tr("Bookmarked as @{name}: rename it from the tree's menu.").format(name=name))

    def rename(self, old: str) -> None:
        new = self.ask_name(self.tr("Rename Bookmark"), self.tr("New name of @{name}:").format(name=old), old)
        if new is not None and new != old:
            self._change(lambda: self.store.rename(old, new), keep=new)

    def remove(self, name: str) -> None:
        self._change(lambda: self.store.remove(name))

    def move(self, name: str, by: int) -> None:
        self._change(lambda: self.store.shift(name, by), keep=name)

    def go(self, name: str) -> None:
        bookmark = next((b for b in self._shown if b.name == name), None)
        if bookmark is not None:
            self.ui.go(bookmark.location)

    def current(self) -> str | None:
        """The bookmark chosen in the tree, if a bookmark is."""
        return self.ui.tree_model.bookmark_at(self.ui.tree.currentIndex())

    def rename_current(self) -> None:
        if (name := self.current()) is not None:
            self.rename(name)

    def remove_current(self) -> None:
        if (name := self.current()) is not None:
            self.remove(name)

    def move_current(self, by: int) -> None:
        if (name := self.current()) is not None:
            self.move(name, by)

    # -- inside -------------------------------------------------------------------------

    def _change(self, change: Callable[[], object], *, keep: str | None = None) -> None:
        """``change`` on a worker, then the bookmarks as they are now; ``keep``: the
        bookmark to have chosen in the tree afterwards."""

        def work() -> tuple[int, list[Bookmark]]:
            with self._order:  # one change at a time, each numbered: the last one shown wins
                change()
                self._sequence += 1
                return self._sequence, self.store.bookmarks()

        self._run(work, keep)

    def _run(self, work: Callable[[], tuple[int, list[Bookmark]]], keep: str | None = None) -> None:
        self.ui.runner.run(work, lambda result: self._done(result, keep))

    def _done(self, result: TaskResult[tuple[int, list[Bookmark]]], chosen: str | None) -> None:
        if not result.ok or result.value is None:
            error = result.error
            self.ui.fail(str(error) if isinstance(error, BookmarkError) else result.message())
            return
        sequence, bookmarks = result.value
        if sequence < self._applied:
            return  # a later change's list is shown already
        self._applied, self._shown = sequence, bookmarks
        if self.store.problem:
            self.ui.fail(self.store.problem)
        model = self.ui.tree_model
        model.set_bookmarks([(b.name, b.location) for b in self._shown])
        self.ui.tree.expand(model.bookmarks_index())
        if chosen is not None:  # the bookmark moved or renamed stays the one chosen
            self._choose(chosen)
        self._fill_menu()
        self.changed.emit()

    def _choose(self, name: str) -> None:
        model, heading = self.ui.tree_model, self.ui.tree_model.bookmarks_index()
        for row in range(model.rowCount(heading)):
            index = model.index(row, 0, heading)
            if model.bookmark_at(index) == name:
                self.ui.tree.setCurrentIndex(index)
                return
        self.ui.tree.setCurrentIndex(QModelIndex())

    def _enable(self) -> None:
        """Rename, move and remove act on the bookmark chosen in the tree."""
        chosen = self.current() is not None
        for name in ACTION_NAMES[1:]:
            self.ui.actions[name].setEnabled(chosen)

    def _fill_menu(self) -> None:
        """Bookmark This Place; the bookmarks; then what to do with the one chosen in the
        tree (so every bookmark command has a menu path, not only the context menu)."""
        menu = self.ui.menu
        menu.clear()
        menu.addAction(self.ui.actions["bookmark_add"])
        if self._shown:
            menu.addSeparator()
        for bookmark in self._shown:
            action = menu.addAction(display_text(bookmark.name))
            action.setToolTip(display_text(bookmark.place))
            action.setStatusTip(display_text(bookmark.place))
            action.triggered.connect(lambda _checked=False, name=bookmark.name: self.go(name))
        if self._shown:
            menu.addSeparator()
            for name in ACTION_NAMES[1:]:
                menu.addAction(self.ui.actions[name])
        self._enable()

    def _ask_name(self, title: str, label: str, current: str) -> str | None:
        def check(text: str) -> str | None:
            try:
                check_name(text)
            except BookmarkError as error:
                return str(error)
            taken = {b.name for b in self._shown} - {current}
            if text.strip() in taken:
                return QCoreApplication.translate(
                    "BookmarkCommands", "There is already a bookmark of that name."
                )
            return None

        dialog = NameDialog(
            title, label, check, text=current, ok_text=self.tr("Rename"), parent=self.ui.parent
        )
        return dialog.name.strip() if dialog.exec() == QDialog.DialogCode.Accepted else None
