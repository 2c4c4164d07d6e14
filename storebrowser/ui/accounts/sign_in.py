"""Signing in again: a prompt for the secrets an account lacks, and what the message strip
offers when an account cannot be opened.

Where there is no system keyring, secrets live for one session; after a restart opening
the account raises ``MissingSecret``. Instead of a dead end ("Try Again" cannot help), the
window asks for the missing secrets with a "Remember" choice: in the keyring, or (with no
keyring) in the secrets file the user then chooses explicitly. A refused sign-in
(``AuthFailed``) offers "Edit Account…" instead of "Try Again".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from storebrowser.accounts.model import MissingSecret
from storebrowser.accounts.secrets import Storage
from storebrowser.accounts.store import AccountStore
from storebrowser.core.display import display_text
from storebrowser.core.errors import AuthFailed
from storebrowser.providers.registry import ConnectionField
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.accounts import tasks
from storebrowser.ui.accounts.form import caption
from storebrowser.ui.messagebar import Level, MessageBar
from storebrowser.ui.words import TranslationContext


class SignInWords(TranslationContext):
    """The translation context of this module's words (``SignInWords.tr``, as lupdate reads it)."""


class SignInDialog(QDialog):
    """The secrets ``fields`` of ``account``, with "Remember" worded for ``storage``."""

    def __init__(
        self, account: str, fields: Sequence[ConnectionField], storage: Storage, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        shown = display_text(account)  # a name read from the settings file: shown escaped
        self.setWindowTitle(self.tr("Sign in to {account}").format(account=shown))
        labels = ", ".join(f.label for f in fields)
        intro = QLabel(
            self.tr("{account} needs its {labels} to sign in.").format(account=shown, labels=labels), self
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for field in fields:
            edit = QLineEdit(self)
            edit.setObjectName(field.name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._check)
            form.addRow(field.label + ":", edit)
            self.edits[field.name] = edit
        self.remember = QCheckBox(self)
        self.remember.setObjectName("remember")
        note = caption("", self)
        if storage is Storage.KEYRING:
            self.remember.setText(self.tr("Remember in the system keyring"))
            self.remember.setChecked(True)
            note.hide()
        elif storage is Storage.FILE:
            self.remember.setText(self.tr("Remember in the secrets file"))
            self.remember.setChecked(True)
            note.setText(self.tr("The file is not encrypted; only your user can read it."))
        else:
            self.remember.setText(self.tr("Remember in a file (not encrypted)"))
            note.setText(
                self.tr(
                    "This computer has no system keyring: unless you choose the file, the "
                    "secret is forgotten when StoreBrowser closes. Only your user can read "
                    "the file, but anyone with access to your files or backups can."
                )
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign In"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._check()

    def secrets(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.edits.items() if edit.text()}

    def _check(self) -> None:
        filled = all(edit.text() for edit in self.edits.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled)


class SignIn(QObject):
    """Asks for an account's missing secrets once, however many places need them, then
    runs what waited for them (``ask``'s ``then``)."""

    def __init__(self, store: AccountStore, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self._owner = parent
        #: Account name -> what runs once it is signed in (a prompt is open or coming).
        self._waiting: dict[str, list[Callable[[], None]]] = {}
        self.dialog: SignInDialog | None = None

    def ask(self, error: MissingSecret, then: Callable[[], None]) -> None:
        name = error.account
        if name in self._waiting:
            self._waiting[name].append(then)
            return
        self._waiting[name] = [then]

        def find() -> tuple[Storage, list[ConnectionField]]:
            kind = self.store.get(name).provider_kind
            return tasks.storage(self.store), [kind.field(field) for field in error.fields]

        self.runner.run(find, lambda result: self._prompt(name, result))

    def _prompt(self, name: str, found: TaskResult[tuple[Storage, list[ConnectionField]]]) -> None:
        if not found.ok or found.value is None:  # the account went meanwhile
            self._waiting.pop(name, None)
            return
        storage, fields = found.value
        dialog = SignInDialog(name, fields, storage, self._owner)
        self.dialog = dialog
        dialog.finished.connect(lambda code: self._answered(name, dialog, code))
        dialog.open()

    def _answered(self, name: str, dialog: SignInDialog, code: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if code != QDialog.DialogCode.Accepted:
            self._waiting.pop(name, None)
            return
        values, remember = dialog.secrets(), dialog.remember.isChecked()

        def kept(result: TaskResult[None]) -> None:
            waiting = self._waiting.pop(name, [])
            if result.ok:
                for then in waiting:
                    then()

        self.runner.run(lambda: tasks.supply(self.store, name, values, remember=remember), kept)

    def pending(self, account: str) -> bool:
        return account in self._waiting


def report_failure(
    bar: MessageBar,
    sign_in: SignIn,
    edit_account: Callable[[str], None],
    account: str,
    error: BaseException | None,
    message: str,
    retry: Callable[[], None],
) -> None:
    """What the strip says when ``account`` could not be opened (``error``, worded as
    ``message``): a missing secret asks for it (and the strip offers the prompt again), a
    refused sign-in offers to edit the account, anything else to try again."""
    if isinstance(error, MissingSecret) and error.account:
        missing = error
        sign_in.ask(missing, retry)
        bar.show_message(
            SignInWords.tr("{account} needs you to sign in again.").format(account=account),
            Level.WARNING,
            action=SignInWords.tr("Sign In…"),
            callback=lambda: sign_in.ask(missing, retry),
        )
    elif isinstance(error, AuthFailed):
        bar.show_message(
            message,
            Level.ERROR,
            action=SignInWords.tr("Edit Account…"),
            callback=lambda: edit_account(account),
        )
    else:
        bar.show_message(message, Level.ERROR, action=SignInWords.tr("Try Again"), callback=retry)
