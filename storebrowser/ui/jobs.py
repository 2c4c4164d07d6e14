"""Jobs the window hands to the transfer engine, and what it does when they finish.

``submit`` queues the job on a worker (the engine writes its journal: disk I/O) and
remembers a callback; finished jobs are found by sampling snapshots on one timer, the
same way the transfers panel reads progress.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from PySide6.QtCore import QObject, QTimer, Signal

from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.transfers import JobSnapshot, TransferEngine
from storebrowser.transfers.jobs import JobSpec

POLL_MS = 400
WhenFinished = Callable[[JobSnapshot], None]


class JobQueue(QObject):
    #: A job the window submitted is finished (done, failed or cancelled).
    finished = Signal(object)
    #: A job could not even be queued (message).
    failed = Signal(str)

    def __init__(self, engine: TransferEngine, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._runner = runner
        self._watching: dict[str, WhenFinished | None] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def submit(
        self,
        spec: JobSpec,
        *,
        when_finished: WhenFinished | None = None,
        stream: BinaryIO | None = None,
        on_submitted: Callable[[str], None] | None = None,
    ) -> None:
        """Queue ``spec`` (with the source ``stream`` of an UPLOAD_STREAM job);
        ``on_submitted(job_id)`` runs here once it is queued."""

        def queued(result: TaskResult[str]) -> None:
            if not result.ok or result.value is None:
                self.failed.emit(result.message())
                return
            self._watching[result.value] = when_finished
            self._timer.start()
            if on_submitted is not None:
                on_submitted(result.value)

        self._runner.run(lambda: self.engine.submit(spec, stream=stream), queued)

    def _poll(self) -> None:
        if not self._watching:
            self._timer.stop()
            return
        snapshot = self.engine.snapshot()
        for job in snapshot.jobs:
            if job.id in self._watching and job.state.finished:
                callback = self._watching.pop(job.id)
                if callback is not None:
                    callback(job)
                self.finished.emit(job)
