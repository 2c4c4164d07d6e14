"""Handing out where objects are: their paths and plain URLs to the clipboard, and a
time-limited URL (with the account change some services ask for first)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication

from storebrowser.core.errors import ConsentRequired, StorageError
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.ui.commands.dialogs import ShareUrlDialog
from storebrowser.ui.commands.operations import CommandGroup


class Sharing(CommandGroup):
    def handlers(self) -> dict[str, Callable[[], None]]:
        """What each action does, by action name."""
        return {"copy_path": self.copy_path, "copy_url": self.copy_url, "share_url": self.share_url}

    def copy_path(self) -> None:
        location = self.places.location
        if location is None:
            return
        objects = self.places.selected_objects()
        if objects:
            lines = [f"{location.container}/{o.key}" for o in objects]
        else:
            lines = self.places.selected_containers()
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))
            self.messages.show_info(
                self.tr("Copied {n} paths.").format(n=len(lines))
                if len(lines) > 1
                else self.tr("Copied {path}").format(path=lines[0])
            )

    def copy_url(self) -> None:
        """Plain object URLs (no signature) to the clipboard; made without I/O."""
        location, objects = self.places.location, self.places.selected_objects()
        provider = self.context.pool.cached(location.account) if location is not None else None
        if location is None or provider is None or not objects:
            return
        try:
            urls = [provider.object_url(location.container, o.key) for o in objects if not o.is_prefix]
        except StorageError as error:
            self.messages.show_error(str(error))
            return
        QGuiApplication.clipboard().setText("\n".join(urls))
        self.messages.show_info(
            self.tr(
                "Copied. The URL opens for anyone only if the container is public; "
                "Copy Time-Limited URL makes one that always works."
            )
        )

    def share_url(self) -> None:
        location, objects = self.places.location, self.places.selected_objects()
        if location is None or len(objects) != 1:
            return
        key = objects[0].key
        dialog = ShareUrlDialog(f"{location.container}/{key}", self.context.parent)

        def make() -> None:
            lifetime = dialog.lifetime()
            dialog.make_button.setEnabled(False)

            def made(result: TaskResult[str]) -> None:
                dialog.make_button.setEnabled(True)
                if result.ok and result.value:
                    dialog.show_url(result.value)
                elif isinstance(result.error, ConsentRequired):
                    self._ask_consent(location.account, result.error, then=make, refused=dialog.show_problem)
                else:
                    dialog.show_problem(result.message())

            pool = self.context.pool
            self.context.runner.run(
                lambda: pool.get(location.account).share_url(location.container, key, expires_in=lifetime),
                made,
            )

        dialog.make_button.clicked.connect(make)
        self.ops.show_dialog(dialog)

    def _ask_consent(
        self,
        account: str,
        request: ConsentRequired,
        *,
        then: Callable[[], None],
        refused: Callable[[str], None],
    ) -> None:
        """The service needs a change to the account first: ask, make it, try again."""
        if not self.ops.confirm(self.tr("Change the Account?"), request.question, self.tr("Allow")):
            refused(request.message)
            return
        self.ops.run(account, lambda provider: provider.grant(request), lambda _value: then())
