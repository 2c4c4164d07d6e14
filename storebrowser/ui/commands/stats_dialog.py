"""Folder statistics: what a folder or container holds, counted on a worker while the
dialog shows the sums so far; Stop cancels, and a finished count is kept for the place
(``StatsCache``) until Count Again."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storebrowser.core.cancel import CancelToken
from storebrowser.core.display import display_lines, display_text
from storebrowser.core.places import Location
from storebrowser.find.stats import FolderStats, Tally, folder_stats
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.format import count_of, human_size

#: Sums shown while counting, at most this often.
PROGRESS_S = 0.25
#: Sub-folders listed by name; the rest are summed in one line.
SHOWN_FOLDERS = 200


class StatsCache:
    """Finished counts by place (one per window); Count Again replaces one."""

    def __init__(self) -> None:
        self._counts: dict[Location, FolderStats] = {}

    def get(self, place: Location) -> FolderStats | None:
        return self._counts.get(place)

    def put(self, place: Location, stats: FolderStats) -> None:
        self._counts[place] = stats

    def forget(self, place: Location) -> None:
        """``place`` changed: its count and those of the folders around it are stale."""
        for known in list(self._counts):
            if known.account == place.account and known.container == place.container:
                del self._counts[known]


class StatsDialog(QDialog):
    """The counts of one place; counting starts at once unless the cache has them."""

    def __init__(
        self, runner: TaskRunner, provider: Provider, place: Location, cache: StatsCache,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Folder Statistics"))
        self._runner, self._provider, self._place, self._cache = runner, provider, place, cache
        self._cancel: CancelToken | None = None
        self._generation = 0
        self.stats: FolderStats | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Statistics"))
        self.table.setColumnCount(3)
        self.table.setHeaderLabels([self.tr("What"), self.tr("Objects"), self.tr("Size")])
        self.table.setRootIsDecorated(False)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.again_button = QPushButton(self.tr("Count Again"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.stop_button.clicked.connect(self.stop)
        self.again_button.clicked.connect(self.count)
        layout = QVBoxLayout(self)
        title = QLabel(display_text(place.text()))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
        cached = cache.get(place)
        if cached is not None:
            self._show(cached)
            self._set_counting(False, self.tr("Counted before; Count Again counts anew."))
        else:
            self.count()

    @property
    def counting(self) -> bool:
        return self._cancel is not None

    def count(self) -> None:
        """Count the place from scratch on a worker."""
        self.stop()
        self._generation += 1
        generation = self._generation
        cancel = self._cancel = CancelToken()
        provider, place = self._provider, self._place

        def produce(emit: Callable[[FolderStats], None]) -> None:
            provider.ensure_connected()
            last = [0.0]

            def progress(stats: FolderStats) -> None:
                now = time.monotonic()
                if now - last[0] >= PROGRESS_S:
                    last[0] = now
                    emit(stats)

            emit(folder_stats(provider, place.container, place.prefix, cancel=cancel, progress=progress))

        self._set_counting(True, self.tr("Counting…"))
        self._runner.run_feed(produce, lambda result: self._arrived(generation, result))

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None
            self._generation += 1
            self._set_counting(False, self.tr("Stopped: the sums below are what was counted so far."))

    def done(self, code: int) -> None:
        self.stop()  # closing the dialog ends the count
        super().done(code)

    def _arrived(self, generation: int, result: TaskResult[FolderStats]) -> None:
        if generation != self._generation:
            return
        if not result.ok or result.value is None:
            self._cancel = None
            self._set_counting(False, display_lines(result.message()))
            return
        stats = result.value
        self._show(stats)
        if stats.finished:
            self._cancel = None
            if stats.complete:
                self._cache.put(self._place, stats)
                self._set_counting(False, self.tr("Done."))
            else:
                parts = "; ".join(gap.describe() for gap in stats.missing)
                incomplete = self.tr("Incomplete: could not list {parts}").format(parts=parts)
                self._set_counting(False, display_lines(incomplete))
        else:
            self.state.setText(self.tr("Counting… {objects} so far").format(
                objects=count_of(stats.total.objects, self.tr("object"), self.tr("objects"))))  # fmt: skip

    def _set_counting(self, counting: bool, text: str) -> None:
        self.stop_button.setEnabled(counting)
        self.again_button.setEnabled(not counting)
        self.state.setText(text)

    def _show(self, stats: FolderStats) -> None:
        self.stats = stats
        self.table.clear()
        rows = [(self.tr("Total"), stats.total)]
        if any(stats.by_class):  # a service that names no class: no line that says nothing
            rows += [(self.tr("Class {name}").format(name=name or self.tr("(not said)")), tally)
                     for name, tally in sorted(stats.by_class.items())]  # fmt: skip
        folders = sorted(stats.by_folder.items(), key=lambda item: -item[1].bytes)
        rows += [(name or self.tr("(objects here)"), tally) for name, tally in folders[:SHOWN_FOLDERS]]
        if len(folders) > SHOWN_FOLDERS:
            rest = Tally(sum(t.objects for _, t in folders[SHOWN_FOLDERS:]),
                         sum(t.bytes for _, t in folders[SHOWN_FOLDERS:]))  # fmt: skip
            rows.append((self.tr("{n} more folders").format(n=len(folders) - SHOWN_FOLDERS), rest))
        for label, tally in rows:
            item = QTreeWidgetItem([display_text(label), f"{tally.objects:,}", human_size(tally.bytes)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(2, f"{tally.bytes:,} bytes")
            self.table.addTopLevelItem(item)
        total = self.table.topLevelItem(0)
        if total is not None:  # the first row, the total, in bold
            font = total.font(0)
            font.setBold(True)
            for column in range(3):
                total.setFont(column, font)
        self.table.resizeColumnToContents(0)
