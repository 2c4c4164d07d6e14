"""What restoring a prefix to its state at a moment would do, key by key, before anything
is done: which keys come back, which change back, which go because they did not exist
then, which are right already.

The state of a key at ``as_of`` is its newest version written at or before that moment
(a version's ``modified``); none, or a delete marker, means the key did not exist then.
On Azure the versions are the blob and the snapshots someone took: the state at a moment
is the newest snapshot whose content was written by then, and content written after the
last snapshot and overwritten since is not kept anywhere (a blob created by then with no
snapshot of then is ``UNKNOWN``); a blob deleted since took its snapshots with it and is
not known at all. With Azure blob versions, a deleted blob keeps its versions but no
time of deletion: it was deleted at some moment after its newest version, so when that
version is from before ``as_of``, whether it existed then is not known and it is left as
it is (``UNKNOWN``). Times are the service's, to the second on S3 and Azure.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import Unsupported
from storebrowser.core.types import ObjectVersion, VersioningStatus
from storebrowser.providers.base import Provider
from storebrowser.versions.history import by_key, is_current, iter_versions, same_content


class PlanAction(enum.Enum):
    #: The key is as it was then.
    KEEP = "keep"
    #: The key exists but changed since: its version of then becomes current again.
    RESTORE = "restore"
    #: The key was deleted since: its version of then comes back.
    UNDELETE = "undelete"
    #: The key did not exist then: it is deleted (a delete marker where there are any).
    DELETE = "delete"
    #: The key existed then, but what it held then was not kept (an Azure blob changed
    #: after the moment with no snapshot taken in between), or whether it existed then
    #: is not known (an Azure blob deleted with no time recorded): it is left as it is.
    UNKNOWN = "unknown"

    @property
    def changes(self) -> bool:
        return self not in (PlanAction.KEEP, PlanAction.UNKNOWN)


@dataclass(frozen=True, slots=True)
class PlanItem:
    key: str
    action: PlanAction
    #: The version the key had at the moment (``None``: it did not exist then).
    target: ObjectVersion | None
    #: Its current version (``None``: it does not exist now).
    current: ObjectVersion | None
    #: An ``UNDELETE`` whose one delete marker sits right on ``target``: removing that
    #: marker makes ``target`` itself current again (no copy).
    marker: str | None = None


@dataclass(frozen=True, slots=True)
class RestorePlan:
    container: str
    prefix: str
    as_of: datetime
    items: tuple[PlanItem, ...]
    #: True where the service has no delete markers (Azure): the plan's deletions are
    #: for good (snapshots included) and need an explicit extra yes.
    permanent_deletes: bool = False

    def count(self, action: PlanAction) -> int:
        return sum(1 for item in self.items if item.action is action)

    @property
    def changes(self) -> list[PlanItem]:
        return [item for item in self.items if item.action.changes]

    @property
    def unknown(self) -> list[PlanItem]:
        """Keys whose state at the moment cannot be brought back (see ``UNKNOWN``)."""
        return [item for item in self.items if item.action is PlanAction.UNKNOWN]


def version_at(group: list[ObjectVersion], as_of: datetime) -> ObjectVersion | None:
    """The newest version of one key (``group``, newest first) written at or before
    ``as_of``; ``None`` when there was none, or when it was a delete marker."""
    for version in group:
        if version.modified is not None and version.modified <= as_of:
            return None if version.is_delete_marker else version
    return None


def plan_key(group: list[ObjectVersion], as_of: datetime, *, deletions_dated: bool = True) -> PlanItem:
    """One key's part of the plan, from its versions newest first. Without
    ``deletions_dated`` (``VersioningState``), a deleted key whose newest version is
    from before ``as_of`` may have been deleted before it too: ``UNKNOWN``, with that
    version (one written after ``as_of`` shows it existed after it: ``UNDELETE``)."""
    key = group[0].key
    current = group[0] if is_current(group) else None
    target = version_at(group, as_of)
    if target is None:
        if current is None:
            action = PlanAction.KEEP
        elif current.created is not None and current.created <= as_of:
            action = PlanAction.UNKNOWN
        else:
            action = PlanAction.DELETE
    elif current is None and not deletions_dated and target is group[0]:
        action = PlanAction.UNKNOWN  # no version after the moment: deleted then, or since?
    elif current is None:
        action = PlanAction.UNDELETE
        if len(group) > 1 and group[0].is_latest and group[0].is_delete_marker and group[1] is target:
            return PlanItem(key, action, target, current, marker=group[0].version_id)
    else:
        action = PlanAction.KEEP if same_content(current, target) else PlanAction.RESTORE
    return PlanItem(key, action, target, current)


def plan_items(
    entries: Iterable[ObjectVersion], as_of: datetime, *, deletions_dated: bool = True
) -> list[PlanItem]:
    """The plan for every key of a versions listing (each key's entries together)."""
    if as_of.tzinfo is None:
        raise ValueError("as_of must carry a time zone")
    return [plan_key(group, as_of, deletions_dated=deletions_dated) for group in by_key(entries)]


def make_plan(
    provider: Provider,
    container: str,
    prefix: str,
    as_of: datetime,
    *,
    recursive: bool = True,
    cancel: CancelToken = NEVER,
) -> RestorePlan:
    """The plan for every key under ``prefix`` (in its sub-folders too unless not
    ``recursive``), from one pass over the versions listing; nothing is changed."""
    state = provider.versioning_state(container)
    if state.status is VersioningStatus.UNSUPPORTED:
        raise Unsupported(f"{container!r} keeps no versions: {state.reason}", container=container)
    entries = iter_versions(provider, container, prefix, None if recursive else "/", cancel=cancel)
    items = plan_items(entries, as_of, deletions_dated=state.deletions_dated)
    return RestorePlan(
        container, prefix, as_of, tuple(items), permanent_deletes=state.status is VersioningStatus.SNAPSHOTS
    )
