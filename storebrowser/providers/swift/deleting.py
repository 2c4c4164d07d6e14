"""Deleting objects: SLO-aware, in bulk when the cluster offers it.

An SLO manifest must be deleted with ``?multipart-manifest=delete`` so its segments go
too; a plain object must not (older SLO middlewares answer 400 "Not an SLO manifest").
Which is which comes from the listing (``slo_etag``) or a HEAD. The bulk middleware
(``/info`` ``bulk_delete``) deletes up to ``max_deletes_per_request`` plain objects per
request; it knows nothing of SLO segments, so manifests never go through it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote, unquote

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import NotFound, StorageError
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.errors import SwiftError, error_for_status
from storebrowser.providers.swift.listing import is_slo_entry, iter_raw_entries
from storebrowser.providers.swift.metadata import is_slo
from storebrowser.providers.swift.reading import head

MANIFEST_DELETE = "multipart-manifest=delete"
#: Container headers of a container that keeps what a write or delete replaces: object
#: versioning (on, or suspended with versions kept) and the older versioning modes.
_KEEPS_VERSIONS = ("x-versions-enabled", "x-versions-location", "x-history-location")


def keeps_versions(client: SwiftClient, container: str) -> bool:
    """Whether replaced or deleted SLO manifests stay as versions, and so need their
    segments: then a manifest is deleted alone (a delete marker), never its segments."""
    headers: dict[str, str] = client.call(
        f"Reading the versioning of {container!r}", lambda c: c.head_container(container), container=container
    )
    return any(name in headers for name in _KEEPS_VERSIONS)


def delete_one(client: SwiftClient, container: str, key: str, *, slo: bool | None = None) -> None:
    """Delete ``key``; a missing object is fine. ``slo=None`` asks the server (HEAD)."""
    if slo is None:
        try:
            slo = is_slo(head(client, container, key))
        except NotFound:
            return
    query = MANIFEST_DELETE if slo and not keeps_versions(client, container) else None
    try:
        client.call(
            f"Deleting {key!r} in {container!r}",
            lambda c: c.delete_object(container, key, query_string=query),
            container=container,
            key=key,
        )
    except NotFound:
        return


def find_slo_keys(client: SwiftClient, container: str, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` are SLO manifests, from one pass over the listing between the
    first and last key (cheaper than a HEAD per key). A key the listing does not show
    yet (listings lag behind writes on a busy cluster) is asked with a HEAD."""
    wanted = set(keys)
    last = max(keys)
    prefix = _common_prefix(keys)
    found: dict[str, bool] = {}
    for entry in iter_raw_entries(client, container, prefix):
        name = entry["name"]
        if name in wanted:
            found[name] = is_slo_entry(entry)
        if name >= last:
            break
    slo = {key for key, flag in found.items() if flag}
    for key in wanted - found.keys():
        try:
            if is_slo(head(client, container, key)):
                slo.add(key)
        except NotFound:
            pass
    return slo


def _common_prefix(keys: Sequence[str]) -> str:
    first, last = min(keys), max(keys)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def bulk_delete(
    client: SwiftClient, container: str, keys: Sequence[str], *, batch: int, cancel: CancelToken
) -> dict[str, StorageError]:
    """Delete plain objects through the bulk middleware, ``batch`` per request."""
    failures: dict[str, StorageError] = {}
    for start in range(0, len(keys), batch):
        cancel.raise_if_cancelled()
        failures.update(_bulk_request(client, container, keys[start : start + batch]))
    return failures


def _bulk_request(client: SwiftClient, container: str, keys: Sequence[str]) -> dict[str, StorageError]:
    paths = {quote(f"/{container}/{key}"): key for key in keys}
    _headers, body = client.call(
        f"Deleting {len(keys)} objects in {container!r}",
        lambda c: c.post_account(
            headers={"Accept": "application/json", "Content-Type": "text/plain"},
            query_string="bulk-delete",
            data="\n".join(paths).encode(),
        ),
        container=container,
    )
    return _bulk_failures(container, keys, paths, body)


def _bulk_failures(
    container: str, keys: Sequence[str], paths: dict[str, str], body: bytes
) -> dict[str, StorageError]:
    try:
        answer: dict[str, Any] = json.loads(body)
    except ValueError:
        not_json = SwiftError(f"Deleting objects in {container!r}: Swift's bulk answer was not JSON.")
        return dict.fromkeys(keys, not_json)
    failures: dict[str, StorageError] = {}
    for path, status_text in answer.get("Errors") or []:
        key = paths.get(path) or paths.get(quote(unquote(path))) or unquote(path).split("/", 2)[-1]
        status = int(str(status_text).split()[0]) if str(status_text)[:3].isdigit() else 500
        if status != 404:
            failures[key] = error_for_status(
                status, str(status_text), f"Deleting {key!r}", container=container, key=key
            )
    overall = str(answer.get("Response Status", "200"))
    if not failures and not overall.startswith("2"):
        status = int(overall.split()[0]) if overall[:3].isdigit() else 500
        error = error_for_status(status, overall, f"Deleting objects in {container!r}", container=container)
        return dict.fromkeys(keys, error)
    return failures


def delete_each(
    client: SwiftClient, container: str, keys: Iterable[str], slo: set[str], cancel: CancelToken
) -> dict[str, StorageError]:
    failures: dict[str, StorageError] = {}
    for key in keys:
        cancel.raise_if_cancelled()
        try:
            delete_one(client, container, key, slo=key in slo)
        except StorageError as error:
            failures[key] = error
    return failures
