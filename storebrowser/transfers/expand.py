"""Turn a job into its items: walk a local folder, list a prefix, batch keys."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from storebrowser.core.cancel import CancelToken
from storebrowser.core.listing import iter_objects
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import Item, Job, JobKind, State

DELETE_BATCH = 1000


def expand(job: Job, provider: Provider) -> list[Item]:
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
        return list(_folder_items(job, job.cancel))
    if kind is JobKind.DELETE:
        return _delete_items(job, provider)
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


def _folder_items(job: Job, cancel: CancelToken) -> Iterator[Item]:
    """Files under the folder, keys keeping the structure; links that leave it skipped,
    unreadable folders reported as failed items."""
    spec = job.spec
    root = Path(spec.local)
    real_root = Path(os.path.realpath(root))
    prefix = spec.key if not spec.key or spec.key.endswith("/") else spec.key + "/"
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
            yield Item(job.id, index, prefix + relative, str(path), total=_size(path))
            index += 1
    for filename, why in problems:
        relative = Path(filename).relative_to(root).as_posix() if filename != "None" else "?"
        item = Item(job.id, index, prefix + relative + "/", filename)
        item.state, item.error = State.FAILED, f"Cannot read the folder {filename}: {why}."
        index += 1
        yield item


def _size(path: Path) -> int | None:
    """The size to expect, so that a job's total is known before its files are sent (the
    upload sets it again when it opens the file); None when it cannot be read now."""
    try:
        return path.stat().st_size
    except OSError:
        return None
