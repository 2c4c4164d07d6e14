"""Icons drawn in the palette's colours, so they read in light and dark schemes alike.

The style's own arrows are black whatever the palette, and in a tree they are the
triangles of branches, which read as "expand". Here: the job kinds (arrows onto a tray
for upload and download, two sheets for copy, an arrow for move, a bin for delete), the
navigation arrows of the toolbar, and the signs of the transfers panel, the message
strip and the docks' title bars (``line_icon``; ``PaletteIconStyle`` hands the latter to
every dock).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from storebrowser.transfers.jobs import JobKind
from storebrowser.transfers.kinds import kind_of

_SIZES = (16, 24, 32, 48)
_cache: dict[tuple[str, int], QIcon] = {}


def kind_icon(kind: JobKind) -> QIcon:
    """The icon the job's kind names, drawn in the palette's colours."""
    name = kind_of(kind).icon
    palette = QApplication.palette()
    key = (name, palette.color(QPalette.ColorRole.Text).rgba())
    icon = _cache.get(key)
    if icon is None:
        icon = QIcon()
        selected = QPalette(palette)  # on the selection's colour, drawn in its text colour
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.Highlight, QPalette.ColorRole.Base):
            selected.setColor(role, palette.color(QPalette.ColorRole.HighlightedText))
        for size in _SIZES:
            icon.addPixmap(_draw(name, size, palette), QIcon.Mode.Normal)
            icon.addPixmap(_draw(name, size, selected), QIcon.Mode.Selected)
        _cache[key] = icon
    return icon


def cloud_icon(accent: str) -> QIcon:
    """A cloud filled with a service's colour (``ProviderKind.accent``), outlined in a darker
    shade so that it reads on light and dark backgrounds alike."""
    key = ("cloud:" + accent, 0)
    icon = _cache.get(key)
    if icon is None:
        icon = QIcon()
        for size in _SIZES:
            icon.addPixmap(_draw_cloud(QColor(accent), size))
        _cache[key] = icon
    return icon


def _draw_cloud(fill: QColor, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)
    cloud = QPainterPath()
    cloud.setFillRule(Qt.FillRule.WindingFill)
    for puff in (QRectF(1, 6.5, 6, 6), QRectF(4, 3, 8, 8), QRectF(9, 6, 6, 6.5)):
        cloud.addEllipse(puff)
    cloud.addRoundedRect(QRectF(3.5, 8.5, 9.5, 4), 1.5, 1.5)  # the flat base
    cloud = cloud.simplified()  # one outline around the puffs, not one per puff
    painter.setPen(_pen(fill.darker(150), 1.0))
    painter.setBrush(fill)
    painter.drawPath(cloud)
    painter.end()
    return pixmap


#: Navigation and transfer actions: ``(tray?, tail, tip)`` of an arrow on the 16 x 16 grid.
_ARROWS: dict[str, tuple[bool, tuple[float, float], tuple[float, float]]] = {
    "back": (False, (13.5, 8), (2.5, 8)),
    "forward": (False, (2.5, 8), (13.5, 8)),
    "up": (False, (8, 13.5), (8, 2.5)),
    "upload": (True, (8, 11), (8, 2.5)),
    "download": (True, (8, 2), (8, 10.5)),
}


def swatch_icon(colour: str, size: int = 12) -> QIcon:
    """A small rounded square of ``colour`` (``#RRGGBB``): an account's marker."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def arrow_icon(name: str) -> QIcon:
    """``back``, ``forward``, ``up``, ``upload`` or ``download`` in the window text colour,
    greyed where disabled."""
    return line_icon(name)


def line_icon(name: str) -> QIcon:
    """An arrow (``arrow_icon``'s names) or a sign (``pause``, ``play``, ``retry``,
    ``cancel``, ``top``, ``clear``, ``close``, ``float``) drawn in the palette's window
    text colour, and in its disabled colour where disabled: it reads on light and dark
    schemes alike, and a disabled one looks disabled."""
    palette = QApplication.palette()
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        ink = palette.color(group, QPalette.ColorRole.WindowText)
        for size in _SIZES:
            icon.addPixmap(_draw_line(name, size, ink), mode)
    return icon


def _draw_line(name: str, size: int, ink: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)
    if name in _ARROWS:
        tray, tail, tip = _ARROWS[name]
        if tray:
            _tray(painter, ink)
        _arrow(painter, ink, QPointF(*tail), QPointF(*tip))
    else:
        _SIGNS[name](painter, ink)
    painter.end()
    return pixmap


def _pause(painter: QPainter, ink: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawRoundedRect(QRectF(3.5, 2.5, 3, 11), 0.8, 0.8)
    painter.drawRoundedRect(QRectF(9.5, 2.5, 3, 11), 0.8, 0.8)


def _play(painter: QPainter, ink: QColor) -> None:
    path = QPainterPath(QPointF(4, 2.5))
    path.lineTo(13, 8)
    path.lineTo(4, 13.5)
    path.closeSubpath()
    painter.setPen(_pen(ink, 1.2))
    painter.setBrush(ink)
    painter.drawPath(path)


def _retry(painter: QPainter, ink: QColor) -> None:
    painter.setPen(_pen(ink, 1.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(2.5, 2.5, 11, 11), 60 * 16, 290 * 16)  # open at the top right
    head = QPainterPath(QPointF(9.2, 0.9))
    head.lineTo(13.4, 3.1)
    head.lineTo(9.6, 5.9)
    head.closeSubpath()
    painter.setPen(_pen(ink, 1.0))
    painter.setBrush(ink)
    painter.drawPath(head)


def _cancel(painter: QPainter, ink: QColor) -> None:
    painter.setPen(_pen(ink, 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QRectF(1.8, 1.8, 12.4, 12.4))
    painter.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5))
    painter.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5))


