"""An image as large as the panel allows (never enlarged), scaled again when the panel's
size changes. Scaling happens when it is painted: a hidden tab scales nothing, and the
first paint after it is shown fits the size it really has."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class FittedImage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewImage")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._image: QImage | None = None
        self._scaled: QPixmap | None = None

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self._scaled = None
        self.update()

    def shown_size(self) -> QSize:
        """The size the image is drawn at in this widget's current size (empty: none)."""
        if self._image is None or self._image.isNull():
            return QSize()
        size = self._image.size()
        room = self.contentsRect().size()
        if size.width() > room.width() or size.height() > room.height():
            size = size.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        return size

    def sizeHint(self) -> QSize:
        return QSize(240, 180)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._scaled = None  # made again at the next paint, for the new size
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        size = self.shown_size()
        if size.isEmpty() or self._image is None:
            return
        ratio = self.devicePixelRatioF()
        if self._scaled is None or self._scaled.deviceIndependentSize().toSize() != size:
            pixels = QSize(round(size.width() * ratio), round(size.height() * ratio))
            scaled = self._image.scaled(
                pixels, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            self._scaled = QPixmap.fromImage(scaled)
            self._scaled.setDevicePixelRatio(ratio)
        area = self.contentsRect()
        corner = QPoint(
            area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2
        )
        painter = QPainter(self)
        painter.drawPixmap(QRect(corner, size), self._scaled)
        painter.end()
