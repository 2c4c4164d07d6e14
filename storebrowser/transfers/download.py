"""Download one object into ``<name>.part`` beside its target, in parallel ranges, and
check it end to end against what the service vouches for (``verify``).

Each finished range is journaled with the CRC32 of its bytes; after a restart only the
missing ranges travel, once the remote object is checked unchanged (same ETag and size;
otherwise start over) and the kept ranges are read back and found intact (``partial``).
Every read must come from the version the download started with (its reply's ETag). The
file is renamed into place only when complete and verified. A key that the safe mapping
refuses fails the item before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from storebrowser.core.digests import ContentProof, ReadReceipt, whole_md5
from storebrowser.core.errors import Cancelled, ChecksumMismatch, InvalidName
from storebrowser.core.localpath import key_to_local_path
from storebrowser.core.mtime import stored_mtime
from storebrowser.core.retry import call_with_retry
from storebrowser.core.types import ObjectInfo, PartRecord
from storebrowser.providers.base import Provider
from storebrowser.transfers.conflicts import Skip, decide, path_exists
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.fetching import Plan, fetch_missing, fetch_part, run_parts
from storebrowser.transfers.jobs import ConflictPolicy
from storebrowser.transfers.journal import may_wait
from storebrowser.transfers.partial import PartLayout, adoptable_parts, proven_parts
from storebrowser.transfers.positional import reader
from storebrowser.transfers.verify import (
    ClaimDisproved,
    Hashed,
    PartCheck,
    VersionChanged,
    check,
    checked_read_size,
    file_digests,
    segments_to_hash,
)

__all__ = ["PART_SUFFIX", "identity", "object_time", "remove_partial", "run_download"]

PART_SUFFIX = ".part"
_PLAIN_MD5 = re.compile(r"^[0-9a-f]{32}$")
T = TypeVar("T")


def identity(info: ObjectInfo) -> str:
    return f"{info.etag}|{info.size}"


def run_download(ctx: TaskContext, *, strip_prefix: str, keep_time: bool = False) -> str:
    """One object into the folder ``local``, as its key less ``strip_prefix`` (what the
    download kind does not mirror). ``keep_time``: the file takes the object's
    modification time (``object_time``), as a sync's download does."""
    spec, item = ctx.job.spec, ctx.item
    # Map first: a hostile key fails here, before any folder or file is made.
    mapped = key_to_local_path(Path(spec.local), item.key, strip_prefix=strip_prefix)
    if item.key.endswith("/"):
        return _folder_marker(ctx, mapped)
    try:
        return _download_as_now(ctx, mapped, keep_time, by_reads=False)
    except ClaimDisproved as disproved:
        # What arrived did not match a digest only the object's writer vouched for (a
        # blob's Content-MD5), or bytes were damaged on the way: the service's own proof
        # of each read tells, and proves what arrives this time.
        note = _download_as_now(ctx, mapped, keep_time, by_reads=True)
        return f"{note}, read again after a first read did not match: {disproved.message}"


def _download_as_now(ctx: TaskContext, mapped: Path, keep_time: bool, *, by_reads: bool) -> str:
    """``by_reads``: checked by the service's proof of each read (``ContentProof.per_read``)."""
    try:
        return _download(ctx, mapped, fresh=by_reads, keep_time=keep_time, by_reads=by_reads)
    except VersionChanged:
        # Changed since it was listed, or while it downloaded: once more, from scratch,
        # as it is now (a second change fails the item).
        return _download(ctx, mapped, fresh=True, keep_time=keep_time, by_reads=by_reads)


def _download(ctx: TaskContext, mapped: Path, *, fresh: bool, keep_time: bool, by_reads: bool) -> str:
    item = ctx.item
    plan = _plan(ctx, fresh=fresh, by_reads=by_reads)
    target = Path(item.local) if item.local else mapped
    part_path = _part_path(target)
    resuming = (
        not fresh and bool(item.parts) and item.remote_etag == identity(plan.info) and part_path.exists()
    )
    if not resuming:
        target = _settle_conflict(ctx, mapped, plan, may_skip=not by_reads)
        part_path = _part_path(target)
        _make_folder(target.parent, item.key)
    with ctx.lock:
        item.total = plan.info.size
    fd = os.open(part_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0))
    try:
        note, receipts = _fill_and_verify(ctx, plan, fd, target, resuming=resuming)
    except BaseException as error:
        os.close(fd)
        # Wrong bytes, a cancel, or nothing journaled to resume from: the file goes. A
        # failure with parts journaled keeps both, for a retry (``jobs resume``).
        if isinstance(error, Cancelled | ChecksumMismatch) or not item.parts:
            _discard(ctx, part_path)
        raise
    os.close(fd)
    if keep_time:
        _set_time(part_path, object_time(plan.info, receipts.values()))
    _place(ctx, part_path, target)
    return note


