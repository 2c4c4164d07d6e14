"""Fetching a download's parts: in parallel ranges into the ``.part`` file, each retried
from its start, journaled with its CRC32, and hashed for the check as it lands
(``verify.SegmentHasher``). Every read must come from the version the download started
with (its reply's ETag)."""

from __future__ import annotations

import threading
import zlib
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

from storebrowser.core.digests import ContentProof, ReadReceipt
from storebrowser.core.errors import Transient
from storebrowser.core.ranges import ByteRange
from storebrowser.core.retry import call_with_retry
from storebrowser.core.types import ObjectInfo
from storebrowser.transfers.context import Paused, TaskContext
from storebrowser.transfers.partial import PartLayout
from storebrowser.transfers.positional import reader, write_at
from storebrowser.transfers.verify import (
    Hashed,
    PartCheck,
    SegmentHasher,
    VersionChanged,
    crc32_hex,
    require_read_md5,
    segments_to_hash,
)


@dataclass(frozen=True, slots=True)
class Plan:
    """The object as this download takes it, what to check it against, and its parts.
    ``hint``: the proof is only what a listing said (an MD5-looking ETag of a small
    object, which spares a request per object); a mismatch asks the service."""

    info: ObjectInfo
    proof: ContentProof
    layout: PartLayout
    hint: bool = False


def fetch_missing(ctx: TaskContext, plan: Plan, fd: int) -> tuple[Hashed | None, dict[int, ReadReceipt]]:
    """Fetch the parts not on disk yet, hashing each segment to check as its bytes are
    written (``SegmentHasher``); returns those digests and what each reply said."""
    layout, item = plan.layout, ctx.item
    segments = segments_to_hash(plan.proof, layout.segments())
    hasher = None
    if segments:
        hasher = SegmentHasher(reader(fd), segments, plan.proof.algorithm, layout.part_size,
                               written=set(item.parts))  # fmt: skip
    receipts: dict[int, ReadReceipt] = {}
    pinned = None if plan.hint else plan.info.etag

    def fetch(number: int) -> None:
        receipts[number] = fetch_part(ctx, plan, fd, number, pinned)
        if hasher is not None:
            hasher.part_done(number)

    missing = [n for n in range(1, layout.count + 1) if n not in item.parts]
    if missing:
        run_parts(ctx, missing, fetch)
    if hasher is None:
        return None, receipts
    return Hashed(hasher.segments, hasher.algorithm, tuple(hasher.hexdigests())), receipts


def run_parts(ctx: TaskContext, numbers: list[int], fetch: Callable[[int], None]) -> None:
    """Up to ``part_concurrency`` parts at once; between parts, honour pause and failure."""
    if len(numbers) == 1:  # a small object: no pool, no thread hand-off
        ctx.cancel.raise_if_cancelled()
        fetch(numbers[0])
        return
    workers = max(1, min(ctx.settings.part_concurrency, len(numbers)))
    slots = threading.BoundedSemaphore(workers)
    failed = threading.Event()
    futures: list[Future[None]] = []

    def done(_future: Future[None]) -> None:
        slots.release()
        if _future.exception() is not None:
            failed.set()

    stopped = False
    with ctx.settings.executor_factory(workers) as pool:
        for number in numbers:
            slots.acquire()
            if failed.is_set() or ctx.stop() or ctx.cancel.cancelled:
                slots.release()
                stopped = not failed.is_set()
                break
            future = pool.submit(fetch, number)
            future.add_done_callback(done)
            futures.append(future)
    for future in futures:
        future.result()  # raises the first failure
    ctx.cancel.raise_if_cancelled()
    if stopped:
        raise Paused()


def fetch_part(ctx: TaskContext, plan: Plan, fd: int, number: int, pinned: str | None) -> ReadReceipt:
    """One range, retried from its start; journaled with its CRC32 (and the MD5 the
    service sent with it) unless the object is a single part."""
    spec, provider = ctx.job.spec, ctx.provider()
    bandwidth = ctx.settings.bandwidth
    start, end = plan.layout.bounds(number)
    counted, crc, reads = [0], [0], [0]
    said: list[ReadReceipt] = []

    def attempt() -> None:
        ctx.add(-counted[0])  # a retried part starts from zero again
        counted[0] = crc[0] = 0
        reads[0] += 1
        said.clear()
        position = start
        chunk_size = bandwidth.read_size(ctx.settings.chunk_size)
        chunks = provider.iter_read(
            spec.container, ctx.item.key, ByteRange(start, end),
            chunk_size=chunk_size, cancel=ctx.cancel, receipt=said.append,
        )  # fmt: skip
        # The one place downloads meet the limit; a checked range (``range_md5_limit``) is read whole.
        step = end - start if plan.proof.range_md5_limit else chunk_size
        for chunk in bandwidth.paced(iter(chunks), step=step, total=end - start, cancel=ctx.cancel):
            if position == start:
                check_version(ctx, said, pinned)
                require_read_md5(plan.proof, said, (start, end), ctx.item.key, reads[0])
            if position + len(chunk) > end:
                raise Transient(f"{ctx.item.key!r}: the server sent more than the bytes asked.")
            write_at(fd, chunk, position)
            crc[0] = zlib.crc32(chunk, crc[0])
            position += len(chunk)
            counted[0] += len(chunk)
            ctx.add(len(chunk))
        if position != end:
            raise Transient(f"{ctx.item.key!r} ended early at byte {position} of {end}; "
                            "it may have changed on the server.")  # fmt: skip

    call_with_retry(attempt, ctx.settings.retry, cancel=ctx.cancel)
    receipt = said[-1] if said else ReadReceipt(None)
    if plan.layout.count > 1:  # a one-part object has nothing to resume
        ctx.record_part(plan.layout.record(number, PartCheck(crc32_hex(crc[0]), receipt.md5)))
    return receipt


def check_version(ctx: TaskContext, said: list[ReadReceipt], pinned: str | None) -> None:
    served = said[-1].etag if said else None
    if pinned and served and served != pinned:
        raise VersionChanged(
            f"{ctx.item.key!r} changed on the server while it downloaded (ETag {pinned} became "
            f"{served}); the partial file was removed. Download it again.",
            key=ctx.item.key,
        )
