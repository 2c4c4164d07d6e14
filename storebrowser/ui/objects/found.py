"""Find's results as the object table's pages: a search below the place on a worker,
its matches handed on as pages while it goes on (``listing.ObjectLister`` takes them as
it takes a listing's).

The search lists the place's sub-folders side by side (``storebrowser.find``); every
listed page, matches or none, becomes a page here, so the count of objects looked at
goes up on screen too. The worker stays at most ``AHEAD`` pages ahead of the GUI thread;
it waits for it (it cannot ask again later, as a listing does), but stops when told.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import StorageError
from storebrowser.core.types import EntryColumns, LazyEntries, ObjectInfo, Page
from storebrowser.core.walk import CONNECTIONS
from storebrowser.find.criteria import Criteria
from storebrowser.find.search import Search
from storebrowser.providers.base import Provider

#: What a page of matches says instead of a continuation token: more is coming.
MORE = "more"
AHEAD = 2
#: Objects per listed page (the services give at most 1,000 to 10,000; tests lower it).
PAGE_SIZE = 1000
_WAIT_S = 0.2


class Incomplete(StorageError):
    """Part of the key space could not be listed: what was found is not all there is."""


class FoundFeed:
    """One search's worker side; ``produce`` runs on a worker, the rest on the GUI thread."""

    def __init__(self, provider: Provider, container: str, prefix: str, criteria: Criteria) -> None:
        self._provider = provider
        self._container = container
        self._prefix = prefix
        self._criteria = criteria
        self._cancel = CancelToken()
        self._changed = threading.Condition()
        self._room = 1 + AHEAD
        #: Objects looked at so far (read by the GUI thread for the status line).
        self.scanned = 0

    def produce(self, emit: Callable[[Page[ObjectInfo]], None]) -> None:
        self._provider.ensure_connected()
        search = Search(self._provider, self._container, self._prefix, self._criteria,
                        connections=CONNECTIONS, cancel=self._cancel, page_size=PAGE_SIZE)  # fmt: skip
        for matches in search:
            if not self._wait_for_room():
                return
            self.scanned = matches.scanned
            emit(Page(_entries(matches.entries), MORE))
        if not self._wait_for_room():
            return
        self.scanned = search.scanned
        if search.missing:
            parts = "; ".join(gap.describe() for gap in search.missing)
            raise Incomplete(f"Not everything below could be searched; left out: {parts}")
        emit(Page([], None))

    def _wait_for_room(self) -> bool:
        with self._changed:
            while self._room <= 0 and not self._cancel.cancelled:
                self._changed.wait(_WAIT_S)
            self._room -= 1
            return not self._cancel.cancelled

    def taken(self) -> bool:
        with self._changed:
            self._room += 1
            self._changed.notify()
        return True

    def stop(self) -> None:
        self._cancel.cancel()
        with self._changed:
            self._changed.notify()


def _entries(columns: EntryColumns) -> LazyEntries:
    """The matches as a page's entries, packed straight from their columns."""
    return LazyEntries(len(columns.keys), lambda: columns)
