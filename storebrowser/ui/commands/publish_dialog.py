"""Publish a local folder as a static website: which container, which folder, which
index and error pages. The folder's HTML files are listed on a worker."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storebrowser.qtbridge.tasks import TaskResult, TaskRunner

#: HTML files looked for in the chosen folder (the choices for index and error page).
MAX_PAGES = 500


def html_pages(folder: Path) -> list[str]:
    """Relative paths of the folder's HTML files, index-like ones first (a worker runs it)."""
    found: list[str] = []
    for here, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith((".html", ".htm")):
                found.append(Path(here, name).relative_to(folder).as_posix())
                if len(found) >= MAX_PAGES:
                    return found
    return sorted(found, key=lambda p: (p.count("/"), not p.startswith("index"), p))


class PublishDialog(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        containers: Sequence[str],
        container: str,
        *,
        fixed_container: str = "",
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish as Website"))
        self._runner = runner
        self._generation = 0
        self.container = QComboBox(self)
        self.container.setEditable(True)
        self.container.addItems(list(containers))
        self.container.setCurrentText(fixed_container or container)
        self.container.setEnabled(not fixed_container)
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(self.tr("The folder that holds the site"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.index = QComboBox(self)
        self.index.setEditable(True)
        self.index.setCurrentText("index.html")
        self.error = QComboBox(self)
        self.error.setEditable(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Container:"), self.container)
        form.addRow(self.tr("Local folder:"), row)
        form.addRow(self.tr("Index page:"), self.index)
        form.addRow(self.tr("Error page:"), self.error)
        layout = QVBoxLayout(self)
        if note:
            hint = QLabel(note, self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._pages: list[str] = []
        self.folder.textChanged.connect(self._folder_changed)
        self.index.currentTextChanged.connect(self._check)
        self.container.currentTextChanged.connect(self._check)
        self._check()

    def values(self) -> tuple[str, Path, str, str | None]:
        error = self.error.currentText().strip() or None
        return (
            self.container.currentText().strip(),
            Path(self.folder.text()),
            self.index.currentText().strip(),
            error,
        )

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("The Site's Folder"))
        if folder:
            self.folder.setText(folder)

    def _folder_changed(self, text: str) -> None:
        self._generation += 1
        generation = self._generation
        self._pages = []
        self.problem.setText(self.tr("Looking at the folder…") if text else "")
        self._check()
        if text:
            self._runner.run(lambda: html_pages(Path(text)), lambda result: self._listed(generation, result))

    def _listed(self, generation: int, result: TaskResult[list[str]]) -> None:
        if generation != self._generation:
            return
        self._pages = result.value or []
        index, error = self.index.currentText(), self.error.currentText()
        self.index.clear()
        self.index.addItems(self._pages)
        self.index.setCurrentText(
            index if index in self._pages else (self._pages[0] if self._pages else index)
        )
        self.error.clear()
        self.error.addItems(["", *self._pages])
        guess = next((p for p in self._pages if p.startswith(("404", "error"))), "")
        self.error.setCurrentText(error or guess)
        if not result.ok:
            self.problem.setText(result.message())
        self._check()

    def _check(self) -> None:
        container, _folder, index, _error = self.values()
        problem = ""
        if not container:
            problem = self.tr("Choose a container.")
        elif not self.folder.text():
            problem = self.tr("Choose the folder to publish.")
        elif self._pages and index not in self._pages:
            problem = self.tr("{index} is not in the folder.").format(index=index)
        elif not self._pages:
            problem = self.problem.text() if self.folder.text() else problem
        ok = not problem and bool(self._pages)
        if problem or ok:
            self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
