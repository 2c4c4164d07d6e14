"""What a kind of file looks like in lists: its icon and its name ("PDF document"), from
its MIME type, or from its name's extension when the type says nothing
(``application/octet-stream``).

The icon comes from the desktop's icon theme (the type's own icon, then its generic
one); where there is no theme (offscreen, Windows, a bare window manager) a small built-in
set is drawn: a sheet with a sign of its kind. The name is shared-mime-info's comment.

Lists ask per visible cell, a million rows may hold a few dozen types: every answer is
kept per MIME type and per extension, so a cell costs a dictionary lookup. The MIME
database is read once, on a worker (``warm_up``), before the first list needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMimeDatabase, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

#: Types that say nothing about the content: the name's extension decides instead.
UNKNOWN_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "application/unknown", ""})
_SIZES = (16, 24, 32, 48, 64)


@dataclass(frozen=True, slots=True)
class FileType:
    """How a kind of file is shown: ``mime`` is the type (for a tooltip)."""

    mime: str
    label: str
    icon: QIcon


_by_type: dict[str, FileType] = {}
#: The looks found so far by MIME type (read-only for callers: a fast path for lists).
KNOWN_TYPES = _by_type
_by_extension: dict[str, FileType] = {}
_drawn: dict[str, QIcon] = {}
_database: QMimeDatabase | None = None


def warm_up() -> None:
    """Read the MIME database (disk I/O: call on a worker thread; the database is
    thread-safe), so the GUI thread's first lookup finds it loaded."""
    QMimeDatabase().mimeTypeForName("text/plain")


def _db() -> QMimeDatabase:
    global _database
    if _database is None:
        _database = QMimeDatabase()
    return _database


def file_type(content_type: str | None, name: Callable[[], str]) -> FileType:
    """The look of a file of ``content_type`` (``name()`` is asked only when the type
    says nothing). Cached: cheap enough for every painted cell."""
    if content_type and content_type not in UNKNOWN_TYPES:
        found = _by_type.get(content_type)
        if found is None:
            found = _by_type[content_type] = _look_up(content_type)
        return found
    base = name()
    dot = base.rfind(".")
    extension = base[dot:].lower() if dot > 0 else ""
    found = _by_extension.get(extension)
    if found is None:
        found = _by_extension[extension] = _from_extension(extension, content_type or "")
    return found


def _look_up(content_type: str) -> FileType:
    bare = content_type.split(";", 1)[0].strip().lower()
    mime = _db().mimeTypeForName(bare)
    if not mime.isValid():
        return FileType(content_type, content_type, _icon("", "", bare))
    label = mime.comment() or content_type
    icon = _icon(mime.iconName(), mime.genericIconName(), bare)
    return FileType(content_type, label[:1].upper() + label[1:], icon)


def _from_extension(extension: str, said: str) -> FileType:
    mime = _db().mimeTypeForFile("x" + extension, QMimeDatabase.MatchMode.MatchExtension)
    if not extension or not mime.isValid() or mime.isDefault():
        return FileType(said or "application/octet-stream", "File", _icon("", "", ""))
    found = _look_up(mime.name())
    return FileType(said or mime.name(), found.label, found.icon)


def _icon(own: str, generic: str, mime: str) -> QIcon:
    for name in (own, generic):
        if name and QIcon.hasThemeIcon(name):
            return QIcon.fromTheme(name)
    return drawn_icon(_category(own, generic, mime))


# -- the built-in set ---------------------------------------------------------------------------


def _category(own: str, generic: str, mime: str) -> str:
    if own == "application-pdf" or mime == "application/pdf":
        return "pdf"
    by_generic = {
        "image-x-generic": "image",
        "audio-x-generic": "audio",
        "video-x-generic": "video",
        "package-x-generic": "archive",
        "x-office-document": "document",
        "x-office-spreadsheet": "spreadsheet",
        "x-office-presentation": "presentation",
        "text-x-script": "code",
        "font-x-generic": "font",
        "text-x-generic": "text",
        "text-html": "code",
    }
    if generic in by_generic:
        return by_generic[generic]
    top = mime.partition("/")[0]
    return {"image": "image", "audio": "audio", "video": "video", "text": "text", "font": "font"}.get(top, "")


def drawn_icon(category: str) -> QIcon:
    """A sheet with the sign of ``category`` (``image``, ``pdf``, ``archive``…; "" for
    none), in fixed colours that read on light and dark lists alike."""
    icon = _drawn.get(category)
    if icon is None:
        icon = QIcon()
        for size in _SIZES:
            icon.addPixmap(_draw(category, size))
        _drawn[category] = icon
    return icon


_INK = QColor("#6b7280")
_SIGNS: dict[str, Callable[[QPainter], None]] = {}


def _sign(category: str) -> Callable[[Callable[[QPainter], None]], Callable[[QPainter], None]]:
    def register(draw: Callable[[QPainter], None]) -> Callable[[QPainter], None]:
        _SIGNS[category] = draw
        return draw

    return register


