"""Iteration over paged listings, written once for every provider.

``list_page`` is the primitive each provider implements; everything that wants "all the
objects" goes through these helpers so paging bugs are fixed in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.types import ObjectInfo, Page

T = TypeVar("T")


class PageLister(Protocol):
    def list_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]: ...


def iter_pages(
    lister: PageLister,
    container: str,
    prefix: str = "",
    delimiter: str | None = "/",
    *,
    page_size: int = 1000,
    cancel: CancelToken = NEVER,
) -> Iterator[Page[ObjectInfo]]:
    return follow_tokens(
        lambda token: lister.list_page(container, prefix, delimiter, token, page_size),
        f"listing of {container!r}",
        cancel=cancel,
    )


def follow_tokens(
    fetch: Callable[[str | None], Page[T]], what: str, *, cancel: CancelToken = NEVER
) -> Iterator[Page[T]]:
    """``fetch(None)``, then ``fetch(next_token)`` until a page has none; ``what`` names
    the listing in the error a token that does not advance raises."""
    token: str | None = None
    while True:
        cancel.raise_if_cancelled()
        page = fetch(token)
        yield page
        if page.next_token is None:
            return
        if page.next_token == token:
            raise RuntimeError(f"{what} did not advance past {token!r}")
        token = page.next_token


def iter_objects(
    lister: PageLister,
    container: str,
    prefix: str = "",
    delimiter: str | None = None,
    *,
    page_size: int = 1000,
    cancel: CancelToken = NEVER,
) -> Iterator[ObjectInfo]:
    """Every entry under ``prefix``; flat (every object, recursively) by default."""
    for page in iter_pages(lister, container, prefix, delimiter, page_size=page_size, cancel=cancel):
        yield from page.entries
