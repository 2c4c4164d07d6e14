"""One engine job submitted and followed in place: objects done of all, and the ones
that failed with why (the metadata editor's last page for several objects)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QProgressBar, QVBoxLayout, QWidget

from storebrowser.core.display import display_text
from storebrowser.transfers import JobSnapshot, State
from storebrowser.transfers.jobs import JobSpec
from storebrowser.transfers.progress import EngineSnapshot
from storebrowser.ui.transfers.jobs import JobQueue


class JobProgress(QWidget):
    """Signals:
    finished(JobSnapshot): the job is done, failed or cancelled.
    """

    finished = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs: JobQueue | None = None
        self.job_id: str | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setFormat(self.tr("%v of %m objects"))
        self.failures = QPlainTextEdit(self)
        self.failures.setObjectName("failures")
        self.failures.setReadOnly(True)
        self.failures.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.failures, 1)
        layout.addStretch(0)

    def submit(self, jobs: JobQueue, spec: JobSpec) -> None:
        """Queue ``spec`` through the window's queue and follow it."""
        self.jobs = jobs
        self.bar.setRange(0, max(len(spec.keys), 1))
        self.bar.setValue(0)
        self.label.setText(self.tr("Starting…"))
        jobs.failed.connect(self._submit_failed)
        jobs.submit(spec, on_submitted=self._submitted, when_finished=self._finished)

    def stop(self) -> None:
        """Stop following (the job goes on in the engine)."""
        if self.jobs is not None and self.job_id is not None:
            self.jobs.bridge.snapshot.disconnect(self.show_snapshot)
            self.job_id = None

    def _submitted(self, job_id: str) -> None:
        self._disconnect_failed()
        self.job_id = job_id
        if self.jobs is not None:  # the bridge's snapshots, about 4 a second while busy
            self.jobs.bridge.snapshot.connect(self.show_snapshot)

    def _submit_failed(self, message: str) -> None:
        self._disconnect_failed()
        self.label.setText(message)

    def _disconnect_failed(self) -> None:
        if self.jobs is not None:
            self.jobs.failed.disconnect(self._submit_failed)

    def show_snapshot(self, snapshot: EngineSnapshot) -> None:
        if self.job_id is None:
            return
        try:
            job = snapshot.job(self.job_id)
        except KeyError:
            self.stop()  # gone from the queue (cleared)
            return
        self.show_job(job)

    def show_job(self, job: JobSnapshot) -> None:
        total = job.total if job.total is not None else self.bar.maximum()
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(job.done)
        failed = job.failed_items
        if not job.state.finished:
            text = self.tr("Applying the changes: {done} of {n} objects done.").format(done=job.done, n=total)
        elif job.state is State.CANCELLED:
            text = self.tr("Cancelled after {done} of {n} objects.").format(done=job.done, n=total)
        elif failed:
            text = self.tr(
                "Changed {done} of {n} objects; {failed} failed, and were left as they were."
            ).format(done=job.done, n=total, failed=len(failed))
        else:
            text = self.tr("Changed all {n} objects.").format(n=total)
        self.label.setText(text)
        if failed:
            lines = (f"{display_text(item.key)}: {display_text(item.error or '')}" for item in failed)
            self.failures.setPlainText("\n".join(lines))
            self.failures.show()

    def _finished(self, job: JobSnapshot) -> None:
        self.stop()
        self.show_job(job)
        self.finished.emit(job)
