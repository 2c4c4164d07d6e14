"""A metadata edit applied to many objects: one item per object, each guarded by the
ETag the user saw, so an object changed meanwhile fails alone and the others go on."""

from __future__ import annotations

from storebrowser.core.errors import StorageError
from storebrowser.core.retry import call_with_retry
from storebrowser.transfers.context import TaskContext


def run_set_properties(ctx: TaskContext) -> str:
    spec, item = ctx.job.spec, ctx.item
    if spec.edit is None:
        raise StorageError("This metadata job has no edit to apply; it was saved incomplete.")
    edit = spec.edit
    provider = ctx.provider()
    ctx.cancel.raise_if_cancelled()
    # Retried only on Transient errors; PreconditionFailed (the object changed since it
    # was shown) fails the item with its message at once.
    call_with_retry(
        lambda: provider.edit_properties(spec.container, item.key, edit, if_match=spec.etags.get(item.key)),
        ctx.settings.retry, cancel=ctx.cancel,
    )  # fmt: skip
    ctx.set_progress(1, 1)
    return ""
