"""The tab bar above the object area. Objects dragged onto a tab are dropped into that
tab's place (a copy, Shift: a move, as on the tree); held over a tab for a moment, the
drag shows that tab, so it can be dropped on a folder of its table instead. A middle
click on a tab closes it, as in browsers."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QTabBar, QWidget

from storebrowser.ui.objects.dragdrop import dragged_objects

#: How long a drag rests on a tab before that tab is shown.
SHOW_ON_HOVER_MS = 600


class PlaceTabBar(QTabBar):
    """Signals:
    objectsDropped(DraggedObjects, int, bool): objects dropped on tab ``index``; move or not.
    """

    objectsDropped = Signal(object, int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("place-tabs")
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setDocumentMode(True)
        self.setExpanding(False)
        self.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUsesScrollButtons(True)
        self.setAutoHide(True)  # one tab: no bar, the window as it always was
        self.setAcceptDrops(True)
        self._hover = QTimer(self)
        self._hover.setSingleShot(True)
        self._hover.setInterval(SHOW_ON_HOVER_MS)
        self._hover.timeout.connect(self._show_hovered)
        self._hovered = -1

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            index = self.tabAt(event.position().toPoint())
            if index >= 0:
                self.tabCloseRequested.emit(index)
                return
        super().mouseReleaseEvent(event)

    # -- drops ------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._follow(event, event.position().toPoint())

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._follow(event, event.position().toPoint())

    def dragLeaveEvent(self, event: object) -> None:
        self._hover.stop()

    def _follow(self, event: QDragMoveEvent, pos: QPoint) -> None:
        index = self.tabAt(pos)
        if dragged_objects(event.mimeData()) is None or index < 0:
            event.ignore()
            return
        if index != self._hovered:
            self._hovered = index
            self._hover.start()
        event.setDropAction(_action(event))
        event.accept()

    def _show_hovered(self) -> None:
        if 0 <= self._hovered < self.count():
            self.setCurrentIndex(self._hovered)

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover.stop()
        self._hovered = -1
        index = self.tabAt(event.position().toPoint())
        dragged = dragged_objects(event.mimeData())
        if dragged is None or index < 0:
            event.ignore()
            return
        event.setDropAction(_action(event))
        event.accept()
        self.objectsDropped.emit(dragged, index, _action(event) == Qt.DropAction.MoveAction)


def _action(event: QDragMoveEvent | QDropEvent) -> Qt.DropAction:
    """Shift (or a source that proposes a move) moves, as on the tree and the table."""
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    move = shift or event.proposedAction() == Qt.DropAction.MoveAction
    return Qt.DropAction.MoveAction if move else Qt.DropAction.CopyAction
