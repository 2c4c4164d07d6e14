"""Properties of a folder or container: what it holds (objects and bytes in total, by
storage class, by top-level sub-folder), counted on a worker while the sums so far are
shown; Stop cancels, and a finished count is kept for the place (``StatsCache``, one per
window, shared with the Size column of folder rows) until it changes or is refreshed.

``StatsPanel`` is the counting widget (the Folder Statistics… dialog shows it too);
``FolderProperties`` is the Properties dialog of a folder or container, its tabs in a
``QTabWidget`` (``add_tab`` for more)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
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
from storebrowser.ui.format import count_of, human_size, number

#: Sums shown while counting, at most this often.
PROGRESS_S = 0.25
#: Sub-folders listed by name; the rest are summed in one line.
SHOWN_FOLDERS = 200


class StatsCache:
    """Finished counts by place (one per window); Count Again replaces one."""

    def __init__(self) -> None:
        self._counts: dict[Location, FolderStats] = {}

    def __len__(self) -> int:
        return len(self._counts)

    def get(self, place: Location) -> FolderStats | None:
        return self._counts.get(place)

    def put(self, place: Location, stats: FolderStats) -> None:
        self._counts[place] = stats

    def tally(self, place: Location) -> Tally | None:
        """What ``place`` holds, from its own count or from its parent's sub-folders."""
        own = self._counts.get(place)
        if own is not None:
            return own.total
        parent = place.parent()
        counted = self._counts.get(parent) if parent is not None and not parent.is_account else None
        if counted is None or counted.depth != 1 or not place.prefix:
            return None
        return counted.by_folder.get(place.prefix[len(counted.prefix) :], Tally())

    def snapshot(self) -> StatsCache:
        """A copy for a worker to read while this one changes."""
        copy = StatsCache()
        copy._counts = dict(self._counts)
        return copy

    def forget(self, place: Location) -> None:
        """``place`` changed: its count and those of the folders around it are stale."""
        for known in list(self._counts):
            if known.account == place.account and known.container == place.container:
                del self._counts[known]


def count_place(
    provider: Provider, place: Location, cancel: CancelToken, emit: Callable[[FolderStats], None]
) -> None:
    """Count ``place`` (on a worker): a snapshot at most every ``PROGRESS_S``, then the end."""
    provider.ensure_connected()
    last = [0.0]

    def progress(stats: FolderStats) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_S:
            last[0] = now
            emit(stats)

    emit(folder_stats(provider, place.container, place.prefix, cancel=cancel, progress=progress))


class StatsPanel(QWidget):
    """The counts of one place; counting starts at once unless the cache has them.

    ``counted`` is emitted with a finished, complete count (after it is cached)."""

    counted = Signal(object)

    def __init__(
        self, runner: TaskRunner, provider: Provider, place: Location, cache: StatsCache,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
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
        self.stop_button.clicked.connect(self.stop)
        self.again_button.clicked.connect(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
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
        self._set_counting(True, self.tr("Counting…"))

        def produce(emit: Callable[[FolderStats], None]) -> None:
            count_place(provider, place, cancel, emit)

        def arrived(result: TaskResult[FolderStats]) -> None:
            self._arrived(generation, result)

        self._runner.run_feed(produce, arrived)

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None
            self._generation += 1
            self._set_counting(False, self.tr("Stopped: the sums below are what was counted so far."))

    def _arrived(self, generation: int, result: TaskResult[FolderStats]) -> None:
        if generation != self._generation:
            return
        if not result.ok or result.value is None:
            self._cancel = None
            self._set_counting(False, display_lines(result.message()))
            return
        stats = result.value
        self._show(stats)
        if not stats.finished:
            self.state.setText(self.tr("Counting… {objects} so far").format(
                objects=count_of(stats.total.objects, self.tr("object"), self.tr("objects"))))  # fmt: skip
            return
        self._cancel = None
        if stats.complete:
            self._cache.put(self._place, stats)
            self._set_counting(False, self.tr("Done."))
            self.counted.emit(stats)
        else:
            parts = "; ".join(gap.describe() for gap in stats.missing)
            incomplete = self.tr("Incomplete: could not list {parts}").format(parts=parts)
            self._set_counting(False, display_lines(incomplete))

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
        folders = sorted(stats.by_folder.items(), key=lambda item: (-item[1].bytes, item[0]))
        rows += [(name or self.tr("(objects here)"), tally) for name, tally in folders[:SHOWN_FOLDERS]]
        if len(folders) > SHOWN_FOLDERS:
            rest = Tally(sum(t.objects for _, t in folders[SHOWN_FOLDERS:]),
                         sum(t.bytes for _, t in folders[SHOWN_FOLDERS:]))  # fmt: skip
            rows.append((self.tr("{n} more folders").format(n=len(folders) - SHOWN_FOLDERS), rest))
        for label, tally in rows:
            item = QTreeWidgetItem([display_text(label), number(tally.objects), human_size(tally.bytes)])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(2, self.tr("{n} bytes").format(n=number(tally.bytes)))
            self.table.addTopLevelItem(item)
        total = self.table.topLevelItem(0)
        if total is not None:  # the first row, the total, in bold
            font = total.font(0)
            font.setBold(True)
            for column in range(3):
                total.setFont(column, font)
        self.table.resizeColumnToContents(0)


class FolderProperties(QDialog):
    """Properties of a folder or container: its place, and a Statistics tab (counted at
    once unless kept); other tabs are added with ``add_tab``."""

    def __init__(
        self, runner: TaskRunner, provider: Provider, place: Location, cache: StatsCache,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Properties of {place}").format(place=display_text(place.text())))
        self.place = place
        title = QLabel(display_text(place.text()))
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.statistics = StatsPanel(runner, provider, place, cache)
        self.add_tab(self.statistics, self.tr("Statistics"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(600, 460)

    def add_tab(self, widget: QWidget, label: str) -> None:
        self.tabs.addTab(widget, label)

    def done(self, code: int) -> None:
        self.statistics.stop()  # closing the dialog ends the count
        super().done(code)
