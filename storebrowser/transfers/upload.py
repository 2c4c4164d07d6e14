"""Upload one file (or a pipe) for the engine, through the one upload path
(``sending.send``) with the journal as its ledger: each finished part is recorded, so a
restart re-sends none of them once the remote upload is confirmed to still exist (else it
starts over cleanly).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import stat
from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from storebrowser.core.cancel import CancelToken
from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import NotFound, StorageError
from storebrowser.core.mtime import MTIME_KEY, with_mtime
from storebrowser.core.retry import call_with_retry
from storebrowser.core.types import PartRecord
from storebrowser.providers.base import MultipartUpload, Provider
from storebrowser.transfers.conflicts import Skip, decide
from storebrowser.transfers.context import Paused, Settings, TaskContext
from storebrowser.transfers.jobs import ConflictPolicy, JobSpec
from storebrowser.transfers.parts import PartsStopped
from storebrowser.transfers.sending import SendPolicy, abandon, goes_in_parts, send

#: Bytes read at a time to hash a file for rclone's ``md5chksum`` (cancel checked between).
_HASH_CHUNK = 4 * 1024 * 1024


def run_upload(ctx: TaskContext, *, in_folder: bool) -> str:
    """One file; ``in_folder``: it was found walking a folder, not named by the person."""
    spec, item = ctx.job.spec, ctx.item
    provider = ctx.provider()
    path = Path(item.local)
    _check_regular(path, in_folder)
    with _open_local(path) as stream:
        file_stat = os.fstat(stream.fileno())
        size = file_stat.st_size
        ctx.set_progress(0, size)  # parts kept from an earlier run count once confirmed
        if item.upload_state is None:
            item.key = _settle_conflict(ctx, provider, size)
        metadata = upload_metadata(spec, provider, file_stat.st_mtime_ns)

        def unchanged() -> None:  # in parts: before they are made the object, which stays as it was
            _check_unchanged(path, item.key, file_stat, os.fstat(stream.fileno()))

        if item.upload_state is None and goes_in_parts(provider, item.key, size, engine_policy(ctx.settings)):
            metadata = with_rclone_md5(metadata, provider, stream, ctx.cancel)
        try:
            sent = send(provider, spec.container, item.key, stream, size=size,
                        content_type=spec.content_type, metadata=metadata,
                        storage_class=spec.storage_class, encryption=asked_encryption(spec),
                        progress=ctx.add, cancel=ctx.cancel, policy=engine_policy(ctx.settings),
                        ledger=JournalLedger(ctx), before_complete=unchanged)  # fmt: skip
        except PartsStopped as stopped:
            raise Paused() from stopped
        unchanged()  # once stored: the only check of a file sent in one request
    _set_expiry(ctx, provider)
    return sent.note


def _check_unchanged(path: Path, key: str, before: os.stat_result, after: os.stat_result) -> None:
    """The file was not written while it was read, so the object holds one state of it (a
    change of size while parts are read is caught by the part loop; this catches the rest,
    as rclone's "source file is being updated" does)."""
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise StorageError(
            f"{str(path)!r} was written to while it was uploaded: the object {key!r} may hold parts of "
            "two versions of it. Upload it again once it no longer changes.",
            key=key,
        )


def upload_metadata(spec: JobSpec, provider: Provider, mtime_ns: int) -> dict[str, str] | None:
    """The job's metadata, plus the file's modification time where the service keeps
    one (``mtime``, as rclone writes it: ``core.mtime``), so that a compare or a sync,
    ours or rclone's, sees the file unchanged. Taken when the file is opened to be sent
    (a file changed since the job was planned is stored with its new time)."""
    style = provider.mtime_style
    if style is None or not provider.capabilities.user_metadata:
        return spec.metadata or None
    return with_mtime(spec.metadata, mtime_ns, style)


def with_rclone_md5(
    metadata: dict[str, str] | None, provider: Provider, stream: BinaryIO, cancel: CancelToken
) -> dict[str, str] | None:
    """``metadata`` plus the file's MD5 where rclone keeps one for an object sent in parts
    (S3 ``md5chksum``: base64), as rclone writes it, so that ``rclone check`` (and our
    compare) can tell the object unchanged by its content. A new upload only (a resumed
    one has its metadata from its start); the file is read once more for it, as rclone
    reads it. Only beside the modification time (where we write rclone's metadata)."""
    key = provider.rclone_md5_key
    if key is None or metadata is None or MTIME_KEY not in metadata or key in metadata:
        return metadata
    digest = hashlib.md5(usedforsecurity=False)
    stream.seek(0)
    while chunk := stream.read(_HASH_CHUNK):
        cancel.raise_if_cancelled()
        digest.update(chunk)
    stream.seek(0)
    return {**metadata, key: base64.b64encode(digest.digest()).decode("ascii")}


def asked_encryption(spec: JobSpec) -> Encryption | None:
    """The encryption the job asks (its words parsed), or None."""
    return Encryption.parse(spec.encryption) if spec.encryption else None


def _set_expiry(ctx: TaskContext, provider: Provider) -> None:
    """The expiry the job asks, once the object is whole (a POST of its own: a failure
    after the bytes are in leaves the object, and the item fails saying so)."""
    spec, item = ctx.job.spec, ctx.item
    if spec.expire_after is None and spec.expire_at is None:
        return
    after = timedelta(seconds=spec.expire_after) if spec.expire_after is not None else None
    at = datetime.fromisoformat(spec.expire_at) if spec.expire_at is not None else None
    if at is not None and at <= datetime.now(UTC):
        raise StorageError(f"{item.key!r} was uploaded, but the expiry asked ({spec.expire_at}) has passed; "
                           "it was not set.")  # fmt: skip
    try:
        call_with_retry(lambda: provider.set_object_expiry(spec.container, item.key, after=after, at=at),
                        ctx.settings.retry, cancel=ctx.cancel)  # fmt: skip
    except StorageError as error:
        raise StorageError(f"{item.key!r} was uploaded, but its expiry was not set: {error}") from error


def engine_policy(settings: Settings) -> SendPolicy:
    return SendPolicy(settings.part_concurrency, part_retry=settings.retry, request_retry=settings.retry,
                      budget=settings.budget, executor_factory=settings.executor_factory,
                      bandwidth=settings.bandwidth, part_size=settings.upload_part_size)  # fmt: skip


class JournalLedger:
    """The parts of an engine item, journaled: a restart resumes the remote upload."""

    resumable = True

    def __init__(self, ctx: TaskContext) -> None:
        self._ctx = ctx

    def upload_state(self) -> dict[str, Any] | None:
        return self._ctx.item.upload_state

    def parts(self) -> dict[int, PartRecord]:
        with self._ctx.lock:
            return dict(self._ctx.item.parts)

    def keep_only(self, numbers: Collection[int]) -> None:
        item = self._ctx.item
        with self._ctx.lock:
            item.parts = {n: part for n, part in item.parts.items() if n in numbers}

    def forget_parts(self) -> None:
        self._ctx.forget_parts()

    def started(self, upload: MultipartUpload) -> None:
        self._ctx.item.upload_state = upload.state()
        self._ctx.save()

    def part_done(self, part: PartRecord) -> None:
        self._ctx.record_part(part)

    def finished(self) -> None:
        self._ctx.forget_parts()
        self._ctx.item.upload_state = None
        self._ctx.save()

    def stop(self) -> bool:
        return self._ctx.stop()


def _check_regular(path: Path, in_folder: bool) -> None:
    """A broken link is skipped, a special file refused (``_refuse_special``); a file
    that cannot be read fails when it is opened. One ``stat`` (a thousand small files
    are a thousand of them)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise Skip(f"{path} is a broken link; skipped.") from None
        return
    except OSError:
        return
    if not stat.S_ISREG(mode):
        _refuse_special(in_folder, path)


def _refuse_special(in_folder: bool, path: Path) -> None:
    """Pipes, sockets and devices are no files to upload: opening a pipe waits for a writer
    forever (a worker lost, no cancel reaches it), and a device may never end. Met in a
    folder they are skipped; named on their own, the item fails."""
    why = f"{path} is not a regular file (a pipe, socket, device or folder)"
    if in_folder:
        raise Skip(f"{why}; skipped.")
    raise StorageError(f"{why}; only files and folders can be uploaded.")


def _open_local(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as error:
        raise StorageError(f"Cannot read {path}: {error.strerror or error}.") from error


def _settle_conflict(ctx: TaskContext, provider: Provider, size: int) -> str:
    spec, item = ctx.job.spec, ctx.item
    if spec.conflict is ConflictPolicy.OVERWRITE:
        return item.key  # no need to ask the server

    def exists(key: str) -> bool:
        try:
            provider.stat(spec.container, key)
        except NotFound:
            return False
        return True

    decision = decide(spec.conflict, item, spec.kind, item.key, exists, ctx.ask)
    if decision.policy is ConflictPolicy.RESUME:
        with contextlib.suppress(NotFound):
            if provider.stat(spec.container, decision.target).size == size:
                raise Skip(f"{decision.target} is on the server already (same size); skipped.")
    return decision.target


def abort_upload(ctx: TaskContext) -> None:
    """Remove what a cancelled upload left on the server; forget it in the journal."""
    abandon(ctx.provider(), ctx.job.spec.container, ctx.item.key, JournalLedger(ctx))


def run_pipe(ctx: TaskContext) -> str:
    """A stream of unknown length: parts as it comes; not resumable (cannot rewind)."""
    spec, item = ctx.job.spec, ctx.item
    stream = ctx.job.stream
    if stream is None:
        raise StorageError(
            f"The piped data for {item.key!r} was lost when the app closed; a pipe cannot be "
            "replayed. Start the upload again."
        )
    if spec.storage_class:  # not carried by the stream path yet: refused, never dropped
        raise StorageError("A storage class for a piped upload is not offered yet; change it afterwards.")
    if spec.encryption:  # the stream path takes none yet: refused, never dropped
        raise StorageError("Encryption for a piped upload is not offered yet; upload a file instead.")
    ctx.set_progress(0, None)
    provider = ctx.provider()
    info = send(provider, spec.container, item.key, stream, size=None,
                content_type=spec.content_type, metadata=spec.metadata or None,
                progress=ctx.add, cancel=ctx.cancel).info  # fmt: skip
    ctx.set_progress(info.size, info.size)
    _set_expiry(ctx, provider)
    return ""
