"""What the cells of the object table show: a name, a size, a date, a type, an ETag, with
a tooltip and an icon, read from the columns of a row; and type-ahead over the names.

The model (``model``) answers ``data`` and ``multiData`` from these (``CellRoles``) per
visible cell; what a type looks like (its icon and name, "PDF document") comes from
``file_types``, kept per type: a dictionary lookup."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from storebrowser.core.archive import ArchiveState, ArchiveStatus
from storebrowser.core.display import display_text
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.folder_sizes import UNKNOWN
from storebrowser.table.name_search import NameMatch, find_names
from storebrowser.table.order import Column
from storebrowser.ui.file_types import KNOWN_TYPES, FileType, file_type
from storebrowser.ui.format import human_size, local_time, number
from storebrowser.ui.words import TranslationContext


class CellWords(TranslationContext):
    """The translation context of this module's words (``CellWords.tr``, as lupdate reads it)."""


#: ``QObject.tr`` of the model: the words are translated in its context.
Translate = Callable[[str], str]
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: Match kinds answered from the name column itself (Qt's MatchTypeMask is 0x0F).
_NAME_MATCHES = {
    Qt.MatchFlag.MatchStartsWith.value: NameMatch.STARTS,
    Qt.MatchFlag.MatchContains.value: NameMatch.CONTAINS,
    Qt.MatchFlag.MatchFixedString.value: NameMatch.EQUALS,
}
_NOT_FAST = Qt.MatchFlag.MatchCaseSensitive | Qt.MatchFlag.MatchRecursive


def cell_text(rows: ObjectColumns, row: int, column: int, tr: Translate) -> str:
    """The text of a cell."""
    if column == Column.NAME:
        return rows.name(row)
    if rows.is_folder(row):
        if column == Column.SIZE:
            return _folder_size_text(rows, row)
        return CellWords.tr("Folder") if column == Column.TYPE else ""
    if column == Column.SIZE:
        return human_size(rows.sizes[row])
    if column == Column.MODIFIED:
        return local_time(rows.modified_at(row))
    if column == Column.TYPE:
        return _file_type(rows, row).label
    if column == Column.STORAGE_CLASS:
        return rows.storage_class(row) or ""
    if column == Column.ARCHIVE:
        return archive_text(rows.archive(row))
    return rows.etag(row) or ""


def archive_text(status: ArchiveStatus | None) -> str:
    """The Archive status cell: "Archived", "Restoring to Hot", "Restored until 12/5/26 10:00";
    empty for an object that is online."""
    if status is None:
        return ""
    if status.state is ArchiveState.RESTORED:
        if status.until is None:
            return CellWords.tr("Restored")
        return CellWords.tr("Restored until {date}").format(date=local_time(status.until))
    if status.state is ArchiveState.RESTORING:
        if status.target:
            return CellWords.tr("Restoring to {tier}").format(tier=status.target)
        return CellWords.tr("Restoring")
    return CellWords.tr("Archived")


def archive_tooltip(status: ArchiveStatus | None) -> str | None:
    """What the cell cannot hold: the restore's priority, the expiry with its zone, and
    what to do with an archived object."""
    if status is None:
        return None
    if status.state is ArchiveState.ARCHIVED:
        return CellWords.tr("Archived: restore it (Restore from Archive…) before reading or copying it")
    if status.state is ArchiveState.RESTORING and status.priority:
        return CellWords.tr("Restore under way, {priority} priority").format(priority=status.priority)
    if status.until is not None:
        return CellWords.tr("A restored copy can be read until {date}").format(
            date=status.until.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
        )
    return None


def cell_tooltip(rows: ObjectColumns, row: int, column: int, tr: Translate) -> str | None:
    """The tooltip of a cell: the full key of a name, the exact size, the date with its zone."""
    if column == Column.NAME:
        return rows.key(row)
    if rows.is_folder(row):
        return _folder_size_tip(rows, row) if column == Column.SIZE else None
    if column == Column.SIZE:
        return CellWords.tr("{size} bytes").format(size=number(rows.sizes[row]))
    if column == Column.MODIFIED:
        moment = rows.modified_at(row)
        return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z") if moment else None
    if column == Column.TYPE:
        mime = _file_type(rows, row).mime
        if rows.type_guessed(row):
            return CellWords.tr("{type}, guessed from the name: the listing does not give types").format(
                type=mime
            )
        return mime
    if column == Column.ARCHIVE:
        return archive_tooltip(rows.archive(row))
    return None


def _folder_size_text(rows: ObjectColumns, row: int) -> str:
    """A folder's counted size (the sum so far while counting, "…" before the first)."""
    size, counting = rows.folder_sizes.of(row)
    if size == UNKNOWN:
        return "…" if counting else ""
    return human_size(size)


def _folder_size_tip(rows: ObjectColumns, row: int) -> str | None:
    size, counting = rows.folder_sizes.of(row)
    if counting:
        return CellWords.tr("Counting: {size} bytes so far").format(size=number(max(size, 0)))
    return CellWords.tr("{size} bytes").format(size=number(size)) if size != UNKNOWN else None


def counting_look(rows: ObjectColumns, row: int, column: int, role: int) -> object:
    """A folder's size still being counted looks apart: italic, in the placeholder colour."""
    if column != Column.SIZE or not rows.folder_sizes.known or not rows.is_folder(row):
        return None
    if not rows.folder_sizes.of(row)[1]:
        return None
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def _file_type(rows: ObjectColumns, row: int) -> FileType:
    content_type = rows.content_type(row)
    known = KNOWN_TYPES.get(content_type) if content_type else None  # the usual case: one lookup
    return known if known is not None else file_type(content_type, lambda: rows.name(row))


class RowIcons:
    """The style's folder icon, and each file's icon by its type."""

    def __init__(self) -> None:
        self._folder: QIcon | None = None

    def of(self, rows: ObjectColumns, row: int) -> QIcon:
        if not rows.is_folder(row):
            return _file_type(rows, row).icon
        if self._folder is None:  # a style needs the app: made on first use
            self._folder = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        return self._folder


def match_names(
    rows: ObjectColumns,
    visible: array[int],
    start: QModelIndex | QPersistentModelIndex,
    role: int,
    value: object,
    hits: int,
    flags: Qt.MatchFlag,
) -> list[int] | None:
    """The shown rows whose name matches, for ``QAbstractItemModel.match`` (type-ahead),
    searched in the name columns; ``None`` for a search only Qt's own ``match`` can do."""
    flags = Qt.MatchFlag(flags)
    how = _NAME_MATCHES.get(flags.value & 0x0F)
    if (
        how is None
        or flags & _NOT_FAST
        or role != Qt.ItemDataRole.DisplayRole
        or not isinstance(value, str)
        or start.column() != Column.NAME
    ):
        return None
    wrap = bool(flags & Qt.MatchFlag.MatchWrap)
    return find_names(rows, visible, start.row(), value.casefold(), how, wrap=wrap, hits=hits)


if TYPE_CHECKING:  # mixed into the object table's model only
    _TableModel = QAbstractTableModel
else:
    _TableModel = object


class NameTypeAhead(_TableModel):
    """The object model's ``match``: type-ahead in the table (``keyboardSearch``) on a
    million names without a ``data()`` call per row, the names searched in the columns.
    Other searches go to Qt."""

    _rows: ObjectColumns
    _visible: array[int]

    def match(
        self,
        start: QModelIndex | QPersistentModelIndex,
        role: int,
        value: object,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        flags = Qt.MatchFlag(flags)
        found = match_names(self._rows, self._visible, start, role, value, hits, flags)
        if found is None:
            return super().match(start, role, value, hits, flags)
        return [self.index(shown, Column.NAME) for shown in found]


Role = Qt.ItemDataRole
_HANDLED_ROLES = frozenset({Role.DisplayRole, Role.DecorationRole, Role.ToolTipRole, Role.TextAlignmentRole,
                            Role.FontRole, Role.ForegroundRole})  # fmt: skip
#: Painted cells whose values are kept at most (a screenful is ~250): past it the kept
#: ones are dropped, so scrolling through a million rows keeps no more than this.
KEPT_CELLS = 4096
#: A kept cell's key: row id * _COLUMN_SLOTS + column (one int: a cheap dictionary key).
_COLUMN_SLOTS = 16
_NOT_KEPT = object()


class CellRoles(_TableModel):
    """The object model's ``data`` and ``multiData``.

    Qt 6's item delegate asks every role it paints of a cell (seven) in one ``multiData``
    call: answered here in one Python call per painted cell instead of seven ``data``
    calls. Each call from Qt into Python takes the GIL, which a worker converting a page
    may hold for up to its switch interval (5 ms), so fewer calls mean shorter stalls
    while a listing arrives (issue 25, item 4).

    What ``multiData`` answers is kept per cell, by row id (which a sort, a filter or a
    new page does not change), so a repaint of rows painted before (every repaint while
    a listing arrives: the rows on screen stay) formats no size, date or type again.
    What a row shows changes only through its columns (``ObjectColumns.update``,
    ``delete``, ``reset``) and its folder's count (``FolderSizes``); each of those moves
    their ``edits`` stamp, and a changed stamp drops every kept cell. The model calls
    ``forget_cells`` once when it is made."""

    _rows: ObjectColumns
    _visible: array[int]
    _icons: RowIcons
    _kept: dict[int, dict[int, object]]
    _kept_stamp: tuple[int, int]

    def forget_cells(self) -> None:
        """Drop every kept cell: the next paint reads them from the columns again."""
        self._kept = {}
        self._kept_stamp = (-1, -1)

    def _kept_cell(self, row: int, column: int) -> dict[int, object]:
        """The kept values of a cell by role (empty: none kept yet), after dropping all
        kept cells if a row changed since they were kept, or if there are too many."""
        rows = self._rows
        stamp = (rows.edits, rows.folder_sizes.edits)
        kept = self._kept
        if stamp != self._kept_stamp or len(kept) >= KEPT_CELLS:
            kept.clear()
            self._kept_stamp = stamp
        key = row * _COLUMN_SLOTS + column
        cell = kept.get(key)
        if cell is None:
            cell = kept[key] = {}
        return cell

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole) -> object:
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        shown = index.row()
        if not 0 <= shown < len(self._visible):
            return None
        return self._role(self._visible[shown], index.column(), role)

    def multiData(
        self, index: QModelIndex | QPersistentModelIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData
    ) -> None:
        shown = index.row() if index.isValid() else -1
        if not 0 <= shown < len(self._visible):
            super().multiData(index, roleDataSpan)  # every role cleared, through data()
            return
        row, column = self._visible[shown], index.column()
        cell = self._kept_cell(row, column)
        # A span iterates over its QModelRoleData at run time; the stub does not say so.
        roles = cast("Iterable[QModelRoleData]", roleDataSpan)
        if isinstance(roleDataSpan, QModelRoleData):
            roles = [roleDataSpan]
        for role_data in roles:  # each one set: the delegate reuses the span from cell to cell
            role = role_data.role()
            value = cell.get(role, _NOT_KEPT)
            if value is _NOT_KEPT:
                value = cell[role] = self._role(row, column, role) if role in _HANDLED_ROLES else None
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _role(self, row: int, column: int, role: int) -> object:
        if role == Role.DisplayRole:  # keys may hold control characters: shown escaped
            return display_text(cell_text(self._rows, row, column, self.tr))
        if role == Role.TextAlignmentRole:
            return RIGHT if column == Column.SIZE else None
        if role == Role.DecorationRole:
            return self._icons.of(self._rows, row) if column == Column.NAME else None
        if role in (Role.FontRole, Role.ForegroundRole):
            return counting_look(self._rows, row, column, role)
        tip = cell_tooltip(self._rows, row, column, self.tr)
        return display_text(tip) if tip else tip
