"""What a running item sees of the engine: its provider, the journal, the caps, and
counters to add progress to. Runners (upload, download, copy, delete) take only this."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.cancel import CancelToken
from storebrowser.core.retry import RetryPolicy
from storebrowser.core.timeouts import STALL_NOTICE
from storebrowser.core.types import PartRecord
from storebrowser.providers.base import Provider
from storebrowser.transfers.conflicts import AskCallback
from storebrowser.transfers.jobs import Item, Job
from storebrowser.transfers.journal import Journal
from storebrowser.transfers.parts import ExecutorFactory as ExecutorFactory  # the engine takes one


class Paused(Exception):  # a state change, not an error
    """A paused job stopped this item between parts; it runs again on resume."""


class ByteBudget:
    """A counting semaphore over bytes: the cap on data held in memory at once.

    A request larger than the whole cap takes the whole cap, so one big part can still
    move (alone) instead of waiting forever.
    """

    def __init__(self, cap: int) -> None:
        self.cap = max(1, cap)
        self._free = self.cap
        self._cond = threading.Condition()

    def acquire(self, size: int) -> int:
        size = min(max(size, 0), self.cap)
        with self._cond:
            self._cond.wait_for(lambda: self._free >= size)
            self._free -= size
        return size

    def release(self, size: int) -> None:
        with self._cond:
            self._free += size
            self._cond.notify_all()

    @property
    def in_use(self) -> int:
        with self._cond:
            return self.cap - self._free


@dataclass(slots=True)
class Settings:
    """The engine's knobs, shared by every task."""

    part_size: int
    part_concurrency: int
    retry: RetryPolicy
    budget: ByteBudget
    executor_factory: ExecutorFactory
    chunk_size: int = 1024 * 1024
    #: Seconds without progress before a running item says it stalled.
    stall_notice: float = STALL_NOTICE
    #: The limit every running job shares (charged per chunk; none by default).
    bandwidth: Bandwidth = field(default_factory=Bandwidth)
    #: Upload parts of this size (an account's setting); ``None``: the provider's own.
    upload_part_size: int | None = None


@dataclass(slots=True)
class TaskContext:
    job: Job
    item: Item
    provider_for: Callable[[str], Provider]
    journal: Journal
    settings: Settings
    lock: threading.RLock
    ask: AskCallback | None
    stopping: Callable[[], bool]

    @property
    def cancel(self) -> CancelToken:
        return self.job.cancel

    def provider(self, account: str | None = None) -> Provider:
        return self.provider_for(account or self.job.spec.account)

    def stop(self) -> bool:
        """True when the job is paused or the engine shuts down: start no new part."""
        return self.job.pause.is_set() or self.stopping()

    def add(self, delta: int) -> None:
        """Progress, called by workers per chunk: an addition under the lock (and the time,
        which is how a stalled connection shows)."""
        with self.lock:
            self.item.done += delta
            self.item.progressed_at = time.monotonic()

    def set_progress(self, done: int, total: int | None) -> None:
        with self.lock:
            self.item.done, self.item.total = done, total
            self.item.progressed_at = time.monotonic()

    def record_part(self, part: PartRecord) -> None:
        with self.lock:
            self.item.parts[part.number] = part
        self.journal.add_part(self.item, part)

    def drop_parts(self, numbers: list[int]) -> None:
        """Forget these parts (not proven, or to fetch again)."""
        with self.lock:
            for number in numbers:
                self.item.parts.pop(number, None)
        self.journal.drop_parts(self.item, numbers)

    def forget_parts(self) -> None:
        with self.lock:
            self.item.parts = {}
        self.journal.clear_parts(self.item)

    def save(self, *, deferred: bool = False) -> None:
        self.journal.save_item(self.item, deferred=deferred)
