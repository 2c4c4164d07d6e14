"""One object copied through this process (between accounts or services, or where the
service has no server-side copy): the download feeds the upload, nothing touches the
disk, and the bytes are proven by content as a download's are."""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Callable, Generator, Iterator

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import ChecksumMismatch, StorageError
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.types import ObjectInfo, ProgressCallback
from storebrowser.providers.base import Provider
from storebrowser.providers.streams import IterStream
from storebrowser.transfers.sending import SendPolicy, Sent, goes_in_parts, send, upload_bytes
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

    The bytes are proven by content as a download's are (``VerifiedRead``), before they
    replace what the target holds: on Azure each read before it is sent on; an upload in
    parts once its last part is sent, before the parts are made the object (a mismatch
    aborts it); an object sent in one request is read whole and proven first. Only a large
    object to a target that takes no parts is proven after it is stored; a copy that does
    not match is then deleted. A move never deletes its source over a wrong copy."""
    if src_key.endswith("/"):  # a folder marker: no bytes to move
        source.stat(src_container, src_key)
        return upload_bytes(target, dst_container, dst_key, b"")
    read = VerifiedRead(source, src_container, src_key, cancel=cancel, exact_layout=True)
    stat = read.proof.info
    # A generator of our own, to close at once (the read's generator, its connection, then
    # goes with it) rather than at garbage collection.
    chunks: Generator[bytes, None, None] = (chunk for chunk in read)
    policy = SendPolicy(target.part_concurrency, bandwidth=bandwidth)
    store: Callable[..., Sent] = functools.partial(  # send, to this target, key and options
        send, target, dst_container, dst_key, progress=progress, cancel=cancel, policy=policy,
        content_type=stat.content_type if target.capabilities.content_type else None,
        metadata=dict(stat.metadata) if target.capabilities.user_metadata and stat.metadata else None,
    )  # fmt: skip
    size = stat.size
    try:
        if goes_in_parts(target, dst_key, size, policy):
            # Proven once the last part is sent, before the parts are made the object: a
            # mismatch aborts the upload and leaves what the target held.
            proof = functools.partial(_finish_check, chunks, src_key)
            info = store(IterStream(_up_to(chunks, size)).binary(), size=size, before_complete=proof).info
        elif size <= WHOLE_IN_MEMORY:
            data = b"".join(_up_to(chunks, size))
            _finish_check(chunks, src_key)
            info = store(io.BytesIO(data), size=len(data)).info
        else:
            info = _stored_then_proven(store, target, dst_container, dst_key, chunks, size, src_key)
    finally:
        chunks.close()
    if info.size != size:
        raise ChecksumMismatch(f"Copying {src_key!r}: {size} bytes were read, {info.size} arrived.")
    return info


#: The largest object read whole (and proven) before it is sent in one request; larger
#: ones go in parts, proven before the parts are made the object.
WHOLE_IN_MEMORY = 64 * 1024 * 1024


def _stored_then_proven(
    store: Callable[..., Sent],
    target: Provider,
    container: str,
    key: str,
    chunks: Iterator[bytes],
    size: int,
    src_key: str,
) -> ObjectInfo:
    """A large object to a target that takes no parts: stored, then proven; a copy that
    does not match is deleted, and the error says whether it could be."""
    info = store(IterStream(_up_to(chunks, size)).binary(), size=size).info
    try:
        _finish_check(chunks, src_key)
    except ChecksumMismatch as wrong:
        if _deleted(target, container, key):
            said = f"The copy {container}/{key} was deleted; the source is untouched."
        else:
            said = f"The copy {container}/{key} could NOT be deleted: delete it; the source is untouched."
        raise ChecksumMismatch(f"{wrong.message} {said}", container=container, key=key) from None
    return info


def _up_to(chunks: Iterator[bytes], size: int) -> Iterator[bytes]:
    """The chunks until ``size`` bytes were handed on, and not one call more: the proof
    that runs when the read ends (``VerifiedRead``) must not fire inside a request that
    may already hold every byte, whose failure would not say whether the object was
    stored. ``_finish_check`` runs it where its answer decides."""
    sent = 0
    while sent < size:
        chunk = next(chunks, None)
        if chunk is None:
            return
        sent += len(chunk)
        if sent > size:  # before the upload is handed a byte past the size it was told
            raise ChecksumMismatch(f"Copying: the source sent more than its {size} bytes.")
        yield chunk


def _finish_check(chunks: Iterator[bytes], key: str) -> None:
    """Ends the read: its proof raises ``ChecksumMismatch`` when the bytes copied are not
    the object's; a byte more than the object's size is a mismatch too."""
    if next(chunks, None) is not None:
        raise ChecksumMismatch(f"Copying {key!r}: the source sent more bytes than its size.")


def _deleted(target: Provider, container: str, key: str) -> bool:
    try:
        call_with_retry(lambda: target.delete_object(container, key), DELETE_RETRY)
    except StorageError as error:
        log.warning("A copy not matching its source could not be deleted: %s/%s: %s", container, key, error)
        return False
    return True


DELETE_RETRY = RetryPolicy(attempts=3, base_delay=0.5, max_delay=2.0)
