"""The transfers panel on a real engine: the local provider and a Swift all-in-one.

Transfers are slowed down by a wrapper around OUR provider (a pause before each part;
the SDK underneath is real and nothing is mocked), so that they last several timer ticks.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton

from storebrowser.core.errors import NotFound, StorageError
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.transfers import ConflictPolicy, JobKind, Journal, State, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from storebrowser.ui.transfer_dialogs import QuitGuard, offer_unfinished
from storebrowser.ui.transfers_dock import TransfersDock
from storebrowser.ui.transfers_model import PROGRESS_ROLE, Column
from tests.transfers.helpers import FAST_RETRY, Counting, CountingUpload

MiB = 1024 * 1024
WAIT_MS = 120_000
SHOTS = Path(os.environ.get("STOREBROWSER_SHOTS", "")) if os.environ.get("STOREBROWSER_SHOTS") else None


# -- a slow provider: real calls, a pause before each part, progress calls counted ------------


class _ChunkCountingUpload(CountingUpload):
    def upload_part(self, number: int, data: bytes, **kwargs: Any) -> Any:
        report = kwargs.get("progress")
        owner = self._owner
        if report is not None:

            def counted(delta: int) -> None:
                with owner.lock:
                    owner.chunks += 1  # type: ignore[attr-defined]
                report(delta)

            kwargs["progress"] = counted
        return super().upload_part(number, data, **kwargs)


class Slow(Counting):
    def __init__(self, inner: Provider, delay: float) -> None:
        super().__init__(inner)
        self.delay = delay
        self.chunks = 0
        self.before_part = lambda _n: time.sleep(self.delay)
        self.before_read = lambda _r: time.sleep(self.delay)

    def start_multipart(self, *args: Any, **kwargs: Any) -> _ChunkCountingUpload:
        return _ChunkCountingUpload(self._inner.start_multipart(*args, **kwargs), self)

    def resume_multipart(self, state: Any) -> _ChunkCountingUpload:
        return _ChunkCountingUpload(self._inner.resume_multipart(state), self)


# -- the panel in a window --------------------------------------------------------------------


class Window(QMainWindow):
    """What the main window does: the dock at the bottom, the quit guard in closeEvent."""

    def __init__(self, bridge: EngineBridge) -> None:
        super().__init__()
        self.resize(1100, 360)
        self.dock = TransfersDock(bridge, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.quit_guard = QuitGuard(bridge, self)
        self.dock.summary.connect(self.statusBar().showMessage)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.quit_guard.allow_close():
            event.accept()
        else:
            event.ignore()


@dataclass
class Panel:
    bridge: EngineBridge
    window: Window
    journal_path: Path

    @property
    def dock(self) -> TransfersDock:
        return self.window.dock

    @property
    def engine(self) -> TransferEngine:
        assert self.bridge.engine is not None
        return self.bridge.engine

    def submit(self, qtbot: Any, spec: JobSpec) -> str:
        ids: list[str] = []
        self.bridge.submit(spec, on_submitted=ids.append)
        qtbot.waitUntil(lambda: bool(ids) and self.row_of(ids[0]) >= 0, timeout=WAIT_MS)
        return ids[0]

    def row_of(self, job_id: str) -> int:
        return self.dock.model.job_row(job_id)

    def select(self, job_id: str) -> None:
        view = self.dock.view
        view.clearSelection()
        view.setCurrentIndex(self.dock.model.index(self.row_of(job_id), 0))

    def state(self, job_id: str) -> State:
        """As the engine itself says (not the panel)."""
        return self.engine.snapshot().job(job_id).state

    def job(self, job_id: str) -> Any:
        """As the latest snapshot says."""
        assert self.bridge.latest is not None
        return self.bridge.latest.job(job_id)

    def shown_state(self, job_id: str) -> State:
        return self.dock.model.job_at(self.dock.model.index(self.row_of(job_id), 0)).state

    def wait_state(self, qtbot: Any, job_id: str, *states: State) -> None:
        qtbot.waitUntil(
            lambda: self.row_of(job_id) >= 0 and self.shown_state(job_id) in states, timeout=WAIT_MS
        )


@pytest.fixture
def open_panel(qtbot: Any, tmp_path: Path) -> Iterator[Callable[..., Panel]]:
    panels: list[Panel] = []

    def make(providers: dict[str, Any], journal_path: Path | None = None, **options: Any) -> Panel:
        path = journal_path or tmp_path / "journal.sqlite3"
        settings: dict[str, Any] = dict(
            part_size=1 * MiB, part_concurrency=2, concurrency=1, retry=FAST_RETRY
        )
        settings.update(options)
        bridge = EngineBridge(lambda ask: TransferEngine(providers, Journal(path), ask=ask, **settings))
        window = Window(bridge)
        window.show()
        panel = Panel(bridge, window, path)
        panels.append(panel)
        qtbot.waitUntil(lambda: bridge.engine is not None, timeout=WAIT_MS)
        return panel

    yield make
    for panel in panels:
        panel.bridge.close()
        panel.window.close()
        panel.window.deleteLater()


@pytest.fixture
def swift(swift_provider: Provider) -> Iterator[tuple[Provider, str]]:
    container = f"ui{uuid.uuid4().hex[:12]}"
    swift_provider.create_container(container)
    swift_provider.part_size = swift_provider.min_part_size  # 1 MiB parts: SLO segments
    swift_provider.multipart_threshold = swift_provider.min_part_size
    yield swift_provider, container
    with contextlib.suppress(StorageError):
        swift_provider.delete_container(container, force=True)


def random_file(path: Path, size: int) -> bytes:
    data = os.urandom(size)
    path.write_bytes(data)
    return data


def upload(container: str, path: Path, key: str) -> JobSpec:
    return JobSpec(JobKind.UPLOAD_FILE, "acct", container, key=key, local=str(path))


def find_box(qtbot: Any, parent: QMainWindow, name: str) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [box for box in parent.findChildren(QMessageBox, name) if box.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def click(box: QMessageBox, button: str) -> None:
    found = box.findChild(QPushButton, button)
    assert found is not None, f"no button {button!r}"
    found.click()


def shot(widget: Any, tmp_path: Path, name: str) -> Path:
    folder = SHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path))
    return path


def upload_state(journal_path: Path, job_id: str) -> dict[str, Any]:
    """The open multipart upload of a job's item, as its journal has it."""
    [job] = [j for j in Journal(journal_path).load_jobs() if j.id == job_id]
    state = job.items[0].upload_state
    assert state is not None, "no upload in parts was started"
    return state


