"""What a folder holds: objects and bytes in total, by storage class, by sub-folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from storebrowser.core.cancel import CancelToken
from storebrowser.core.listing import PageLister
from storebrowser.core.types import EntryColumns
from storebrowser.core.walk import CONNECTIONS, PAGE_SIZE, Gap, Walk


@dataclass(slots=True)
class Tally:
    objects: int = 0
    bytes: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"objects": self.objects, "bytes": self.bytes}


@dataclass(slots=True)
class FolderStats:
    """The sums below ``prefix``. ``by_class`` is keyed by storage class (``""`` where the
    listing names none); ``by_folder`` by the sub-folder ``depth`` levels down (``""``
    holds what lies less deep: the objects of the place itself)."""

    container: str
    prefix: str
    depth: int = 1
    total: Tally = field(default_factory=Tally)
    by_class: dict[str, Tally] = field(default_factory=dict)
    by_folder: dict[str, Tally] = field(default_factory=dict)
    #: What could not be listed: the sums leave it out (``complete`` is False then).
    missing: list[Gap] = field(default_factory=list)
    #: False while the sums are still growing, and when cancelled.
    finished: bool = False

    @property
    def complete(self) -> bool:
        return self.finished and not self.missing

    def add(self, page: EntryColumns) -> None:
        start = len(self.prefix)
        depth = self.depth
        for key, size, storage_class in zip(page.keys, page.sizes, page.storage_classes, strict=True):
            self.total.objects += 1
            self.total.bytes += size
            by_class = self.by_class.get(storage_class or "")
            if by_class is None:
                by_class = self.by_class[storage_class or ""] = Tally()
            by_class.objects += 1
            by_class.bytes += size
            folder = _folder(key[start:], depth)
            by_folder = self.by_folder.get(folder)
            if by_folder is None:
                by_folder = self.by_folder[folder] = Tally()
            by_folder.objects += 1
            by_folder.bytes += size

    def copy(self) -> FolderStats:
        """A snapshot another thread may read while the sums go on growing."""
        return FolderStats(
            self.container,
            self.prefix,
            self.depth,
            Tally(self.total.objects, self.total.bytes),
            {name: Tally(t.objects, t.bytes) for name, t in self.by_class.items()},
            {name: Tally(t.objects, t.bytes) for name, t in self.by_folder.items()},
            list(self.missing),
            self.finished,
        )

    def as_dict(self, *, by_class: bool = True, by_folder: bool = True) -> dict[str, Any]:
        value: dict[str, Any] = {
            "container": self.container,
            "prefix": self.prefix,
            "objects": self.total.objects,
            "bytes": self.total.bytes,
            "complete": self.complete,
        }
        if by_class:
            value["by_class"] = {name: t.as_dict() for name, t in sorted(self.by_class.items())}
        if by_folder:
            value["depth"] = self.depth
            value["by_folder"] = {name: t.as_dict() for name, t in sorted(self.by_folder.items())}
        if self.missing:
            value["missing"] = [gap.describe() for gap in self.missing]
        return value


def _folder(relative: str, depth: int) -> str:
    """``a/b/c.txt`` at depth 1 -> ``a/``, at depth 2 -> ``a/b/``; ``c.txt`` -> ``""``."""
    cut = -1
    for _ in range(depth):
        found = relative.find("/", cut + 1)
        if found < 0:
            break
        cut = found
    return relative[: cut + 1]


def folder_stats(
    lister: PageLister,
    container: str,
    prefix: str = "",
    *,
    depth: int = 1,
    connections: int = CONNECTIONS,
    cancel: CancelToken | None = None,
    page_size: int = PAGE_SIZE,
    progress: Callable[[FolderStats], None] | None = None,
) -> FolderStats:
    """Add up everything below ``prefix``; ``progress`` gets a snapshot after each page
    (on this thread). ``Cancelled`` when ``cancel`` is."""
    stats = FolderStats(container, prefix, max(1, depth))
    walk = Walk(lister, container, prefix, connections=connections, cancel=cancel, page_size=page_size)
    for scanned in walk:
        stats.add(scanned.entries)
        if progress is not None:
            progress(stats.copy())
    stats.missing = list(walk.missing)
    stats.finished = True
    return stats
