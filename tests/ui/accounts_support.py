"""Helpers of the accounts dialog tests: a store that notes its threads, form filling."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from storebrowser.accounts import Account, AccountStore, SecretStore, Storage
from storebrowser.accounts.secrets import usable_keyring
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.accounts.dialog import AccountsDialog
from storebrowser.ui.accounts.form import AccountForm, BoolEditor, ChoiceEditor

# -- a store that notes on which thread it is used ------------------------------------------


class SpySecrets(SecretStore):
    """The SecretStore the app opens where there is no keyring (session only)."""

    def __init__(self, note: Callable[[str], None]) -> None:
        super().__init__(None, find_backend=usable_keyring)
        self._note = note

    @property
    def storage(self) -> Storage:
        self._note("storage")
        return super().storage

    def get(self, account: str, field: str) -> str | None:
        self._note("secrets.get")
        return super().get(account, field)

    def set(self, account: str, field: str, value: str) -> None:
        self._note("secrets.set")
        super().set(account, field, value)

    def delete(self, account: str, field: str) -> None:
        self._note("secrets.delete")
        super().delete(account, field)

    def use_file(self, path: Path) -> None:
        self._note("secrets.use_file")
        super().use_file(path)


class SpyStore(AccountStore):
    """A real AccountStore; while ``recording``, notes each call and whether it came on
    the GUI thread. ``gate``, when set, holds ``save`` until the test opens it."""

    def __init__(self, path: Path) -> None:
        self.calls: list[tuple[str, bool]] = []
        super().__init__(path, SpySecrets(self._note))
        self.recording = False
        self.gate: threading.Event | None = None

    def _note(self, what: str) -> None:
        if self.recording:
            self.calls.append((what, threading.current_thread() is threading.main_thread()))

    def load(self) -> Any:
        self._note("load")
        return super().load()

    def accounts(self) -> list[Account]:
        self._note("accounts")
        return super().accounts()

    def names(self) -> set[str]:
        self._note("names")
        return super().names()

    def get(self, name: str) -> Account:
        self._note("get")
        return super().get(name)

    def save(self, account: Account, secrets: Any = None) -> None:
        self._note("save")
        if self.gate is not None:
            assert self.gate.wait(30)
        super().save(account, secrets)

    def remove(self, name: str) -> None:
        self._note("remove")
        super().remove(name)

    def rename(self, old: str, new: str) -> Account:
        self._note("rename")
        return super().rename(old, new)

    def settings_for(self, account: Account) -> Any:
        self._note("settings_for")
        return super().settings_for(account)

    def open_provider(self, account: Account) -> Any:
        self._note("open_provider")
        return super().open_provider(account)


# -- driving the dialog ------------------------------------------------------------------


def open_dialog(qtbot: Any, store: AccountStore, runner: TaskRunner, **kwargs: Any) -> AccountsDialog:
    dialog = AccountsDialog(store, runner, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, dialog)
    return dialog


def settle(qtbot: Any, dialog: Any) -> None:
    qtbot.waitUntil(lambda: not dialog.busy and getattr(dialog, "view", True) is not None, timeout=30_000)


def fill(form: AccountForm, name: str, settings: dict[str, Any]) -> None:
    form.name_edit.setText(name)
    for field_name, value in settings.items():
        editor = form.editors[field_name]
        if isinstance(editor, BoolEditor):
            editor.box.setChecked(bool(value))
        elif isinstance(editor, ChoiceEditor):
            editor.combo.setCurrentText(str(value))
        else:
            editor.input.clear()  # type: ignore[attr-defined]
            editor.input.insert(str(value))  # type: ignore[attr-defined]


def visible_texts(widget: QWidget) -> list[str]:
    """Every text a widget tree shows or holds (labels, line edits, buttons, tooltips)."""
    texts = []
    for child in widget.findChildren(QWidget):
        for getter in ("text", "placeholderText", "toolTip", "title", "currentText"):
            method = getattr(child, getter, None)
            if callable(method):
                texts.append(str(method()))
    return texts


def save_and_wait(qtbot: Any, dialog: AccountsDialog) -> None:
    with qtbot.waitSignal(dialog.accountsChanged, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, dialog)


def aws_home(home: Path) -> Path:
    (home / ".aws").mkdir(parents=True)
    (home / ".aws" / "credentials").write_text(
        "[work]\naws_access_key_id = AKIAWORK\naws_secret_access_key = work-secret-value\n"
        "region = eu-west-1\n\n[half]\naws_access_key_id = AKIAHALF\n"
    )
    return home


def alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


def dark_palette() -> QPalette:
    """A full dark palette, as a desktop in dark mode hands Qt (every role derived)."""
    palette = QPalette(QColor("#3a3a3a"), QColor("#2b2b2b"))
    colours = {
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#333333",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8f8f8f",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette
