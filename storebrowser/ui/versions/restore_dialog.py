"""Restore Folder to a Date…: pick a moment, see the plan (which objects come back, which
change, which are deleted because they did not exist then) before anything happens, then
run it as one engine job (``JobKind.RESTORE_AS_OF``): it shows in the transfers panel with
each key's outcome, is paused, resumed or cancelled there, and an unfinished one is offered
again at the next start with the other unfinished transfers (or `storebrowser-cli jobs
resume`). The dialog follows the job while it is open."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.cancel import CancelToken
from storebrowser.core.display import display_text
from storebrowser.core.places import Location
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.transfers import JobSnapshot, State
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.format import counted, human_size, local_time
from storebrowser.ui.transfers.job_progress import JobProgress
from storebrowser.ui.words import TranslationContext
from storebrowser.versions.plan import PlanAction, PlanItem, RestorePlan, make_plan
from storebrowser.versions.restore import held_back, plan_spec


class RestoreWords(TranslationContext):
    """The translation context of this module's words (``RestoreWords.tr``, as lupdate reads it)."""


def objects(n: int) -> str:
    """``1 object``, ``7 objects``, in the language shown."""
    return counted(n, RestoreWords.tr("{n} object", "", n), RestoreWords.tr("{n} objects", "", n))


# How each planned change is said (translated where shown), in the order they are listed.
_SAID = {
    PlanAction.UNDELETE: QT_TRANSLATE_NOOP("RestoreWords", "comes back"),
    PlanAction.RESTORE: QT_TRANSLATE_NOOP("RestoreWords", "back to its content then"),
    PlanAction.DELETE: QT_TRANSLATE_NOOP("RestoreWords", "deleted (did not exist then)"),
    PlanAction.UNKNOWN: QT_TRANSLATE_NOOP("RestoreWords", "left as it is (its content then was not kept)"),
}


