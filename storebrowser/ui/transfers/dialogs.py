"""The questions the transfers panel asks: a conflict, resuming last time's transfers,
and what to do with running transfers when the window closes.

Every dialog is opened with ``open()`` (window-modal, no nested event loop) and answers
through a callback, so nothing here blocks the GUI thread.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable
from pathlib import PurePath

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QMessageBox, QProgressDialog, QPushButton, QWidget

from storebrowser.core.display import display_text
from storebrowser.qtbridge.conflicts import ConflictAsker, ConflictQuestion
from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.transfers.jobs import ConflictPolicy
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.ui.transfers import text
from storebrowser.ui.transfers.text import Transfers

#: Object names of the buttons, for tests and for people automating the app.
CONFLICT_BUTTONS = {
    ConflictPolicy.OVERWRITE: "overwrite",
    ConflictPolicy.RENAME: "rename",
    ConflictPolicy.SKIP: "skip",
    ConflictPolicy.RESUME: "resume",
}
_LISTED_JOBS = 8
PROGRESS_DELAY_MS = 300  # a quick shutdown shows no progress dialog at all


def _button(box: QMessageBox, label: str, role: QMessageBox.ButtonRole, name: str) -> QPushButton:
    button = box.addButton(label, role)
    button.setObjectName(name)
    return button


# -- a conflict --------------------------------------------------------------------------------


def ask_conflict(
    question: ConflictQuestion, asker: ConflictAsker, parent: QWidget, *, many: bool
) -> QMessageBox:
    """Show the question; the answer goes to ``asker``. ``many``: offer "for the whole job"."""
    download = question.kind.is_download
    name = PurePath(question.target).name if download else question.target.rpartition("/")[2]
    where = str(PurePath(question.target).parent) if download else question.target
    box = QMessageBox(QMessageBox.Icon.Question, Transfers.tr("Already there"), "", parent=parent)
    box.setObjectName("conflictDialog")
    name, where = display_text(name), display_text(where)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(Transfers.tr("“{name}” exists already.").format(name=name))
    box.setInformativeText(
        Transfers.tr("In {where}. What should this download do?").format(where=where)
        if download
        else Transfers.tr("On the server as {where}. What should this transfer do?").format(where=where)
    )
    labels = {
        ConflictPolicy.OVERWRITE: (Transfers.tr("Overwrite"), QMessageBox.ButtonRole.DestructiveRole),
        ConflictPolicy.RENAME: (Transfers.tr("Keep both"), QMessageBox.ButtonRole.AcceptRole),
        ConflictPolicy.SKIP: (Transfers.tr("Skip"), QMessageBox.ButtonRole.RejectRole),
        ConflictPolicy.RESUME: (
            Transfers.tr("Skip if identical") if download else Transfers.tr("Skip if same size"),
            QMessageBox.ButtonRole.AcceptRole,
        ),
    }
    buttons = {}
    for policy in question.choices:
        label, role = labels[policy]
        buttons[policy] = _button(box, label, role, CONFLICT_BUTTONS[policy])
    buttons[ConflictPolicy.RENAME].setToolTip(
        Transfers.tr("Save the new one under a numbered name: report (1).pdf")
    )
    # A download leaves a file only when the object's checksum proves it the same
    # (transfers/download.py, _complete_already); an upload, when the sizes are equal.
    buttons[ConflictPolicy.RESUME].setToolTip(
        Transfers.tr(
            "Leave it when the server's checksum proves it the same (an earlier download finished it); "
            "otherwise download it again."
        )
        if download
        else Transfers.tr(
            "Leave it when it has the same size (an earlier transfer finished it); otherwise overwrite it."
        )
    )
    box.setDefaultButton(buttons[ConflictPolicy.RENAME])
    box.setEscapeButton(buttons[ConflictPolicy.SKIP])
    if many:
        check = QCheckBox(Transfers.tr("Do the same for every conflict of this transfer"), box)
        check.setObjectName("forWholeJob")
        box.setCheckBox(check)

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        policy = next((p for p, b in buttons.items() if b is clicked), ConflictPolicy.SKIP)
        whole = box.checkBox() is not None and box.checkBox().isChecked()
        asker.answer(question, policy, for_whole_job=whole)
        box.deleteLater()

    def withdrawn(gone: ConflictQuestion) -> None:
        if gone is question and box.isVisible():
            box.finished.disconnect(answered)
            box.done(0)
            box.deleteLater()

    box.finished.connect(answered)
    asker.withdrawn.connect(withdrawn)
    box.destroyed.connect(lambda: _disconnect(asker, withdrawn))
    box.open()
    return box


def _disconnect(asker: ConflictAsker, slot: Callable[[ConflictQuestion], None]) -> None:
    with contextlib.suppress(RuntimeError, TypeError):  # already gone with the app
        asker.withdrawn.disconnect(slot)


# -- resuming last time's transfers ------------------------------------------------------------


def offer_unfinished(
    bridge: EngineBridge, parent: QWidget, on_done: Callable[[str], None] | None = None
) -> None:
    """Load the journal's unfinished jobs (paused, on the worker) and, if there are any,
    ask: Resume (all), Discard (cancel them and remove their leftovers), Later (they stay
    in the panel, paused). ``on_done`` gets "resume", "discard", "later" or "none"."""

    def loaded(jobs: list[JobSnapshot]) -> None:
        if not jobs:
            if on_done is not None:
                on_done("none")
            return
        _ask_resume(bridge, parent, jobs, on_done)

    bridge.load_unfinished(loaded)


def _ask_resume(
    bridge: EngineBridge, parent: QWidget, jobs: list[JobSnapshot], on_done: Callable[[str], None] | None
) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, Transfers.tr("Unfinished transfers"), "", parent=parent)
    box.setObjectName("resumeOffer")
    box.setText(
        Transfers.tr("Resume the unfinished transfer from last time?")
        if len(jobs) == 1
        else Transfers.tr("Resume {n} unfinished transfers from last time?").format(n=len(jobs))
    )
    lines = [f"• {text.job_title(job)}  ({text.amount(job.kind, job.done, job.total)})" for job in jobs]
    if len(lines) > _LISTED_JOBS:
        lines = [*lines[:_LISTED_JOBS], Transfers.tr("… and {n} more").format(n=len(lines) - _LISTED_JOBS)]
    box.setInformativeText("\n".join(lines))
    resume = _button(box, Transfers.tr("Resume"), QMessageBox.ButtonRole.AcceptRole, "resume")
    discard = _button(box, Transfers.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole, "discard")
    later = _button(box, Transfers.tr("Later"), QMessageBox.ButtonRole.RejectRole, "later")
    discard.setToolTip(Transfers.tr("Cancel them: partial files and unfinished uploads are removed."))
    later.setToolTip(Transfers.tr("Keep them paused in the transfers panel."))
    box.setDefaultButton(resume)
    box.setEscapeButton(later)
    ids = [job.id for job in jobs]

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        choice = "resume" if clicked is resume else "discard" if clicked is discard else "later"
        if choice == "resume":
            bridge.resume(ids)
        elif choice == "discard":
            bridge.discard(ids)
        box.deleteLater()
        if on_done is not None:
            on_done(choice)

    box.finished.connect(answered)
    box.open()


# -- closing the window ------------------------------------------------------------------------


class _Quit(enum.Enum):
    OPEN = "open"
    ASKING = "asking"
    STOPPING = "stopping"
    STOPPED = "stopped"


class QuitGuard(QObject):
    """Stops the engine before the window closes, asking first when transfers run.

    From the window's ``closeEvent``::

        if self.quit_guard.allow_close():
            event.accept()
        else:
            event.ignore()  # the guard asks / shuts down, then closes the window itself
    """

    def __init__(
        self, bridge: EngineBridge, window: QWidget, others_open: Callable[[], bool] = lambda: False
    ) -> None:
        super().__init__(window)
        self._bridge = bridge
        self._window = window
        #: Another window on the same engine is open: this one closes without stopping it.
        self._others_open = others_open
        self._state = _Quit.OPEN
        self._progress: QProgressDialog | None = None
        #: The last answer: "pause", "cancel", "stay" or "" (nothing was running).
        self.choice = ""

    def allow_close(self) -> bool:
        if self._state is _Quit.STOPPED or self._bridge.is_stopped or self._others_open():
            return True
        if self._state is _Quit.OPEN:
            active = self._bridge.active_jobs()
            if active:
                self._ask(len(active))
            else:
                self._stop(cancel=False)
        return False

    def _ask(self, count: int) -> None:
        self._state = _Quit.ASKING
        box = QMessageBox(
            QMessageBox.Icon.Question, Transfers.tr("Transfers are running"), "", parent=self._window
        )
        box.setObjectName("quitQuestion")
        box.setText(
            Transfers.tr("A transfer is still running.")
            if count == 1
            else Transfers.tr("{n} transfers are still running.").format(n=count)
        )
        box.setInformativeText(
            Transfers.tr(
                "Pause them to continue at the next start, or cancel them (partial files and "
                "unfinished uploads are removed)? Paused transfers stay paused."
            )
        )
        pause = _button(box, Transfers.tr("Pause"), QMessageBox.ButtonRole.AcceptRole, "pause")
        cancel = _button(
            box, Transfers.tr("Cancel transfers"), QMessageBox.ButtonRole.DestructiveRole, "cancel"
        )
        stay = _button(box, Transfers.tr("Don't quit"), QMessageBox.ButtonRole.RejectRole, "stay")
        box.setDefaultButton(pause)
        box.setEscapeButton(stay)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            box.deleteLater()
            if clicked is pause or clicked is cancel:
                self.choice = "pause" if clicked is pause else "cancel"
                self._stop(cancel=clicked is cancel)
            else:
                self.choice = "stay"
                self._state = _Quit.OPEN

        box.finished.connect(answered)
        box.open()

    def _stop(self, *, cancel: bool) -> None:
        self._state = _Quit.STOPPING
        label = (
            Transfers.tr("Cancelling transfers and removing partial files…")
            if cancel
            else Transfers.tr("Pausing transfers…")
        )
        QTimer.singleShot(PROGRESS_DELAY_MS, self, lambda: self._show_progress(label))
        self._bridge.shutdown(cancel_active=cancel, on_done=self._stopped)

    def _show_progress(self, label: str) -> None:
        if self._state is not _Quit.STOPPING:
            return
        progress = QProgressDialog(label, "", 0, 0, self._window)
        progress.setObjectName("quitProgress")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        self._progress = progress

    def _stopped(self) -> None:
        self._state = _Quit.STOPPED
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._window.close()