def _close(painter: QPainter, ink: QColor) -> None:
    painter.setPen(_pen(ink, 1.7))
    painter.drawLine(QPointF(4, 4), QPointF(12, 12))
    painter.drawLine(QPointF(12, 4), QPointF(4, 12))


def _float(painter: QPainter, ink: QColor) -> None:
    painter.setPen(_pen(ink, 1.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(2.5, 5.5, 8, 8))
    painter.drawLine(QPointF(5.5, 2.5), QPointF(13.5, 2.5))
    painter.drawLine(QPointF(13.5, 2.5), QPointF(13.5, 10.5))


def _top(painter: QPainter, ink: QColor) -> None:
    painter.setPen(_pen(ink, 1.8))
    painter.drawLine(QPointF(2.5, 2.5), QPointF(13.5, 2.5))
    _arrow(painter, ink, QPointF(8, 14), QPointF(8, 5.5))


def _clear(painter: QPainter, ink: QColor) -> None:
    painter.setPen(_pen(ink, 1.5))
    for y in (3.5, 7, 10.5):
        painter.drawLine(QPointF(2, y), QPointF(8, y))
    painter.drawLine(QPointF(10, 8), QPointF(14, 12))
    painter.drawLine(QPointF(14, 8), QPointF(10, 12))


_SIGNS = {"pause": _pause, "play": _play, "retry": _retry, "cancel": _cancel, "close": _close,
          "float": _float, "top": _top, "clear": _clear}  # fmt: skip


def _draw(name: str, size: int, palette: QPalette) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)  # drawn on a 16 x 16 grid
    ink = palette.color(QPalette.ColorRole.Text)
    accent = palette.color(QPalette.ColorRole.Highlight)
    KIND_DRAWINGS[name](painter, ink, accent)
    painter.end()
    return pixmap


def _upload(painter: QPainter, ink: QColor, accent: QColor) -> None:
    _tray(painter, ink)
    _arrow(painter, accent, QPointF(8, 11), QPointF(8, 2.5))


def _download(painter: QPainter, ink: QColor, accent: QColor) -> None:
    _tray(painter, ink)
    _arrow(painter, accent, QPointF(8, 2), QPointF(8, 10.5))


def _copy(painter: QPainter, ink: QColor, accent: QColor) -> None:
    _sheet(painter, ink, QRectF(2, 2, 8, 9.5))
    _sheet(painter, accent, QRectF(6, 4.5, 8, 9.5))


def _move(painter: QPainter, ink: QColor, accent: QColor) -> None:
    _arrow(painter, accent, QPointF(2, 8), QPointF(13.5, 8))


def _bin_sign(painter: QPainter, ink: QColor, accent: QColor) -> None:
    _bin(painter, ink)


#: The icons a transfer kind may name (``TransferKind.icon``): draw on the 16 x 16 grid
#: with the ink and accent colours.
KIND_DRAWINGS: dict[str, Callable[[QPainter, QColor, QColor], None]] = {
    "upload": _upload, "download": _download, "copy": _copy, "move": _move, "bin": _bin_sign,
}  # fmt: skip


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


class PaletteIconStyle(QProxyStyle):
    """The style with the docks' title-bar buttons and close buttons drawn in the palette's
    colours: Fusion's are dark grey, nearly invisible on a dark scheme."""

    _DRAWN = {
        QStyle.StandardPixmap.SP_TitleBarCloseButton: "close",
        QStyle.StandardPixmap.SP_DockWidgetCloseButton: "close",
        QStyle.StandardPixmap.SP_DialogCloseButton: "close",
        QStyle.StandardPixmap.SP_TitleBarNormalButton: "float",
    }

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        drawn = self._DRAWN.get(standardIcon)
        if drawn is not None:
            return line_icon(drawn)
        return super().standardIcon(standardIcon, option, widget)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Check boxes and radio buttons get a visible edge on a dark scheme: Fusion draws
        theirs a shade darker than the window, a dark box on a dark dialog."""
        super().drawPrimitive(element, option, painter, widget)
        box = element is QStyle.PrimitiveElement.PE_IndicatorCheckBox
        if not (box or element is QStyle.PrimitiveElement.PE_IndicatorRadioButton):
            return
        palette = option.palette
        if palette.color(QPalette.ColorRole.Window).lightness() >= 128:
            return  # light: Fusion's edge shows
        edge = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
        if not option.state & QStyle.StateFlag.State_Enabled:
            edge.setAlphaF(0.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(edge, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if box:
            painter.drawRoundedRect(rect, 1.0, 1.0)
        else:
            painter.drawEllipse(rect.adjusted(1.0, 1.0, -0.0, -0.0))
        painter.restore()
