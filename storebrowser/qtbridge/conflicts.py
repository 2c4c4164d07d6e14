"""The engine's ``ConflictPolicy.ASK`` callback, answered on the GUI thread.

The engine calls the asker on a WORKER thread. The asker hands the question to the GUI
thread (a queued signal), blocks that worker until someone answers, and returns the
answer to the engine. One question is open at a time; a second worker waits its turn
and then finds a remembered "same for the whole job" answer if the first one gave it.

A question never outlives the app: ``close()`` (quitting) and ``withdraw_job()`` (the
job was cancelled) wake the waiting worker with ``Paused`` or ``Cancelled``, which the
engine treats as "run this item again at the next start" and "cancelled".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal, Slot

from storebrowser.core.errors import Cancelled
from storebrowser.transfers.context import Paused
from storebrowser.transfers.jobs import ConflictPolicy, Item, JobKind

#: What a person may answer, in the order a dialog offers it.
CHOICES = (ConflictPolicy.OVERWRITE, ConflictPolicy.RENAME, ConflictPolicy.SKIP, ConflictPolicy.RESUME)


@dataclass(eq=False)
class ConflictQuestion:
    """``target`` exists already (a local path for a download, a key otherwise)."""

    job_id: str
    kind: JobKind
    key: str
    target: str
    choices: tuple[ConflictPolicy, ...] = CHOICES
    answer: ConflictPolicy | None = None
    for_whole_job: bool = False
    #: Set instead of an answer when the question no longer matters.
    stop: BaseException | None = None
    _answered: threading.Event = field(default_factory=threading.Event)


class ConflictAsker(QObject):
    """Signals (always on the GUI thread):
    asked(ConflictQuestion): show it and call ``answer()``; one at a time.
    withdrawn(ConflictQuestion): that question needs no answer any more (close its dialog).
    """

    asked = Signal(object)
    withdrawn = Signal(object)
    _post = Signal(object, bool)  # from a worker to the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._turn = threading.Lock()  # one question at a time
        self._lock = threading.Lock()  # guards the fields below
        self._open: ConflictQuestion | None = None
        self._remembered: dict[str, ConflictPolicy] = {}
        self._cancelled_jobs: set[str] = set()
        self._closed: BaseException | None = None
        self._post.connect(self._deliver)

    # -- the worker side -------------------------------------------------------------------

    def __call__(self, item: Item, kind: JobKind, target: str) -> ConflictPolicy:
        """The engine's ``AskCallback``: blocks this worker until the GUI answers."""
        with self._turn:
            with self._lock:
                stop = self._stop_for(item.job_id)
                if stop is not None:
                    raise stop
                remembered = self._remembered.get(item.job_id)
                if remembered is not None:
                    return remembered
                question = ConflictQuestion(item.job_id, kind, item.key, target)
                self._open = question
            self._post.emit(question, True)
            question._answered.wait()
            with self._lock:
                self._open = None
                if question.stop is not None:
                    raise question.stop
                assert question.answer is not None
                if question.for_whole_job:
                    self._remembered[item.job_id] = question.answer
                return question.answer

    def _stop_for(self, job_id: str) -> BaseException | None:
        if self._closed is not None:
            return self._closed
        if job_id in self._cancelled_jobs:
            return Cancelled("The transfer was cancelled.")
        return None

    # -- the GUI side ----------------------------------------------------------------------

    def answer(
        self, question: ConflictQuestion, policy: ConflictPolicy, *, for_whole_job: bool = False
    ) -> None:
        if policy not in question.choices:
            raise ValueError(f"{policy} is not a choice for this question")
        with self._lock:
            if question._answered.is_set():
                return  # withdrawn meanwhile
            question.answer, question.for_whole_job = policy, for_whole_job
            question._answered.set()
        self.withdrawn.emit(question)  # asked in more than one window: the others close theirs

    def withdraw_job(self, job_id: str) -> None:
        """The job is being cancelled: its open question goes, no new one is asked."""
        with self._lock:
            self._cancelled_jobs.add(job_id)
            question = self._open if self._open is not None and self._open.job_id == job_id else None
            stopped = question is not None and self._stop(question, Cancelled("The transfer was cancelled."))
        if stopped:
            self._post.emit(question, False)

    def forget_job(self, job_id: str) -> None:
        """The job is gone from the queue: drop what was remembered for it."""
        with self._lock:
            self._remembered.pop(job_id, None)
            self._cancelled_jobs.discard(job_id)

    def close(self, *, cancelling: bool = False) -> None:
        """The app quits: the open question and every later one are answered with
        ``Paused`` (the item runs again at the next start) or ``Cancelled``."""
        error: BaseException = Cancelled("The app is quitting.") if cancelling else Paused()
        with self._lock:
            self._closed = error
            question = self._open
            stopped = question is not None and self._stop(question, error)
        if stopped:
            self._post.emit(question, False)

    @property
    def pending(self) -> ConflictQuestion | None:
        """The question waiting for an answer, if any."""
        with self._lock:
            return self._open

    def _stop(self, question: ConflictQuestion, error: BaseException) -> bool:
        """Wake the worker with ``error`` (under ``_lock``); False if it was answered."""
        if question._answered.is_set():
            return False
        question.stop = error
        question._answered.set()
        return True

    @Slot(object, bool)
    def _deliver(self, question: ConflictQuestion, ask: bool) -> None:
        if not ask:
            self.withdrawn.emit(question)
        elif not question._answered.is_set():  # withdrawn before it reached the GUI
            self.asked.emit(question)
