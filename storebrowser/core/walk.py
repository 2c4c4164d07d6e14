"""Everything below a place, listed on a few connections side by side.

A flat listing (no delimiter) is the cheapest walk on one connection: one request per
page of objects, where walking folder by folder costs one more per folder. To use
several connections, the key space is split by the delimiter's first level below the
place: one delimited listing of that level gives the objects there and its sub-folders,
and each sub-folder is then listed flat on its own connection, as soon as it is seen.
Every key below the place is either at that level or below exactly one of its
sub-folders, so no key is lost or listed twice.

A part that is large is split further by key ranges, where the service's listing can
start after a given key (``Provider.start_after``: S3's StartAfter, Swift's marker; not
Azure's opaque markers). When a part's first page is full, the keys after its last one
are cut into ranges ``(after, upto]`` at points guessed from that key (``split_points``:
``file-000999`` -> ``file-001`` ... ``file-009``, ``file-01`` ... ``file-1`` ...), each
listed flat on the next free connection, and split again the same way when it is large
too. A place whose own level shows no sub-folder on a full first page is split so from
there (its keys are then listed flat). Ranges meet end to start, lower bound exclusive
and upper inclusive, so every key after the first page is in exactly one; a range stops
at its upper bound, dropping what the page holds beyond it (Swift's listing ends there
itself; S3's cannot: the rest of a range's last page is listed for nothing).

Pages arrive in no particular order across parts (in key order within one). A caller
that needs the sequential order asks for one connection: that is the plain flat
listing, page after page.

A part (or range) that fails with a transient error is retried (``RetryPolicy``); when it still
fails, the walk goes on with the others and ``Walk.missing`` says which part of the key
space is absent from what was yielded, so an answer is never partial without saying so.
Any other error (the container is gone, the credentials were refused) ends the walk.
"""

from __future__ import annotations

import functools
import operator
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, StorageError
from storebrowser.core.key_ranges import MIN_PAGES as MIN_PAGES  # re-exported
from storebrowser.core.key_ranges import MIN_PAGES_OPEN_END as MIN_PAGES_OPEN_END  # re-exported
from storebrowser.core.key_ranges import split_points as split_points  # re-exported
from storebrowser.core.listing import PageLister
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.types import EntryColumns, LazyEntries, ObjectInfo, Page
from storebrowser.core.walk_probe import Probed

T = TypeVar("T")

#: Connections a walk uses by default: enough to hide a round trip behind another, few
#: enough to be polite to a shared service.
CONNECTIONS = 4
PAGE_SIZE = 1000
RETRY = RetryPolicy(attempts=4, base_delay=0.25, max_delay=4.0)
#: Pages waiting for the consumer, per connection, before the parts wait for it.
BACKLOG_PER_CONNECTION = 2
_POLL_S = 0.2
#: Whether a walk splits a large part by key ranges unless told otherwise. On: one large
#: folder is otherwise listed on one connection, one round trip after another, however
#: many connections the walk has; measured cost and why: bench/README.md ("Key ranges:
#: on or off?").
RANGES = True


@dataclass(frozen=True, slots=True)
class Gap:
    """Part of the key space that could not be listed: keys starting with ``prefix``
    (below the place) after ``after`` (``""``: from the start), and why."""

    prefix: str
    after: str
    reason: str
    #: The range ended at this key (inclusive); ``""``: at the end of the prefix.
    upto: str = ""

    def describe(self) -> str:
        where = f"keys under {self.prefix!r}" if self.prefix else "keys"
        after = f" after {self.after!r}" if self.after else ""
        upto = f" up to {self.upto!r}" if self.upto else ""
        return f"{where}{after}{upto} ({self.reason})"


@dataclass(frozen=True, slots=True)
class Scanned:
    """One listed page: its objects as columns (no folders: a flat listing has none)."""

    entries: EntryColumns
    #: The part it came from: a sub-folder's prefix, or the place's own for its level.
    part: str
    #: From a flat listing (not the place's delimited level, which carries no metadata).
    flat: bool = True


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


