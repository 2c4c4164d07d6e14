"""Deleting blobs: one by one, or in Blob Batch requests of up to 256 where supported."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import AccessDenied, AuthFailed, NotFound, StorageError, Transient
from storebrowser.providers.azure.errors import azure_errors, error_code, map_error

if TYPE_CHECKING:
    from azure.core.pipeline.transport import HttpResponse
    from azure.storage.blob import BlobClient, ContainerClient

log = logging.getLogger(__name__)

BATCH_LIMIT = 256  # sub-requests per Blob Batch request (service limit)
CONTAINER_NOT_FOUND = "ContainerNotFound"


class BatchSupport:
    """Whether this account takes Blob Batch; learned on the first try, then remembered."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.supported: bool | None = None

    def refuse(self) -> None:
        with self._lock:
            self.supported = False


def delete_blob(blob: BlobClient) -> None:
    """Delete one blob with its snapshots; a missing blob is not an error (gone is the
    goal), a missing container is (``NotFound``, as S3 and Swift say)."""
    from azure.core.exceptions import ResourceNotFoundError

    with azure_errors(f"Deleting {blob.blob_name!r}", container=blob.container_name, key=blob.blob_name):
        try:
            blob.delete_blob(delete_snapshots="include")
        except ResourceNotFoundError as error:
            if error_code(error) == CONTAINER_NOT_FOUND:
                raise


def delete_many(
    support: BatchSupport, client: ContainerClient, keys: Sequence[str], cancel: CancelToken
) -> dict[str, StorageError]:
    """Delete ``keys``; returns those that failed with why."""
    failures: dict[str, StorageError] = {}
    for start in range(0, len(keys), BATCH_LIMIT):
        cancel.raise_if_cancelled()
        chunk = list(keys[start : start + BATCH_LIMIT])
        if support.supported is not False and len(chunk) > 1:
            answered = _delete_batch(support, client, chunk)
            if answered is not None:
                failures.update(answered)
                continue
        for key in chunk:
            cancel.raise_if_cancelled()
            try:
                delete_blob(client.get_blob_client(key))
            except StorageError as error:
                failures[key] = error
    return failures


def _delete_batch(
    support: BatchSupport, client: ContainerClient, keys: list[str]
) -> dict[str, StorageError] | None:
    """One batch request; ``None`` when the service does not take batches (fall back)."""
    from azure.core.exceptions import AzureError

    action = f"Deleting blobs in {client.container_name!r}"
    try:
        with azure_errors(action, container=client.container_name):
            replies = list(client.delete_blobs(*keys, delete_snapshots="include", raise_on_any_failure=False))
    except (Transient, AuthFailed, AccessDenied, NotFound):
        raise  # not about batches: per-blob deletes would fail the same way
    except (StorageError, AzureError) as error:
        # An endpoint without Blob Batch (some emulators, proxies) answers the batch
        # request itself with an error; per-blob deletes still work there.
        log.info("Blob Batch refused by %s (%s); deleting one by one", client.container_name, error)
        support.refuse()
        return None
    support.supported = True
    failures: dict[str, StorageError] = {}
    for key, reply in zip(keys, replies, strict=True):
        missing_blob = reply.status_code == 404 and _reply_code(reply) != CONTAINER_NOT_FOUND
        if reply.status_code in (200, 202) or missing_blob:  # gone already is the goal
            continue
        failures[key] = _sub_error(reply, action, client.container_name, key)
    return failures


def _reply_code(reply: HttpResponse) -> str | None:
    code = getattr(reply, "headers", {}).get("x-ms-error-code")
    return str(code) if code else None


def _sub_error(reply: HttpResponse, action: str, container: str, key: str) -> StorageError:
    from azure.core.exceptions import HttpResponseError

    error = HttpResponseError(response=reply)
    # Where the SDK's own storage errors carry the service's code (process_storage_error).
    error.error_code = _reply_code(reply)  # type: ignore[attr-defined]  # set ad hoc, as the SDK does
    return map_error(error, f"{action}: {key!r}", container=container, key=key)
