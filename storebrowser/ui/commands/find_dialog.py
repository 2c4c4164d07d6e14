"""Edit ▸ Find…: what to look for below the place, checked before anything is asked of
the server (a bad size, date or expression is said under the fields, in one line)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.display import display_text
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.find.criteria import BadCriteria, Criteria

#: How the name field is read: (label, the keyword of ``Criteria.parse``).
NAME_MODES = (
    (QT_TRANSLATE_NOOP("FindDialog", "contains"), "contains"),
    (QT_TRANSLATE_NOOP("FindDialog", "matches glob"), "glob"),
    (QT_TRANSLATE_NOOP("FindDialog", "matches regular expression"), "regex"),
)


class FindDialog(QDialog):
    """Asks for a search; ``criteria`` holds it once accepted."""

    def __init__(self, place: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find"))
        self.criteria: Criteria | None = None
        self.name_mode = QComboBox()
        self.name_mode.setAccessibleName(self.tr("How the name matches"))
        for label, _keyword in NAME_MODES:
            self.name_mode.addItem(self.tr(label))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("*.psd"))
        self.name_mode.setCurrentIndex(1)
        self.min_size, self.max_size = QLineEdit(), QLineEdit()
        self.min_size.setPlaceholderText(self.tr("e.g. 100M"))
        self.max_size.setPlaceholderText(self.tr("e.g. 2G"))
        self.newer, self.older = QLineEdit(), QLineEdit()
        self.newer.setPlaceholderText(self.tr("2025-01-01, or an age: 7d"))
        self.older.setPlaceholderText(self.tr("2026-01-01"))
        self.storage_class, self.content_type = QLineEdit(), QLineEdit()
        self.storage_class.setPlaceholderText(self.tr("e.g. GLACIER, Cool"))
        self.content_type.setPlaceholderText(self.tr("image/png, or image"))
        self.case_sensitive = QCheckBox(self.tr("Names are case-sensitive"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self._lay_out(place)

    def _lay_out(self, place: str) -> None:
        intro = QLabel(self.tr("Everything below {place}").format(place=display_text(place)))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_mode)
        name_row.addWidget(self.name, 1)
        sizes, dates = QHBoxLayout(), QHBoxLayout()
        for row, low, high in ((sizes, self.min_size, self.max_size), (dates, self.newer, self.older)):
            row.addWidget(low, 1)
            row.addWidget(QLabel(self.tr("to")))
            row.addWidget(high, 1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), name_row)
        form.addRow(self.tr("Size"), sizes)
        form.addRow(self.tr("Modified"), dates)
        form.addRow(self.tr("Storage class"), self.storage_class)
        form.addRow(self.tr("Content type"), self.content_type)
        form.addRow("", self.case_sensitive)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Find"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def typed(self) -> Criteria:
        """What the fields say; ``BadCriteria`` (one line) when they cannot be a search."""
        keyword = NAME_MODES[self.name_mode.currentIndex()][1]
        name = self.name.text().strip()
        named: dict[str, Any] = {keyword: name} if name else {}
        return Criteria.parse(
            **named,
            min_size=self.min_size.text().strip() or None,
            max_size=self.max_size.text().strip() or None,
            newer=self.newer.text().strip() or None,
            older=self.older.text().strip() or None,
            storage_class=self.storage_class.text(),
            content_type=self.content_type.text(),
            case_sensitive=self.case_sensitive.isChecked(),
        )

    def accept(self) -> None:
        try:
            self.criteria = self.typed()
        except BadCriteria as bad:
            self.problem.setText(str(bad))
            return
        super().accept()
