"""Import accounts from other tools' settings: look, show what was found, add the ticked.

The search (``import_all`` by default: ~/.aws, the AWS_*, AZURE_STORAGE_* and OS_*
variables, clouds.yaml, rclone.conf) and the adding both run on the TaskRunner. Found
accounts are listed with their kind and non-secret settings; secrets are named, never
shown. Skipped entries are listed with the reason.

Signals:
    accountsAdded(StoreView, list[str]): accounts were saved; the view after the import
        and the names they were saved under.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from storebrowser.accounts.importers import Imported, ImportReport
from storebrowser.accounts.model import Account, NewAccount
from storebrowser.accounts.store import AccountStore
from storebrowser.providers.registry import FieldType, get_kind
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.accounts import tasks
from storebrowser.ui.accounts.tasks import StoreView
from storebrowser.ui.notice import Level, Notice

T = TypeVar("T")
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
_LONGEST_VALUE = 60


def describe(new: NewAccount) -> str:
    """The account's non-secret settings in a line, and the names of its secrets."""
    kind = get_kind(new.account.kind)
    parts = []
    for field in kind.fields:
        value = new.account.settings.get(field.name)
        if field.secret or value in (None, "", False):
            continue
        if field.type is FieldType.BOOL:
            parts.append(field.label)
        else:
            text = str(value)
            if len(text) > _LONGEST_VALUE:
                text = text[: _LONGEST_VALUE - 1] + "…"
            parts.append(f"{field.label}: {text}")
    secrets = [kind.field(name).label for name in kind.secret_fields if new.secrets.get(name)]
    if secrets:
        parts.append(f"+ {', '.join(secrets)}")
    return " · ".join(parts)


def same_account(existing: tuple[Account, ...], account: Account) -> str | None:
    """The name of a saved account with the same kind and settings (imported before)."""
    for saved in existing:
        if saved.kind == account.kind and dict(saved.settings) == dict(account.settings):
            return saved.name
    return None


def _table(parent: QWidget, model: QStandardItemModel, name: str) -> QTreeView:
    view = QTreeView(parent)
    view.setAccessibleName(name)
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # paths: keep both ends
    view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.header().setStretchLastSection(True)
    return view


