"""Server-side copy and move of one object; batch delete of many."""

from __future__ import annotations

from storebrowser.core.errors import NotFound, StorageError, Unsupported
from storebrowser.core.retry import call_with_retry
from storebrowser.transfers.conflicts import decide
from storebrowser.transfers.context import TaskContext
from storebrowser.transfers.jobs import ConflictPolicy, JobKind


def destination_key(spec_key: str, dst_key: str, key: str) -> str:
    """Where ``key`` goes: ``dst_key`` for one object, re-rooted under it for a prefix."""
    if spec_key == key and not key.endswith("/"):
        return dst_key
    return dst_key + key[len(spec_key) :]


def run_copy(ctx: TaskContext) -> str:
    spec, item = ctx.job.spec, ctx.item
    if spec.dst_account and spec.dst_account != spec.account:
        raise Unsupported("Copying between accounts is done as a download and an upload; "
                          "server-side copy works within one account.")  # fmt: skip
    provider = ctx.provider()
    dst_container = spec.dst_container or spec.container
    dst_key = item.local or destination_key(spec.key, spec.dst_key, item.key)
    if spec.conflict is not ConflictPolicy.OVERWRITE:

        def exists(key: str) -> bool:
            try:
                provider.stat(dst_container, key)
            except NotFound:
                return False
            return True

        dst_key = decide(spec.conflict, item, spec.kind, dst_key, exists, ctx.ask).target
    item.local = dst_key  # for a copy, ``local`` holds the destination key
    ctx.cancel.raise_if_cancelled()
    info = call_with_retry(
        lambda: provider.copy_object(spec.container, item.key, dst_container, dst_key),
        ctx.settings.retry, cancel=ctx.cancel,
    )  # fmt: skip
    ctx.set_progress(info.size, info.size)
    if spec.kind is JobKind.MOVE:
        if (dst_container, dst_key) == (spec.container, item.key):
            return "moved onto itself; nothing deleted"
        call_with_retry(lambda: provider.delete_object(spec.container, item.key),
                        ctx.settings.retry, cancel=ctx.cancel)  # fmt: skip
    return ""


def run_delete(ctx: TaskContext) -> str:
    """One batch of keys; the providers send it as few requests as they can."""
    spec, item = ctx.job.spec, ctx.item
    provider = ctx.provider()
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