def _draw(category: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)  # drawn on a 16 x 16 grid
    sheet = QPainterPath(QPointF(3, 0.8))
    for x, y in ((10, 0.8), (13.2, 4), (13.2, 15.2), (3, 15.2)):
        sheet.lineTo(x, y)
    sheet.closeSubpath()
    painter.setPen(QPen(_INK, 0.9))
    painter.setBrush(QColor("#fbfbfc"))
    painter.drawPath(sheet)
    fold = QPainterPath(QPointF(10, 0.8))
    fold.lineTo(10, 4)
    fold.lineTo(13.2, 4)
    painter.setBrush(QColor("#dfe3e8"))
    painter.drawPath(fold)
    draw = _SIGNS.get(category)
    if draw is not None:
        draw(painter)
    painter.end()
    return pixmap


def _lines(painter: QPainter, colour: str, rows: tuple[float, ...], indent: tuple[float, ...] = ()) -> None:
    painter.setPen(_round(colour, 1.1))
    for number, y in enumerate(rows):
        left = 5 + (indent[number] if number < len(indent) else 0)
        painter.drawLine(QPointF(left, y), QPointF(11.2, y))


def _round(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _band(painter: QPainter, colour: str, top: float, height: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRect(QRectF(3.5, top, 9.2, height))


@_sign("text")
def _text(painter: QPainter) -> None:
    _lines(painter, "#9aa1ab", (6.5, 8.5, 10.5, 12.5))


@_sign("code")
def _code(painter: QPainter) -> None:
    _lines(painter, "#7c4dff", (6.5, 8.5, 10.5, 12.5), (0, 1.5, 1.5, 0))


@_sign("document")
def _document(painter: QPainter) -> None:
    _band(painter, "#2b6cd4", 4.8, 2.4)
    _lines(painter, "#9aa1ab", (9.2, 11.2, 13.2))


@_sign("pdf")
def _pdf(painter: QPainter) -> None:
    _band(painter, "#d7322d", 9, 4.5)
    _lines(painter, "#9aa1ab", (5.5, 7.3))


@_sign("spreadsheet")
def _spreadsheet(painter: QPainter) -> None:
    painter.setPen(_round("#1f9d55", 0.9))
    painter.setBrush(QColor("#d7f2e1"))
    painter.drawRect(QRectF(4.8, 6, 6.6, 7.2))
    for x in (7, 9.2):
        painter.drawLine(QPointF(x, 6), QPointF(x, 13.2))
    for y in (8.4, 10.8):
        painter.drawLine(QPointF(4.8, y), QPointF(11.4, y))


@_sign("presentation")
def _presentation(painter: QPainter) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e8711c"))
    painter.drawRoundedRect(QRectF(4.6, 6.5, 7, 5), 0.8, 0.8)


@_sign("image")
def _image(painter: QPainter) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#8ec9f5"))
    painter.drawRect(QRectF(4.4, 6.2, 7.6, 7.4))
    hills = QPainterPath(QPointF(4.4, 13.6))
    for x, y in ((7, 9.5), (8.6, 11.2), (10, 9.8), (12, 12.2), (12, 13.6)):
        hills.lineTo(x, y)
    hills.closeSubpath()
    painter.setBrush(QColor("#2e9d4f"))
    painter.drawPath(hills)
    painter.setBrush(QColor("#f5b82e"))
    painter.drawEllipse(QPointF(10.2, 7.8), 1, 1)


@_sign("archive")
def _archive(painter: QPainter) -> None:
    painter.setPen(_round("#9a6a22", 1.2))
    for y in (2.5, 4.5, 6.5, 8.5):
        painter.drawLine(QPointF(7.2, y), QPointF(8.8, y))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#9a6a22"))
    painter.drawRoundedRect(QRectF(6.4, 10, 3.2, 3.4), 0.6, 0.6)


@_sign("audio")
def _audio(painter: QPainter) -> None:
    painter.setPen(_round("#8e44ad", 1.2))
    painter.drawLine(QPointF(9.8, 6), QPointF(9.8, 11.8))
    painter.drawLine(QPointF(9.8, 6), QPointF(11.6, 7))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#8e44ad"))
    painter.drawEllipse(QPointF(8.5, 12), 1.6, 1.3)


@_sign("video")
def _video(painter: QPainter) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#374151"))
    painter.drawRect(QRectF(4.4, 6.5, 7.6, 6.5))
    painter.setBrush(QColor("#fbfbfc"))
    play = QPainterPath(QPointF(7.2, 8.2))
    play.lineTo(10, 9.75)
    play.lineTo(7.2, 11.3)
    play.closeSubpath()
    painter.drawPath(play)


@_sign("font")
def _font(painter: QPainter) -> None:
    font = QFont()
    font.setPixelSize(8)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#374151"))
    painter.drawText(QRectF(3.5, 5, 9.5, 9), int(Qt.AlignmentFlag.AlignCenter), "A")