def parts_on_server(provider: Provider, state: dict[str, Any]) -> list[object]:
    """What is left of an upload on the server: [] once it was aborted."""
    try:
        left = provider.resume_multipart(state).uploaded_parts()
    except NotFound:
        return []
    return list(left or [])


# -- progress -------------------------------------------------------------------------------------


def test_progress_moves_over_timer_ticks_while_the_window_answers(
    qtbot, qtmodeltester, open_panel, swift, tmp_path
):
    provider, container = swift
    data = random_file(tmp_path / "big.bin", 24 * MiB)
    slow = Slow(provider, delay=0.12)
    panel = open_panel({"acct": slow})
    qtmodeltester.check(panel.dock.model)  # stays attached: checks every change that follows
    snapshots: list[float] = []
    probe_ticks: list[int] = [0]
    turns_between_snapshots: list[int] = []
    percents: list[float] = []
    summaries: list[str] = []

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(lambda: probe_ticks.__setitem__(0, probe_ticks[0] + 1))
    probe.start()

    def on_snapshot(_snap: object) -> None:
        snapshots.append(time.monotonic())
        turns_between_snapshots.append(probe_ticks[0])
        probe_ticks[0] = 0
        row = panel.row_of(job) if job else -1
        if row >= 0:
            value = panel.dock.model.index(row, Column.PROGRESS).data(PROGRESS_ROLE)
            if value is not None:
                percents.append(value)

    job = ""
    started = time.monotonic()
    panel.bridge.snapshot.connect(on_snapshot)
    panel.dock.summary.connect(summaries.append)
    job = panel.submit(qtbot, upload(container, tmp_path / "big.bin", "big.bin"))
    qtbot.waitUntil(lambda: any(20 < p < 80 for p in percents), timeout=WAIT_MS)
    picture = shot(panel.window, tmp_path, "transfers-dock-mid-upload.png")
    panel.wait_state(qtbot, job, State.DONE, State.FAILED)
    elapsed = time.monotonic() - started
    probe.stop()

    assert panel.state(job) is State.DONE, panel.engine.snapshot().job(job).error
    assert provider.read(container, "big.bin") == data
    assert percents == sorted(percents), "progress never goes back"
    assert len({round(p) for p in percents if 0 < p < 100}) >= 3, percents  # several ticks in between
    # One snapshot per timer tick at most (4 a second), whatever the number of chunks.
    assert 3 <= len(snapshots) <= elapsed / 0.25 + 3
    assert slow.chunks > 2 * len(snapshots)
    # The event loop kept turning between snapshots: the window answered all along.
    assert sum(turns_between_snapshots[1:]) >= 2 * len(snapshots), turns_between_snapshots
    assert any("running" in line and "MB/s" in line for line in summaries), summaries
    assert picture.stat().st_size > 0


