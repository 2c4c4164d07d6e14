"""The first thing a new user sees: what StoreBrowser is for, a button per kind of service
to add an account, and the credentials other tools left on this computer, ready to import
(as Cyberduck's Open Connection and Storage Explorer's Connect offer).

The search for credentials (~/.aws, the environment, clouds.yaml, rclone.conf) reads files:
it runs on a worker the first time the window shows the page, and the import is a store
call on a worker too.

Signals:
    addAccount(str): the user chose a kind to add an account of ("s3", "azure"…).
    accountsAdded(list[str]): accounts were imported, under these names.
    settled(): the search (or an import) finished and the page shows its outcome.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from storebrowser import APP_NAME
from storebrowser.accounts.importers import Imported, ImportReport, import_all
from storebrowser.accounts.store import AccountStore
from storebrowser.core.display import display_lines, display_text
from storebrowser.providers.registry import kinds
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.accounts import tasks
from storebrowser.ui.accounts.delegate import kind_icon
from storebrowser.ui.accounts.import_dialog import describe
from storebrowser.ui.accounts.tasks import StoreView

#: Found accounts listed at most; the Accounts dialog's Import… shows every one.
SHOWN_FOUND = 8


class WelcomePage(QScrollArea):
    addAccount = Signal(str)
    accountsAdded = Signal(list)
    settled = Signal()

    def __init__(self, store: AccountStore, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.store = store
        self.runner = runner
        #: Where found credentials come from (tests give a temporary home and environment).
        self.import_source: Callable[[], ImportReport] = import_all
        self.report: ImportReport | None = None
        self.searching = False
        self.kind_buttons: dict[str, QPushButton] = {}
        self.found_boxes: list[QCheckBox] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        outer = QHBoxLayout(body)
        column = QVBoxLayout()
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        column.addStretch(1)
        self._heading(column)
        column.addSpacing(18)
        self._kinds(column)
        column.addSpacing(18)
        self._found_section(column)
        column.addStretch(2)
        self.setWidget(body)

    # -- building -------------------------------------------------------------------------

    def _heading(self, column: QVBoxLayout) -> None:
        title = QLabel(self.tr("Welcome to {app}").format(app=APP_NAME), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Browse, upload and download the objects of your cloud storage. Add an account "
                "to connect, or browse the folders of this computer on the left."
            ),
            self,
        )
        intro.setWordWrap(True)
        column.addWidget(title)
        column.addWidget(intro)

    def _kinds(self, column: QVBoxLayout) -> None:
        column.addWidget(self._section(self.tr("Add an account")))
        grid = QGridLayout()
        remote = [kind for kind in kinds().values() if kind.remote]
        for number, kind in enumerate(remote):
            button = QPushButton(kind_icon(self, kind), kind.label + "…", self)
            button.setObjectName(f"add-{kind.name}")
            button.setIconSize(QSize(24, 24))
            button.setMinimumHeight(button.sizeHint().height() + 8)
            button.clicked.connect(lambda _checked=False, name=kind.name: self.addAccount.emit(name))
            grid.addWidget(button, number // 2, number % 2)
            self.kind_buttons[kind.name] = button
        column.addLayout(grid)

    def _found_section(self, column: QVBoxLayout) -> None:
        column.addWidget(self._section(self.tr("Found on this computer")))
        looking = self.tr("Looking for the settings of the AWS, Azure and OpenStack tools…")
        self.found_note = QLabel(looking, self)
        self.found_note.setWordWrap(True)
        self.found_note.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a name or a path
        column.addWidget(self.found_note)
        self.found_list = QVBoxLayout()
        column.addLayout(self.found_list)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import Selected"), self)
        self.import_button.setObjectName("importFound")
        self.import_button.clicked.connect(self.import_selected)
        self.import_button.hide()
        row.addWidget(self.import_button)
        row.addStretch(1)
        column.addLayout(row)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    # -- the search -------------------------------------------------------------------------

    def search(self) -> None:
        """Look for credentials on a worker (once; the window calls this when it shows the
        page); the list shows them when they arrive."""
        if self.report is not None or self.searching:
            return
        self.searching = True
        source = self.import_source
        self.runner.run(source, self._found)

    def _found(self, result: TaskResult[ImportReport]) -> None:
        self.searching = False
        self.report = result.value if result.ok and result.value is not None else ImportReport()
        self._show_found()
        self.settled.emit()

    def _show_found(self) -> None:
        for box in self.found_boxes:
            box.deleteLater()
        self.found_boxes = []
        report = self.report
        found = report.accounts[:SHOWN_FOUND] if report is not None else []
        for new in found:
            # Names and places come from other tools' files: shown escaped.
            box = QCheckBox(f"{display_text(new.account.name)}  ({new.account.provider_kind.label})", self)
            box.setChecked(True)
            box.setToolTip(display_lines(f"{new.source}\n{describe(new)}"))
            box.toggled.connect(self._update_button)
            self.found_list.addWidget(box)
            self.found_boxes.append(box)
        if found:
            self.found_note.setText(self.tr("Accounts other tools set up here, ready to import:"))
        else:
            self.found_note.setText(
                self.tr("No settings of the AWS, Azure or OpenStack tools (or rclone) were found here.")
            )
        self.import_button.setVisible(bool(found))
        self._update_button()

    def _update_button(self) -> None:
        self.import_button.setEnabled(any(box.isChecked() for box in self.found_boxes))

    # -- importing --------------------------------------------------------------------------

    def import_selected(self) -> None:
        report = self.report
        chosen = [number for number, box in enumerate(self.found_boxes) if box.isChecked()]
        if report is None or not chosen:
            return
        self.import_button.setEnabled(False)
        store = self.store
        self.runner.run(lambda: tasks.add_chosen(store, report, chosen), self._imported)

    def _imported(self, result: TaskResult[tuple[Imported, StoreView]]) -> None:
        if not result.ok or result.value is None:
            self.found_note.setText(display_lines(result.message()))
            self._update_button()
            return
        imported, _view = result.value
        names = [display_text(account.name) for account in imported.added]
        self.found_note.setText(
            self.tr("Imported: {names}.").format(names=", ".join(names))
            if names
            else self.tr("Nothing was imported: these accounts are there already.")
        )
        for box in self.found_boxes:
            box.setEnabled(False)
        self.import_button.hide()
        self.settled.emit()
        if names:
            self.accountsAdded.emit(names)
