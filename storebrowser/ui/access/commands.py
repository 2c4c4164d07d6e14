"""The "Who Can Read This?…" action: the settings window for the selected object, the
selected container, or the container shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit

from storebrowser.providers.base import Provider
from storebrowser.ui.access.dialog import SettingsDialog
from storebrowser.ui.commands.operations import CommandGroup, Operations

#: Keeps an account's SSE-C key in the keyring: ``(account, key)``; blocking (a worker runs it).
KeepAccountKey = Callable[[str, str], None]


class AccessCommands(CommandGroup):
    def __init__(self, operations: Operations, keep_key: KeepAccountKey) -> None:
        super().__init__(operations)
        self._keep_key = keep_key
        self.dialog: SettingsDialog | None = None

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {"access": self.open}

    def target(self) -> tuple[str, str | None] | None:
        """(container, key or None): one plain object selected, else one container."""
        location = self.places.location
        if location is None:
            return None
        objects = [o for o in self.places.selected_objects() if not o.is_prefix]
        if not location.is_account and len(objects) == 1:
            return location.container, objects[0].key
        containers = self.places.selected_containers()
        if len(containers) == 1:
            return containers[0], None
        return (location.container, None) if not location.is_account else None

    def open(self) -> None:
        location, target = self.places.location, self.target()
        if location is None or target is None:
            return
        container, key = target
        selected = [o.key for o in self.places.selected_objects() if not o.is_prefix]
        account = location.account

        def show(provider: Provider) -> None:
            dialog = SettingsDialog(
                self.context.runner, provider, container, key,
                confirm=self.ops.confirm, ask_key=self.ask_key,
                keep_key=lambda value: self._keep_key(account, value),
                first_key=selected[0] if selected else "", parent=self.context.parent,
            )  # fmt: skip
            dialog.changed.connect(self.messages.show_info)
            self.dialog = dialog
            self.ops.show_dialog(dialog)

        self.places.with_provider(account, show)

    def ask_key(self) -> str | None:
        """The customer key, typed hidden (tests answer it here)."""
        text, ok = QInputDialog.getText(
            self.context.parent,
            self.tr("Customer Key (SSE-C)"),
            self.tr("The object is encrypted with your own key. Give it (base64, 32 bytes); it is "
                    "kept in the system keyring for this account:"),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        return text if ok and text else None