# -- the dock's actions ---------------------------------------------------------------------------


def test_pause_resume_move_to_top_and_cancel_from_the_dock(qtbot, open_panel, swift, tmp_path):
    provider, container = swift
    slow = Slow(provider, delay=0.25)
    panel = open_panel({"acct": slow})
    dock = panel.dock
    random_file(tmp_path / "a.bin", 16 * MiB)
    small = random_file(tmp_path / "b.bin", 3 * MiB)
    first = panel.submit(qtbot, upload(container, tmp_path / "a.bin", "a.bin"))
    second = panel.submit(qtbot, upload(container, tmp_path / "b.bin", "b.bin"))
    panel.wait_state(qtbot, first, State.RUNNING)

    panel.select(second)  # queued behind the first (one worker)
    assert dock.top_action.isEnabled() and not dock.resume_action.isEnabled()
    dock.top_action.trigger()
    qtbot.waitUntil(lambda: panel.row_of(second) == 0, timeout=WAIT_MS)
    assert [j.id for j in panel.engine.snapshot().jobs] == [second, first]

    panel.select(first)
    dock.pause_action.trigger()
    panel.wait_state(qtbot, first, State.PAUSED)
    assert panel.state(first) is State.PAUSED
    assert dock.resume_action.isEnabled() and not dock.pause_action.isEnabled()
    panel.wait_state(qtbot, second, State.DONE)  # the paused one let it through
    assert provider.read(container, "b.bin") == small
    state = upload_state(panel.journal_path, first)
    assert parts_on_server(provider, state)

    paused_at = panel.job(first).done
    assert paused_at < 12 * MiB
    dock.resume_action.trigger()
    panel.wait_state(qtbot, first, State.RUNNING)
    qtbot.waitUntil(lambda: panel.job(first).done > paused_at, timeout=WAIT_MS)
    dock.cancel_action.trigger()
    panel.wait_state(qtbot, first, State.CANCELLED)
    assert panel.state(first) is State.CANCELLED
    assert panel.engine.wait_idle(60)
    with pytest.raises(NotFound):
        provider.stat(container, "a.bin")
    assert parts_on_server(provider, state) == []  # the segments went with it


