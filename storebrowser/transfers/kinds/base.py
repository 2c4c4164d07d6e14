"""What a kind of transfer job is: one class per ``JobKind``, registered in
``transfers.kinds``.

A kind says what its spec holds (``holds``; anything of its own beyond the common fields
goes in ``JobSpec.options``, and per item in ``Item.options``), checks a spec before it is
queued (``problem``), expands a job into items on a worker (``expand``), runs one item
(``run``), cleans up after an item cancelled before it ran (``cleanup``), and describes
itself (``title``, ``tooltip``, ``item_prefix``) in words the UI translates. What the kind
IS (its direction, whether it has many items, several sources, counts objects) is said by
its ``JobKind`` member, for code that needs no class.
"""

from __future__ import annotations

import abc
from typing import ClassVar

from storebrowser.core.retry import RetryPolicy
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec
from storebrowser.transfers.kinds.words import Phrase, place
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.sources import sources_problem


class TransferKind(abc.ABC):
    kind: ClassVar[JobKind]
    #: The ``JobSpec`` fields this kind reads, besides ``kind``, ``account`` and
    #: ``container``; the others stay at their defaults.
    holds: ClassVar[frozenset[str]] = frozenset()
    #: The name of its icon in the transfers panel (``ui/icons.py`` draws each name).
    icon: ClassVar[str]
    #: An item's ``local`` says where it goes (a file here, a copy's destination key),
    #: shown under its key.
    items_have_targets: ClassVar[bool] = True

    def problem(self, spec: JobSpec) -> str | None:
        """Why ``spec`` cannot be queued, for a person (no I/O); None when it can."""
        return sources_problem(spec)

    @abc.abstractmethod
    def expand(self, job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
        """The job's items, numbered from 0 (on a worker: may list, walk, look up)."""

    @abc.abstractmethod
    def run(self, ctx: TaskContext) -> str:
        """Do one item; returns its note. Raises ``Skip``, ``Paused``, ``Cancelled`` or a
        ``StorageError``/``OSError`` that fails the item with its message."""

    def cleanup(self, ctx: TaskContext) -> None:  # noqa: B027 - most kinds leave nothing
        """An item cancelled before it ran to its end: remove what it left (a remote
        upload, a partial file). The engine saves the item afterwards."""

    @abc.abstractmethod
    def title(self, job: JobSnapshot) -> Phrase:
        """``Upload 12 files to photos/2024/``: before expansion ``job.items`` is empty."""

    @abc.abstractmethod
    def tooltip(self, spec: JobSpec) -> Phrase:
        """Where from and where to, in full."""

    def known_total(self, spec: JobSpec) -> int | None:
        """The job's total before it is expanded, when the spec alone says it."""
        return None

    def item_prefix(self, spec: JobSpec) -> str:
        """What the keys of the items begin with, left out of their names in a list."""
        return spec.key


def remote_place(spec: JobSpec) -> str:
    """``account: container/key``, the remote end of a job."""
    remote = place(spec.container, spec.key)
    return f"{spec.account}: {remote}" if spec.account else remote
