"""A prefix brought back to its state at a moment, as engine items: what each key needs
(``Step``: made its version of then again, or deleted), the check that writes keep what
they replace, and one key done.

The plan is made before the job (``versions.plan``; the person sees it first) and the
job carries it: ``JobSpec.sources`` are the keys to change, ``JobSpec.options["steps"]``
what each needs, in the same order, and ``options["as_of"]`` the moment (ISO 8601). Each
item keeps its step in ``Item.options``, so the journal holds every key's step and a
restart (``jobs resume``, or the window's resume of unfinished jobs) carries on with the
keys not done.

A key is looked at again before it is changed, so an item run twice (the one running
when the process was killed, run again on resume) changes nothing the second time: a
key already at its version of then (the same version or the same bytes) is left as it
is, and a key to delete that is deleted already is left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storebrowser.core.errors import StorageError, Unsupported
from storebrowser.core.retry import call_with_retry
from storebrowser.core.types import ObjectVersion, VersioningStatus
from storebrowser.core.versioned import is_current, same_content
from storebrowser.providers.base import Provider
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec

#: ``Item.options["action"]``: the key's version of then made current again (a
#: server-side copy), or the key deleted (a delete marker; for good where there are none).
RESTORE, DELETE = "restore", "delete"

#: Container states where writing keeps what it replaces.
SAFE = (VersioningStatus.ENABLED, VersioningStatus.SNAPSHOTS)


class VersioningOff(StorageError):
    """Versioning of the container is not on: restoring would replace data for good."""


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
    one, the key deleted."""

    key: str
    target: ObjectVersion | None

    def to_json(self) -> dict[str, Any]:
        target = self.target
        if target is None:
            return {"action": DELETE}
        return {"action": RESTORE, "version_id": target.version_id, "size": target.size,
                "etag": target.etag, "content_md5": target.content_md5}  # fmt: skip


def restore_spec(
    account: str, container: str, prefix: str, as_of: datetime, steps: Sequence[Step]
) -> JobSpec:
    """The job that applies ``steps`` (a plan's changes) to ``container``."""
    options = {"as_of": as_of.isoformat(), "steps": [step.to_json() for step in steps]}
    return JobSpec(JobKind.RESTORE_AS_OF, account, container, key=prefix,
                   sources=tuple(step.key for step in steps), options=options)  # fmt: skip


def restore_items(job: Job, provider: Provider) -> list[Item]:
    """One item per key, its step in its options; refused (the job fails) while the
    container's writes would replace what they overwrite."""
    spec = job.spec
    check_safe(provider, spec.container)
    steps = spec.options.get("steps") or []
    if len(steps) != len(spec.sources):
        raise StorageError("This restore was saved incomplete: its keys and steps differ in number.")
    pairs = enumerate(zip(spec.sources, steps, strict=True))
    return [Item(job.id, n, key, total=1, options=dict(step)) for n, (key, step) in pairs]


def run_restore_step(ctx: TaskContext) -> str:
    """One key brought to its state of then; returns the note its row shows."""
    spec, item = ctx.job.spec, ctx.item
    provider = ctx.provider()
    ctx.cancel.raise_if_cancelled()
    now = call_with_retry(lambda: latest_versions(provider, spec.container, item.key), ctx.settings.retry,
                          cancel=ctx.cancel)  # fmt: skip
    if item.options.get("action") == DELETE:
        note = _delete(ctx, provider, now)
    else:
        note = _restore(ctx, provider, now)
    ctx.set_progress(1, 1)
    return note


def _delete(ctx: TaskContext, provider: Provider, now: list[ObjectVersion]) -> str:
    if not is_current(now):
        return "deleted already"
    call_with_retry(lambda: provider.delete_object(ctx.job.spec.container, ctx.item.key), ctx.settings.retry,
                    cancel=ctx.cancel)  # fmt: skip
    return "deleted (it did not exist then)"


def _restore(ctx: TaskContext, provider: Provider, now: list[ObjectVersion]) -> str:
    target = _target(ctx.item)
    if is_current(now) and same_content(now[0], target):
        return "as it was then already"
    came_back = not is_current(now)
    container, key = ctx.job.spec.container, ctx.item.key
    call_with_retry(lambda: provider.restore_version(container, key, target.version_id), ctx.settings.retry,
                    cancel=ctx.cancel)  # fmt: skip
    return "brought back" if came_back else "back to its content then"


def _target(item: Item) -> ObjectVersion:
    options = item.options
    version_id = options.get("version_id")
    if not isinstance(version_id, str):
        raise StorageError("This item names no version to restore; it was saved incomplete.")
    size = options.get("size")
    return ObjectVersion(item.key, version_id, size=size if isinstance(size, int) else 0,
                         etag=options.get("etag"), content_md5=options.get("content_md5"))  # fmt: skip


def latest_versions(provider: Provider, container: str, key: str) -> list[ObjectVersion]:
    """The newest entries of ``key`` (from one page of its versions; empty when it has
    none): enough to say whether it exists now and what it holds."""
    page = provider.list_versions_page(container, key, None, None, 50)
    # The key sorts before every other key it is a prefix of: its entries come first.
    found: list[ObjectVersion] = []
    for entry in page.entries:
        if entry.key != key or entry.is_prefix:
            break
        found.append(entry)
    return found
