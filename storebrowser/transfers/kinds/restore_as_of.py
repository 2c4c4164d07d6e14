"""Restore Folder to a Date as one job (``JobKind.RESTORE_AS_OF``): the plan's changes,
one item per key, done by ``transfers.restoring`` (which says what the spec holds)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from storebrowser.core.retry import RetryPolicy
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec
from storebrowser.transfers.kinds.base import TransferKind, remote_place
from storebrowser.transfers.kinds.words import OBJECTS, Phrase, counted, place
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.restoring import restore_items, run_restore_step, step_key

# Keys named in a job's tooltip (a plain comment: lupdate takes a "#:" one for a template's note).
TOOLTIP_KEYS = 10


class RestoreAsOf(TransferKind):
    kind = JobKind.RESTORE_AS_OF
    holds: ClassVar[frozenset[str]] = frozenset({"key", "keys"})
    icon = "copy"
    items_have_targets = False

    def problem(self, spec: JobSpec) -> str | None:
        if not spec.keys:
            return "Nothing to restore: the folder is as it was then."
        return None

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        return restore_items(job, provider)

    def run(self, ctx: TaskContext) -> str:
        return run_restore_step(ctx)

    def known_total(self, spec: JobSpec) -> int | None:
        return len(spec.keys)

    def title(self, job: JobSnapshot) -> Phrase:
        spec = job.spec
        template = QT_TRANSLATE_NOOP("Transfers", "Restore {place} as of {moment} ({objects})")
        return Phrase(template, place=place(spec.container, spec.key), moment=_moment(spec),
                      objects=counted(len(spec.keys), OBJECTS))  # fmt: skip

    def tooltip(self, spec: JobSpec) -> Phrase:
        """The job's place and its first keys (each a step's JSON text: only these are read)."""
        keys = ", ".join(step_key(text) for text in spec.keys[:TOOLTIP_KEYS])
        template = QT_TRANSLATE_NOOP("Transfers", "{remote}: {keys}")
        return Phrase(template, remote=remote_place(spec), keys=keys)


def _moment(spec: JobSpec) -> str:
    """The moment restored to, in the local time zone to the second."""
    text = spec.options.get("as_of")
    try:
        moment = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        moment = None
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S") if moment is not None else "?"
