"""A sync as one job (``JobKind.SYNC``): its plan's sends and deletions as items.

The spec (``sync.plan.to_spec``) names the left end as ``account``/``container``/``key``
and the right as ``dst_account``/``dst_container``/``dst_key``; the end without a
container is the local folder ``local``. ``sources`` are the keys to send and ``keys``
the keys to delete on the right, both relative to the places (existing ``JobSpec``
fields: a sync needs no field or option of its own). Each item says what it does in
``Item.options["action"]`` (``upload``, ``download``, ``copy`` or ``delete``).

Each send is done by the mechanics of its own kind, so it is journaled, resumed, checked
and cleaned up as any upload, download or copy: a file goes up as an upload (which keeps
its modification time in the object's metadata, ``core.mtime``), an object comes down
as a download (hostile keys refused by the one key-to-path mapping; the file then takes
the object's modification time, as rclone sets it, from the GET's own reply: no HEAD),
and between two containers it is a copy (on the server within one account that can). Deletions go in batches.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import ClassVar

from storebrowser.core.errors import InvalidName, StorageError
from storebrowser.core.localpath import key_to_local_path
from storebrowser.core.retry import RetryPolicy
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.copy import run_copy, run_delete
from storebrowser.transfers.download import remove_partial, run_download
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec, State
from storebrowser.transfers.kinds.base import TransferKind
from storebrowser.transfers.kinds.words import Noun, Phrase, counted, place
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.upload import abort_upload, run_upload

# ``Item.options["action"]`` of each item (a plain comment: lupdate takes a "#:" one
# for the next template's note).
UPLOAD, DOWNLOAD, COPY, DELETE = "upload", "download", "copy", "delete"
DELETE_BATCH = 1000

# The number after "" marks a numerus message for lupdate (see core.words).
CHANGES = Noun(
    QT_TRANSLATE_NOOP("Transfers", "{n} change", "", 1), QT_TRANSLATE_NOOP("Transfers", "{n} changes", "", 2)
)


class Sync(TransferKind):
    kind = JobKind.SYNC
    holds: ClassVar[frozenset[str]] = frozenset(
        {"key", "local", "dst_account", "dst_container", "dst_key", "sources", "keys"}
    )
    icon = "copy"

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        return sync_items(job)

    def run(self, ctx: TaskContext) -> str:
        spec, item = ctx.job.spec, ctx.item
        action = _action(spec, item)
        if action == DELETE:
            return _delete(ctx)
        if action == UPLOAD:
            return run_upload(_as(ctx, _upload_spec(spec, item)), in_folder=True)
        if action == COPY:
            return run_copy(ctx, move=False)
        Path(spec.local).mkdir(parents=True, exist_ok=True)
        return run_download(ctx, strip_prefix=spec.key, keep_time=True)

    def cleanup(self, ctx: TaskContext) -> None:
        """A send cancelled before it ran to its end: its remote upload or partial file goes."""
        spec, item = ctx.job.spec, ctx.item
        action = _action(spec, item)
        if action == UPLOAD:
            abort_upload(_as(ctx, _upload_spec(spec, item)))
        elif action == DOWNLOAD:
            remove_partial(item.local)
            ctx.forget_parts()

    def known_total(self, spec: JobSpec) -> int | None:
        return len(spec.sources) + -(-len(spec.keys) // DELETE_BATCH)  # sends + delete batches

    def item_prefix(self, spec: JobSpec) -> str:
        return spec.key if spec.container else spec.dst_key  # a file up is named by its target key

    def title(self, job: JobSnapshot) -> Phrase:
        spec = job.spec
        changes = counted(len(spec.sources) + len(spec.keys), CHANGES)
        template = QT_TRANSLATE_NOOP("Transfers", "Sync {place} ({changes})")
        return Phrase(template, place=_end(spec, right=True), changes=changes)

    def tooltip(self, spec: JobSpec) -> Phrase:
        template = QT_TRANSLATE_NOOP("Transfers", "{left}\n→ {right}")
        return Phrase(template, left=_end(spec, right=False), right=_end(spec, right=True))


def _end(spec: JobSpec, *, right: bool) -> str:
    """One end of a sync: its local folder, or its container and prefix."""
    container = spec.dst_container if right else spec.container
    if not container:
        return spec.local
    return place(container, spec.dst_key if right else spec.key)


def sync_items(job: Job) -> list[Item]:
    spec = job.spec
    items = [_send_item(job, n, key) for n, key in enumerate(spec.sources)]
    for start in range(0, len(spec.keys), DELETE_BATCH):
        batch = spec.keys[start : start + DELETE_BATCH]
        if spec.dst_container:
            batch = tuple(spec.dst_key + key for key in batch)
        items.append(Item(job.id, len(items), batch[0], total=len(batch), keys=batch,
                          options={"action": DELETE}))  # fmt: skip
    return items


def _send_item(job: Job, index: int, key: str) -> Item:
    spec, job_id = job.spec, job.id
    if not spec.container:  # a local file up
        path = os.path.join(spec.local, *key.split("/"))
        return Item(job_id, index, spec.dst_key + key, path, options={"action": UPLOAD})
    if spec.dst_container:  # between containers: ``local`` holds the destination key
        return Item(job_id, index, spec.key + key, spec.dst_key + key, options={"action": COPY})
    # What the compare's listing said of the object (``sync.plan.PlanListing``; not
    # journaled): a small object with an MD5 then needs no HEAD before its GET.
    listed = job.listed.listed(index) if job.listed is not None else None
    item = Item(job_id, index, spec.key + key, options={"action": DOWNLOAD}, listed=listed,
                total=listed.size if listed is not None else None)  # fmt: skip
    try:  # an object down: a key the mapping refuses fails here, before anything is written
        key_to_local_path(Path(spec.local), item.key, strip_prefix=spec.key)
    except InvalidName as refused:
        item.state, item.error = State.FAILED, refused.message
    return item


def _action(spec: JobSpec, item: Item) -> str:
    """What the item does (its option; from the spec's ends for an item without one)."""
    action = item.options.get("action")
    if isinstance(action, str):
        return action
    if item.keys:
        return DELETE
    if not spec.container:
        return UPLOAD
    return COPY if spec.dst_container else DOWNLOAD


def _upload_spec(spec: JobSpec, item: Item) -> JobSpec:
    return JobSpec(JobKind.UPLOAD_FILE, spec.dst_account, spec.dst_container, key=item.key, local=item.local)


def _as(ctx: TaskContext, spec: JobSpec) -> TaskContext:
    """The item's context as the mechanics of another kind see it: the same job (its id,
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
    _prune_emptied(root, item.keys)
    if failed:
        raise StorageError(
            f"{len(failed)} of {len(item.keys)} files were not deleted; the first, {failed[0]}"
        )
    return ""


def _prune_emptied(root: Path, keys: tuple[str, ...]) -> None:
    """The folders the deleted files leave empty go too (as the files' parents on the
    left are gone), from the deepest up; never ``root``, never a folder holding anything,
    and never a folder that was empty before the sync (only the deleted files' parents)."""
    folders = {key_to_local_path(root, key).parent for key in keys}
    for folder in sorted(folders, key=lambda path: len(path.parts), reverse=True):
        while folder != root and root in folder.parents:
            try:
                folder.rmdir()  # refuses a folder that is not empty: nothing is lost
            except OSError:
                break
            folder = folder.parent
