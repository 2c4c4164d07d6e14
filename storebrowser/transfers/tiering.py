"""Storage-class changes, archive restores and tag edits of many objects, as engine jobs.

A job names objects and prefixes (``JobSpec.sources``: a prefix ends with ``/``); it
expands into one item per object, each journaled with its own outcome, so a restart
resumes with the objects not done yet, and a failure (a deleted object, a denied one,
a tag set over the service's limits) is kept against its key with the service's reason
for the list of failures, their export and "Retry failed". Each item is one or two
requests; the engine's workers run several at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from storebrowser.core.errors import NotArchived, StorageError
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.walk import walked_objects
from storebrowser.providers.base import Provider
from storebrowser.transfers.conflicts import Skip
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.jobs import Item, Job, JobKind, JobSpec
from storebrowser.transfers.sources import is_prefix


def tiering_items(job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
    """One item per object named or under a prefix named, each object once. A restore
    under a prefix takes only the objects the listing shows in an archive class (an
    archive class is all a listing says; a restore of the others would do nothing).
    A prefix is listed with the job's ``retry`` (the engine's policy, one for the job)."""
    spec = job.spec
    archived_only: Callable[[str | None], bool] | None = None
    if spec.kind is JobKind.RESTORE_ARCHIVED:
        archived_only = provider.storage_classes().is_archive
    keys = dict.fromkeys(_keys(spec, provider, job, archived_only, retry))
    return [Item(job.id, n, key, total=1) for n, key in enumerate(keys)]


def _keys(
    spec: JobSpec,
    provider: Provider,
    job: Job,
    archived_only: Callable[[str | None], bool] | None,
    retry: RetryPolicy,
) -> Iterator[str]:
    for source in spec.sources:
        if not is_prefix(source):
            yield source
            continue
        for info in walked_objects(provider, spec.container, source, cancel=job.cancel, retry=retry):
            if info.is_prefix or (archived_only is not None and not archived_only(info.storage_class)):
                continue
            yield info.key


def run_tiering(ctx: TaskContext) -> str:
    """One object of the job; returns the note its row shows (what it is now)."""
    spec, key = ctx.job.spec, ctx.item.key
    provider = ctx.provider()
    act = _ACTS[spec.kind]
    ctx.cancel.raise_if_cancelled()
    note = call_with_retry(lambda: act(provider, spec, key), ctx.settings.retry, cancel=ctx.cancel)
    ctx.set_progress(1, 1)
    return note


def _set_class(provider: Provider, spec: JobSpec, key: str) -> str:
    if not spec.storage_class:
        raise StorageError("This job names no storage class; it was saved incomplete.")
    change = provider.set_storage_class(spec.container, key, spec.storage_class, priority=spec.priority)
    now = change.info.storage_class or spec.storage_class
    if not change.changed:
        return change.note or f"already in {now}"
    return f"now in {now}; {change.note}" if change.note else f"now in {now}"


def _restore(provider: Provider, spec: JobSpec, key: str) -> str:
    try:
        info = provider.restore_object(
            spec.container, key, days=spec.days, priority=spec.priority, storage_class=spec.storage_class
        )
    except NotArchived:
        raise Skip("not archived: it can be read as it is") from None
    if info.archive is not None:
        return info.archive.describe()
    return f"readable now ({info.storage_class})" if info.storage_class else "readable now"


def _set_tags(provider: Provider, spec: JobSpec, key: str) -> str:
    if spec.tags is None:
        raise StorageError("This tag job has no change to apply; it was saved incomplete.")
    current = provider.get_tags(spec.container, key)
    wanted = spec.tags.apply(current)
    if wanted == current:
        return "unchanged"
    provider.check_tags(wanted, key=key)  # the whole set, as it would be: at most 10...
    provider.set_tags(spec.container, key, wanted)
    return _count(len(wanted))


def _count(tags: int) -> str:
    return "no tags now" if not tags else ("1 tag now" if tags == 1 else f"{tags} tags now")


_ACTS: dict[JobKind, Callable[[Provider, JobSpec, str], str]] = {
    JobKind.SET_CLASS: _set_class,
    JobKind.RESTORE_ARCHIVED: _restore,
    JobKind.SET_TAGS: _set_tags,
}
