"""Blob versions (Azure's account-wide blob versioning) as versions: whether a container
has them, and one version read, deleted or promoted.

Whether the account keeps versions is an account setting, not readable with data-plane
rights; what decides here is what the service returns: a listing with
``include=versions`` whose blobs carry version ids. An emulator without versions
(Azurite 3.35) returns none (and would serve the current content for any version id), so
it keeps to snapshots; so does an empty container, until it holds a blob.

A version's id is the service's (an opaque timestamp); the current version is listed
first (``is_latest``). A blob deleted in such an account keeps its versions, with none
current: it shows as deleted and comes back by promoting one. Versions listed do not
mean versioning is on now (those kept stay after it is turned off): a blob with no
version id may be replaced or deleted for good, so a promotion snapshots it first
(``promote``) and a restore does not delete it (``unversioned``). Nothing here is tested
against a service with versions (none was at hand); see the tests' note.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from storebrowser.core.cancel import CancelToken
from storebrowser.core.digests import ReceiptCallback
from storebrowser.core.errors import AccessDenied, NotFound, Unsupported
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectInfo, VersioningState, VersioningStatus
from storebrowser.providers.azure.copying import copy_blob
from storebrowser.providers.azure.errors import azure_errors, error_code, status_code
from storebrowser.providers.azure.listing import one_page
from storebrowser.providers.azure.properties import object_info
from storebrowser.providers.azure.reading import iter_blob

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient, ContainerClient

log = logging.getLogger(__name__)

#: A blob version's id, as a snapshot's: a time to the 100 ns, fixed width.
VERSION_ID = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z")

#: What the service says when the permission to delete an earlier version is missing
#: (besides a 403): seen with a SAS lacking ``x``.
NO_VERSION_DELETE = frozenset({"OperationNotAllowedOnAutomaticSnapshot"})
DELETE_PERMISSION = (
    "Deleting an earlier blob version needs the 'Storage Blob Data Owner' role "
    "(deleteBlobVersion) or a SAS with the 'x' permission."
)

#: Blobs looked at to tell whether the container's blobs carry version ids.
PROBE = 100

NOTE = (
    "This storage account has blob versions: while versioning is on (an account setting, "
    "not readable here), an overwrite or delete keeps the earlier version, which can be "
    "read, promoted or deleted here; a blob with no version id (written while it was off) "
    "gets a snapshot before a promotion replaces it (snapshots are not listed while "
    "versions are). Each version is billed for the blocks it does not share with the blob."
)


def keeps_versions(client: ContainerClient) -> bool | None:
    """Whether the first blobs of ``client`` carry version ids (one request); ``None``
    while the container holds no blob (nothing tells)."""
    name = client.container_name
    with azure_errors(f"Looking for blob versions in {name!r}", container=name):
        items, _next = one_page(client.list_blobs(include=["versions"], results_per_page=PROBE), None)
    if not items:
        return None
    return any(getattr(item, "version_id", None) for item in items)


def versioning_state() -> VersioningState:
    return VersioningState(VersioningStatus.ENABLED, NOTE, deletions_dated=False)


def version_client(container: ContainerClient, key: str, version_id: str) -> BlobClient:
    return container.get_blob_client(key, version_id=version_id)


def version_entry(item: Any) -> tuple[str, bool]:
    """A listed blob's version id and whether it is the current version."""
    return str(item.version_id), bool(getattr(item, "is_current_version", False))


def check_version_id(container: str, key: str, version_id: str) -> None:
    """``NotFound`` for an id no snapshot or version can have (``"null"``, ``"None"``),
    before any request: the service would answer a 400 that names no version."""
    if not VERSION_ID.fullmatch(version_id):
        raise NotFound(
            f"{key!r} has no version {version_id!r} (a version id is a time such as "
            "2026-01-31T12:00:00.0000000Z).", container=container, key=key,
        )  # fmt: skip


@contextlib.contextmanager
def version_errors(what: str, blob: BlobClient) -> Iterator[None]:
    """SDK errors about one version; a missing version (404, or a 400 refusing the id)
    says which."""
    from azure.core.exceptions import HttpResponseError

    container, key = blob.container_name, blob.blob_name
    missing = f"{what}: {key!r} has no version {blob.version_id!r}."
    try:
        with azure_errors(what, container=container, key=key):
            try:
                yield
            except HttpResponseError as error:
                if status_code(error) == 400 and error_code(error) == "InvalidQueryParameterValue":
                    raise NotFound(missing, container=container, key=key) from None
                raise
    except NotFound as error:
        raise NotFound(missing, container=container, key=key) from error


def stat_version(blob: BlobClient) -> ObjectInfo:
    with version_errors(f"Reading version {blob.version_id!r}", blob):
        return object_info(blob.get_blob_properties(), key=blob.blob_name)


def iter_version(
    blob: BlobClient,
    byte_range: ByteRange,
    cancel: CancelToken,
    receipt: ReceiptCallback | None = None,
    *,
    piece: int | None = None,
) -> Iterator[bytes]:
    """``reading.iter_blob`` of a version; a missing one said so."""
    with version_errors(f"Reading version {blob.version_id!r}", blob):
        yield from iter_blob(blob, byte_range, cancel, receipt, piece=piece)


def delete_version(blob: BlobClient) -> None:
    """Delete one earlier version; the current one is refused (deleting the blob keeps it
    as an earlier version instead)."""
    where = {"container": blob.container_name, "key": blob.blob_name}
    with version_errors(f"Deleting version {blob.version_id!r}", blob):
        if blob.get_blob_properties().is_current_version:
            raise Unsupported(
                f"Version {blob.version_id!r} of {blob.blob_name!r} is its current version: delete "
                "the blob instead (the version is kept as an earlier one).", **where,
            )  # fmt: skip
        _delete_earlier(blob)


def _delete_earlier(blob: BlobClient) -> None:
    """Delete Blob of an earlier version, whose refusal for want of the one permission
    it needs (not in Contributor, nor in a SAS without ``x``) says which."""
    from azure.core.exceptions import HttpResponseError

    try:
        blob.delete_blob()
    except HttpResponseError as error:
        if status_code(error) == 403 or error_code(error) in NO_VERSION_DELETE:
            raise AccessDenied(DELETE_PERMISSION, container=blob.container_name, key=blob.blob_name) from None
        raise


def unversioned(container: ContainerClient, key: str) -> bool:
    """Whether ``key``'s blob exists with no version id (one request): written while
    versioning was off, or before it was on. The account setting cannot be read here, so
    an overwrite or delete of it may keep nothing."""
    try:
        with azure_errors(f"Reading {key!r}", container=container.container_name, key=key):
            return not container.get_blob_client(key).get_blob_properties().version_id
    except NotFound:
        return False


def promote(
    container: ContainerClient, source: BlobClient, source_url: str,
    keep_current: Callable[[ContainerClient, str], object],
) -> bool:  # fmt: skip
    """Copy a version over its blob (content, settings, metadata). Versioning keeps the
    content replaced, unless it is off now: a blob with no version id is first kept by
    ``keep_current`` (a snapshot). False when the copy made no version (versioning is off)."""
    stat_version(source)  # NotFound before anything changes
    if unversioned(container, source.blob_name):
        keep_current(container, source.blob_name)
    reply = copy_blob(source_url, container.get_blob_client(source.blob_name), metadata=None)
    if reply.get("version_id"):
        return True
    log.warning("Copy onto %r in %r made no blob version: versioning looks off; using snapshots",
                source.blob_name, container.container_name)  # fmt: skip
    return False
