"""Folder Statistics…: what a folder or container holds, in a dialog of its own (the
counting panel and the cache are Properties' own: ``ui.properties.folder_stats``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from storebrowser.core.display import display_text
from storebrowser.core.places import Location
from storebrowser.find.stats import FolderStats
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.properties.folder_stats import StatsCache, StatsPanel

__all__ = ["StatsCache", "StatsDialog"]


class StatsDialog(QDialog):
    """The counts of one place; counting starts at once unless the cache has them."""

    def __init__(
        self, runner: TaskRunner, provider: Provider, place: Location, cache: StatsCache,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Folder Statistics"))
        self.panel = StatsPanel(runner, provider, place, cache)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        title = QLabel(display_text(place.text()))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
        # What the panel has, as the dialog had it (tests and callers read these).
        self.table, self.state = self.panel.table, self.panel.state
        self.stop_button, self.again_button = self.panel.stop_button, self.panel.again_button

    @property
    def stats(self) -> FolderStats | None:
        return self.panel.stats

    @property
    def counting(self) -> bool:
        return self.panel.counting

    def count(self) -> None:
        self.panel.count()

    def stop(self) -> None:
        self.panel.stop()

    def done(self, code: int) -> None:
        self.stop()  # closing the dialog ends the count
        super().done(code)
