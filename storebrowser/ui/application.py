"""Start Qt, show the main window; or render it to a PNG and quit (``--screenshot``)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from storebrowser import APP_NAME, __version__
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.tree_model import AccountEntry, LoadState

SCREENSHOT_TIMEOUT_MS = 20_000


def run_gui(
    accounts: list[AccountEntry],
    *,
    icon_path: Path | None,
    screenshot: Path | None = None,
    container: str | None = None,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    if icon_path is not None:
        app.setWindowIcon(QIcon(str(icon_path)))
    runner = TaskRunner()
    window = MainWindow(accounts, runner)
    window.show()
    if accounts:
        window.tree.expand(window.tree_model.index(0, 0))
    if screenshot is not None:
        shooter = ScreenshotTaker(window, screenshot, container)
        shooter.start()
    code = app.exec()
    runner.wait_idle(5_000)
    return code


class ScreenshotTaker:
    """Wait until the window shows real content, save it as PNG, quit.

    Steps: the first account lists its containers; one container (the asked one, or the
    first) opens; its first page arrives. A step that fails (error state) still ends in
    a picture, since an error state is worth seeing too.
    """

    def __init__(self, window: MainWindow, path: Path, container: str | None) -> None:
        self._window = window
        self._path = path
        self._container = container
        self._opened = False
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
        tree = self._window.tree_model
        if tree.rowCount() == 0:
            self._save(0)
            return
        state = tree.account_state(0)
        if state in (LoadState.NOT_LOADED, LoadState.LOADING):
            return
        if not self._opened:
            self._opened = True
            if self._open_container():
                return
        if self._window.object_model.loading:
            return
        self._save(0)

    def _open_container(self) -> bool:
        """Select the container to show; False when there is none."""
        tree = self._window.tree_model
        account = tree.index(0, 0)
        for row in range(tree.rowCount(account)):
            index = tree.index(row, 0, account)
            if self._container in (None, tree.data(index)):
                self._window.tree.setCurrentIndex(index)
                return True
        return False

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
