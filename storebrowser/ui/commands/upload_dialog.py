"""What an upload sets on every object it makes: the content type (by default the one
each file's name suggests), user metadata for the whole upload, and what to do when an
object of the same name exists. Checked by the provider's rules before any job is queued.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import CustomerKeyRequired, InvalidConfiguration, InvalidMetadata, Unsupported
from storebrowser.core.expiry import parse_duration
from storebrowser.core.mime import guess_type
from storebrowser.core.properties import CONTENT_TYPE
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.transfers.jobs import ConflictPolicy
from storebrowser.ui.commands.encryption_choice import EncryptionChoice
from storebrowser.ui.properties.metadata_model import (
    COMMON_TYPES,
    MetadataTable,
    MetadataTableModel,
    problem_label,
)

#: Files named in the dialog with the type guessed for each, before "and N more".
NAMED_FILES = 6
CONFLICT_CHOICES = (
    (ConflictPolicy.ASK, QT_TRANSLATE_NOOP("UploadDialog", "Ask for each")),
    (ConflictPolicy.OVERWRITE, QT_TRANSLATE_NOOP("UploadDialog", "Overwrite")),
    (ConflictPolicy.SKIP, QT_TRANSLATE_NOOP("UploadDialog", "Skip")),
    (ConflictPolicy.RENAME, QT_TRANSLATE_NOOP("UploadDialog", "Keep both (rename the new one)")),
)


@dataclass(frozen=True, slots=True)
class UploadOptions:
    """``content_type`` ``None``: each object gets the type its file's name suggests."""

    content_type: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)
    conflict: ConflictPolicy = ConflictPolicy.ASK
    #: The storage class (access tier) to store them in; ``None``: the service's default.
    storage_class: str | None = None
    #: The ``--sse`` words (``s3``, ``kms:KEY``, ``c``, ``scope:NAME``); ``None``: the default.
    encryption: str | None = None
    #: Seconds after which the server deletes each object (Swift); ``None``: never.
    expire_after: int | None = None


def options_problem(provider: Provider | None, options: UploadOptions) -> str | None:
    """Why the provider would refuse what the upload sets (its rule), or ``None``."""
    if provider is None:
        return None  # not open yet: the upload itself checks before sending
    system = {CONTENT_TYPE: options.content_type} if options.content_type else None
    try:
        provider.check_properties(dict(options.metadata) or None, system)
        if options.encryption:
            provider.check_encryption(Encryption.parse(options.encryption))
    except (InvalidMetadata, InvalidConfiguration, CustomerKeyRequired, Unsupported) as error:
        return str(error)
    return None


def guesses(paths: Sequence[Path]) -> str:
    """The type guessed for the first files, from their names."""
    lines = [f"{p.name} → {guess_type(p.name)}" for p in paths[:NAMED_FILES] if p.suffix]
    more = len(paths) - NAMED_FILES
    if more > 0:
        lines.append(QCoreApplication.translate("UploadDialog", "… and {n} more").format(n=more))
    lines.append(QCoreApplication.translate("UploadDialog", "Files inside folders: each from its own name."))
    return "\n".join(lines)


