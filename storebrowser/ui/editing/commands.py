"""Open an object in the user's app, and the round trip after it.

Open (Enter or a double-click on an object) and Open With…: the object is planned on a
worker (``editing.session.plan_open``: a HEAD, room on the disk), a large one asks first,
then it downloads as an engine job (shown in the transfers panel), is recorded on a worker
and handed to the desktop. Its folder is watched (``FolderWatcher``); a settled change is
hashed and uploaded back on a worker (``check_back``), at most one check per copy at a
time. A conflict asks (``ConflictDialog``). Nothing here touches the disk or the network
on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, QProcess, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from storebrowser.core.places import Location
from storebrowser.editing.cache import EditCache
from storebrowser.editing.cleanup import DEFAULT_KEEP_DAYS, clean_stale, still_cached
from storebrowser.editing.session import OpenPlan, download_spec, finish_open, plan_open
from storebrowser.editing.state import OpenedFile, OpenedFiles
from storebrowser.providers.base import MiB, Provider
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.transfers.jobs import State
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.ui.commands.operations import Operations
from storebrowser.ui.editing.panel import OpenedFilesDock
from storebrowser.ui.editing.round_trip import RoundTrip
from storebrowser.ui.format import human_size
from storebrowser.ui.uistate import UiState

T = TypeVar("T")
#: Objects larger than this ask before they are downloaded to be opened.
ASK_ABOVE = 100 * MiB
Launcher = Callable[[Path], bool]


def open_in_default_app(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class EditingCommands(QObject):
    def __init__(self, operations: Operations, cache: EditCache, dock: OpenedFilesDock) -> None:
        super().__init__(operations)
        self.ops = operations
        self.context = operations.context
        self.cache = cache
        self.store = OpenedFiles(cache.state_path)
        self.dock = dock
        self.ask_above = ASK_ABOVE
        self.keep_days = DEFAULT_KEEP_DAYS
        #: How a copy is handed to the desktop (tests put a stand-in editor here).
        self.launch: Launcher = open_in_default_app
        self.round_trip = RoundTrip(self, dock)

    def apply_settings(self, state: UiState) -> None:
        """``edit_cache_days`` (copies not opened for so many days are cleaned at start) and
        ``edit_ask_above_mib`` (larger objects ask before they download), when set."""
        days, above = state.get("edit_cache_days"), state.get("edit_ask_above_mib")
        if isinstance(days, int) and days > 0:
            self.keep_days = days
        if isinstance(above, int) and above >= 0:
            self.ask_above = above * MiB

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {"open_with": self.open_with}

    # -- on a worker --------------------------------------------------------------------

    def work(self, account: str, job: Callable[[Provider], T], done: Callable[[TaskResult[T]], None]) -> None:
        """``job(provider)`` on a worker; ``done(result)`` here, whether it worked or not."""
        pool = self.context.pool
        self.context.runner.run(lambda: job(pool.get(account)), done)

    def resume(self) -> None:
        """At start: clean copies not opened for ``keep_days``, watch the rest again."""

        def load() -> list[OpenedFile]:
            clean_stale(self.store, self.keep_days)
            return still_cached(self.store)

        self.context.runner.run(load, self._resumed)

    def _resumed(self, result: TaskResult[list[OpenedFile]]) -> None:
        for opened in result.value or []:
            self.round_trip.watch(opened)
            self.round_trip.check(opened.local)  # a save made while the app was closed goes up now

    # -- Open / Open With… --------------------------------------------------------------

    def open_selected(self) -> None:
        self._open(self.launch)

    def open_with(self) -> None:
        program = self.ask_program()
        if program:
            self._open(lambda path: QProcess.startDetached(program, [str(path)])[0])

    def ask_program(self) -> str:
        """Qt cannot list the desktop's applications for a type: the user picks a program."""
        title = self.tr("Open With — choose the program (this desktop's list of apps is not available)")
        program, _filter = QFileDialog.getOpenFileName(self.context.parent, title)
        return program

    def _open(self, launch: Launcher) -> None:
        location = self.context.places.location
        objects = [o for o in self.context.places.selected_objects() if not o.is_prefix]
        if location is None or location.is_account or len(objects) != 1:
            self.context.messages.show_info(self.tr("Select one object to open."))
            return
        self.open_key(location, objects[0].key, launch)

    def open_key(self, location: Location, key: str, launch: Launcher | None) -> None:
        """Download ``key`` of ``location``'s container and hand it to ``launch`` (``None``:
        only record and watch it again, as after taking their version)."""
        account, container = location.account, location.container

        def planned(result: TaskResult[OpenPlan]) -> None:
            if result.value is None:
                self.context.messages.show_error(result.message())
            elif self._size_ok(result.value):
                self.ops.submit(
                    download_spec(result.value), after=lambda job: self._downloaded(result.value, job, launch)
                )

        self.work(account, lambda p: plan_open(p, self.cache, self.store, account, container, key), planned)

    def _size_ok(self, plan: OpenPlan) -> bool:
        if plan.size <= self.ask_above:
            return True
        question = self.tr("{key} is {size}. Download it to open it?").format(
            key=plan.key, size=human_size(plan.size)
        )
        return self.ops.confirm(self.tr("Open a Large Object"), question, self.tr("Download and Open"))

    def _downloaded(self, plan: OpenPlan | None, job: JobSnapshot, launch: Launcher | None) -> None:
        if plan is None:
            return
        if job.state is not State.DONE:
            why = job.error or next((i.error for i in job.failed_items if i.error), "") or job.state.value
            self.context.messages.show_error(
                self.tr("{key} could not be opened: {why}").format(key=plan.key, why=why)
            )
            return
        self.work(plan.account, lambda p: finish_open(p, plan, self.store),
                  lambda result: self._recorded(result, launch))  # fmt: skip

    def _recorded(self, result: TaskResult[OpenedFile], launch: Launcher | None) -> None:
        opened = result.value
        if opened is None:
            self.context.messages.show_error(result.message())
            return
        self.round_trip.watch(opened)
        self.dock.show()
        self.dock.raise_()
        if launch is not None and not launch(Path(opened.local)):
            self.context.messages.show_error(
                self.tr("No application opens {path}; open it with Open With… (the copy is watched).").format(
                    path=opened.local
                )
            )
