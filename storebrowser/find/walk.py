"""Everything below a place, listed on a few connections side by side.

A flat listing (no delimiter) is the cheapest walk on one connection: one request per
page of objects, where walking folder by folder costs one more per folder. To use
several connections, the key space is split by the delimiter's first level below the
place: one delimited listing of that level gives the objects there and its sub-folders,
and each sub-folder is then listed flat on its own connection, as soon as it is seen.
Every key below the place is either at that level or below exactly one of its
sub-folders, so no key is lost or listed twice. (Splitting one large sub-folder further
by key ranges needs a start-after key, which not every service's listing takes: not
done yet.)

Pages arrive in no particular order across parts (in key order within one). A caller
that needs the sequential order asks for one connection: that is the plain flat
listing, page after page.

A part that fails with a transient error is retried (``RetryPolicy``); when it still
fails, the walk goes on with the others and ``Walk.missing`` says which part of the key
space is absent from what was yielded, so an answer is never partial without saying so.
Any other error (the container is gone, the credentials were refused) ends the walk.
"""

from __future__ import annotations

import functools
import queue
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, StorageError
from storebrowser.core.listing import PageLister
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.types import EntryColumns, LazyEntries, ObjectInfo, Page

T = TypeVar("T")

#: Connections a walk uses by default: enough to hide a round trip behind another, few
#: enough to be polite to a shared service.
CONNECTIONS = 4
PAGE_SIZE = 1000
RETRY = RetryPolicy(attempts=4, base_delay=0.25, max_delay=4.0)
#: Pages waiting for the consumer, per connection, before the parts wait for it.
BACKLOG_PER_CONNECTION = 2
_POLL_S = 0.2


@dataclass(frozen=True, slots=True)
class Gap:
    """Part of the key space that could not be listed: keys starting with ``prefix``
    (below the place) after ``after`` (``""``: from the start), and why."""

    prefix: str
    after: str
    reason: str

    def describe(self) -> str:
        where = f"keys under {self.prefix!r}" if self.prefix else "keys"
        return f"{where}{f' after {self.after!r}' if self.after else ''} ({self.reason})"


@dataclass(frozen=True, slots=True)
class Scanned:
    """One listed page: its objects as columns (no folders: a flat listing has none)."""

    entries: EntryColumns
    #: The part it came from: a sub-folder's prefix, or the place's own for its level.
    part: str


def page_columns(page: Page[ObjectInfo]) -> EntryColumns:
    """The page's entries as columns, from the provider's raw answer when it can."""
    entries = page.entries
    return entries.columns() if isinstance(entries, LazyEntries) else EntryColumns.of(list(entries))


def objects_only(columns: EntryColumns) -> EntryColumns:
    """Without the pseudo-folder entries of a delimited listing."""
    if not any(columns.is_prefix):
        return columns
    keep = [i for i, is_prefix in enumerate(columns.is_prefix) if not is_prefix]
    return pick(columns, keep)


def pick(columns: EntryColumns, rows: list[int]) -> EntryColumns:
    """The entries at ``rows``, as columns."""
    md5s, metadata, archives = columns.content_md5s, columns.metadata, columns.archives
    return EntryColumns(
        keys=_rows(columns.keys, rows),
        sizes=_rows(columns.sizes, rows),
        modified=_rows(columns.modified, rows),
        etags=_rows(columns.etags, rows),
        content_types=_rows(columns.content_types, rows),
        storage_classes=_rows(columns.storage_classes, rows),
        is_prefix=_rows(columns.is_prefix, rows),
        content_md5s=_rows(md5s, rows) if md5s is not None else None,
        metadata=_rows(metadata, rows) if metadata is not None else None,
        archives=_rows(archives, rows) if archives is not None else None,
    )


def _rows(values: Sequence[T], rows: list[int]) -> list[T]:
    return [values[i] for i in rows]


