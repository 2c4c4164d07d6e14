"""Shows the command lines for what is selected, each with a Copy button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.equivalent import Request
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.equivalent import equivalents

_TITLES = {
    "ls": QT_TRANSLATE_NOOP("CommandDialog", "List"),
    "get": QT_TRANSLATE_NOOP("CommandDialog", "Download"),
    "rm": QT_TRANSLATE_NOOP("CommandDialog", "Delete"),
    "url": QT_TRANSLATE_NOOP("CommandDialog", "Time-limited URL"),
    "restore": QT_TRANSLATE_NOOP("CommandDialog", "Download all"),
    "backup": QT_TRANSLATE_NOOP("CommandDialog", "Back up a folder here"),
    "rb": QT_TRANSLATE_NOOP("CommandDialog", "Delete the container"),
    "put": QT_TRANSLATE_NOOP("CommandDialog", "Upload"),
    "mb": QT_TRANSLATE_NOOP("CommandDialog", "New container"),
    "publish": QT_TRANSLATE_NOOP("CommandDialog", "Publish"),
    "cp": QT_TRANSLATE_NOOP("CommandDialog", "Copy"),
}


class CommandDialog(QDialog):
    def __init__(self, requests: Sequence[Request], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy as Command"))
        self.lines: list[QLineEdit] = []
        grid = QGridLayout()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        row = 0
        for request in requests:
            heading = QLabel(f"<b>{self.tr(_TITLES.get(request.action, request.action))}</b>", self)
            grid.addWidget(heading, row, 0, 1, 3)
            row += 1
            for line in equivalents(request):
                edit = QLineEdit(line.command, self)
                edit.setAccessibleName(self.tr("Command line"))
                edit.setReadOnly(True)
                edit.setFont(mono)
                edit.setCursorPosition(0)
                if line.note:
                    edit.setToolTip(line.note)
                copy = QPushButton(self.tr("Copy"), self)
                copy.clicked.connect(lambda _checked=False, text=line.command: self.copy(text))
                grid.addWidget(QLabel(line.tool, self), row, 0)
                grid.addWidget(edit, row, 1)
                grid.addWidget(copy, row, 2)
                self.lines.append(edit)
                row += 1
        grid.setColumnStretch(1, 1)
        note = QLabel(
            self.tr(
                "Secrets are never part of a line: the other tools read them from their "
                "usual environment variables."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(820, self.sizeHint().height())

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
