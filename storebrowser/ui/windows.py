"""File > New Window (Ctrl+N): another explorer window on the same transfer engine, its
transfers panel showing the same jobs, opening at the place of the window that asked.

Only the first window writes the layout and the tabs on exit (a second one starts from a
copy of them); the engine stops when the last window closes, not before: a window's quit
guard lets it close at once while another explorer window is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from storebrowser.core.places import Location
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.ui.main_window import MainWindow

# Builds, shows and returns another window at the place given.
OpenWindow = Callable[[Location | None], MainWindow]
NEW_WINDOW = QT_TRANSLATE_NOOP("Windows", "New Window")


def others_open(window: QWidget) -> bool:
    """Whether an explorer window other than ``window`` is still shown."""
    return any(
        other is not window and isinstance(other, MainWindow) and other.isVisible()
        for other in QApplication.topLevelWidgets()
    )


class NewWindow(QObject):
    """The File menu's New Window on ``window``; the windows it opened are kept here until
    they are closed (then deleted)."""

    def __init__(self, window: MainWindow, open_window: OpenWindow) -> None:
        super().__init__(window)
        self._window = window
        self._open = open_window
        self.opened: list[MainWindow] = []
        self.action = QAction(QCoreApplication.translate("Windows", NEW_WINDOW), window)
        self.action.setObjectName("new_window")
        self.action.setShortcut(QKeySequence("Ctrl+N"))
        self.action.triggered.connect(lambda: self.open())
        window.addAction(self.action)
        menu = window.menuBar().findChild(QMenu, "file-menu")
        if menu is not None:  # after the tab commands, which come first
            tabs_end = next((a for a in menu.actions() if a.isSeparator()), None)
            if tabs_end is not None:
                menu.insertAction(tabs_end, self.action)
            else:
                menu.addAction(self.action)

    def open(self) -> MainWindow:
        opened = self._open(self._window.location)
        opened.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.opened.append(opened)
        opened.destroyed.connect(lambda: self.opened.remove(opened) if opened in self.opened else None)
        return opened