def _up_to(columns: EntryColumns, upto: str | None) -> tuple[EntryColumns, bool]:
    """The entries not past ``upto`` (keys in order), and whether some were past it."""
    if upto is None or not columns.keys or columns.keys[-1] <= upto:
        return columns, False
    keep = [i for i, key in enumerate(columns.keys) if key <= upto]
    return pick(columns, keep), True


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
        ranges: bool = RANGES,
        min_pages: int | None = None,
        probe: int = 0,
    ) -> None:
        self.lister = lister
        #: A token that starts a flat listing just after a key, where the lister has one
        #: and the walk may split a part by key ranges.
        self._after: Callable[[str, str | None], str | None] | None = (
            getattr(lister, "start_after", None) if ranges else None
        )
        if self._after is not None and self._after("a", None) is None:
            self._after = None  # a provider whose listing cannot start after a key
        #: Pages a range holds at least (``None``: as the service's listing ends a range).
        ends = bool(getattr(lister, "token_takes_end", False))
        self.min_pages = min_pages or (MIN_PAGES if ends else MIN_PAGES_OPEN_END)
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
        self._open = 0  # parts started and not done (running or waiting for a connection)
        #: Objects of a first flat page of the place (0: none; ``core.walk_probe``).
        self.probe = probe
        self._probed: Probed | None = None

    @property
    def complete(self) -> bool:
        """Nothing is missing (meaningful once the iteration ended)."""
        return not self.missing

    def __iter__(self) -> Iterator[Scanned]:
        if self.connections == 1:
            for scanned, _more in self._part(self.prefix, None):
                yield scanned
            return
        yield from self._side_by_side()

    # -- one part: a listing, page by page, retried ------------------------------------------

    def _part(
        self, prefix: str, delimiter: str | None, after: str = "", upto: str | None = None, size: int = 0
    ) -> Iterator[tuple[Scanned, bool]]:
        """The pages of one listing (keys after ``after``, up to ``upto``), each with
        whether more follow; a part that fails for good is recorded in ``missing``."""
        token = self._after(after, upto) if after and self._after is not None else None
        last = after
        while True:
            self._check()
            try:
                ask = functools.partial(self._page, prefix, delimiter, token, size or self.page_size)
                page = call_with_retry(ask, self.retry, cancel=self._cancel)
                columns, past = _up_to(page_columns(page), upto)
            except StorageError as error:
                if not error.retryable:
                    raise
                with self._lock:
                    self.missing.append(Gap(prefix, last, str(error), upto or ""))
                return
            if columns.keys:
                last = columns.keys[-1]
            more = page.next_token is not None and not past
            yield Scanned(columns, prefix), more
            if not more:
                return
            if page.next_token == token:
                raise RuntimeError(f"listing of {self.container!r} did not advance past {token!r}")
            token = page.next_token

    def _page(self, prefix: str, delimiter: str | None, token: str | None, size: int) -> Page[ObjectInfo]:
        with self._lock:
            self.requests += 1
        return self.lister.list_page(self.container, prefix, delimiter, token, size)

    def _check(self) -> None:
        self._cancel.raise_if_cancelled()
        if self._stop.cancelled:
            raise Cancelled()

    # -- parts side by side -------------------------------------------------------------------

    def _side_by_side(self) -> Iterator[Scanned]:
        """The place's own level on one connection; each sub-folder (or range) flat on the
        next free one. A part says how many it starts before it starts them, so the count
        of parts still open never reaches nought before the last one is done."""
        found: queue.Queue[Scanned | _Done] = queue.Queue(BACKLOG_PER_CONNECTION * self.connections)
        open_parts = 1  # the level
        with ThreadPoolExecutor(self.connections, thread_name_prefix="walk") as pool:
            pool.submit(self._run_level, pool, found)
            try:
                while open_parts:
                    item = self._take(found)
                    if isinstance(item, _Done):
                        if item.error is not None:
                            raise item.error
                        open_parts += item.started - (not item.starting)
                    else:
                        yield item
            finally:
                self._stop.cancel()  # the parts still running stop at their next page

    def _run_level(self, pool: ThreadPoolExecutor, found: queue.Queue[Scanned | _Done]) -> None:
        try:
            if not self._covered_by_probe(pool, found):
                self._list_level(pool, found)
        except BaseException as error:
            self._put(found, _Done(error=error))
            return
        self._put(found, _Done())

    def _covered_by_probe(self, pool: ThreadPoolExecutor, found: queue.Queue[Scanned | _Done]) -> bool:
        """With ``probe``: whether the first flat page held the whole place, or the key
        ranges after it were started; else the place's level is listed as without it."""
        if not self.probe:
            return False
        return not self._probe(found) or self._split_after_probe(pool, found)

    def _probe(self, found: queue.Queue[Scanned | _Done]) -> bool:
        """The place's first page, flat; whether more follow it (its keys are then not
        listed again: ``_probed``). A first page that fails for good is the place's gap."""
        for scanned, more in self._part(self.prefix, None, size=self.probe):
            if scanned.entries.keys:
                self._put(found, scanned)
            if more:
                self._probed = Probed(scanned.entries.keys, self.prefix)
            return more
        return False

    def _split_after_probe(self, pool: ThreadPoolExecutor, found: queue.Queue[Scanned | _Done]) -> bool:
        """Where the listing can start after a key (S3, Swift), the keys after the probe's
        as key ranges, flat (a few requests a page of keys, not one per sub-folder)."""
        keys = self._probed.keys if self._probed is not None else ()
        return bool(keys) and self._split(pool, found, self.prefix, keys, None)

    def _list_level(self, pool: ThreadPoolExecutor, found: queue.Queue[Scanned | _Done]) -> None:
        """The place's own level, delimited; each sub-folder flat on its own connection
        (not one the probe listed whole), or a level of many objects by key ranges."""
        whole = self._probed.complete if self._probed is not None else frozenset()
        for scanned, more in self._part(self.prefix, "/"):
            columns = scanned.entries
            folders = [key for key, folder in zip(columns.keys, columns.is_prefix, strict=True) if folder]
            self._start(pool, found, [(folder, "", None) for folder in folders if folder not in whole])
            objects = objects_only(columns)
            new = self._unlisted(objects)
            if new.keys:
                self._put(found, Scanned(new, self.prefix, flat=False))
            split = more and not folders and bool(objects.keys)
            if split and self._split(pool, found, self.prefix, objects.keys, None):
                break  # a level of many objects: the rest flat, by key ranges

    def _unlisted(self, columns: EntryColumns) -> EntryColumns:
        rows = self._probed.unlisted(columns) if self._probed is not None else None
        return columns if rows is None else pick(columns, rows)

    def _run_part(self, pool: ThreadPoolExecutor, found: queue.Queue[Scanned | _Done], part: _Part) -> None:
        prefix, after, upto = part
        with self._lock:
            self.parts += 1
        try:
            for scanned, more in self._part(prefix, None, after, upto):
                keys = scanned.entries.keys
                new = self._unlisted(scanned.entries)
                if new.keys:
                    self._put(found, Scanned(new, prefix) if new is not scanned.entries else scanned)
                if more and keys and self._idle() and self._split(pool, found, prefix, keys, upto):
                    break
        except BaseException as error:
            self._put(found, _Done(error=error))
            return
        finally:
            with self._lock:
                self._open -= 1
        self._put(found, _Done())

    def _idle(self) -> bool:
        """Some connection would wait for work: a range splits again only then (when
        every connection is busy, more ranges would only cost requests: each reads past
        its end on S3, and each is one more request at least)."""
        with self._lock:
            return self._open < self.connections

    def _split(
        self, pool: ThreadPoolExecutor, found: queue.Queue[Scanned | _Done], prefix: str,
        page: Sequence[str], upto: str | None,
    ) -> bool:  # fmt: skip
        """List the keys after the ``page``'s (up to ``upto``) as ranges side by side, where
        the listing can start after a key and there are points to cut at."""
        if self._after is None:
            return False
        last = page[-1]
        points = split_points(prefix, page[0], last, upto, keys=len(page), min_pages=self.min_pages)
        if not points:
            return False
        bounds = [last, *points]
        ranges: list[_Part] = [(prefix, bounds[i], bounds[i + 1]) for i in range(len(points))]
        self._start(pool, found, [*ranges, (prefix, points[-1], upto)])
        return True

    def _start(
        self, pool: ThreadPoolExecutor, found: queue.Queue[Scanned | _Done], parts: list[_Part]
    ) -> None:
        """Count ``parts`` as open (before any can end), then start them."""
        if not parts:
            return
        with self._lock:
            self._open += len(parts)
        self._put(found, _Done(started=len(parts), starting=True))
        for part in parts:
            pool.submit(self._run_part, pool, found, part)

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


