"""Uploads: one file, a folder, several files and folders at once, a pipe.

Each item is a file sent by ``transfers.upload`` (the pipe by its ``run_pipe``); a
cancelled one has its unfinished remote upload aborted.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import ClassVar

from storebrowser.core.retry import RetryPolicy
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.expand import file_size, folder_items, numbered
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec, State
from storebrowser.transfers.kinds.base import TransferKind, remote_place
from storebrowser.transfers.kinds.words import (
    FILES,
    Phrase,
    counted,
    counted_or_chosen,
    first_sources,
    folder_of,
    name_of,
    place,
)
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.sources import is_contents, upload_prefix
from storebrowser.transfers.upload import abort_upload, run_pipe, run_upload

_SENT = frozenset({"key", "conflict", "content_type", "metadata", "storage_class", "encryption",
                   "expire_after", "expire_at"})  # fmt: skip


class _Upload(TransferKind):
    """Files of this computer into ``container``, under ``key``."""

    holds: ClassVar[frozenset[str]] = _SENT | {"local"}
    icon = "upload"

    def cleanup(self, ctx: TaskContext) -> None:
        abort_upload(ctx)

    def tooltip(self, spec: JobSpec) -> Phrase:
        local = spec.local or Phrase(QT_TRANSLATE_NOOP("Transfers", "(a stream)"))
        template = QT_TRANSLATE_NOOP("Transfers", "{local}\n→ {remote}")
        return Phrase(template, local=local, remote=remote_place(spec))


class UploadFile(_Upload):
    """``local`` as the object ``key`` (into it, keeping the file's name, when ``key`` is
    empty or ends with ``/``)."""

    kind = JobKind.UPLOAD_FILE

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        spec = job.spec
        key = spec.key
        if not key or key.endswith("/"):
            key += Path(spec.local).name  # into a "folder": keep the file's name
        return [Item(job.id, 0, key, spec.local, total=file_size(Path(spec.local)))]

    def run(self, ctx: TaskContext) -> str:
        return run_upload(ctx, in_folder=False)

    def title(self, job: JobSnapshot) -> Phrase:
        spec = job.spec
        key = job.items[0].key if job.items else spec.key
        template = QT_TRANSLATE_NOOP("Transfers", "Upload {name} to {place}")
        return Phrase(template, name=PurePath(spec.local).name, place=place(spec.container, folder_of(key)))


class UploadFolder(_Upload):
    """The files under the folder ``local``, keys under the prefix ``key`` keeping the
    structure."""

    kind = JobKind.UPLOAD_FOLDER

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        spec = job.spec
        return list(folder_items(job.id, Path(spec.local), upload_prefix(spec.key), job.cancel))

    def run(self, ctx: TaskContext) -> str:
        return run_upload(ctx, in_folder=True)

    def title(self, job: JobSnapshot) -> Phrase:
        spec = job.spec
        where = place(spec.container, spec.key)
        if job.items:
            files = counted(len(job.items), FILES)
            template = QT_TRANSLATE_NOOP("Transfers", "Upload {files} to {place}")
            return Phrase(template, files=files, place=where)
        template = QT_TRANSLATE_NOOP("Transfers", "Upload {name} to {place}")
        return Phrase(template, name=PurePath(spec.local).name, place=where)


class UploadMany(_Upload):
    """Several files and folders chosen at once (``sources``), into the prefix ``key``:
    each as ``UploadFile`` into a folder or ``UploadFolder`` would send it."""

    kind = JobKind.UPLOAD_MANY
    holds = _SENT | {"sources"}

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        return numbered(_many_items(job))

    def run(self, ctx: TaskContext) -> str:
        spec, item = ctx.job.spec, ctx.item
        return run_upload(ctx, in_folder=Path(spec.sources[item.source]) != Path(item.local))

    def title(self, job: JobSnapshot) -> Phrase:
        spec = job.spec
        what = counted_or_chosen(len(job.items), len(spec.sources), FILES)
        template = QT_TRANSLATE_NOOP("Transfers", "Upload {what} to {place}")
        return Phrase(template, what=what, place=place(spec.container, spec.key))

    def tooltip(self, spec: JobSpec) -> Phrase:
        template = QT_TRANSLATE_NOOP("Transfers", "{local}\n→ {remote}")
        return Phrase(template, local=first_sources(spec.sources), remote=remote_place(spec))


class UploadStream(_Upload):
    """A pipe (``TransferEngine.submit(stream=)``) as the object ``key``; it cannot be
    replayed, so it does not survive a restart."""

    kind = JobKind.UPLOAD_STREAM
    # A class and an encryption are refused; an expiry is set once the pipe is stored.
    holds = frozenset({"key", "content_type", "metadata", "storage_class", "encryption", "expire_after",
                       "expire_at"})  # fmt: skip

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        return [Item(job.id, 0, job.spec.key)]

    def run(self, ctx: TaskContext) -> str:
        return run_pipe(ctx)

    def title(self, job: JobSnapshot) -> Phrase:
        spec = job.spec
        template = QT_TRANSLATE_NOOP("Transfers", "Upload {name} to {place}")
        return Phrase(template, name=name_of(spec.key), place=place(spec.container, folder_of(spec.key)))


def _many_items(job: Job) -> Iterator[Item]:
    """A file keeps its name, a folder its name and structure, a folder's contents go as
    they are."""
    prefix = upload_prefix(job.spec.key)
    seen: dict[str, str] = {}
    for n, source in enumerate(job.spec.sources):
        path = Path(source)
        if is_contents(source) or path.is_dir():
            into = prefix if is_contents(source) else f"{prefix}{path.name}/"
            items: Iterator[Item] = folder_items(job.id, path, into, job.cancel, n)
        else:  # missing or unreadable: the upload fails this item with why
            items = iter([Item(job.id, 0, prefix + path.name, str(path), total=file_size(path), source=n)])
        for item in items:
            if _second_sender(item, seen):
                continue
            yield item


def _second_sender(item: Item, seen: dict[str, str]) -> bool:
    """Two sources sending the same key (a folder's contents beside a file of that name):
    the first wins; the second fails with why, rather than overwrite it in a race. The same
    file chosen twice (``photos/`` and ``photos/a.jpg``) goes once: True, leave it out."""
    first = seen.get(item.key)
    if first is None:
        seen[item.key] = item.local
        return False
    if item.state is not State.QUEUED:
        return False
    if first == item.local:
        return True
    item.state = State.FAILED
    item.error = f"{item.local} would be uploaded as {item.key}, as {first} is; upload it separately."
    return False
