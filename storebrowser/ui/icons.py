"""Arrow icons drawn in the palette's text colour, so they read in light and dark
schemes alike (the style's stock arrows are black whatever the palette)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap

_SIZES = (16, 22, 32)

#: Polylines on a 16x16 grid: the arrow's shaft and head.
_TRAY = ((2.5, 11), (2.5, 14), (13.5, 14), (13.5, 11))
_ARROWS: dict[str, tuple[tuple[tuple[float, float], ...], ...]] = {
    "back": (((13, 8), (3, 8)), ((7.5, 3.5), (3, 8), (7.5, 12.5))),
    "forward": (((3, 8), (13, 8)), ((8.5, 3.5), (13, 8), (8.5, 12.5))),
    "up": (((8, 13), (8, 3)), ((3.5, 7.5), (8, 3), (12.5, 7.5))),
    "upload": (((8, 11), (8, 2)), ((4, 6), (8, 2), (12, 6)), _TRAY),
    "download": (((8, 2), (8, 11)), ((4, 7), (8, 11), (12, 7)), _TRAY),
}


def arrow_icon(name: str, palette: QPalette | None = None) -> QIcon:
    """``back``, ``forward``, ``up``, ``upload`` or ``download``, with a disabled look."""
    palette = palette or QGuiApplication.palette()
    icon = QIcon()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    for size in _SIZES:
        icon.addPixmap(_draw(name, size, normal), QIcon.Mode.Normal)
        icon.addPixmap(_draw(name, size, disabled), QIcon.Mode.Disabled)
    return icon


def _draw(name: str, size: int, colour: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scale = size / 16
    pen = QPen(colour, 1.7 * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    for line in _ARROWS[name]:
        path = QPainterPath(QPointF(line[0][0] * scale, line[0][1] * scale))
        for x, y in line[1:]:
            path.lineTo(QPointF(x * scale, y * scale))
        painter.drawPath(path)
    painter.end()
    return pixmap
