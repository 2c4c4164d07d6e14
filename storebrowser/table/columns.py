"""The rows of a listing stored as columns: a few arrays instead of an object per row.

A million ``ObjectInfo`` cost ~200 MB in Python; these columns cost well under 100 bytes
an object (names as one UTF-8 blob with end offsets, numbers in ``array``s, content types
and storage classes interned, ETags packed into 16-byte slots). Row ids are the order in
which rows arrived; they never change, so sorting and filtering only reorder row ids.

``packing.pack`` turns a page into column pieces on a worker thread (from the provider's
``EntryColumns`` when the page has them: no ``ObjectInfo`` per row); the GUI thread then
appends the pieces with a handful of C-level ``extend`` calls.

What is kept of a listing entry: key, size, modified, ETag, content type (or, when the
listing has none, a type guessed from the name, flagged as guessed), storage class, the
content MD5 when the listing vouches for one, user metadata when the listing carried
any (listings rarely do; such rows keep it in a side table), and where an archived
object stands: a byte a row (``archive_states``, made with the first archived row: none
for a listing without one), its expiry or target in a side table.
"""

from __future__ import annotations

import copy
import itertools
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from numpy.typing import NDArray

from storebrowser.core.archive import ArchiveStatus
from storebrowser.core.types import ObjectInfo
from storebrowser.table.arrays import row_ids, view
from storebrowser.table.folder_sizes import FolderSizes
from storebrowser.table.packing import (
    ARCHIVE_CODES,
    DELETED,
    EMPTY_SLOT,
    EPOCH,
    ETAG_AZURE,
    ETAG_HEX,
    ETAG_KIND,
    ETAG_LEN_SHIFT,
    ETAG_NONE,
    ETAG_SHIFT,
    FOLDER,
    FULL_KEY,
    HAS_MD5,
    NO_MODIFIED,
    ONLINE,
    SLOT,
    TYPE_GUESSED,
    Extra,
    Interner,
    Packed,
    pack,
)

_STATES = {code: state for state, code in ARCHIVE_CODES.items()}
#: Stamps of ``ObjectColumns.edits``: never the same twice in a process.
_EDIT_STAMPS = itertools.count(1)

# -- the columns (GUI thread) ---------------------------------------------------------------


