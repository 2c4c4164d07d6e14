"""Commands run on the services they are given, with no window: a ``CommandContext``
built by hand from a pool, a task runner, a job queue on a real engine and plain objects
answering ``Places`` and ``Messages``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from storebrowser.accounts.model import Account
from storebrowser.accounts.pool import ProviderPool
from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.table.selection import Selection
from storebrowser.transfers import Journal, State, TransferEngine
from storebrowser.transfers.conflicts import AskCallback
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.commands.counting import count_objects
from storebrowser.ui.commands.operations import Operations
from storebrowser.ui.messagebar import Level
from storebrowser.ui.transfers.jobs import JobQueue

WAIT = 20_000


class FakePlaces:
    """``Places`` as plain data: where the user is, and a log of what commands asked."""

    def __init__(self, pool: ProviderPool, location: Location) -> None:
        self.pool = pool
        self.location: Location | None = location
        self.objects: list[ObjectInfo] = []
        self.asked: list[tuple[str, object]] = []

    def selected_objects(self) -> list[ObjectInfo]:
        return list(self.objects)

    def selection(self) -> Selection:
        return Selection.of(self.objects)

    def selected_containers(self) -> list[str]:
        return []

    def container_names(self, account: str) -> list[str]:
        return []

    def account(self, name: str) -> Account | None:
        return None

    def navigate(self, location: Location) -> None:
        self.asked.append(("navigate", location))
        self.location = location

    def with_provider(
        self, account: str, then: Callable[[Provider], None], *, place: Location | None = None
    ) -> None:
        then(self.pool.get(account))

    def relist(self) -> None:
        self.asked.append(("relist", None))

    def show_listed(self, info: ObjectInfo) -> None:
        self.asked.append(("show_listed", info))

    def reload_containers(self, account: str) -> None:
        self.asked.append(("reload_containers", account))

    def reload_folders(self, location: Location) -> None:
        self.asked.append(("reload_folders", location))


class FakeMessages:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def show_error(self, message: str, *, retry: Callable[[], None] | None = None) -> None:
        self.shown.append(("error", message))

    def show_info(self, message: str) -> None:
        self.shown.append(("info", message))

    def show_message(
        self, text: str, level: Level, *, action: str = "", callback: Callable[[], None] | None = None
    ) -> None:
        self.shown.append((level.name.lower(), text))

    def show_status(self, text: str, timeout_ms: int) -> None:
        self.shown.append(("status", text))

    def show_transfers(self) -> None:
        self.shown.append(("transfers", ""))


@pytest.fixture
def context(
    qtbot: Any, add_account: Any, local_root: Path, pool: ProviderPool, runner: TaskRunner, journal: Journal
) -> Iterator[CommandContext]:
    add_account("Here", "local", {"root": str(local_root)})
    (local_root / "box" / "docs").mkdir(parents=True)
    for name, data in (("a.txt", b"abc"), ("docs/b.txt", b"12345"), ("docs/c.txt", b"")):
        (local_root / "box" / name).write_bytes(data)

    def make_engine(ask: AskCallback) -> TransferEngine:
        return TransferEngine(pool, journal, concurrency=2, ask=ask)

    owner = QWidget()  # only the owner of dialogs: no window anywhere
    qtbot.addWidget(owner)
    bridge = EngineBridge(make_engine, parent=owner)
    jobs = JobQueue(bridge, owner)
    qtbot.waitUntil(lambda: bridge.engine is not None, timeout=WAIT)
    places = FakePlaces(pool, Location("Here", "box"))
    yield CommandContext(pool, runner, jobs, places, FakeMessages(), owner)
    bridge.close()


def test_operations_run_on_a_context_without_a_window(qtbot, context: CommandContext, local_root) -> None:
    ops = Operations(context)
    places, messages = context.places, context.messages
    assert isinstance(places, FakePlaces) and isinstance(messages, FakeMessages)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]

    # New Folder: asked, made on a worker, shown without a new listing.
    ops.ask_name = lambda *_args, **_kwargs: "fresh"
    ops.handlers()["new_folder"]()
    qtbot.waitUntil(lambda: ("reload_folders", Location("Here", "box")) in places.asked, timeout=WAIT)
    assert ("show_listed", ObjectInfo("fresh/", is_prefix=True)) in places.asked
    assert (local_root / "box" / "fresh").is_dir()

    # Delete: a job on the engine; the place shown is listed again when it is done.
    places.objects = [ObjectInfo("a.txt", 3)]
    places.asked.clear()
    ops.confirm = lambda *_args: True
    ops.handlers()["delete"]()
    qtbot.waitUntil(lambda: ("relist", None) in places.asked, timeout=WAIT)
    assert not (local_root / "box" / "a.txt").exists()
    assert ("transfers", "") in messages.shown
    assert context.jobs.engine is not None
    assert [job.state for job in context.jobs.engine.snapshot().jobs] == [State.DONE]
    assert not [kind for kind, _text in messages.shown if kind == "error"]


def test_counting_a_container_needs_only_the_context(qtbot, context: CommandContext) -> None:
    counted: list[tuple[int, int] | None] = []
    count_objects(context, "Here", "box", counted.append)
    qtbot.waitUntil(lambda: bool(counted), timeout=WAIT)
    assert counted == [(3, 8)]
