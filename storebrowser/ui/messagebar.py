"""A strip above the table for errors and notices: one message at a time, no dialog
storm, closable, with an optional action ("Try again")."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QToolButton, QWidget

INFO_SECONDS = 6


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_ICONS = {
    Level.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Level.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Level.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self._icon = QLabel(self)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._action = QPushButton(self)
        self._action.hide()
        close = QToolButton(self)
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton))
        close.setToolTip(self.tr("Close"))
        close.clicked.connect(self.hide)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._action)
        layout.addWidget(close)
        self._callback: Callable[[], None] | None = None
        self._action.clicked.connect(self._act)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.level = Level.INFO
        self.hide()

    @property
    def text(self) -> str:
        return self._text.text()

    def show_message(
        self,
        text: str,
        level: Level = Level.ERROR,
        *,
        action: str = "",
        callback: Callable[[], None] | None = None,
    ) -> None:
        self.level = level
        self._text.setText(text)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self._icon.setPixmap(self.style().standardIcon(_ICONS[level]).pixmap(size, size))
        self._callback = callback
        self._action.setVisible(bool(action and callback))
        self._action.setText(action)
        palette = self.palette()
        base = self.parentWidget().palette() if self.parentWidget() else palette
        tint = base.color(QPalette.ColorRole.Highlight if level is Level.INFO else QPalette.ColorRole.Window)
        if level is Level.ERROR:
            tint = tint.darker(115) if tint.lightness() > 128 else tint.lighter(140)
        palette.setColor(QPalette.ColorRole.Window, tint)
        palette.setColor(
            QPalette.ColorRole.WindowText,
            base.color(
                QPalette.ColorRole.HighlightedText if level is Level.INFO else QPalette.ColorRole.WindowText
            ),
        )
        self.setPalette(palette)
        self.show()
        if level is Level.INFO:
            self._timer.start(INFO_SECONDS * 1000)
        else:
            self._timer.stop()

    def _act(self) -> None:
        callback = self._callback
        self.hide()
        if callback is not None:
            callback()
