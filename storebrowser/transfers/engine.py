"""The transfer engine: a queue of jobs, a bounded pool of workers, state, snapshots.

Workers take the next queued item of the first job (in queue order) that is neither
paused nor finished, run it through its runner, and record the outcome in the journal.
A job's first piece of work is its expansion into items (listing or walking, on a
worker, never on the caller's thread). Nothing calls back per chunk: progress is
counters that ``snapshot()`` reads.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import BinaryIO

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.errors import Cancelled, InvalidName, StorageError
from storebrowser.core.retry import RetryPolicy
from storebrowser.core.timeouts import STALL_NOTICE
from storebrowser.core.tuning import Tuning
from storebrowser.providers.base import MiB, Provider
from storebrowser.transfers.conflicts import AskCallback, Skip
from storebrowser.transfers.context import (
    ByteBudget,
    ExecutorFactory,
    Paused,
    Settings,
    TaskContext,
)
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec, Listed, State
from storebrowser.transfers.journal import Journal, has_leftovers, may_wait
from storebrowser.transfers.kinds import kind_of
from storebrowser.transfers.progress import (
    EngineSnapshot,
    ItemSnapshot,
    JobSnapshot,
    RateMeter,
    eta_seconds,
    stall_note,
)
from storebrowser.transfers.tuned import AccountPace

log = logging.getLogger(__name__)

#: The part size of uploads and downloads when the caller chooses none.
DEFAULT_PART_SIZE = 8 * MiB
#: Workers an engine grows to at most, whatever an account asks.
MAX_WORKERS = 32


def _thread_pool(workers: int) -> ThreadPoolExecutor:
    return ThreadPoolExecutor(workers, thread_name_prefix="transfer-part")


# A piece of work for a worker: ("expand", job, None), ("item", job, item) or
# ("cleanup", job, item) for a cancelled item that was not running.
_Work = tuple[str, Job, Item | None]


class TransferEngine:
    def __init__(
        self,
        providers: Callable[[str], Provider] | Mapping[str, Provider],
        journal: Journal,
        *,
        concurrency: int = 4,
        part_concurrency: int = 4,
        part_size: int = DEFAULT_PART_SIZE,
        memory_cap_bytes: int = 256 * MiB,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - frozen, shared safely
        executor_factory: ExecutorFactory = _thread_pool,
        ask: AskCallback | None = None,
        start: bool = True,
        stall_notice: float = STALL_NOTICE,
        bandwidth: Bandwidth | None = None,
        tuning: Callable[[str], Tuning] | None = None,
    ) -> None:
        """``start=False`` runs no threads: call ``run_pending()`` to do the work in the
        calling thread (with a serial ``executor_factory`` tests are deterministic).
        ``stall_notice``: seconds without progress before a running item says it stalled.
        ``bandwidth``: the limit all jobs share; ``tuning``: an account's objects at once,
        parts at once and part size (``None`` values: this engine's own)."""
        self._provider_for = providers.__getitem__ if isinstance(providers, Mapping) else providers
        self.journal = journal
        self.settings = Settings(part_size, part_concurrency, retry, ByteBudget(memory_cap_bytes),
                                 executor_factory, stall_notice=stall_notice,
                                 bandwidth=bandwidth or Bandwidth())  # fmt: skip
        self._pace = AccountPace(tuning)
        self._ask = ask
        #: Requests transfers may have in flight at once: what providers size pools for.
        self._connections = max(1, concurrency) * max(1, part_concurrency)
        self._fitted: weakref.WeakSet[Provider] = weakref.WeakSet()
        self._lock = threading.RLock()
        self._wake = threading.Condition(self._lock)
        self._jobs: dict[str, Job] = {}
        self._cleanups: list[tuple[Job, Item]] = []
        self._expanding: set[str] = set()
        self._rates: dict[str, RateMeter] = {}
        self._item_snaps: dict[str, tuple[ItemSnapshot | None, ...]] = {}
        self._total_rate = RateMeter()
        self._stopping = False
        self._workers: list[threading.Thread] = []
        self._started = start
        self._add_workers(max(1, concurrency))

    def _add_workers(self, count: int) -> None:
        """Up to ``count`` workers (an account may ask for more objects at once)."""
        if not self._started:
            return
        with self._lock:
            new = [
                threading.Thread(target=self._work_loop, name=f"transfer-{n}", daemon=True)
                for n in range(len(self._workers), min(count, MAX_WORKERS))
            ]
            self._workers += new
        for worker in new:
            worker.start()

    @property
    def bandwidth(self) -> Bandwidth:
        """The limit every job shares: ``bandwidth.set(Limits(...))`` changes it at once."""
        return self.settings.bandwidth

    # -- commands -----------------------------------------------------------------------

    def submit(self, spec: JobSpec, *, stream: BinaryIO | None = None, listed: Listed | None = None) -> str:
        """Queue ``spec``; raises ``InvalidName`` when its kind refuses it (sources that
        clash: two land on one target), before anything is queued. ``listed``: what a
        listing said of the sources (its objects are then not looked up again)."""
        problem = kind_of(spec.kind).problem(spec)
        if problem is not None:
            raise InvalidName(problem)
        job = Job(spec, stream=stream, listed=listed)
        self._add_workers(self._pace.of(spec.account).transfers or 0)
        with self._lock:
            job.position = max((j.position for j in self._jobs.values()), default=0.0) + 1
            self._jobs[job.id] = job
            self.journal.save_job(job)
            self._wake.notify_all()
        return job.id

    def pause(self, job_id: str) -> None:
        with self._lock:
            job = self._jobs[job_id]
            if job.state.finished:
                return
            job.pause.set()  # running parts finish; no new part starts
            job.state = State.PAUSED
            self.journal.save_job(job)

    def resume(self, job_id: str) -> None:
        with self._lock:
            job = self._jobs[job_id]
            if job.state is not State.PAUSED:
                return
            job.pause.clear()
            job.state = State.RUNNING if job.running else State.QUEUED
            self.journal.save_job(job)
            self._wake.notify_all()

    def cancel(self, job_id: str) -> None:
        """Cooperative: running items stop at their next chunk and clean up; the rest
        are cleaned up by a worker (remote uploads aborted, ``.part`` files removed)."""
        with self._lock:
            job = self._jobs[job_id]
            if job.state.finished and job.state is not State.FAILED:
                return
            job.cancel.cancel()
            job.pause.clear()
            job.state = State.CANCELLED
            for item in job.items:
                if item.state in (State.QUEUED, State.PAUSED, State.FAILED):
                    item.state = State.CANCELLED  # a running one stops and cleans up itself
                    self._cleanups.append((job, item))
            self.journal.save_job(job)
            self._wake.notify_all()

    def retry(self, job_id: str) -> None:
        """Run a failed job's failed items again (finished parts are kept)."""
        with self._lock:
            job = self._jobs[job_id]
            if job.state is not State.FAILED:
                return
            if not job.expanded:
                self._expanding.discard(job.id)
            self._requeue_failed(job)
            self._wake.notify_all()

    def _requeue_failed(self, job: Job) -> None:
        for item in job.items:
            if item.state is State.FAILED:
                item.state, item.error = State.QUEUED, None
                self.journal.save_item(item)
        job.state, job.error, job.cursor = State.QUEUED, None, 0
        self.journal.save_job(job)

    def has_leftovers(self, job_id: str) -> bool:
        """A failed item of the job left something to resume from (see ``journal.has_leftovers``)."""
        with self._lock:
            return has_leftovers(self._jobs[job_id])

    def move_to_top(self, job_id: str) -> None:
        with self._lock:
            job = self._jobs[job_id]
            job.position = min(j.position for j in self._jobs.values()) - 1
            self.journal.save_job(job)

    def forget(self, job_id: str) -> None:
        """Drop a finished job from the queue and the journal."""
        with self._lock:
            job = self._jobs[job_id]
            if not job.state.finished:
                raise ValueError("only finished jobs can be removed; cancel it first")
            del self._jobs[job_id]
            self._item_snaps.pop(job_id, None)
            self.journal.delete_job(job_id)

    def forget_finished(self, job_ids: Iterable[str] | None = None) -> list[str]:
        """Drop the finished jobs (of ``job_ids``, or all) that have nothing in flight any
        more; returns their ids. A cancelled job whose clean-up (aborting the remote
        upload, removing the ``.part`` file) has not run yet stays: forgetting it would
        lose the journal's record of what is left to clean up."""
        with self._lock:
            wanted = set(self._jobs) if job_ids is None else set(job_ids) & set(self._jobs)
            cleaning = {job.id for job, _item in self._cleanups}
            gone = [
                job.id
                for job in sorted(self._jobs.values(), key=lambda j: j.position)
                if job.id in wanted and job.state.finished and not job.running
                and job.id not in cleaning and job.id not in self._expanding
            ]  # fmt: skip
            for job_id in gone:
                del self._jobs[job_id]
                self._item_snaps.pop(job_id, None)
                self.journal.delete_job(job_id)
        return gone

    def resume_unfinished(self, *, paused: bool = False) -> list[str]:
        """After a restart: take the journal's unfinished jobs back into the queue.
        With ``paused`` they all come back paused, so nothing runs before someone says
        so (an app offering "resume or discard?" loads them this way)."""
        loaded = []
        with self._lock:
            for job in self.journal.load_jobs():
                if job.id in self._jobs:
                    continue
                if job.state is State.FAILED:
                    self._requeue_failed(job)  # it comes back to be retried from its leftovers
                if paused:
                    job.state = State.PAUSED
                if job.state is State.PAUSED:
                    job.pause.set()
                self._jobs[job.id] = job
                loaded.append(job.id)
            self._wake.notify_all()
        return loaded

    def shutdown(self, *, pause_running: bool = True, timeout: float | None = None) -> bool:
        """Stop the workers. With ``pause_running`` running items stop between parts
        (their parts stay journaled for ``resume_unfinished``); otherwise the queue is
        run to the end first. False when a worker was still busy after ``timeout``
        (it may still write to the journal: do not close it then)."""
        if not pause_running:
            self.wait_idle(timeout)
        with self._lock:
            self._stopping = True
            self._wake.notify_all()
        for worker in self._workers:
            worker.join(timeout)
        stopped = not any(worker.is_alive() for worker in self._workers)
        if stopped:
            self.journal.flush()  # the finished items' rows still waiting
        return stopped

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no work is left that a worker could take (paused jobs wait)."""
        with self._lock:
            return self._wake.wait_for(self._idle, timeout)

    # -- snapshots ----------------------------------------------------------------------

    def snapshot(self) -> EngineSnapshot:
        with self._lock:
            jobs = sorted(self._jobs.values(), key=lambda j: j.position)
            snaps = tuple(self._job_snapshot(job) for job in jobs)
        done = sum(s.done for s in snaps if s.state is not State.CANCELLED)
        totals = [s.total for s in snaps if s.state is not State.CANCELLED]
        total = None if any(t is None for t in totals) else sum(t for t in totals if t is not None)
        rate = self._total_rate.sample(done)
        return EngineSnapshot(snaps, done, total, rate, eta_seconds(done, total, rate))

    def _item_snapshot(self, kind: JobKind, item: Item, last: ItemSnapshot | None) -> ItemSnapshot:
        """``last`` is the item's previous snapshot: an item that is not running and did
        not change gets it back, so a job of 10,000 waiting or finished items costs a few
        comparisons each, not 10,000 new snapshots under the lock."""
        if item.state is State.RUNNING:  # meters only for the few items in flight
            rate = self._rates.setdefault(f"{item.job_id}/{item.index}", RateMeter()).sample(item.done)
            eta = eta_seconds(item.done, item.total, rate)
            stalled = stall_note(kind, item.done, item.total, item.progressed_at, time.monotonic(),
                                 self.settings.stall_notice)  # fmt: skip
            return ItemSnapshot(item.index, item.key, item.local, item.state, item.done, item.total,
                                item.error, stalled or item.note, rate, eta)  # fmt: skip
        if (
            last is not None and last.state is item.state and last.done == item.done
            and last.total == item.total and last.note == item.note and last.error == item.error
            and last.local == item.local and last.key == item.key
        ):  # fmt: skip
            return last
        self._rates.pop(f"{item.job_id}/{item.index}", None)
        return ItemSnapshot(item.index, item.key, item.local, item.state, item.done, item.total,
                            item.error, item.note)  # fmt: skip

    def _job_snapshot(self, job: Job) -> JobSnapshot:
        previous = self._item_snaps.get(job.id, ())
        if len(previous) != len(job.items):
            previous = (None,) * len(job.items)
        items = tuple(
            self._item_snapshot(job.kind, i, last) for i, last in zip(job.items, previous, strict=True)
        )
        self._item_snaps[job.id] = items
        done = sum(i.done for i in items)
        total: int | None = sum(i.total for i in items if i.total is not None)
        if not job.expanded or any(i.total is None for i in items):
            total = None
        rate = self._rates.setdefault(job.id, RateMeter()).sample(done)
        if job.state.finished:
            rate = 0.0
        return JobSnapshot(job.id, job.kind, job.state, done, total, rate,
                           eta_seconds(done, total, rate), job.error, items, job.spec)  # fmt: skip

    # -- the work loop ------------------------------------------------------------------

    def _provider(self, account: str) -> Provider:
        """The account's provider, its connection pool and timeouts fitted to this engine
        once (a pool smaller than the requests in flight discards connections)."""
        provider = self._provider_for(account)
        if provider not in self._fitted:
            provider.fit_transfers(self._pace.connections(self._connections, account),
                                   self._pace.of(account).part_size or self.settings.part_size)  # fmt: skip
            with self._lock:
                self._fitted.add(provider)
        return provider

    def run_pending(self) -> None:
        """Do all the work there is in the calling thread (``start=False`` engines)."""
        while (work := self._take(block=False)) is not None:
            self._run(work)

    def _work_loop(self) -> None:
        while (work := self._take(block=True)) is not None:
            self._run(work)

    def _idle(self) -> bool:
        return self._next_work(claim=False) is None and not any(
            j.running or j.id in self._expanding for j in self._jobs.values()
        )

    def _take(self, *, block: bool) -> _Work | None:
        with self._lock:
            while not self._stopping:
                work = self._next_work(claim=True)
                if work is not None or not block:
                    return work
                self._wake.wait()
            return None

    def _next_work(self, *, claim: bool) -> _Work | None:
        if self._cleanups:
            job, item = self._cleanups[0]
            if claim:
                self._cleanups.pop(0)
                job.running += 1
            return ("cleanup", job, item)
        for job in sorted(self._jobs.values(), key=lambda j: j.position):
            if job.state not in (State.QUEUED, State.RUNNING) or job.id in self._expanding:
                continue
            if not job.expanded:
                if claim:
                    self._expanding.add(job.id)
                    job.state = State.RUNNING
                return ("expand", job, None)
            if self._pace.busy(self._jobs.values(), job.spec.account):
                continue
            for index in range(job.cursor, len(job.items)):
                item = job.items[index]
                if item.state is State.QUEUED:
                    if claim:
                        item.state, job.state = State.RUNNING, State.RUNNING
                        item.progressed_at = time.monotonic()
                        job.running += 1
                        job.cursor = index + 1
                    return ("item", job, item)
        return None

    def _run(self, work: _Work) -> None:
        what, job, item = work
        if what == "expand":
            self._expand(job)
        elif item is not None:
            context = TaskContext(job, item, self._provider, self.journal,
                                  self._pace.job_settings(self.settings, job.spec, self._provider),
                                  self._lock, self._ask, lambda: self._stopping)  # fmt: skip
            if what == "cleanup":
                self._cleanup(context)
            else:
                self._run_item(context)
        with self._lock:
            if item is not None:
                job.running -= 1
            self._settle_job(job)
            self._wake.notify_all()

    def _expand(self, job: Job) -> None:
        try:
            items = kind_of(job.kind).expand(job, self._provider(job.spec.account), self.settings.retry)
        except Cancelled:
            items = []
        except (StorageError, OSError) as error:
            with self._lock:
                job.state, job.error = State.FAILED, _message(error)
                self._expanding.discard(job.id)
                self.journal.save_job(job)
            return
        with self._lock:
            if job.cancel.cancelled:
                for item in items:
                    item.state = State.CANCELLED
            job.items, job.expanded = items, True
            self._expanding.discard(job.id)
            self.journal.add_items(job, items)
            for item in items:
                if item.state is not State.QUEUED:
                    self.journal.save_item(item)

    def _run_item(self, ctx: TaskContext) -> None:
        item = ctx.item
        state, error, note = State.DONE, None, ""
        try:
            note = kind_of(ctx.job.kind).run(ctx)
        except Skip as skip:
            note = skip.reason
        except Paused:
            state = State.QUEUED  # runs again when the job resumes
        except Cancelled:
            state = State.CANCELLED
            self._cleanup(ctx)
        except (StorageError, OSError) as failure:
            state, error = State.FAILED, _message(failure)
        except Exception as bug:  # a bug must not kill the worker; show it on the item
            log.exception("transfer of %r failed unexpectedly", item.key)
            state, error = State.FAILED, f"Unexpected error: {bug!r}"
        with self._lock:
            item.state, item.error, item.note = state, error, note
            if state is State.QUEUED:
                ctx.job.cursor = min(ctx.job.cursor, item.index)
            if state is State.DONE and item.total is not None:
                item.done = item.total
            if ctx.job.state is State.CANCELLED and state is not State.DONE:
                item.state = State.CANCELLED
        self.journal.save_item(item, deferred=item.state is State.DONE and may_wait(ctx.job.spec))

    def _cleanup(self, ctx: TaskContext) -> None:
        kind_of(ctx.job.kind).cleanup(ctx)
        self.journal.save_item(ctx.item)

    def _settle_job(self, job: Job) -> None:
        """A job whose items are all finished is done (or failed)."""
        if job.running or not job.expanded or job.state in (State.FAILED, State.DONE):
            return
        if job.state is State.CANCELLED:
            if job.items and all(item.state is State.DONE for item in job.items):
                job.state = State.DONE  # the cancel came after the last object was stored
            self.journal.save_job(job)
            return
        if any(not item.state.finished for item in job.items):
            return
        failed = [i for i in job.items if i.state is State.FAILED]
        job.state = State.FAILED if failed else State.DONE
        if failed:
            job.error = f"{len(failed)} of {len(job.items)} items failed; the first: {failed[0].error}"
        self.journal.save_job(job)


def _message(error: BaseException) -> str:
    if isinstance(error, StorageError | InvalidName):
        return error.message
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror or error}{where}"
    return str(error)
