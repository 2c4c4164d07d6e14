"""An object's own expiry: ``X-Delete-At`` (a Unix time) or ``X-Delete-After`` (seconds
from the server's now, which the proxy turns into ``X-Delete-At``). The object server
hides an expired object from reads at once; the object expirer removes it later.

A Swift POST replaces all the metadata, so the expiry goes with everything the object
carries now (``metadata.post_headers``); leaving ``X-Delete-At`` out removes it.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from storebrowser.providers.swift import reading
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.metadata import post_headers

DELETE_AT = "x-delete-at"


def expiry(client: SwiftClient, container: str, key: str) -> datetime | None:
    value = reading.head(client, container, key).get(DELETE_AT)
    return datetime.fromtimestamp(int(value), UTC) if value and value.isdigit() else None


def set_expiry(
    client: SwiftClient, container: str, key: str, *, after: timedelta | None, at: datetime | None
) -> datetime | None:
    current = reading.head(client, container, key)
    headers = post_headers(key, current, None, None)
    headers.pop(DELETE_AT, None)
    if after is not None:
        headers["X-Delete-After"] = str(max(1, math.ceil(after.total_seconds())))
    elif at is not None:
        headers["X-Delete-At"] = str(math.ceil(at.timestamp()))
    client.call(
        f"Setting when {key!r} expires",
        lambda c: c.post_object(container, key, headers),
        container=container,
        key=key,
    )
    return expiry(client, container, key)
