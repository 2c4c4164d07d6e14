"""Each account's colour: it marks the account's tabs and its row in the tree, so two
tabs of two accounts with the same container names are told apart at a glance.

The colour is chosen from a small palette by the account's name (stable across runs,
no setting to store); the palettes' hues are far enough apart to tell light and dark."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from storebrowser.ui.places.tree_model import AccountTreeModel, NodeKind

PALETTE = ("#3b82f6", "#e0702a", "#16a34a", "#c026d3", "#dc2626", "#0891b2", "#ca8a04", "#7c3aed")
SWATCH = 12
MARKER_WIDTH = 4


def account_colour(account: str) -> QColor:
    return QColor(PALETTE[zlib.crc32(account.encode("utf-8")) % len(PALETTE)])


def swatch(account: str) -> QIcon:
    """A small rounded square in the account's colour, for its tabs."""
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(account_colour(account))
    painter.drawRoundedRect(1, 1, SWATCH - 2, SWATCH - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class AccountMarkers(QStyledItemDelegate):
    """The tree's rows as before, an account's row with a bar of its colour at its right."""

    def __init__(self, model: AccountTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        if self._model.kind_at(index) is not NodeKind.ACCOUNT:
            return
        location = self._model.location_at(index)
        if location is None:
            return
        rect: QRect = option.rect
        bar = QRect(rect.right() - MARKER_WIDTH - 2, rect.top() + 3, MARKER_WIDTH, rect.height() - 6)
        painter.fillRect(bar, account_colour(location.account))