class Walk:
    """One walk below ``container``/``prefix``; iterate it for its pages, once.

    ``connections`` 1 lists flat, in key order. ``cancel`` stops it between pages (the
    iteration raises ``Cancelled``); leaving the loop early stops it too.
    """

    def __init__(
        self,
        lister: PageLister,
        container: str,
        prefix: str = "",
        *,
        connections: int = CONNECTIONS,
        cancel: CancelToken | None = None,
        page_size: int = PAGE_SIZE,
        retry: RetryPolicy = RETRY,
    ) -> None:
        self.lister = lister
        self.container = container
        self.prefix = prefix
        self.connections = max(1, connections)
        self.page_size = page_size
        self.retry = retry
        self._cancel = cancel or CancelToken()
        self._stop = CancelToken()  # ours: the consumer left, or a part failed for good
        self._lock = threading.Lock()
        #: Parts of the key space that could not be listed (filled in as the walk goes).
        self.missing: list[Gap] = []
        #: Requests made and pages listed so far (for progress and the benchmarks).
        self.requests = 0
        self.parts = 0

    @property
    def complete(self) -> bool:
        """Nothing is missing (meaningful once the iteration ended)."""
        return not self.missing

    def __iter__(self) -> Iterator[Scanned]:
        if self.connections == 1:
            yield from self._part(self.prefix, None)
            return
        yield from self._side_by_side()

    # -- one part: a listing, page by page, retried ------------------------------------------

    def _part(self, prefix: str, delimiter: str | None) -> Iterator[Scanned]:
        """The pages of one listing; a part that fails for good is recorded in ``missing``."""
        token: str | None = None
        last = ""
        while True:
            self._check()
            try:
                ask = functools.partial(self._page, prefix, delimiter, token)
                page = call_with_retry(ask, self.retry, cancel=self._cancel)
                columns = page_columns(page)
            except StorageError as error:
                if not error.retryable:
                    raise
                with self._lock:
                    self.missing.append(Gap(prefix, last, str(error)))
                return
            if columns.keys:
                last = columns.keys[-1]
            yield Scanned(columns, prefix)
            if page.next_token is None:
                return
            if page.next_token == token:
                raise RuntimeError(f"listing of {self.container!r} did not advance past {token!r}")
            token = page.next_token

    def _page(self, prefix: str, delimiter: str | None, token: str | None) -> Page[ObjectInfo]:
        with self._lock:
            self.requests += 1
        return self.lister.list_page(self.container, prefix, delimiter, token, self.page_size)

    def _check(self) -> None:
        self._cancel.raise_if_cancelled()
        if self._stop.cancelled:
            raise Cancelled()

    # -- parts side by side -------------------------------------------------------------------

    def _side_by_side(self) -> Iterator[Scanned]:
        """The place's own level on one connection; each sub-folder flat on the next free one."""
        found: queue.Queue[Scanned | _Done] = queue.Queue(BACKLOG_PER_CONNECTION * self.connections)
        parts: int | None = None  # how many the level started, once it is done
        finished = 0
        with ThreadPoolExecutor(self.connections, thread_name_prefix="walk") as pool:
            pool.submit(self._run_level, pool, found)
            try:
                while parts is None or finished < parts:
                    item = self._take(found)
                    if isinstance(item, _Done):
                        if item.error is not None:
                            raise item.error
                        if item.level:
                            parts = item.started
                        else:
                            finished += 1
                    else:
                        yield item
            finally:
                self._stop.cancel()  # the parts still running stop at their next page

    def _run_level(self, pool: ThreadPoolExecutor, found: queue.Queue[Scanned | _Done]) -> None:
        started = 0
        try:
            for scanned in self._part(self.prefix, "/"):
                columns = scanned.entries
                for i, is_prefix in enumerate(columns.is_prefix):
                    if is_prefix:
                        started += 1
                        pool.submit(self._run_part, columns.keys[i], found)
                objects = objects_only(columns)
                if objects.keys:
                    self._put(found, Scanned(objects, self.prefix))
        except BaseException as error:
            self._put(found, _Done(error=error))
            return
        self._put(found, _Done(level=True, started=started))

    def _run_part(self, prefix: str, found: queue.Queue[Scanned | _Done]) -> None:
        with self._lock:
            self.parts += 1
        try:
            for scanned in self._part(prefix, None):
                self._put(found, scanned)
        except BaseException as error:
            self._put(found, _Done(error=error))
            return
        self._put(found, _Done())

    def _put(self, found: queue.Queue[Scanned | _Done], item: Scanned | _Done) -> None:
        """Wait for room, but not past a stop (the consumer is gone: nobody will take it)."""
        while True:
            if self._stop.cancelled:
                return
            try:
                found.put(item, timeout=_POLL_S)
                return
            except queue.Full:
                continue

    def _take(self, found: queue.Queue[Scanned | _Done]) -> Scanned | _Done:
        while True:
            self._cancel.raise_if_cancelled()
            try:
                return found.get(timeout=_POLL_S)
            except queue.Empty:
                continue


@dataclass(frozen=True, slots=True)
class _Done:
    """A part ended; the place's own level says how many parts it started; ``error``
    ends the walk."""

    level: bool = False
    started: int = 0
    error: BaseException | None = None
