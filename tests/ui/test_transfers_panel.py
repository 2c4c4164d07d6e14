"""The transfers panel on a real engine: the local provider and a Swift all-in-one.

Transfers are slowed down by a wrapper around OUR provider (a pause before each part;
the SDK underneath is real and nothing is mocked), so that they last several timer ticks.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox
from shiboken6 import isValid

from storebrowser.core.errors import NotFound, StorageError
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.conflicts import ConflictAsker, ConflictQuestion
from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.transfers import ConflictPolicy, JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import JobSpec
from storebrowser.ui.transfers.dialogs import ask_conflict, offer_unfinished
from storebrowser.ui.transfers.model import PROGRESS_ROLE, Column
from tests.transfers.helpers import FAST_RETRY
from tests.ui.transfers_support import (
    WAIT_MS,
    MiB,
    Panel,
    Slow,
    Window,
    click,
    find_box,
    parts_on_server,
    random_file,
    shot,
    upload,
    upload_state,
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
    sending.upload_bytes(local_provider, "files", "later.txt", b"there now")
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
    sending.upload_bytes(local_provider, "files", "report.txt", b"new")
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
        sending.upload_bytes(local_provider, "files", f"docs/{n}.txt", b"server")
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


@pytest.mark.parametrize("kind", [JobKind.DOWNLOAD_MANY, JobKind.UPLOAD_MANY])
def test_one_answer_for_the_whole_job_of_several_sources(qtbot, open_panel, local_provider, tmp_path, kind):
    local_provider.create_container("files")
    for n in range(3):
        sending.upload_bytes(local_provider, "files", f"d{n}/{n}.txt", b"server")
        (tmp_path / f"{n}.txt").write_bytes(b"local")
    panel = open_panel({"acct": local_provider}, concurrency=3)
    asked: list[object] = []
    panel.bridge.asker.asked.connect(asked.append)
    if kind is JobKind.DOWNLOAD_MANY:
        spec = JobSpec(kind, "acct", "files", local=str(tmp_path), conflict=ConflictPolicy.ASK,
                       sources=tuple(f"d{n}/{n}.txt" for n in range(3)))  # fmt: skip
    else:
        for n in range(3):
            sending.upload_bytes(local_provider, "files", f"up/{n}.txt", b"server")
        spec = JobSpec(kind, "acct", "files", key="up/", conflict=ConflictPolicy.ASK,
                       sources=tuple(str(tmp_path / f"{n}.txt") for n in range(3)))  # fmt: skip
    job = panel.submit(qtbot, spec)
    box = find_box(qtbot, panel.window, "conflictDialog")
    box.checkBox().setChecked(True)  # offered: a job of several sources
    click(box, "overwrite")
    panel.wait_state(qtbot, job, State.DONE)
    assert len(asked) == 1
    if kind is JobKind.DOWNLOAD_MANY:
        assert all((tmp_path / f"{n}.txt").read_bytes() == b"server" for n in range(3))
    else:
        assert all(local_provider.read("files", f"up/{n}.txt") == b"local" for n in range(3))


@pytest.mark.parametrize(
    ("kind", "label", "says"),
    [
        (JobKind.DOWNLOAD_OBJECT, "Skip if identical", "checksum proves it the same"),
        (JobKind.UPLOAD_FILE, "Skip if same size", "has the same size"),
    ],
)
def test_the_resume_choice_says_what_it_checks(qtbot, kind, label, says):
    """A download leaves a file only when the object's checksum proves it the same
    (``_complete_already``); an upload leaves an object of the same size."""
    parent = QMainWindow()
    qtbot.addWidget(parent)
    question = ConflictQuestion("job", kind, "a.txt", "/tmp/a.txt" if kind.is_download else "a.txt")
    box = ask_conflict(question, ConflictAsker(), parent, many=False)
    [resume] = [b for b in box.buttons() if b.objectName() == "resume"]
    assert resume.text() == label and says in resume.toolTip()
    box.close()


def test_cancelling_a_job_takes_its_question_away(qtbot, open_panel, local_provider, tmp_path):
    local_provider.create_container("files")
    sending.upload_bytes(local_provider, "files", "c.txt", b"new")
    (tmp_path / "c.txt").write_bytes(b"old")
    panel = open_panel({"acct": local_provider})
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "files", key="c.txt", local=str(tmp_path),
                   conflict=ConflictPolicy.ASK)  # fmt: skip
    job = panel.submit(qtbot, spec)
    box = find_box(qtbot, panel.window, "conflictDialog")
    panel.select(job)
    panel.dock.cancel_action.trigger()
    qtbot.waitUntil(lambda: not isValid(box) or not box.isVisible(), timeout=WAIT_MS)
    panel.wait_state(qtbot, job, State.CANCELLED)
    assert panel.engine.wait_idle(60)
    assert panel.job(job).items[0].state is State.CANCELLED
    assert sorted(p.name for p in tmp_path.glob("c*")) == ["c.txt"]  # no "c (1).txt", no .part
    assert (tmp_path / "c.txt").read_bytes() == b"old"


def test_quitting_with_a_question_open_does_not_hang(qtbot, open_panel, local_provider, tmp_path):
    local_provider.create_container("files")
    sending.upload_bytes(local_provider, "files", "x.txt", b"new")
    (tmp_path / "x.txt").write_bytes(b"old")
    panel = open_panel({"acct": local_provider})
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "files", key="x.txt", local=str(tmp_path),
                   conflict=ConflictPolicy.ASK)  # fmt: skip
    job = panel.submit(qtbot, spec)
    box = find_box(qtbot, panel.window, "conflictDialog")
    panel.bridge.close()  # joins the workers: the one waiting for an answer lets go
    assert panel.bridge.is_stopped
    qtbot.waitUntil(lambda: not isValid(box) or not box.isVisible(), timeout=WAIT_MS)
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
    sending.upload(provider, container, "down.bin", (tmp_path / "up.bin").open("rb"), size=len(data))
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
    sending.upload_bytes(local_provider, "files", "n.txt", b"n")
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


# -- how it looks ---------------------------------------------------------------------------------


def test_the_panel_mid_transfer(qtbot, open_panel, swift, local_provider, tmp_path):
    """A busy queue rendered to a PNG to be looked at: a download, a folder upload opened
    on its files, a failed, a paused and a queued job."""
    provider, container = swift
    local_provider.create_container("files")
    folder = tmp_path / "holiday"
    folder.mkdir()
    for n in range(12):
        random_file(folder / f"IMG_{n:04}.jpg", 3 * MiB // 2)
    sending.upload_bytes(provider, container, "reports/2024.pdf", random_file(tmp_path / "r.pdf", 12 * MiB))
    random_file(tmp_path / "later.iso", 4 * MiB)
    slow = Slow(provider, delay=0.6)
    panel = open_panel({"acct": slow, "local": local_provider}, concurrency=2)
    failed = panel.submit(qtbot, JobSpec(JobKind.DOWNLOAD_OBJECT, "local", "files", key="gone.txt",
                                         local=str(tmp_path / "out")))  # fmt: skip
    down = panel.submit(qtbot, JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", container, key="reports/2024.pdf",
                                       local=str(tmp_path / "out")))  # fmt: skip
    up = panel.submit(qtbot, JobSpec(JobKind.UPLOAD_FOLDER, "acct", container, key="photos/holiday/",
                                     local=str(folder)))  # fmt: skip
    paused = panel.submit(qtbot, upload(container, tmp_path / "later.iso", "iso/later.iso"))
    panel.bridge.pause([paused])
    queued = panel.submit(qtbot, JobSpec(JobKind.DELETE, "acct", container, keys=("a", "b", "c")))
    panel.wait_state(qtbot, failed, State.FAILED)
    panel.wait_state(qtbot, paused, State.PAUSED)
    qtbot.waitUntil(lambda: sum(i.state is State.DONE for i in panel.job(up).items) >= 2, timeout=WAIT_MS)
    view, model = panel.dock.view, panel.dock.model
    view.expand(model.index(panel.row_of(up), 0))
    qtbot.waitUntil(lambda: model.rowCount(model.index(panel.row_of(up), 0)) == 12, timeout=WAIT_MS)
    panel.window.resize(1150, 430)
    qtbot.wait(300)  # one more snapshot drawn
    picture = shot(panel.window, tmp_path, "transfers-dock-busy.png")

    states = {job_id: panel.shown_state(job_id) for job_id in (up, down, failed, paused, queued)}
    assert states == {failed: State.FAILED, down: State.RUNNING, up: State.RUNNING, paused: State.PAUSED,
                      queued: State.QUEUED}  # fmt: skip
    title = model.index(panel.row_of(up), Column.NAME).data()
    assert title == f"Upload 12 files to {container}/photos/holiday/"
    assert model.index(0, Column.NAME, model.index(panel.row_of(up), 0)).data() == "IMG_0000.jpg"
    assert "gone.txt" in model.index(panel.row_of(failed), Column.MESSAGE).data()
    assert picture.stat().st_size > 10_000
