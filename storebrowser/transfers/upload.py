"""Upload one file (or a pipe): one request when small, journaled parts when large.

Parts go through ``providers.chunked.PartSender``, the one part loop of the app, with
the journal hooked in: each finished part is recorded, so a restart re-sends none of
them once the remote upload is confirmed to still exist (else it starts over cleanly).
"""

from __future__ import annotations

import contextlib
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO, TypedDict

from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import Cancelled, NotFound, StorageError
from storebrowser.core.retry import call_with_retry
from storebrowser.core.types import PartRecord
from storebrowser.providers.base import MultipartUpload, Provider
from storebrowser.providers.chunked import PartSender, PartsStopped, choose_part_size
from storebrowser.providers.streams import read_exactly
from storebrowser.transfers.conflicts import Skip, decide
from storebrowser.transfers.context import Paused, TaskContext
from storebrowser.transfers.jobs import ConflictPolicy, JobKind, JobSpec

log = logging.getLogger(__name__)


def run_upload(ctx: TaskContext) -> str:
    spec, item = ctx.job.spec, ctx.item
    provider = ctx.provider()
    if spec.kind is JobKind.UPLOAD_STREAM:
        return _upload_pipe(ctx, provider)
    path = Path(item.local)
    if path.is_symlink() and not path.exists():
        raise Skip(f"{path} is a broken link; skipped.")
    if path.exists() and not path.is_file():
        _refuse_special(_found_in_a_folder(ctx), path)
    with _open_local(path) as stream:
        size = path.stat().st_size
        ctx.set_progress(sum(p.size for p in item.parts.values()), size)
        if item.upload_state is None:
            item.key = _settle_conflict(ctx, provider, size)
        small = size <= provider.multipart_threshold or not provider.can_upload_in_parts(item.key)
        send = _upload_whole if small else _upload_parts
        note = send(ctx, provider, stream, size)
    _set_expiry(ctx, provider)
    return note


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


def _found_in_a_folder(ctx: TaskContext) -> bool:
    """The item was found walking a folder, not named by the person."""
    spec, item = ctx.job.spec, ctx.item
    if spec.kind is JobKind.UPLOAD_MANY:
        return Path(spec.sources[item.source]) != Path(item.local)
    return spec.kind is JobKind.UPLOAD_FOLDER


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


def _upload_whole(ctx: TaskContext, provider: Provider, stream: BinaryIO, size: int) -> str:
    spec, item = ctx.job.spec, ctx.item

    def attempt() -> None:
        ctx.set_progress(0, size)  # a retry starts from zero again
        stream.seek(0)
        provider.put_object(spec.container, item.key, stream, size=size,
                            content_type=spec.content_type, metadata=spec.metadata or None,
                            progress=ctx.add, cancel=ctx.cancel, **upload_options(spec))  # fmt: skip

    call_with_retry(attempt, ctx.settings.retry, cancel=ctx.cancel)
    return ""


def _upload_parts(ctx: TaskContext, provider: Provider, stream: BinaryIO, size: int) -> str:
    item = ctx.item
    upload, note = _open_upload(ctx, provider, size)
    with ctx.lock:
        item.done = sum(part.size for part in item.parts.values())
    settings = ctx.settings
    sender = PartSender(
        upload, progress=ctx.add, cancel=ctx.cancel, concurrency=settings.part_concurrency,
        retry=settings.retry, done=item.parts, on_part=ctx.record_part, stop=ctx.stop,
        budget=settings.budget, executor_factory=settings.executor_factory,
    )  # fmt: skip
    first: bytes | PartRecord
    if 1 in item.parts:
        first = item.parts[1]
        stream.seek(first.size)
    else:
        first = read_exactly(stream, upload.part_size)
    try:
        parts = sender.send_stream(first, stream, size)
    except PartsStopped as stopped:
        raise Paused() from stopped
    except Cancelled:
        abort_upload(ctx, upload)
        raise
    call_with_retry(lambda: upload.complete(parts), settings.retry, cancel=ctx.cancel)
    ctx.forget_parts()
    item.upload_state = None
    ctx.save()
    return note


def _open_upload(ctx: TaskContext, provider: Provider, size: int) -> tuple[MultipartUpload, str]:
    """The journaled upload when the server still has it, else a new one."""
    spec, item = ctx.job.spec, ctx.item
    note = ""
    if item.upload_state is not None:
        try:
            upload: MultipartUpload | None = provider.resume_multipart(item.upload_state)
        except NotFound:
            upload = None
        if upload is not None and _keep_parts_the_server_has(ctx, upload):
            return upload, "resumed"
        note = "the server had dropped the unfinished upload; started over"
    ctx.forget_parts()
    new = call_with_retry(
        lambda: provider.start_multipart(
            spec.container, item.key, part_size=choose_part_size(provider, size),
            content_type=spec.content_type, metadata=spec.metadata or None, **upload_options(spec),
        ),
        ctx.settings.retry, cancel=ctx.cancel,
    )  # fmt: skip
    item.upload_state = new.state()
    ctx.save()
    return new, note


def _keep_parts_the_server_has(ctx: TaskContext, upload: MultipartUpload) -> bool:
    """Keep the journaled parts the server lists too; False when it has none of them
    (the upload expired or was aborted: start over). When the provider cannot list parts
    (``uploaded_parts()`` is None) the journal is trusted on its word."""
    item = ctx.item
    if not item.parts:
        return True
    listed = upload.uploaded_parts()
    if listed is None:
        return True
    on_server = {part.number: part for part in listed}
    with ctx.lock:
        for number, part in list(item.parts.items()):
            there = on_server.get(number)
            if there is None or there.size != part.size or _token(there) != _token(part):
                del item.parts[number]
        return bool(item.parts)


class UploadOptions(TypedDict, total=False):
    storage_class: str
    encryption: Encryption


def upload_options(spec: JobSpec) -> UploadOptions:
    """``storage_class=`` and ``encryption=`` for the upload calls, each when the job asks
    one (providers without classes per object take no such argument unless asked, and
    then refuse it)."""
    options = UploadOptions()
    if spec.storage_class:
        options["storage_class"] = spec.storage_class
    if spec.encryption:
        options["encryption"] = Encryption.parse(spec.encryption)
    return options


def _token(part: PartRecord) -> str:
    return part.token.strip('"')


def abort_upload(ctx: TaskContext, upload: MultipartUpload | None = None) -> None:
    """Remove what a cancelled upload left on the server; forget it in the journal."""
    item = ctx.item
    # Uploads whose start request lost its answer: no state of ours names them.
    ctx.provider().discard_unanswered_uploads(ctx.job.spec.container, item.key)
    if upload is None and item.upload_state is None:
        return  # nothing started that we know of: nothing to forget either
    try:
        if upload is None and item.upload_state is not None:
            upload = ctx.provider().resume_multipart(item.upload_state)
        if upload is not None:
            upload.abort()
    except NotFound:
        pass  # gone already
    except StorageError:
        log.warning("could not abort the upload of %s", item.key, exc_info=True)
    ctx.forget_parts()
    item.upload_state = None
    ctx.save()


def _upload_pipe(ctx: TaskContext, provider: Provider) -> str:
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
    info = provider.upload(spec.container, item.key, stream, size=None,
                           content_type=spec.content_type, metadata=spec.metadata or None,
                           progress=ctx.add, cancel=ctx.cancel)  # fmt: skip
    ctx.set_progress(info.size, info.size)
    _set_expiry(ctx, provider)
    return ""
