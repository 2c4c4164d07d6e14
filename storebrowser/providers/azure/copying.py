"""Server-side copy: Copy Blob, then wait while the service copies (it may be asynchronous)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import StorageError
from storebrowser.providers.azure.errors import azure_errors, redact

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient

#: Seconds between looks at a pending copy; small copies within an account finish at once.
POLL_SECONDS = 1.0


def copy_blob(
    source_url: str,
    target: BlobClient,
    *,
    metadata: dict[str, str] | None,
    cancel: CancelToken = NEVER,
) -> dict[str, Any]:
    """Copy ``source_url`` onto ``target``; ``metadata=None`` keeps the source's. Returns
    the service's reply to the copy (its ``version_id``: the new version, where any).

    A cancel while the copy is pending aborts it, which leaves an empty target blob behind
    only if the service had created one (Azure's Abort Copy semantics).
    """
    action = f"Copying to {target.blob_name!r} in {target.container_name!r}"
    where = {"container": target.container_name, "key": target.blob_name}
    with azure_errors(action, **where):
        reply = target.start_copy_from_url(source_url, metadata=metadata)
        status, copy_id = reply.get("copy_status"), reply.get("copy_id")
        while status == "pending":
            if cancel.wait(POLL_SECONDS):
                if isinstance(copy_id, str):  # a pending copy always has an id
                    target.abort_copy(copy_id)
                cancel.raise_if_cancelled()
            copy = target.get_blob_properties().copy
            status, copy_id = copy.status, copy.id or copy_id
            if status != "pending" and status != "success":
                why = redact(copy.status_description or "no reason given")
                raise StorageError(f"{action} ended as {status}: {why}", **where)
    if status not in ("success", None):
        raise StorageError(f"{action} ended as {status}.", **where)
    return dict(reply)
