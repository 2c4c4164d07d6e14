"""A sync as one job (``JobKind.SYNC``): its plan's sends and deletions as items.

The spec (``sync.plan.to_spec``) names the left end as ``account``/``container``/``key``
and the right as ``dst_account``/``dst_container``/``dst_key``; the end without a
container is the local folder ``local``. ``sources`` are the keys to send and ``keys``
the keys to delete on the right, both relative to the places.

Each send is done by the runner of its own kind, so it is journaled, resumed, checked
and cleaned up as any upload, download or copy: a file goes up as an upload (which keeps
its modification time in the object's metadata, ``core.mtime``), an object comes down
as a download (hostile keys refused by the one key-to-path mapping; the file then takes
the object's modification time, as rclone sets it), and between two containers it is a
copy (on the server within one account that can). Deletions go in batches.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from storebrowser.core.errors import InvalidName, StorageError
from storebrowser.core.localpath import key_to_local_path
from storebrowser.core.mtime import stored_mtime
from storebrowser.core.retry import call_with_retry
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.copy import run_copy, run_delete
from storebrowser.transfers.download import remove_partial, run_download
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec, State
from storebrowser.transfers.upload import abort_upload, run_upload

#: ``Item.source`` of a send and of a batch of deletions.
SEND, DELETE = 0, 1
DELETE_BATCH = 1000


def sync_items(job: Job) -> list[Item]:
    spec = job.spec
    items = [_send_item(job.id, n, spec, key) for n, key in enumerate(spec.sources)]
    for start in range(0, len(spec.keys), DELETE_BATCH):
        batch = spec.keys[start : start + DELETE_BATCH]
        if spec.dst_container:
            batch = tuple(spec.dst_key + key for key in batch)
        items.append(Item(job.id, len(items), batch[0], total=len(batch), keys=batch, source=DELETE))
    return items


def _send_item(job_id: str, index: int, spec: JobSpec, key: str) -> Item:
    if not spec.container:  # a local file up
        path = os.path.join(spec.local, *key.split("/"))
        return Item(job_id, index, spec.dst_key + key, path)
    if spec.dst_container:  # between containers: ``local`` holds the destination key
        return Item(job_id, index, spec.key + key, spec.dst_key + key)
    item = Item(job_id, index, spec.key + key)
    try:  # an object down: a key the mapping refuses fails here, before anything is written
        key_to_local_path(Path(spec.local), item.key, strip_prefix=spec.key)
    except InvalidName as refused:
        item.state, item.error = State.FAILED, refused.message
    return item


def run_sync(ctx: TaskContext) -> str:
    spec, item = ctx.job.spec, ctx.item
    if item.source == DELETE:
        return _delete(ctx)
    if not spec.container:
        return run_upload(_as(ctx, _upload_spec(spec, item)))
    if spec.dst_container:
        return run_copy(ctx)
    Path(spec.local).mkdir(parents=True, exist_ok=True)
    note = run_download(ctx)
    _take_object_time(ctx)
    return note


def cleanup_sync(ctx: TaskContext) -> None:
    """A send cancelled before it ran to its end: its remote upload or partial file goes."""
    spec, item = ctx.job.spec, ctx.item
    if item.source == DELETE:
        return
    if not spec.container:
        abort_upload(_as(ctx, _upload_spec(spec, item)))
    elif not spec.dst_container:
        remove_partial(item.local)
        ctx.forget_parts()


def _upload_spec(spec: JobSpec, item: Item) -> JobSpec:
    return JobSpec(JobKind.UPLOAD_FILE, spec.dst_account, spec.dst_container, key=item.key, local=item.local)


def _as(ctx: TaskContext, spec: JobSpec) -> TaskContext:
    """The item's context as the runner of another kind sees it: the same job (its id,
    items, cancel and pause) under the spec of that kind."""
    job = ctx.job
    shadow = Job(spec, id=job.id, state=job.state, items=job.items, expanded=True,
                 cancel=job.cancel, pause=job.pause)  # fmt: skip
    return dataclasses.replace(ctx, job=shadow)


def _delete(ctx: TaskContext) -> str:
    spec, item = ctx.job.spec, ctx.item
    if spec.dst_container:
        run_delete(_as(ctx, JobSpec(JobKind.DELETE, spec.dst_account, spec.dst_container, keys=item.keys)))
        return ""
    root = Path(spec.local)
    failed: list[str] = []
    for key in item.keys:
        ctx.cancel.raise_if_cancelled()
        path = key_to_local_path(root, key)
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            failed.append(f"{path}: {error.strerror or error}")
        ctx.add(1)
    if failed:
        raise StorageError(
            f"{len(failed)} of {len(item.keys)} files were not deleted; the first, {failed[0]}"
        )
    return ""


def _take_object_time(ctx: TaskContext) -> None:
    """The downloaded file takes the object's modification time (its stored ``mtime``,
    else its upload time), so the next compare sees the two unchanged."""
    spec, item = ctx.job.spec, ctx.item
    provider = ctx.provider()
    info = call_with_retry(lambda: provider.stat(spec.container, item.key), ctx.settings.retry,
                           cancel=ctx.cancel)  # fmt: skip
    ns = stored_mtime(info.metadata)
    if ns is None and info.modified is not None:
        ns = int(info.modified.timestamp() * 1_000_000_000)
    if ns is None:
        return
    target = key_to_local_path(Path(spec.local), item.key, strip_prefix=spec.key)
    os.utime(target, ns=(ns, ns))
