"""Key-ordered listing of a folder tree, with resume after a marker key.

Keys sort by code point (the same order as S3's UTF-8 byte order). A folder ``x`` sorts
as ``x/``, so every key under it comes in one run; a resumed walk skips whole folders
whose keys all sort before the marker instead of reading them again.
"""

from __future__ import annotations

import enum
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Temporary files of uploads in progress; never listed.
TEMP_PREFIX = ".storebrowser-part-"


class EntryKind(enum.Enum):
    FILE = "file"
    #: A folder shown as a pseudo-folder (listing with a delimiter).
    PREFIX = "prefix"
    #: An empty folder, which is the zero-byte ``folder/`` marker object S3 consoles make.
    MARKER = "marker"


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    path: Path
    kind: EntryKind


class SortedDirCache:
    """Sorted directory listings, reused while the folder's mtime is unchanged, so
    paging through a folder of a million files does not sort it once per page."""

    def __init__(self, capacity: int = 64) -> None:
        self._capacity = capacity
        self._lock = threading.Lock()
        self._entries: OrderedDict[Path, tuple[int, list[tuple[str, bool]]]] = OrderedDict()

    def names(self, folder: Path) -> list[tuple[str, bool]]:
        """``(name, is_dir)`` sorted by key, a folder's name ending with ``/``."""
        stamp = folder.stat().st_mtime_ns
        with self._lock:
            cached = self._entries.get(folder)
            if cached and cached[0] == stamp:
                self._entries.move_to_end(folder)
                return cached[1]
        listing = sorted(_scan(folder))
        with self._lock:
            self._entries[folder] = (stamp, listing)
            if len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        return listing


def _scan(folder: Path) -> Iterator[tuple[str, bool]]:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(TEMP_PREFIX):
                continue
            if entry.is_dir(follow_symlinks=False):
                yield entry.name + "/", True
            elif entry.is_file(follow_symlinks=False):
                yield entry.name, False
            # Symlinks and special files are not objects: skipping them keeps every
            # listed key inside the container folder.


def is_empty_folder(path: Path) -> bool:
    with os.scandir(path) as entries:
        return not any(not entry.name.startswith(TEMP_PREFIX) for entry in entries)


def walk(
    cache: SortedDirCache,
    folder: Path,
    base_key: str,
    name_prefix: str,
    after: str | None,
    *,
    recursive: bool,
) -> Iterator[Entry]:
    """Entries of ``folder`` (whose keys start with ``base_key``) in key order.

    Only names starting with ``name_prefix`` (which holds no ``/``) are kept, and with
    ``after`` only keys sorting after it. ``recursive`` descends into folders; otherwise
    each folder is one ``PREFIX`` entry.
    """
    for name, is_dir in cache.names(folder):
        if not name.startswith(name_prefix):
            continue
        key = base_key + name
        path = folder / name.rstrip("/")
        if is_dir and recursive:
            if after is not None and key <= after and not after.startswith(key):
                continue  # the whole folder sorts before the marker
            yield from _walk_folder(cache, path, key, after)
        elif after is None or key > after:
            yield Entry(key, path, EntryKind.PREFIX if is_dir else EntryKind.FILE)


def _walk_folder(cache: SortedDirCache, path: Path, key: str, after: str | None) -> Iterator[Entry]:
    produced = False
    for entry in walk(cache, path, key, "", after, recursive=True):
        produced = True
        yield entry
    if not produced and (after is None or key > after) and is_empty_folder(path):
        yield Entry(key, path, EntryKind.MARKER)
