"""The object table's paging: pages asked ahead by the worker, and what stops them.

A local folder of 1,200 files behind a provider that counts (and, on request, fails)
its ``list_page`` calls: the worker asks the next page without waiting for the GUI
thread, so these tests look at what reaches the GUI thread and at what the worker did.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import Transient
from storebrowser.core.types import ObjectInfo, Page
from storebrowser.providers.local.provider import LocalProvider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.table.packing import Interner, Packed
from storebrowser.ui.objects import listing as object_listing
from storebrowser.ui.objects.listing import ObjectLister, Place

FILES = [f"file-{i:04}.txt" for i in range(1200)]
WAIT_MS = 30_000


class CountingProvider(LocalProvider):
    """A local folder whose ``list_page`` counts its calls, fails from call ``fail_at``
    and, from call ``hold_at``, waits until ``release`` is set."""

    def __init__(self, root: Path, fail_at: int | None = None, hold_at: int | None = None) -> None:
        super().__init__(root)
        self.fail_at = fail_at
        self.hold_at = hold_at
        self.release = threading.Event()
        self.calls = 0
        self._lock = threading.Lock()

    def list_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:
        with self._lock:
            self.calls += 1
            call = self.calls
        if self.hold_at is not None and call >= self.hold_at:
            self.release.wait(WAIT_MS / 1000)
        if self.fail_at is not None and call >= self.fail_at:
            raise Transient(f"The server dropped page {call}; try again.")
        return super().list_page(container, prefix, delimiter, token, limit)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    documents = tmp_path / "documents"
    documents.mkdir()
    for name in FILES:
        (documents / name).write_bytes(b"x")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8\xff")
    return tmp_path


class Pages:
    """What the lister hands the GUI thread."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.counts: list[int] = []
        self.failures: list[str] = []

    def packed(self, packed: Packed) -> None:
        self.counts.append(packed.count)
        self.names += packed.names.decode().split("\0")[:-1]

    def lister(self, runner: TaskRunner, **sizes: int) -> ObjectLister:
        return ObjectLister(
            runner, on_packed=self.packed, on_failed=self.failures.append, on_state=lambda: None, **sizes
        )


def place(provider: LocalProvider, container: str = "documents") -> Place:
    return Place(provider, container, "", "")


def start(lister: ObjectLister, where: Place) -> None:
    lister.start(where, Interner(), Interner())


def settle(qtbot: Any, runner: TaskRunner, lister: ObjectLister) -> None:
    """Until the lister is idle and every worker has finished and delivered."""
    qtbot.waitUntil(lambda: not lister.busy, timeout=WAIT_MS)
    assert runner.wait_idle(WAIT_MS)  # no worker left waiting for room
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT_MS)


def test_a_continuing_listing_arrives_whole_and_in_order(
    qtbot: Any, runner: TaskRunner, folder: Path
) -> None:
    provider, pages = CountingProvider(folder), Pages()
    lister = pages.lister(runner, first_page=100, page_size=300)
    start(lister, place(provider))
    settle(qtbot, runner, lister)
    assert pages.names == FILES and pages.counts == [100, 300, 300, 300, 200]
    assert lister.exhausted and not lister.error and provider.calls == 5


def test_cancel_drops_the_page_asked_ahead_and_the_worker_stops(
    qtbot: Any, runner: TaskRunner, folder: Path
) -> None:
    provider, pages = CountingProvider(folder, hold_at=2), Pages()
    lister = pages.lister(runner, first_page=100, page_size=300)
    start(lister, place(provider))
    qtbot.waitUntil(lambda: pages.counts == [100] and provider.calls == 2, timeout=WAIT_MS)
    lister.cancel()  # while the worker is asking the second page
    provider.release.set()
    settle(qtbot, runner, lister)
    assert pages.counts == [100]  # what the worker had asked ahead never got in
    assert provider.calls == 2  # and it stopped asking
    calls = provider.calls
    assert lister.can_fetch_more() and not lister.continuing
    lister.fetch_more()  # one page, no more
    settle(qtbot, runner, lister)
    assert pages.counts == [100, 300] and pages.names == FILES[:400]
    assert provider.calls == calls + 1 and lister.can_fetch_more()


def test_a_new_place_stops_the_feed_of_the_old_one(qtbot: Any, runner: TaskRunner, folder: Path) -> None:
    provider, pages = CountingProvider(folder, hold_at=3), Pages()
    lister = pages.lister(runner, first_page=100, page_size=100)
    start(lister, place(provider))
    qtbot.waitUntil(lambda: bool(pages.counts) and provider.calls == 3, timeout=WAIT_MS)
    pages.names.clear()
    start(lister, place(provider, "photos"))  # while the worker is asking documents' third page
    provider.release.set()
    settle(qtbot, runner, lister)
    assert pages.names == ["cat.jpg"] and lister.exhausted
    assert provider.calls == 3 + 1  # documents stopped there; photos is one page


def test_a_failure_on_a_page_asked_ahead_surfaces(qtbot: Any, runner: TaskRunner, folder: Path) -> None:
    provider, pages = CountingProvider(folder, fail_at=3), Pages()
    lister = pages.lister(runner, first_page=100, page_size=300)
    start(lister, place(provider))
    settle(qtbot, runner, lister)
    assert pages.counts == [100, 300] and pages.names == FILES[:400]  # what came before the failure
    assert pages.failures == ["The server dropped page 3; try again."] == [lister.error]
    assert not lister.continuing and not lister.can_fetch_more() and not lister.exhausted
    assert provider.calls == 3  # nothing asked after the failure


def test_a_worker_the_window_does_not_answer_gives_up_and_the_window_asks_again(
    qtbot: Any, runner: TaskRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(object_listing, "ROOM_WAIT_S", 0.05)
    provider, pages = CountingProvider(folder), Pages()
    lister = pages.lister(runner, first_page=100, page_size=100)
    start(lister, place(provider))
    # The GUI thread takes nothing meanwhile: the worker asks the pages it has room for
    # (the first, and AHEAD more), then gives up.
    assert wait_for(lambda: provider.calls == 1 + object_listing.AHEAD and runner_waiting(runner))
    settle(qtbot, runner, lister)
    assert pages.names == FILES and lister.exhausted and not lister.error
    assert provider.calls == len(FILES) // 100  # every page asked once, whoever asked


def runner_waiting(runner: TaskRunner) -> bool:
    """No worker running: the feed's worker returned (gave up) rather than hold its thread."""
    return runner._pool.activeThreadCount() == 0


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    """Poll ``condition`` without letting the event loop run (the GUI thread is 'busy')."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_a_feed_delivers_in_order_then_its_failure(qtbot: Any, runner: TaskRunner) -> None:
    results: list[TaskResult[int]] = []

    def produce(emit: Callable[[int], None]) -> None:
        for value in range(50):
            emit(value)
        raise Transient("gone after 50")

    runner.run_feed(produce, results.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT_MS)
    assert [result.value for result in results[:-1]] == list(range(50))
    assert all(result.ok for result in results[:-1])
    assert not results[-1].ok and results[-1].message() == "gone after 50"


def test_a_feed_that_ends_well_delivers_only_its_values(qtbot: Any, runner: TaskRunner) -> None:
    results: list[TaskResult[str]] = []
    runner.run_feed(lambda emit: [emit(text) for text in ("a", "b")] and None, results.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT_MS)
    assert [(result.ok, result.value) for result in results] == [(True, "a"), (True, "b")]
