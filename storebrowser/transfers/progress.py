"""Progress as snapshots: frozen values the UI reads on a timer.

Workers only add to item counters (under the engine's lock). Rates are computed when a
snapshot is taken, from the byte totals seen by earlier snapshots within a rolling
window, so nothing runs per chunk beyond an addition.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass

from storebrowser.core.timeouts import STALL_NOTICE
from storebrowser.transfers.jobs import JobKind, JobSpec, State

RATE_WINDOW_SECONDS = 5.0
STALLED = "stalled, retrying"


def stall_note(
    kind: JobKind, done: int, total: int | None, progressed_at: float, now: float,
    notice: float = STALL_NOTICE,
) -> str:  # fmt: skip
    """What a running item shows when no byte moved for ``notice`` seconds: its connection
    stalled, and the provider's read timeout (fitted to the part size) will give it up
    and retry. Not while nothing is left to move (hashing, completing)."""
    silent = now - progressed_at
    if not kind.moves_bytes or not progressed_at or silent < notice:
        return ""
    if total is not None and done >= total:
        return ""
    return f"{STALLED} (no data for {silent:.0f} s)"


@dataclass(frozen=True, slots=True)
class ItemSnapshot:
    index: int
    key: str
    local: str
    state: State
    done: int
    total: int | None
    error: str | None
    note: str
    rate: float = 0.0  # bytes per second while running
    eta: float | None = None


@dataclass(frozen=True, slots=True)
class JobSnapshot:
    id: str
    kind: JobKind
    state: State
    done: int
    total: int | None
    rate: float  # bytes per second over the rolling window
    eta: float | None  # seconds; None when unknown
    error: str | None
    items: tuple[ItemSnapshot, ...]
    spec: JobSpec  # what was asked, for a title ("Upload 12 files to photos/")

    @property
    def failed_items(self) -> tuple[ItemSnapshot, ...]:
        return tuple(item for item in self.items if item.state is State.FAILED)


@dataclass(frozen=True, slots=True)
class EngineSnapshot:
    jobs: tuple[JobSnapshot, ...]  # in queue order
    done: int
    total: int | None
    rate: float
    eta: float | None

    def job(self, job_id: str) -> JobSnapshot:
        for job in self.jobs:
            if job.id == job_id:
                return job
        raise KeyError(job_id)


class RateMeter:
    """Bytes per second over the last ``window`` seconds of samples."""

    def __init__(self, window: float = RATE_WINDOW_SECONDS) -> None:
        self._window = window
        self._samples: deque[tuple[float, int]] = deque()

    def sample(self, done: int, now: float | None = None) -> float:
        now = time.monotonic() if now is None else now
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[1][0] >= self._window:
            self._samples.popleft()
        first_time, first_done = self._samples[0]
        elapsed = now - first_time
        return max(0.0, (done - first_done) / elapsed) if elapsed > 0 else 0.0


def eta_seconds(done: int, total: int | None, rate: float) -> float | None:
    if total is None or rate <= 0:
        return None
    return max(0.0, (total - done) / rate)