class RestoreDialog(QDialog):
    def __init__(self, context: CommandContext, place: Location, parent: QWidget | None = None) -> None:
        super().__init__(parent or context.parent)
        self.context, self.place = context, place
        self.plan: RestorePlan | None = None
        self._held_back = 0
        self._cancel: CancelToken | None = None
        where = display_text(f"{place.container}/{place.prefix}")
        self.setWindowTitle(self.tr("Restore {0} to a Date").format(where))
        self.resize(760, 460)
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addDays(-1), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.show_plan = QPushButton(self.tr("Show Plan"), self)
        self.summary = QLabel(
            self.tr("Pick the moment to bring {0} back to, then look at the plan.").format(where)
        )
        self.summary.setWordWrap(True)
        self.table = _plan_table(self)
        self.permanent = QCheckBox(self)
        self.permanent.setVisible(False)
        #: The job once it runs (the transfers panel shows it too).
        self.progress = JobProgress(self)
        self.progress.setVisible(False)
        self.progress.finished.connect(self._applied)
        self.restore = QPushButton(self.tr("Restore"), self)
        self.stop = QPushButton(self.tr("Stop"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self._layout()
        self.show_plan.clicked.connect(self.make_plan)
        self.restore.clicked.connect(self.apply)
        self.stop.clicked.connect(self._stop)
        self.close_button.clicked.connect(self.reject)
        self.when.dateTimeChanged.connect(self._moment_changed)
        self._set_busy(False)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("As it was at:"), self))
        top.addWidget(self.when)
        top.addWidget(self.show_plan)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.permanent)
        bottom.addStretch(1)
        for button in (self.restore, self.stop, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.progress)
        layout.addLayout(bottom)

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)

    def set_moment(self, moment: datetime) -> None:
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))

    # -- the plan ---------------------------------------------------------------------

    def _moment_changed(self) -> None:
        self.plan = None
        self.table.setRowCount(0)
        self._set_busy(False)

    def make_plan(self) -> None:
        place, moment = self.place, self.moment()
        if moment > datetime.now(UTC) + timedelta(minutes=1):
            self.summary.setText(self.tr("That moment is in the future: pick one in the past."))
            return
        self.summary.setText(self.tr("Reading the versions of every object in this folder and below…"))
        self._set_busy(True)
        cancel = self._cancel = CancelToken()
        pool = self.context.pool
        self.context.runner.run(
            lambda: make_plan(pool.get(place.account), place.container, place.prefix, moment, cancel=cancel),
            self._planned,
        )

    def _planned(self, result: TaskResult[RestorePlan]) -> None:
        self._set_busy(False)
        if not result.ok or result.value is None:
            self.summary.setText(result.message())
            return
        self.plan = plan = result.value
        self.summary.setText(plan_summary(plan))
        shown = sorted(plan.changes + plan.unknown, key=lambda item: list(_SAID).index(item.action))
        self.table.setRowCount(len(shown))
        for row, item in enumerate(shown):
            for column, text in enumerate(_plan_cells(item)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        deletes = plan.count(PlanAction.DELETE)
        self.permanent.setVisible(plan.permanent_deletes and deletes > 0)
        self.permanent.setChecked(False)
        what = objects(deletes)
        self.permanent.setText(
            self.tr("Also delete for good the {0} that did not exist then (this service keeps no "
                    "delete marker: they and their snapshots cannot be brought back)").format(what)
        )  # fmt: skip
        changes = len(plan.changes)
        one, many = self.tr("Restore {n} Object", "", changes), self.tr("Restore {n} Objects", "", changes)
        self.restore.setText(counted(changes, one, many))
        self._set_busy(False)

    # -- applying ---------------------------------------------------------------------

    def apply(self) -> None:
        """Queue the plan as one engine job and follow it; deletions for good go only
        with their own tick."""
        plan = self.plan
        if plan is None or not plan.changes:
            return
        allowed = self.permanent.isChecked()
        self._held_back = len(held_back(plan, allowed))
        spec = plan_spec(self.place.account, plan, allow_permanent_deletes=allowed)
        if spec is None:
            self.summary.setText(
                self.tr("Nothing restored: {0} left (not confirmed).").format(self._held_back)
            )
            return
        self._set_busy(True)
        self.summary.setText(self.tr("Restoring {0}…").format(objects(len(spec.keys))))
        self.table.setRowCount(0)
        self.progress.setVisible(True)
        self.progress.submit(self.context.jobs, spec)

    def _applied(self, job: JobSnapshot) -> None:
        self.plan = None  # applied: Restore waits for a new plan
        self._set_busy(False)
        self.restore.setText(self.tr("Restore"))
        self.context.places.relist()
        done = sum(1 for item in job.items if item.state is State.DONE)
        failed = [item for item in job.items if item.state is State.FAILED]
        if job.state is State.CANCELLED:
            text = self.tr("Stopped: {0} restored.").format(objects(done))
        else:
            text = self.tr("Done: {0} restored.").format(objects(done))
        if self._held_back:
            text += self.tr(" {0} left (not confirmed).").format(self._held_back)
        if failed:
            text += self.tr(" {0} failed, {1}: {2} Retry them from the transfers panel.").format(
                len(failed), failed[0].key, failed[0].error or "")  # fmt: skip
        elif job.error:
            text += " " + job.error
        self.summary.setText(text)

    def _stop(self) -> None:
        """Stop planning, or cancel the job (keys done stay done; a new plan finds them)."""
        if self._cancel is not None:
            self._cancel.cancel()
        job_id = self.progress.job_id
        if job_id is not None:
            self.context.jobs.bridge.cancel([job_id])

    def _set_busy(self, busy: bool) -> None:
        self.show_plan.setEnabled(not busy)
        self.when.setEnabled(not busy)
        self.stop.setEnabled(busy)
        self.restore.setEnabled(not busy and self.plan is not None and bool(self.plan.changes))


def plan_summary(plan: RestorePlan) -> str:
    """What the plan does, in counts, in the language shown."""
    kept, unknown = plan.count(PlanAction.KEEP), plan.count(PlanAction.UNKNOWN)
    moment = local_time(plan.as_of)
    if not plan.changes and not unknown:
        same = counted(
            kept, RestoreWords.tr("{n} object is", "", kept), RestoreWords.tr("{n} objects are", "", kept)
        )
        text = RestoreWords.tr("Nothing to do: {objects} as they were at {moment}.")
        return text.format(objects=same, moment=moment)
    parts = [_said_count(action, plan.count(action)) for action in _SAID if action is not PlanAction.UNKNOWN]
    unchanged = RestoreWords.tr("{n} unchanged", "", kept)
    parts.insert(3, counted(kept, unchanged, unchanged))
    if unknown:
        parts.append(_said_count(PlanAction.UNKNOWN, unknown))
    text = RestoreWords.tr("As at {moment}: {parts}. Nothing has changed yet.")
    return text.format(moment=moment, parts=", ".join(parts))


def _said_count(action: PlanAction, n: int) -> str:
    """How many keys a plan's action takes, as the summary says it (one, many)."""
    if action is PlanAction.UNDELETE:
        return counted(n, RestoreWords.tr("{n} comes back", "", n), RestoreWords.tr("{n} come back", "", n))
    if action is PlanAction.RESTORE:
        one = RestoreWords.tr("{n} goes back to its content then", "", n)
        return counted(n, one, RestoreWords.tr("{n} go back to their content then", "", n))
    if action is PlanAction.DELETE:
        one = RestoreWords.tr("{n} deleted (it did not exist then)", "", n)
        return counted(n, one, RestoreWords.tr("{n} deleted (they did not exist then)", "", n))
    one = RestoreWords.tr("{n} left as it is (its content then was not kept)", "", n)
    return counted(n, one, RestoreWords.tr("{n} left as they are (their content then was not kept)", "", n))


def _plan_cells(item: PlanItem) -> tuple[str, str, str, str]:
    then, now = item.target, item.current
    return (
        display_text(item.key),
        RestoreWords.tr(_SAID[item.action]),
        f"{human_size(then.size)}, {local_time(then.modified)}"
        if then is not None
        else RestoreWords.tr("did not exist"),
        f"{human_size(now.size)}, {local_time(now.modified)}"
        if now is not None
        else RestoreWords.tr("deleted"),
    )


def _plan_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, 4, parent)
    table.setAccessibleName(RestoreWords.tr("Plan"))
    words = (
        RestoreWords.tr("Object"),
        RestoreWords.tr("What happens"),
        RestoreWords.tr("Then"),
        RestoreWords.tr("Now"),
    )
    table.setHorizontalHeaderLabels(list(words))
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setShowGrid(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in (1, 2, 3):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    return table
