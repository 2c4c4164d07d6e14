"""What a command works with, handed to it as one explicit object instead of the window.

A command (an operation, a workflow, a drop, counting) needs a few services: the
provider pool, the task runner, the job queue on the transfer engine, a way to tell the
user something, and the place the user is at with what is selected there. They come in a
``CommandContext``; the window answers ``Places`` and ``Messages`` through a small adapter
(``ui.window_context``), and a test can answer them with plain objects, no window at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtWidgets import QWidget

from storebrowser.accounts.model import Account
from storebrowser.accounts.pool import ProviderPool
from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.find.criteria import Criteria
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.table.selection import Selection
from storebrowser.ui.messagebar import Level
from storebrowser.ui.transfers.jobs import JobQueue


class Places(Protocol):
    """Where the user is, what is selected there, and how to show a change of it."""

    @property
    def location(self) -> Location | None:
        """The place shown (an account, a container or a folder), or ``None``."""
        ...

    def selected_objects(self) -> list[ObjectInfo]:
        """An ``ObjectInfo`` per selected row: for actions on a few objects."""
        ...

    def selection(self) -> Selection:
        """The selected rows, cheap for a million: read what an action needs of each on
        a worker (``Selection.keys``), never an ``ObjectInfo`` per row here."""
        ...

    def selected_containers(self) -> list[str]: ...

    def container_names(self, account: str) -> list[str]:
        """The containers of ``account`` known so far (none before it is listed)."""
        ...

    def account(self, name: str) -> Account | None:
        """The saved account ``name`` (its kind and settings), if there is one."""
        ...

    def navigate(self, location: Location) -> None: ...

    def with_provider(
        self, account: str, then: Callable[[Provider], None], *, place: Location | None = None
    ) -> None:
        """``then(provider)`` once ``account`` is open; with ``place``, only if the user is
        still there by then."""
        ...

    def relist(self) -> None:
        """List the place shown again (a Find shown is run again)."""
        ...

    def show_found(self, location: Location, criteria: Criteria) -> None:
        """Show in the object table what ``criteria`` match below ``location``, as found."""
        ...

    def show_listed(self, info: ObjectInfo) -> None:
        """Show a new or changed object in the place shown without listing it again."""
        ...

    def reload_containers(self, account: str) -> None:
        """The containers of ``account`` changed: list them again."""
        ...

    def reload_folders(self, location: Location) -> None:
        """The folders under ``location`` may have changed: list them again."""
        ...


class Messages(Protocol):
    """How a command tells the user something."""

    def show_error(self, message: str, *, retry: Callable[[], None] | None = None) -> None: ...

    def show_info(self, message: str) -> None: ...

    def show_message(
        self, text: str, level: Level, *, action: str = "", callback: Callable[[], None] | None = None
    ) -> None: ...

    def show_status(self, text: str, timeout_ms: int) -> None:
        """A passing line in the status bar."""
        ...

    def show_transfers(self) -> None:
        """A job was queued: make sure its progress can be seen."""
        ...


@dataclass(frozen=True)
class CommandContext:
    pool: ProviderPool
    runner: TaskRunner
    #: The transfer engine, through its bridge to the GUI thread.
    jobs: JobQueue
    places: Places
    messages: Messages
    #: The owner of the dialogs a command opens (the window).
    parent: QWidget
    #: The engine's limit: reads made outside its jobs (a version saved, a preview, a
    #: conflict's compare) share its download rate.
    bandwidth: Bandwidth = field(default_factory=Bandwidth)
