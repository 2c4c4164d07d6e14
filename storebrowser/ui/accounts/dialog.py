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
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from storebrowser.accounts.connection import ConnectionTest
from storebrowser.accounts.importers import ImportReport, import_all
from storebrowser.accounts.model import Account
from storebrowser.accounts.secrets import Storage
from storebrowser.accounts.store import AccountStore
from storebrowser.providers.registry import ProviderKind, get_kind
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.accounts import tasks
from storebrowser.ui.accounts.delegate import NAME_ROLE, kind_icon
from storebrowser.ui.accounts.form import AccountForm
from storebrowser.ui.accounts.import_dialog import ImportDialog
from storebrowser.ui.accounts.panels import (
    build_bottom_row,
    build_editor_panel,
    build_list_panel,
    connection_report,
    row_of,
    show_accounts,
    show_store_notices,
    tab_through,
)
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
        bottom = build_bottom_row(self)
        self.status, self.buttons = bottom.status, bottom.buttons
        self.save_button, self.close_button = bottom.save, bottom.close
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        layout.addLayout(bottom.layout)

    def _build_list(self) -> QWidget:
        panel = build_list_panel(self, self.start_add)
        self.list_model, self.list_view = panel.model, panel.view
        self.add_button, self.remove_button, self.import_button = panel.add, panel.remove, panel.import_
        self.list_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.remove_button.clicked.connect(self.remove)
        self.import_button.clicked.connect(self.open_import)
        return panel.widget

    def _build_editor(self) -> QWidget:
        panel = build_editor_panel(self)
        self.editor_pages, self.forms = panel.pages, panel.forms
        self.kind_icon, self.title, self.kind_label = panel.kind_icon, panel.title, panel.kind_label
        self.problems, self.test_result = panel.problems, panel.test_result
        self.test_button = panel.test_button
        self.test_button.clicked.connect(self.test_connection)
        return panel.pages

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
            value = tasks.outcome(result)
            if not isinstance(value, Failed):
                done(value)
            else:
                self.show_problems([value.message])
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
        dirty = self.form is not None and (self.current is None or self.form.is_dirty())
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
        show_accounts(self.list_model, view.accounts, self)
        self.list_view.selectionModel().blockSignals(False)
        show_store_notices(view, self.storage_notice, self.file_notice, self.tr)
        if keep is not None and view.get(keep) is not None:
            self._select_row(keep)
        elif self.current is not None:  # it is gone
            self._show_nothing()

    def _select_row(self, name: str) -> None:
        index = row_of(self.list_model, name)
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

    # -- the form -----------------------------------------------------------------------

    def _form_for(self, kind: ProviderKind) -> AccountForm:
        form = self._forms.get(kind.name)
        if form is None:
            form = AccountForm(kind, self.forms)
            form.changed.connect(self._form_changed)
            self._forms[kind.name] = form
            self.forms.addWidget(form)
            tab_through([self.list_view, form, self.test_button, self.save_button, self.close_button,
                         self.add_button, self.remove_button, self.import_button])  # fmt: skip
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
        original = self.current.name if self.current is not None else None
        problems = form.problems(new=original is None)
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
        self.test_result.show_message(*connection_report(result, self.tr))

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