def _item(text: str, tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setToolTip(tip or text)
    return item


class ImportDialog(QDialog):
    accountsAdded = Signal(object, list)

    def __init__(
        self,
        store: AccountStore,
        runner: TaskRunner,
        source: Callable[[], ImportReport],
        view: StoreView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.view = view
        self.report: ImportReport | None = None
        self.imported: Imported | None = None  # after Add; not `result`: QDialog.result()
        self._busy = False
        self.setWindowTitle(self.tr("Import accounts"))
        self.resize(860, 520)
        self._build()
        self._run(source, self._found)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._searching_page())
        self.pages.addWidget(self._found_page())
        self.problem = Notice(self)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_ticked)
        self.close_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def _searching_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.addStretch(1)
        label = QLabel(
            self.tr(
                "Looking for accounts in ~/.aws, clouds.yaml, rclone.conf and the AWS_*, "
                "AZURE_STORAGE_* and OS_* environment variables…"
            ),
            page,
        )
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(label)
        bar = QProgressBar(page)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        column.addWidget(bar)
        column.addStretch(1)
        return page

    def _found_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.found_label = QLabel(page)
        self.found_label.setWordWrap(True)
        column.addWidget(self.found_label)
        self.found_model = QStandardItemModel(0, 4, self)
        self.found_model.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("Kind"), self.tr("Settings"), self.tr("Found in")]
        )
        self.found_model.itemChanged.connect(self._ticks_changed)
        self.found_view = _table(page, self.found_model, self.tr("Accounts found"))
        header = self.found_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 180)
        header.resizeSection(3, 200)
        column.addWidget(self.found_view, 3)
        self.skipped_label = QLabel(page)
        column.addWidget(self.skipped_label)
        self.skipped_model = QStandardItemModel(0, 3, self)
        self.skipped_model.setHorizontalHeaderLabels([self.tr("Found in"), self.tr("Entry"), self.tr("Why")])
        self.skipped_view = _table(page, self.skipped_model, self.tr("Skipped"))
        for column_number, width in enumerate((260, 160)):
            self.skipped_view.header().resizeSection(column_number, width)
        column.addWidget(self.skipped_view, 2)
        self.notes = Notice(page)
        column.addWidget(self.notes)
        return page

    # -- running ------------------------------------------------------------------------

    def _run(self, func: Callable[[], T], done: Callable[[T], None]) -> None:
        self._busy = True
        self.add_button.setEnabled(False)

        def finished(result: TaskResult[T | tasks.Failed]) -> None:
            if not shiboken6.isValid(self):
                return
            self._busy = False
            value = tasks.outcome(result)
            if isinstance(value, tasks.Failed):
                self.pages.setCurrentIndex(1)
                self.problem.show_message(Level.ERROR, value.message)
            else:
                done(value)
            self._ticks_changed()

        self.runner.run(tasks.guarded(func), finished)

    @property
    def busy(self) -> bool:
        return self._busy

    # -- found --------------------------------------------------------------------------

    def _found(self, report: ImportReport) -> None:
        self.report = report
        self.pages.setCurrentIndex(1)
        for index, new in enumerate(report.accounts):
            self.found_model.appendRow(self._found_row(index, new))
        for skipped in report.skipped:
            self.skipped_model.appendRow(
                [_item(skipped.source), _item(skipped.name or "-"), _item(skipped.reason)]
            )
        found = len(report.accounts)
        self.found_label.setText(
            self.tr("Found 1 account. Tick it to add it:")
            if found == 1
            else self.tr("Found {n} accounts. Tick the ones to add:").format(n=found)
            if found
            else self.tr("No accounts found to import.")
        )
        self.skipped_label.setText(self.tr("Skipped ({n}):").format(n=len(report.skipped)))
        self.skipped_label.setVisible(bool(report.skipped))
        self.skipped_view.setVisible(bool(report.skipped))
        if report.notes:
            self.notes.show_message(Level.INFO, "\n".join(report.notes))

    def _found_row(self, index: int, new: NewAccount) -> list[QStandardItem]:
        account = new.account
        name = _item(account.name)
        name.setData(index, INDEX_ROLE)
        name.setCheckable(True)
        details = describe(new)
        same = same_account(self.view.accounts, account)
        if same is not None:
            details = self.tr("Already there as {name}").format(name=same)
        elif account.name in self.view.names():
            details = self.tr("(name taken: saved with a number added) ") + details
        name.setCheckState(Qt.CheckState.Unchecked if same is not None else Qt.CheckState.Checked)
        kind = get_kind(account.kind)
        return [name, _item(kind.label), _item(details), _item(new.source)]

    def ticked(self) -> list[int]:
        """Indexes (into ``report.accounts``) of the ticked rows."""
        rows = (self.found_model.item(row, 0) for row in range(self.found_model.rowCount()))
        return [item.data(INDEX_ROLE) for item in rows if item.checkState() == Qt.CheckState.Checked]

    def set_ticked(self, names: set[str]) -> None:
        for row in range(self.found_model.rowCount()):
            item = self.found_model.item(row, 0)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)

    def _ticks_changed(self, _item: QStandardItem | None = None) -> None:
        count = len(self.ticked()) if self.imported is None else 0
        text = self.tr("Add 1 account") if count == 1 else self.tr("Add {n} accounts")
        self.add_button.setText(text.format(n=count) if count else self.tr("Add"))
        self.add_button.setEnabled(not self._busy and self.report is not None and count > 0)

    # -- adding -------------------------------------------------------------------------

    def add_ticked(self) -> None:
        if self.report is None or self._busy or not self.ticked():
            return
        report, chosen = self.report, self.ticked()
        self._run(lambda: tasks.add_chosen(self.store, report, chosen), self._added)

    def _added(self, outcome: tuple[Imported, StoreView]) -> None:
        result, view = outcome
        self.imported, self.view = result, view
        self.found_model.itemChanged.disconnect(self._ticks_changed)
        for row in range(self.found_model.rowCount()):
            self.found_model.item(row, 0).setFlags(Qt.ItemFlag.ItemIsEnabled)
        added = self.tr("Added 1 account.") if len(result.added) == 1 else self.tr("Added {n} accounts.")
        lines = [added.format(n=len(result.added))]
        saved_as = self.tr("{old} was saved as {new}.")
        lines += [saved_as.format(old=old, new=new) for old, new in result.renamed.items()]
        lines += [str(skipped) for skipped in result.skipped]
        level = Level.OK if result.added and not result.skipped else Level.WARNING
        self.problem.show_message(level, "\n".join(lines))
        self.add_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)
        self.accountsAdded.emit(view, [a.name for a in result.added])