def _part_path(target: Path) -> Path:
    return target.with_name(target.name + PART_SUFFIX)


def _fill_and_verify(
    ctx: TaskContext, plan: Plan, fd: int, target: Path, *, resuming: bool
) -> tuple[str, dict[int, ReadReceipt]]:
    if resuming:
        by_reads = bool(plan.proof.range_md5_limit)  # each part checked by the MD5 sent with it
        kept = proven_parts(reader(fd), ctx.item.parts, plan.layout, with_md5=by_reads)
    else:
        kept = _start_over(ctx, plan, fd, target)
    _keep_only(ctx, set(kept))
    if os.fstat(fd).st_size > plan.info.size:
        os.ftruncate(fd, plan.info.size)
    hashed, receipts = fetch_missing(ctx, plan, fd)
    note = _verify(ctx, plan, fd, hashed, receipts)
    os.fsync(fd)
    return note, receipts


def object_time(info: ObjectInfo, receipts: Iterable[ReadReceipt]) -> int | None:
    """The object's modification time in nanoseconds, as rclone sets a downloaded file's:
    its stored ``mtime`` (rclone's key), else its upload time. Taken from the replies
    that brought the bytes (every GET carries the object's metadata), else from what
    the listing or the proof's HEAD said: no request of its own."""
    said = [r for r in receipts if r.etag is not None]  # replies (not a read of no bytes)
    stored = next((r.mtime_ns for r in said if r.mtime_ns is not None), None)
    if stored is None and not said:
        stored = stored_mtime(info.metadata)
    if stored is not None:
        return stored
    modified = next((r.modified for r in said if r.modified is not None), None) or info.modified
    return int(modified.timestamp() * 1_000_000) * 1000 if modified is not None else None


def _set_time(path: Path, ns: int | None) -> None:
    if ns is not None:
        os.utime(path, ns=(ns, ns))


# -- what to download and check it against ---------------------------------------------


def _plan(ctx: TaskContext, *, fresh: bool, by_reads: bool) -> Plan:
    item, part_size = ctx.item, ctx.settings.part_size
    listed = None if fresh or item.parts else item.listed
    if listed is not None and 0 < listed.size <= part_size and not by_reads:
        hint = listed.content_md5 or _etag_md5(listed)
        if hint:
            label = "Content-MD5" if listed.content_md5 else "ETag"
            return Plan(listed, whole_md5(listed, hint, label), PartLayout(listed.size, part_size), hint=True)
    proof = _content_proof(ctx, listed)
    if proof.per_read is not None and (by_reads or ctx.settings.bandwidth.in_force()[1] is not None):
        # A download limit holds every read to it: the service's proof of each read costs
        # nothing then, and a whole digest would ask big reads, some taken whole.
        proof = proof.per_read
    if proof.range_md5_limit:  # each read whole, to check its MD5: small ones while limited
        limited = ctx.settings.bandwidth.whole_read_size(proof.range_md5_limit)
        part_size = checked_read_size(proof, min(part_size, limited))
    return Plan(proof.info, proof, PartLayout(proof.info.size, part_size))


def _content_proof(
    ctx: TaskContext, listed: ObjectInfo | None, *, exact_layout: bool = False
) -> ContentProof:
    container, key = ctx.job.spec.container, ctx.item.key
    return _retrying(ctx, lambda p: p.content_proof(container, key, listed, exact_layout=exact_layout))


def _retrying(ctx: TaskContext, call: Callable[[Provider], T]) -> T:
    provider = ctx.provider()
    return call_with_retry(lambda: call(provider), ctx.settings.retry, cancel=ctx.cancel)


def _etag_md5(info: ObjectInfo) -> str | None:
    """The ETag when it looks like a plain MD5 (a multipart ETag has ``-<parts>``)."""
    etag = (info.etag or "").strip('"').lower()
    return etag if _PLAIN_MD5.match(etag) else None