def test_a_failed_job_shows_its_reason_retries_and_clears(qtbot, open_panel, local_provider, tmp_path):
    local_provider.create_container("files")
    panel = open_panel({"acct": local_provider})
    dock = panel.dock
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "files", key="later.txt", local=str(tmp_path / "out"))
    job = panel.submit(qtbot, spec)
    panel.wait_state(qtbot, job, State.FAILED)
    row = panel.row_of(job)
    message = dock.model.index(row, Column.MESSAGE).data()
    assert "later.txt" in message and "items failed" not in message, message
    assert dock.model.index(row, Column.STATE).data() == "Failed"

    panel.select(job)
    assert dock.retry_action.isEnabled() and not dock.pause_action.isEnabled()
    local_provider.upload_bytes("files", "later.txt", b"there now")
    dock.retry_action.trigger()
    panel.wait_state(qtbot, job, State.DONE)
    assert (tmp_path / "out" / "later.txt").read_bytes() == b"there now"
    assert dock.model.index(panel.row_of(job), Column.MESSAGE).data().startswith("verified")  # not the reason

    assert dock.clear_action.isEnabled()
    dock.clear_action.trigger()
    qtbot.waitUntil(lambda: dock.model.rowCount() == 0, timeout=WAIT_MS)
    assert panel.engine.snapshot().jobs == ()
    assert Journal(panel.journal_path).load_jobs(unfinished_only=False) == []


# -- conflicts ------------------------------------------------------------------------------------


def test_a_conflict_is_asked_in_a_dialog_and_the_engine_follows(qtbot, open_panel, local_provider, tmp_path):
    local_provider.create_container("files")
    local_provider.upload_bytes("files", "report.txt", b"new")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.txt").write_bytes(b"old")
    panel = open_panel({"acct": local_provider})
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "files", key="report.txt", local=str(out),
                   conflict=ConflictPolicy.ASK)  # fmt: skip
    job = panel.submit(qtbot, spec)
    box = find_box(qtbot, panel.window, "conflictDialog")
    assert "report.txt" in box.text() and box.checkBox() is None  # one item: no "for all"
    click(box, "rename")
    panel.wait_state(qtbot, job, State.DONE)
    assert (out / "report.txt").read_bytes() == b"old"
    assert (out / "report (1).txt").read_bytes() == b"new"


def test_one_answer_for_the_whole_job(qtbot, open_panel, local_provider, tmp_path):
    local_provider.create_container("files")
    out = tmp_path / "out"
    (out / "docs").mkdir(parents=True)
    for n in range(3):
        local_provider.upload_bytes("files", f"docs/{n}.txt", b"server")
        (out / "docs" / f"{n}.txt").write_bytes(b"local")
    panel = open_panel({"acct": local_provider}, concurrency=3)
    asked: list[object] = []
    panel.bridge.asker.asked.connect(asked.append)
    spec = JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", "files", key="docs/", local=str(out),
                   conflict=ConflictPolicy.ASK)  # fmt: skip
    job = panel.submit(qtbot, spec)
    box = find_box(qtbot, panel.window, "conflictDialog")
    box.checkBox().setChecked(True)
    click(box, "overwrite")
    panel.wait_state(qtbot, job, State.DONE)
    assert len(asked) == 1
    assert all((out / "docs" / f"{n}.txt").read_bytes() == b"server" for n in range(3))


def test_quitting_with_a_question_open_does_not_hang(qtbot, open_panel, local_provider, tmp_path):
    local_provider.create_container("files")
    local_provider.upload_bytes("files", "x.txt", b"new")
    (tmp_path / "x.txt").write_bytes(b"old")
    panel = open_panel({"acct": local_provider})
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "files", key="x.txt", local=str(tmp_path),
                   conflict=ConflictPolicy.ASK)  # fmt: skip
    job = panel.submit(qtbot, spec)
    box = find_box(qtbot, panel.window, "conflictDialog")
    panel.bridge.close()  # joins the workers: the one waiting for an answer lets go
    assert panel.bridge.is_stopped
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    [left] = Journal(panel.journal_path).load_jobs()
    assert left.id == job and left.items[0].state is State.QUEUED  # asked again next time
    assert (tmp_path / "x.txt").read_bytes() == b"old"


# -- resume at start ------------------------------------------------------------------------------


