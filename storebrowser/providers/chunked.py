"""Uploads in parts, written once for every provider with ``capabilities.multipart``.

The stream is read in this thread, one part at a time; parts go to a small pool. A
semaphore holds at most ``part_concurrency`` parts in memory, so memory stays at
``part_size * part_concurrency`` whatever the size of the upload, which is what lets a
tar.gz of unknown length stream straight into a container. Any failure or a cancel
aborts the remote upload, so nothing half-made is left behind.
"""

from __future__ import annotations

import io
import logging
import math
import threading
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, BinaryIO

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import ChecksumMismatch, InvalidName, StorageError
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.types import ObjectInfo, PartRecord, ProgressCallback
from storebrowser.providers.streams import read_exactly

if TYPE_CHECKING:
    from storebrowser.providers.base import MultipartUpload, Provider

log = logging.getLogger(__name__)

PART_RETRY = RetryPolicy(attempts=4)


def choose_part_size(provider: Provider, size: int | None) -> int:
    """The provider's part size, grown when ``size`` would need too many parts."""
    part_size = max(provider.part_size, provider.min_part_size)
    if size is not None and math.ceil(size / part_size) > provider.max_parts:
        part_size = math.ceil(size / provider.max_parts)
    return part_size


def upload_stream(
    provider: Provider,
    container: str,
    key: str,
    stream: BinaryIO,
    *,
    size: int | None,
    content_type: str | None,
    metadata: Mapping[str, str] | None,
    progress: ProgressCallback | None,
    cancel: CancelToken = NEVER,
) -> ObjectInfo:
    """Single request when small or when the provider has no parts; parts otherwise."""
    small = size is not None and size <= provider.multipart_threshold
    if small or not provider.capabilities.multipart:
        return provider.put_object(
            container,
            key,
            stream,
            size=size,
            content_type=content_type,
            metadata=metadata,
            progress=progress,
            cancel=cancel,
        )
    part_size = choose_part_size(provider, size)
    first = read_exactly(stream, part_size)
    if size is None and len(first) < part_size:
        # A short stream of unknown length: it fits in one request after all.
        return provider.put_object(
            container,
            key,
            io.BytesIO(first),
            size=len(first),
            content_type=content_type,
            metadata=metadata,
            progress=progress,
            cancel=cancel,
        )
    upload = provider.start_multipart(
        container, key, part_size=part_size, content_type=content_type, metadata=metadata
    )
    sender = PartSender(upload, progress=progress, cancel=cancel, concurrency=provider.part_concurrency)
    try:
        parts = sender.send_stream(first, stream, size)
        return upload.complete(parts)
    except BaseException:
        _abort_quietly(upload)
        raise


def _abort_quietly(upload: MultipartUpload) -> None:
    try:
        upload.abort()
    except Exception:  # the original error matters more; the abort is best effort
        log.warning("could not abort the upload of %s/%s", upload.container, upload.key, exc_info=True)


class PartSender:
    """Send parts of one upload in parallel, each retried on ``Transient`` errors."""

    def __init__(
        self,
        upload: MultipartUpload,
        *,
        progress: ProgressCallback | None,
        cancel: CancelToken,
        concurrency: int,
        retry: RetryPolicy = PART_RETRY,
    ) -> None:
        self._upload = upload
        self._progress = progress
        self._cancel = cancel
        self._retry = retry
        self._concurrency = max(1, concurrency)
        self._slots = threading.BoundedSemaphore(self._concurrency)
        self._failed = threading.Event()

    def send_stream(self, first: bytes, stream: BinaryIO, size: int | None) -> list[PartRecord]:
        """Send ``first`` and the rest of ``stream`` as parts 1..n; check ``size``."""
        part_size = self._upload.part_size
        futures: list[Future[PartRecord]] = []
        sent = 0
        with ThreadPoolExecutor(self._concurrency, thread_name_prefix="part") as pool:
            data, number = first, 1
            while data and not self._failed.is_set():
                sent += len(data)
                futures.append(self._submit(pool, number, data))
                if size is not None and sent >= size:
                    break
                self._slots.acquire()  # held until a part finishes: caps memory
                self._slots.release()
                data, number = read_exactly(stream, part_size), number + 1
        parts = [future.result() for future in futures]  # raises the first failure
        if size is not None and sent != size:
            raise ChecksumMismatch(
                f"The source changed while uploading {self._upload.key!r}: expected "
                f"{size} bytes, read {sent}. Nothing was stored; try again."
            )
        if len(parts) == 0:
            raise InvalidName("An upload in parts needs at least one byte.")
        return parts

    def _submit(self, pool: ThreadPoolExecutor, number: int, data: bytes) -> Future[PartRecord]:
        self._slots.acquire()
        future = pool.submit(self._send_part, number, data)
        future.add_done_callback(self._part_done)
        return future

    def _part_done(self, future: Future[PartRecord]) -> None:
        self._slots.release()
        if future.exception() is not None:
            self._failed.set()

    def _send_part(self, number: int, data: bytes) -> PartRecord:
        counted = [0]

        def report(delta: int) -> None:
            counted[0] += delta
            if self._progress is not None:
                self._progress(delta)

        def rewind(_attempt: int, _error: StorageError) -> None:
            report(-counted[0])  # a retried part starts from zero again

        return call_with_retry(
            lambda: self._upload.upload_part(number, data, progress=report, cancel=self._cancel),
            self._retry,
            cancel=self._cancel,
            on_retry=rewind,
        )
