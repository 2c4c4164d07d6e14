"""After an object was opened: its copy watched, checked on a worker when it settles,
uploaded back only when its hash changed and the object is still the version opened; a
conflict asked about (``ConflictDialog``) and settled on a worker. The records live in
memory here (the panel's rows); the JSON file is written by the workers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from storebrowser.core.places import Location
from storebrowser.editing.cleanup import let_go
from storebrowser.editing.conflicts import fetch_theirs, keep_as_copy, overwrite, set_mine_aside
from storebrowser.editing.session import Checked, Outcome, check_back
from storebrowser.editing.state import EditState, OpenedFile, OpenedFiles
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.ui.commands.operations import Operations
from storebrowser.ui.editing.conflict_dialog import ConflictChoice, ConflictDialog
from storebrowser.ui.editing.panel import OpenedFilesDock
from storebrowser.ui.editing.watcher import FolderWatcher

T = TypeVar("T")


class Opener(Protocol):
    """What the round trip asks of the open command."""

    store: OpenedFiles
    ops: Operations

    def launch(self, path: Path) -> bool: ...

    def work(
        self, account: str, job: Callable[[Provider], T], done: Callable[[TaskResult[T]], None]
    ) -> None: ...

    def open_key(self, location: Location, key: str, launch: Any) -> None: ...


class RoundTrip(QObject):
    #: A copy was checked (and uploaded, or not): its path and the ``Outcome`` value.
    checked = Signal(str, str)

    def __init__(self, opener: Opener, dock: OpenedFilesDock) -> None:
        super().__init__(dock)
        self.opener = opener
        self.dock = dock
        self.watcher = FolderWatcher(self)
        self.watcher.settled.connect(self.check)
        self.records: dict[str, OpenedFile] = {}
        self._busy: set[str] = set()
        self._again: set[str] = set()
        #: Asks how to settle a conflict (tests answer here).
        self.choose: Callable[[OpenedFile], ConflictChoice] = self.ask
        dock.stopWatching.connect(self.stop_watching)
        dock.resolve.connect(
            lambda local: self.resolve(self.records[local]) if local in self.records else None
        )

    def watch(self, opened: OpenedFile) -> None:
        self._show(opened)
        self.watcher.watch(opened.local)

    def stop_watching(self, local: str) -> None:
        self.watcher.forget(local)
        self.records.pop(local, None)
        self.dock.model.drop(local)
        store, messages = self.opener.store, self.opener.ops.messages

        def said(result: TaskResult[bool]) -> None:
            if result.value is False:
                messages.show_info(f"{local} holds changes that are not on the server: it is kept.")

        self.opener.ops.context.runner.run(lambda: let_go(store, local), said)

    def _show(self, opened: OpenedFile) -> None:
        self.records[opened.local] = opened
        self.dock.model.show(opened)

    # -- a settled change ---------------------------------------------------------------

    def check(self, local: str) -> None:
        """Hash the copy and upload it back if it changed (on a worker; one at a time)."""
        opened = self.records.get(local)
        if opened is None or opened.state is EditState.CONFLICT:
            return  # a conflict waits for its answer; later saves are in the copy all the same
        if local in self._busy:
            self._again.add(local)
            return
        self._busy.add(local)
        # Shown as under way while it is hashed and, if changed, sent; the record keeps its state.
        self.dock.model.show(opened.with_state(EditState.UPLOADING, opened.note))
        store, bandwidth = self.opener.store, self.opener.ops.context.bandwidth
        self.opener.work(
            opened.account,
            lambda p: check_back(p, store, opened, bandwidth),
            lambda r: self._checked(local, r),
        )

    def _checked(self, local: str, result: TaskResult[Checked]) -> None:
        self._busy.discard(local)
        checked = result.value
        if checked is None:
            self.opener.ops.messages.show_error(result.message())
            if local in self.records:
                self.dock.model.show(self.records[local])
        else:
            self._report(checked)
            self.checked.emit(local, checked.outcome.value)
        if local in self._again:
            self._again.discard(local)
            self.check(local)

    def _report(self, checked: Checked) -> None:
        opened = checked.opened
        if opened.local not in self.records:
            return  # stopped watching meanwhile
        self._show(opened)
        messages = self.opener.ops.messages
        if checked.outcome is Outcome.UPLOADED:
            messages.show_status(f"{opened.key}: uploaded back", 5000)
        elif checked.outcome is Outcome.FAILED:
            messages.show_error(opened.note)
        elif checked.outcome is Outcome.CONFLICT:
            self.resolve(opened)

    # -- a conflict ---------------------------------------------------------------------

    def ask(self, opened: OpenedFile) -> ConflictChoice:
        dialog = ConflictDialog(opened, self.opener.ops.context.parent)
        dialog.exec()
        return dialog.choice

    def resolve(self, opened: OpenedFile) -> None:
        choice = self.choose(opened)
        store, ops, done = self.opener.store, self.opener.ops, self._resolved
        bandwidth = ops.context.bandwidth  # the engine's: an edit's upload waits with the jobs
        if choice is ConflictChoice.COPY:
            self.opener.work(opened.account, lambda p: keep_as_copy(p, store, opened, bandwidth), done)
        elif choice is ConflictChoice.OVERWRITE and ops.confirm(
            self.tr("Overwrite Their Version"),
            self.tr("Replace the version of {key} on the server with yours? Theirs is lost unless "
                    "the container keeps versions.").format(key=opened.key),
            self.tr("Overwrite"),
        ):  # fmt: skip
            self.opener.work(opened.account, lambda p: overwrite(p, store, opened, bandwidth), done)
        elif choice is ConflictChoice.THEIRS:
            self.opener.work(
                opened.account, lambda _p: set_mine_aside(opened), lambda r: self._aside(opened, r)
            )
        elif choice is ConflictChoice.COMPARE:
            self.opener.work(
                opened.account,
                lambda p: fetch_theirs(p, opened, self.opener.ops.context.bandwidth),
                lambda r: self._compare(opened, r),
            )

    def _resolved(self, result: TaskResult[Checked]) -> None:
        checked = result.value
        if checked is None:
            self.opener.ops.messages.show_error(result.message())
            return
        self._show(checked.opened)
        if checked.outcome is Outcome.CONFLICT:
            self.resolve(checked.opened)  # changed once more meanwhile: ask again
        elif checked.outcome is Outcome.FAILED:
            self.opener.ops.messages.show_error(checked.opened.note)
        else:
            self.opener.ops.messages.show_info(checked.opened.note)

    def _aside(self, opened: OpenedFile, result: TaskResult[Path]) -> None:
        if result.value is None:
            self.opener.ops.messages.show_error(result.message())
            return
        self.opener.ops.messages.show_info(f"Your version of {opened.key} is kept at {result.value}.")
        location = Location(opened.account, opened.container)
        self.opener.open_key(location, opened.key, None)  # theirs, into the same copy; watched again

    def _compare(self, opened: OpenedFile, result: TaskResult[Path]) -> None:
        if result.value is None:
            self.opener.ops.messages.show_error(result.message())
            return
        self.opener.launch(Path(opened.local))
        self.opener.launch(result.value)
