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
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, BinaryIO, Protocol

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
    if small or not provider.can_upload_in_parts(key):
        return provider.put_object(
            container, key, stream, size=size, content_type=content_type,
            metadata=metadata, progress=progress, cancel=cancel,
        )  # fmt: skip
    part_size = choose_part_size(provider, size)
    first = read_exactly(stream, part_size)
    if size is None and len(first) < part_size:
        # A short stream of unknown length: it fits in one request after all.
        return provider.put_object(
            container, key, io.BytesIO(first), size=len(first), content_type=content_type,
            metadata=metadata, progress=progress, cancel=cancel,
        )  # fmt: skip
    upload = provider.start_multipart(
        container, key, part_size=part_size, content_type=content_type, metadata=metadata
    )
    sender = PartSender(upload, progress=progress, cancel=cancel,
                        concurrency=provider.part_concurrency)  # fmt: skip
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
        log.warning("could not abort the upload of %s/%s", upload.container, upload.key,
                    exc_info=True)  # fmt: skip


class PartsStopped(Exception):
    """The caller's ``stop()`` said to stop sending (a paused transfer); the parts that were
    running finished and are in ``finished``. The remote upload is left open to resume."""

    def __init__(self, finished: list[PartRecord]) -> None:
        super().__init__(f"Stopped after {len(finished)} parts.")
        self.finished = finished


class MemoryBudget(Protocol):
    """Caps bytes held in memory across uploads (the transfer engine's memory cap)."""

    def acquire(self, size: int) -> int: ...
    def release(self, size: int) -> None: ...


ExecutorFactory = Callable[[int], Executor]


def _thread_pool(workers: int) -> Executor:
    return ThreadPoolExecutor(workers, thread_name_prefix="part")


class PartSender:
    """Send parts of one upload in parallel, each retried on ``Transient`` errors.

    The transfer engine uses the same loop with its journal: ``done`` holds parts the
    server has already (skipped without reading them again when the stream can seek),
    ``on_part`` records each finished part, ``stop`` pauses between parts, ``budget``
    caps bytes in memory across all uploads.
    """

    def __init__(
        self,
        upload: MultipartUpload,
        *,
        progress: ProgressCallback | None,
        cancel: CancelToken,
        concurrency: int,
        retry: RetryPolicy = PART_RETRY,
        done: Mapping[int, PartRecord] | None = None,
        on_part: Callable[[PartRecord], None] | None = None,
        stop: Callable[[], bool] | None = None,
        budget: MemoryBudget | None = None,
        executor_factory: ExecutorFactory = _thread_pool,
    ) -> None:
        self._upload = upload
        self._progress = progress
        self._cancel = cancel
        self._retry = retry
        self._concurrency = max(1, concurrency)
        self._slots = threading.BoundedSemaphore(self._concurrency)
        self._failed = threading.Event()
        self._done = dict(done or {})
        self._on_part = on_part
        self._stop = stop or (lambda: False)
        self._budget = budget
        self._executor_factory = executor_factory

    def send_stream(self, first: bytes | PartRecord, stream: BinaryIO, size: int | None) -> list[PartRecord]:
        """Send ``first`` and the rest of ``stream`` as parts 1..n; check ``size``.

        ``first`` is a ``PartRecord`` when part 1 is done already (a resumed upload)."""
        part_size = self._upload.part_size
        futures: list[Future[PartRecord]] = []
        sent = 0
        stopped = False
        with self._executor_factory(self._concurrency) as pool:
            data, number = first, 1
            while _length(data) and not self._failed.is_set():
                sent += _length(data)
                futures.append(self._submit(pool, number, data))
                if size is not None and sent >= size:
                    break
                self._slots.acquire()  # held until a part finishes: caps memory
                self._slots.release()
                if self._stop():  # checked when a slot is free: running parts finish
                    stopped = True
                    break
                data, number = self._next_part(stream, number + 1, part_size, size, sent)
        parts = [future.result() for future in futures]  # raises the first failure
        if stopped:
            raise PartsStopped(parts)
        if size is not None and sent != size:
            raise ChecksumMismatch(
                f"The source changed while uploading {self._upload.key!r}: expected "
                f"{size} bytes, read {sent}. Nothing was stored; try again."
            )
        if len(parts) == 0:
            raise InvalidName("An upload in parts needs at least one byte.")
        return parts

    def _next_part(
        self, stream: BinaryIO, number: int, part_size: int, size: int | None, sent: int
    ) -> tuple[bytes | PartRecord, int]:
        record = self._done.get(number)
        if record is not None and size is not None and stream.seekable():
            # Finished before a restart: skip its bytes instead of reading them.
            stream.seek(sent + record.size)
            return record, number
        return read_exactly(stream, part_size), number

    def _submit(self, pool: Executor, number: int, data: bytes | PartRecord) -> Future[PartRecord]:
        future: Future[PartRecord]
        if isinstance(data, PartRecord):
            future = Future()
            future.set_result(data)
            return future
        if number in self._done and len(data) == self._done[number].size:
            future = Future()  # read (the stream cannot seek) but not sent again
            future.set_result(self._done[number])
            return future
        held = self._budget.acquire(len(data)) if self._budget is not None else 0
        self._slots.acquire()
        future = pool.submit(self._send_part, number, data)
        future.add_done_callback(lambda f: self._part_done(f, held))
        return future

    def _part_done(self, future: Future[PartRecord], held: int) -> None:
        self._slots.release()
        if self._budget is not None:
            self._budget.release(held)
        if future.exception() is not None:
            self._failed.set()
        elif self._on_part is not None:
            self._on_part(future.result())

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


def _length(data: bytes | PartRecord) -> int:
    return data.size if isinstance(data, PartRecord) else len(data)
