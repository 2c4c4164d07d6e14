"""Revert, undelete, and applying a restore plan: what changes the current state.

Nothing here deletes data. A version is made current by a server-side copy (the content
it replaces stays as a version); a key that must go gets a delete marker (a plain delete
in a container whose versioning is on); only where a service has no delete markers
(Azure) is a deletion for good, and then only with ``allow_permanent_deletes``. With
versioning suspended a write would replace the current version for good, so these
refuse to run until it is turned on again.

A plan is applied as one engine job (``plan_spec``; its kind is
``transfers.kinds.restore_as_of``), journaled and resumed like any transfer.
``apply_plan`` does the same key by key in this thread, for callers without an engine;
run again, a new plan finds done keys right already (``KEEP``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import NotFound, StorageError
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import JobSpec
from storebrowser.transfers.restoring import SAFE as SAFE  # where it was, for its callers
from storebrowser.transfers.restoring import Step, restore_spec
from storebrowser.transfers.restoring import VersioningOff as VersioningOff
from storebrowser.transfers.restoring import check_safe as check_safe
from storebrowser.versions.history import by_key, is_current, iter_versions, versions_of
from storebrowser.versions.plan import PlanAction, PlanItem, RestorePlan, make_plan


def revert(provider: Provider, container: str, key: str, version_id: str) -> ObjectInfo:
    """Make ``version_id`` the current version of ``key`` (a server-side copy keeping its
    metadata and content settings)."""
    check_safe(provider, container)
    return provider.restore_version(container, key, version_id)


class UndeleteHow(enum.Enum):
    NOT_DELETED = "not deleted"
    MARKER_REMOVED = "delete marker removed"
    COPIED = "last version copied"


@dataclass(frozen=True, slots=True)
class Undeleted:
    key: str
    how: UndeleteHow
    version_id: str | None = None


def undelete(provider: Provider, container: str, key: str) -> Undeleted:
    """Bring back a deleted key: remove the delete marker on top of its last version (the
    usual undelete; Swift then points the key at that version again), or, under several
    markers, copy its last version. ``NotFound`` when nothing is kept to bring back."""
    group = versions_of(provider, container, key)
    if is_current(group):
        return Undeleted(key, UndeleteHow.NOT_DELETED, group[0].version_id)
    last = next((version for version in group if not version.is_delete_marker), None)
    if last is None:
        message = f"{key!r} has only delete markers: no version to bring back."
        raise NotFound(message, container=container, key=key)
    check_safe(provider, container)
    if len(group) > 1 and group[0].is_delete_marker and group[1] is last:
        provider.delete_version(container, key, group[0].version_id)
        # A listing ordered to the second (moto) can put a marker below a version of the
        # same second: then another marker may be on top still.
        if is_current(versions_of(provider, container, key)):
            return Undeleted(key, UndeleteHow.MARKER_REMOVED, last.version_id)
    provider.restore_version(container, key, last.version_id)
    return Undeleted(key, UndeleteHow.COPIED, last.version_id)


def deleted_keys(provider: Provider, container: str, prefix: str, *, recursive: bool) -> list[str]:
    """The keys under ``prefix`` that are deleted now but have versions to bring back."""
    entries = iter_versions(provider, container, prefix, None if recursive else "/")
    return [
        group[0].key
        for group in by_key(entries)
        if not is_current(group) and any(not version.is_delete_marker for version in group)
    ]


# -- plans -------------------------------------------------------------------------------


class Outcome(enum.Enum):
    DONE = "done"
    #: A deletion for good (no delete markers here) without the extra yes.
    NEEDS_CONFIRMATION = "needs confirmation"
    FAILED = "failed"


@dataclass
class ApplyReport:
    done: list[PlanItem] = field(default_factory=list)
    needs_confirmation: list[PlanItem] = field(default_factory=list)
    failed: dict[str, StorageError] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.needs_confirmation and not self.failed


ItemCallback = Callable[[PlanItem, Outcome], None]


def apply_plan(
    provider: Provider,
    plan: RestorePlan,
    *,
    allow_permanent_deletes: bool = False,
    cancel: CancelToken = NEVER,
    on_item: ItemCallback | None = None,
) -> ApplyReport:
    """Do what ``plan`` says, key by key; a key that fails is reported and the rest go on.
    A cancel stops between keys (run the restore again to finish)."""
    report = ApplyReport()
    changes = plan.changes
    if not changes:
        return report
    check_safe(provider, plan.container)
    for item in changes:
        cancel.raise_if_cancelled()
        outcome = _apply_one(provider, plan, item, allow_permanent_deletes, report)
        if on_item is not None:
            on_item(item, outcome)
    return report


def _apply_one(
    provider: Provider, plan: RestorePlan, item: PlanItem, allow_permanent_deletes: bool, report: ApplyReport
) -> Outcome:
    try:
        if item.action is PlanAction.DELETE:
            if plan.permanent_deletes and not allow_permanent_deletes:
                report.needs_confirmation.append(item)
                return Outcome.NEEDS_CONFIRMATION
            provider.check_delete_keeps(plan.container, item.key)  # on Azure, per blob
            provider.delete_object(plan.container, item.key)
        else:
            assert item.target is not None
            provider.restore_version(plan.container, item.key, item.target.version_id)
    except StorageError as error:
        report.failed[item.key] = error
        return Outcome.FAILED
    report.done.append(item)
    return Outcome.DONE


def restore_as_of(
    provider: Provider,
    container: str,
    prefix: str,
    as_of: datetime,
    *,
    recursive: bool = True,
    allow_permanent_deletes: bool = False,
    cancel: CancelToken = NEVER,
    on_item: ItemCallback | None = None,
) -> tuple[RestorePlan, ApplyReport]:
    """Plan, then apply: ``prefix`` back to its state at ``as_of``. Safe to run again after
    an interruption: keys done already are planned as ``KEEP``."""
    plan = make_plan(provider, container, prefix, as_of, recursive=recursive, cancel=cancel)
    report = apply_plan(
        provider, plan, allow_permanent_deletes=allow_permanent_deletes, cancel=cancel, on_item=on_item
    )
    return plan, report


def plan_spec(account: str, plan: RestorePlan, *, allow_permanent_deletes: bool = False) -> JobSpec | None:
    """The engine job that applies ``plan`` (``None`` when it has nothing to do). Without
    ``allow_permanent_deletes`` a plan's deletions for good (no delete markers there) are
    left out: ``held_back`` names them."""
    withheld = {item.key for item in held_back(plan, allow_permanent_deletes)}
    steps = [Step(item.key, item.target if item.action is not PlanAction.DELETE else None, item.current,
                  item.marker) for item in plan.changes if item.key not in withheld]  # fmt: skip
    if not steps:
        return None
    return restore_spec(account, plan.container, plan.prefix, plan.as_of, steps)


def held_back(plan: RestorePlan, allow_permanent_deletes: bool) -> list[PlanItem]:
    """The plan's deletions for good that were not agreed to."""
    if not plan.permanent_deletes or allow_permanent_deletes:
        return []
    return [item for item in plan.items if item.action is PlanAction.DELETE]