def _interrupted_upload(provider: Provider, container: str, tmp_path: Path) -> tuple[str, bytes, Path]:
    """An upload that a previous engine paused at quitting, three parts in."""
    data = random_file(tmp_path / "resume.bin", 6 * MiB)
    journal_path = tmp_path / "previous.sqlite3"
    slow = Slow(provider, delay=0.0)
    engine = TransferEngine({"acct": slow}, Journal(journal_path), part_size=MiB, part_concurrency=1,
                            retry=FAST_RETRY)  # fmt: skip
    third = threading.Event()
    slow.before_part = lambda n: third.set() if n == 3 else None
    job = engine.submit(upload(container, tmp_path / "resume.bin", "resume.bin"))
    assert third.wait(60)
    assert engine.shutdown(pause_running=True, timeout=60)
    engine.journal.close()
    [left] = Journal(journal_path).load_jobs()
    assert left.id == job and left.items[0].parts
    return job, data, journal_path


def test_unfinished_jobs_are_offered_and_resumed(qtbot, open_panel, swift, tmp_path):
    provider, container = swift
    job, data, journal_path = _interrupted_upload(provider, container, tmp_path)
    slow = Slow(provider, delay=0.0)
    panel = open_panel({"acct": slow}, journal_path=journal_path)
    answers: list[str] = []
    offer_unfinished(panel.bridge, panel.window, answers.append)
    box = find_box(qtbot, panel.window, "resumeOffer")
    assert "Resume the unfinished transfer" in box.text() and "resume.bin" in box.informativeText()
    assert panel.state(job) is State.PAUSED  # nothing ran before the answer
    click(box, "resume")
    panel.wait_state(qtbot, job, State.DONE)
    assert answers == ["resume"]
    assert provider.read(container, "resume.bin") == data
    assert 3 not in slow.parts_sent and sorted(slow.parts_sent)[-1] == 6  # no finished part again


def test_discarding_unfinished_jobs_removes_their_leftovers(qtbot, open_panel, swift, tmp_path):
    provider, container = swift
    job, _data, journal_path = _interrupted_upload(provider, container, tmp_path)
    state = upload_state(journal_path, job)
    assert parts_on_server(provider, state)  # segments wait on the server
    panel = open_panel({"acct": provider}, journal_path=journal_path)
    offer_unfinished(panel.bridge, panel.window)
    click(find_box(qtbot, panel.window, "resumeOffer"), "discard")
    qtbot.waitUntil(lambda: panel.dock.model.rowCount() == 0, timeout=WAIT_MS)
    assert parts_on_server(provider, state) == []
    assert Journal(journal_path).load_jobs(unfinished_only=False) == []
    assert job not in {j.id for j in panel.engine.snapshot().jobs}


def test_nothing_to_resume_asks_nothing(qtbot, open_panel, local_provider):
    panel = open_panel({"acct": local_provider})
    answers: list[str] = []
    offer_unfinished(panel.bridge, panel.window, answers.append)
    qtbot.waitUntil(lambda: answers == ["none"], timeout=WAIT_MS)
    assert panel.window.findChildren(QMessageBox) == []


# -- quitting -------------------------------------------------------------------------------------


def _running_transfers(qtbot: Any, panel: Panel, provider: Provider, container: str, tmp_path: Path):
    data = random_file(tmp_path / "up.bin", 12 * MiB)
    provider.upload(container, "down.bin", (tmp_path / "up.bin").open("rb"), size=len(data))
    up = panel.submit(qtbot, upload(container, tmp_path / "up.bin", "up.bin"))
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", container, key="down.bin", local=str(tmp_path / "out"))
    down = panel.submit(qtbot, spec)
    for job in (up, down):
        qtbot.waitUntil(lambda job=job: panel.job(job).done >= 2 * MiB, timeout=WAIT_MS)
    return up, down, data


