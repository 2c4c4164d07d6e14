"""Download one object into ``<name>.part`` beside its target, in parallel ranges.

Each finished range is journaled; after a restart only the missing ranges travel, once
the remote object is checked unchanged (same ETag and size; otherwise start over). The
file is renamed into place only when complete and verified. A key that the safe mapping
refuses fails the item before anything is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from storebrowser.core.errors import Cancelled, ChecksumMismatch, Transient
from storebrowser.core.localpath import key_to_local_path
from storebrowser.core.ranges import ByteRange
from storebrowser.core.retry import call_with_retry
from storebrowser.core.types import ObjectInfo, PartRecord
from storebrowser.transfers.conflicts import Skip, decide, path_exists
from storebrowser.transfers.context import Paused, TaskContext
from storebrowser.transfers.jobs import ConflictPolicy, JobKind
from storebrowser.transfers.sources import is_prefix

PART_SUFFIX = ".part"
_PLAIN_MD5 = re.compile(r"^[0-9a-f]{32}$")


def strip_prefix_for(kind: JobKind, key: str) -> str:
    """The part of the key not mirrored locally: the folder of the object or prefix."""
    if kind is JobKind.DOWNLOAD_OBJECT:
        return key.rpartition("/")[0] + "/" if "/" in key else ""
    # A prefix "a/photos/" lands as <folder>/photos/..., as a file manager copies a folder.
    folder = key.rpartition("/")[0] if key.endswith("/") else key
    parent = folder.rpartition("/")[0]
    return parent + "/" if parent else ""


def _strip_prefix(ctx: TaskContext) -> str:
    """What of the item's key is not mirrored: by its own source in a DOWNLOAD_MANY job
    (an object lands as its name, a prefix as its last segment and what is under it)."""
    spec = ctx.job.spec
    if spec.kind is not JobKind.DOWNLOAD_MANY:
        return strip_prefix_for(spec.kind, spec.key)
    source = spec.sources[ctx.item.source]
    return strip_prefix_for(JobKind.DOWNLOAD_PREFIX if is_prefix(source) else JobKind.DOWNLOAD_OBJECT, source)


def identity(info: ObjectInfo) -> str:
    return f"{info.etag}|{info.size}"


def run_download(ctx: TaskContext) -> str:
    spec, item = ctx.job.spec, ctx.item
    root = Path(spec.local)
    # Map first: a hostile key fails here, before any folder or file is made.
    mapped = key_to_local_path(root, item.key, strip_prefix=_strip_prefix(ctx))
    info = item.listed
    # Resuming: look again, the object may have changed. A listing rarely vouches for an
    # MD5 (S3's has no encryption details, Swift's cannot tell every manifest): for an
    # object of several parts one HEAD is cheap and may give one to verify against.
    if info is None or item.parts or _head_may_give_md5(info, ctx.settings.part_size):
        info = _stat(ctx)
    target = Path(item.local) if item.local else mapped
    part_path = target.with_name(target.name + PART_SUFFIX)
    resuming = bool(item.parts) and item.remote_etag == identity(info) and part_path.exists()
    if not resuming:
        target = _settle_conflict(ctx, mapped, info)
        part_path = target.with_name(target.name + PART_SUFFIX)
        _start_over(ctx, info, target, part_path)
    note = ""
    with ctx.lock:
        item.total = info.size
        item.done = sum(part.size for part in item.parts.values())
    if item.key.endswith("/"):
        target.mkdir(parents=True, exist_ok=True)  # a folder marker
        part_path.unlink(missing_ok=True)
        return "folder"
    try:
        digest = _fetch_missing(ctx, info, part_path)
        note = _verify(ctx, part_path, info, digest)
    except Cancelled:
        part_path.unlink(missing_ok=True)
        ctx.forget_parts()
        raise
    except ChecksumMismatch:
        part_path.unlink(missing_ok=True)
        ctx.forget_parts()
        raise
    os.replace(part_path, target)
    return note


def _stat(ctx: TaskContext) -> ObjectInfo:
    spec, provider = ctx.job.spec, ctx.provider()
    return call_with_retry(lambda: provider.stat(spec.container, ctx.item.key), ctx.settings.retry,
                           cancel=ctx.cancel)  # fmt: skip


def _head_may_give_md5(listed: ObjectInfo, part_size: int) -> bool:
    return listed.content_md5 is None and listed.size > part_size and _etag_md5(listed) is not None


def _etag_md5(info: ObjectInfo) -> str | None:
    """The ETag when it looks like a plain MD5 (a multipart ETag has ``-<parts>``)."""
    etag = (info.etag or "").strip('"').lower()
    return etag if _PLAIN_MD5.match(etag) else None


def _settle_conflict(ctx: TaskContext, mapped: Path, info: ObjectInfo) -> Path:
    spec, item = ctx.job.spec, ctx.item
    decision = decide(spec.conflict, item, spec.kind, str(mapped), path_exists, ctx.ask)
    target = Path(decision.target)
    resume = decision.policy is ConflictPolicy.RESUME
    if resume and target.is_file() and target.stat().st_size == info.size:
        raise Skip(f"{target} is complete already (same size); skipped.")
    if target != mapped:  # renamed: check the new name stays inside the folder too
        key_to_local_path(mapped.parent, target.name)
    return target


def _start_over(ctx: TaskContext, info: ObjectInfo, target: Path, part_path: Path) -> None:
    item = ctx.item
    kept: dict[int, PartRecord] = {}
    if ctx.job.spec.conflict is ConflictPolicy.RESUME:
        kept = _adopt_partial(ctx, part_path, info)
    if item.parts:
        ctx.forget_parts()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not kept:
        with open(part_path, "wb"):
            pass
    item.local, item.remote_etag = str(target), identity(info)
    ctx.save()
    for part in kept.values():
        ctx.record_part(part)


def _adopt_partial(ctx: TaskContext, part_path: Path, info: ObjectInfo) -> dict[int, PartRecord]:
    """Policy RESUME with a ``.part`` file the journal does not know: keep its whole
    leading parts (it may come from an earlier run whose journal was lost)."""
    if not part_path.is_file():
        return {}
    whole = min(part_path.stat().st_size, info.size) // ctx.settings.part_size
    return {n + 1: PartRecord(n + 1, _part_len(n + 1, ctx, info.size), "") for n in range(whole)}


def _part_len(number: int, ctx: TaskContext, size: int) -> int:
    start = (number - 1) * ctx.settings.part_size
    return min(size, start + ctx.settings.part_size) - start


def _fetch_missing(ctx: TaskContext, info: ObjectInfo, part_path: Path) -> str | None:
    """Fetch the parts not on disk yet; return the file's MD5 when there is one to compare
    it with (hashed part by part, in order, while later parts still travel)."""
    part_size = ctx.settings.part_size
    count = -(-info.size // part_size)
    missing = [n for n in range(1, count + 1) if n not in ctx.item.parts]
    fd = os.open(part_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0))
    try:
        hasher = None
        # An MD5-looking ETag is worth hashing for as a hint only for a one-part object:
        # a bigger one was looked at with a HEAD already, which would have vouched for it.
        if info.content_md5 or (_etag_md5(info) and count <= 1):
            hasher = InOrderMD5(fd, part_size, info.size, done=set(ctx.item.parts))

        def fetch(number: int) -> None:
            _fetch_part(ctx, info, fd, number)
            if hasher is not None:
                hasher.part_done(number)

        if missing:
            _run_parts(ctx, missing, fetch)
        os.fsync(fd)
        return hasher.hexdigest() if hasher is not None else None
    finally:
        os.close(fd)


class InOrderMD5:
    """MD5 of a file whose parts complete in any order: each part is hashed as soon as
    every part before it is done, read back while it is still in the page cache and while
    later parts still download, so no second pass over the whole file is left at the end.

    One thread hashes at a time; a thread that finds another at it goes back to
    downloading (``hexdigest`` catches up with whatever is left)."""

    def __init__(self, fd: int, part_size: int, size: int, *, done: set[int]) -> None:
        self._fd, self._part_size, self._size = fd, part_size, size
        self._digest = hashlib.md5(usedforsecurity=False)
        self._complete = set(done)
        self._next = 1  # the first part not hashed yet
        self._state = threading.Lock()  # guards _complete and _next
        self._hashing = threading.Lock()

    def part_done(self, number: int) -> None:
        with self._state:
            self._complete.add(number)
        self._catch_up(wait=False)

    def hexdigest(self) -> str:
        self._catch_up(wait=True)
        if self._next <= -(-self._size // self._part_size):
            raise RuntimeError(f"part {self._next} was never reported done")  # a bug, not I/O
        return self._digest.hexdigest()

    def _catch_up(self, *, wait: bool) -> None:
        if not self._hashing.acquire(blocking=wait):
            return
        try:
            while True:
                with self._state:
                    if self._next not in self._complete:
                        return
                    number = self._next
                self._hash_part(number)
                with self._state:
                    self._next += 1
        finally:
            self._hashing.release()

    def _hash_part(self, number: int) -> None:
        position = (number - 1) * self._part_size
        end = min(self._size, position + self._part_size)
        while position < end:
            block = _read_at(self._fd, min(_HASH_BLOCK, end - position), position)
            if not block:
                raise ChecksumMismatch(f"The partial file ended at byte {position} of {end}.")
            self._digest.update(block)  # hashlib lets go of the GIL on big blocks
            position += len(block)


_HASH_BLOCK = 1024 * 1024


def _run_parts(ctx: TaskContext, numbers: list[int], fetch: Callable[[int], None]) -> None:
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


def _fetch_part(ctx: TaskContext, info: ObjectInfo, fd: int, number: int) -> None:
    spec = ctx.job.spec
    provider = ctx.provider()
    start = (number - 1) * ctx.settings.part_size
    end = min(info.size, start + ctx.settings.part_size)
    counted = [0]

    def attempt() -> None:
        ctx.add(-counted[0])  # a retried part starts from zero again
        counted[0] = 0
        position = start
        chunks = provider.iter_read(
            spec.container, ctx.item.key, ByteRange(start, end),
            chunk_size=ctx.settings.chunk_size, cancel=ctx.cancel,
        )  # fmt: skip
        for chunk in chunks:
            _write_at(fd, chunk, position)
            position += len(chunk)
            counted[0] += len(chunk)
            ctx.add(len(chunk))
        if position != end:
            raise Transient(f"{ctx.item.key!r} ended early at byte {position} of {end}; "
                            "it may have changed on the server.")  # fmt: skip

    call_with_retry(attempt, ctx.settings.retry, cancel=ctx.cancel)
    if info.size > ctx.settings.part_size:  # a one-part object has nothing to resume
        ctx.record_part(PartRecord(number, end - start, ""))


_seek_lock = threading.Lock()


def _write_at(fd: int, data: bytes, position: int) -> None:
    if hasattr(os, "pwrite"):
        os.pwrite(fd, data, position)
        return
    with _seek_lock:  # Windows: no pwrite; seek and write as one step
        os.lseek(fd, position, os.SEEK_SET)
        os.write(fd, data)


def _read_at(fd: int, size: int, position: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, position)
    with _seek_lock:
        os.lseek(fd, position, os.SEEK_SET)
        return os.read(fd, size)


def _verify(ctx: TaskContext, part_path: Path, info: ObjectInfo, digest: str | None) -> str:
    """Size always; MD5 when the provider vouches for one (``content_md5``). A plain-MD5
    looking ETag is checked too, but only as a hint: SLO manifests and encrypted objects
    have such ETags that are not the content's MD5, so on a mismatch a HEAD decides (only
    when the listing said nothing; a mismatch is rare, so this costs nothing usually).
    ``digest`` is the file's MD5 when ``_fetch_missing`` had something to compare it with.
    Returns what was verified, for the item's note."""
    size = part_path.stat().st_size
    if size != info.size:
        raise ChecksumMismatch(
            f"Downloaded {size} bytes of {info.key!r} but the server said {info.size}; the "
            "partial file was removed. Retry the download."
        )
    if digest is None:
        if "-" in (info.etag or ""):
            return "verified: size only (multipart ETag)"
        return "verified: size only (the provider gives no MD5 for this object)"
    if info.content_md5:
        _check_md5(info, digest, info.content_md5)
        return "verified: size and MD5"
    if digest == _etag_md5(info):
        return "verified: size and MD5 (ETag)"
    vouched = _stat(ctx).content_md5
    if vouched:  # the service says what the MD5 is after all: it must match
        _check_md5(info, digest, vouched)
        return "verified: size and MD5"
    return "verified: size only (the ETag is not an MD5 of the content: SLO or encrypted object)"


def _check_md5(info: ObjectInfo, digest: str, expected: str) -> None:
    if digest != expected.lower():
        raise ChecksumMismatch(
            f"The MD5 of the downloaded {info.key!r} ({digest}) differs from the server's "
            f"({expected}); the partial file was removed. Retry the download."
        )


def remove_partial(local: str) -> None:
    """Cleanup of a cancelled item that is not running: its ``.part`` file goes."""
    if local:
        with contextlib.suppress(OSError):
            Path(local + PART_SUFFIX).unlink(missing_ok=True)
