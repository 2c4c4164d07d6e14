"""A search below a place, streamed: the matches of each listed page as soon as it is in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storebrowser.core.cancel import CancelToken
from storebrowser.core.listing import PageLister
from storebrowser.core.types import EntryColumns
from storebrowser.core.walk import CONNECTIONS, PAGE_SIZE, Gap, Walk, pick
from storebrowser.find.criteria import Criteria


@dataclass(frozen=True, slots=True)
class Matches:
    """The matches of one listed page (often none), with the counts so far."""

    entries: EntryColumns
    #: Objects looked at and matches found since the search began, this page included.
    scanned: int
    found: int


class Search:
    """Everything below ``container``/``prefix`` that ``criteria`` matches; iterate it once.

    It yields for every listed page, matches or not, so a caller can show the counts go
    up. ``missing`` afterwards says what part of the key space could not be listed.
    """

    def __init__(
        self,
        lister: PageLister,
        container: str,
        prefix: str,
        criteria: Criteria,
        *,
        connections: int = CONNECTIONS,
        cancel: CancelToken | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.criteria = criteria
        self.walk = Walk(
            lister, container, prefix, connections=connections, cancel=cancel, page_size=page_size
        )
        self.scanned = 0
        self.found = 0
        #: Objects whose listing gave no content type while one was asked for (an S3
        #: listing carries none): they are not matched, and the caller should say so.
        self.untyped = 0

    @property
    def missing(self) -> list[Gap]:
        return self.walk.missing

    def __iter__(self) -> Iterator[Matches]:
        for scanned in self.walk:
            page = scanned.entries
            rows = self.criteria.select(page)
            self.scanned += len(page.keys)
            self.found += len(rows)
            if self.criteria.content_type is not None:
                self.untyped += sum(1 for value in page.content_types if value is None)
            matched = page if len(rows) == len(page.keys) else pick(page, rows)
            yield Matches(matched, self.scanned, self.found)