# -- where it goes -----------------------------------------------------------------------


def _folder_marker(ctx: TaskContext, mapped: Path) -> str:
    spec, item = ctx.job.spec, ctx.item
    decision = decide(spec.conflict, item, spec.kind, str(mapped), path_exists, ctx.ask)
    _make_folder(Path(decision.target), item.key)
    return "folder"


def _settle_conflict(ctx: TaskContext, mapped: Path, plan: Plan, *, may_skip: bool) -> Path:
    """Where the file goes. ``may_skip``: with policy RESUME, a file already there that
    proves to be the object (``_complete_already``) is left as it is (not once a first read
    found the object's digest wrong)."""
    spec, item = ctx.job.spec, ctx.item
    decision = decide(spec.conflict, item, spec.kind, str(mapped), path_exists, ctx.ask)
    target = Path(decision.target)
    resume = decision.policy is ConflictPolicy.RESUME
    if may_skip and resume and target.is_file() and target.stat().st_size == plan.info.size:
        note = _complete_already(plan, target)
        if note is not None:
            raise Skip(note)
    if target != mapped:  # renamed: check the new name stays inside the folder too
        key_to_local_path(mapped.parent, target.name)
    return target


def _complete_already(plan: Plan, target: Path) -> str | None:
    """Policy RESUME and a file of the object's size: left as it is only when its content
    matches a digest the object has, checked as a download would be; ``None`` when it
    differs or there is none to check it by (a service that proves only the bytes it
    sends, or nothing): it is downloaded again, never taken for the object by its size."""
    proof = plan.proof
    segments = segments_to_hash(proof, plan.layout.segments())
    if proof.range_md5_limit or not segments:
        return None
    with open(target, "rb") as existing:
        digests = file_digests(reader(existing.fileno()), segments, proof.algorithm)
    try:
        note = check(proof, Hashed(segments, proof.algorithm, tuple(digests)), {}, plan.info.key)
    except ChecksumMismatch:
        return None
    return f"{target} is complete already ({note}); skipped."


