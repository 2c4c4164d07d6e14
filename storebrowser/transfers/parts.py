"""The part loop: the parts of one upload sent in parallel, for every provider with
``capabilities.multipart`` (``sending.py`` decides when parts pay and keeps their journal).

The stream is read in this thread, one part at a time; parts go to a small pool. A
semaphore holds at most ``concurrency`` parts in memory, so memory stays at
``part_size * concurrency`` whatever the size of the upload, which is what lets a
tar.gz of unknown length stream straight into a container. As parts are read in order,
the MD5 of the whole object is taken here where the service keeps one
(``MultipartUpload.takes_whole_md5``): of exactly the bytes sent, each part of which the
service checked by its own checksum.

A resumed upload reads the parts the server holds from an earlier run again and keeps one
only when the journal's checksum of it (what the service checked it by) matches the file
as it is now: a file changed between the runs has the changed parts sent again, instead of
an object stored half old, half new.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import re
import threading
import zlib
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import BinaryIO, Protocol

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import ChecksumMismatch, InvalidName
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.types import PartRecord, ProgressCallback
from storebrowser.providers.base import MultipartUpload, Provider
from storebrowser.providers.streams import read_exactly

PART_RETRY = RetryPolicy(attempts=4)
_MD5_HEX = re.compile(r"^[0-9a-fA-F]{32}$")


def choose_part_size(provider: Provider, size: int | None, asked: int | None = None) -> int:
    """``asked`` (an account's setting) or the provider's part size, at least the
    service's minimum, grown when ``size`` would need too many parts."""
    part_size = max(asked or provider.part_size, provider.min_part_size)
    if size is not None and math.ceil(size / part_size) > provider.max_parts:
        part_size = math.ceil(size / provider.max_parts)
    return part_size


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


def thread_pool(workers: int) -> Executor:
    return ThreadPoolExecutor(workers, thread_name_prefix="part")


class PartSender:
    """Send parts of one upload in parallel, each retried on ``Transient`` errors.

    ``done`` holds parts the server has already (skipped without reading them again when
    the stream can seek), ``on_part`` records each finished part (the journal), ``stop``
    pauses between parts, ``budget`` caps bytes in memory across all uploads.
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
        executor_factory: ExecutorFactory = thread_pool,
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
        self._whole = hashlib.md5(usedforsecurity=False) if upload.takes_whole_md5 else None

    def send_stream(self, first: bytes, stream: BinaryIO, size: int | None) -> list[PartRecord]:
        """Send ``first`` and the rest of ``stream`` as parts 1..n; check ``size``. Every
        part is read, those the server holds from an earlier run too (``_submit``)."""
        part_size = self._upload.part_size
        futures: list[Future[PartRecord]] = []
        sent = 0
        stopped = False
        with self._executor_factory(self._concurrency) as pool:
            data, number = first, 1
            while data and not self._failed.is_set():
                sent += len(data)
                if self._whole is not None:
                    self._whole.update(data)
                futures.append(self._submit(pool, number, data))
                if size is not None and sent >= size:
                    break
                self._slots.acquire()  # held until a part finishes: caps memory
                self._slots.release()
                if self._stop():  # checked when a slot is free: running parts finish
                    stopped = True
                    break
                data, number = read_exactly(stream, part_size), number + 1
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

    @property
    def whole_md5(self) -> bytes | None:
        """After ``send_stream``: the MD5 of the object's bytes, when its upload
        ``takes_whole_md5``."""
        return self._whole.digest() if self._whole is not None else None

    def _submit(self, pool: Executor, number: int, data: bytes) -> Future[PartRecord]:
        future: Future[PartRecord]
        if number in self._done and _same_part(self._done[number], data):
            future = Future()  # held by the server from an earlier run, and still the file's: not sent again
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
        counter = RetriedProgress(self._progress)
        return call_with_retry(
            lambda: self._upload.upload_part(number, data, progress=counter.report, cancel=self._cancel),
            self._retry,
            cancel=self._cancel,
            on_retry=lambda _attempt, _error: counter.rewind(),
        )


class RetriedProgress:
    """The progress of one request that a retry starts over: what it reported so far is
    taken back (``rewind``) before the next attempt, so totals stay true."""

    def __init__(self, progress: ProgressCallback | None) -> None:
        self._progress = progress
        self._counted = 0

    def report(self, delta: int) -> None:
        self._counted += delta
        if self._progress is not None:
            self._progress(delta)

    def rewind(self) -> None:
        self.report(-self._counted)


def _same_part(record: PartRecord, data: bytes) -> bool:
    """Whether the part the server holds (``record``, as the journal keeps it) is ``data``:
    its size, and the checksum the service checked it by. A record without a checksum
    we can read proves nothing: the part is sent again."""
    return len(data) == record.size and _checksum_matches(record.checksum or "", data)


def _checksum_matches(checksum: str, data: bytes) -> bool:
    """``checksum`` in the forms the providers journal: a hex MD5 (Swift segments, Azure
    blocks), a base64 MD5 (S3 ``Content-MD5``) or a base64 big-endian CRC32 (S3
    ``x-amz-checksum-crc32``)."""
    if _MD5_HEX.match(checksum):
        return hashlib.md5(data, usedforsecurity=False).hexdigest() == checksum.lower()
    try:
        raw = base64.b64decode(checksum, validate=True)
    except (binascii.Error, ValueError):
        return False
    if len(raw) == 16:
        return hashlib.md5(data, usedforsecurity=False).digest() == raw
    if len(raw) == 4:
        return zlib.crc32(data).to_bytes(4, "big") == raw
    return False