class ObjectColumns:
    """Every row of one listing; row ids are arrival order and never change."""

    def __init__(self, folder: str = "") -> None:
        self.types = Interner()
        self.classes = Interner()
        self.reset(folder)

    def reset(self, folder: str) -> None:
        #: A new stamp whenever a row's values change in place (``update``, ``delete``) or
        #: the rows are replaced (``reset``); rows added keep it. What a view keeps of a
        #: row's cells is good while this stays (``ui.objects.cells``).
        self.edits = next(_EDIT_STAMPS)
        #: Names are stored relative to this (the listing's folder, ending in "/" or "").
        self.folder = folder
        self._names = bytearray()
        self._ends = array("Q", [0])  # _ends[r] .. _ends[r + 1] - 1 is name r
        self.sizes = array("q")
        self.modified = array("q")
        self.flags = array("H")
        self._etags = bytearray()
        self.type_ids = array("I")
        self.class_ids = array("I")
        self._md5s: bytearray | None = None
        #: ``ONLINE``, ``ARCHIVED``... a row; ``None`` until a row is archived.
        self.archive_states: array[int] | None = None
        self._archive_details: dict[int, ArchiveStatus] = {}
        self._extras: dict[int, Extra] = {}
        #: Names containing NUL (which the bulk paths split on); none in practice.
        self._odd_names = 0
        self.live = 0  # rows not deleted
        self.folders = 0  # live folder rows
        self.object_bytes = 0  # sum of the sizes of live objects
        #: Folder rows' sizes, counted on request (the Size column of a folder).
        self.folder_sizes = FolderSizes()
        #: The rank of each row's case-folded name (``name_rank``), for the rows there were
        #: when the listing was complete; ``None`` until a worker has made it.
        self.name_ranks: NDArray[np.uint32] | None = None

    def __len__(self) -> int:
        return len(self.flags)

    # -- adding and changing ----------------------------------------------------------------

    def append(self, packed: Packed) -> range:
        """Add a packed page; returns the new row ids."""
        first = len(self.flags)
        base = self._ends[-1]
        self._names += packed.names
        self._ends.extend(packed.ends if base == 0 else array("Q", (end + base for end in packed.ends)))
        self.sizes.extend(packed.sizes)
        self.modified.extend(packed.modified)
        self.flags.extend(packed.flags)
        self._etags += packed.etags
        self.type_ids.extend(packed.types)
        self.class_ids.extend(packed.classes)
        if packed.md5s is not None and self._md5s is None:
            self._md5s = bytearray(SLOT * first)
        if self._md5s is not None:
            self._md5s += packed.md5s if packed.md5s is not None else bytes(SLOT * packed.count)
        for index, extra in packed.extras.items():
            self._extras[first + index] = extra
        self._append_archives(first, packed)
        self._odd_names += packed.names.count(b"\0") - packed.count
        self.live += packed.count
        self.folders += packed.folders
        self.object_bytes += packed.object_bytes
        return range(first, first + packed.count)

    def _append_archives(self, first: int, packed: Packed) -> None:
        if packed.archive_states is not None and self.archive_states is None:
            self.archive_states = array("B", bytes(first))
        if self.archive_states is not None:
            self.archive_states.extend(packed.archive_states or array("B", bytes(packed.count)))
        for index, status in packed.archive_details.items():
            self._archive_details[first + index] = status

    def add(self, info: ObjectInfo) -> int:
        """Add one row; returns its id."""
        return self.append(pack([info], self.folder, self.types, self.classes)).start

    def update(self, row: int, info: ObjectInfo) -> None:
        """Replace everything but the name of ``row`` (same key, new values)."""
        packed = pack([info], self.folder, self.types, self.classes)
        self.edits = next(_EDIT_STAMPS)
        if not self.flags[row] & FOLDER:
            self.object_bytes -= self.sizes[row]
        self.folders += bool(packed.flags[0] & FOLDER) - bool(self.flags[row] & FOLDER)
        self.object_bytes += packed.object_bytes
        self.sizes[row] = packed.sizes[0]
        self.modified[row] = packed.modified[0]
        self.flags[row] = packed.flags[0] | (self.flags[row] & FULL_KEY)
        self._etags[row * SLOT : (row + 1) * SLOT] = packed.etags
        self.type_ids[row] = packed.types[0]
        self.class_ids[row] = packed.classes[0]
        if packed.md5s is not None and self._md5s is None:
            self._md5s = bytearray(SLOT * len(self.flags))
        if self._md5s is not None:
            self._md5s[row * SLOT : (row + 1) * SLOT] = packed.md5s or EMPTY_SLOT
        self._extras.pop(row, None)
        if 0 in packed.extras:
            self._extras[row] = packed.extras[0]
        self._update_archive(row, packed)

    def _update_archive(self, row: int, packed: Packed) -> None:
        if packed.archive_states is not None and self.archive_states is None:
            self.archive_states = array("B", bytes(len(self.flags)))
        if self.archive_states is not None:
            self.archive_states[row] = packed.archive_states[0] if packed.archive_states else ONLINE
        self._archive_details.pop(row, None)
        if 0 in packed.archive_details:
            self._archive_details[row] = packed.archive_details[0]

    def delete(self, row: int) -> None:
        bits = self.flags[row]
        if bits & DELETED:
            return
        self.edits = next(_EDIT_STAMPS)
        self.flags[row] = bits | DELETED
        self.live -= 1
        if bits & FOLDER:
            self.folders -= 1
        else:
            self.object_bytes -= self.sizes[row]
        self._extras.pop(row, None)

    # -- reading one row --------------------------------------------------------------------

    def is_folder(self, row: int) -> bool:
        return bool(self.flags[row] & FOLDER)

    def is_deleted(self, row: int) -> bool:
        return bool(self.flags[row] & DELETED)

    def name(self, row: int) -> str:
        """The stored name: the key without the listing's folder (``b.txt``, ``sub/``)."""
        return self._names[self._ends[row] : self._ends[row + 1] - 1].decode("utf-8", "surrogatepass")

    def key(self, row: int) -> str:
        return self.name(row) if self.flags[row] & FULL_KEY else self.folder + self.name(row)

    def folded_name(self, row: int) -> str:
        return self.name(row).casefold()

    def modified_at(self, row: int) -> datetime | None:
        if self.flags[row] & NO_MODIFIED:
            return None
        return EPOCH + timedelta(microseconds=self.modified[row])

    def etag(self, row: int) -> str | None:
        bits = self.flags[row]
        kind = (bits & ETAG_KIND) >> ETAG_SHIFT
        if kind == ETAG_NONE:
            return None
        slot = self._etags[row * SLOT : (row + 1) * SLOT]
        if kind == ETAG_HEX:
            return slot[: bits >> ETAG_LEN_SHIFT].hex()
        if kind == ETAG_AZURE:
            return f"0x{int.from_bytes(slot, 'big'):X}"
        return self._extras[row].etag

    def content_md5(self, row: int) -> str | None:
        if not self.flags[row] & HAS_MD5 or self._md5s is None:
            return None
        return self._md5s[row * SLOT : (row + 1) * SLOT].hex()

    def content_type(self, row: int) -> str | None:
        """The type shown: the listing's, or the one guessed from the name."""
        return self.types.values[self.type_ids[row]]

    def type_guessed(self, row: int) -> bool:
        return bool(self.flags[row] & TYPE_GUESSED)

    def storage_class(self, row: int) -> str | None:
        return self.classes.values[self.class_ids[row]]

    def archive_state(self, row: int) -> int:
        """``ONLINE``, ``ARCHIVED``, ``RESTORING`` or ``RESTORED`` (``packing``)."""
        return self.archive_states[row] if self.archive_states is not None else ONLINE

    def archive(self, row: int) -> ArchiveStatus | None:
        """Where the object of ``row`` stands, as the listing said (``None``: online)."""
        state = self.archive_state(row)
        if state == ONLINE:
            return None
        return self._archive_details.get(row) or ArchiveStatus(_STATES[state])

    def info(self, row: int) -> ObjectInfo:
        """An ``ObjectInfo`` as the listing gave it (a guessed type is not included)."""
        if self.flags[row] & FOLDER:
            return ObjectInfo(self.key(row), is_prefix=True)
        extra = self._extras.get(row)
        return ObjectInfo(
            key=self.key(row),
            size=self.sizes[row],
            modified=self.modified_at(row),
            etag=self.etag(row),
            content_type=None if self.type_guessed(row) else self.content_type(row),
            metadata=extra.metadata if extra else {},
            storage_class=self.storage_class(row),
            content_md5=self.content_md5(row),
            archive=self.archive(row),
        )

    # -- finding and bulk reads -------------------------------------------------------------

    def find(self, key: str) -> int | None:
        """The live row of ``key``, or ``None``; a C-speed scan of the name blob."""
        if key.startswith(self.folder):
            found = self._find_name(key[len(self.folder) :], full_key=False)
            if found is not None:
                return found
        return self._find_name(key, full_key=True)

    def _find_name(self, name: str, *, full_key: bool) -> int | None:
        needle = name.encode("utf-8", "surrogatepass") + b"\0"
        blob, ends = self._names, self._ends
        start = 0
        while (at := blob.find(needle, start)) >= 0:
            row = bisect_right(ends, at) - 1  # the name holding offset ``at``
            if ends[row] == at and ends[row + 1] == at + len(needle):
                bits = self.flags[row]
                if not bits & DELETED and bool(bits & FULL_KEY) == full_key:
                    return row
            start = at + 1
        return None

    def find_many(self, keys: Iterable[str]) -> dict[str, int]:
        """``find`` for many keys: one pass over every name instead of one scan per key."""
        wanted = list(dict.fromkeys(keys))
        if len(wanted) <= 8:
            return {key: row for key in wanted if (row := self.find(key)) is not None}
        cut = len(self.folder)
        relative = {key[cut:]: key for key in wanted if key.startswith(self.folder)}
        whole = set(wanted)
        flags = self.flags
        found: dict[str, int] = {}
        for row, name in enumerate(self.names()):
            key = relative.get(name)
            bits = flags[row]
            if bits & (DELETED | FULL_KEY):
                key = name if not bits & DELETED and name in whole else None
            if key is not None:
                found[key] = row
        return found

    def keys_of(self, rows: Sequence[int]) -> list[str]:
        """The keys of ``rows``, in their order; many at once from one decode of every
        name (no ``ObjectInfo`` per row: safe on a worker over a ``snapshot``)."""
        if len(rows) * 8 < len(self.flags):  # a few: per row is cheaper than decoding all
            return list(map(self.key, rows))
        picked = list(map(self.names().__getitem__, rows))
        folder, flags = self.folder, self.flags
        if not folder:
            return picked
        pairs = zip(rows, picked, strict=True)
        return [name if flags[row] & FULL_KEY else folder + name for row, name in pairs]

    def snapshot(self) -> ObjectColumns:
        """The rows as they are, for a worker to read while the GUI thread goes on: the
        same buffers (no copy), which later pages only extend and a new listing replaces
        (``reset`` binds new ones), so the rows seen here stay as they were."""
        return copy.copy(self)

    def names(self) -> list[str]:
        """Every row's name, indexed by row id (deleted rows included)."""
        if not self.flags:
            return []
        if not self._odd_names:
            return self._names[:-1].decode("utf-8", "surrogatepass").split("\0")
        return [self.name(row) for row in range(len(self.flags))]

    @property
    def name_blob(self) -> bytearray:
        """Every name, each ended by a NUL, in row order (read it, do not change it)."""
        return self._names

    @property
    def name_ends(self) -> array[int]:
        """``name_ends[r]`` .. ``name_ends[r + 1] - 1``: the bytes of name ``r`` in the blob."""
        return self._ends

    @property
    def etag_slots(self) -> bytearray:
        """Every row's 16-byte ETag slot, in row order (read it, do not change it)."""
        return self._etags

    @property
    def has_odd_names(self) -> bool:
        """Some name holds a NUL, so the blob cannot be split on NULs."""
        return bool(self._odd_names)

    def folded_names(self) -> list[str]:
        """Every row's name, case-folded, indexed by row id (deleted rows included)."""
        if not self.flags:
            return []
        if not self._odd_names:  # casefold works per character, so folding all at once is the same
            return self._names[:-1].decode("utf-8", "surrogatepass").casefold().split("\0")
        return [self.folded_name(row) for row in range(len(self.flags))]

    def etags(self) -> list[str]:
        """Every row's ETag ("" for none), indexed by row id; MD5s from one ``hex()``."""
        text = self._etags.hex()
        flags = self.flags
        md5 = ETAG_HEX << ETAG_SHIFT | SLOT << ETAG_LEN_SHIFT
        kinds = ETAG_KIND | (0x1F << ETAG_LEN_SHIFT)
        return [
            text[32 * row : 32 * row + 32] if bits & kinds == md5 else (self.etag(row) or "")
            for row, bits in enumerate(flags)
        ]

    def nbytes(self) -> int:
        """Bytes held by the columns (buffers only), for the memory budget."""
        arrays = (self._ends, self.sizes, self.modified, self.flags, self.type_ids, self.class_ids,
                  self.archive_states or array("B"))  # fmt: skip
        total = sum(column.buffer_info()[1] * column.itemsize for column in arrays)
        return total + len(self._names) + len(self._etags) + len(self._md5s or b"")


