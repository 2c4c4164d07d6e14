"""The account's colour in the Accounts dialog: Automatic (picked by the account's name)
or one of the palette's, each shown with its swatch; saved as the account's ``colour``
setting (``core.colours``), which marks its tabs and its row in the tree."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from storebrowser.core.colours import COLOUR_SETTING, PALETTE, colour_problem
from storebrowser.ui.icons import swatch_icon


class ColourChoice(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("account-colour")
        self.setToolTip(self.tr("Marks the account's tabs and its row in the tree"))
        self.addItem(self.tr("Automatic"), None)
        for name, colour in PALETTE:
            self.addItem(swatch_icon(colour), QCoreApplication.translate("Colours", name), colour)

    def colour(self) -> str | None:
        value = self.currentData()
        return value if isinstance(value, str) else None

    def set_colour(self, settings: Mapping[str, object] | None) -> None:
        """The account's saved colour; one not in the palette (set with the CLI) is added."""
        chosen = (settings or {}).get(COLOUR_SETTING)
        if not isinstance(chosen, str) or colour_problem(chosen) is not None:
            self.setCurrentIndex(0)
            return
        index = self.findData(chosen)
        if index < 0:
            self.addItem(swatch_icon(chosen), chosen, chosen)
            index = self.count() - 1
        self.setCurrentIndex(index)
