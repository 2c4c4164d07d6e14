"""The Accounts dialog: the saved accounts on the left, the chosen one's form on the right.

Add (a kind first), edit, rename, remove, import and test connection. Every call on the
AccountStore runs on the TaskRunner (``ui.accounts.tasks``); while one is in flight the
buttons that start another are disabled, and the dialog keeps answering.

Signals:
    accountsChanged: an account was added, changed, renamed or removed and saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from storebrowser.accounts.connection import ConnectionTest, Outcome
from storebrowser.accounts.importers import ImportReport, import_all
from storebrowser.accounts.model import Account
from storebrowser.accounts.secrets import Storage
from storebrowser.accounts.store import AccountStore
from storebrowser.providers.registry import ProviderKind, get_kind, kinds
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.accounts import tasks as tasks
from storebrowser.ui.accounts.delegate import KIND_ROLE, NAME_ROLE, AccountDelegate, kind_icon
from storebrowser.ui.accounts.form import AccountForm
from storebrowser.ui.accounts.import_dialog import ImportDialog
from storebrowser.ui.accounts.tasks import Failed, SecretState, StoreView
from storebrowser.ui.notice import Level, Notice

T = TypeVar("T")
_SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Ask before something that cannot be undone (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


class AccountsDialog(QDialog):
    accountsChanged = Signal()

    def __init__(
        self,
        store: AccountStore,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        import_source: Callable[[], ImportReport] = import_all,
    ) -> None:
        """``import_source`` finds accounts to import (on a worker); tests pass one that
        reads a temp HOME and a given environment instead of the real ones."""
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.import_source = import_source
        self.view: StoreView | None = None
        self.import_dialog: ImportDialog | None = None
        #: The account the form shows (None: a new one, or nothing).
        self.current: Account | None = None
        self.form: AccountForm | None = None
        self._forms: dict[str, AccountForm] = {}
        self._busy = 0  # operations the buttons wait for
        self._tasks = 0  # every store call in flight
        self._secrets_known = False
        self._inspecting = 0  # drops secret states that arrive for an earlier selection
        self._pending: Callable[[], None] | None = None
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(900, 600)
        self._build()
        self._update_buttons()
        self._run(lambda: tasks.read_view(store, reload=True), self._loaded, self.tr("Loading accounts…"))

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.storage_notice = Notice(self, action=self.tr("Store in a file…"))
        self.storage_notice.actionClicked.connect(self._keep_secrets_in_file)
        self.file_notice = Notice(self)
        layout.addWidget(self.storage_notice)
        layout.addWidget(self.file_notice)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 630])
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bottom.addWidget(self.status, 1)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _build_list(self) -> QWidget:
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        self.list_model = QStandardItemModel(0, 1, self)
        self.list_view = QListView(panel)
        self.list_view.setModel(self.list_model)
        self.list_view.setItemDelegate(AccountDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_changed)
        column.addWidget(self.list_view, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"), panel)
        self.add_button.setToolTip(self.tr("Add an account of the kind you choose"))
        menu = QMenu(self.add_button)
        for kind in kinds().values():
            action = menu.addAction(kind_icon(self, kind), kind.label)
            action.triggered.connect(lambda _=False, k=kind.name: self.start_add(k))
        self.add_button.setMenu(menu)
        self.remove_button = QPushButton(self.tr("Remove"), panel)
        self.remove_button.clicked.connect(self.remove)
        self.import_button = QPushButton(self.tr("Import…"), panel)
        self.import_button.setToolTip(
            self.tr("Find accounts in AWS, Azure, OpenStack and rclone settings on this computer")
        )
        self.import_button.clicked.connect(self.open_import)
        for button in (self.add_button, self.remove_button, self.import_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        return panel

    def _build_editor(self) -> QWidget:
        self.editor_pages = QStackedWidget(self)
        empty = QLabel(self.tr("Choose an account on the left, or add one."), self)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.editor_pages.addWidget(empty)
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(8, 0, 0, 0)
        header = QHBoxLayout()
        self.kind_icon = QLabel(page)
        self.title = QLabel(page)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.kind_label = QLabel(page)
        self.kind_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        header.addWidget(self.kind_icon)
        header.addWidget(self.title)
        header.addWidget(self.kind_label, 1, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(header)
        self.forms = QStackedWidget(page)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.forms)
        column.addWidget(scroll, 1)
        self.problems = Notice(page)
        column.addWidget(self.problems)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"), page)
        self.test_button.setAutoDefault(False)
        self.test_button.setToolTip(self.tr("Sign in with what the form shows and list the containers once"))
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.test_result = Notice(page)
        test_row.addWidget(self.test_result, 1)
        test_row.addStretch(0)
        column.addLayout(test_row)
        self.editor_pages.addWidget(page)
        return self.editor_pages

    # -- running store calls ------------------------------------------------------------

    def _run(
        self,
        func: Callable[[], T],
        done: Callable[[T], None],
        status: str = "",
        *,
        writes: bool = False,
    ) -> None:
        """``func`` on a worker; ``done(value)`` on the GUI thread unless it failed.

        With a ``status`` the buttons wait for it (an operation); without, it runs in the
        background (reading which secrets are stored) and keeps the list answering to the
        keyboard. ``writes``: the form is read-only until then, so that no edit made
        meanwhile is marked saved; after a failed write the file is read again, since the
        store may hold a change in memory that never reached the disk (or a rename that did).
        """
        blocking = bool(status)
        self._tasks += 1
        if blocking:
            self._busy += 1
            self.status.setText(status)
        if writes:
            self.forms.setEnabled(False)
        self._update_buttons()

        def finished(result: TaskResult[T | Failed]) -> None:
            if not shiboken6.isValid(self):
                return  # the dialog was closed and deleted meanwhile
            self._tasks -= 1
            if blocking:
                self._busy -= 1
                if self._busy == 0:
                    self.status.clear()
            if writes:
                self.forms.setEnabled(True)
            failure = tasks.failure_message(result)
            if failure is None:
                done(result.value)  # type: ignore[arg-type]
            else:
                self.show_problems([failure])
                if writes:
                    self._reread()
            self._update_buttons()

        self.runner.run(tasks.guarded(func), finished)

    def _reread(self) -> None:
        self._run(lambda: tasks.read_view(self.store, reload=True), self._apply_view, self.tr("Reloading…"))

    @property
    def busy(self) -> bool:
        """True while any store call of this dialog is in flight."""
        return self._tasks > 0

    def _update_buttons(self) -> None:
        idle = self._busy == 0 and self.view is not None
        editing = self.form is not None
        self.add_button.setEnabled(idle)
        self.import_button.setEnabled(idle)
        self.remove_button.setEnabled(idle and self.current is not None)
        self.list_view.setEnabled(self._busy == 0)
        self.test_button.setEnabled(idle and editing and self._secrets_known)
        dirty = editing and (self.current is None or self.form.is_dirty())  # type: ignore[union-attr]
        self.save_button.setEnabled(idle and editing and self._secrets_known and dirty)

    # -- the list -----------------------------------------------------------------------

    def _loaded(self, view: StoreView) -> None:
        self._apply_view(view)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending()

    def _apply_view(self, view: StoreView, select: str | None = None) -> None:
        self.view = view
        keep = select if select is not None else (self.current.name if self.current else None)
        self.list_view.selectionModel().blockSignals(True)
        self.list_model.removeRows(0, self.list_model.rowCount())
        for account in view.accounts:
            kind = get_kind(account.kind)
            item = QStandardItem(kind_icon(self, kind), account.name)
            item.setData(account.name, NAME_ROLE)
            item.setData(kind.label, KIND_ROLE)
            item.setToolTip(f"{account.name}\n{kind.label}")
            self.list_model.appendRow(item)
        self.list_view.selectionModel().blockSignals(False)
        self._show_storage(view)
        self._show_file_problems(view)
        if keep is not None and view.get(keep) is not None:
            self._select_row(keep)
        elif self.current is not None:  # it is gone
            self._show_nothing()

    def _row_of(self, name: str) -> QModelIndex:
        for row in range(self.list_model.rowCount()):
            index = self.list_model.index(row, 0)
            if index.data(NAME_ROLE) == name:
                return index
        return QModelIndex()

    def _select_row(self, name: str) -> None:
        index = self._row_of(name)
        selection = self.list_view.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(index, _SELECT_ROW)
        selection.blockSignals(False)
        if self.view is not None and (self.current is None or self.current.name != name):
            self._show_account(self.view.get(name))

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.view is None or not current.isValid():
            return
        name = current.data(NAME_ROLE)
        if self.current is not None and self.current.name == name:
            return
        if not self._may_discard():
            selection = self.list_view.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(previous, _SELECT_ROW)
            selection.blockSignals(False)
            return
        self._show_account(self.view.get(name))

    def _show_storage(self, view: StoreView) -> None:
        if view.storage is Storage.SESSION:
            text = self.tr(
                "There is no system keyring on this computer: passwords and keys are kept for "
                "this session only, and you will be asked for them again after StoreBrowser "
                "closes. You can store them in a file instead."
            )
            self.storage_notice.show_message(Level.WARNING, text)
        elif view.storage is Storage.FILE:
            self.storage_notice.show_message(Level.INFO, view.warning, action=False)
        else:
            self.storage_notice.clear()

    def _show_file_problems(self, view: StoreView) -> None:
        if view.problems:
            lines = [self.tr("Some saved accounts could not be read:")] + [str(p) for p in view.problems]
            self.file_notice.show_message(Level.ERROR, "\n".join(lines))
        else:
            self.file_notice.clear()

    # -- the form -----------------------------------------------------------------------

    def _form_for(self, kind: ProviderKind) -> AccountForm:
        form = self._forms.get(kind.name)
        if form is None:
            form = AccountForm(kind, self.forms)
            form.changed.connect(self._form_changed)
            self._forms[kind.name] = form
            self.forms.addWidget(form)
        return form

    def _open_form(self, kind: ProviderKind, account: Account | None) -> AccountForm:
        form = self._form_for(kind)
        self.form, self.current = form, account
        form.load(account)
        self.forms.setCurrentWidget(form)
        self.editor_pages.setCurrentIndex(1)
        self.kind_icon.setPixmap(kind_icon(self, kind).pixmap(24, 24))
        self.kind_label.setText(kind.label if account is not None else "")
        self.problems.clear()
        self.test_result.clear()
        return form

    def _show_account(self, account: Account | None) -> None:
        if account is None:
            self._show_nothing()
            return
        form = self._open_form(account.provider_kind, account)
        self.title.setText(account.name)
        self._secrets_known = not account.provider_kind.secret_fields
        form.set_stored(frozenset(), self._storage())
        if not self._secrets_known:
            self._inspect(account)
        self._update_buttons()

    def _inspect(self, account: Account) -> None:
        self._inspecting += 1
        token = self._inspecting

        def arrived(state: SecretState) -> None:
            if token == self._inspecting and self.current is account and self.form is not None:
                self._apply_secret_state(state)

        self._run(lambda: tasks.inspect(self.store, account), arrived)

    def _apply_secret_state(self, state: SecretState) -> None:
        assert self.form is not None
        self.form.set_stored(state.stored, self._storage())
        self._secrets_known = True
        if state.note:
            self.problems.show_message(Level.WARNING, state.note)

    def _storage(self) -> Storage:
        return self.view.storage if self.view is not None else Storage.SESSION

    def _show_nothing(self) -> None:
        self.form, self.current = None, None
        self._secrets_known = False
        self.editor_pages.setCurrentIndex(0)
        self.list_view.clearSelection()
        self._update_buttons()

    def _form_changed(self) -> None:
        self.test_result.clear()
        if self.problems.level is Level.ERROR:
            self.problems.clear()
        self._update_buttons()

    def show_problems(self, problems: list[str]) -> None:
        """Problems in place, under the form (or in the status line when none is shown)."""
        if self.form is None:
            self.status.setText(" ".join(problems))
        else:
            self.problems.show_message(Level.ERROR, "\n".join(problems))

    def _may_discard(self) -> bool:
        if self.form is None or not self.form.is_dirty():
            return True
        name = self.current.name if self.current is not None else self.tr("the new account")
        return confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr("Discard your changes to {name}?").format(name=name),
            self.tr("Discard"),
        )

    # -- public -------------------------------------------------------------------------

    def select(self, name: str) -> None:
        """Show the account ``name`` (once the accounts have loaded)."""
        if self.view is None:
            self._pending = lambda: self.select(name)
        elif self.view.get(name) is not None and self._may_discard():
            self._select_row(name)

    def start_add(self, kind: str) -> None:
        """Show an empty form for a new account of ``kind`` ("s3", "azure"…)."""
        if self.view is None:
            self._pending = lambda: self.start_add(kind)
            return
        if not self._may_discard():
            return
        provider_kind = get_kind(kind)
        selection = self.list_view.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        selection.blockSignals(False)
        form = self._open_form(provider_kind, None)
        self.title.setText(self.tr("New {kind} account").format(kind=provider_kind.label))
        form.set_stored(frozenset(), self._storage())
        self._secrets_known = True
        form.focus_first()
        self._update_buttons()

    def save(self) -> None:
        """Check the form in place, then add or update the account on a worker."""
        request = self._checked_form(new_name=True)
        if request is None:
            return
        original, account, changes = request
        self.problems.clear()
        self._run(
            lambda: tasks.save(self.store, original, account, changes),
            self._saved,
            self.tr("Saving {name}…").format(name=account.name),
            writes=True,
        )

    def _checked_form(self, *, new_name: bool) -> tuple[str | None, Account, dict[str, str]] | None:
        """(the saved name or None, the account as shown, its secret changes), or None
        after showing in place what is wrong. ``new_name``: a name taken is wrong too."""
        form = self.form
        if form is None or self._busy or not self._secrets_known:
            return None
        problems = form.problems()
        original = self.current.name if self.current is not None else None
        if new_name and self.view is not None and form.name() in self.view.names() - {original}:
            problems.insert(0, self.tr("An account named {name!r} exists already.").format(name=form.name()))
        if problems:
            self.show_problems(problems)
            return None
        return original, form.account(), form.secret_changes()

    def _saved(self, saved: tasks.Saved) -> None:
        if self.form is not None:
            self.form.forget_typed_secrets()
        self.current = saved.account
        self._apply_view(saved.view)
        if self.form is not None:
            self.title.setText(saved.account.name)
            self.form.mark_clean()
            self._apply_secret_state(saved.secrets)
        self.status.setText(self.tr("Saved {name}.").format(name=saved.account.name))
        self.accountsChanged.emit()

    def remove(self) -> None:
        account = self.current
        if account is None or self._busy:
            return
        question = self.tr(
            "Remove the account {name}? Its stored passwords and keys are deleted too. "
            "Containers and objects on the server are not touched."
        ).format(name=account.name)
        if not confirm(self, self.tr("Remove account"), question, self.tr("Remove")):
            return

        def removed(view: StoreView) -> None:
            self.form, self.current = None, None
            self._apply_view(view)
            self._show_nothing()
            self.status.setText(self.tr("Removed {name}.").format(name=account.name))
            self.accountsChanged.emit()

        self._run(lambda: tasks.remove(self.store, account.name), removed, self.tr("Removing…"), writes=True)

    def test_connection(self) -> None:
        request = self._checked_form(new_name=False)
        if request is None:
            return
        original, account, changes = request
        self.test_result.clear()
        self._run(
            lambda: tasks.test_form(self.store, original, account, changes),
            self._tested,
            self.tr("Connecting…"),
        )

    def _tested(self, result: ConnectionTest) -> None:
        seconds = QLocale().toString(result.seconds, "f", 2)
        if result.ok:
            count = result.containers or 0
            text = (
                self.tr("Connected; 1 container ({s} s)")
                if count == 1
                else self.tr("Connected; {n} containers ({s} s)")
            ).format(n=count, s=seconds)
            self.test_result.show_message(Level.OK, text)
            return
        heading = self._outcome_text(result.outcome)
        level = Level.WARNING if result.outcome is Outcome.ACCESS_DENIED else Level.ERROR
        self.test_result.show_message(level, f"{heading} ({seconds} s)\n{result.message}")

    def _outcome_text(self, outcome: Outcome) -> str:
        return {
            Outcome.AUTH_FAILED: self.tr("Authentication failed"),
            Outcome.ACCESS_DENIED: self.tr("Signed in, but not allowed to list containers"),
            Outcome.UNREACHABLE: self.tr("Server not reachable"),
            Outcome.TLS_ERROR: self.tr("Secure connection failed"),
        }.get(outcome, self.tr("Connection failed"))

    def _keep_secrets_in_file(self) -> None:
        if self.view is None or self._busy:
            return
        text = self.tr(
            "Passwords and keys will be written unencrypted to {path}. Only your user can "
            "read the file, but anyone with access to your files or your backups can use "
            "these accounts. Store them there?"
        ).format(path=self.view.secrets_file)
        if not confirm(self, self.tr("Store secrets in a file"), text, self.tr("Store in file")):
            return
        self._run(
            lambda: tasks.keep_secrets_in_file(self.store),
            self._storage_changed,
            self.tr("Saving…"),
            writes=True,
        )

    def _storage_changed(self, view: StoreView) -> None:
        self._apply_view(view)
        if self.form is not None:
            self.form.set_stored(self.form.stored_secrets(), view.storage)

    def open_import(self) -> None:
        if self.view is None or self._busy:
            return
        dialog = ImportDialog(self.store, self.runner, self.import_source, self.view, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # it holds found secrets
        dialog.accountsAdded.connect(self._imported)
        dialog.finished.connect(self._import_closed)
        self.import_dialog = dialog
        dialog.open()

    def _import_closed(self) -> None:
        self.import_dialog = None

    def _imported(self, view: StoreView, names: list[str]) -> None:
        self._apply_view(view)
        if names:
            done = self.tr("Imported 1 account.") if len(names) == 1 else self.tr("Imported {n} accounts.")
            self.status.setText(done.format(n=len(names)))
            self.accountsChanged.emit()

    def reject(self) -> None:
        if self._may_discard():
            super().reject()