class IncompleteListing(StorageError):
    """A walk could not list some part of the key space: what it yielded is not all."""

    def __init__(self, container: str, prefix: str, missing: Sequence[Gap]) -> None:
        shown = "; ".join(gap.describe() for gap in missing[:SHOWN_GAPS])
        more = f"; and {len(missing) - SHOWN_GAPS} more" if len(missing) > SHOWN_GAPS else ""
        place = f"{container}/{prefix}" if prefix else container
        super().__init__(f"Could not list everything below {place}: {shown}{more}.", container=container)
        self.missing = list(missing)


#: Parts named in the message of an incomplete listing (the rest are counted).
SHOWN_GAPS = 3


def walked_objects(
    lister: PageLister,
    container: str,
    prefix: str = "",
    *,
    cancel: CancelToken | None = None,
    connections: int = CONNECTIONS,
    page_size: int = PAGE_SIZE,
    retry: RetryPolicy = RETRY,
) -> list[ObjectInfo]:
    """Every object below ``prefix`` (not the folders of a delimited listing), listed on
    ``connections`` side by side, in key order (the order of a flat listing: code point
    order, which is S3's and Swift's UTF-8 byte order), for a job that acts on all of
    them. ``IncompleteListing`` when any part could not be listed: a download or a delete
    of a folder never goes ahead on part of it."""
    walk = Walk(
        lister, container, prefix, connections=connections, cancel=cancel, page_size=page_size, retry=retry
    )
    infos = [info for scanned in walk for info in scanned.entries.infos()]
    _check_whole(walk)
    if connections > 1:  # parts arrive side by side; one connection is the flat listing
        infos.sort(key=operator.attrgetter("key"))
    return infos


def walked_keys(
    lister: PageLister,
    container: str,
    prefix: str = "",
    *,
    cancel: CancelToken | None = None,
    connections: int = CONNECTIONS,
    page_size: int = PAGE_SIZE,
    retry: RetryPolicy = RETRY,
) -> list[str]:
    """The keys of ``walked_objects``, in the same order, without an ``ObjectInfo`` per
    key (a delete of a folder of millions needs only its keys)."""
    walk = Walk(
        lister, container, prefix, connections=connections, cancel=cancel, page_size=page_size, retry=retry
    )
    keys = [key for scanned in walk for key in scanned.entries.keys]
    _check_whole(walk)
    keys.sort()
    return keys


def _check_whole(walk: Walk) -> None:
    if walk.missing:
        raise IncompleteListing(walk.container, walk.prefix, walk.missing)


#: A flat listing below ``prefix``: keys after the first (``""``: all), up to the second.
_Part = tuple[str, str, str | None]


@dataclass(frozen=True, slots=True)
class _Done:
    """A part ended, or (``starting``) is about to start ``started`` more; ``error``
    ends the walk."""

    started: int = 0
    starting: bool = False
    error: BaseException | None = None
