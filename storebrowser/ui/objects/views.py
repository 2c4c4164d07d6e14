"""The two views that take part in drag and drop: the objects table and the places
tree. They only translate drag events into signals with a target; the window decides
what a drop means (upload, copy, move) and ``dragdrop`` builds what a drag carries."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QTreeView, QWidget

from storebrowser.core.gui_turn import GUI_TURN
from storebrowser.table.order import Column
from storebrowser.ui.objects.dragdrop import dragged_objects, local_paths

#: Builds the mime data of a drag from the view's selected rows (or None: no drag).
MimeSource = Callable[[], QMimeData | None]
#: The target of a drop at a point of the view's viewport: a key prefix ("" = the
#: current place), or None where nothing can be dropped.
TargetAt = Callable[[QModelIndex], object]

if TYPE_CHECKING:  # the mixins below are only ever mixed into item views
    _ItemView = QAbstractItemView
else:
    _ItemView = object


def _is_move(event: QDropEvent) -> bool:
    """Shift (or a source that proposes a move) makes a move; otherwise a copy."""
    return bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier) or (
        event.proposedAction() == Qt.DropAction.MoveAction
    )


def selected_spans(view: QAbstractItemView) -> list[range]:
    """The selected rows as disjoint spans, read off the selection's ranges: Qt's
    ``selectedRows()`` makes an index per row and takes about a minute for a
    select-all of a million rows."""
    ranges = view.selectionModel().selection()
    spans = sorted(
        (range(r.top(), r.bottom() + 1) for r in map(ranges.at, range(ranges.count()))),
        key=lambda span: span.start,
    )
    merged: list[range] = []
    for span in spans:  # ranges of one selection may overlap (Ctrl-click over a range)
        if merged and span.start <= merged[-1].stop:
            merged[-1] = range(merged[-1].start, max(merged[-1].stop, span.stop))
        else:
            merged.append(span)
    return merged


class _DragDropMixin(_ItemView):
    """Drag enter/move/drop and drag start for an item view: ``target_at`` says where a
    drop lands, ``mime_source`` what a drag carries."""

    filesDropped: Signal
    objectsDropped: Signal
    target_at: TargetAt
    _mime_source: MimeSource

    def _setup(self) -> None:
        self.set_drag_handlers(lambda: None, lambda _index: None)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setDropIndicatorShown(True)

    def set_drag_handlers(self, mime_source: MimeSource, target_at: TargetAt) -> None:
        """Who builds a drag's data and says where a drop lands (the window's drop
        handling sets these; until then the view takes no drops and starts no drags)."""
        self._mime_source = mime_source
        self.target_at = target_at

    def _target(self, event: QDragMoveEvent | QDragEnterEvent | QDropEvent) -> object:
        mime = event.mimeData()
        if not (local_paths(mime) or dragged_objects(mime)):
            return None
        return self.target_at(self.indexAt(event.position().toPoint()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_where_droppable(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_where_droppable(event)

    def _accept_where_droppable(self, event: QDragMoveEvent) -> None:
        if self._target(event) is not None:
            event.setDropAction(Qt.DropAction.MoveAction if _is_move(event) else Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self._target(event)
        if target is None:
            event.ignore()
            return
        mime = event.mimeData()
        dragged = dragged_objects(mime)
        move = _is_move(event)
        event.setDropAction(Qt.DropAction.MoveAction if move else Qt.DropAction.CopyAction)
        event.accept()
        if dragged is not None:
            self.objectsDropped.emit(dragged, target, move)
        else:  # Alt (Option): choose the upload's options first
            with_options = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self.filesDropped.emit(local_paths(mime), target, with_options)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        mime = self._mime_source()
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, Qt.DropAction.CopyAction)


class _EmptyTextMixin(_ItemView):
    """A grey sentence in the middle of an empty view ("This folder is empty…"), so an
    empty table says why it is empty and what to do instead of looking broken."""

    _empty_text = ""

    def set_empty_text(self, text: str) -> None:
        if text != self._empty_text:
            self._empty_text = text
            self.viewport().update()

    def empty_text(self) -> str:
        return self._empty_text

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self._empty_text or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self._empty_text)
        painter.end()


class _PaintsFirstMixin(_ItemView):
    """A paint of the view goes before a worker's conversion of a listing page
    (``core.gui_turn``): the conversions step aside while the view paints, so its calls
    into Python do not each wait for the GIL (issue 25: stalls while a listing arrives)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        with GUI_TURN.painting():
            super().paintEvent(event)


class ObjectTableView(_PaintsFirstMixin, _EmptyTextMixin, _DragDropMixin, QTableView):
    """Signals:
    filesDropped(list[Path], target, bool with_options): local files and folders dropped
        from outside (with Alt held: ask the upload's options first).
    objectsDropped(DraggedObjects, target, bool move): objects dragged inside the app.
    """

    filesDropped = Signal(list, object, bool)
    objectsDropped = Signal(object, object, bool)
    previewToggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup()
        self._typed_at = -1.0  # when type-ahead last had a key (monotonic seconds)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space shows or hides the preview (as Quick Look does), unless it continues a
        name being typed ("my file")."""
        typing = time.monotonic() - self._typed_at < QApplication.keyboardInputInterval() / 1000
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.key() == Qt.Key.Key_Space and plain and not typing:
            self.previewToggled.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Type-ahead looks at names, whichever column the current cell is in (Qt
        searches the current cell's column)."""
        self._typed_at = time.monotonic()
        current = self.currentIndex()
        if current.isValid() and current.column() != Column.NAME:
            self.selectionModel().setCurrentIndex(
                current.siblingAtColumn(Column.NAME), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        super().keyboardSearch(search)


class ContainerTableView(_EmptyTextMixin, QTableView):
    """The containers of an account."""


class PlacesTreeView(_DragDropMixin, QTreeView):
    """The accounts tree: containers and folders are drop targets and drag sources."""

    filesDropped = Signal(list, object, bool)
    objectsDropped = Signal(object, object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup()
