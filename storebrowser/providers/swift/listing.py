"""Container and object listings.

Swift sorts names by their UTF-8 bytes and pages with ``marker`` (exclusive), which is
also our page token: the last name (or ``subdir``) of a full page. With a delimiter,
Swift itself skips the rest of a ``subdir`` when the marker is that subdir.

Sizes: an SLO manifest is listed with the size of the whole object (and ``slo_etag``,
with the ``listing_formats`` middleware every current proxy runs), so listings are
right for SLOs. A DLO manifest is listed as the zero-byte object it is; only a HEAD
(``stat``) gives its real size. We keep the listing honest rather than HEAD every
zero-byte entry: an empty object and a DLO manifest look the same in a listing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from storebrowser.core.types import ContainerInfo, EntryColumns, LazyEntries, ObjectInfo, Page
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.metadata import (
    clean_content_type,
    parse_listing_date,
    unquote_etag,
)

#: Swift's default container_listing_limit; a page asks for at most this many.
MAX_PAGE = 10_000


def list_containers(client: SwiftClient) -> list[ContainerInfo]:
    _headers, entries = client.call("Listing the containers", lambda c: c.get_account(full_listing=True))
    return [
        ContainerInfo(
            name=entry["name"],
            object_count=int(entry.get("count", 0)),
            bytes_used=int(entry.get("bytes", 0)),
            created=parse_listing_date(entry.get("last_modified")),
        )
        for entry in entries
    ]


def list_page(
    client: SwiftClient,
    container: str,
    prefix: str,
    delimiter: str | None,
    token: str | None,
    limit: int,
) -> Page[ObjectInfo]:
    limit = max(1, min(limit, client.listing_limit))
    # A range's token (``Provider.start_after``): "after\0upto"; names hold no NUL, so
    # ``upto + "\x01"`` ends the listing right after ``upto``.
    marker, _, upto = (token or "").partition("\0")
    end = upto + "\x01" if upto else None
    _headers, entries = client.call(
        f"Listing {container!r}",
        lambda c: c.get_container(
            container, prefix=prefix or None, delimiter=delimiter, marker=marker or None, end_marker=end,
            limit=limit,
        ),
        container=container,
    )  # fmt: skip
    last = entry_name(entries[-1]) if entries else ""
    next_token = (last + (f"\0{upto}" if upto else "")) if len(entries) >= limit else None
    # Converted when first read (the object table does it on its packing worker, while
    # the next page is already asked): the next request need not wait for it.
    return Page(LazyEntries(len(entries), lambda: entry_columns(entries)), next_token)


def entry_name(entry: Mapping[str, Any]) -> str:
    """The key of a raw entry (an object's name, or a pseudo-folder's ``subdir``)."""
    return str(entry["subdir"] if "subdir" in entry else entry["name"])


def entry_columns(entries: list[dict[str, Any]]) -> EntryColumns:
    """Raw listing entries as columns; a ``subdir`` entry is a pseudo-folder (it has
    none of the other fields, so it gets 0 and ``None``)."""
    return EntryColumns(
        keys=[entry["subdir"] if "subdir" in entry else entry["name"] for entry in entries],
        sizes=[int(entry.get("bytes", 0)) for entry in entries],
        modified=[parse_listing_date(entry.get("last_modified")) for entry in entries],
        etags=[unquote_etag(entry.get("slo_etag") or entry.get("hash")) for entry in entries],
        content_types=[clean_content_type(entry.get("content_type")) for entry in entries],
        storage_classes=[None] * len(entries),
        is_prefix=["subdir" in entry for entry in entries],
        content_md5s=[_listed_md5(entry) for entry in entries],
    )


def _listed_md5(entry: Mapping[str, Any]) -> str | None:
    """A plain object's ``hash`` is the MD5 of its content; an SLO's (``slo_etag``) is of
    its segments' ETags, and a pseudo-folder has none. (A DLO manifest is listed as the
    empty object it is: its hash is of that, and its size 0 says so.)"""
    if "subdir" in entry or is_slo_entry(entry):
        return None
    value = (unquote_etag(entry.get("hash")) or "").lower()
    return value if len(value) == 32 and all(c in "0123456789abcdef" for c in value) else None


def is_slo_entry(entry: Mapping[str, Any]) -> bool:
    return "slo_etag" in entry


def raw_page(client: SwiftClient, container: str, prefix: str = "", marker: str | None = None) -> list[Any]:
    """One full-size page of raw entries (flat)."""
    _headers, entries = client.call(
        f"Listing {container!r}",
        lambda c: c.get_container(
            container, prefix=prefix or None, marker=marker, limit=client.listing_limit
        ),
        container=container,
    )
    return list(entries)


def iter_raw_entries(
    client: SwiftClient, container: str, prefix: str = "", marker: str | None = None
) -> Iterator[dict[str, Any]]:
    """Every raw listing entry (flat), for jobs that need more than ``ObjectInfo``
    (which entries are SLO manifests)."""
    while True:
        entries = raw_page(client, container, prefix, marker)
        yield from entries
        if len(entries) < client.listing_limit:
            return
        marker = entries[-1]["name"]
