"""Downloads: one object, a prefix (``""``: the whole container), several objects and
prefixes at once, into the folder ``local``.

Each item is an object fetched and checked by ``transfers.download.run_download``;
where it lands (which part of its key is not mirrored locally) is ``transfers.landing``'s,
which also fails, when the job expands, the later of two objects that cannot both land
(``x`` and ``x/y.txt``). A cancelled item has its ``.part`` file removed.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator, Sequence
from typing import ClassVar, Protocol, runtime_checkable

from storebrowser.core.errors import StorageError
from storebrowser.core.retry import RetryPolicy
from storebrowser.core.types import ObjectInfo
from storebrowser.core.walk import walked_objects
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.download import remove_partial, run_download
from storebrowser.transfers.expand import listed_items, look_up, numbered
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec, State
from storebrowser.transfers.kinds.base import TransferKind, remote_place
from storebrowser.transfers.kinds.words import (
    OBJECTS,
    Phrase,
    common_folder,
    counted,
    counted_or_chosen,
    first_sources,
    name_of,
    place,
)
from storebrowser.transfers.landing import fail_clashes, object_strip, prefix_strip, source_strip
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.sources import is_prefix


class _Download(TransferKind):
    holds: ClassVar[frozenset[str]] = frozenset({"key", "local", "conflict"})
    icon = "download"

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        items = self.objects(job, provider, retry)
        # ``x`` and ``x/y.txt``: a file and a folder of one name
        fail_clashes(items, lambda item: self.strip_prefix(job.spec, item))
        return items

    @abc.abstractmethod
    def objects(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        """One item per object to download, numbered from 0 (before the clash check)."""

    @abc.abstractmethod
    def strip_prefix(self, spec: JobSpec, item: Item) -> str:
        """What of the item's key is not mirrored in the folder ``local``."""

    def run(self, ctx: TaskContext) -> str:
        return run_download(ctx, strip_prefix=self.strip_prefix(ctx.job.spec, ctx.item))

    def cleanup(self, ctx: TaskContext) -> None:
        remove_partial(ctx.item.local)
        ctx.forget_parts()

    def tooltip(self, spec: JobSpec) -> Phrase:
        template = QT_TRANSLATE_NOOP("Transfers", "{remote}\n→ {local}")
        return Phrase(template, remote=remote_place(spec), local=spec.local)


