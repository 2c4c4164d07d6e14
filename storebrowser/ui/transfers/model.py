"""The transfer queue as a tree: jobs at the top, their items below, fed by snapshots.

Each snapshot turns into the few signals it needs: rows removed and inserted when jobs
go and come, a move when a job goes to the top, and ``dataChanged`` over the rows whose
figures changed. A job's items become rows only once a view expands it (``fetchMore``),
so a job of 10,000 files costs nothing per refresh until someone looks at its items,
and then one quick comparison of three counters per item.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QStyle

from storebrowser.core.display import display_lines, display_text
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.transfers.jobs import JobKind, State
from storebrowser.transfers.kinds import kind_of
from storebrowser.transfers.progress import EngineSnapshot, ItemSnapshot, JobSnapshot
from storebrowser.ui.file_types import file_type
from storebrowser.ui.format import human_size
from storebrowser.ui.icons import kind_icon
from storebrowser.ui.transfers import text
from storebrowser.ui.transfers.text import Transfers

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    NAME = 0
    PROGRESS = 1
    STATE = 2
    SIZE = 3
    RATE = 4
    ETA = 5
    MESSAGE = 6


HEADERS = (
    QT_TRANSLATE_NOOP("Transfers", "Name"),
    QT_TRANSLATE_NOOP("Transfers", "Progress"),
    QT_TRANSLATE_NOOP("Transfers", "State"),
    QT_TRANSLATE_NOOP("Transfers", "Size"),
    QT_TRANSLATE_NOOP("Transfers", "Rate"),
    QT_TRANSLATE_NOOP("Transfers", "Time left"),
    QT_TRANSLATE_NOOP("Transfers", "Message"),
)
#: Progress as a float 0-100, or None while the total is unknown (the delegate reads it).
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's ``State``.
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
#: The id of the row's job (items too).
JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 3

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_NUMERIC = (Column.SIZE, Column.RATE, Column.ETA)
_ROOT_ID = 0  # internalId of top-level rows; a child's is its job's serial


@dataclass(eq=False)
class _JobRow:
    snap: JobSnapshot
    serial: int
    row: int = 0
    #: Item rows exposed to views (0 until a view expands the job).
    fetched: int = 0


def _shown_items(job: JobSnapshot) -> int:
    """A job of one item is a leaf: its row says all there is."""
    return len(job.items) if len(job.items) > 1 else 0


def _job_looks(job: JobSnapshot) -> tuple[object, ...]:
    return (job.state, job.done, job.total, job.rate, job.eta, job.error, len(job.items),
            _single(job))  # fmt: skip


def _single(job: JobSnapshot) -> ItemSnapshot | None:
    return job.items[0] if len(job.items) == 1 else None


def _item_changed(old: ItemSnapshot, new: ItemSnapshot) -> bool:
    # The engine hands an unchanged idle item's snapshot back as is. A note or an error
    # only comes with a change of state; a running item's rate moves.
    return old is not new and (
        old.state is not new.state
        or old.done != new.done
        or old.total != new.total
        or new.state is State.RUNNING
    )


class TransfersModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_JobRow] = []
        self._by_id: dict[str, _JobRow] = {}
        self._by_serial: dict[int, _JobRow] = {}
        self._serials = itertools.count(1)
        self._updating = False
        self._fetch_later: set[int] = set()
        #: Jobs whose worker waits for the user's answer to a question ("already there").
        self._waiting: set[str] = set()

    # -- feeding --------------------------------------------------------------------------

    def update(self, snap: EngineSnapshot) -> None:
        """Bring the rows to ``snap`` with the fewest signals."""
        self._updating = True
        try:
            self._remove_gone({job.id for job in snap.jobs})
            self._place_rows(snap.jobs)
            self._refresh_rows(snap.jobs)
        finally:
            self._updating = False

    def _remove_gone(self, wanted: set[str]) -> None:
        for row in reversed(range(len(self._rows))):
            job_row = self._rows[row]
            if job_row.snap.id in wanted:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._by_id[job_row.snap.id]
            del self._by_serial[job_row.serial]
            self._renumber(row)
            self.endRemoveRows()

    def _place_rows(self, jobs: tuple[JobSnapshot, ...]) -> None:
        """Insert new jobs (a run of them at once) and move reordered ones, so that rows
        follow the queue order."""
        position = 0
        while position < len(jobs):
            current = self._by_id.get(jobs[position].id)
            if current is None:
                end = position + 1
                while end < len(jobs) and jobs[end].id not in self._by_id:
                    end += 1
                self._insert_jobs(position, jobs[position:end])
                position = end
                continue
            if current.row != position:  # only ever up: everything above is in order
                source = current.row
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), position)
                self._rows.insert(position, self._rows.pop(source))
                self._renumber(position)
                self.endMoveRows()
            position += 1

    def _insert_jobs(self, position: int, jobs: tuple[JobSnapshot, ...]) -> None:
        self.beginInsertRows(QModelIndex(), position, position + len(jobs) - 1)
        new_rows = [_JobRow(job, next(self._serials)) for job in jobs]
        self._rows[position:position] = new_rows
        for job_row in new_rows:
            self._by_id[job_row.snap.id] = job_row
            self._by_serial[job_row.serial] = job_row
        self._renumber(position)
        self.endInsertRows()

    def _renumber(self, start: int) -> None:
        for row in range(start, len(self._rows)):
            self._rows[row].row = row

    def _refresh_rows(self, jobs: tuple[JobSnapshot, ...]) -> None:
        changed: list[int] = []
        for job in jobs:
            job_row = self._by_id[job.id]
            old, job_row.snap = job_row.snap, job
            if old is job:
                continue
            if _job_looks(old) != _job_looks(job):
                changed.append(job_row.row)
            if job_row.fetched:
                self._refresh_items(job_row, old)
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))

    def _refresh_items(self, job_row: _JobRow, old: JobSnapshot) -> None:
        new_items = job_row.snap.items
        parent = self.index(job_row.row, 0)
        if len(new_items) < job_row.fetched:  # cannot happen today; stay consistent anyway
            self.beginRemoveRows(parent, 0, job_row.fetched - 1)
            job_row.fetched = 0
            self.endRemoveRows()
            return
        changed = [
            n for n, (before, now) in enumerate(zip(old.items[: job_row.fetched], new_items, strict=False))
            if _item_changed(before, now)
        ]  # fmt: skip
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0, parent), self.index(last, len(Column) - 1, parent))

    def set_waiting(self, job_id: str, waiting: bool) -> None:
        """The job waits for an answer (or no longer): its row says so instead of a
        progress that does not move."""
        if waiting == (job_id in self._waiting):
            return
        if waiting:
            self._waiting.add(job_id)
        else:
            self._waiting.discard(job_id)
        row = self.job_row(job_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def waiting(self, job_id: str) -> bool:
        return job_id in self._waiting

    # -- lookup ---------------------------------------------------------------------------

    def job_at(self, index: AnyIndex) -> JobSnapshot | None:
        """The job of a job row or of one of its item rows."""
        if not index.isValid():
            return None
        if index.internalId() == _ROOT_ID:
            return self._rows[index.row()].snap if index.row() < len(self._rows) else None
        job_row = self._by_serial.get(index.internalId())
        return job_row.snap if job_row is not None else None

    def item_at(self, index: AnyIndex) -> ItemSnapshot | None:
        job_row = self._by_serial.get(index.internalId()) if index.isValid() else None
        if job_row is None or index.row() >= job_row.fetched:
            return None
        return job_row.snap.items[index.row()]

    def job_row(self, job_id: str) -> int:
        """The row of a job, or -1."""
        job_row = self._by_id.get(job_id)
        return job_row.row if job_row is not None else -1

    # -- structure ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if row < 0 or not 0 <= column < len(Column):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _ROOT_ID) if row < len(self._rows) else QModelIndex()
        job_row = self._top_row(parent)
        if job_row is None or parent.column() != 0 or row >= job_row.fetched:
            return QModelIndex()
        return self.createIndex(row, column, job_row.serial)

    # Qt overloads parent(): no argument, the QObject's parent; an index, the index's.
    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # index only
        if not index.isValid() or index.internalId() == _ROOT_ID:
            return QModelIndex()
        job_row = self._by_serial.get(index.internalId())
        return self.createIndex(job_row.row, 0, _ROOT_ID) if job_row is not None else QModelIndex()

    def _top_row(self, index: AnyIndex) -> _JobRow | None:
        if index.internalId() != _ROOT_ID or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._rows)
        job_row = self._top_row(parent)
        return job_row.fetched if job_row is not None and parent.column() == 0 else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return len(Column)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._rows)
        job_row = self._top_row(parent)
        return job_row is not None and parent.column() == 0 and _shown_items(job_row.snap) > 0

    def canFetchMore(self, parent: AnyIndex) -> bool:
        job_row = self._top_row(parent) if parent.isValid() else None
        if job_row is None or parent.column() != 0 or job_row.serial in self._fetch_later:
            return False
        return job_row.fetched < _shown_items(job_row.snap)

    def fetchMore(self, parent: AnyIndex) -> None:
        job_row = self._top_row(parent) if self.canFetchMore(parent) else None
        if job_row is None:
            return
        if self._updating:  # asked from a handler of our own signals (a model tester): later
            if job_row.serial not in self._fetch_later:
                self._fetch_later.add(job_row.serial)
                QTimer.singleShot(0, self, lambda: self._fetch(job_row.serial))
            return
        self._fetch(job_row.serial)

    def _fetch(self, serial: int) -> None:
        self._fetch_later.discard(serial)
        job_row = self._by_serial.get(serial)
        count = _shown_items(job_row.snap) if job_row is not None else 0
        if job_row is None or job_row.fetched >= count:
            return
        self._updating = True  # a fetchMore from a handler of these signals waits too
        try:
            self.beginInsertRows(self.index(job_row.row, 0), job_row.fetched, count - 1)
            job_row.fetched = count
            self.endInsertRows()
        finally:
            self._updating = False

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return Transfers.tr(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return _RIGHT
        return None

    # -- data -----------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        job = self.job_at(index)
        if job is None:
            return None
        if index.internalId() == _ROOT_ID:
            return self._job_data(job, Column(index.column()), role)
        item = self.item_at(index)
        return self._item_data(job, item, Column(index.column()), role) if item is not None else None

    def _job_data(self, job: JobSnapshot, column: Column, role: int) -> object:
        message = _job_message(job)
        total = job.total
        if total is None:
            total = kind_of(job.kind).known_total(job.spec)  # a delete's keys, before the batches
        asking = job.id in self._waiting and not job.state.finished
        if asking and column in (Column.STATE, Column.MESSAGE) and role == Qt.ItemDataRole.DisplayRole:
            return (
                Transfers.tr("Waiting") if column is Column.STATE else Transfers.tr("Waiting for your answer")
            )
        if asking and column is Column.MESSAGE and role == Qt.ItemDataRole.ToolTipRole:
            return Transfers.tr("A question is open: double-click this transfer to see it.")
        if role == Qt.ItemDataRole.DisplayRole:  # keys and messages shown escaped
            return display_text(_row_text(column, job.kind, job.state, job.done, total, job.rate,
                                          job.eta, message, text.job_title(job)))  # fmt: skip
        if role == Qt.ItemDataRole.AccessibleTextRole and column is Column.PROGRESS:
            return progress_words(job.kind, job.state, job.done, total)  # the bar, as words
        if role == Qt.ItemDataRole.DecorationRole and column is Column.NAME:
            return kind_icon(job.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.MESSAGE:
                return display_lines(message) or None
            return display_lines(text.job_tooltip(job))
        return _common(column, role, job.id, job.state, job.done, total)

    def _item_data(self, job: JobSnapshot, item: ItemSnapshot, column: Column, role: int) -> object:
        message = item.error or item.note
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(_row_text(column, job.kind, item.state, item.done, item.total, item.rate,
                                          item.eta, message, text.item_name(job, item)))  # fmt: skip
        if role == Qt.ItemDataRole.DecorationRole and column is Column.NAME:
            if item.key.endswith("/"):
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
            return file_type(None, lambda: item.key.rpartition("/")[2]).icon
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.MESSAGE:
                return display_lines(message) or None
            key = display_text(item.key)
            with_local = item.local and kind_of(job.kind).items_have_targets
            return f"{key}\n{display_text(item.local)}" if with_local else key
        return _common(column, role, job.id, item.state, item.done, item.total)


def _job_message(job: JobSnapshot) -> str:
    """A job of one item speaks with its item's words (its error, or its note)."""
    single = _single(job)
    if single is not None and single.error:
        return single.error
    return job.error or (single.note if single is not None else "") or ""


