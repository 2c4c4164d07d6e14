"""The account form, generated from a provider kind's connection fields.

One editor per ``ConnectionField``: a line edit for TEXT and URL, a password line edit for
SECRET (empty means "unchanged", with an explicit Clear), a check box for BOOL, a combo box
for CHOICE, a spin box for INT and a line edit with "Browse…" for FOLDER. Fields of the
same ``group`` share a group box: the kinds use groups for alternative ways to sign in.

The form holds what the user typed and nothing else: it never reads a store. Whoever
shows it says which secrets are stored (``set_stored``) and where (``Storage``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storebrowser.accounts.model import Account, AccountError
from storebrowser.accounts.secrets import Storage
from storebrowser.core.colours import COLOUR_SETTING
from storebrowser.core.tuning import Tuning
from storebrowser.providers.registry import ConnectionField, FieldType, ProviderKind
from storebrowser.ui.accounts.colour_choice import ColourChoice
from storebrowser.ui.accounts.tuning_box import TuningBox

#: Words shown upper-case in a group box title made from a group name ("azure ad").
_ACRONYMS = {"ad", "aws", "iam", "sas", "sso", "tls", "url", "v1", "v2", "v3"}

#: A field's value as the settings hold it.
Value = str | bool | int


def caption(text: str, parent: QWidget | None = None) -> QLabel:
    """Small grey text under a field; grey from the palette, so dark schemes work too."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def group_title(group: str) -> str:
    words = [w.upper() if w.lower() in _ACRONYMS else w for w in group.split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


class FieldEditor(QObject):
    """The widgets of one field. ``widget`` goes into the form, ``input`` is the editor."""

    changed = Signal()

    def __init__(self, field: ConnectionField, parent: QWidget) -> None:
        super().__init__(parent)
        self.field = field
        self.input: QWidget = self._make_input(parent)
        self.widget: QWidget = self.input
        self.input.setToolTip(field.help)

    def _make_input(self, parent: QWidget) -> QWidget:
        raise NotImplementedError

    def value(self) -> Value | None:
        """The setting to save; None when empty (not saved at all)."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        self.set_value(self.field.default)


class TextEditor(FieldEditor):
    def _make_input(self, parent: QWidget) -> QWidget:
        self.line = QLineEdit(parent)
        self.line.setClearButtonEnabled(True)
        if self.field.type is FieldType.URL:
            self.line.setPlaceholderText("https://…")
        self.line.textChanged.connect(self.changed)
        return self.line

    def value(self) -> Value | None:
        return self.line.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class FolderEditor(TextEditor):
    def __init__(self, field: ConnectionField, parent: QWidget) -> None:
        super().__init__(field, parent)
        self.widget = QWidget(parent)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        self.input.setParent(self.widget)
        row.addWidget(self.input, 1)
        self.browse = QPushButton(self.tr("Browse…"), self.widget)
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.browse)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.widget, self.field.label, self.line.text())
        if chosen:
            self.line.setText(chosen)


class BoolEditor(FieldEditor):
    def _make_input(self, parent: QWidget) -> QWidget:
        self.box = QCheckBox(self.field.label, parent)
        self.box.toggled.connect(self.changed)
        return self.box

    def value(self) -> Value | None:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceEditor(FieldEditor):
    def _make_input(self, parent: QWidget) -> QWidget:
        self.combo = QComboBox(parent)
        self.combo.addItems(list(self.field.choices))
        self.combo.currentTextChanged.connect(self.changed)
        return self.combo

    def value(self) -> Value | None:
        return self.combo.currentText() or None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if text and self.combo.findText(text) < 0:
            self.combo.addItem(text)  # a hand-edited value: keep it rather than lose it
        self.combo.setCurrentIndex(max(self.combo.findText(text), 0))


class IntEditor(FieldEditor):
    def _make_input(self, parent: QWidget) -> QWidget:
        self.spin = QSpinBox(parent)
        self.spin.setRange(0, 2**31 - 1)
        self.spin.valueChanged.connect(self.changed)
        return self.spin

    def value(self) -> Value | None:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        try:
            self.spin.setValue(int(value or 0))
        except (TypeError, ValueError):
            self.spin.setValue(0)


class SecretEditor(FieldEditor):
    """A password field. Empty = keep what is stored; Clear = delete it when saving.

    The text shows only while "Show" is checked; a stored secret is never read back into
    the widget, so the field only ever holds what was typed in this dialog.
    """

    def __init__(self, field: ConnectionField, parent: QWidget) -> None:
        super().__init__(field, parent)
        self.stored = False
        self.storage = Storage.SESSION
        self.widget = QWidget(parent)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        self.input.setParent(self.widget)
        row.addWidget(self.input, 1)
        self.show_button = self._tool_button(self.tr("Show"), self.tr("Show what you typed"))
        self.show_button.toggled.connect(self._show_text)
        self.clear_button = self._tool_button(
            self.tr("Clear"), self.tr("Delete the stored value when saving")
        )
        self.clear_button.toggled.connect(self._clear_toggled)
        row.addWidget(self.show_button)
        row.addWidget(self.clear_button)
        self._update()

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self.widget)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        return button

    def _make_input(self, parent: QWidget) -> QWidget:
        self.line = QLineEdit(parent)
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.line.textChanged.connect(self.changed)
        self.line.textChanged.connect(self._update)
        return self.line

    def value(self) -> Value | None:
        return self.line.text() or None

    def set_value(self, value: Any) -> None:
        # Only ever called with None: stored secrets are not read back into widgets.
        self.line.setText("" if value is None else str(value))

    def reset(self) -> None:
        self.line.clear()
        self.clear_button.setChecked(False)
        self.show_button.setChecked(False)

    def set_stored(self, stored: bool, storage: Storage) -> None:
        self.stored, self.storage = stored, storage
        self.clear_button.setChecked(False)
        self._update()

    @property
    def cleared(self) -> bool:
        return self.clear_button.isChecked()

    def change(self) -> str | None:
        """What saving does: a new value, "" to delete the stored one, None to keep it."""
        if self.cleared:
            return ""
        return self.line.text() or None

    @property
    def present(self) -> bool:
        """Whether the account has this secret after saving."""
        return bool(self.line.text()) or (self.stored and not self.cleared)

    def _show_text(self, shown: bool) -> None:
        self.line.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def _clear_toggled(self, cleared: bool) -> None:
        if cleared:
            self.line.clear()
        self.line.setEnabled(not cleared)
        self._update()
        self.changed.emit()

    def _update(self) -> None:
        self.clear_button.setVisible(self.stored)
        tip = self.field.help
        if self.cleared:
            self.line.setPlaceholderText(self.tr("Will be deleted when you save"))
        elif self.stored:
            self.line.setPlaceholderText(self._stored_text())
            tip = "\n".join(filter(None, [tip, self.tr("Type a new value to replace the stored one.")]))
        else:
            self.line.setPlaceholderText(self.tr("Not set"))
        self.line.setToolTip(tip)

    def _stored_text(self) -> str:
        if self.storage is Storage.KEYRING:
            return self.tr("Stored in the keyring")
        if self.storage is Storage.FILE:
            return self.tr("Stored in the secrets file")
        return self.tr("Kept for this session only")


_EDITORS: dict[FieldType, type[FieldEditor]] = {
    FieldType.TEXT: TextEditor,
    FieldType.URL: TextEditor,
    FieldType.SECRET: SecretEditor,
    FieldType.BOOL: BoolEditor,
    FieldType.CHOICE: ChoiceEditor,
    FieldType.INT: IntEditor,
    FieldType.FOLDER: FolderEditor,
}


def make_editor(field: ConnectionField, parent: QWidget) -> FieldEditor:
    return _EDITORS[field.type](field, parent)


class AccountForm(QWidget):
    """Name plus one editor per connection field of ``kind``; validation in place.

    Signals:
        changed: the user edited something (the form is dirty if ``is_dirty()``).
    """

    changed = Signal()

    def __init__(self, kind: ProviderKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.editors: dict[str, FieldEditor] = {}
        self._labels: list[QLabel] = []
        self._loose: list[QFormLayout] = []
        self._boxes: list[QGroupBox] = []
        self._baseline: tuple[str, dict[str, Value], Tuning] = ("", {}, Tuning())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = self._form_layout(loose=True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("How the account is shown in the window"))
        self.name_edit.textChanged.connect(self.changed)
        top.addRow(self._label(self.tr("Name"), required=True), self.name_edit)
        self.colour = ColourChoice(self)
        self.colour.currentIndexChanged.connect(self.changed)
        colour_label = self._label(self.tr("Colour"), required=False)
        colour_label.setBuddy(self.colour)
        top.addRow(colour_label, self.colour)
        layout.addLayout(top)
        self._add_fields(layout)
        self.tuning_box = TuningBox(kind, self)
        self.tuning_box.changed.connect(self.changed)
        layout.addWidget(self.tuning_box)
        legend = caption(self.tr("* required"), self)
        layout.addWidget(legend)
        layout.addStretch(1)

    # -- building -----------------------------------------------------------------------

    def _form_layout(self, *, loose: bool = False) -> QFormLayout:
        form = QFormLayout()
        if loose:
            self._loose.append(form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _label(self, text: str, *, required: bool) -> QLabel:
        label = QLabel(f"{text} *" if required else text, self)
        self._labels.append(label)
        return label

    def _add_fields(self, layout: QVBoxLayout) -> None:
        groups = [f.group for f in self.kind.fields if f.group]
        if len(set(groups)) > 1:
            layout.addWidget(
                caption(self.tr("The boxes below are different ways to sign in: fill in one."), self)
            )
        loose: QFormLayout | None = None
        placed: set[str] = set()
        for field in self.kind.fields:
            if not field.group:
                if loose is None:
                    loose = self._form_layout(loose=True)
                    layout.addLayout(loose)
                self._add_row(loose, field)
            elif field.group not in placed:
                placed.add(field.group)
                loose = None
                layout.addWidget(self._group_box(field.group))

    def _group_box(self, group: str) -> QGroupBox:
        box = QGroupBox(self.kind.group_title(group) or group_title(group), self)
        self._boxes.append(box)
        form = self._form_layout()
        box.setLayout(form)
        for field in self.kind.fields:
            if field.group == group:
                self._add_row(form, field)
        return box

    def _add_row(self, form: QFormLayout, field: ConnectionField) -> None:
        editor = make_editor(field, self)
        editor.changed.connect(self.changed)
        self.editors[field.name] = editor
        cell: QWidget = editor.widget
        if field.help:
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(editor.widget)
            column.addWidget(caption(field.help, cell))
        if field.type is FieldType.BOOL:
            form.addRow(cell)  # the check box carries its own label
        else:
            label = self._label(field.label, required=field.required)
            label.setBuddy(editor.input)
            form.addRow(label, cell)

    def showEvent(self, event: QShowEvent) -> None:
        self._align_columns()
        super().showEvent(event)

    def _align_columns(self) -> None:
        """One label column for the rows inside group boxes and outside them: the same
        label width everywhere, and the loose rows indented as far as the boxed ones."""
        width = max((label.sizeHint().width() for label in self._labels), default=0)
        for label in self._labels:
            label.setMinimumWidth(width)
        inset = 0
        if self._boxes:
            box = self._boxes[0]
            box.ensurePolished()
            inner = box.layout()
            inset = box.contentsMargins().left() + (inner.contentsMargins().left() if inner else 0)
        for form in self._loose:
            form.setContentsMargins(inset, 0, inset, 0)

    # -- values -------------------------------------------------------------------------

    def input(self, field_name: str) -> QWidget:
        """The editing widget of a field (QLineEdit, QCheckBox, QComboBox or QSpinBox)."""
        return self.editors[field_name].input

    def secret_editors(self) -> list[SecretEditor]:
        return [e for e in self.editors.values() if isinstance(e, SecretEditor)]

    def load(self, account: Account | None) -> None:
        """Show ``account`` (None: a new one, with the fields' defaults)."""
        self.name_edit.setText(account.name if account is not None else "")
        self.colour.set_colour(account.settings if account is not None else None)
        for name, editor in self.editors.items():
            if isinstance(editor, SecretEditor):
                editor.reset()
            elif account is not None:
                editor.set_value(account.settings.get(name, editor.field.default))
            else:
                editor.reset()
        self.tuning_box.load(account.tuning if account is not None else Tuning())
        self.mark_clean()

    def set_stored(self, stored: frozenset[str], storage: Storage) -> None:
        """Which secret fields have a stored value, and where secrets are kept."""
        for editor in self.secret_editors():
            editor.set_stored(editor.field.name in stored, storage)

    def name(self) -> str:
        return self.name_edit.text().strip()

    def settings(self) -> dict[str, Value]:
        """The non-secret settings as they would be saved (empty text is left out)."""
        values = {n: e.value() for n, e in self.editors.items() if not isinstance(e, SecretEditor)}
        values[COLOUR_SETTING] = self.colour.colour()
        return {n: v for n, v in values.items() if v is not None}

    def secret_changes(self) -> dict[str, str]:
        """Secrets to set (typed) or delete (""); the rest stay as stored."""
        changes = {e.field.name: e.change() for e in self.secret_editors()}
        return {n: v for n, v in changes.items() if v is not None}

    def stored_secrets(self) -> frozenset[str]:
        return frozenset(e.field.name for e in self.secret_editors() if e.stored)

    def present_secrets(self) -> set[str]:
        return {e.field.name for e in self.secret_editors() if e.present}

    def account(self) -> Account:
        """The account as the form shows it; ``AccountError`` for a bad name."""
        return Account(self.name(), self.kind.name, self.settings(), self.tuning_box.tuning())

    def problems(self, *, new: bool = False) -> list[str]:
        """What stops saving, checked as the store will (stored secrets count as given);
        a ``new`` account also needs a way to sign in (``ProviderKind.missing``)."""
        try:
            self.account()
        except AccountError as error:
            return [str(error)]
        merged: dict[str, Any] = {**self.settings(), **{n: "(stored)" for n in self.present_secrets()}}
        return self.kind.missing(merged) if new else self.kind.problems(merged)

    def is_dirty(self) -> bool:
        return (self.name(), self.settings(), self.tuning_box.tuning()) != self._baseline or bool(
            self.secret_changes()
        )

    def mark_clean(self) -> None:
        """The form now matches what is saved (after loading or saving)."""
        self._baseline = (self.name(), self.settings(), self.tuning_box.tuning())

    def forget_typed_secrets(self) -> None:
        for editor in self.secret_editors():
            editor.reset()

    def focus_first(self) -> None:
        target: QWidget = self.name_edit
        if self.name() and self.kind.fields:
            target = self.editors[self.kind.fields[0].name].input
        target.setFocus(Qt.FocusReason.OtherFocusReason)