class UploadDialog(QDialog):
    def __init__(
        self,
        paths: Sequence[Path],
        place: str,
        provider: Provider | None,
        *,
        conflict: ConflictPolicy = ConflictPolicy.ASK,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Upload to {place}").format(place=place))
        self.provider = provider
        caps = provider.capabilities if provider is not None else None
        intro = QLabel(self._describe(paths, place), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        types = QGroupBox(self.tr("Content type"), self)
        self.guess_button = QRadioButton(self.tr("From each file's name"), types)
        self.fixed_button = QRadioButton(self.tr("The same for every file:"), types)
        self.guess_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.guess_button)
        group.addButton(self.fixed_button)
        self.content_type = QLineEdit(types)
        self.content_type.setObjectName("contentType")
        self.content_type.setPlaceholderText("type/subtype")
        self.content_type.setCompleter(QCompleter(list(COMMON_TYPES), self.content_type))
        self.content_type.setEnabled(False)
        self.guessed = QLabel(types)
        self.guessed.setWordWrap(True)
        indent = self.style().pixelMetric(self.style().PixelMetric.PM_ExclusiveIndicatorWidth) + 8
        self.guessed.setContentsMargins(indent, 0, 0, 4)
        if runner is None:
            self.guessed.setText(guesses(paths))
        else:  # the first guess reads the system's MIME tables: disk I/O, so on a worker
            runner.run(lambda: guesses(paths), lambda result: self.guessed.setText(result.value or ""))
        fixed = QHBoxLayout()
        fixed.addWidget(self.fixed_button)
        fixed.addWidget(self.content_type, 1)
        box = QVBoxLayout(types)
        box.addWidget(self.guess_button)
        box.addWidget(self.guessed)
        box.addLayout(fixed)
        if caps is not None and not caps.content_type:
            self.fixed_button.setEnabled(False)
            self.fixed_button.setToolTip(self.tr("This service does not store a content type."))
        user = QGroupBox(self.tr("User metadata for every file"), self)
        self.model = MetadataTableModel(self)
        self.table = MetadataTable(self.model, user)
        QVBoxLayout(user).addWidget(self.table)
        if caps is not None and not caps.user_metadata:
            self.table.setEnabled(False)
            self.table.setToolTip(self.tr("This service does not store user metadata."))
        self.conflict = QComboBox(self)
        for policy, label in CONFLICT_CHOICES:
            self.conflict.addItem(self.tr(label), policy)
        self.conflict.setCurrentIndex(max(0, self.conflict.findData(conflict)))
        self.encryption = EncryptionChoice(caps, self)
        self.encryption.mode.currentIndexChanged.connect(self._check)
        self.encryption.detail.textChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.tr("When the name exists:"), self.conflict)
        form.addRow(self.tr("Encryption:"), self.encryption)
        self.storage_class = QComboBox(self)
        self.storage_class.setObjectName("storageClass")
        if provider is not None and caps is not None and caps.storage_tiers:
            classes = provider.storage_classes()  # described when it opened: no request
            self.storage_class.addItem(self.tr("The service's default"), None)
            for entry in classes.classes:
                self.storage_class.addItem(entry.name, entry.name)
                self.storage_class.setItemData(self.storage_class.count() - 1, entry.description,
                                               Qt.ItemDataRole.ToolTipRole)  # fmt: skip
            form.addRow(self.tr("Store in {noun}:").format(noun=classes.noun), self.storage_class)
        else:
            self.storage_class.hide()
        self.expiry = QLineEdit(self)
        self.expiry.setObjectName("expireAfter")
        self.expiry.setPlaceholderText(self.tr("Never (or 90s, 10m, 12h, 7d, 2w)"))
        self.expiry.textChanged.connect(self._check)
        if caps is not None and caps.object_expiry:
            form.addRow(self.tr("Server deletes after:"), self.expiry)
        else:
            self.expiry.hide()
        self.problem = problem_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Upload"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(types)
        layout.addWidget(user, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.fixed_button.toggled.connect(self._type_mode_changed)
        self.content_type.textChanged.connect(self._check)
        self.model.edited.connect(self._check)
        self.resize(560, 560)
        self._check()

    def _describe(self, paths: Sequence[Path], place: str) -> str:
        if len(paths) == 1:
            return self.tr("Upload {name} to {place}.").format(name=paths[0].name, place=place)
        return self.tr("Upload {n} files and folders to {place}.").format(n=len(paths), place=place)

    def _type_mode_changed(self, fixed: bool) -> None:
        self.content_type.setEnabled(fixed)
        if fixed:
            self.content_type.setFocus()
        self._check()

    def options(self) -> UploadOptions:
        """What the dialog holds (valid once ``problem()`` is ``None``)."""
        fixed = self.fixed_button.isChecked() and self.content_type.text().strip()
        edit = self.model.edit()
        return UploadOptions(
            content_type=self.content_type.text().strip() if fixed else None,
            metadata=dict(edit.set_user),
            conflict=self.conflict.currentData(),
            storage_class=self.storage_class.currentData(),
            encryption=self.encryption.value(),
            expire_after=self._expire_after(),
        )

    def _expire_after(self) -> int | None:
        text = self.expiry.text().strip()
        with contextlib.suppress(InvalidConfiguration):
            return int(parse_duration(text).total_seconds()) if text else None
        return None

    def problem_text(self) -> str | None:
        if self.fixed_button.isChecked() and not self.content_type.text().strip():
            return self.tr("Type the content type, or let each file's name choose it.")
        if (problem := self.model.problem()) is not None:
            return problem
        if text := self.expiry.text().strip():
            try:
                parse_duration(text)
            except InvalidConfiguration as error:
                return str(error)
        return options_problem(self.provider, self.options())

    def _check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.ok_button.setEnabled(problem is None)
