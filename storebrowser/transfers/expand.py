"""Turn a job into its items: walk a local folder, list a prefix, batch keys; for a job
of several sources, each source as its own kind would, in one list."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import AuthFailed, StorageError
from storebrowser.core.listing import iter_objects
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import Item, Job, JobKind, State
from storebrowser.transfers.landing import fail_clashes
from storebrowser.transfers.sources import is_contents, is_prefix, upload_prefix
from storebrowser.transfers.tiering import tiering_items

DELETE_BATCH = 1000
#: Objects of a job of several sources looked up at once when it expands.
LOOKUPS = 8
LOOKUP_WINDOW = 1000
DEFAULT_RETRY = RetryPolicy()


def expand(job: Job, provider: Provider, retry: RetryPolicy = DEFAULT_RETRY) -> list[Item]:
    items = _expand(job, provider, retry)
    if job.spec.kind.is_download:
        fail_clashes(job.spec, items)  # ``x`` and ``x/y.txt``: a file and a folder of one name
    return items


def _expand(job: Job, provider: Provider, retry: RetryPolicy) -> list[Item]:
    spec = job.spec
    kind = spec.kind
    if kind is JobKind.UPLOAD_FILE:
        key = spec.key
        if not key or key.endswith("/"):
            key += Path(spec.local).name  # into a "folder": keep the file's name
        return [Item(job.id, 0, key, spec.local, total=_size(Path(spec.local)))]
    if kind is JobKind.UPLOAD_STREAM:
        return [Item(job.id, 0, spec.key)]
    if kind is JobKind.UPLOAD_FOLDER:
        return list(_folder_items(job.id, Path(spec.local), upload_prefix(spec.key), job.cancel))
    if kind is JobKind.UPLOAD_MANY:
        return _numbered(_upload_many_items(job))
    if kind is JobKind.DOWNLOAD_MANY:
        return _numbered(_download_many_items(job, provider, retry))
    if kind is JobKind.DELETE:
        return _delete_items(job, provider)
    if kind.is_tiering:
        return tiering_items(job, provider)
    if kind is JobKind.SET_PROPERTIES:  # one request or three per object: one item each
        return [Item(job.id, n, key, total=1) for n, key in enumerate(dict.fromkeys(spec.keys))]
    single = kind is JobKind.DOWNLOAD_OBJECT or (
        kind in (JobKind.COPY, JobKind.MOVE) and spec.key and not spec.key.endswith("/")
    )
    if single:
        return [Item(job.id, 0, spec.key)]
    objects = iter_objects(provider, spec.container, spec.key, None, cancel=job.cancel)
    return [
        Item(job.id, n, info.key, total=info.size, listed=info)
        for n, info in enumerate(o for o in objects if not o.is_prefix)
    ]


def _delete_items(job: Job, provider: Provider) -> list[Item]:
    """Batches of keys (given, or everything under the prefix), then the container."""
    spec = job.spec
    if spec.keys:
        keys = list(spec.keys)
    else:
        listed = iter_objects(provider, spec.container, spec.key, None, cancel=job.cancel)
        keys = [info.key for info in listed if not info.is_prefix]
    batches = [tuple(keys[i : i + DELETE_BATCH]) for i in range(0, len(keys), DELETE_BATCH)]
    items = [Item(job.id, n, batch[0], total=len(batch), keys=batch) for n, batch in enumerate(batches)]
    if spec.remove_container:
        # No keys: the runner removes the (by then empty) container itself.
        items.append(Item(job.id, len(items), "", total=1, note="the container"))
    return items


def _folder_items(
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
            yield Item(job_id, index, prefix + relative, str(path), total=_size(path), source=source)
            index += 1
    for filename, why in problems:
        relative = Path(filename).relative_to(root).as_posix() if filename != "None" else "?"
        item = Item(job_id, index, prefix + relative + "/", filename, source=source)
        item.state, item.error = State.FAILED, f"Cannot read the folder {filename}: {why}."
        index += 1
        yield item


def _upload_many_items(job: Job) -> Iterator[Item]:
    """Each source as UPLOAD_FILE into a folder or UPLOAD_FOLDER would send it: a file
    keeps its name, a folder its name and structure, a folder's contents go as they are."""
    prefix = upload_prefix(job.spec.key)
    seen: dict[str, str] = {}
    for n, source in enumerate(job.spec.sources):
        path = Path(source)
        if is_contents(source) or path.is_dir():
            into = prefix if is_contents(source) else f"{prefix}{path.name}/"
            items: Iterator[Item] = _folder_items(job.id, path, into, job.cancel, n)
        else:  # missing or unreadable: the upload fails this item with why
            items = iter([Item(job.id, 0, prefix + path.name, str(path), total=_size(path), source=n)])
        for item in items:
            if _second_sender(item, seen):
                continue
            yield item


def _second_sender(item: Item, seen: dict[str, str]) -> bool:
    """Two sources sending the same key (a folder's contents beside a file of that name):
    the first wins; the second fails with why, rather than overwrite it in a race. The same
    file chosen twice (``photos/`` and ``photos/a.jpg``) goes once: True, leave it out."""
    first = seen.get(item.key)
    if first is None:
        seen[item.key] = item.local
        return False
    if item.state is not State.QUEUED:
        return False
    if first == item.local:
        return True
    item.state = State.FAILED
    item.error = f"{item.local} would be uploaded as {item.key}, as {first} is; upload it separately."
    return False


def _download_many_items(job: Job, provider: Provider, retry: RetryPolicy) -> Iterator[Item]:
    """Prefixes listed, objects looked up (the size makes the job's total known at once;
    the download uses what was found instead of asking again)."""
    spec = job.spec
    keys = [s for s in spec.sources if not is_prefix(s)]
    found = _look_up(provider, spec.container, keys, job.cancel, retry)
    for n, source in enumerate(spec.sources):
        if is_prefix(source):
            for info in iter_objects(provider, spec.container, source, None, cancel=job.cancel):
                if not info.is_prefix:
                    yield Item(job.id, 0, info.key, total=info.size, listed=info, source=n)
            continue
        looked_up = found[source]
        if isinstance(looked_up, StorageError):
            item = Item(job.id, 0, source, source=n)
            item.state, item.error = State.FAILED, looked_up.message
            yield item
            continue
        yield Item(job.id, 0, source, total=looked_up.size, listed=looked_up, source=n)


def _look_up(
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


def _numbered(items: Iterator[Item]) -> list[Item]:
    """Items of several sources, numbered in one sequence."""
    listed = list(items)
    for index, item in enumerate(listed):
        item.index = index
    return listed


def _size(path: Path) -> int | None:
    """The size to expect, so that a job's total is known before its files are sent (the
    upload sets it again when it opens the file); None when it cannot be read now."""
    try:
        return path.stat().st_size
    except OSError:
        return None
