"""The Compare and Sync… action: the window, with the place shown as its left end."""

from __future__ import annotations

from collections.abc import Callable

from storebrowser.ui.commands.operations import CommandGroup
from storebrowser.ui.sync.compare_window import CompareWindow


class SyncCommands(CommandGroup):
    def handlers(self) -> dict[str, Callable[[], None]]:
        return {"compare": self.compare}

    def compare(self) -> None:
        location = self.places.location
        if location is None:
            return
        left = location.text() if location.container else ""
        self.window = CompareWindow(self.context, left, location.account, self.ops.confirm)
        self.ops.show_dialog(self.window)
