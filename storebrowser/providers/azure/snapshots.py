"""Blob snapshots as versions: list (``include=snapshots``), read, promote, delete, take.

A blob's versions are the blob itself (``CURRENT_BLOB``, the latest) and its snapshots,
newest first; a snapshot's id is its timestamp and its Last-Modified is when its content
was written. Azure has no delete marker: deleting a blob deletes its snapshots with it.

Listing: the service pages with an opaque marker and gives a blob's snapshots in an
order of its own (Azurite's differs from Azure's, and its marker, a blob name, skips the
rest of a blob whose snapshots straddle two pages). So a page is made whole per blob:
when it ends inside a blob's entries, that blob is listed again on its own, and the
next page leaves it out (the token remembers its name). Entries are then ordered here.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from storebrowser.core.cancel import CancelToken
from storebrowser.core.digests import ReceiptCallback
from storebrowser.core.errors import InvalidName, NotFound, Unsupported
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import (
    CURRENT_BLOB,
    ObjectInfo,
    ObjectVersion,
    Page,
    VersioningState,
    VersioningStatus,
)
from storebrowser.providers.azure.blob_versions import version_entry
from storebrowser.providers.azure.copying import copy_blob
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.azure.listing import MAX_PAGE, one_page
from storebrowser.providers.azure.properties import object_info
from storebrowser.providers.azure.reading import iter_blob

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient, ContainerClient

NOTE = (
    "Azure keeps earlier versions here as snapshots: take one before a change (Take "
    "Snapshot) and it can be read, promoted or deleted later; each snapshot is billed for "
    "the blocks it does not share with the blob. This account returns no blob versions "
    "(an account setting, read from what its listings carry), and a deleted blob takes "
    "its snapshots with it."
)


def versioning_state() -> VersioningState:
    return VersioningState(VersioningStatus.SNAPSHOTS, NOTE)


def refuse_switch() -> Unsupported:
    return Unsupported(
        "Azure has no versioning switch per container: blob versioning is a setting of the "
        "storage account (Azure portal or management API). Here, versions are snapshots."
    )


# -- listing -----------------------------------------------------------------------------


def list_versions_page(
    client: ContainerClient, prefix: str, delimiter: str | None, token: str | None, limit: int,
    *, versions: bool = False,
) -> Page[ObjectVersion]:  # fmt: skip
    """The token is ``[the service's marker, the blob the previous page completed]``.
    ``versions``: the blobs' versions (``blob_versions``) instead of their snapshots."""
    marker, done = json.loads(token) if token else (None, None)
    size = max(1, min(limit, MAX_PAGE))
    items, next_marker = _raw_page(client, prefix, delimiter, marker, size, versions=versions)
    items = [item for item in items if item.name != done or _is_prefix(item)]
    completed = None
    if next_marker and items and not _is_prefix(items[-1]):
        completed = items[-1].name  # its snapshots may go on on the next page
        items = [item for item in items if item.name != completed] + _all_of(
            client, completed, versions=versions
        )
    entries = ordered(_entry(item, versions) for item in items)
    return Page(entries, json.dumps([next_marker, completed]) if next_marker else None)


def _raw_page(
    client: ContainerClient, prefix: str, delimiter: str | None, marker: str | None, size: int,
    *, metadata: bool = False, versions: bool = False,
) -> tuple[list[Any], str | None]:  # fmt: skip
    name = client.container_name
    include = ["versions" if versions else "snapshots"] + (["metadata"] if metadata else [])
    with azure_errors(f"Listing the {'versions' if versions else 'snapshots'} in {name!r}", container=name):
        if delimiter:
            walked = client.walk_blobs(
                name_starts_with=prefix or None, delimiter=delimiter, include=include,
                results_per_page=size,
            )  # fmt: skip
            return one_page(walked, marker)
        listed = client.list_blobs(name_starts_with=prefix or None, include=include, results_per_page=size)
        return one_page(listed, marker)


def _all_of(
    client: ContainerClient, blob_name: str, *, metadata: bool = False, versions: bool = False
) -> list[Any]:
    """Every entry of one blob (itself and its snapshots, or its versions), in one listing of its own."""
    found: list[Any] = []
    marker: str | None = None
    while True:
        items, marker = _raw_page(
            client, blob_name, None, marker, MAX_PAGE, metadata=metadata, versions=versions
        )
        found += [item for item in items if item.name == blob_name]
        if not marker or (items and items[-1].name > blob_name):
            return found


def _is_prefix(item: Any) -> bool:
    from azure.storage.blob import BlobPrefix

    return isinstance(item, BlobPrefix)


def _entry(item: Any, versions: bool = False) -> ObjectVersion:
    if _is_prefix(item):
        return ObjectVersion(key=item.name, version_id="", is_prefix=True)
    if versions and getattr(item, "version_id", None):
        version_id, current = version_entry(item)
        info = object_info(item, key=item.name)
        return ObjectVersion(item.name, version_id, is_latest=current, size=info.size, modified=info.modified,
                             etag=info.etag, content_md5=info.content_md5)  # fmt: skip
    # Snapshots mode, or a blob with no version id among versions: the blob itself,
    # current (one written before versioning was on, or while it was off).
    return _version(item, item.name, item.snapshot)


def _version(properties: Any, key: str, snapshot: str | None) -> ObjectVersion:
    info = object_info(properties, key=key)
    return ObjectVersion(
        key=key,
        version_id=snapshot or CURRENT_BLOB,
        is_latest=not snapshot,
        size=info.size,
        modified=info.modified,
        etag=info.etag,
        content_md5=info.content_md5,
        created=None if snapshot else getattr(properties, "creation_time", None),
    )


def ordered(entries: Iterable[ObjectVersion]) -> list[ObjectVersion]:
    """By name; the blob before its snapshots; snapshots newest first (their ids are ISO
    timestamps of one width, so they sort as text)."""
    newest_first = sorted(entries, key=lambda entry: entry.version_id, reverse=True)
    return sorted(newest_first, key=lambda entry: (entry.key, not entry.is_latest))


# -- one snapshot ------------------------------------------------------------------------


@contextlib.contextmanager
def snapshot_errors(what: str, blob: BlobClient, version_id: str) -> Iterator[None]:
    """SDK errors about one snapshot (or the blob itself); a 404 says which."""
    container, key = blob.container_name, blob.blob_name
    try:
        with azure_errors(what, container=container, key=key):
            yield
    except NotFound as error:
        missing = "does not exist" if version_id == CURRENT_BLOB else f"has no snapshot {version_id!r}"
        raise NotFound(f"{what}: {key!r} {missing}.", container=container, key=key) from error


def snapshot_client(container: ContainerClient, key: str, version_id: str) -> BlobClient:
    if not key:
        raise InvalidName("A blob name may not be empty.", container=container.container_name)
    snapshot = None if version_id == CURRENT_BLOB else version_id
    return container.get_blob_client(key, snapshot=snapshot)


def delete_snapshot(blob: BlobClient, version_id: str) -> None:
    if version_id == CURRENT_BLOB:
        raise Unsupported(
            f"{blob.blob_name!r} itself is not a snapshot: delete the blob to remove it (its "
            "snapshots go with it)."
        )
    with snapshot_errors(f"Deleting snapshot {version_id!r}", blob, version_id):
        blob.delete_blob()


def take_snapshot(blob: BlobClient, container: ContainerClient) -> ObjectVersion:
    what = f"Taking a snapshot of {blob.blob_name!r}"
    with azure_errors(what, container=blob.container_name, key=blob.blob_name):
        reply = blob.create_snapshot()
        taken = container.get_blob_client(blob.blob_name, snapshot=str(reply["snapshot"]))
        properties = taken.get_blob_properties()
    return _version(properties, blob.blob_name, str(reply["snapshot"]))


def keep_current(container: ContainerClient, key: str) -> ObjectVersion | None:
    """Before the blob is overwritten by a promotion: a snapshot of it, unless one holds
    it already (the newest snapshot has its ETag: taken since its last change; or a
    snapshot has its size, Content-MD5, content type and metadata). ``None`` when no new
    snapshot was needed (or there is no blob)."""
    entries = _all_of(container, key, metadata=True)
    blob = next((entry for entry in entries if not entry.snapshot), None)
    if blob is None:
        return None
    snapshots = sorted((entry for entry in entries if entry.snapshot), key=lambda e: e.snapshot)
    if snapshots and snapshots[-1].etag == blob.etag:
        return None
    if any(_same_content(blob, snapshot) for snapshot in snapshots):
        return None
    return take_snapshot(container.get_blob_client(key), container)


def _same_content(a: Any, b: Any) -> bool:
    first, second = object_info(a), object_info(b)
    return first.content_md5 is not None and (
        first.size,
        first.content_md5,
        first.content_type,
        dict(first.metadata),
    ) == (second.size, second.content_md5, second.content_type, dict(second.metadata))


def stat_snapshot(blob: BlobClient, version_id: str) -> ObjectInfo:
    with snapshot_errors(f"Reading snapshot {version_id!r}", blob, version_id):
        return object_info(blob.get_blob_properties(), key=blob.blob_name)


def iter_snapshot(
    blob: BlobClient,
    byte_range: ByteRange,
    cancel: CancelToken,
    receipt: ReceiptCallback | None = None,
    *,
    piece: int | None = None,
) -> Iterator[bytes]:
    """``reading.iter_blob`` of a snapshot, a blob version, or the blob; a 404 said about it."""
    version_id = blob.snapshot or blob.version_id or CURRENT_BLOB
    with snapshot_errors(f"Reading snapshot {version_id!r}", blob, version_id):
        yield from iter_blob(blob, byte_range, cancel, receipt, piece=piece)


def promote(container: ContainerClient, source: BlobClient, source_url: str) -> None:
    """Copy a snapshot over its blob (content, content settings and metadata), after
    taking a snapshot of the blob unless one holds what is about to be replaced."""
    stat_snapshot(source, str(source.snapshot))  # NotFound before anything changes
    keep_current(container, source.blob_name)
    copy_blob(source_url, container.get_blob_client(source.blob_name), metadata=None)
