"""The question when an opened object changed on the server before the copy went back:
keep yours as a copy beside it, overwrite theirs (confirmed again), take theirs (yours is
set aside, not deleted), or compare (both open side by side). Later closes it; the copy
stays listed as a conflict."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from storebrowser.core.display import display_text
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.editing.state import OpenedFile


class ConflictChoice(enum.Enum):
    COPY = "copy"
    OVERWRITE = "overwrite"
    THEIRS = "theirs"
    COMPARE = "compare"
    LATER = "later"


def conflict_text(opened: OpenedFile) -> str:
    theirs = {None: "an ETag that could not be read", "": "been deleted"}.get(
        opened.theirs, f"ETag {opened.theirs}"
    )
    return (
        f"{opened.container}/{opened.key} was changed on the server after you opened it.\n\n"
        f"You opened ETag {opened.etag}; on the server it has now {theirs}.\n\n"
        f"Nothing was uploaded. Your version is safe in {opened.local}"
    )


class ConflictDialog(QDialog):
    def __init__(self, opened: OpenedFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened = opened
        self.choice = ConflictChoice.LATER
        self.setWindowTitle(self.tr("Changed on the Server"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        heading = QLabel(display_text(f"Someone else changed {opened.key}"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        layout.addWidget(heading)
        body = QLabel(display_text(conflict_text(opened)).replace("\\n", "\n"), self)
        body.setTextFormat(Qt.TextFormat.PlainText)  # keys and paths: never markup
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(body)
        self.buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole
        for choice, text, button_role, tip in (
            (
                ConflictChoice.COPY,
                QT_TRANSLATE_NOOP("ConflictDialog", "Keep Mine as a Copy"),
                role.AcceptRole,
                QT_TRANSLATE_NOOP(
                    "ConflictDialog", "Upload yours beside it as “name (my copy)”; theirs stays"
                ),
            ),
            (
                ConflictChoice.OVERWRITE,
                QT_TRANSLATE_NOOP("ConflictDialog", "Overwrite Theirs…"),
                role.DestructiveRole,
                QT_TRANSLATE_NOOP("ConflictDialog", "Replace their version with yours (asks again)"),
            ),
            (
                ConflictChoice.THEIRS,
                QT_TRANSLATE_NOOP("ConflictDialog", "Take Theirs"),
                role.ActionRole,
                QT_TRANSLATE_NOOP(
                    "ConflictDialog", "Download theirs; yours is renamed “name (mine)” beside it"
                ),
            ),
            (
                ConflictChoice.COMPARE,
                QT_TRANSLATE_NOOP("ConflictDialog", "Compare"),
                role.ActionRole,
                QT_TRANSLATE_NOOP("ConflictDialog", "Open both versions in their app"),
            ),
            (
                ConflictChoice.LATER,
                QT_TRANSLATE_NOOP("ConflictDialog", "Later"),
                role.RejectRole,
                QT_TRANSLATE_NOOP("ConflictDialog", "Decide later from View > Opened Files"),
            ),
        ):
            self._button(choice, self.tr(text), button_role, self.tr(tip))
        layout.addWidget(self.buttons)

    def _button(
        self, choice: ConflictChoice, text: str, role: QDialogButtonBox.ButtonRole, tip: str
    ) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setToolTip(tip)
        button.setObjectName(choice.value)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.done(
            QDialog.DialogCode.Rejected.value
            if choice is ConflictChoice.LATER
            else QDialog.DialogCode.Accepted.value
        )
