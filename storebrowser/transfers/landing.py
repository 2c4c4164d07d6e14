"""Where downloaded objects land in the chosen folder, and objects that cannot both land.

A container may hold ``x`` and ``x/y.txt``; a folder cannot hold a file ``x`` and a
folder ``x``. When a job expands, the later of two such objects (in listing order, so
the file ``x``, which sorts first, is kept) fails with which key it clashed with, before
anything is written, instead of racing the other for the name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from storebrowser.core.errors import InvalidName
from storebrowser.core.localpath import key_parts
from storebrowser.transfers.jobs import Item, State
from storebrowser.transfers.sources import CASE_INSENSITIVE_DISKS, is_prefix


def object_strip(key: str) -> str:
    """What of an object's key is not mirrored locally: its folder (it lands as its name)."""
    return key.rpartition("/")[0] + "/" if "/" in key else ""


def prefix_strip(key: str) -> str:
    """What of the keys under a prefix is not mirrored locally: a prefix ``a/photos/``
    lands as ``<folder>/photos/...``, as a file manager copies a folder."""
    folder = key.rpartition("/")[0] if key.endswith("/") else key
    parent = folder.rpartition("/")[0]
    return parent + "/" if parent else ""


def source_strip(source: str) -> str:
    """A chosen source lands as a prefix when it is one, else as an object."""
    return prefix_strip(source) if is_prefix(source) else object_strip(source)


def landing_parts(strip: str, item: Item) -> tuple[str, ...] | None:
    """The item's path below the chosen folder, as segments, from its key less ``strip``
    alone (no I/O); ``None`` for a key that cannot be saved (its download fails it with
    why)."""
    if not item.key.startswith(strip):
        return None
    try:
        return tuple(key_parts(item.key[len(strip) :]))
    except InvalidName:
        return None


def fail_clashes(items: Iterable[Item], strip: Callable[[Item], str]) -> None:
    """Fail every item that would need a file where an earlier one needs a folder, or
    the other way round, or the very file an earlier one is saved as. ``strip``: what of
    an item's key is not mirrored locally (the download kind says)."""
    files: dict[tuple[str, ...], str] = {}
    folders: dict[tuple[str, ...], str] = {}
    queued = State.QUEUED
    for item in items:
        parts = landing_parts(strip(item), item) if item.state is queued else None
        if parts is None:
            continue
        path = tuple(map(str.casefold, parts)) if CASE_INSENSITIVE_DISKS else parts
        key = item.key
        if len(path) == 1 and not key.endswith("/"):  # most items: a file in the folder itself
            if path in files or path in folders:
                item.state, item.error = State.FAILED, _clash(key, parts, path, False, files, folders)
            else:
                files[path] = key
            continue
        is_folder = key.endswith("/")
        problem = _clash(key, parts, path, is_folder, files, folders)
        if problem is not None:
            item.state, item.error = State.FAILED, problem
            continue
        for depth in range(1, len(path) + (1 if is_folder else 0)):
            folders.setdefault(path[:depth], key)
        if not is_folder:
            files[path] = key


def _clash(
    key: str,
    parts: tuple[str, ...],
    path: tuple[str, ...],
    is_folder: bool,
    files: dict[tuple[str, ...], str],
    folders: dict[tuple[str, ...], str],
) -> str | None:
    for depth in range(1, len(path) + (1 if is_folder else 0)):
        other = files.get(path[:depth])
        if other is not None:
            name = "/".join(parts[:depth])
            return (f"{key!r} would be saved in a folder {name}, but {other!r} is saved as the file "
                    f"{name}; {other!r} was kept. Download {key!r} into another folder.")  # fmt: skip
    if is_folder:
        return None
    name = "/".join(parts)
    other = files.get(path)
    if other is not None:
        return (f"{key!r} and {other!r} would both be saved as {name}; {other!r} was kept. "
                f"Download {key!r} into another folder.")  # fmt: skip
    other = folders.get(path)
    if other is not None:
        return (f"{key!r} would be saved as the file {name}, but {other!r} needs a folder {name}; "
                f"{other!r} was kept. Download {key!r} into another folder.")  # fmt: skip
    return None
