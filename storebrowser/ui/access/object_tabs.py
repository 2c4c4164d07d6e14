"""An object's expiry (when the server deletes it by itself) and encryption (the object's,
and the container's default), each read on a worker. An object encrypted with a customer
key that the account does not hold asks for it: the key goes to the keyring under the
account (``keep_key``, on a worker) and to the provider, never to a file or a message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from storebrowser.core.display import display_lines, display_text
from storebrowser.core.encryption import DefaultEncryption, EncryptionInfo, check_customer_key
from storebrowser.core.errors import CustomerKeyRequired, InvalidConfiguration
from storebrowser.core.expiry import parse_duration, parse_moment, time_left
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.access.panel import plain_label
from storebrowser.ui.format import local_time
from storebrowser.ui.notice import Level, Notice

#: Asks a person for a customer key (hidden input); ``None``: they declined.
AskKey = Callable[[], str | None]
#: Keeps a customer key in the keyring under the account (blocking: runs on a worker).
KeepKey = Callable[[str], None]


def expiry_text(moment: datetime | None) -> str:
    if moment is None:
        return "No expiry: the object stays until someone deletes it."
    return f"The server deletes it at {local_time(moment)} ({time_left(moment)})."


class ExpiryTab(QWidget):
    def __init__(self, runner: TaskRunner, provider: Provider, container: str, key: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._runner, self._provider, self._container, self._key = runner, provider, container, key
        self.current = plain_label(self, self.tr("Reading…"))
        self.after = QLineEdit(self)
        self.after.setObjectName("expireAfter")
        self.after.setPlaceholderText(self.tr("90s, 10m, 12h, 7d, 2w"))
        self.at = QLineEdit(self)
        self.at.setObjectName("expireAt")
        self.at.setPlaceholderText("2031-01-31T18:00:00+01:00")
        self.problem = Notice(self)
        set_after = QPushButton(self.tr("Delete After"), self)
        set_at = QPushButton(self.tr("Delete At"), self)
        self.remove = QPushButton(self.tr("Keep It (Remove the Expiry)"), self)
        set_after.clicked.connect(lambda: self._set(after=self.after.text()))
        set_at.clicked.connect(lambda: self._set(at=self.at.text()))
        self.remove.clicked.connect(lambda: self._set())
        form = QFormLayout()
        for field, button in ((self.after, set_after), (self.at, set_at)):
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(button)
            form.addRow(self.tr("After:") if field is self.after else self.tr("At:"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.remove)
        layout.addWidget(self.problem)
        hint = self.tr("The server hides an expired object from reads at once and removes it later.")
        layout.addWidget(plain_label(self, hint, muted=True))
        layout.addStretch(1)
        provider = self._provider
        self._runner.run(lambda: provider.object_expiry(container, key), self._shown)

    def _set(self, *, after: str = "", at: str = "") -> None:
        try:
            duration = parse_duration(after) if after else None
            moment = parse_moment(at) if at else None
        except InvalidConfiguration as problem:
            self.problem.show_message(Level.ERROR, str(problem))
            return
        self.problem.clear()
        provider, container, key = self._provider, self._container, self._key
        self._runner.run(
            lambda: provider.set_object_expiry(container, key, after=duration, at=moment), self._shown
        )

    def _shown(self, result: TaskResult[datetime | None]) -> None:
        if not result.ok:
            self.problem.show_message(Level.ERROR, result.message())
            return
        self.current.setText(expiry_text(result.value))


class EncryptionTab(QWidget):
    def __init__(self, runner: TaskRunner, provider: Provider, container: str, key: str | None,
                 ask_key: AskKey, keep_key: KeepKey, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._runner, self._provider, self._container, self._key = runner, provider, container, key
        self._ask_key, self._keep_key = ask_key, keep_key
        self.object = plain_label(self, self.tr("Reading…") if key else "")
        self.default = plain_label(self, self.tr("Reading…"))
        self.problem = Notice(self, action=self.tr("Give the Key…"))
        self.problem.actionClicked.connect(self.give_key)
        form = QFormLayout()
        if key is not None:
            form.addRow(self.tr("This object:"), self.object)
        form.addRow(self.tr("Container default:"), self.default)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        provider, container, key = self._provider, self._container, self._key
        if key is not None:
            self._runner.run(lambda: provider.object_encryption(container, key), self._object_read)
        self._runner.run(lambda: provider.default_encryption(container), self._default_read)

    def _object_read(self, result: TaskResult[EncryptionInfo]) -> None:
        if result.value is not None:
            self.object.setText(display_text(result.value.sentence()))
            return
        self.object.setText(self.tr("Unknown."))
        needs_key = isinstance(result.error, CustomerKeyRequired)
        level = Level.WARNING if needs_key else Level.ERROR
        self.problem.show_message(level, result.message(), action=needs_key)

    def _default_read(self, result: TaskResult[DefaultEncryption]) -> None:
        said = result.value.sentence() if result.value is not None else result.message()
        self.default.setText(display_lines(said))

    def give_key(self) -> None:
        given = self._ask_key()
        if given is None:
            return
        try:
            key = check_customer_key(given)
        except InvalidConfiguration as problem:
            self.problem.show_message(Level.ERROR, str(problem), action=True)
            return
        provider, keep = self._provider, self._keep_key

        def keep_and_use() -> None:
            keep(key)
            provider.use_customer_key(key)

        self._runner.run(keep_and_use, self._kept)

    def _kept(self, result: TaskResult[None]) -> None:
        if not result.ok:
            self.problem.show_message(Level.ERROR, result.message(), action=True)
            return
        kept = self.tr("The key is kept in the system keyring for this account.")
        self.problem.show_message(Level.OK, kept, action=False)
        self.reload()
