"""The window's strip above the table for errors and notices: one message at a time,
no dialog storm, closable, with an optional action ("Try Again"). The dialogs' in-place
``Notice`` with a close button, a callback and notices that go away by themselves."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QToolButton, QWidget

from storebrowser.ui.icons import line_icon
from storebrowser.ui.notice import Level, Notice

__all__ = ["INFO_SECONDS", "Level", "MessageBar"]

INFO_SECONDS = 6


class MessageBar(Notice):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, action=" ")  # the button's text is set per message
        close = self.close_button = QToolButton(self)
        close.setObjectName("closeMessage")
        close.setAutoRaise(True)
        close.setIcon(line_icon("close"))  # the palette's colour: it shows on dark schemes too
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        self.row.addWidget(close)
        self._callback: Callable[[], None] | None = None
        self.actionClicked.connect(self._act)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.close_button.setIcon(line_icon("close"))
        super().changeEvent(event)

    @property
    def text(self) -> str:  # type: ignore[override]  # a property: the window's bar is read as .text
        return self.label.text()

    def show_message(  # type: ignore[override]  # (text, level=ERROR): most callers name no level
        self,
        text: str,
        level: Level = Level.ERROR,
        *,
        action: str = "",
        callback: Callable[[], None] | None = None,
    ) -> None:
        self._callback = callback
        super().show_message(level, text, action=bool(action and callback))
        if self.button is not None and action:
            self.button.setText(action)
        if level in (Level.INFO, Level.OK):
            self._timer.start(INFO_SECONDS * 1000)
        else:
            self._timer.stop()

    def _act(self) -> None:
        callback = self._callback
        self.hide()
        if callback is not None:
            callback()
