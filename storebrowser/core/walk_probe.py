"""What a walk's first flat page proves listed (``Walk(probe=N)``, ``core.walk``).

Splitting a place by its sub-folders costs a request per sub-folder, which pays off only
when the place is large: a place of 2,000 objects in 100 folders took 101 requests (and
0.2-0.3 s of client CPU in the SDKs' per-request work) where a flat listing takes one or
two (bench/README.md, sync.py, session 9). So a probing walk lists the place flat first,
one page of up to ``PROBE_SIZE`` objects (each service gives at most its own page size);
a place that fits is done in one request. Where the listing can start after a key (S3,
Swift), the keys after that page's last are then listed as key ranges side by side
(``Walk._split``, which counts on code point order as key ranges always did: a few
requests a page of keys); elsewhere (Azure, or no point to cut at) the place is split by
its sub-folders as before, and nothing the first page listed is listed again for long:

- a sub-folder whose keys the page listed, followed by a key outside it, is complete
  (keys that share a prefix are next to each other in any listing order that compares
  names character by character: S3's and Swift's UTF-8 bytes, Azure's): it is not
  listed again;
- every other key the page listed (the place's own objects, the last sub-folder's first
  keys) is dropped where the split lists it again, by the key itself (no assumption on
  the service's order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from storebrowser.core.types import EntryColumns

#: Objects the first flat page asks for: Azure's most (5,000); S3 gives 1,000 at most,
#: Swift its container listing limit (10,000 by default).
PROBE_SIZE = 5000


@dataclass(frozen=True, slots=True)
class Probed:
    """The keys of a place's first flat page (``prefix``: the place), kept when more
    follow it."""

    keys: Sequence[str]
    prefix: str
    listed: frozenset[str] = field(init=False)
    #: Sub-folders (``prefix`` + name + ``/``) whose keys the page holds all of.
    complete: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "listed", frozenset(self.keys))
        object.__setattr__(self, "complete", frozenset(_complete_folders(self.keys, self.prefix)))

    def unlisted(self, columns: EntryColumns) -> list[int] | None:
        """The rows of ``columns`` the page did not list (``None``: all of them)."""
        if not self.listed:
            return None
        keep = [i for i, key in enumerate(columns.keys) if key not in self.listed]
        return None if len(keep) == len(columns.keys) else keep


def _complete_folders(keys: Sequence[str], prefix: str) -> set[str]:
    """Each sub-folder met in ``keys`` (in listing order) before a key outside it."""
    complete: set[str] = set()
    current: str | None = None
    for key in keys:
        rest = key[len(prefix) :]
        slash = rest.find("/")
        folder = prefix + rest[: slash + 1] if slash >= 0 else None
        if folder != current:
            if current is not None:
                complete.add(current)
            current = folder
    return complete
