"""How the accounts dialog lists accounts: an icon per kind, the name, the kind below."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from storebrowser.providers.registry import ProviderKind
from storebrowser.ui.icons import cloud_icon

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


def kind_icon(widget: QWidget, kind: ProviderKind) -> QIcon:
    """The style's folder icon for a kind on this computer, a cloud in the service's colour
    for a service that has one, the style's network drive for the rest."""
    if kind.accent:
        return cloud_icon(kind.accent)
    folder = kind.icon == "folder"
    pixmap = QStyle.StandardPixmap.SP_DirIcon if folder else QStyle.StandardPixmap.SP_DriveNetIcon
    return widget.style().standardIcon(pixmap)


class AccountDelegate(QStyledItemDelegate):
    """Two lines per account: its name, and its kind in small grey text below."""

    ICON = 24

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        lines = option.fontMetrics.height() + self._small(option.font).pointSizeF() * 1.6
        return QSize(200, int(max(lines, self.ICON) + 10))

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        style = item.widget.style() if item.widget is not None else QApplication.style()
        item.text, item.icon = "", QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(6, 5, -6, -5)
        icon: QIcon = index.data(Qt.ItemDataRole.DecorationRole)
        icon_rect = QRect(rect.left(), rect.center().y() - self.ICON // 2, self.ICON, self.ICON)
        icon.paint(painter, icon_rect)
        text = rect.adjusted(self.ICON + 8, 0, 0, 0)
        palette = option.palette
        main = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        grey = main if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.setPen(main)
        painter.setFont(option.font)
        name = option.fontMetrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, text.width())
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, name)
        small = self._small(option.font)
        painter.setFont(small)
        painter.setPen(grey)
        label = str(index.data(KIND_ROLE))
        kind = QFontMetrics(small).elidedText(label, Qt.TextElideMode.ElideRight, text.width())
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, kind)
        painter.restore()

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.88)
        return small