class DownloadObject(_Download):
    kind = JobKind.DOWNLOAD_OBJECT

    def objects(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        listed = job.listed.listed(0) if job.listed is not None else None
        if listed is None or listed.key != job.spec.key:
            return [Item(job.id, 0, job.spec.key)]
        return [Item(job.id, 0, job.spec.key, total=listed.size, listed=listed)]  # no HEAD

    def strip_prefix(self, spec: JobSpec, item: Item) -> str:
        return object_strip(spec.key)

    def title(self, job: JobSnapshot) -> Phrase:
        return Phrase(QT_TRANSLATE_NOOP("Transfers", "Download {name}"), name=name_of(job.spec.key))


class DownloadPrefix(_Download):
    """Every object under the prefix ``key``, listed when the job starts."""

    kind = JobKind.DOWNLOAD_PREFIX
    holds = frozenset({"key", "local", "conflict", "contents_only"})

    def objects(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        return listed_items(job, provider, retry)

    def strip_prefix(self, spec: JobSpec, item: Item) -> str:
        if spec.contents_only:  # what is in the folder lands directly in the folder chosen
            return spec.key
        return prefix_strip(spec.key)

    def title(self, job: JobSnapshot) -> Phrase:
        where = place(job.spec.container, job.spec.key)
        if job.items:
            objects = counted(len(job.items), OBJECTS)
            template = QT_TRANSLATE_NOOP("Transfers", "Download {objects} from {place}")
            return Phrase(template, objects=objects, place=where)
        return Phrase(QT_TRANSLATE_NOOP("Transfers", "Download {place}"), place=where)


class DownloadMany(_Download):
    """Several objects and prefixes (ending ``/``) of one container (``sources``): each
    lands as ``DownloadObject`` or ``DownloadPrefix`` would land it."""

    kind = JobKind.DOWNLOAD_MANY
    holds = frozenset({"sources", "local", "conflict"})

    def objects(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        return numbered(_many_items(job, provider, retry))

    def run(self, ctx: TaskContext) -> str:
        item, listed = ctx.item, ctx.job.listed
        if item.listed is None and listed is not None and not is_prefix(ctx.job.spec.sources[item.source]):
            info = listed.listed(item.source)  # what the listing said, made only now
            if info is not None and info.key == item.key:
                item.listed = info
        return super().run(ctx)

    def strip_prefix(self, spec: JobSpec, item: Item) -> str:
        """By the item's own source: an object lands as its name, a prefix as its last
        segment and what is under it."""
        return source_strip(spec.sources[item.source])

    def title(self, job: JobSnapshot) -> Phrase:
        spec = job.spec
        what = counted_or_chosen(len(job.items), len(spec.sources), OBJECTS)
        where = place(spec.container, common_folder(spec.sources))
        return Phrase(QT_TRANSLATE_NOOP("Transfers", "Download {what} from {place}"), what=what, place=where)

    def tooltip(self, spec: JobSpec) -> Phrase:
        remote = first_sources(spec.sources, spec.container)
        return Phrase(QT_TRANSLATE_NOOP("Transfers", "{remote}\n→ {local}"), remote=remote, local=spec.local)

    def item_prefix(self, spec: JobSpec) -> str:
        return common_folder(spec.sources)


def _many_items(job: Job, provider: Provider, retry: RetryPolicy) -> Iterator[Item]:
    """Prefixes listed, objects looked up (the size makes the job's total known at once;
    the download uses what was found instead of asking again). Objects the job's listing
    describes are not looked up: their size comes from it, and their description when
    the item runs (``DownloadMany.run``), not one ``ObjectInfo`` each up front."""
    spec = job.spec
    sizes, infos = _listed_sources(job)  # what the listing said: no HEAD for those
    keys = [s for s, size in zip(spec.sources, sizes, strict=True) if size is None and not is_prefix(s)]
    found = look_up(provider, spec.container, keys, job.cancel, retry)
    for n, source in enumerate(spec.sources):
        if is_prefix(source):
            for info in walked_objects(provider, spec.container, source, cancel=job.cancel, retry=retry):
                if not info.is_prefix:
                    yield Item(job.id, 0, info.key, total=info.size, listed=info, source=n)
            continue
        size = sizes[n]
        if size is not None:
            yield Item(job.id, 0, source, total=size, listed=infos.get(n), source=n)
            continue
        looked_up = found[source]
        if isinstance(looked_up, StorageError):
            item = Item(job.id, 0, source, source=n)
            item.state, item.error = State.FAILED, looked_up.message
            yield item
            continue
        yield Item(job.id, 0, source, total=looked_up.size, listed=looked_up, source=n)


@runtime_checkable
class ListedInBulk(Protocol):
    """A ``Listed`` that says the sizes of many sources at once, without an ``ObjectInfo``
    each (``table.selection.ListedRows``: a million selected rows expand in seconds)."""

    def listed_sizes(self, sources: Sequence[str]) -> list[int | None]:
        """Per source, the size of the object the listing gave for exactly that key;
        ``None`` where it gave none (a folder, another key, no such row)."""
        ...


def _listed_sources(job: Job) -> tuple[list[int | None], dict[int, ObjectInfo]]:
    """Per source, the size the job's listing (``Job.listed``) gives of it (``None``: not
    an object it describes), and the descriptions it gave, by source, where they were made
    to learn the size (a listing that cannot say sizes in bulk)."""
    listed, sources = job.listed, job.spec.sources
    if listed is None:
        return [None] * len(sources), {}
    if isinstance(listed, ListedInBulk):
        return listed.listed_sizes(sources), {}
    sizes: list[int | None] = []
    infos: dict[int, ObjectInfo] = {}
    for n, source in enumerate(sources):
        info = None if is_prefix(source) else listed.listed(n)
        if info is not None and info.key == source:
            infos[n] = info
            sizes.append(info.size)
        else:
            sizes.append(None)
    return sizes, infos
