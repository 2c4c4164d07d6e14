"""A prefix brought back to its state at a moment, as engine items: what each key needs
(``Step``: its version of then made current again, or the key deleted), the check that
writes keep what they replace, and one key done.

The plan is made before the job (``versions.plan``; the person sees it first) and the
job carries it as its keys: ``JobSpec.keys`` holds one compact JSON text per key to
change (``Step.to_text``), which the journal writes in rows of ``KEY_BATCH`` beside the
job (``job_keys``), not inside its spec; ``options["as_of"]`` is the moment (ISO 8601).
Item ``n`` does step ``n``, so a step is journaled once and an item row stays small; a
restart (``jobs resume``, or the window's resume of unfinished jobs) reads both back and
carries on with the keys not done.

Before a key is changed, one HEAD (``Provider.stat``; no listing) says what it holds now.
The plan's listing already said what it held then (``Step.now``): the guarantee kept is
that a key is changed only while its size and ETag (or Content-MD5) are still what the
plan saw. A key that holds its version of then already is left alone (the item running
when the process was killed, run again on resume, changes nothing the second time), a
key to delete that is gone is left alone, and a key someone changed since the plan fails
with why (plan again). A write landing between the HEAD and the change is not detected
(no conditional copy on these services), and it is kept as a version.

A key deleted since the moment, whose one delete marker sits right on its version of
then (``Step.marker``), comes back by removing that marker: the version of then is then
current itself, the same version id, no copy. Elsewhere the version is copied.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from storebrowser.core.errors import NotFound, StorageError, Unsupported
from storebrowser.core.retry import call_with_retry
from storebrowser.core.types import ObjectInfo, ObjectVersion, VersioningStatus
from storebrowser.core.versioned import same_content
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec

#: A step's action: the key's version of then made current again (it exists now; or it
#: was deleted since), or the key deleted (a delete marker; for good where there are none).
RESTORE, UNDELETE, DELETE = "restore", "undelete", "delete"

T = TypeVar("T")
#: What an older journal's restore (its steps inside the spec) says on resume.
SAVED_BEFORE = "This restore was saved by an older StoreBrowser; plan it again."

#: Container states where writing keeps what it replaces.
SAFE = (VersioningStatus.ENABLED, VersioningStatus.SNAPSHOTS)


class VersioningOff(StorageError):
    """Versioning of the container is not on: restoring would replace data for good."""


class ChangedSincePlan(StorageError):
    """The key holds neither what the plan saw nor its version of then."""


def check_safe(provider: Provider, container: str) -> None:
    """``VersioningOff`` unless writes to ``container`` keep what they replace."""
    state = provider.versioning_state(container)
    if state.status in SAFE:
        return
    if state.status is VersioningStatus.UNSUPPORTED:
        raise Unsupported(f"{container!r} keeps no versions: {state.reason}", container=container)
    raise VersioningOff(
        f"Versioning of {container!r} is {state.status.value}: a restore would replace the current "
        "versions for good. Turn versioning on and try again.",
        container=container,
    )


@dataclass(frozen=True, slots=True)
class Step:
    """What one key needs: its version of then (``target``) made current, or, without
    one, the key deleted. ``now``: what the plan's listing saw as current (``None``: it
    was deleted); ``marker``: the one delete marker on top of ``target``, removed to
    bring it back."""

    key: str
    target: ObjectVersion | None
    now: ObjectVersion | None = None
    marker: str | None = None

    @property
    def action(self) -> str:
        return DELETE if self.target is None else UNDELETE if self.now is None else RESTORE

    def to_text(self) -> str:
        data: dict[str, Any] = {"key": self.key, "action": self.action}
        if self.target is not None:
            data["target"] = _content(self.target) | {"version_id": self.target.version_id}
        if self.now is not None:
            data["now"] = _content(self.now)
        if self.marker is not None:
            data["marker"] = self.marker
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_text(cls, text: str) -> Step:
        data = json.loads(text)
        key, target, now = data["key"], data.get("target"), data.get("now")
        return cls(key, _version(key, target) if target else None, _version(key, now) if now else None,
                   data.get("marker"))  # fmt: skip


def step_key(text: str) -> str:
    """The key a step changes; the text itself when it is no step (a tooltip never fails)."""
    try:
        return Step.from_text(text).key
    except (ValueError, KeyError, TypeError):
        return text


def _content(version: ObjectVersion) -> dict[str, Any]:
    return {"size": version.size, "etag": version.etag, "content_md5": version.content_md5}


def _version(key: str, data: dict[str, Any]) -> ObjectVersion:
    """A step's version; one with no id (what the plan saw as current) never matches
    another by id in ``same_content``."""
    return ObjectVersion(key, data.get("version_id") or "\0seen", size=int(data.get("size") or 0),
                         etag=data.get("etag"), content_md5=data.get("content_md5"))  # fmt: skip


def restore_spec(
    account: str, container: str, prefix: str, as_of: datetime, steps: Sequence[Step]
) -> JobSpec:
    """The job that applies ``steps`` (a plan's changes) to ``container``."""
    return JobSpec(JobKind.RESTORE_AS_OF, account, container, key=prefix,
                   keys=tuple(step.to_text() for step in steps),
                   options={"as_of": as_of.isoformat()})  # fmt: skip


def restore_items(job: Job, provider: Provider) -> list[Item]:
    """One item per key, item ``n`` doing step ``n``; refused (the job fails) while the
    container's writes would replace what they overwrite."""
    if job.spec.sources and not job.spec.keys:
        raise StorageError(SAVED_BEFORE)
    check_safe(provider, job.spec.container)
    return [Item(job.id, n, Step.from_text(text).key, total=1) for n, text in enumerate(job.spec.keys)]


def run_restore_step(ctx: TaskContext) -> str:
    """One key brought to its state of then; returns the note its row shows."""
    keys = ctx.job.spec.keys
    if ctx.item.index >= len(keys):
        raise StorageError(SAVED_BEFORE)
    step = Step.from_text(keys[ctx.item.index])
    provider = ctx.provider()
    ctx.cancel.raise_if_cancelled()
    now = _current(ctx, provider, step.key)
    note = _delete(ctx, provider, step, now) if step.target is None else _bring_back(ctx, provider, step, now)
    ctx.set_progress(1, 1)
    return note


def _delete(ctx: TaskContext, provider: Provider, step: Step, now: ObjectInfo | None) -> str:
    if now is None:
        return "deleted already"
    _check_as_planned(ctx, step, now)
    container = ctx.job.spec.container
    # The container's state said deletions keep a version; on Azure a blob may not have one.
    _call(ctx, lambda: provider.check_delete_keeps(container, step.key))
    _call(ctx, lambda: provider.delete_object(container, step.key))
    return "deleted (it did not exist then)"


def _bring_back(ctx: TaskContext, provider: Provider, step: Step, now: ObjectInfo | None) -> str:
    target = step.target
    assert target is not None
    if now is not None and _holds(now, target):
        return "as it was then already"
    _check_as_planned(ctx, step, now)
    container = ctx.job.spec.container
    if now is None and step.marker is not None:
        marker = step.marker
        _call(ctx, lambda: _remove_marker(provider, container, step.key, marker))
        back = _current(ctx, provider, step.key)
        # Under another marker (a listing ordered to the second, as moto's, can hide one),
        # or on another version: the version of then is copied after all.
        if back is not None and _holds(back, target):
            return "brought back (delete marker removed)"
    _call(ctx, lambda: provider.restore_version(container, step.key, target.version_id))
    return "brought back" if now is None else "back to its content then"


def _remove_marker(provider: Provider, container: str, key: str, marker: str) -> None:
    with contextlib.suppress(NotFound):  # removed already (by this job before a restart)
        provider.delete_version(container, key, marker)


def _check_as_planned(ctx: TaskContext, step: Step, now: ObjectInfo | None) -> None:
    """``ChangedSincePlan`` unless the key holds what the plan's listing saw."""
    planned = step.now
    if now is None and planned is None:
        return
    if now is not None and planned is not None and _holds(now, planned):
        return
    raise ChangedSincePlan(
        f"{step.key!r} changed since the restore was planned; plan the restore again.",
        container=ctx.job.spec.container, key=step.key,
    )  # fmt: skip


def _holds(info: ObjectInfo, version: ObjectVersion) -> bool:
    """Whether the current object (a HEAD's answer) holds ``version``'s bytes."""
    seen = ObjectVersion(info.key, "\0current", size=info.size, etag=info.etag, content_md5=info.content_md5)
    return same_content(seen, version)


def _current(ctx: TaskContext, provider: Provider, key: str) -> ObjectInfo | None:
    """What ``key`` holds now (one HEAD); ``None`` when it does not exist."""
    try:
        return _call(ctx, lambda: provider.stat(ctx.job.spec.container, key))
    except NotFound:
        return None


def _call(ctx: TaskContext, do: Callable[[], T]) -> T:
    return call_with_retry(do, ctx.settings.retry, cancel=ctx.cancel)
