"""Small dialogs of the explorer: a name with live validation, a time-limited URL, a
copy destination. None of them does I/O; the caller runs the work on a worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.display import display_text
from storebrowser.core.words import QT_TRANSLATE_NOOP

#: Returns what is wrong with a name, or ``None`` when it is fine.
NameCheck = Callable[[str], str | None]


class NameDialog(QDialog):
    """Asks for a name; OK stays disabled while ``check`` finds a problem, which is
    shown under the field as the user types (no error after the fact)."""

    def __init__(
        self,
        title: str,
        label: str,
        check: NameCheck,
        *,
        text: str = "",
        ok_text: str = "",
        regions: Sequence[str] = (),
        choice_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``regions``: where the new thing may be kept (the first is the default); a
        choice appears under the name when there are some, labelled ``choice_label``
        ("Region:" unless given: a storage policy, for one)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check = check
        self.edit = QLineEdit(text, self)
        self.region: QComboBox | None = None
        if regions:
            self.region = QComboBox(self)
            self.region.setObjectName("region")
            self.region.addItems(list(regions))
        self.problem = QLabel(self)  # in the normal colour: it is what to fix, not a hint
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        if ok_text:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        question = QLabel(label, self)
        question.setWordWrap(True)
        layout.addWidget(question)
        layout.addWidget(self.edit)
        if self.region is not None:
            row = QFormLayout()
            row.addRow(choice_label or self.tr("Region:"), self.region)
            layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._validate)
        self.setMinimumWidth(420)
        self._validate(text)
        stem = text.rsplit(".", 1)[0] if "." in text.strip(".") else text
        self.edit.setSelection(0, len(stem))

    @property
    def name(self) -> str:
        return self.edit.text()

    @property
    def chosen_region(self) -> str | None:
        return self.region.currentText() if self.region is not None else None

    def _validate(self, text: str) -> None:
        problem = self._check(text)
        self.problem.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        grow_to_fit(self)


def grow_to_fit(dialog: QDialog) -> None:
    """Make a shown dialog tall enough for its wrapped text (a longer problem takes more
    lines; Qt does not grow a window for that, and the text would be cut)."""
    layout = dialog.layout()
    if not dialog.isVisible() or layout is None:
        return
    layout.activate()
    needed = dialog.heightForWidth(dialog.width())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


def folder_name_problem(name: str) -> str | None:
    """A new folder or a new name inside the current folder: one path segment."""
    if not name.strip():
        return QGuiApplication.translate("NameDialog", "Type a name.")
    if "/" in name:
        return QGuiApplication.translate("NameDialog", "A name cannot hold '/'; it separates folders.")
    if name in (".", ".."):
        return QGuiApplication.translate("NameDialog", "'.' and '..' are not names.")
    if any(ord(ch) < 32 for ch in name):
        return QGuiApplication.translate("NameDialog", "A name cannot hold control characters.")
    return None


_UNITS = (
    (QT_TRANSLATE_NOOP("ShareUrlDialog", "minutes"), 60),
    (QT_TRANSLATE_NOOP("ShareUrlDialog", "hours"), 3600),
    (QT_TRANSLATE_NOOP("ShareUrlDialog", "days"), 86400),
)
MAX_URL_LIFETIME = timedelta(days=7)


class ShareUrlDialog(QDialog):
    """How long the URL lives; then shows the URL (made on a worker by the caller)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Time-Limited URL"))
        self.amount = QSpinBox(self)
        self.amount.setRange(1, 999)
        self.amount.setValue(1)
        self.unit = QComboBox(self)
        for label, _seconds in _UNITS:
            self.unit.addItem(self.tr(label))
        self.unit.setCurrentIndex(1)
        self.amount.setAccessibleName(self.tr("Valid for"))
        self.unit.setAccessibleName(self.tr("Unit of time"))
        self.url = QLineEdit(self)
        self.url.setReadOnly(True)
        self.url.setPlaceholderText(self.tr("Press “Make URL”"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.make_button = QPushButton(self.tr("Make URL"), self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        lifetime = QHBoxLayout()
        lifetime.addWidget(self.amount)
        lifetime.addWidget(self.unit)
        lifetime.addStretch(1)
        lifetime.addWidget(self.make_button)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.copy_button)
        form = QFormLayout()
        shown = QLabel(display_text(name), self)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Object:"), shown)
        form.addRow(self.tr("Valid for:"), lifetime)
        form.addRow(self.tr("URL:"), row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.setMinimumWidth(560)
        self.amount.valueChanged.connect(self._check)
        self.unit.currentIndexChanged.connect(self._check)
        self._check()

    def lifetime(self) -> timedelta:
        return timedelta(seconds=self.amount.value() * _UNITS[self.unit.currentIndex()][1])

    def _check(self) -> None:
        too_long = self.lifetime() > MAX_URL_LIFETIME
        self.problem.setText(self.tr("At most 7 days.") if too_long else "")
        self.make_button.setEnabled(not too_long)

    def show_url(self, url: str) -> None:
        self.url.setText(url)
        self.url.setCursorPosition(0)
        self.copy_button.setEnabled(True)
        self.problem.setText(self.tr("Anyone with this URL can read the object until it expires."))
        self.copy()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        grow_to_fit(self)

    def copy(self) -> None:
        if self.url.text():
            QGuiApplication.clipboard().setText(self.url.text())


class CopyToDialog(QDialog):
    """Destination of a server-side copy: a container of the same account and a folder."""

    def __init__(
        self, containers: Sequence[str], current: str, prefix: str, count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy To"))
        self.container = QComboBox(self)
        self.container.setEditable(True)
        self.container.addItems(list(containers))
        self.container.setCurrentText(current)
        self.folder = QLineEdit(prefix, self)
        self.folder.setPlaceholderText(self.tr("folder/ (empty: the top of the container)"))
        self.problem = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Copy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Copy {n} selected on the server to:").format(n=count), self))
        form.addRow(self.tr("Container:"), self.container)
        form.addRow(self.tr("Folder:"), self.folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.container.currentTextChanged.connect(self._check)
        self.setMinimumWidth(460)
        self._check()

    def destination(self) -> tuple[str, str]:
        folder = self.folder.text().strip().lstrip("/")
        if folder and not folder.endswith("/"):
            folder += "/"
        return self.container.currentText().strip(), folder

    def _check(self) -> None:
        ok = bool(self.container.currentText().strip())
        self.problem.setText("" if ok else self.tr("Choose a container."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