def _percent(done: int, total: int | None) -> float | None:
    if total is None:
        return None
    return 100.0 if total == 0 else min(100.0, 100.0 * done / total)


def progress_words(kind: JobKind, state: State, done: int, total: int | None) -> str:
    """What a screen reader says for a progress bar: ``45% — 45 MB of 120 MB, Running``."""
    percent = _percent(done, total)
    parts = [f"{percent:.0f}%"] if percent is not None else []
    parts.append(text.amount(kind, done, total))
    return Transfers.tr("{progress}, {state}").format(
        progress=" — ".join(p for p in parts if p), state=text.state_label(state)
    )


def _row_text(
    column: Column, kind: JobKind, state: State, done: int, total: int | None,
    rate: float, eta: float | None, message: str, name: str,
) -> str:  # fmt: skip
    if column is Column.NAME:
        return name
    if column is Column.PROGRESS:
        percent = _percent(done, total)
        return f"{percent:.0f}%" if percent is not None else ""
    if column is Column.STATE:
        return text.state_label(state)
    if column is Column.SIZE:
        if state is State.QUEUED and not done and total is not None and not text.counts_objects(kind):
            return human_size(total)  # "0 B of 1.6 MB" says less
        return text.amount(kind, done, total)
    if column is Column.RATE:
        return text.rate(kind, state, rate)
    if column is Column.ETA:
        return text.duration(eta) if state is State.RUNNING and not text.counts_objects(kind) else ""
    return message.splitlines()[0] if message else ""


def _common(column: Column, role: int, job_id: str, state: State, done: int, total: int | None) -> object:
    if role == PROGRESS_ROLE:
        return _percent(done, total)
    if role == STATE_ROLE:
        return state
    if role == JOB_ID_ROLE:
        return job_id
    if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
        return _RIGHT
    return None


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)]"""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
