"""View > Calculate Folder Sizes: the Size column of folder rows filled in on workers.

With folders selected, each of them is counted (the walk of ``find.stats``); with none,
every folder of the place at once, from one walk of the place (its sums by sub-folder).
Counts kept by Properties' statistics (``StatsCache``) are used without listing again,
and what is counted here is kept there. While counting, a folder's cell shows the sum so
far, set apart (``ui.objects.cells.counting_look``); a count that could not list every
part is not shown as a size (the cell is emptied and the message says which part).
Sorting by size then orders the folders too (once a count is done, not at each sum so
far). Leaving the place, Refresh or View > Stop ends a count. When a place is listed
again, the folders whose counts are kept show their sizes at once, looked up on a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from storebrowser.core.cancel import CancelToken
from storebrowser.core.display import display_lines
from storebrowser.core.places import Location
from storebrowser.find.stats import FolderStats, Tally
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult
from storebrowser.table.arrays import RowIds, row_ids
from storebrowser.table.columns import ObjectColumns
from storebrowser.table.folder_sizes import FolderSizes
from storebrowser.ui.commands.operations import CommandGroup, Operations
from storebrowser.ui.objects.model import ObjectTableModel
from storebrowser.ui.properties.folder_stats import StatsCache, count_place


@dataclass(slots=True)
class Counted:
    """What a worker found: ``bytes[i]`` in ``rows[i]`` (sums so far when ``counting``),
    counts to keep, and rows whose count failed (with why)."""

    rows: RowIds
    bytes: NDArray[np.int64]
    counting: bool
    keep: list[tuple[Location, FolderStats]] = field(default_factory=list)
    failed: RowIds | None = None
    problem: str = ""
    # The last answer of the request.
    done: bool = False


@dataclass(frozen=True, slots=True)
class Job:
    """One request: the folder rows of the place, their keys' columns, the counts known."""

    place: Location
    rows: RowIds
    columns: ObjectColumns
    known: StatsCache
    whole: bool  # every folder of the place: one walk of the place


