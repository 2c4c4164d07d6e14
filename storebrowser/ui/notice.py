"""A message in place: an icon, a few wrapped lines and maybe one button.

Dialogs use it instead of message boxes for what the user should read but need not
answer: a problem in a form, the outcome of a connection test, where secrets are kept.
The colours come from the palette plus a stripe per level, so light and dark schemes
both read well.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from storebrowser.core.display import display_lines


class Level(enum.Enum):
    INFO = "info"
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


# Mid-tone stripes: visible on a light and on a dark background alike.
_STRIPES = {Level.INFO: "#3d7fd9", Level.OK: "#2e9d4f", Level.WARNING: "#e0a000", Level.ERROR: "#d9413d"}
_ICONS = {
    Level.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Level.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    Level.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Level.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


def level_icon(widget: QWidget, level: Level) -> QIcon:
    return widget.style().standardIcon(_ICONS[level])


class Notice(QFrame):
    """Hidden until ``show_message``; ``clear`` hides it again.

    Signals:
        actionClicked: the optional button was pressed.
    """

    actionClicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, action: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.level = Level.INFO
        self.row = row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 8, 6)
        self._icon = QLabel(self)
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._icon)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action, self)
            self.button.setAutoDefault(False)
            self.button.clicked.connect(self.actionClicked)
            row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_message(self, level: Level, text: str, *, action: bool = True) -> None:
        self.level = level
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self._icon.setPixmap(level_icon(self, level).pixmap(size, size))
        self.label.setText(display_lines(text))  # messages quote keys: shown escaped
        if self.button is not None:
            self.button.setVisible(action)
        self.setStyleSheet(
            f"QFrame#notice {{ background: palette(alternate-base); "
            f"border-left: 3px solid {_STRIPES[level]}; border-radius: 2px; }}"
        )
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        """The message shown, "" when hidden (works before the dialog is shown, too)."""
        return "" if self.isHidden() else self.label.text()
