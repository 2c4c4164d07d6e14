"""Tags…: the tags of one object, or a change of tags for many, in a dialog of their own
(from the object menus, for any selection and folders). The editing, and the service's
rules checked as typed, are ``tags_editor.TagsEditor``'s, which the Properties' Tags tab
shows too; OK is disabled until the edit holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from storebrowser.core.tags import TagEdit
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.tiers.tags_editor import TagsEditor, TagTable

__all__ = ["TagTable", "TagsDialog"]


class TagsDialog(QDialog):
    def __init__(
        self,
        provider: Provider,
        runner: TaskRunner,
        container: str,
        keys: list[str],
        what: str,
        *,
        folders: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.provider = provider
        self.editor = TagsEditor(provider, runner, container, keys, folders=folders, parent=self)
        self.single = self.editor.single
        self.table, self.problem = self.editor.table, self.editor.problem
        self.setWindowTitle(self.tr("Tags of {what}").format(what=what))
        intro = QLabel(self._intro(what), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save Tags") if self.single else self.tr("Apply to All"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.editor.changed.connect(self._check)
        self.resize(520, 460 if self.single else 540)
        self._check()

    def _intro(self, what: str) -> str:
        if self.single:
            return self.tr("The tags of {what} (they drive lifecycle rules and access policies).").format(
                what=what
            )
        return self.tr(
            "Change the tags of {what}, as one job: each object gets the tags below and loses the "
            "keys to remove, and keeps its other tags."
        ).format(what=what)

    @property
    def loaded(self) -> bool:
        return self.editor.loaded

    @property
    def unset(self) -> QPlainTextEdit:
        return self.editor.unset

    def edit(self) -> TagEdit:
        return self.editor.edit()

    def problem_text(self) -> str | None:
        return self.editor.problem_text()

    def _check(self) -> None:
        self.ok_button.setEnabled(self.editor.problem_text() is None)
