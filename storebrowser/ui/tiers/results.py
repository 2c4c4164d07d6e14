"""The result of a class change, restore or tag edit of many objects: each object with
what became of it, the failures first with the service's reason, "Retry Failed" and an
export of the failures (CSV). "Success 14645, failure 37" is not enough: this says which."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.display import display_text
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.transfers.jobs import State
from storebrowser.transfers.progress import ItemSnapshot, JobSnapshot
from storebrowser.transfers.report import failure_rows, write_failures_csv
from storebrowser.ui.format import number
from storebrowser.ui.properties.metadata_model import error_colour

#: Rows shown at most (the export and the counts hold them all).
SHOWN_ROWS = 20_000


class JobResultsDialog(QDialog):
    def __init__(
        self,
        job: JobSnapshot,
        title: str,
        runner: TaskRunner,
        *,
        retry: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.job, self.runner, self._retry = job, runner, retry
        self.setWindowTitle(title)
        failed = job.failed_items
        done = sum(1 for item in job.items if item.state is State.DONE)
        summary = QLabel(self._summary(done, len(failed), len(job.items)), self)
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        self.only_failures = QCheckBox(self.tr("Show only the failures"), self)
        self.only_failures.setChecked(bool(failed))
        self.only_failures.setEnabled(bool(failed))
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Results"))
        self.table.setObjectName("results")
        headings = [self.tr("Object"), self.tr("Result"), self.tr("Why / what it is now")]
        self.table.setHorizontalHeaderLabels(headings)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 260)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # The whole reason of the row chosen: a line of the table cuts long ones short.
        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.retry_button = QPushButton(self.tr("Retry Failed"), self)
        self.retry_button.setObjectName("retryFailed")
        self.retry_button.setEnabled(bool(failed) and retry is not None)
        self.retry_button.clicked.connect(self._retry_clicked)
        self.export_button = QPushButton(self.tr("Export Failures…"), self)
        self.export_button.setObjectName("exportFailures")
        self.export_button.setEnabled(bool(failed))
        self.export_button.clicked.connect(self.export)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.only_failures)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.only_failures.toggled.connect(self._fill)
        self.table.currentCellChanged.connect(self._show_detail)
        self._fill()
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)
        self.resize(760, 480)

    def _summary(self, done: int, failed: int, total: int) -> str:
        text = self.tr("{done} of {total} objects done, {failed} failed.").format(
            done=number(done), total=number(total), failed=number(failed)
        )
        if self.job.error and not self.job.items:
            return self.job.error
        if failed:
            text += " " + self.tr("The failures are listed first, each with the service's reason.")
        return text

    def _fill(self) -> None:
        failed = [item for item in self.job.items if item.state is State.FAILED]
        rest = [i for i in self.job.items if i.state is not State.FAILED]
        if self.only_failures.isChecked():
            rest = []
        rows = (failed + rest)[:SHOWN_ROWS]
        self.table.setRowCount(len(rows))
        red = error_colour(self.palette())
        for row, item in enumerate(rows):
            # Keys and the messages quoting them are shown escaped (control and bidi characters).
            cells = (display_text(item.key), self._result(item), display_text(item.error or item.note))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if item.state is State.FAILED and column == 1:
                    cell.setForeground(red)
                self.table.setItem(row, column, cell)
        hidden = len(failed) + len(rest) - len(rows)
        self.status.setText(self.tr("{n} more not shown; the export holds them all.").format(n=number(hidden))
                            if hidden > 0 else "")  # fmt: skip

    def _show_detail(self, row: int, _column: int, _previous_row: int, _previous_column: int) -> None:
        key, why = self.table.item(row, 0), self.table.item(row, 2)
        if key is None or why is None:
            self.detail.setText("")
            return
        named = key.text() in why.text()  # the services' messages mostly name the object
        self.detail.setText(why.text() if named else f"{key.text()}: {why.text()}")

    def _result(self, item: ItemSnapshot) -> str:
        return {
            State.DONE: self.tr("done"),
            State.FAILED: self.tr("failed"),
            State.CANCELLED: self.tr("cancelled"),
        }.get(item.state, self.tr("waiting"))

    def _retry_clicked(self) -> None:
        if self._retry is not None:
            self._retry()
        self.retry_button.setEnabled(False)
        self.status.setText(self.tr("The failed objects run again; see Transfers."))

    # -- export (tests answer ask_export_path) ----------------------------------------------

    def ask_export_path(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export Failures"), "failures.csv", self.tr("CSV files (*.csv)")
        )
        return Path(name) if name else None

    def export(self) -> None:
        path = self.ask_export_path()
        if path is None:
            return
        rows = failure_rows(self.job)
        self.status.setText(self.tr("Writing {path}…").format(path=path))
        self.runner.run(lambda: write_failures_csv(path, rows), lambda result: self._exported(path, result))

    def _exported(self, path: Path, result: TaskResult[None]) -> None:
        error = result.error
        if result.ok:
            text = self.tr("{n} failures written to {path}.").format(n=len(self.job.failed_items), path=path)
        elif isinstance(error, OSError):
            text = self.tr("Cannot write {path}: {why}").format(
                path=display_text(str(path)), why=error.strerror or error
            )
        else:
            text = result.message()
        self.status.setText(text)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