@dataclass(frozen=True, slots=True)
class RowsSummary:
    """What the status bar and the actions need of a selection."""

    count: int = 0
    folders: int = 0
    size: int = 0  # bytes of the objects (folders count 0)
    #: Bytes of the selected folders whose size was counted (Calculate Folder Sizes).
    folder_bytes: int = 0
    #: Selected folders whose size is not known (never counted, or a count going on).
    uncounted: int = 0

    @property
    def known_size(self) -> int:
        """What the selection is known to weigh: its objects and its counted folders."""
        return self.size + self.folder_bytes


def summarize(columns: ObjectColumns, visible: Sequence[int], spans: Iterable[range]) -> RowsSummary:
    """Count, folders and bytes of the rows ``visible[span]`` for ``spans`` (disjoint),
    from the columns: no ``ObjectInfo`` per row, so a select-all of a million is cheap."""
    spans = list(spans)
    flags = view(columns.flags)  # numpy: no Python code per row
    if every_row(columns, visible, spans):  # the totals are kept as rows come and go
        folder_rows = np.flatnonzero((flags & (FOLDER | DELETED)) == FOLDER) if columns.folders else None
        return _with_folder_sizes(RowsSummary(columns.live, columns.folders, columns.object_bytes),
                                  columns, folder_rows)  # fmt: skip
    sizes = view(columns.sizes)
    count = size = 0
    folder_parts = []
    for span in spans:
        ids = row_ids(visible[span.start : span.stop])
        count += len(ids)
        if columns.folders:
            folder_parts.append(ids[(flags[ids] & FOLDER) != 0])
        size += int(sizes[ids].sum())
    folder_rows = np.concatenate(folder_parts) if folder_parts else None
    folders = len(folder_rows) if folder_rows is not None else 0
    return _with_folder_sizes(RowsSummary(count, folders, size), columns, folder_rows)


def _with_folder_sizes(
    summary: RowsSummary, columns: ObjectColumns, folder_rows: NDArray[np.integer[Any]] | None
) -> RowsSummary:
    """``summary`` with what its folders' counted sizes add (none counted: all unknown)."""
    if folder_rows is None or not len(folder_rows):
        return summary
    folder_bytes, uncounted = columns.folder_sizes.counted(folder_rows.astype(np.uint32, copy=False))
    return replace(summary, folder_bytes=folder_bytes, uncounted=uncounted)


def every_row(columns: ObjectColumns, visible: Sequence[int], spans: Sequence[range]) -> bool:
    """``visible[span]`` for ``spans`` is every live row: shown rows are live ones, so as
    many as there are live rows means all of them (none filtered out, none waiting)."""
    return bool(visible) and len(visible) == columns.live and list(spans) == [range(len(visible))]
