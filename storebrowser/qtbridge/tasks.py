"""Run blocking provider calls on a thread pool; hand results to the GUI thread.

Picard's ``run_task`` shape: ``runner.run(func, on_done)`` calls ``func()`` on a worker
and later ``on_done(TaskResult)`` on the GUI thread. Deliveries queue up and are drained
with a time budget per event-loop turn, so a flood of results cannot stall the window.
"""

from __future__ import annotations

import collections
import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from storebrowser.core.errors import ActionableError, Cancelled

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Longest stretch the GUI thread spends running callbacks before it lets Qt paint.
DRAIN_BUDGET_S = 0.008
#: How long a thread may run Python while another waits for the GIL (Python's default:
#: 5 ms). See ``share_the_gil``.
SWITCH_INTERVAL_S = 0.001


def share_the_gil(interval: float = SWITCH_INTERVAL_S) -> None:
    """Let a thread waiting for the GIL have it sooner.

    A repaint calls into Python once per painted cell (``data``, ``flags``, ``rowCount``:
    several hundred calls), and every call takes the GIL. While a worker converts a page
    in Python, each of those waits until the worker is made to let go: up to the switch
    interval each, which made the window stall while a listing arrived (issue 25, item
    4). A shorter interval costs the workers a little more switching."""
    sys.setswitchinterval(interval)


@dataclass(frozen=True, slots=True)
class TaskResult(Generic[T]):
    """Either ``value`` or ``error``; ``error`` is an ``ActionableError`` (a provider's
    ``StorageError``, an account's problem) or ``Cancelled`` for expected failures, or
    a wrapped unexpected exception (a bug, logged)."""

    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def message(self) -> str:
        """What to show a person: the error's own message, never a traceback."""
        if self.error is None:
            return ""
        if isinstance(self.error, ActionableError | Cancelled):
            return str(self.error)
        return f"Unexpected error: {type(self.error).__name__}: {self.error}"


def _ignore(_result: TaskResult[None]) -> None:
    """The end of a feed that went well: nothing to deliver, only counted."""


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from a worker is queued to it."""

    wake = Signal()


class _Task(QRunnable, Generic[T]):
    def __init__(self, func: Callable[[], T], deliver: Callable[[TaskResult[T]], None]) -> None:
        super().__init__()
        self._func = func
        self._deliver = deliver

    def run(self) -> None:
        try:
            result: TaskResult[T] = TaskResult(value=self._func())
        except (ActionableError, Cancelled) as error:
            result = TaskResult(error=error)
        except Exception as error:  # a bug: keep the window alive, log the traceback
            log.exception("background task failed")
            result = TaskResult(error=error)
        self._deliver(result)


class TaskRunner(QObject):
    """A pool of worker threads for blocking calls, owned by the GUI thread."""

    def __init__(self, max_threads: int = 8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._lock = threading.Lock()
        self._ready: collections.deque[Callable[[], None]] = collections.deque()  # on_done(result)
        self._relay = _Relay(self)
        self._relay.wake.connect(self._drain)
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)
        self._pending = 0

    def run(self, func: Callable[[], T], on_done: Callable[[TaskResult[T]], None]) -> None:
        """Call ``func()`` on a worker; ``on_done(result)`` later on the GUI thread."""

        def deliver(result: TaskResult[T]) -> None:
            self._post(on_done, result, count=False)

        with self._lock:
            self._pending += 1
        self._pool.start(_Task(func, deliver))

    def run_feed(
        self, produce: Callable[[Callable[[T], None]], None], on_item: Callable[[TaskResult[T]], None]
    ) -> None:
        """Call ``produce(emit)`` on a worker; each ``emit(value)`` reaches ``on_item`` on
        the GUI thread, in order, while ``produce`` goes on. If ``produce`` fails, its
        error arrives last, as a failed result. For a stream of results (listing pages)
        that should not wait for the GUI thread between one and the next."""

        def emit(value: T) -> None:
            self._post(on_item, TaskResult(value=value), count=True)

        def feed() -> None:
            produce(emit)

        def deliver(end: TaskResult[None]) -> None:
            if end.error is not None:
                self._post(on_item, TaskResult(error=end.error), count=False)
            else:
                self._post(_ignore, end, count=False)

        with self._lock:
            self._pending += 1  # the feed's end (a failure, or nothing)
        self._pool.start(_Task(feed, deliver))

    def _post(self, on_done: Callable[[TaskResult[T]], None], result: TaskResult[T], *, count: bool) -> None:
        """Queue ``on_done(result)`` for the GUI thread (from any thread)."""
        with self._lock:
            self._pending += count
            self._ready.append(partial(on_done, result))
        self._relay.wake.emit()

    @property
    def busy(self) -> bool:
        """True while any task has not been delivered yet."""
        return self._pending > 0

    @Slot()
    def _drain(self) -> None:
        deadline = time.monotonic() + DRAIN_BUDGET_S
        while time.monotonic() < deadline:
            with self._lock:
                if not self._ready:
                    return
                deliver = self._ready.popleft()
                self._pending -= 1
            try:
                deliver()
            except Exception:
                log.exception("result handler failed")
        self._drain_timer.start()  # more left: continue after Qt had a turn

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until the workers finish (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)
