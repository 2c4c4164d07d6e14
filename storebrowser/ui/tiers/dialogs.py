"""Storage Class… and Restore from Archive…: what to ask of the objects chosen, in the
service's own words (its classes, each with a line saying what it means; its restore
priorities; days where a restore is a copy kept for a while). Nothing here talks to the
service: the dialogs read the ``StorageClasses`` the provider described when it opened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.tiers import StorageClasses
from storebrowser.ui.format import counted
from storebrowser.ui.words import TranslationContext

#: S3 keeps a restored copy this many days unless asked otherwise (as the CLI does).
DEFAULT_DAYS = 7
#: What S3 takes at most (AWS: 1 to 30,000 days... we offer up to ten years).
MAX_DAYS = 3650


class SelectionWords(TranslationContext):
    """The translation context of the words for a selection (``SelectionWords.tr``, as
    lupdate reads it)."""


def selection_text(objects: int, folders: int) -> str:
    """``3 objects and 1 folder`` (folders with everything in them), in the window's language."""
    parts = []
    if objects:
        parts.append(
            counted(
                objects,
                SelectionWords.tr("{n} object", "", objects),
                SelectionWords.tr("{n} objects", "", objects),
            )
        )
    if folders:
        one = SelectionWords.tr("{n} folder with everything in it", "", folders)
        many = SelectionWords.tr("{n} folders with everything in them", "", folders)
        parts.append(counted(folders, one, many))
    if len(parts) < 2:
        return "".join(parts)
    return SelectionWords.tr("{objects} and {folders}").format(objects=parts[0], folders=parts[1])


class _Dialog(QDialog):
    """Intro line, a form, the OK button named for what it does."""

    def __init__(self, title: str, intro: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.intro)

    def finish(self) -> None:
        self.body.addLayout(self.form)
        self.body.addWidget(self.buttons)


class ClassDialog(_Dialog):
    """The class to move the objects to: the service's list, one line each."""

    def __init__(
        self, classes: StorageClasses, what: str, current: str | None = None, parent: QWidget | None = None
    ) -> None:
        noun = classes.noun
        super().__init__(
            self.tr("Change {noun}").format(noun=noun.title()),
            self.tr("Move {what} to another {noun}. Metadata, content settings and tags are kept; "
                    "one job, each object with its own result.").format(what=what, noun=noun),
            self.tr("Change"),
            parent,
        )  # fmt: skip
        self.classes = classes
        self.choices = QListWidget(self)
        self.choices.setAccessibleName(self.tr("Classes"))
        self.choices.setObjectName("classChoices")
        for entry in classes.classes:
            name = self.tr("{name} (archive)").format(name=entry.name) if entry.archive else entry.name
            item = QListWidgetItem(f"{name}\n{entry.description}", self.choices)
            item.setData(Qt.ItemDataRole.UserRole, entry.name)
            font = item.font()
            font.setBold(entry.name == current)  # where they are now
            item.setFont(font)
            if entry.archive:
                item.setToolTip(self.tr("An archive: objects must be restored before they can be read."))
        self.choices.setWordWrap(True)
        self.choices.setSpacing(2)
        self.choices.setAlternatingRowColors(True)
        self.body.addWidget(self.choices, 1)
        self.priority = QComboBox(self)
        self.priority.setObjectName("priority")
        for choice in classes.priorities:
            self.priority.addItem(f"{choice.name} — {choice.description}", choice.name)
        self.priority_label = QLabel(self.tr("Out of the archive:"), self)
        if classes.restore_targets:  # Azure: a move out of Archive is a rehydration at a priority
            self.form.addRow(self.priority_label, self.priority)
        else:
            self.priority.hide()
            self.priority_label.hide()
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.body.addWidget(self.note)
        self.finish()
        self.choices.currentItemChanged.connect(self._chosen)
        names = classes.names()
        start = names.index(current) if current in names else 0
        self.choices.setCurrentRow(start)
        self.resize(520, 480)

    def storage_class(self) -> str:
        item = self.choices.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def chosen_priority(self) -> str | None:
        return self.priority.currentData() if self.classes.restore_targets else None

    def _chosen(self) -> None:
        name = self.storage_class()
        if self.classes.is_archive(name):
            self.note.setText(self.tr("{name} is an archive class: its objects cannot be read until they "
                                      "are restored, which takes hours.").format(name=name))  # fmt: skip
        elif self.classes.restore_targets:
            self.note.setText(self.tr("Objects in the archive now are brought back (rehydrated) at the "
                                      "priority chosen."))  # fmt: skip
        else:
            self.note.setText("")
        self.ok_button.setEnabled(bool(name))


class RestoreDialog(_Dialog):
    """How to bring archived objects back: days (S3) or the tier to go to (Azure), and
    how fast (the service's priorities)."""

    def __init__(self, classes: StorageClasses, what: str, parent: QWidget | None = None) -> None:
        if classes.restore_days:
            intro = (
                "Restore {what} from the archive: a readable copy is made and kept for the days "
                "chosen; the objects stay in their class. Objects that are not archived are left alone."
            )
        else:
            intro = ("Restore {what} from the archive: each object moves to the tier chosen for good "
                     "(rehydration). Objects that are not archived are left alone.")  # fmt: skip
        super().__init__(self.tr("Restore from Archive"), self.tr(intro).format(what=what),
                         self.tr("Restore"), parent)  # fmt: skip
        self.classes = classes
        self.days = QSpinBox(self)
        self.days.setObjectName("days")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        if classes.restore_days:
            self.form.addRow(self.tr("Keep the copy for:"), self.days)
        else:
            self.days.hide()
        self.target = QComboBox(self)
        self.target.setObjectName("target")
        for name in classes.restore_targets:
            self.target.addItem(name, name)
        if classes.restore_targets:
            self.form.addRow(self.tr("Move to:"), self.target)
        else:
            self.target.hide()
        self.priority = QComboBox(self)
        self.priority.setObjectName("priority")
        for choice in classes.priorities:
            self.priority.addItem(f"{choice.name} — {choice.description}", choice.name)
        standard = self.priority.findData("Standard")
        self.priority.setCurrentIndex(max(0, standard))
        self.form.addRow(self.tr("Priority:"), self.priority)
        self.finish()
        self.resize(560, self.sizeHint().height())

    def chosen_days(self) -> int | None:
        return self.days.value() if self.classes.restore_days else None

    def chosen_target(self) -> str | None:
        return self.target.currentData() if self.classes.restore_targets else None

    def chosen_priority(self) -> str | None:
        return self.priority.currentData() if self.classes.priorities else None
