"""The transfers panel: the queue as a tree with progress bars, and its commands."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHeaderView,
    QMenu,
    QSizePolicy,
    QStyle,
    QSystemTrayIcon,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.qtbridge.conflicts import ConflictQuestion
from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.transfers.jobs import State
from storebrowser.transfers.progress import EngineSnapshot, JobSnapshot
from storebrowser.ui.icons import line_icon
from storebrowser.ui.transfers import text
from storebrowser.ui.transfers.dialogs import ask_conflict
from storebrowser.ui.transfers.limit import LimitControl
from storebrowser.ui.transfers.model import Column, TransfersModel
from storebrowser.ui.transfers.progress_delegate import ProgressDelegate
from storebrowser.ui.transfers.text import Transfers
from storebrowser.ui.uistate import UiState

#: A job that ran at least this long is worth a notification when the window is elsewhere.
LONG_JOB_SECONDS = 10.0
NOTIFY_MS = 8_000
_WIDTHS = {Column.NAME: 380, Column.PROGRESS: 130, Column.STATE: 80, Column.SIZE: 140,
           Column.RATE: 90, Column.ETA: 80}  # fmt: skip

_CAN_PAUSE = (State.QUEUED, State.RUNNING)
_CAN_CANCEL = (State.QUEUED, State.RUNNING, State.PAUSED, State.FAILED)
_UNFINISHED = (State.QUEUED, State.RUNNING, State.PAUSED)
#: What the buttons act on when no row is selected: Cancel only what is running.
_ALL_PAUSE, _ALL_RESUME = _CAN_PAUSE, (State.PAUSED,)
_ALL_RETRY, _ALL_CANCEL = (State.FAILED,), (State.RUNNING,)
#: Rows an empty panel keeps room for (the header and the toolbar besides).
COMPACT_ROWS = 2


class TransfersDock(QDockWidget):
    """Signals:
    summary(str): one line for the status bar, when it changes.
    notice(str): a passing message (a job finished, a command failed).
    notified(str, str): title and text of a "long job finished" notification.
    """

    summary = Signal(str)
    notice = Signal(str)
    notified = Signal(str, str)

    def __init__(self, bridge: EngineBridge, parent: QWidget | None = None) -> None:
        super().__init__(Transfers.tr("Transfers"), parent)
        self.setObjectName("transfersDock")
        self.bridge = bridge
        self.model = TransfersModel(self)
        self.long_job_seconds = LONG_JOB_SECONDS
        #: Used for notifications; made on first need when the desktop has a tray.
        self.tray_icon: QSystemTrayIcon | None = None
        self._summary = ""
        #: The "already there" questions on screen, oldest first, with the job each is for.
        self._questions: list[tuple[str, QWidget]] = []
        self.view = self._make_view()
        self.toolbar = QToolBar(Transfers.tr("Transfers"), self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._make_actions()
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self.setWidget(body)
        bridge.snapshot.connect(self._snapshot)
        bridge.jobFinished.connect(self._job_finished)
        bridge.failed.connect(self.notice)
        bridge.asker.asked.connect(self._ask)
        self._update_actions()

    def add_limit_control(self, bandwidth: Bandwidth, state: UiState) -> LimitControl:
        """The bandwidth limit's fields at the toolbar's right end."""
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        control = LimitControl(bandwidth, state, self.toolbar)
        control.problem.connect(self.notice)
        self.toolbar.addWidget(control)
        self.limit_control = control
        return control

    # -- building -------------------------------------------------------------------------

    def _make_view(self) -> QTreeView:
        view = QTreeView(self)
        view.setAccessibleName(Transfers.tr("Transfers"))
        view.setAccessibleDescription(
            Transfers.tr("Each transfer with its progress, state, size, rate and time left")
        )
        view.setObjectName("transfersView")
        view.setModel(self.model)
        view.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(view))
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setAllColumnsShowFocus(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        header = view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _WIDTHS.items():  # never narrower than its title, in any language
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        view.selectionModel().selectionChanged.connect(self._update_actions)
        view.doubleClicked.connect(self._double_clicked)
        return view

    def _make_actions(self) -> None:
        self._icons: dict[QAction, str] = {}

        def action(name: str, label: str, icon: str, tip: str, run: Callable[[], None]) -> QAction:
            made = QAction(line_icon(icon), label, self)  # the palette's colours, greyed when disabled
            made.setObjectName(name)
            made.setToolTip(tip)
            made.triggered.connect(run)
            self.toolbar.addAction(made)
            self._icons[made] = icon
            return made

        self.pause_action = action("pauseTransfers", Transfers.tr("Pause"), "pause",
                                   Transfers.tr("Pause the selected transfers (running parts finish)"),
                                   self.pause_selected)  # fmt: skip
        self.resume_action = action("resumeTransfers", Transfers.tr("Resume"), "play",
                                    Transfers.tr("Resume the selected transfers"),
                                    self.resume_selected)  # fmt: skip
        self.retry_action = action("retryTransfers", Transfers.tr("Retry"), "retry",
                                   Transfers.tr("Run the failed items of the selected transfers again"),
                                   self.retry_selected)  # fmt: skip
        cancel_tip = Transfers.tr("Cancel the selected transfers and remove what they left half-done")
        self.cancel_action = action("cancelTransfers", Transfers.tr("Cancel"), "cancel", cancel_tip,
                                    self.cancel_selected)  # fmt: skip
        self._pause_tips = (
            self.pause_action.toolTip(),
            Transfers.tr("Pause the running and queued transfers"),
        )
        self._resume_tips = (self.resume_action.toolTip(), Transfers.tr("Resume the paused transfers"))
        self._retry_tips = (
            self.retry_action.toolTip(),
            Transfers.tr("Run the failed items of failed transfers again"),
        )
        self._cancel_tips = (
            self.cancel_action.toolTip(),
            Transfers.tr("Cancel the running transfers and remove what they left half-done"),
        )
        self.toolbar.addSeparator()
        self.top_action = action("moveTransfersToTop", Transfers.tr("Move to top"), "top",
                                 Transfers.tr("Run the selected transfers next"),
                                 self.move_selected_to_top)  # fmt: skip
        clear_tip = Transfers.tr("Remove finished, failed and cancelled transfers from the list")
        self.clear_action = action("clearFinishedTransfers", Transfers.tr("Clear finished"), "clear",
                                   clear_tip, self.bridge.clear_finished)  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: icons in the new colours
            for made, icon in self._icons.items():
                made.setIcon(line_icon(icon))
        super().changeEvent(event)

    def pause_selected(self) -> None:
        self.bridge.pause(self._target_ids(_CAN_PAUSE, _ALL_PAUSE))

    def resume_selected(self) -> None:
        self.bridge.resume(self._target_ids((State.PAUSED,), _ALL_RESUME))

    def retry_selected(self) -> None:
        self.bridge.retry(self._target_ids((State.FAILED,), _ALL_RETRY))

    def cancel_selected(self) -> None:
        self.bridge.cancel(self._target_ids(_CAN_CANCEL, _ALL_CANCEL))

    def move_selected_to_top(self) -> None:
        self.bridge.move_to_top(self._selected_ids(_UNFINISHED))

    # -- selection and actions ------------------------------------------------------------

    def selected_jobs(self) -> list[JobSnapshot]:
        """The jobs of the selected rows (an item row stands for its job), in queue order."""
        jobs: dict[str, JobSnapshot] = {}
        for index in self.view.selectionModel().selectedRows(0):
            job = self.model.job_at(index)
            if job is not None:
                jobs[job.id] = job
        return sorted(jobs.values(), key=lambda j: self.model.job_row(j.id))

    def _selected_ids(self, states: tuple[State, ...]) -> list[str]:
        return [job.id for job in self.selected_jobs() if job.state in states]

    def _target_ids(self, selected: tuple[State, ...], otherwise: tuple[State, ...]) -> list[str]:
        """The selected jobs in ``selected`` states; with no row selected, every job in
        ``otherwise`` states (one transfer runs: Pause needs no selection)."""
        if self.view.selectionModel().hasSelection():
            return self._selected_ids(selected)
        latest = self.bridge.latest
        return [job.id for job in (latest.jobs if latest else ()) if job.state in otherwise]

    def _update_actions(self) -> None:
        chosen = self.view.selectionModel().hasSelection()
        latest = self.bridge.latest
        jobs = self.selected_jobs() if chosen else list(latest.jobs if latest else ())
        states = {job.state for job in jobs}
        for action, selected, otherwise, tips in (
            (self.pause_action, _CAN_PAUSE, _ALL_PAUSE, self._pause_tips),
            (self.resume_action, (State.PAUSED,), _ALL_RESUME, self._resume_tips),
            (self.retry_action, (State.FAILED,), _ALL_RETRY, self._retry_tips),
            (self.cancel_action, _CAN_CANCEL, _ALL_CANCEL, self._cancel_tips),
        ):
            action.setEnabled(bool(states & set(selected if chosen else otherwise)))
            action.setToolTip(tips[0] if chosen else tips[1])
        self.top_action.setEnabled(chosen and bool(states & set(_UNFINISHED)))  # needs a selection
        self.clear_action.setEnabled(latest is not None and any(j.state.finished for j in latest.jobs))

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.pause_action, self.resume_action, self.retry_action, self.cancel_action, None,
                       self.top_action, self.clear_action):  # fmt: skip
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(point))

    # -- from the bridge ------------------------------------------------------------------

    def _snapshot(self, snap: EngineSnapshot) -> None:
        self.model.update(snap)
        self._update_actions()
        line = text.summary(snap)
        if line != self._summary:
            self._summary = line
            self._say_summary()

    @property
    def question(self) -> QWidget | None:
        """The newest open "already there" question, if any."""
        return self._questions[-1][1] if self._questions else None

    def _say_summary(self) -> None:
        waiting = Transfers.tr("Waiting for your answer") if self.question is not None else ""
        self.summary.emit(" — ".join(part for part in (waiting, self._summary) if part))

    def summary_text(self) -> str:
        return self._summary

    def compact_height(self) -> int:
        """Room for the toolbar, the header and a couple of rows: an empty panel is small."""
        rows = COMPACT_ROWS * (self.view.fontMetrics().height() + 6)
        chrome = self.toolbar.sizeHint().height() + self.view.header().sizeHint().height()
        title = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight, None, self)
        return chrome + rows + title + 2 * self.view.frameWidth() + 4

    def _ask(self, question: ConflictQuestion) -> None:
        """Ask, bring the question forward (it may open behind another window), and say in
        the job's row and the status line that it waits for the answer."""
        latest = self.bridge.latest
        many = question.kind.many_items
        with contextlib.suppress(KeyError):  # a copy of a prefix: the items tell
            many = many or (latest is not None and len(latest.job(question.job_id).items) > 1)
        box = ask_conflict(question, self.bridge.asker, self.window(), many=many)
        self._questions.append((question.job_id, box))
        self.model.set_waiting(question.job_id, True)
        self._say_summary()
        box.finished.connect(lambda _code: self._answered(question.job_id, box))
        self.bring_question_forward()

    def _answered(self, job_id: str, box: QWidget) -> None:
        """Answered or withdrawn (the job was cancelled): the row and the line say so."""
        self._questions = [(job, open_box) for job, open_box in self._questions if open_box is not box]
        self.model.set_waiting(job_id, any(job == job_id for job, _box in self._questions))
        self._say_summary()

    def bring_question_forward(self) -> None:
        """Show the open question on top (double-clicking a waiting transfer does this)."""
        box = self.question
        if box is None:
            return
        box.show()
        box.raise_()
        box.activateWindow()
        if not self.window().isActiveWindow():
            QApplication.alert(self.window())  # the taskbar asks for attention

    def _double_clicked(self, index: QModelIndex) -> None:
        job = self.model.job_at(index)
        if job is not None and self.model.waiting(job.id):
            self.bring_question_forward()

    def _job_finished(self, job: JobSnapshot, seconds: float) -> None:
        title = text.job_title(job)
        if job.state is State.DONE:
            message = Transfers.tr("Finished: {title}").format(title=title)
        elif job.state is State.FAILED:
            message = Transfers.tr("Failed: {title}: {why}").format(title=title, why=job.error or "")
        else:
            message = Transfers.tr("Cancelled: {title}").format(title=title)
        self.notice.emit(message)
        window = self.window()
        if job.state is State.CANCELLED or seconds < self.long_job_seconds or window.isActiveWindow():
            return
        QApplication.alert(window)
        tray = self._tray()
        if tray is not None:
            icon = (
                QSystemTrayIcon.MessageIcon.Warning
                if job.state is State.FAILED
                else QSystemTrayIcon.MessageIcon.Information
            )
            tray.showMessage(Transfers.tr("Transfer finished"), message, icon, NOTIFY_MS)
        self.notified.emit(Transfers.tr("Transfer finished"), message)

    def _tray(self) -> QSystemTrayIcon | None:
        """The tray icon, or None where there is no tray (a bare X server, offscreen)."""
        if self.tray_icon is None and QSystemTrayIcon.isSystemTrayAvailable():
            icon = self.window().windowIcon()
            self.tray_icon = QSystemTrayIcon(icon if not icon.isNull() else QIcon(), self)
            self.tray_icon.show()
        return self.tray_icon
