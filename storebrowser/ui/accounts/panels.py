"""The parts of the Accounts dialog, built: the list of accounts with its Add, Remove and
Import buttons, the editor (kind, title, form, problems, Test connection) and the row of
Save and Close; and what the list and the connection test show. The dialog (``dialog``)
connects them to what they do."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from storebrowser.accounts.connection import ConnectionTest, Outcome
from storebrowser.accounts.model import Account
from storebrowser.accounts.secrets import Storage
from storebrowser.providers.registry import get_kind, kinds
from storebrowser.ui.accounts.delegate import KIND_ROLE, NAME_ROLE, AccountDelegate, kind_icon
from storebrowser.ui.accounts.tasks import StoreView
from storebrowser.ui.notice import Level, Notice
from storebrowser.ui.words import TranslationContext


class AccountPanels(TranslationContext):
    """The translation context of this module's words (``AccountPanels.tr``, as lupdate reads it)."""


@dataclass(frozen=True, slots=True)
class ListPanel:
    widget: QWidget
    model: QStandardItemModel
    view: QListView
    add: QPushButton
    remove: QPushButton
    import_: QPushButton


def build_list_panel(dialog: QWidget, start_add: Callable[[str], None]) -> ListPanel:
    """The accounts list; Add offers every provider kind and calls ``start_add(kind)``."""
    panel = QWidget(dialog)
    column = QVBoxLayout(panel)
    column.setContentsMargins(0, 0, 0, 0)
    model = QStandardItemModel(0, 1, dialog)
    view = QListView(panel)
    view.setAccessibleName(AccountPanels.tr("Accounts"))
    view.setModel(model)
    view.setItemDelegate(AccountDelegate(view))
    view.setUniformItemSizes(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    column.addWidget(view, 1)
    row = QHBoxLayout()
    add = QPushButton(AccountPanels.tr("Add"), panel)
    add.setToolTip(AccountPanels.tr("Add an account of the kind you choose"))
    menu = QMenu(add)
    for kind in kinds().values():
        action = menu.addAction(kind_icon(dialog, kind), kind.label)
        action.triggered.connect(lambda _=False, k=kind.name: start_add(k))
    add.setMenu(menu)
    remove = QPushButton(AccountPanels.tr("Remove"), panel)
    import_ = QPushButton(AccountPanels.tr("Import…"), panel)
    import_.setToolTip(
        AccountPanels.tr("Find accounts in AWS, Azure, OpenStack and rclone settings on this computer")
    )
    for button in (add, remove, import_):
        button.setAutoDefault(False)
        row.addWidget(button)
    row.addStretch(1)
    column.addLayout(row)
    return ListPanel(panel, model, view, add, remove, import_)


@dataclass(frozen=True, slots=True)
class EditorPanel:
    #: Page 0: "choose an account"; page 1: the editor.
    pages: QStackedWidget
    kind_icon: QLabel
    title: QLabel
    kind_label: QLabel
    #: One form per provider kind, made when first needed.
    forms: QStackedWidget
    problems: Notice
    test_button: QPushButton
    test_result: Notice


def build_editor_panel(dialog: QWidget) -> EditorPanel:
    pages = QStackedWidget(dialog)
    empty = QLabel(AccountPanels.tr("Choose an account on the left, or add one."), dialog)
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    pages.addWidget(empty)
    page = QWidget(dialog)
    column = QVBoxLayout(page)
    column.setContentsMargins(8, 0, 0, 0)
    header = QHBoxLayout()
    icon = QLabel(page)
    title = QLabel(page)
    font = QFont(title.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    title.setFont(font)
    kind_label = QLabel(page)
    kind_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    header.addWidget(icon)
    header.addWidget(title)
    header.addWidget(kind_label, 1, Qt.AlignmentFlag.AlignBottom)
    column.addLayout(header)
    forms = QStackedWidget(page)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not their frame
    scroll.setWidget(forms)
    column.addWidget(scroll, 1)
    problems = Notice(page)
    column.addWidget(problems)
    test_row = QHBoxLayout()
    test_button = QPushButton(AccountPanels.tr("Test connection"), page)
    test_button.setAutoDefault(False)
    test_button.setToolTip(AccountPanels.tr("Sign in with what the form shows and list the containers once"))
    test_row.addWidget(test_button, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    test_result = Notice(page)
    test_row.addWidget(test_result, 1)
    test_row.addStretch(0)
    column.addLayout(test_row)
    pages.addWidget(page)
    return EditorPanel(pages, icon, title, kind_label, forms, problems, test_button, test_result)


@dataclass(frozen=True, slots=True)
class BottomRow:
    layout: QHBoxLayout
    status: QLabel
    buttons: QDialogButtonBox
    save: QPushButton
    close: QPushButton


def build_bottom_row(dialog: QWidget) -> BottomRow:
    """What the dialog is doing, then Save (the default button) and Close."""
    layout = QHBoxLayout()
    status = QLabel(dialog)
    status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    layout.addWidget(status, 1)
    buttons = QDialogButtonBox(dialog)
    save = buttons.addButton(AccountPanels.tr("Save"), QDialogButtonBox.ButtonRole.ApplyRole)
    save.setDefault(True)
    close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
    close.setAutoDefault(False)
    layout.addWidget(buttons)
    return BottomRow(layout, status, buttons, save, close)


def tab_through(widgets: Sequence[QWidget]) -> None:
    """Tab visits ``widgets`` in this order; a widget that takes no focus itself (a form)
    stands for its fields, first to last. A form made when first needed would otherwise
    come after every button of the dialog."""
    stops = [
        stop
        for widget in widgets
        for stop in (
            [widget] if widget.focusPolicy() & Qt.FocusPolicy.TabFocus else widget.findChildren(QWidget)
        )
        if stop.focusPolicy() & Qt.FocusPolicy.TabFocus and stop.window() is widget.window()  # not a popup's
    ]
    for first, second in itertools.pairwise(stops):
        QWidget.setTabOrder(first, second)


def show_accounts(model: QStandardItemModel, accounts: Iterable[Account], widget: QWidget) -> None:
    """The accounts as the list's rows: an icon per kind, the name, the kind below it."""
    model.removeRows(0, model.rowCount())
    for account in accounts:
        kind = get_kind(account.kind)
        item = QStandardItem(kind_icon(widget, kind), account.name)
        item.setData(account.name, NAME_ROLE)
        item.setData(kind.label, KIND_ROLE)
        item.setToolTip(f"{account.name}\n{kind.label}")
        model.appendRow(item)


def row_of(model: QStandardItemModel, name: str) -> QModelIndex:
    """The list's row of the account ``name`` (invalid when there is none)."""
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(NAME_ROLE) == name:
            return index
    return QModelIndex()


def connection_report(result: ConnectionTest, tr: Callable[[str], str]) -> tuple[Level, str]:
    """How bad, and what to say, after Test connection (``tr``: the dialog's)."""
    seconds = QLocale().toString(result.seconds, "f", 2)
    if result.ok:
        count = result.containers or 0
        text = (
            AccountPanels.tr("Connected; 1 container ({s} s)")
            if count == 1
            else AccountPanels.tr("Connected; {n} containers ({s} s)")
        ).format(n=count, s=seconds)
        return Level.OK, text
    heading = {
        Outcome.AUTH_FAILED: AccountPanels.tr("Authentication failed"),
        Outcome.ACCESS_DENIED: AccountPanels.tr("Signed in, but not allowed to list containers"),
        Outcome.UNREACHABLE: AccountPanels.tr("Server not reachable"),
        Outcome.TLS_ERROR: AccountPanels.tr("Secure connection failed"),
    }.get(result.outcome, AccountPanels.tr("Connection failed"))
    level = Level.WARNING if result.outcome is Outcome.ACCESS_DENIED else Level.ERROR
    return level, f"{heading} ({seconds} s)\n{result.message}"


def show_store_notices(view: StoreView, storage: Notice, problems: Notice, tr: Callable[[str], str]) -> None:
    """Where secrets are kept when that needs saying, and accounts the file could not give."""
    if view.storage is Storage.SESSION:
        text = AccountPanels.tr(
            "There is no system keyring on this computer: passwords and keys are kept for "
            "this session only, and you will be asked for them again after StoreBrowser "
            "closes. You can store them in a file instead."
        )
        storage.show_message(Level.WARNING, text)
    elif view.storage is Storage.FILE:
        storage.show_message(Level.INFO, view.warning, action=False)
    else:
        storage.clear()
    if view.problems:
        lines = [AccountPanels.tr("Some saved accounts could not be read:")] + [str(p) for p in view.problems]
        problems.show_message(Level.ERROR, "\n".join(lines))
    else:
        problems.clear()
