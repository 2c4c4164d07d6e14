"""A versions table with its buttons: a folder's versions (the window's versions page) or
one object's (the Versions… dialog). Every request runs on a worker; each change lists
the versions again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.display import display_text
from storebrowser.core.places import Location
from storebrowser.core.types import VersioningState, key_name
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.transfers.version_download import DownloadedVersion, download_version_to
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.format import count_of, local_time, number
from storebrowser.ui.versions.model import VersionsModel
from storebrowser.ui.versions.restore_dialog import RestoreDialog
from storebrowser.ui.versions.rows import RowKind, VersionRow
from storebrowser.ui.versions.state_bar import VersioningBar
from storebrowser.versions.restore import revert, undelete

_WIDTHS = (220, 125, 80, 200, 260)
#: One object's versions all have its name: less room for it.
_ONE_OBJECT_WIDTHS = (150, 130, 90, 110, 260)


class VersionsPane(QWidget):
    """``show`` a place's versions (or one key's); the buttons act on the selection."""

    #: Something changed on the server: the object table should list again.
    changed = Signal()
    #: A folder row was opened.
    folderOpened = Signal(object)
    #: "Versions…" asked for one object's versions (its key).
    versionsAsked = Signal(str)
    #: "Preview" asked for one version's bytes (its ``VersionRow``); the button shows
    #: only where something shows them (``offer_preview``).
    previewAsked = Signal(object)

    def __init__(self, context: CommandContext, parent: QWidget | None = None, *, one_object: bool) -> None:
        super().__init__(parent)
        self.context = context
        self.one_object = one_object
        self.place: Location | None = None
        self.only_key: str | None = None
        self.model = VersionsModel(context.runner, self)
        self.table = _table(self, self.model, _ONE_OBJECT_WIDTHS if one_object else _WIDTHS)
        self.status = QLabel(self)
        self.state_bar = VersioningBar(self)
        self.buttons = {
            name: QPushButton(self.tr(text), self)
            for name, text in (
                ("undelete", QT_TRANSLATE_NOOP("VersionsPane", "Undelete")),
                ("versions", QT_TRANSLATE_NOOP("VersionsPane", "Versions…")),
                ("download", QT_TRANSLATE_NOOP("VersionsPane", "Download Version…")),
                ("revert", QT_TRANSLATE_NOOP("VersionsPane", "Revert to This Version")),
                ("delete", QT_TRANSLATE_NOOP("VersionsPane", "Delete Version…")),
                ("preview", QT_TRANSLATE_NOOP("VersionsPane", "Preview")),
                ("restore_as_of", QT_TRANSLATE_NOOP("VersionsPane", "Restore Folder to a Date…")),
                ("refresh", QT_TRANSLATE_NOOP("VersionsPane", "Refresh")),
            )
        }
        self.buttons["versions"].setVisible(not one_object)
        self.buttons["restore_as_of"].setVisible(not one_object)
        self.buttons["preview"].setVisible(False)
        self.restore_dialog: RestoreDialog | None = None
        self.buttons["undelete"].setToolTip(self.tr("Bring the selected deleted objects back"))
        self.buttons["revert"].setToolTip(
            self.tr("Make this version current again (a copy on the server; the current one is kept)")
        )
        self._layout()
        self._connect()
        self._update_buttons()

    def _layout(self) -> None:
        # The counts go beside the versioning line: the buttons take the width of their row.
        top = QHBoxLayout()
        top.addWidget(self.state_bar, 1)
        top.addStretch(0 if not self.one_object else 1)
        top.addWidget(self.status)
        bar = QHBoxLayout()
        for button in self.buttons.values():
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def _connect(self) -> None:
        actions: dict[str, Callable[[], object]] = {  # what a handler returns is not used
            "undelete": self.undelete_selected,
            "versions": self._ask_versions,
            "download": self.download_selected,
            "revert": self.revert_selected,
            "delete": self.delete_selected,
            "refresh": self.reload,
            "restore_as_of": self.open_restore,
            "preview": self._ask_preview,
        }
        for name, handler in actions.items():
            self.buttons[name].clicked.connect(handler)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._open_row)
        self.state_bar.turnOnAsked.connect(self.turn_on_versioning)
        self.model.finished.connect(self._finished)
        self.model.pageLoaded.connect(self._update_status)

    # -- listing ------------------------------------------------------------------------

    def show_place(self, place: Location, only_key: str | None = None) -> None:
        self.place, self.only_key = place, only_key
        self.reload()

    def reload(self) -> None:
        place = self.place
        if place is None or place.is_account:
            return
        # One object's versions: its key as the prefix (then only keys that start with it
        # are listed, not the whole folder before it).
        prefix = place.prefix if self.only_key is None else self.only_key
        self.status.setText(self.tr("Listing versions…"))

        def opened(provider: Provider) -> None:
            self.model.open(provider, place.container, prefix, only_key=self.only_key)
            if not self.one_object:
                self._run(lambda p: p.versioning_state(place.container), self._got_state, changes=False)

        self.context.places.with_provider(place.account, opened)

    def _finished(self, message: str) -> None:
        if message:
            self.context.messages.show_error(message)
        self._update_status()

    def _update_status(self) -> None:
        rows = self.model.rows
        deleted = sum(1 for row in rows if row.kind is RowKind.DELETED)
        text = count_of(len(rows), "entry", "entries")
        if deleted:
            text += self.tr(", {0} deleted").format(number(deleted))
        self.status.setText(text + (self.tr(" (listing…)") if self.model.loading else ""))
        self._update_buttons()

    # -- selection ----------------------------------------------------------------------

    def selected_rows(self) -> list[VersionRow]:
        indexes = self.table.selectionModel().selectedRows()
        return [self.model.rows[index.row()] for index in sorted(indexes, key=lambda i: i.row())]

    def _one_row(self) -> VersionRow | None:
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _ask_versions(self) -> None:
        row = self._one_row()
        self.versionsAsked.emit(row.key if row else "")

    def deleted_keys(self) -> list[str]:
        """Keys of the selection (any of their rows) whose object is deleted now."""
        keys = {row.key for row in self.selected_rows() if row.kind is not RowKind.FOLDER}
        return [row.key for row in self.model.rows if row.kind is RowKind.DELETED and row.key in keys]

    def _update_buttons(self, *_args: object) -> None:
        one = self._one_row()
        self.buttons["undelete"].setEnabled(bool(self.deleted_keys()))
        self.buttons["versions"].setEnabled(one is not None and one.kind is not RowKind.FOLDER)
        self.buttons["download"].setEnabled(one is not None and one.has_content)
        self.buttons["revert"].setEnabled(one is not None and one.kind is RowKind.EARLIER)
        self.buttons["delete"].setEnabled(one is not None and one.kind is not RowKind.FOLDER)
        self.buttons["preview"].setEnabled(one is not None and one.has_content)

    def offer_preview(self) -> None:
        """Show the Preview button (``previewAsked`` is connected)."""
        self.buttons["preview"].setVisible(True)

    def _ask_preview(self) -> None:
        row = self._one_row()
        if row is not None and row.has_content:
            self.previewAsked.emit(row)

    def _open_row(self, index: object) -> None:
        row = self._one_row()
        if row is None or self.place is None:
            return
        if row.kind is RowKind.FOLDER:
            self.folderOpened.emit(Location(self.place.account, self.place.container, row.key))
        elif not self.one_object:
            self.versionsAsked.emit(row.key)

    # -- what the buttons do ----------------------------------------------------------

    def _run(
        self, work: Callable[[Provider], object], done: Callable[[object], None], *, changes: bool = True
    ) -> None:
        """``work(provider)`` on a worker, then ``done(value)``; what ``changes`` the
        server lists the versions again."""
        place = self.place
        if place is None:
            return
        pool = self.context.pool

        def finished(result: TaskResult[object]) -> None:
            if result.ok:
                done(result.value)
            else:
                self.context.messages.show_error(result.message())
            if changes:
                self.reload()

        self.context.runner.run(lambda: work(pool.get(place.account)), finished)

    def _changed(self, text: str) -> Callable[[object], None]:
        def done(_value: object) -> None:
            self.context.messages.show_status(text, 8000)
            self.changed.emit()

        return done

    def _got_state(self, state: object) -> None:
        assert isinstance(state, VersioningState)
        self.state_bar.show_state(state)

    def turn_on_versioning(self) -> None:
        place = self.place
        if place is None:
            return
        provider = self.context.pool.cached(place.account)
        cost = provider.capabilities.versioning_note if provider is not None else ""
        question = self.tr("Turn on versioning for {0}?\n\n{1}").format(place.container, cost)
        if not self.confirm(self.tr("Turn On Versioning"), question, self.tr("Turn On")):
            return
        container = place.container
        self._run(
            lambda provider: provider.set_versioning(container, True),
            self._changed(self.tr("{0} keeps versions from now on.").format(container)),
        )

    def open_restore(self, moment: datetime | None = None) -> RestoreDialog | None:
        """Restore Folder to a Date… for the place shown (this folder and all below it);
        with ``moment``, its plan is made at once."""
        if self.place is None or self.place.is_account:
            return None
        dialog = self.restore_dialog = RestoreDialog(self.context, self.place, self)
        dialog.finished.connect(lambda _code: self.reload())
        dialog.open()
        if moment is not None:
            dialog.set_moment(moment)
            dialog.make_plan()
        return dialog

    def undelete_selected(self) -> None:
        keys = self.deleted_keys()
        if not keys or self.place is None:
            return
        container = self.place.container
        self._run(
            lambda provider: [undelete(provider, container, key) for key in keys],
            self._changed(
                self.tr("Brought back: {0}").format(", ".join(display_text(key_name(k)) for k in keys))
            ),
        )

    def revert_selected(self) -> None:
        row = self._one_row()
        if row is None or row.kind is not RowKind.EARLIER or self.place is None:
            return
        question = self.tr(
            "Make the version of {0} from {1} the current one?\n\nIt is copied on the server; "
            "the current content stays as an earlier version."
        ).format(display_text(row.entry.name), local_time(row.entry.modified))
        if not self.confirm(self.tr("Revert to This Version"), question, self.tr("Revert")):
            return
        container, key, version_id = self.place.container, row.key, row.entry.version_id
        self._run(
            lambda provider: revert(provider, container, key, version_id),
            self._changed(self.tr("{0} is at its version from {1} again.").format(
                display_text(row.entry.name), local_time(row.entry.modified))),
        )  # fmt: skip

    def delete_selected(self) -> None:
        row = self._one_row()
        if row is None or row.kind is RowKind.FOLDER or self.place is None:
            return
        what = self.tr("the delete marker") if row.entry.is_delete_marker else self.tr("the version")
        question = self.tr("Delete {0} {1} of {2} (from {3}) for good?\n\nIt cannot be brought back.").format(
            what, row.entry.version_id, display_text(row.key), local_time(row.entry.modified)
        )
        if not self.confirm(self.tr("Delete Version"), question, self.tr("Delete for Good")):
            return
        container, key, version_id = self.place.container, row.key, row.entry.version_id
        self._run(
            lambda provider: provider.delete_version(container, key, version_id),
            self._changed(
                self.tr("Deleted version {0} of {1}.").format(version_id, display_text(row.entry.name))
            ),
        )

    def download_selected(self) -> None:
        row = self._one_row()
        if row is None or not row.has_content or self.place is None:
            return
        target = self.ask_save_path(suggested_name(row.entry.name, row.entry.modified))
        if target is None:
            return
        container, key, version_id = self.place.container, row.key, row.entry.version_id

        def downloaded(value: object) -> None:
            assert isinstance(value, DownloadedVersion)
            self.context.messages.show_info(self.tr("Saved {0} ({1}).").format(value.path, value.verified))

        self._run(
            lambda provider: download_version_to(provider, container, key, version_id, target),
            downloaded,
            changes=False,
        )

    # -- questions (tests answer them here) -------------------------------------------

    def confirm(self, title: str, question: str, button: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, question, parent=self)
        yes = box.addButton(button, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def ask_save_path(self, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Download Version"), suggested)
        return Path(path) if path else None


def suggested_name(name: str, modified: datetime | None) -> str:
    """``report (2026-12-01 1430).pdf``: the version's date in the name, so it does not
    take the place of the current one's download."""
    if modified is None:
        return name
    stem, dot, suffix = name.rpartition(".")
    stamp = modified.astimezone().strftime("%Y-%m-%d %H%M")
    return f"{stem} ({stamp}).{suffix}" if dot and stem else f"{name} ({stamp})"


def _table(parent: QWidget, model: VersionsModel, widths: tuple[int, ...]) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(QCoreApplication.translate("VersionsPane", "Versions"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table
