"""Help: the keyboard shortcuts (read off the window's menus, so the list cannot drift
from what the keys do) and About, with the versions of Python, Qt and the SDKs."""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable

import PySide6
from PySide6.QtCore import QObject, Qt, qVersion
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from storebrowser import APP_NAME, __version__
from storebrowser.core.versions import installed
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.words import TranslationContext

#: Keys that no menu shows: what they do where they work.
_KEYS_ELSEWHERE = (
    ("Everywhere", "Tab / Shift+Tab", "The next or previous panel: tree, filter, list, preview, transfers"),
    ("In the list", "Enter, double-click", "Into a folder; an object opens in its app and saves upload back"),
    ("In the list", "Space", "Show or hide the preview"),
    ("In the list", "Typing a name", "Go to the first name that starts with it"),
    ("In the list", "Shift+arrows, Ctrl+A", "Select more, or everything"),
    ("In the filter", "Enter", "Ask the server for names that start with the text"),
    ("In the filter", "Esc", "Clear the filter (again: back to the list)"),
    ("In the transfers panel", "Double-click", "Show the question a transfer waits on"),
)


class HelpWords(TranslationContext):
    """The translation context of this module's words (``HelpWords.tr``, as lupdate reads it)."""


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """``(where, keys, what)``: every menu action with a shortcut, then the other keys."""
    rows: list[tuple[str, str, str]] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):  # None: a plain action on the bar
            continue
        where = menu_action.text().replace("&", "")
        for action in menu.actions():
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys and not action.isSeparator():
                rows.append((where, ", ".join(keys), action.text().replace("&", "").rstrip("…")))
    rows.extend((HelpWords.tr(w), HelpWords.tr(k), HelpWords.tr(d)) for w, k, d in _KEYS_ELSEWHERE)
    return rows


class ShortcutsDialog(QDialog):
    """The keys, grouped by menu (or where they work)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.resize(640, 640)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)  # a list to read
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for where, keys, what in shortcut_rows(window):
            group = groups.get(where)
            if group is None:
                group = groups[where] = QTreeWidgetItem(self.tree, [where])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(group, [what, keys])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)


def about_text(versions: dict[str, str | None]) -> str:
    """The About box's text: what StoreBrowser is, and what it runs on."""
    lines = [
        f"Python {platform.python_version()} ({sys.platform})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        *(f"{name} {version or 'not installed'}" for name, version in versions.items()),
    ]
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>A browser for object storage: Amazon S3 and S3-compatible services, Azure Blob "
        "Storage, OpenStack Swift, and folders on this computer.</p>"
        "<p>" + "<br>".join(lines) + "</p>"
    )


class Help(QObject):
    """Help > Keyboard Shortcuts and Help > About for ``window``."""

    def __init__(self, window: QMainWindow, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.runner = window, runner
        self.shortcuts: ShortcutsDialog | None = None
        self.about: QMessageBox | None = None

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {"shortcuts": self.show_shortcuts, "about": self.show_about}

    def show_shortcuts(self) -> None:
        if self.shortcuts is None:
            self.shortcuts = ShortcutsDialog(self.window)
        self.shortcuts.show()
        self.shortcuts.raise_()
        self.shortcuts.activateWindow()

    def show_about(self) -> None:
        """The versions are read on a worker (package metadata is on disk), then shown."""
        self.runner.run(installed, self._show_about)

    def _show_about(self, result: TaskResult[dict[str, str | None]]) -> None:
        title = HelpWords.tr("About {app}").format(app=APP_NAME)
        close = QMessageBox.StandardButton.Close
        box = QMessageBox(QMessageBox.Icon.NoIcon, title, about_text(result.value or {}), close, self.window)
        box.setObjectName("aboutBox")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to paste in a report
        icon = self.window.windowIcon()
        if not icon.isNull():
            box.setIconPixmap(icon.pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about = box
        box.finished.connect(lambda _code: setattr(self, "about", None))
        box.open()
