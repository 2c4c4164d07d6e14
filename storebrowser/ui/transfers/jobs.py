"""Jobs the window hands to the transfer engine, and what it does when they finish.

A thin layer over the ``EngineBridge`` (which runs every engine call on its worker and
reports finished jobs from its snapshots): callers say what to do when *their* job is
finished, without tracking ids themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from PySide6.QtCore import QObject, Signal

from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.transfers import JobSnapshot, TransferEngine
from storebrowser.transfers.jobs import JobSpec, Listed

WhenFinished = Callable[[JobSnapshot], None]


class JobQueue(QObject):
    #: A job could not even be queued, or another engine command failed (message).
    failed = Signal(str)

    def __init__(self, bridge: EngineBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._watching: dict[str, WhenFinished] = {}
        bridge.jobFinished.connect(self._finished)
        bridge.failed.connect(self.failed)

    @property
    def engine(self) -> TransferEngine | None:
        """The engine once the bridge has built it (tests read snapshots from it)."""
        return self.bridge.engine

    def submit(
        self,
        spec: JobSpec,
        *,
        when_finished: WhenFinished | None = None,
        stream: BinaryIO | None = None,
        listed: Listed | None = None,
        on_submitted: Callable[[str], None] | None = None,
    ) -> None:
        """Queue ``spec`` (with the source ``stream`` of an UPLOAD_STREAM job, what the
        listing said of its sources, ``listed``); ``on_submitted(job_id)`` runs here once
        it is queued."""

        def queued(job_id: str) -> None:
            if when_finished is not None:
                self._watching[job_id] = when_finished
            if on_submitted is not None:
                on_submitted(job_id)

        self.bridge.submit(spec, stream=stream, listed=listed, on_submitted=queued)

    def retry(self, job_id: str, *, when_finished: WhenFinished | None = None) -> None:
        """Run the failed items of a failed job again; ``when_finished`` as for ``submit``."""
        if when_finished is not None:
            self._watching[job_id] = when_finished
        self.bridge.retry([job_id])

    def _finished(self, job: JobSnapshot, _seconds: float) -> None:
        callback = self._watching.pop(job.id, None)
        if callback is not None:
            callback(job)
