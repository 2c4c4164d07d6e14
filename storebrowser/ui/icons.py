"""Icons drawn in the palette's colours, so they read in light and dark schemes alike.

The style's own arrows are black whatever the palette, and in a tree they are the
triangles of branches, which read as "expand". Here: the job kinds (arrows onto a tray
for upload and download, two sheets for copy, an arrow for move, a bin for delete) and
the navigation arrows of the toolbar.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from storebrowser.transfers.jobs import JobKind

_SIZES = (16, 24, 32, 48)
_cache: dict[tuple[JobKind, int], QIcon] = {}


def kind_icon(kind: JobKind) -> QIcon:
    palette = QApplication.palette()
    key = (kind, palette.color(QPalette.ColorRole.Text).rgba())
    icon = _cache.get(key)
    if icon is None:
        icon = QIcon()
        selected = QPalette(palette)  # on the selection's colour, drawn in its text colour
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.Highlight, QPalette.ColorRole.Base):
            selected.setColor(role, palette.color(QPalette.ColorRole.HighlightedText))
        for size in _SIZES:
            icon.addPixmap(_draw(kind, size, palette), QIcon.Mode.Normal)
            icon.addPixmap(_draw(kind, size, selected), QIcon.Mode.Selected)
        _cache[key] = icon
    return icon


#: Navigation and transfer actions: ``(tray?, tail, tip)`` of an arrow on the 16 x 16 grid.
_ARROWS: dict[str, tuple[bool, tuple[float, float], tuple[float, float]]] = {
    "back": (False, (13.5, 8), (2.5, 8)),
    "forward": (False, (2.5, 8), (13.5, 8)),
    "up": (False, (8, 13.5), (8, 2.5)),
    "upload": (True, (8, 11), (8, 2.5)),
    "download": (True, (8, 2), (8, 10.5)),
}


def arrow_icon(name: str) -> QIcon:
    """``back``, ``forward``, ``up``, ``upload`` or ``download`` in the window text colour,
    greyed where disabled."""
    palette = QApplication.palette()
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        ink = palette.color(group, QPalette.ColorRole.WindowText)
        for size in _SIZES:
            icon.addPixmap(_draw_arrow(name, size, ink), mode)
    return icon


def _draw_arrow(name: str, size: int, ink: QColor) -> QPixmap:
    tray, tail, tip = _ARROWS[name]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)
    if tray:
        _tray(painter, ink)
    _arrow(painter, ink, QPointF(*tail), QPointF(*tip))
    painter.end()
    return pixmap


def _draw(kind: JobKind, size: int, palette: QPalette) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)  # drawn on a 16 x 16 grid
    ink = palette.color(QPalette.ColorRole.Text)
    accent = palette.color(QPalette.ColorRole.Highlight)
    if kind.is_upload:
        _tray(painter, ink)
        _arrow(painter, accent, QPointF(8, 11), QPointF(8, 2.5))
    elif kind.is_download:
        _tray(painter, ink)
        _arrow(painter, accent, QPointF(8, 2), QPointF(8, 10.5))
    elif kind is JobKind.COPY:
        _sheet(painter, ink, QRectF(2, 2, 8, 9.5))
        _sheet(painter, accent, QRectF(6, 4.5, 8, 9.5))
    elif kind is JobKind.MOVE:
        _arrow(painter, accent, QPointF(2, 8), QPointF(13.5, 8))
    else:
        _bin(painter, ink)
    painter.end()
    return pixmap


def _pen(color: QColor, width: float = 1.6) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _tray(painter: QPainter, color: QColor) -> None:
    path = QPainterPath(QPointF(2, 10))
    path.lineTo(2, 14)
    path.lineTo(14, 14)
    path.lineTo(14, 10)
    painter.setPen(_pen(color))
    painter.drawPath(path)


def _arrow(painter: QPainter, color: QColor, tail: QPointF, tip: QPointF) -> None:
    painter.setPen(_pen(color, 2.0))
    painter.drawLine(tail, tip)
    dx, dy = tip.x() - tail.x(), tip.y() - tail.y()
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length  # along the arrow
    head = 4.0
    for side in (1, -1):
        back = QPointF(tip.x() - head * (ux - side * uy), tip.y() - head * (uy + side * ux))
        painter.drawLine(tip, back)


def _sheet(painter: QPainter, color: QColor, rect: QRectF) -> None:
    painter.setPen(_pen(color, 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 1.5, 1.5)


def _bin(painter: QPainter, color: QColor) -> None:
    painter.setPen(_pen(color, 1.4))
    painter.drawLine(QPointF(2.5, 4), QPointF(13.5, 4))
    painter.drawLine(QPointF(6, 4), QPointF(6.5, 2))
    painter.drawLine(QPointF(6.5, 2), QPointF(9.5, 2))
    painter.drawLine(QPointF(9.5, 2), QPointF(10, 4))
    body = QPainterPath(QPointF(4, 4))
    body.lineTo(5, 14)
    body.lineTo(11, 14)
    body.lineTo(12, 4)
    painter.drawPath(body)
    for x in (7, 9):
        painter.drawLine(QPointF(x, 6.5), QPointF(x, 11.5))
