"""The transfer engine as the GUI sees it: commands that return at once, and snapshots
about four times a second.

Every engine call (commands write the SQLite journal; ``snapshot()`` takes the engine's
lock, which workers hold around journal writes) runs on ONE worker thread, in the order
it was asked for, so the GUI thread never waits for the disk and a snapshot taken after
a command always shows it. One QTimer asks for a snapshot; a tick that finds the last
one still on its way is skipped, so snapshots never queue up, and the timer stops while
nothing is queued or running (it starts again with the next command).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import BinaryIO

from PySide6.QtCore import QObject, QTimer, Signal

from storebrowser.qtbridge.conflicts import ConflictAsker
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.transfers.conflicts import AskCallback
from storebrowser.transfers.engine import TransferEngine
from storebrowser.transfers.jobs import JobSpec, Listed, State
from storebrowser.transfers.progress import EngineSnapshot, JobSnapshot

log = logging.getLogger(__name__)

#: About four snapshots a second: smooth enough for a progress bar, cheap for the engine.
SNAPSHOT_INTERVAL_MS = 250
#: How long quitting waits for running parts to finish, and for clean-ups to run.
SHUTDOWN_TIMEOUT_S = 60.0

EngineFactory = Callable[[AskCallback], TransferEngine]
ACTIVE = (State.QUEUED, State.RUNNING)


class EngineBridge(QObject):
    """Owns a ``TransferEngine`` for the GUI.

    ``make_engine(ask)`` builds the engine (opening its journal) on the worker thread;
    ``ask`` is ``self.asker``, to pass as the engine's ``ask`` callback.

    Signals:
        ready(): the engine exists (``engine`` is set); snapshots follow.
        snapshot(EngineSnapshot): the latest state, about 4 times a second while busy.
        jobFinished(JobSnapshot, float): a job became done, failed or cancelled; the
            float is the seconds since the bridge first saw it unfinished.
        failed(str): a command failed, as a message for a person.
        stopped(): ``shutdown()`` finished; the engine runs no more.
    """

    ready = Signal()
    snapshot = Signal(object)
    jobFinished = Signal(object, float)
    failed = Signal(str)
    stopped = Signal()

    def __init__(
        self,
        make_engine: EngineFactory,
        *,
        interval_ms: int = SNAPSHOT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.asker = ConflictAsker(self)
        self.engine: TransferEngine | None = None
        self.latest: EngineSnapshot | None = None
        self._worker = TaskRunner(max_threads=1, parent=self)  # one thread: commands keep their order
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._in_flight = False
        self._commands = 0  # commands asked for; a snapshot knows which it has seen
        self._snapshot_waiters: list[tuple[int, Callable[[EngineSnapshot], None]]] = []
        self._first_seen: dict[str, float] = {}
        self._finished: set[str] = set()
        self._discarding: set[str] = set()
        self._stopping = False
        self._stopped = False
        self._on_stopped: list[Callable[[], None]] = []
        # Written and read on the worker only: commands queued before ``ready`` find it.
        self._worker_engine: TransferEngine | None = None

        def build() -> TransferEngine:
            self._worker_engine = make_engine(self.asker)
            return self._worker_engine

        self._worker.run(build, self._built)

    # -- commands (GUI thread; each returns at once) ---------------------------------------

    def submit(
        self,
        spec: JobSpec,
        *,
        stream: BinaryIO | None = None,
        listed: Listed | None = None,
        on_submitted: Callable[[str], None] | None = None,
    ) -> None:
        """Queue a job; ``on_submitted(job_id)`` runs on the GUI thread once it is queued."""
        self._call(lambda engine: engine.submit(spec, stream=stream, listed=listed), on_submitted)

    def pause(self, job_ids: Iterable[str]) -> None:
        self._each(job_ids, TransferEngine.pause)

    def resume(self, job_ids: Iterable[str]) -> None:
        self._each(job_ids, TransferEngine.resume)

    def cancel(self, job_ids: Iterable[str]) -> None:
        asker = self.asker

        def cancel_one(engine: TransferEngine, job_id: str) -> None:
            engine.cancel(job_id)
            # Then, not before: a worker waiting for an answer stops in a cancelled job.
            asker.withdraw_job(job_id)

        self._each(job_ids, cancel_one)

    def retry(self, job_ids: Iterable[str]) -> None:
        self._each(job_ids, TransferEngine.retry)

    def move_to_top(self, job_ids: Iterable[str]) -> None:
        """The first of ``job_ids`` ends up first in the queue, the others right after it."""
        self._each(reversed(list(job_ids)), TransferEngine.move_to_top)

    def clear_finished(self) -> None:
        """Drop every finished job whose clean-up has run from the queue and the journal."""
        self._call(lambda engine: engine.forget_finished(), self._forgotten)

    def discard(self, job_ids: Iterable[str]) -> None:
        """Cancel the jobs and drop them once their clean-up ran (leftovers removed)."""
        job_ids = list(job_ids)
        self.cancel(job_ids)
        self._discarding.update(job_ids)

    def load_unfinished(self, on_loaded: Callable[[list[JobSnapshot]], None]) -> None:
        """Take the journal's unfinished jobs into the queue, PAUSED (nothing runs until
        someone resumes them); ``on_loaded(jobs)`` gets them on the GUI thread."""

        def loaded(job_ids: list[str]) -> None:
            self.when_snapshot(lambda snap: on_loaded([j for j in snap.jobs if j.id in job_ids]))

        self._call(lambda engine: engine.resume_unfinished(paused=True), loaded)

    def when_snapshot(self, callback: Callable[[EngineSnapshot], None]) -> None:
        """``callback(snapshot)`` with the first snapshot taken after every command so far."""
        self._snapshot_waiters.append((self._commands, callback))
        self._wake()

    # -- shutting down ---------------------------------------------------------------------

    def active_jobs(self) -> list[JobSnapshot]:
        """Queued or running jobs as of the latest snapshot (paused ones wait anyway)."""
        return [j for j in self.latest.jobs if j.state in ACTIVE] if self.latest else []

    def shutdown(self, *, cancel_active: bool, on_done: Callable[[], None] | None = None) -> None:
        """Stop the engine after the commands asked so far. Running parts finish and stay
        journaled for the next start; with ``cancel_active`` the queued and running jobs
        are cancelled first and their clean-up waited for (no ``.part`` file, no open
        upload left). ``on_done()`` and ``stopped`` follow on the GUI thread (a second
        call only adds its ``on_done``)."""
        if on_done is not None:
            if self._stopped:
                on_done()
                return
            self._on_stopped.append(on_done)
        if self._stopping:
            return
        self._stopping = True
        asker = self.asker

        def stop() -> None:
            if self._worker_engine is not None:
                _stop_engine(self._worker_engine, asker, cancel_active)
            else:  # it could not be built: nothing runs, nobody waits
                asker.close(cancelling=cancel_active)

        def done(result: TaskResult[None]) -> None:
            self._timer.stop()
            self._stopped = True
            if not result.ok:
                self.failed.emit(result.message())
            self.stopped.emit()
            callbacks, self._on_stopped = self._on_stopped, []
            for callback in callbacks:
                callback()

        self._commands += 1
        self._worker.run(stop, done)

    @property
    def is_stopped(self) -> bool:
        """True once the engine stopped (after ``shutdown()`` or ``close()``)."""
        return self._stopped

    def close(self, msecs: int = 120_000) -> None:
        """Shut down (pausing what runs) and wait for it: for tests, and for an app that
        quits without asking (``QApplication.aboutToQuit``). ``stopped`` follows later."""
        self.shutdown(cancel_active=False)
        if self._worker.wait_idle(msecs):
            self._stopped = True
        self._timer.stop()

    # -- the worker thread -----------------------------------------------------------------

    def _each(self, job_ids: Iterable[str], command: Callable[[TransferEngine, str], None]) -> None:
        ids = list(job_ids)

        def run(engine: TransferEngine) -> None:
            for job_id in ids:
                try:
                    command(engine, job_id)
                except KeyError:
                    continue  # cleared meanwhile: nothing left to act on

        self._call(run, None)

    def _call(self, func: Callable[[TransferEngine], object], on_done: Callable[..., None] | None) -> None:
        """Run ``func(engine)`` on the worker, after every command asked before it."""
        if self._stopping:
            self.failed.emit(self.tr("Transfers are shutting down; nothing new starts."))
            return
        self._commands += 1

        def run() -> object:
            if self._worker_engine is None:
                raise RuntimeError("the transfer engine could not be started")
            return func(self._worker_engine)

        def deliver(result: TaskResult[object]) -> None:
            if not result.ok:
                self.failed.emit(result.message())
            elif on_done is not None:
                on_done(result.value)

        self._worker.run(run, deliver)
        self._wake()

    def _built(self, result: TaskResult[TransferEngine]) -> None:
        if not result.ok or result.value is None:
            self.failed.emit(self.tr("Transfers cannot start: {error}").format(error=result.message()))
            return
        self.engine = result.value
        self.ready.emit()
        self._wake()

    def _forgotten(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            self.asker.forget_job(job_id)
            self._first_seen.pop(job_id, None)
            self._finished.discard(job_id)
            self._discarding.discard(job_id)

    # -- snapshots -------------------------------------------------------------------------

    def _wake(self) -> None:
        if self.engine is not None and not self._timer.isActive() and not self._stopping:
            self._timer.start()
            self._tick()  # show a command's effect now, not a tick later

    def _tick(self) -> None:
        if self._in_flight or self.engine is None:
            return
        self._in_flight = True
        seen = self._commands
        engine = self.engine
        self._worker.run(engine.snapshot, lambda result: self._arrived(result, seen))

    def _arrived(self, result: TaskResult[EngineSnapshot], seen_commands: int) -> None:
        self._in_flight = False
        if not result.ok or result.value is None:
            self.failed.emit(result.message())
            return
        snap = result.value
        self.latest = snap
        self.snapshot.emit(snap)
        self._announce_finished(snap)
        if self._discarding:
            self._forget_discarded(snap)
        due = [w for w in self._snapshot_waiters if w[0] <= seen_commands]
        self._snapshot_waiters = [w for w in self._snapshot_waiters if w[0] > seen_commands]
        for _count, waiter in due:
            waiter(snap)
        if (
            _idle(snap)
            and not self._discarding
            and seen_commands == self._commands
            and not self._snapshot_waiters
        ):
            self._timer.stop()  # nothing moves until the next command

    def _announce_finished(self, snap: EngineSnapshot) -> None:
        now = time.monotonic()
        for job in snap.jobs:
            if not job.state.finished:
                if job.id in self._finished:  # retried: a new run
                    self._finished.discard(job.id)
                    self._first_seen[job.id] = now
                self._first_seen.setdefault(job.id, now)
            elif job.id not in self._finished:
                self._finished.add(job.id)
                seconds = now - self._first_seen.setdefault(job.id, now)
                if job.id not in self._discarding:
                    self.jobFinished.emit(job, seconds)

    def _forget_discarded(self, snap: EngineSnapshot) -> None:
        present = {job.id for job in snap.jobs}
        self._discarding &= present
        ready = [job.id for job in snap.jobs if job.id in self._discarding and job.state.finished]
        if ready:
            self._call(lambda engine: engine.forget_finished(ready), self._forgotten)


def _idle(snap: EngineSnapshot) -> bool:
    """Nothing queued or running; a paused job's last parts have landed too."""
    for job in snap.jobs:
        if job.state in ACTIVE:
            return False
        if job.state is State.PAUSED and any(item.state is State.RUNNING for item in job.items):
            return False
    return True


def _stop_engine(engine: TransferEngine, asker: ConflictAsker, cancel_active: bool) -> None:
    if cancel_active:
        active = [job.id for job in engine.snapshot().jobs if job.state in ACTIVE]
        for job_id in active:
            engine.cancel(job_id)
    # A worker waiting for an answer lets go: its item runs again at the next start
    # (paused), or stops with its cancelled job. Before the joins below, or they would wait.
    asker.close(cancelling=cancel_active)
    if cancel_active:
        if not engine.wait_idle(SHUTDOWN_TIMEOUT_S):
            log.warning("transfers: clean-up of cancelled jobs did not finish in time")
        engine.forget_finished(active)
    if engine.shutdown(pause_running=True, timeout=SHUTDOWN_TIMEOUT_S):
        engine.journal.close()
    else:
        log.warning("transfers: a worker was still busy at shutdown; the journal stays open")
