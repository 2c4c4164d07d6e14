"""Copy and move: one object (``key``), or every object under a prefix (ending ``/``),
to ``dst_key`` in ``dst_container`` (of ``dst_account``: between accounts the bytes are
streamed through this process). Each item is one object, done by ``transfers.copy``."""

from __future__ import annotations

from typing import ClassVar

from storebrowser.core.retry import RetryPolicy
from storebrowser.core.words import QT_TRANSLATE_NOOP
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.copy import run_copy
from storebrowser.transfers.expand import listed_items
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec
from storebrowser.transfers.kinds.base import TransferKind, remote_place
from storebrowser.transfers.kinds.words import OBJECTS, Count, Phrase, counted, name_of, place
from storebrowser.transfers.progress import JobSnapshot


class Copy(TransferKind):
    kind = JobKind.COPY
    holds: ClassVar[frozenset[str]] = frozenset(
        {"key", "conflict", "dst_account", "dst_container", "dst_key", "contents_only"}
    )
    icon = "copy"
    #: The title's verb.
    verb: ClassVar[str] = QT_TRANSLATE_NOOP("Transfers", "Copy {what} to {place}")

    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        if _single(job.spec):
            return [Item(job.id, 0, job.spec.key)]
        return listed_items(job, provider, retry)

    def run(self, ctx: TaskContext) -> str:
        return run_copy(ctx, move=False)

    def title(self, job: JobSnapshot) -> Phrase:
        spec, count = job.spec, len(job.items)
        if _single(spec) or not count:
            what: str | Count = name_of(spec.key)
        else:
            what = counted(count, OBJECTS)
        return Phrase(self.verb, what=what, place=_target(spec))

    def tooltip(self, spec: JobSpec) -> Phrase:
        template = QT_TRANSLATE_NOOP("Transfers", "{remote}\n→ {target}")
        return Phrase(template, remote=remote_place(spec), target=_target(spec))


class Move(Copy):
    """A copy, then the source object is deleted."""

    kind = JobKind.MOVE
    icon = "move"
    verb = QT_TRANSLATE_NOOP("Transfers", "Move {what} to {place}")

    def run(self, ctx: TaskContext) -> str:
        return run_copy(ctx, move=True)


def _single(spec: JobSpec) -> bool:
    return bool(spec.key) and not spec.key.endswith("/")


def _target(spec: JobSpec) -> str:
    return place(spec.dst_container or spec.container, spec.dst_key)