class FolderSizeCommands(CommandGroup):
    def __init__(self, operations: Operations, model: ObjectTableModel, cache: StatsCache) -> None:
        super().__init__(operations)
        self.model, self.cache = model, cache
        self._cancel: CancelToken | None = None
        self._counting: tuple[FolderSizes, RowIds] | None = None
        model.modelReset.connect(self.stop)  # another place, or Refresh: the rows are gone
        model.loadingChanged.connect(lambda loading: None if loading else self.fill_from_cache())

    def handlers(self) -> dict[str, Callable[[], None]]:
        """What each action does, by action name."""
        return {"folder_sizes": self.calculate}

    @property
    def counting(self) -> bool:
        return self._cancel is not None

    def calculate(self) -> None:
        """Count the selected folders, or every folder of the place when none is selected."""
        place = self.places.location
        if place is None or place.is_account or self.model.criteria is not None:
            return
        selection = self.places.selection()
        folders = row_ids(selection.split()[1])
        whole = not len(folders)
        rows = self.model.folder_rows() if whole else folders
        if not len(rows):
            self.messages.show_info(self.tr("There are no folders here to count."))
            return
        self.stop()
        sizes = self.model.folder_sizes
        self.model.show_folder_sizes(sizes, rows, None, counting=True)
        cancel = self._cancel = CancelToken()
        self._counting = (sizes, rows)
        job = Job(place, rows, self.model.columns_snapshot(), self.cache.snapshot(), whole)

        def arrived(result: TaskResult[Counted]) -> None:
            self._arrived(cancel, sizes, result)

        def start(provider: Provider) -> None:
            def produce(emit: Callable[[Counted], None]) -> None:
                count_folders(provider, job, cancel, emit)

            self.context.runner.run_feed(produce, arrived)

        self.places.with_provider(place.account, start, place=place)

    def fill_from_cache(self) -> None:
        """The listing is in: its folders whose counts are kept show them (no listing)."""
        place = self.places.location
        if place is None or place.is_account or self.model.criteria is not None or self.counting:
            return
        if not len(self.cache):
            return  # nothing kept (the common case): no worker
        sizes, rows = self.model.folder_sizes, self.model.folder_rows()
        if not len(rows):
            return
        job = Job(place, rows, self.model.columns_snapshot(), self.cache.snapshot(), True)

        def arrived(result: TaskResult[Counted | None]) -> None:
            if result.ok and result.value is not None and not self.counting:
                self.model.show_folder_sizes(sizes, result.value.rows, result.value.bytes, counting=False)

        self.context.runner.run(lambda: kept_sizes(job), arrived)

    def stop(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None
        if self._counting is not None:
            sizes, rows = self._counting
            self._counting = None
            self.model.stop_folder_sizes(sizes, rows)

    def _arrived(self, cancel: CancelToken, sizes: FolderSizes, result: TaskResult[Counted]) -> None:
        if cancel is not self._cancel:
            return  # stopped, or another count began
        if not result.ok or result.value is None:
            self.stop()
            self.messages.show_error(display_lines(result.message()))
            return
        counted = result.value
        for place, stats in counted.keep:
            self.cache.put(place, stats)
        self.model.show_folder_sizes(sizes, counted.rows, counted.bytes, counting=counted.counting)
        if counted.failed is not None:
            self.model.stop_folder_sizes(sizes, counted.failed)
            problem = self.tr("Incomplete: could not list {parts}").format(parts=counted.problem)
            self.messages.show_error(display_lines(problem))
        if counted.done:
            self._cancel = self._counting = None


def kept_sizes(job: Job) -> Counted | None:
    """On a worker: the sizes of ``job.rows`` that kept counts know (``None``: none)."""
    cut = len(job.place.prefix)
    keys = job.columns.keys_of(job.rows.tolist())
    whole = job.known.get(job.place)
    if whole is not None:
        by_folder = whole.by_folder
        every = np.fromiter((by_folder.get(key[cut:], _NONE).bytes for key in keys), np.int64, len(keys))
        return Counted(job.rows, every, False)
    tallies = (job.known.tally(job.place.folder(key)) for key in keys)
    found = [(i, tally.bytes) for i, tally in enumerate(tallies) if tally is not None]
    if not found:
        return None
    at, sizes = zip(*found, strict=True)
    return Counted(job.rows[list(at)], np.array(sizes, np.int64), False)


def count_folders(provider: Provider, job: Job, cancel: CancelToken, emit: Callable[[Counted], None]) -> None:
    """On a worker: the sizes of ``job.rows``, as they are counted."""
    keys = job.columns.keys_of(job.rows.tolist())
    if job.whole:
        _count_place(provider, job, keys, cancel, emit)
    else:
        for row, key in zip(job.rows.tolist(), keys, strict=True):
            _count_folder(provider, job, row, key, cancel, emit)
    emit(Counted(job.rows[:0], np.empty(0, np.int64), False, done=True))


def _count_place(
    provider: Provider, job: Job, keys: list[str], cancel: CancelToken, emit: Callable[[Counted], None]
) -> None:
    """Every folder of the place from one walk of it (its sums by sub-folder)."""
    cut = len(job.place.prefix)
    names = [key[cut:] for key in keys]

    def sizes_of(stats: FolderStats) -> NDArray[np.int64]:
        by_folder = stats.by_folder
        return np.fromiter((by_folder.get(name, _NONE).bytes for name in names), np.int64, len(names))

    known = job.known.get(job.place)
    if known is not None:
        emit(Counted(job.rows, sizes_of(known), False, [(job.place, known)]))
        return

    def step(stats: FolderStats) -> None:
        if not stats.finished:
            emit(Counted(job.rows, sizes_of(stats), True))
        elif stats.complete:
            emit(Counted(job.rows, sizes_of(stats), False, [(job.place, stats)]))
        else:
            problem = "; ".join(gap.describe() for gap in stats.missing)
            emit(Counted(job.rows[:0], np.empty(0, np.int64), False, failed=job.rows, problem=problem))

    count_place(provider, job.place, cancel, step)


def _count_folder(
    provider: Provider, job: Job, row: int, key: str, cancel: CancelToken, emit: Callable[[Counted], None]
) -> None:
    place = job.place.folder(key)
    rows = np.array([row], np.uint32)
    known = job.known.tally(place)
    if known is not None:
        emit(Counted(rows, np.array([known.bytes], np.int64), False))
        return

    def step(stats: FolderStats) -> None:
        size = np.array([stats.total.bytes], np.int64)
        if not stats.finished:
            emit(Counted(rows, size, True))
        elif stats.complete:
            emit(Counted(rows, size, False, [(place, stats)]))
        else:
            problem = "; ".join(gap.describe() for gap in stats.missing)
            emit(Counted(rows[:0], size[:0], False, failed=rows, problem=problem))

    count_place(provider, place, cancel, step)


_NONE = Tally()
