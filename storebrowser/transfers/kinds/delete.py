"""Delete objects: the keys given (``keys``), or every object under the prefix ``key``
listed when the job starts; with ``remove_container`` the emptied container goes last.
Each item is a batch of keys, sent as few requests as the service allows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from storebrowser.core.retry import RetryPolicy
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.copy import run_delete
from storebrowser.transfers.expand import key_batches, listed_keys
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec
from storebrowser.transfers.kinds.base import TransferKind, remote_place
from storebrowser.transfers.kinds.words import OBJECTS, Phrase, counted
from storebrowser.transfers.progress import JobSnapshot


class Delete(TransferKind):
    kind = JobKind.DELETE
    holds: ClassVar[frozenset[str]] = frozenset({"key", "keys", "remove_container", "contents_only"})
    icon = "bin"
    items_have_targets = False

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        spec = job.spec
        if spec.keys:
            keys: Sequence[str] = spec.keys  # sliced into batches: the keys are not held twice
        else:
            keys = listed_keys(job, provider, spec.key, retry)
        batches = key_batches(keys)
        items = [Item(job.id, n, batch[0], total=len(batch), keys=batch) for n, batch in enumerate(batches)]
        if spec.remove_container:
            # No keys: the runner removes the (by then empty) container itself.
            items.append(Item(job.id, len(items), "", total=1, note="the container"))
        return items

    def run(self, ctx: TaskContext) -> str:
        return run_delete(ctx)

    def known_total(self, spec: JobSpec) -> int | None:
        return len(spec.keys)  # the keys given (none for a prefix, listed when it starts)

    def title(self, job: JobSnapshot) -> Phrase:
        return delete_title(job.spec)

    def tooltip(self, spec: JobSpec) -> Phrase:
        return keys_tooltip(spec)


def delete_title(spec: JobSpec) -> Phrase:
    objects = counted(len(spec.keys), OBJECTS)
    template = QT_TRANSLATE_NOOP("Transfers", "Delete {objects} from {place}")
    return Phrase(template, objects=objects, place=spec.container)


def keys_tooltip(spec: JobSpec) -> Phrase:
    """The job's place and its first keys (or sources)."""
    keys = ", ".join((spec.keys or spec.sources)[:10])
    return Phrase(QT_TRANSLATE_NOOP("Transfers", "{remote}: {keys}"), remote=remote_place(spec), keys=keys)
