"""User metadata as an editable key/value table, for one object or several at once.

For several objects the table holds the keys they all have; a key whose values differ
shows "(various)" and stays as each object has it unless the user types a new value.
The table never holds a finished mapping to write back: ``edit()`` gives the operations
(set these keys, remove those) so every object keeps what the user did not touch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.words import QT_TRANSLATE_NOOP

AnyIndex = QModelIndex | QPersistentModelIndex
KEY, VALUE = 0, 1
_HEADERS = (QT_TRANSLATE_NOOP("MetadataTableModel", "Key"), QT_TRANSLATE_NOOP("MetadataTableModel", "Value"))
#: Offered as the user types a content type.
COMMON_TYPES = (
    "application/octet-stream", "application/json", "application/pdf", "application/zip",
    "application/gzip", "application/xml", "text/plain; charset=utf-8", "text/html; charset=utf-8",
    "text/css", "text/csv", "text/markdown", "image/png", "image/jpeg", "image/gif", "image/svg+xml",
    "image/webp", "audio/mpeg", "video/mp4", "font/woff2",
)  # fmt: skip


def error_colour(palette: QPalette) -> QColor:
    """A red that reads on the palette's window colour, light or dark."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff7b72" if dark else "#b3261e")


def problem_label(parent: QWidget) -> QLabel:
    """The line under a form that says, in red, why OK is disabled (``objectName`` "problem")."""
    label = QLabel(parent)
    label.setObjectName("problem")
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), error_colour(palette))
    label.setPalette(palette)
    return label


@dataclass(slots=True)
class MetadataRow:
    """One key. ``value`` is ``None`` while the objects' values differ and are kept;
    ``original_key`` is ``None`` for a key added here."""

    key: str
    value: str | None
    original_key: str | None = None
    original_value: str | None = None

    @property
    def various(self) -> bool:
        return self.value is None

    @property
    def changed(self) -> bool:
        if self.original_key is None:
            return True
        return self.key != self.original_key or (self.value is not None and self.value != self.original_value)


def common_metadata(mappings: Sequence[Mapping[str, str]]) -> dict[str, str | None]:
    """The keys every mapping has; the value where they agree, ``None`` where they differ."""
    if not mappings:
        return {}
    keys = set(mappings[0]).intersection(*mappings[1:])
    result: dict[str, str | None] = {}
    for key in sorted(keys):
        values = {m[key] for m in mappings}
        result[key] = values.pop() if len(values) == 1 else None
    return result


class MetadataTableModel(QAbstractTableModel):
    """Signals:
    edited(): a row was added, changed or removed.
    """

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MetadataRow] = []
        #: What was shown when loaded (``None``: various): a key missing now is removed.
        self._loaded: dict[str, str | None] = {}

    # -- content ----------------------------------------------------------------------

    def load(self, mappings: Sequence[Mapping[str, str]]) -> None:
        """Show the metadata of the objects (one mapping each); nothing edited yet."""
        self.beginResetModel()
        common = common_metadata(mappings)
        self._rows = [MetadataRow(k, v, k, v) for k, v in common.items()]
        self._loaded = common
        self.endResetModel()

    def rows(self) -> list[MetadataRow]:
        return list(self._rows)

    def add_row(self, key: str = "", value: str = "") -> QModelIndex:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(MetadataRow(key, value))
        self.endInsertRows()
        self.edited.emit()
        return self.index(row, KEY)

    def remove_rows(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        self.edited.emit()

    def apply_edit(self, edit: MetadataEdit) -> None:
        """Redo ``edit`` on what is shown now (after a reload kept the user's changes)."""
        self.remove_rows([n for n, r in enumerate(self._rows) if r.key in edit.remove_user])
        for key, value in edit.set_user.items():
            found = next((r for r in self._rows if r.key == key), None)
            if found is None:
                self.add_row(key, value)
            else:
                self._set(self._rows.index(found), VALUE, value)

    def problem(self) -> str | None:
        """What keeps the table from being an edit: an empty or repeated key."""
        seen: set[str] = set()
        for row in self._rows:
            if not row.key:
                return self.tr("A metadata key is empty: type a key or remove the row.")
            if row.key in seen:
                return self.tr("The key {key!r} appears twice; keys are unique.").format(key=row.key)
            seen.add(row.key)
        return None

    def edit(self) -> MetadataEdit:
        """The operations that turn what was shown into what the table holds (call when
        ``problem()`` is ``None``)."""
        kept = {row.key for row in self._rows}
        loaded = self._loaded
        return MetadataEdit(
            set_user={
                r.key: r.value
                for r in self._rows
                if r.value is not None and (r.key not in loaded or loaded[r.key] != r.value)
            },
            remove_user=frozenset(set(loaded) - kept),
        )

    # -- Qt model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(_HEADERS):
            return self.tr(_HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        various = column == VALUE and row.various
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("(various)") if various else (row.key if column == KEY else row.value)
        if role == Qt.ItemDataRole.EditRole:
            return row.key if column == KEY else (row.value or "")
        if role == Qt.ItemDataRole.FontRole and (various or row.changed):
            font = QFont()
            font.setItalic(various)
            font.setBold(row.changed)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and various:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _tooltip(self, row: MetadataRow, column: int) -> str | None:
        if row.various and column == VALUE:
            return self.tr(
                "The selected objects have different values; each keeps its own unless you type one."
            )
        if row.various and column == KEY:
            return self.tr("The values differ between the objects, so this key cannot be renamed here.")
        if row.original_key is None:
            return self.tr("Added")
        if row.changed:
            return self.tr("Changed (was {key} = {value})").format(
                key=row.original_key, value=row.original_value if row.original_value is not None else "…"
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self._rows[index.row()]
        if not (index.column() == KEY and row.various):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or not self.flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            return False
        return self._set(index.row(), index.column(), str(value))

    def _set(self, row_number: int, column: int, text: str) -> bool:
        row = self._rows[row_number]
        if column == KEY:
            if text == row.key:
                return False
            row.key = text
        else:
            if text == row.value:
                return False
            row.value = text
        # The font and tooltip of the whole row follow "changed".
        self.dataChanged.emit(self.index(row_number, KEY), self.index(row_number, VALUE))
        self.edited.emit()
        return True


class MetadataTable(QWidget):
    """The table with Add and Remove buttons (the editor and the upload dialog)."""

    def __init__(self, model: MetadataTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Metadata"))
        self.view.setObjectName("metadataTable")
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(KEY, 180)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setToolTip(self.tr("Add a key"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the selected keys"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def add(self) -> None:
        index = self.model.add_row()
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_selected(self) -> None:
        rows = [index.row() for index in self.view.selectionModel().selectedRows()]
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        self.model.remove_rows(rows)

    def _selection_changed(self, *_args: object) -> None:
        self.remove_button.setEnabled(self.view.selectionModel().hasSelection())