def test_quit_with_pause_keeps_the_jobs_for_the_next_start(qtbot, open_panel, swift, tmp_path):
    provider, container = swift
    slow = Slow(provider, delay=0.5)
    panel = open_panel({"acct": slow}, concurrency=2)
    up, down, data = _running_transfers(qtbot, panel, provider, container, tmp_path)
    panel.window.close()
    assert panel.window.isVisible()  # asked first
    click(find_box(qtbot, panel.window, "quitQuestion"), "pause")
    qtbot.waitUntil(lambda: not panel.window.isVisible(), timeout=WAIT_MS)
    assert panel.window.quit_guard.choice == "pause"
    left = {job.id: job for job in Journal(panel.journal_path).load_jobs()}
    assert set(left) == {up, down}
    assert left[up].items[0].parts and left[down].items[0].parts  # journaled parts to go on from
    assert (tmp_path / "out" / "down.bin.part").exists()

    again = TransferEngine({"acct": provider}, Journal(panel.journal_path), part_size=MiB, retry=FAST_RETRY)
    again.resume_unfinished()
    assert again.wait_idle(120)
    assert {again.snapshot().job(j).state for j in (up, down)} == {State.DONE}
    again.shutdown()
    assert provider.read(container, "up.bin") == data
    assert (tmp_path / "out" / "down.bin").read_bytes() == data


def test_quit_with_cancel_leaves_nothing_half_written(qtbot, open_panel, swift, tmp_path):
    provider, container = swift
    slow = Slow(provider, delay=0.5)
    panel = open_panel({"acct": slow}, concurrency=2)
    up, _down, _data = _running_transfers(qtbot, panel, provider, container, tmp_path)
    state = upload_state(panel.journal_path, up)
    panel.window.close()
    click(find_box(qtbot, panel.window, "quitQuestion"), "cancel")
    qtbot.waitUntil(lambda: not panel.window.isVisible(), timeout=WAIT_MS)
    assert panel.window.quit_guard.choice == "cancel"
    assert list((tmp_path / "out").glob("*")) == []  # no .part file
    with pytest.raises(NotFound):
        provider.stat(container, "up.bin")
    assert parts_on_server(provider, state) == []  # no open upload, no orphan segment
    assert Journal(panel.journal_path).load_jobs(unfinished_only=False) == []


def test_dont_quit_keeps_everything_running(qtbot, open_panel, swift, tmp_path):
    provider, container = swift
    slow = Slow(provider, delay=0.1)
    panel = open_panel({"acct": slow})
    random_file(tmp_path / "a.bin", 6 * MiB)
    job = panel.submit(qtbot, upload(container, tmp_path / "a.bin", "a.bin"))
    panel.wait_state(qtbot, job, State.RUNNING)
    panel.window.close()
    click(find_box(qtbot, panel.window, "quitQuestion"), "stay")
    panel.wait_state(qtbot, job, State.DONE)
    assert panel.window.isVisible() and panel.window.quit_guard.choice == "stay"


def test_quit_with_nothing_running_closes_without_asking(qtbot, open_panel, local_provider):
    panel = open_panel({"acct": local_provider})
    panel.window.close()
    qtbot.waitUntil(lambda: not panel.window.isVisible(), timeout=WAIT_MS)
    assert panel.window.quit_guard.choice == "" and panel.bridge.is_stopped


# -- notification ---------------------------------------------------------------------------------


def test_a_long_job_finishing_in_the_background_notifies(qtbot, open_panel, local_provider, tmp_path):
    local_provider.create_container("files")
    local_provider.upload_bytes("files", "n.txt", b"n")
    panel = open_panel({"acct": local_provider})
    panel.dock.long_job_seconds = 0.0  # every job counts as long here
    other = QMainWindow()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: other.isActiveWindow() and not panel.window.isActiveWindow(), timeout=WAIT_MS)
    notes: list[tuple[str, str]] = []
    panel.dock.notified.connect(lambda title, text: notes.append((title, text)))
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "files", key="n.txt", local=str(tmp_path / "out"))
    job = panel.submit(qtbot, spec)
    panel.wait_state(qtbot, job, State.DONE)
    qtbot.waitUntil(lambda: bool(notes), timeout=WAIT_MS)
    assert notes == [("Transfer finished", "Finished: Download n.txt")]
    assert panel.dock.tray_icon is None  # offscreen: no tray, and no error for it

    panel.window.activateWindow()
    qtbot.waitUntil(panel.window.isActiveWindow, timeout=WAIT_MS)
    again = panel.submit(qtbot, spec)
    panel.wait_state(qtbot, again, State.DONE)
    assert len(notes) == 1  # looked at: no notification
