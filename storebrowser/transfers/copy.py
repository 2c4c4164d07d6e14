"""Server-side copy and move of one object; batch delete of many."""

from __future__ import annotations

from storebrowser.core.errors import NotFound, StorageError
from storebrowser.core.retry import call_with_retry
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.transfers.conflicts import decide
from storebrowser.transfers.context import Paused, TaskContext
from storebrowser.transfers.jobs import ConflictPolicy, State
from storebrowser.transfers.streamed_copy import stream_copy

#: How often the container item of a delete looks whether its batches are finished.
BATCH_POLL_SECONDS = 0.1


def destination_key(spec_key: str, dst_key: str, key: str) -> str:
    """Where ``key`` goes: ``dst_key`` for one object, re-rooted under it for a prefix."""
    if spec_key == key and not key.endswith("/"):
        return dst_key
    return dst_key + key[len(spec_key) :]


def run_copy(ctx: TaskContext, *, move: bool) -> str:
    """One object: server-side within an account that can; streamed through this
    process between accounts (or where the service has no server-side copy). With
    ``move`` the source is deleted once the copy is stored."""
    spec, item = ctx.job.spec, ctx.item
    source = ctx.provider()
    target = ctx.provider(spec.dst_account) if spec.dst_account else source
    dst_container = spec.dst_container or spec.container
    dst_key = item.local or destination_key(spec.key, spec.dst_key, item.key)
    if spec.conflict is not ConflictPolicy.OVERWRITE:

        def exists(key: str) -> bool:
            try:
                target.stat(dst_container, key)
            except NotFound:
                return False
            return True

        dst_key = decide(spec.conflict, item, spec.kind, dst_key, exists, ctx.ask).target
    item.local = dst_key  # for a copy, ``local`` holds the destination key
    ctx.cancel.raise_if_cancelled()
    if target is source and source.capabilities.server_side_copy:
        info = call_with_retry(
            lambda: source.copy_object(spec.container, item.key, dst_container, dst_key),
            ctx.settings.retry, cancel=ctx.cancel,
        )  # fmt: skip
        ctx.set_progress(info.size, info.size)
    else:
        info = _streamed(ctx, source, target, dst_container, dst_key)
    if move:
        if target is source and (dst_container, dst_key) == (spec.container, item.key):
            return "moved onto itself; nothing deleted"
        call_with_retry(lambda: source.delete_object(spec.container, item.key),
                        ctx.settings.retry, cancel=ctx.cancel)  # fmt: skip
    return "" if target is source else "streamed between accounts"


def _streamed(
    ctx: TaskContext, source: Provider, target: Provider, dst_container: str, dst_key: str
) -> ObjectInfo:
    """A retried attempt starts the object over, so its progress starts over too."""
    spec, item = ctx.job.spec, ctx.item
    total = item.total

    def attempt() -> ObjectInfo:
        ctx.set_progress(0, total)
        return stream_copy(source, spec.container, item.key, target, dst_container, dst_key,
                           progress=ctx.add, cancel=ctx.cancel, bandwidth=ctx.settings.bandwidth)  # fmt: skip

    info = call_with_retry(attempt, ctx.settings.retry, cancel=ctx.cancel)
    ctx.set_progress(info.size, info.size)
    return info


def run_delete(ctx: TaskContext) -> str:
    """One batch of keys; the providers send it as few requests as they can."""
    spec, item = ctx.job.spec, ctx.item
    provider = ctx.provider()
    if not item.keys:
        return _remove_container(ctx)
    failures = call_with_retry(
        lambda: provider.delete_objects(spec.container, list(item.keys), cancel=ctx.cancel),
        ctx.settings.retry, cancel=ctx.cancel,
    )  # fmt: skip
    ctx.set_progress(len(item.keys) - len(failures), len(item.keys))
    if failures:
        key, error = next(iter(failures.items()))
        raise StorageError(f"{len(failures)} of {len(item.keys)} objects were not deleted; "
                           f"the first, {key!r}: {error}")  # fmt: skip
    return ""


def _remove_container(ctx: TaskContext) -> str:
    """The last item of a container delete: once every batch before it is finished, the
    container goes too. Not forced: objects that arrived meanwhile make it NotEmpty,
    and they stay."""
    spec, item = ctx.job.spec, ctx.item
    while True:
        with ctx.lock:
            others = [i for i in ctx.job.items if i is not item]
            waiting = any(not i.state.finished for i in others)
            failed = sum(i.state is State.FAILED for i in others)
        if not waiting:
            break
        if ctx.cancel.wait(BATCH_POLL_SECONDS):
            ctx.cancel.raise_if_cancelled()
        if ctx.stop():
            raise Paused()
    if failed:
        raise StorageError(f"The container {spec.container!r} was kept: {failed} batches of its objects "
                           "could not be deleted.", container=spec.container)  # fmt: skip
    provider = ctx.provider()
    call_with_retry(lambda: provider.delete_container(spec.container), ctx.settings.retry,
                    cancel=ctx.cancel)  # fmt: skip
    ctx.set_progress(1, 1)
    return f"container {spec.container} deleted"