def _make_folder(folder: Path, key: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = folder
        while not blocker.exists() and blocker != blocker.parent:
            blocker = blocker.parent
        raise InvalidName(f"{key!r} cannot be saved: {blocker} is a file, where a folder must be.",
                          key=key) from None  # fmt: skip


def _place(ctx: TaskContext, part_path: Path, target: Path) -> None:
    try:
        os.replace(part_path, target)
    except OSError as error:
        _discard(ctx, part_path)
        why = "a folder of that name is there" if target.is_dir() else (error.strerror or str(error))
        raise InvalidName(f"{ctx.item.key!r} cannot be saved as {target}: {why}.", key=ctx.item.key) from None


def _discard(ctx: TaskContext, part_path: Path) -> None:
    part_path.unlink(missing_ok=True)
    ctx.forget_parts()


# -- which parts travel ------------------------------------------------------------------


def _start_over(ctx: TaskContext, plan: Plan, fd: int, target: Path) -> dict[int, PartRecord]:
    """A new download into ``target``: with policy RESUME, what of a ``.part`` file found
    there can be proven is kept (``partial.adoptable_parts``); the rest is cleared."""
    item = ctx.item
    kept: dict[int, PartRecord] = {}
    length = os.fstat(fd).st_size
    if ctx.job.spec.conflict is ConflictPolicy.RESUME and length:
        kept = adoptable_parts(reader(fd), length, plan.proof, plan.layout)
    if item.parts:
        ctx.forget_parts()
    if not kept:
        os.ftruncate(fd, 0)
    item.local, item.remote_etag = str(target), identity(plan.info)
    # A one-part object journals no parts, so nothing resumes from this row: it may wait
    # for the item's final one (one journal write per small file, not two).
    ctx.save(deferred=plan.layout.count == 1 and not kept and may_wait(ctx.job.spec))
    for part in kept.values():
        ctx.record_part(part)
    return kept


def _keep_only(ctx: TaskContext, kept: set[int]) -> None:
    dropped = [number for number in ctx.item.parts if number not in kept]
    if dropped:
        ctx.drop_parts(dropped)
    with ctx.lock:
        ctx.item.done = sum(part.size for part in ctx.item.parts.values())


# -- the check ---------------------------------------------------------------------------


def _verify(
    ctx: TaskContext, plan: Plan, fd: int, hashed: Hashed | None, receipts: dict[int, ReadReceipt]
) -> str:
    size = os.fstat(fd).st_size
    if size != plan.info.size:
        raise ChecksumMismatch(
            f"Downloaded {size} bytes of {plan.info.key!r} but the server said {plan.info.size}; the "
            "partial file was removed. Retry the download."
        )
    if size == 0:
        return "verified: empty, as the server said"
    md5s = _part_md5s(ctx, receipts)
    try:
        try:
            return check(plan.proof, hashed or Hashed((), "", ()), md5s, plan.info.key)
        except ChecksumMismatch:
            note = _second_look(ctx, plan, fd, receipts, md5s)
            if note is None:
                raise
            return note
    except (VersionChanged, ClaimDisproved):
        raise
    except ChecksumMismatch as wrong:
        if plan.proof.per_read is not None:
            raise ClaimDisproved(wrong.message, key=plan.info.key) from None
        raise ChecksumMismatch(f"{wrong.message} The partial file was removed; download it again.",
                               key=plan.info.key) from None  # fmt: skip


def _part_md5s(ctx: TaskContext, receipts: dict[int, ReadReceipt]) -> dict[int, str | None]:
    """The MD5 the service sent with each part: this run's replies, the journal's for
    parts kept from before."""
    md5s = {number: receipt.md5 for number, receipt in receipts.items()}
    for number, part in ctx.item.parts.items():
        if number not in md5s:
            kept = PartCheck.decode(part.checksum)
            md5s[number] = kept.md5 if kept is not None else None
    return md5s


def _second_look(
    ctx: TaskContext, plan: Plan, fd: int, receipts: dict[int, ReadReceipt], md5s: dict[int, str | None]
) -> str | None:
    """A first check failed. Where the proof was only a guess (a listing's ETag, S3 part
    sizes inferred), ask the service; fetch again parts taken unproven from a ``.part``
    file found without a journal entry; then hash the whole file again and check. ``None``
    when there is nothing to try (the first failure stands)."""
    proof = _better_proof(ctx, plan, receipts)
    refetched = _refetch_unproven(ctx, plan, fd)
    if proof is None and not refetched:
        return None
    proof = proof or plan.proof
    segments = segments_to_hash(proof, plan.layout.segments())
    digests = file_digests(reader(fd), segments, proof.algorithm)
    try:
        return check(proof, Hashed(segments, proof.algorithm, tuple(digests)), md5s, plan.info.key)
    except ChecksumMismatch as wrong:
        if proof.per_read is None or isinstance(wrong, VersionChanged):
            raise
        raise ClaimDisproved(wrong.message, key=plan.info.key) from None


def _better_proof(ctx: TaskContext, plan: Plan, receipts: dict[int, ReadReceipt]) -> ContentProof | None:
    if plan.hint:
        proof = _content_proof(ctx, None)
        served = receipts[1].etag if 1 in receipts else None
        if proof.info.size != plan.info.size or (served is not None and served != proof.info.etag):
            raise VersionChanged(f"{plan.info.key!r} changed on the server while it downloaded.")
        return proof
    if plan.proof.layout_guessed:
        proof = _content_proof(ctx, None, exact_layout=True)
        if identity(proof.info) != identity(plan.info):
            raise VersionChanged(f"{plan.info.key!r} changed on the server while it downloaded.")
        return proof
    return None


def _refetch_unproven(ctx: TaskContext, plan: Plan, fd: int) -> bool:
    unproven = []
    for number, part in ctx.item.parts.items():
        kept = PartCheck.decode(part.checksum)
        if kept is not None and kept.unproven:
            unproven.append(number)
    if not unproven:
        return False
    ctx.drop_parts(unproven)
    with ctx.lock:
        ctx.item.done -= sum(plan.layout.bounds(n)[1] - plan.layout.bounds(n)[0] for n in unproven)

    def fetch(number: int) -> None:
        fetch_part(ctx, plan, fd, number, plan.info.etag)

    run_parts(ctx, sorted(unproven), fetch)
    return True


def remove_partial(local: str) -> None:
    """Cleanup of a cancelled item that is not running: its ``.part`` file goes."""
    if local:
        with contextlib.suppress(OSError):
            Path(local + PART_SUFFIX).unlink(missing_ok=True)
