"""Count a container's objects before deleting it, page by page on workers, with a
cancellable progress dialog when it takes more than a moment. A page is counted on its
worker, from its columns: no ``ObjectInfo`` per object, nothing per object here."""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress
from operator import not_

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from storebrowser.core.types import ObjectInfo, Page, entry_columns
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.format import number

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
            lambda: counted(pool.get(account).list_page(container, "", None, token, COUNT_PAGE)), arrived
        )

    def arrived(result: TaskResult[tuple[int, int, str | None]]) -> None:
        if dialog.wasCanceled():
            done(None)
            return
        if not result.ok or result.value is None:
            dialog.reset()
            context.messages.show_error(result.message())
            done(None)
            return
        objects, size, next_token = result.value
        totals[0] += objects
        totals[1] += size
        dialog.setLabelText(
            QCoreApplication.translate("Counting", "Counting the objects in {name}… {n} so far").format(
                name=container, n=number(totals[0])
            )
        )
        if next_token is None:
            dialog.reset()
            done((totals[0], totals[1]))
        else:
            ask(next_token)

    ask(None)


def counted(page: Page[ObjectInfo]) -> tuple[int, int, str | None]:
    """(objects, their bytes, the next page's token) of a page, from its columns."""
    columns = entry_columns(page.entries)
    objects = list(map(not_, columns.is_prefix))
    return sum(objects), sum(compress(columns.sizes, objects)), page.next_token
