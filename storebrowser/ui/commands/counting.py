"""Count a container's objects before deleting it, page by page on workers, with a
cancellable progress dialog when it takes more than a moment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from storebrowser.core.types import ObjectInfo, Page
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.ui.commands.context import CommandContext

COUNT_PAGE = 1000
SHOW_AFTER_MS = 400

#: Called with ``(objects, bytes)``, or ``None`` when the user cancelled or it failed.
Counted = Callable[[tuple[int, int] | None], None]


def count_objects(context: CommandContext, account: str, container: str, done: Counted) -> None:
    """Every object of ``container`` (flat listing); each page is its own task, so the
    window answers and Cancel stops after the page in flight."""
    owner = context.parent  # the dialog's owner: its words are translated there too
    dialog = QProgressDialog(
        QCoreApplication.translate("Counting", "Counting the objects in {name}…").format(name=container),
        QCoreApplication.translate("Counting", "Cancel"),
        0,
        0,
        owner,
    )
    dialog.setWindowTitle(QCoreApplication.translate("Counting", "Delete Container"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    totals = [0, 0]
    pool = context.pool

    def ask(token: str | None) -> None:
        context.runner.run(
            lambda: pool.get(account).list_page(container, "", None, token, COUNT_PAGE), arrived
        )

    def arrived(result: TaskResult[Page[ObjectInfo]]) -> None:
        if dialog.wasCanceled():
            done(None)
            return
        if not result.ok or result.value is None:
            dialog.reset()
            context.messages.show_error(result.message())
            done(None)
            return
        page = result.value
        totals[0] += sum(1 for e in page.entries if not e.is_prefix)
        totals[1] += sum(e.size for e in page.entries if not e.is_prefix)
        dialog.setLabelText(
            QCoreApplication.translate("Counting", "Counting the objects in {name}… {n} so far").format(
                name=container, n=f"{totals[0]:,}"
            )
        )
        if page.next_token is None:
            dialog.reset()
            done((totals[0], totals[1]))
        else:
            ask(page.next_token)

    ask(None)
