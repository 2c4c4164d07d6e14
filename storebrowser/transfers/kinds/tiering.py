"""Storage-class changes, archive restores and tag edits of many objects: keys and
prefixes (``sources``) expand into one item per object, done by ``transfers.tiering``;
each failure is kept against its key (``Trait.KEEPS_FAILURES``) to be listed and retried."""

from __future__ import annotations

from typing import ClassVar

from storebrowser.core.retry import RetryPolicy
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec
from storebrowser.transfers.kinds.base import TransferKind
from storebrowser.transfers.kinds.delete import keys_tooltip
from storebrowser.transfers.kinds.words import OBJECTS, Phrase, common_folder, counted_or_chosen, place
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.tiering import run_tiering, tiering_items


class _Tiering(TransferKind):
    #: The title, with ``{what}`` and ``{place}``.
    template: ClassVar[str]
    icon = "bin"  # as before the kinds were classes: no drawing of their own yet

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        return tiering_items(job, provider, retry)

    def run(self, ctx: TaskContext) -> str:
        return run_tiering(ctx)

    def title(self, job: JobSnapshot) -> Phrase:
        return change_title(self.template, job, **self.more_values(job.spec))

    def more_values(self, spec: JobSpec) -> dict[str, str]:
        return {}

    def tooltip(self, spec: JobSpec) -> Phrase:
        return keys_tooltip(spec)

    def item_prefix(self, spec: JobSpec) -> str:
        return common_folder(spec.sources)


class SetClass(_Tiering):
    """Objects moved to ``storage_class`` (out of an archive, on Azure, at ``priority``)."""

    kind = JobKind.SET_CLASS
    holds = frozenset({"sources", "storage_class", "priority"})
    template = QT_TRANSLATE_NOOP("Transfers", "Storage class of {what} in {place} → {name}")

    def more_values(self, spec: JobSpec) -> dict[str, str]:
        return {"name": str(spec.storage_class)}


class RestoreArchived(_Tiering):
    """Archived objects brought back: for ``days`` (S3) or into ``storage_class`` (Azure),
    at ``priority``."""

    kind = JobKind.RESTORE_ARCHIVED
    holds = frozenset({"sources", "days", "priority", "storage_class"})
    template = QT_TRANSLATE_NOOP("Transfers", "Restore {what} in {place} from the archive")


class SetTags(_Tiering):
    """One ``TagEdit`` (``tags``) applied to each object."""

    kind = JobKind.SET_TAGS
    holds = frozenset({"sources", "tags"})
    template = QT_TRANSLATE_NOOP("Transfers", "Tags of {what} in {place}")


def change_title(template: str, job: JobSnapshot, **values: str) -> Phrase:
    """``Storage class of 2,000 objects in logs/ → GLACIER``: objects once listed, the
    chosen items before."""
    spec = job.spec
    chosen = spec.sources or spec.keys
    what = counted_or_chosen(len(job.items), len(chosen), OBJECTS)
    return Phrase(template, what=what, place=place(spec.container, common_folder(chosen)), **values)
