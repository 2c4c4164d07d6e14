"""Compare and Sync…: pick two places, see what differs (four groups), then the plan of a
one-way sync with a box per change and per folder; deletions are a branch of their own,
unticked, and confirmed before the job starts. Listing and comparing run on a worker;
the sync is one engine job in the transfers panel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.cancel import CancelToken
from storebrowser.core.display import display_text
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.sync.compare import CompareOptions, Comparison, Verdict, compare
from storebrowser.sync.places import PlaceProblem, SyncPlace, overlap_problem, parse_place
from storebrowser.sync.plan import SyncOptions, SyncPlan, listing_of, make_plan, to_spec
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.format import counted, number
from storebrowser.ui.sync.plan_tree import PlanTree

_GROUPS = {
    Verdict.ONLY_LEFT: QT_TRANSLATE_NOOP("CompareWindow", "Only on the left"),
    Verdict.ONLY_RIGHT: QT_TRANSLATE_NOOP("CompareWindow", "Only on the right"),
    Verdict.DIFFERENT: QT_TRANSLATE_NOOP("CompareWindow", "Different"),
    Verdict.SAME: QT_TRANSLATE_NOOP("CompareWindow", "The same"),
}
#: Keys listed per group at most (the counts are always whole).
MAX_LISTED = 5_000
Confirm = Callable[[str, str, str], bool]


class CompareWindow(QDialog):
    def __init__(self, context: CommandContext, left: str, account: str, confirm: Confirm,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent or context.parent)
        self.context, self.account, self.confirm = context, account, confirm
        self.comparison: Comparison | None = None
        self._cancel: CancelToken | None = None
        self.setWindowTitle(self.tr("Compare and Sync"))
        self.resize(900, 620)
        self.left = QLineEdit(left, self)
        self.right = QLineEdit(self)
        self.right.setPlaceholderText(self.tr("a local folder (/…, ~/…) or ACCOUNT:CONTAINER/PREFIX"))
        self.checksum = QCheckBox(self.tr("Compare every file by content (reads all local files)"), self)
        self.checksum.setToolTip(
            self.tr(
                "Without this, files up to 1 MiB are compared by content on S3 and Swift (quicker than "
                "asking their times); others by size and time, then by content if the times differ"
            )
        )
        self.newer_only = QCheckBox(self.tr("Newer only (leave what is newer on the right)"), self)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.summary = QLabel(self.tr("Pick the two places, then Compare. Nothing changes until Sync."), self)
        self.summary.setWordWrap(True)
        self.groups = QTreeWidget(self)
        self.groups.setHeaderLabels([self.tr("Key"), self.tr("Why")])
        self.groups.setAccessibleName(self.tr("Differences"))
        self.plan_tree = PlanTree(self)
        self.sync_button = QPushButton(self.tr("Sync"), self)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self._layout()
        self.compare_button.clicked.connect(self.run_compare)
        self.sync_button.clicked.connect(self.start_sync)
        self.stop_button.clicked.connect(self._stop)
        self.close_button.clicked.connect(self.reject)
        self.newer_only.toggled.connect(self._newer_only_changed)
        # How far the listings are, set on the worker, shown by a timer (the GUI thread never waits).
        self._listed = (0, 0)
        self._progress = QTimer(self)
        self._progress.setInterval(250)
        self._progress.timeout.connect(self._show_progress)
        self._set_busy(False)

    def _layout(self) -> None:
        places = QGridLayout()
        places.addWidget(QLabel(self.tr("Left (the source):"), self), 0, 0)
        places.addWidget(self.left, 0, 1)
        places.addWidget(self._browse(self.left), 0, 2)
        places.addWidget(QLabel(self.tr("Right (made like the left):"), self), 1, 0)
        places.addWidget(self.right, 1, 1)
        places.addWidget(self._browse(self.right), 1, 2)
        options = QHBoxLayout()
        options.addWidget(self.checksum)
        options.addWidget(self.newer_only)
        options.addStretch(1)
        options.addWidget(self.compare_button)
        split = QSplitter(self)
        split.addWidget(self.groups)
        split.addWidget(self.plan_tree)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.sync_button, self.stop_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(places)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def _browse(self, target: QLineEdit) -> QPushButton:
        button = QPushButton(self.tr("Folder…"), self)

        def pick() -> None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a local folder"))
            if folder:
                target.setText(folder)

        button.clicked.connect(pick)
        return button

    # -- comparing ---------------------------------------------------------------------

    def places(self) -> tuple[SyncPlace, SyncPlace] | None:
        try:
            left = parse_place(self.left.text(), self.account)
            right = parse_place(self.right.text(), self.account)
        except PlaceProblem as bad:
            self.summary.setText(display_text(str(bad)))
            return None
        problem = overlap_problem(left, right)
        if problem is None and left.is_local and right.is_local:
            problem = self.tr("Both are local folders: pick a container on one side.")
        if problem is not None:
            self.summary.setText(display_text(problem))
            return None
        return left, right

    def run_compare(self) -> None:
        chosen = self.places()
        if chosen is None:
            return
        left, right = chosen
        self.summary.setText(self.tr("Listing both places…"))
        self.comparison = None
        self.groups.clear()
        self.plan_tree.clear()
        self._set_busy(True)
        cancel = self._cancel = CancelToken()
        pool = self.context.pool
        # Newer-only needs the times of the pairs that differ too.
        options = CompareOptions(
            checksum=self.checksum.isChecked(), times_of_different=self.newer_only.isChecked()
        )
        self._listed = (0, 0)
        self._progress.start()
        self.context.runner.run(
            lambda: compare(left, right, pool.get, options, cancel, progress=self._count), self._compared
        )

    def _newer_only_changed(self) -> None:
        """The plan depends on it (and on the times of pairs that differ, looked up only
        when it is ticked): a shown plan goes until the next compare."""
        if self.comparison is None:
            return
        self.comparison = None
        self.plan_tree.clear()
        self.plan_tree.plan = None
        self.summary.setText(self.tr("Compare again to apply Newer only."))
        self._set_busy(False)

    def _count(self, left: int, right: int) -> None:
        """On the compare's threads: only kept here (a tuple swap), shown by the timer."""
        self._listed = (left, right)

    def _show_progress(self) -> None:
        left, right = self._listed
        self.summary.setText(
            self.tr("Listing and comparing… listed so far: {0} on the left, {1} on the right.").format(
                number(left), number(right)
            )
        )

    def _compared(self, result: TaskResult[Comparison]) -> None:
        self._progress.stop()
        self._set_busy(False)
        if not result.ok or result.value is None:
            self.summary.setText(result.message())
            return
        self.show_comparison(result.value)

    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.groups.clear()
        for verdict, title in _GROUPS.items():
            pairs = comparison.pairs[verdict]
            group = QTreeWidgetItem(self.groups, [f"{self.tr(title)} ({number(len(pairs))})"])
            for pair in pairs[:MAX_LISTED]:
                QTreeWidgetItem(group, [display_text(pair.key), pair.basis])
            group.setExpanded(verdict is not Verdict.SAME and len(pairs) <= MAX_LISTED)
        self.groups.resizeColumnToContents(0)
        plan = make_plan(comparison, SyncOptions(delete=True, newer_only=self.newer_only.isChecked()))
        self.plan_tree.show_plan(plan)
        self.summary.setText(self._summary(comparison, plan))
        self._set_busy(False)

    def _summary(self, comparison: Comparison, plan: SyncPlan) -> str:
        counts = comparison.counts()
        texts = [
            self.tr("The same: {0}. Different: {1}. Only on the left: {2}. Only on the right: {3}.").format(
                *(number(counts[v.value]) for v in (Verdict.SAME, Verdict.DIFFERENT, Verdict.ONLY_LEFT,
                                                   Verdict.ONLY_RIGHT))
            )
        ]  # fmt: skip
        if comparison.right_listing.missing:
            texts.append(self.tr("The right side does not exist yet: the sync creates it."))
        if not comparison.complete:
            texts.append(self.tr("A listing was incomplete: deletions are not offered."))
        if plan.refused:
            texts.append(self.tr("Keys that cannot be saved as local files, left out: {0}.").format(
                number(len(plan.refused))))  # fmt: skip
        if plan.skipped:
            texts.append(self.tr("Newer on the right, left alone: {0}.").format(number(len(plan.skipped))))
        deletes = len(plan.deletes)
        offered = counted(  # the words after the count agree with it (French: "proposée(s)")
            deletes,
            self.tr("{n} deletion offered (unticked)", "", deletes),
            self.tr("{n} deletions offered (unticked)", "", deletes),
        )
        texts.append(
            self.tr("The plan: {sends} to send, {offered}. Nothing has changed yet.").format(
                sends=number(len(plan.sends)), offered=offered
            )
        )
        return " ".join(texts)

    # -- syncing -----------------------------------------------------------------------

    def start_sync(self) -> None:
        chosen = self.plan_tree.chosen()
        if chosen is None or chosen.empty:
            return
        deletes = len(chosen.deletes)
        if deletes and not self.confirm(
            self.tr("Delete on the Right"),
            self.tr("{0} on {1} will be deleted, because the left has no such key. This cannot be "
                    "undone unless the container keeps versions.").format(
                counted(deletes, self.tr("{n} object or file", "", deletes),
                        self.tr("{n} objects or files", "", deletes)), chosen.right.text()),
            self.tr("Delete and Sync"),
        ):  # fmt: skip
            return
        self.submit(chosen)

    def submit(self, plan: SyncPlan) -> None:
        self.context.jobs.submit(to_spec(plan), listed=listing_of(plan))
        self.context.messages.show_transfers()
        self.summary.setText(
            self.tr("The sync is running in the transfers panel: {0} to send, {1} to delete.").format(
                number(len(plan.sends)), number(len(plan.deletes))
            )
        )
        self.plan_tree.clear()
        self.sync_button.setEnabled(False)

    def _stop(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def _set_busy(self, busy: bool) -> None:
        self.compare_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.sync_button.setEnabled(
            not busy and self.plan_tree.plan is not None and not self.plan_tree.plan.empty
        )
