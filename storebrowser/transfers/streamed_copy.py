"""One object copied through this process (between accounts or services, or where the
service has no server-side copy): the download feeds the upload, nothing touches the
disk, and the bytes are proven by content as a download's are."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import ChecksumMismatch, StorageError
from storebrowser.core.types import ObjectInfo, ProgressCallback
from storebrowser.providers.base import Provider
from storebrowser.providers.streams import IterStream
from storebrowser.transfers.sending import upload, upload_bytes
from storebrowser.transfers.stream import VerifiedRead

log = logging.getLogger(__name__)


def stream_copy(
    source: Provider,
    src_container: str,
    src_key: str,
    target: Provider,
    dst_container: str,
    dst_key: str,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken = NEVER,
    bandwidth: Bandwidth | None = None,
) -> ObjectInfo:
    """Copy one object through this process, between accounts or services: the download
    feeds the upload chunk by chunk (in parts when large), nothing touches the disk.
    Content type and user metadata travel where the target can hold them. ``bandwidth``
    holds the upload, which holds the download feeding it.

    The bytes read are proven by content as a download's are (``VerifiedRead``): on Azure
    each read before it is sent on, so a damaged one never reaches the target; elsewhere
    the whole stream once the upload has taken it. A copy that does not match is deleted
    from the target (it is ours: the upload returned it) and the copy fails, so a move
    never deletes its source over a wrong copy."""
    if src_key.endswith("/"):  # a folder marker: no bytes to move
        source.stat(src_container, src_key)
        return upload_bytes(target, dst_container, dst_key, b"")
    read = VerifiedRead(source, src_container, src_key, cancel=cancel, exact_layout=True)
    stat = read.proof.info
    chunks = iter(read)
    stream = IterStream(_up_to(chunks, stat.size))
    try:
        info = upload(
            target,
            dst_container,
            dst_key,
            stream.binary(),
            size=stat.size,
            content_type=stat.content_type if target.capabilities.content_type else None,
            metadata=dict(stat.metadata) if target.capabilities.user_metadata and stat.metadata else None,
            progress=progress,
            cancel=cancel,
            bandwidth=bandwidth,
        )
    finally:
        stream.close()
    try:
        if info.size != stat.size:
            raise ChecksumMismatch(f"Copying {src_key!r}: {stat.size} bytes were read, {info.size} arrived.")
        _finish_check(chunks, src_key)
    except ChecksumMismatch as wrong:
        _remove_wrong_copy(target, dst_container, dst_key)
        raise ChecksumMismatch(
            f"{wrong.message} The copy {dst_container}/{dst_key} was deleted; the source is untouched.",
            container=dst_container,
            key=dst_key,
        ) from None
    return info


def _up_to(chunks: Iterator[bytes], size: int) -> Iterator[bytes]:
    """The chunks until ``size`` bytes were handed on, and not one call more: the proof
    that runs when the read ends (``VerifiedRead``) must not fire inside the upload, where
    the request may already hold every byte and its failure would not say whether the
    object was stored. ``_finish_check`` runs it once the upload has answered."""
    sent = 0
    while sent < size:
        chunk = next(chunks, None)
        if chunk is None:
            return
        sent += len(chunk)
        yield chunk


def _finish_check(chunks: Iterator[bytes], key: str) -> None:
    """Ends the read: its proof raises ``ChecksumMismatch`` when the bytes copied are not
    the object's; a byte more than the object's size is a mismatch too."""
    if next(chunks, None) is not None:
        raise ChecksumMismatch(f"Copying {key!r}: the source sent more bytes than its size.")


def _remove_wrong_copy(target: Provider, container: str, key: str) -> None:
    try:
        target.delete_object(container, key)
    except StorageError as error:  # said in the log; the copy's failure is what is raised
        log.warning("A copy not matching its source could not be deleted: %s/%s: %s", container, key, error)
