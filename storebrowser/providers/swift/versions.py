"""Swift object versioning, the ``X-Versions-Enabled`` API (``allow_object_versioning`` in
the cluster's ``versioned_writes`` middleware; ``object_versioning`` in ``/info``).

A versioned container's objects are symlinks to versions kept in a hidden container;
``GET <container>?versions`` lists versions and delete markers (content type
``application/x-deleted;swift_versions_deleted=1``) key by key, newest first, and pages
with ``marker`` + ``version_marker``. ``?version-id=<id>`` on HEAD, GET and DELETE acts
on one version. Two answers of the middleware are corrected here:

- ``is_latest`` is computed per page: a delete marker that starts a page but belongs to
  the key the previous page ended with is marked latest although it is not (s3api on
  Swift inherits it);
- deleting the current version (or the delete marker on top) leaves the object without
  a current one (the symlink went with it) even when older versions remain; we point the
  object at the next version (``PUT ?version-id``), as S3 makes the next version current.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.errors import NotFound, StorageError
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectVersion, Page, VersioningState, VersioningStatus
from storebrowser.core.versionlist import marker_past, only_first_is_latest
from storebrowser.providers.swift import proof, reading
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.errors import status_of
from storebrowser.providers.swift.metadata import parse_listing_date, unquote_etag

DELETE_MARKER = "application/x-deleted;swift_versions_deleted=1"
LEGACY_HEADERS = ("x-versions-location", "x-history-location")
NOT_OFFERED = (
    "this Swift cluster does not offer object versioning (no 'object_versioning' in its "
    "/info); its operator can turn it on with allow_object_versioning in the "
    "versioned_writes middleware"
)
COST_NOTE = (
    "Every overwrite and delete then keeps the earlier version, and each version takes "
    "its full size of the account's quota until it is deleted."
)


def version_query(version_id: str) -> str:
    return f"version-id={quote(version_id, safe='')}"


# -- the container's switch --------------------------------------------------------------


def versioning_state(client: SwiftClient, container: str) -> VersioningState:
    headers: dict[str, str] = client.call(
        f"Reading the versioning of {container!r}", lambda c: c.head_container(container), container=container
    )
    enabled = headers.get("x-versions-enabled")
    if enabled is not None:
        if enabled.lower() == "true":
            return VersioningState(VersioningStatus.ENABLED)
        return VersioningState(
            VersioningStatus.SUSPENDED, "The versions kept so far stay; new writes replace the current one."
        )
    if any(name in headers for name in LEGACY_HEADERS):
        return VersioningState(
            VersioningStatus.UNSUPPORTED,
            "this container uses Swift's older versioning (X-Versions-Location or "
            "X-History-Location), which keeps versions in another container as plain objects",
        )
    return VersioningState(VersioningStatus.NEVER, f"Versioning was never turned on. {COST_NOTE}")


def set_versioning(client: SwiftClient, container: str, enabled: bool) -> VersioningState:
    flag = "true" if enabled else "false"
    client.call(
        f"Turning versioning {'on' if enabled else 'off'} for {container!r}",
        lambda c: c.post_container(container, {"X-Versions-Enabled": flag}),
        container=container,
    )
    return versioning_state(client, container)


# -- listing -----------------------------------------------------------------------------


def list_versions_page(
    client: SwiftClient, container: str, prefix: str, delimiter: str | None, token: str | None, limit: int
) -> Page[ObjectVersion]:
    """The token is ``[marker, version_marker, key the previous page ended with]``."""
    limit = max(1, min(limit, client.listing_limit))
    marker, version_marker, previous_key = json.loads(token) if token else (None, None, None)
    _headers, raw = client.call(
        f"Listing the versions in {container!r}",
        lambda c: c.get_container(
            container, prefix=prefix or None, delimiter=delimiter, marker=marker, limit=limit,
            version_marker=version_marker or None, query_string="versions",
        ),
        container=container,
    )  # fmt: skip
    entries = [_entry(item) for item in raw]
    entries = only_first_is_latest(entries, previous_key)
    return Page(entries, _next_token(raw, limit))


def _entry(item: dict[str, Any]) -> ObjectVersion:
    if "subdir" in item:
        return ObjectVersion(key=item["subdir"], version_id="", is_prefix=True)
    deleted = item.get("content_type") == DELETE_MARKER
    etag = None if deleted else unquote_etag(item.get("hash"))
    return ObjectVersion(
        key=item["name"],
        version_id=str(item.get("version_id") or "null"),
        is_latest=bool(item.get("is_latest")),
        is_delete_marker=deleted,
        size=0 if deleted else int(item.get("bytes", 0)),
        modified=parse_listing_date(item.get("last_modified")),
        etag=etag,
    )


def _next_token(raw: list[dict[str, Any]], limit: int) -> str | None:
    if len(raw) < limit:
        return None
    last = raw[-1]
    if "subdir" in last:
        return json.dumps([marker_past(last["subdir"]), None, None])
    return json.dumps([last["name"], str(last.get("version_id") or "null"), last["name"]])


def iter_versions_of(client: SwiftClient, container: str, key: str) -> Iterator[ObjectVersion]:
    """Every version of ``key`` alone, newest first."""
    token: str | None = None
    while True:
        page = list_versions_page(client, container, key, None, token, client.listing_limit)
        for entry in page.entries:
            if entry.key == key:
                yield entry
            elif entry.key > key:
                return
        if page.next_token is None:
            return
        token = page.next_token


# -- one version -------------------------------------------------------------------------


@contextlib.contextmanager
def version_errors(what: str, container: str, key: str, version_id: str) -> Iterator[None]:
    """A 404 (or the 400 of a malformed id) about one version says which version, and
    whether it is a delete marker."""
    try:
        yield
    except NotFound as error:
        headers = getattr(error.__cause__, "http_response_headers", None) or {}
        content_type = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
        if content_type.startswith("application/x-deleted"):
            why = f"version {version_id!r} of {key!r} is a delete marker; it has no content"
        else:
            why = f"{key!r} has no version {version_id!r}"
        raise NotFound(f"{what}: {why}.", container=container, key=key) from error
    except StorageError as error:
        if status_of(error.__cause__ or error) != 400:
            raise
        raise NotFound(
            f"{what}: {key!r} has no version {version_id!r} ({error.message})", container=container, key=key
        ) from error


def head_version(client: SwiftClient, container: str, key: str, version_id: str) -> dict[str, str]:
    with version_errors(f"Reading version {version_id!r}", container, key, version_id):
        return reading.head(client, container, key, version_query(version_id))


def iter_read_version(
    client: SwiftClient, container: str, key: str, version_id: str, byte_range: ByteRange,
    chunk_size: int, cancel: CancelToken = NEVER, receipt: ReceiptCallback | None = None,
) -> Iterator[bytes]:  # fmt: skip
    with version_errors(f"Reading version {version_id!r}", container, key, version_id):
        yield from reading.iter_read(
            client, container, key, byte_range,
            chunk_size=chunk_size, cancel=cancel, receipt=receipt, query=version_query(version_id),
        )  # fmt: skip


def version_proof(client: SwiftClient, container: str, key: str, version_id: str) -> ContentProof:
    """``proof.content_proof`` of one version (its HEAD, an SLO version's manifest)."""
    with version_errors(f"Reading version {version_id!r}", container, key, version_id):
        return proof.content_proof(client, container, key, version_query(version_id))


def delete_version(client: SwiftClient, container: str, key: str, version_id: str) -> None:
    """Delete one version for good; when it was the newest (the current version, or the
    delete marker that hides the object), the next version becomes current unless it is
    a delete marker itself, as on S3: so deleting the marker brings the object back."""
    newest = next(iter_versions_of(client, container, key), None)
    with version_errors(f"Deleting version {version_id!r}", container, key, version_id):
        _delete(client, container, key, version_id)
    if newest is not None and newest.version_id == version_id:
        following = next(iter_versions_of(client, container, key), None)
        if following is not None and not following.is_delete_marker and following.version_id != "null":
            _link_current(client, container, key, following.version_id)


def _delete(client: SwiftClient, container: str, key: str, version_id: str) -> None:
    client.call(
        f"Deleting version {version_id!r} of {key!r}",
        lambda c: c.delete_object(container, key, query_string=version_query(version_id)),
        container=container,
        key=key,
    )


def _link_current(client: SwiftClient, container: str, key: str, version_id: str) -> None:
    """Make the object point at an existing version again (no data is copied)."""
    client.call(
        f"Making version {version_id!r} of {key!r} current",
        lambda c: c.put_object(container, key, b"", content_length=0, query_string=version_query(version_id)),
        container=container,
        key=key,
    )


def copy_version_over(client: SwiftClient, container: str, key: str, version_id: str) -> None:
    """A server-side copy of the version onto its own key, keeping its metadata and
    content type: a new current version. (The copy middleware reads the source with the
    ``version-id`` of the request and drops it from the write.)"""
    with version_errors(f"Restoring version {version_id!r}", container, key, version_id):
        client.call(
            f"Restoring version {version_id!r} of {key!r}",
            lambda c: c.put_object(
                container, key, b"", content_length=0, query_string=version_query(version_id),
                headers={"X-Copy-From": quote(f"/{container}/{key}")},
            ),
            container=container,
            key=key,
            slow=True,  # a copy answers only when done
        )  # fmt: skip


def empty_versions(client: SwiftClient, container: str, cancel: CancelToken) -> None:
    """Suspend versioning and delete every version and delete marker, so that a forced
    container delete can go on (Swift refuses to delete a container with versions)."""
    kept = (VersioningStatus.ENABLED, VersioningStatus.SUSPENDED)
    if versioning_state(client, container).status not in kept:
        return
    set_versioning(client, container, False)
    token: str | None = None
    while True:
        cancel.raise_if_cancelled()
        page = list_versions_page(client, container, "", None, token, client.listing_limit)
        for entry in page.entries:
            cancel.raise_if_cancelled()
            with contextlib.suppress(NotFound):
                _delete(client, container, entry.key, entry.version_id)
        if page.next_token is None:
            return
        token = page.next_token
