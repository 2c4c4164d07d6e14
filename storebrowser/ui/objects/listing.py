"""The paging of one listing, for the object table: requests, packing, in order.

Pages are asked on a worker (``TaskRunner.run_feed``): first a small one, so the first
rows show fast, then full ones (``PAGE_SIZE``; providers clamp it to what their service
gives: S3 1,000, Azure 5,000; Swift's ``container_listing_limit``, 10,000 by default, is
more than is asked).
While the listing continues by itself, the worker asks the next page as soon as one is
in, without waiting for the GUI thread, but stays at most one page ahead of it
(``AHEAD``), so a busy window does not pile up pages. Each page is packed into column
pieces on another worker (providers convert their raw answer there, lazily), so
conversion and packing hide behind the network. Packed pages are delivered in order to
``on_packed`` on the GUI thread.

Results for an older place (``generation``) or a cancelled request are dropped; a
cancelled feed stops after the page it is waiting for.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storebrowser.core.types import ObjectInfo, Page
from storebrowser.find.criteria import Criteria
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.table.packing import Interner, Packed, pack
from storebrowser.ui.objects.found import FoundFeed

#: The first page: small, so that the first rows show fast.
FIRST_PAGE = 200
#: Every later page; providers clamp it to their service's maximum. Not Swift's 10,000:
#: swiftclient parses a page's JSON in one ``json.loads`` call, which holds the GIL
#: throughout (20 ms of CPU for 10,000 entries, 9 for 5,000), so the GUI thread waits
#: that long if it needs the GIL meanwhile (issue 25: stalls <= 50 ms). Twice the
#: requests cost the server little next to the rows themselves.
PAGE_SIZE = 5_000
DELIMITER = "/"
#: Pages the worker may ask while the GUI thread has yet to take the one before: one, so
#: the next request never waits for the GUI thread's turn, and no more, so a busy window
#: does not pile up pages.
AHEAD = 1
#: How long a worker waits for the GUI thread to take a page before it gives up.
ROOM_WAIT_S = 2.0


@dataclass(frozen=True, slots=True)
class Place:
    provider: Provider
    container: str
    #: What the server is asked for (the folder, plus a search text).
    listing_prefix: str
    #: What names are stored relative to: the folder part of the prefix.
    folder: str
    #: Find: the matches below ``listing_prefix`` instead of its listing (``found``).
    criteria: Criteria | None = None


class ObjectLister:
    """Lists one place page by page; owned by the GUI thread."""

    def __init__(
        self,
        runner: TaskRunner,
        *,
        on_packed: Callable[[Packed], None],
        on_failed: Callable[[str], None],
        on_state: Callable[[], None],
        first_page: int = FIRST_PAGE,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self._runner = runner
        self._on_packed = on_packed
        self._on_failed = on_failed
        self._on_state = on_state
        self.first_page = first_page
        self.page_size = page_size
        self._place: Place | None = None
        self._types = Interner()
        self._classes = Interner()
        self._generation = 0
        self._request_id = 0
        self._in_flight: int | None = None  # the request whose answer is awaited
        self._feed: _Feed | FoundFeed | None = None  # what lets the worker of that request go on
        self._scanned = 0  # objects a search looked at
        self._next_token: str | None = None
        self._pages = 0
        self._exhausted = False
        self._continuing = False
        self.error = ""
        self._to_pack: collections.deque[Sequence[ObjectInfo]] = collections.deque()
        self._packing = False

    # -- state ------------------------------------------------------------------------------

    @property
    def place(self) -> Place | None:
        return self._place

    @property
    def requesting(self) -> bool:
        return self._in_flight is not None

    @property
    def busy(self) -> bool:
        """A request is awaited, or received pages are still being packed."""
        return self._in_flight is not None or self._packing or bool(self._to_pack)

    @property
    def continuing(self) -> bool:
        """Pages are asked one after the other by themselves (not cancelled, no error)."""
        return self._continuing

    @property
    def exhausted(self) -> bool:
        """The last page has arrived."""
        return self._exhausted

    @property
    def scanned(self) -> int:
        """Objects a search looked at so far (0 for a listing)."""
        return self._feed.scanned if isinstance(self._feed, FoundFeed) else self._scanned

    def can_fetch_more(self) -> bool:
        return (
            self._place is not None
            and self._place.criteria is None  # a stopped search cannot go on where it stopped
            and not self._exhausted
            and self._in_flight is None
            and not self.error
            and self._pages > 0
        )

    # -- control ----------------------------------------------------------------------------

    def start(self, place: Place | None, types: Interner, classes: Interner) -> None:
        """List ``place`` from its first page, continuing in the background."""
        self._generation += 1
        self._place = place
        self._types, self._classes = types, classes
        self._stop_feed()
        self._next_token = None
        self._pages = self._scanned = 0
        self._exhausted = place is None
        self._continuing = place is not None
        self.error = ""
        self._to_pack.clear()
        self._packing = False  # a packing still running for the old place is dropped
        if place is not None:
            self._request(self.first_page)

    def cancel(self) -> None:
        """No more pages on their own; the answer awaited now is dropped."""
        self._continuing = False
        self._stop_feed()

    def fetch_more(self) -> None:
        """Ask the next page (only that one)."""
        if self.can_fetch_more():
            self._request(self.page_size)

    def _stop_feed(self) -> None:
        self._in_flight = None
        if isinstance(self._feed, FoundFeed):
            self._scanned = self._feed.scanned
        if self._feed is not None:
            self._feed.stop()
            self._feed = None

    # -- requests ---------------------------------------------------------------------------

    def _request(self, limit: int) -> None:
        """Ask a page of ``limit``; while continuing, the worker goes on with the next."""
        place = self._place
        assert place is not None
        generation = self._generation
        self._request_id += 1
        request_id = self._in_flight = self._request_id
        feed: _Feed | FoundFeed
        if place.criteria is not None:
            feed = FoundFeed(place.provider, place.container, place.listing_prefix, place.criteria)
        else:
            feed = _Feed(place, self._next_token, limit, self.page_size, more=self._continuing)
        self._feed = feed
        self._runner.run_feed(feed.produce, lambda result: self._arrived(generation, request_id, result))
        self._on_state()

    def _arrived(self, generation: int, request_id: int, result: TaskResult[Page[ObjectInfo]]) -> None:
        if generation != self._generation or request_id != self._in_flight:
            return  # another place, or cancelled
        if not result.ok or result.value is None:
            self._stop_feed()
            self.error = result.message() or "The listing failed."
            self._continuing = False
            self._on_failed(self.error)
            self._on_state()
            return
        page = result.value
        self._pages += 1
        self._next_token = page.next_token
        self._exhausted = page.next_token is None
        assert self._feed is not None
        if self._continuing and not self._exhausted:
            if not self._feed.taken():  # the worker gave up waiting for us: ask again
                self._request(self.page_size)
        else:
            self._stop_feed()
        self._to_pack.append(page.entries)
        self._pack_next()
        self._on_state()

    # -- packing ----------------------------------------------------------------------------

    def _pack_next(self) -> None:
        if self._packing or not self._to_pack or self._place is None:
            return
        entries = self._to_pack.popleft()
        folder, types, classes = self._place.folder, self._types, self._classes
        generation = self._generation
        self._packing = True
        self._runner.run(
            lambda: pack(entries, folder, types, classes),
            lambda result: self._packed(generation, result),
        )

    def _packed(self, generation: int, result: TaskResult[Packed]) -> None:
        if generation != self._generation:
            return  # start() cleared the queue; the current packing (if any) is not ours
        self._packing = False
        if result.ok and result.value is not None:
            self._on_packed(result.value)
        else:
            self.error = result.message()
            self._continuing = False
            self._stop_feed()
            self._on_failed(self.error)
        self._pack_next()
        self._on_state()


class _Feed:
    """The worker's side of one request: a page, and the following ones while continuing.

    ``produce`` runs on a worker; ``taken`` and ``stop`` are called by the GUI thread. A
    worker that finds no room for ``ROOM_WAIT_S`` (a window that stopped taking pages,
    or one that is quitting) gives up rather than hold its thread; the GUI thread then
    asks the next page itself (``taken`` says so).
    """

    def __init__(self, place: Place, token: str | None, limit: int, page_size: int, *, more: bool) -> None:
        self._place = place
        self._token = token
        self._limit = limit
        self._page_size = page_size
        self._more = more
        self._changed = threading.Condition()
        self._room = 1 + AHEAD  # pages the worker may ask before the GUI thread takes one
        self._emitted = 0
        self._taken = 0
        self._stopped = False
        self._gone = False

    def produce(self, emit: Callable[[Page[ObjectInfo]], None]) -> None:
        place = self._place
        place.provider.ensure_connected()
        while self._wait_for_room():
            page = place.provider.list_page(
                place.container, place.listing_prefix, DELIMITER, self._token, self._limit
            )
            with self._changed:
                self._emitted += 1
            emit(page)
            if not self._more or page.next_token is None:
                return
            self._token, self._limit = page.next_token, self._page_size

    def _wait_for_room(self) -> bool:
        with self._changed:
            if not self._changed.wait_for(lambda: self._room > 0 or self._stopped, ROOM_WAIT_S):
                self._gone = True
                return False
            self._room -= 1
            return not self._stopped

    def taken(self) -> bool:
        """The GUI thread took a page: the worker may ask one more. False when the worker
        has given up and sent everything it had: the caller asks the next page itself."""
        with self._changed:
            self._taken += 1
            if self._gone:
                return self._taken < self._emitted
            self._room += 1
            self._changed.notify()
            return True

    def stop(self) -> None:
        """Ask no more pages; the one being asked now is dropped by the GUI thread."""
        with self._changed:
            self._stopped = True
            self._changed.notify()
