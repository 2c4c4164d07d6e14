"""Quick Look (Shift+Space in the list, View > Quick Look): the preview panel in a larger
window of its own, over the explorer, for the current object. The same panel as the
docked preview (only a byte range is read: images scaled to fit, text with its encoding
choice); Space or Esc closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.properties.preview_panel import PreviewPanel

#: Share of the explorer window Quick Look covers.
COVER = 0.75


class QuickLook(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("quickLook")
        self.setWindowTitle(self.tr("Quick Look"))
        self.panel = PreviewPanel(runner, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.panel)
        # The panel leaves its two text views unnamed; here they are on screen at once, so
        # a screen reader must be able to tell them apart.
        self.panel.text_view.setAccessibleName(self.tr("Text"))
        self.panel.hex_view.setAccessibleName(self.tr("Hex"))
        # Space closes it wherever the focus is in it (the range fields take digits only).
        close = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(self.close)

    def show_object(self, provider: Provider, container: str, info: ObjectInfo) -> None:
        owner = self.parentWidget()
        if owner is not None:
            self.resize(int(owner.width() * COVER), int(owner.height() * COVER))
        self.setWindowTitle(self.tr("Quick Look: {name}").format(name=info.name))
        self.panel.show_object(provider, container, info)
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.show_object(None, "", None)  # a read under way is dropped
        super().closeEvent(event)
