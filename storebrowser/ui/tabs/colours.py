"""Each account's colour (chosen in the Accounts dialog, else picked by its name:
``core.colours``) marks the account's tabs and its row in the tree, so two tabs of two
accounts with the same container names are told apart at a glance."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtGui import QColor, QIcon, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from storebrowser.core.colours import account_colour
from storebrowser.ui.icons import swatch_icon
from storebrowser.ui.places.tree_model import AccountTreeModel, NodeKind

MARKER_WIDTH = 4


def _settings(model: AccountTreeModel, account: str) -> Mapping[str, object] | None:
    entry = model.entry(account)
    return entry.account.settings if entry is not None and entry.account is not None else None


def colour_in(model: AccountTreeModel, account: str) -> str:
    """The account's colour, from its settings as the tree has them; a picked colour
    avoids the other accounts' (a handful: cheap enough for a paint)."""
    others = {name: _settings(model, name) for name in model.account_names() if name != account}
    return account_colour(account, _settings(model, account), others)


def swatch(model: AccountTreeModel, account: str) -> QIcon:
    return swatch_icon(colour_in(model, account))


class AccountMarkers(QStyledItemDelegate):
    """The tree's rows as before, an account's row with a bar of its colour at its right
    while there are two accounts or more: the colour tells accounts apart, and a lone
    account's bar (the first start's "Local files") told a newcomer nothing."""

    def __init__(self, model: AccountTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        location = self._model.location_at(index)
        alone = len(self._model.account_names()) < 2
        if alone or self._model.kind_at(index) is not NodeKind.ACCOUNT or location is None:
            super().paint(painter, option, index)
            return
        rect = QRect(option.rect)
        text = QStyleOptionViewItem(option)  # the name elides before the bar, never under it
        text.rect = QRect(rect.left(), rect.top(), rect.width() - MARKER_WIDTH - 4, rect.height())
        super().paint(painter, text, index)
        bar = QRect(rect.right() - MARKER_WIDTH - 1, rect.top() + 3, MARKER_WIDTH, rect.height() - 6)
        painter.fillRect(bar, QColor(colour_in(self._model, location.account)))
