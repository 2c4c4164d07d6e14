"""The paging of one listing, for the object table: requests, packing, in order.

Pages are asked one at a time on a worker (``TaskRunner``): first a small one, so the
first rows show fast, then full ones (``PAGE_SIZE``; providers clamp it to what their
service gives: S3 1,000, Azure 5,000, Swift its ``container_listing_limit``, 10,000 by
default). When a page arrives the next one is asked at once, and the page is packed
into column pieces on another worker meanwhile, so packing hides behind the network.
Packed pages are delivered in order to ``on_packed`` on the GUI thread.

Results for an older place (``generation``) or a cancelled request are dropped.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storebrowser.core.types import ObjectInfo, Page
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.tasks import TaskResult, TaskRunner
from storebrowser.ui.object_columns import Interner, Packed, pack

#: The first page: small, so that the first rows show fast.
FIRST_PAGE = 200
#: Every later page; providers clamp it to their service's maximum.
PAGE_SIZE = 10_000
DELIMITER = "/"


@dataclass(frozen=True, slots=True)
class Place:
    provider: Provider
    container: str
    #: What the server is asked for (the folder, plus a search text).
    listing_prefix: str
    #: What names are stored relative to: the folder part of the prefix.
    folder: str


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

    def can_fetch_more(self) -> bool:
        return (
            self._place is not None
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
        self._in_flight = None
        self._next_token = None
        self._pages = 0
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
        self._in_flight = None

    def fetch_more(self) -> None:
        """Ask the next page (only that one)."""
        if self.can_fetch_more():
            self._request(self.page_size)

    # -- requests ---------------------------------------------------------------------------

    def _request(self, limit: int) -> None:
        place = self._place
        assert place is not None
        token = self._next_token
        generation = self._generation
        self._request_id += 1
        request_id = self._in_flight = self._request_id

        def list_page() -> Page[ObjectInfo]:
            place.provider.ensure_connected()
            return place.provider.list_page(place.container, place.listing_prefix, DELIMITER, token, limit)

        self._runner.run(list_page, lambda result: self._arrived(generation, request_id, result))
        self._on_state()

    def _arrived(self, generation: int, request_id: int, result: TaskResult[Page[ObjectInfo]]) -> None:
        if generation != self._generation or request_id != self._in_flight:
            return  # another place, or cancelled
        self._in_flight = None
        if not result.ok or result.value is None:
            self.error = result.message() or "The listing failed."
            self._continuing = False
            self._on_failed(self.error)
            self._on_state()
            return
        page = result.value
        self._pages += 1
        self._next_token = page.next_token
        self._exhausted = page.next_token is None
        if self._continuing and not self._exhausted:
            self._request(self.page_size)  # ask the next page before packing this one
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
            self._in_flight = None
            self._on_failed(self.error)
        self._pack_next()
        self._on_state()
