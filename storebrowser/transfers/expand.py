"""What the kinds share to turn a job into its items: walk a local folder, list a prefix,
look up many keys at once, batch keys, number the items of several sources."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import AuthFailed, StorageError
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.types import ObjectInfo
from storebrowser.core.walk import walked_keys, walked_objects
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import Item, Job, State

DELETE_BATCH = 1000
#: Objects of a job of several sources looked up at once when it expands.
LOOKUPS = 8
LOOKUP_WINDOW = 1000


def listed_items(job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
    """One item per object under the prefix ``spec.key`` (listed now), with what the
    listing said of it."""
    return [
        Item(job.id, n, info.key, total=info.size, listed=info)
        for n, info in enumerate(listed_objects(job, provider, job.spec.key, retry))
    ]


def listed_objects(job: Job, provider: Provider, prefix: str, retry: RetryPolicy) -> Iterator[ObjectInfo]:
    """The objects under ``prefix``, in key order, listed on a few connections side by
    side (``IncompleteListing`` when a part of it could not be listed: the job fails
    rather than act on part of the folder); for a job of the folder's contents
    (``contents_only``), without the folder's own marker (the table never showed it: the
    folder stays)."""
    spec = job.spec
    for info in walked_objects(provider, spec.container, prefix, cancel=job.cancel, retry=retry):
        if not info.is_prefix and not (spec.contents_only and info.key == spec.key):
            yield info


def listed_keys(job: Job, provider: Provider, prefix: str, retry: RetryPolicy) -> list[str]:
    """The keys of ``listed_objects``, without an object description each."""
    spec = job.spec
    keys = walked_keys(provider, spec.container, prefix, cancel=job.cancel, retry=retry)
    return [key for key in keys if not (spec.contents_only and key == spec.key)]


def key_batches(keys: Sequence[str]) -> list[tuple[str, ...]]:
    """``keys`` in batches of ``DELETE_BATCH`` (one request each where the service can)."""
    return [tuple(keys[i : i + DELETE_BATCH]) for i in range(0, len(keys), DELETE_BATCH)]


def folder_items(
    job_id: str, root: Path, prefix: str, cancel: CancelToken, source: int = 0
) -> Iterator[Item]:
    """Files under the folder, keys keeping the structure; links that leave it skipped,
    unreadable folders reported as failed items."""
    real_root = Path(os.path.realpath(root))
    index = 0
    problems: list[tuple[str, str]] = []

    def on_error(error: OSError) -> None:
        problems.append((str(error.filename), error.strerror or str(error)))

    for folder, dirs, files in os.walk(root, onerror=on_error):
        cancel.raise_if_cancelled()
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_symlink():
                real = Path(os.path.realpath(path))
                if real_root not in real.parents or not real.is_file():
                    continue  # a link leaving the folder (or dangling): not ours to send
            relative = path.relative_to(root).as_posix()
            yield Item(job_id, index, prefix + relative, str(path), total=file_size(path), source=source)
            index += 1
    for filename, why in problems:
        relative = Path(filename).relative_to(root).as_posix() if filename != "None" else "?"
        item = Item(job_id, index, prefix + relative + "/", filename, source=source)
        item.state, item.error = State.FAILED, f"Cannot read the folder {filename}: {why}."
        index += 1
        yield item


def look_up(
    provider: Provider, container: str, keys: list[str], cancel: CancelToken, retry: RetryPolicy
) -> dict[str, ObjectInfo | StorageError]:
    """``stat`` of every key, ``LOOKUPS`` at a time (one after the other, a thousand
    selected objects would wait a thousand round trips before the first byte moves), a
    window of ``LOOKUP_WINDOW`` queued at most. An object that cannot be looked up (gone,
    denied, still failing after the retries) keeps its error and fails its own item; a
    failed sign-in fails the job, as nothing else would work either."""

    def one(key: str) -> ObjectInfo | StorageError:
        try:
            return call_with_retry(lambda: provider.stat(container, key), retry, cancel=cancel)
        except AuthFailed:
            raise
        except StorageError as error:
            return error

    unique = list(dict.fromkeys(keys))
    if len(unique) <= 1:
        return {key: one(key) for key in unique}
    found: dict[str, ObjectInfo | StorageError] = {}
    pool = ThreadPoolExecutor(min(LOOKUPS, len(unique)), thread_name_prefix="lookup")
    try:
        for start in range(0, len(unique), LOOKUP_WINDOW):
            window = unique[start : start + LOOKUP_WINDOW]
            cancel.raise_if_cancelled()
            found.update(zip(window, pool.map(one, window), strict=True))
    finally:  # after an error, the lookups not started yet are dropped
        pool.shutdown(wait=True, cancel_futures=True)
    return found


def numbered(items: Iterator[Item]) -> list[Item]:
    """Items of several sources, numbered in one sequence."""
    listed = list(items)
    for index, item in enumerate(listed):
        item.index = index
    return listed


def file_size(path: Path) -> int | None:
    """The size to expect, so that a job's total is known before its files are sent (the
    upload sets it again when it opens the file); None when it cannot be read now."""
    try:
        return path.stat().st_size
    except OSError:
        return None
