"""The kinds of transfer job, one class each, and their registration.

Adding a kind: a ``JobKind`` member (``transfers/jobs.py``: its value in the journal and
what it is), a module here with its ``TransferKind`` class, and one line in ``_CLASSES``.
``tests/transfers/test_kinds.py`` checks that every member has exactly one class.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from storebrowser.core.retry import RetryPolicy
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import Item, Job, JobKind
from storebrowser.transfers.kinds.base import TransferKind
from storebrowser.transfers.kinds.copy import Copy, Move
from storebrowser.transfers.kinds.delete import Delete
from storebrowser.transfers.kinds.download import DownloadMany, DownloadObject, DownloadPrefix
from storebrowser.transfers.kinds.properties import SetProperties
from storebrowser.transfers.kinds.restore_as_of import RestoreAsOf
from storebrowser.transfers.kinds.sync import Sync
from storebrowser.transfers.kinds.tiering import RestoreArchived, SetClass, SetTags
from storebrowser.transfers.kinds.upload import UploadFile, UploadFolder, UploadMany, UploadStream
from storebrowser.transfers.kinds.words import Lines, Phrase, render

_CLASSES: tuple[type[TransferKind], ...] = (
    UploadFile,
    UploadFolder,
    UploadMany,
    UploadStream,
    DownloadObject,
    DownloadPrefix,
    DownloadMany,
    Copy,
    Move,
    Delete,
    SetProperties,
    SetClass,
    RestoreArchived,
    SetTags,
    Sync,
    RestoreAsOf,
)

KINDS: Mapping[JobKind, TransferKind] = MappingProxyType({cls.kind: cls() for cls in _CLASSES})


def kind_of(kind: JobKind) -> TransferKind:
    return KINDS[kind]


_DEFAULT_RETRY = RetryPolicy()


def expand(job: Job, provider: Provider, retry: RetryPolicy = _DEFAULT_RETRY) -> list[Item]:
    """The items of ``job`` (on a worker: may list, walk, look up)."""
    return kind_of(job.kind).expand(job, provider, retry)


__all__ = ["KINDS", "Lines", "Phrase", "TransferKind", "expand", "kind_of", "render"]
