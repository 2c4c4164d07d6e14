"""A metadata edit (``edit``) applied to many objects (``keys``): one item per object,
each guarded by the ETag the user saw (``etags``), done by ``transfers.properties``."""

from __future__ import annotations

from typing import ClassVar

from storebrowser.core.retry import RetryPolicy
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec
from storebrowser.transfers.kinds.base import TransferKind
from storebrowser.transfers.kinds.delete import keys_tooltip
from storebrowser.transfers.kinds.tiering import change_title
from storebrowser.transfers.kinds.words import Phrase
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.properties import run_set_properties


class SetProperties(TransferKind):
    kind = JobKind.SET_PROPERTIES
    holds: ClassVar[frozenset[str]] = frozenset({"keys", "edit", "etags"})
    icon = "bin"  # as before the kinds were classes: no drawing of its own yet

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        # One request or three per object: one item each.
        return [Item(job.id, n, key, total=1) for n, key in enumerate(dict.fromkeys(job.spec.keys))]

    def run(self, ctx: TaskContext) -> str:
        return run_set_properties(ctx)

    def title(self, job: JobSnapshot) -> Phrase:
        return change_title(QT_TRANSLATE_NOOP("Transfers", "Properties of {what} in {place}"), job)

    def tooltip(self, spec: JobSpec) -> Phrase:
        return keys_tooltip(spec)
