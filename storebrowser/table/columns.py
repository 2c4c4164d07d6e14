"""The rows of a listing stored as columns: a few arrays instead of an object per row.

A million ``ObjectInfo`` cost ~200 MB in Python; these columns cost well under 100 bytes
an object (names as one UTF-8 blob with end offsets, numbers in ``array``s, content types
and storage classes interned, ETags packed into 16-byte slots). Row ids are the order in
which rows arrived; they never change, so sorting and filtering only reorder row ids.

``pack`` turns a page into column pieces on a worker thread (from the provider's
``EntryColumns`` when the page has them: no ``ObjectInfo`` per row); the GUI thread then
appends the pieces with a handful of C-level ``extend`` calls.

What is kept of a listing entry: key, size, modified, ETag, content type (or, when the
listing has none, a type guessed from the name, flagged as guessed), storage class, the
content MD5 when the listing vouches for one, and user metadata when the listing carried
any (listings rarely do; such rows keep it in a side table).
"""

from __future__ import annotations

import mimetypes
import threading
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from storebrowser.core.mime import guess_type
from storebrowser.core.types import EntryColumns, LazyEntries, ObjectInfo, key_name

# -- per-row flags (array 'H') --------------------------------------------------------------
FOLDER = 0x0001
TYPE_GUESSED = 0x0002
NO_MODIFIED = 0x0004
DELETED = 0x0008
#: The row has an entry in the side table (odd ETag, metadata).
EXTRA = 0x0010
#: The key did not start with the listing's folder: the name column holds the whole key.
FULL_KEY = 0x0020
HAS_MD5 = 0x0040
ETAG_SHIFT = 7
ETAG_KIND = 0x0180  # 2 bits: what the 16-byte ETag slot holds
ETAG_NONE, ETAG_HEX, ETAG_AZURE, ETAG_OTHER = (0, 1, 2, 3)
ETAG_LEN_SHIFT = 9  # 5 bits: bytes used in the slot by an ETAG_HEX

SLOT = 16
_EMPTY_SLOT = bytes(SLOT)
_EMPTY_HEX = "0" * 2 * SLOT
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
#: Stored in the modified column when the listing gave no date; sorts before any date.
NO_DATE = -(2**63)


@dataclass(frozen=True, slots=True)
class Extra:
    """What a few rows carry beyond the columns."""

    etag: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


class Interner:
    """Few distinct strings (content types, storage classes) stored once, by id.

    Thread-safe: workers intern while packing pages, the GUI thread when a row is added.
    Id 0 is ``None``.
    """

    def __init__(self) -> None:
        self.values: list[str | None] = [None]
        self._ids: dict[str | None, int] = {None: 0}
        self._lock = threading.Lock()

    def id_of(self, value: str | None) -> int:
        found = self._ids.get(value)
        if found is not None:
            return found
        with self._lock:
            found = self._ids.get(value)
            if found is None:
                found = self._ids[value] = len(self.values)
                self.values.append(value)
            return found

    def ids(self, values: Sequence[str | None]) -> array[int]:
        mapping = {value: self.id_of(value) for value in set(values)}
        return array("I", map(mapping.__getitem__, values))


# -- types guessed from names ---------------------------------------------------------------

_GUESSES: dict[str, str] = {}


def guess_from_name(name: str) -> str:
    """``guess_type(name)``, cached by suffix where only the suffix decides.

    mimetypes looks further than the last suffix for encodings (``.tar.gz``), names with
    a ``scheme:`` and names made of dots; those go to it uncached.
    """
    dot = name.rfind(".")
    if dot <= 0 or name[dot - 1] in "./" or ":" in name or "/" in name[dot:]:
        return guess_type(name)
    suffix = name[dot:]
    found = _GUESSES.get(suffix)
    if found is None:
        found = guess_type("x" + suffix)  # initialises mimetypes on first use
        if suffix.lower() in mimetypes.suffix_map or suffix in mimetypes.encodings_map:
            return guess_type(name)
        _GUESSES[suffix] = found
    return found


# -- packing a page (worker thread) ---------------------------------------------------------


@dataclass(slots=True)
class Packed:
    """One page as column pieces, ready to append."""

    count: int
    names: bytes
    #: End offset of each name (after its NUL separator), from the start of ``names``.
    ends: array[int]
    sizes: array[int]
    modified: array[int]
    flags: array[int]
    etags: bytes
    types: array[int]
    classes: array[int]
    md5s: bytes | None
    extras: dict[int, Extra]
    object_bytes: int
    folders: int


def _pack_etag(etag: str | None) -> tuple[int, bytes]:
    """(flag bits, slot) for an ETag; ``ETAG_OTHER`` means it goes to the side table."""
    if not etag:
        return 0, _EMPTY_SLOT
    if len(etag) <= 2 * SLOT and not len(etag) % 2:
        try:
            raw = bytes.fromhex(etag)
        except ValueError:
            raw = b""
        if raw and raw.hex() == etag:
            return ETAG_HEX << ETAG_SHIFT | len(raw) << ETAG_LEN_SHIFT, raw.ljust(SLOT, b"\0")
    if etag.startswith("0x") and 2 < len(etag) <= 18:
        try:
            value = int(etag[2:], 16)
        except ValueError:
            value = -1
        if value >= 0 and f"0x{value:X}" == etag:
            return ETAG_AZURE << ETAG_SHIFT, value.to_bytes(SLOT, "big")
    return ETAG_OTHER << ETAG_SHIFT | EXTRA, _EMPTY_SLOT


def _micros(moment: datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH) // _MICROSECOND


def pack(entries: Sequence[ObjectInfo], folder: str, types: Interner, classes: Interner) -> Packed:
    """Column pieces of ``entries``; names are stored relative to ``folder``.

    A provider's ``LazyEntries`` give their columns straight from the raw answer, so no
    ``ObjectInfo`` is made per listed object; other sequences are read field by field.
    """
    columns = entries.columns() if isinstance(entries, LazyEntries) else EntryColumns.of(entries)
    return pack_columns(columns, folder, types, classes)


def pack_columns(columns: EntryColumns, folder: str, types: Interner, classes: Interner) -> Packed:
    """Column pieces of ``columns``; names are stored relative to ``folder``.

    Column by column (a comprehension per field, whole-page ``encode``/``fromhex``)
    rather than row by row: it runs once per listed object, ~1 µs each.
    """
    if folder and columns.keys and columns.keys[0] == folder and not columns.is_prefix[0]:
        # The folder's own marker (a zero-byte "photos/" made by the AWS console, Horizon
        # or New Folder) is the folder, not a row of it: Cyberduck and the consoles hide
        # it too. Names sort by bytes, so it can only be the first entry of the listing.
        columns = columns.without_first()
    keys = columns.keys
    count = len(keys)
    cut = len(folder)
    outside = [row for row, key in enumerate(keys) if not key.startswith(folder)] if cut else []
    names = [key[cut:] for key in keys] if cut else list(keys)
    for row in outside:
        names[row] = keys[row]
    text = "\0".join(names) + "\0" if count else ""
    blob = text.encode("utf-8", "surrogatepass")
    if len(blob) == len(text):  # ASCII: a character is a byte
        ends = array("Q", accumulate(len(name) + 1 for name in names))
    else:
        ends = array("Q", accumulate(len(name.encode("utf-8", "surrogatepass")) + 1 for name in names))
    folders = columns.is_prefix
    sizes = array(
        "q", [0 if folder_row else size for size, folder_row in zip(columns.sizes, folders, strict=True)]
    )
    dates = [
        None if folder_row else moment for moment, folder_row in zip(columns.modified, folders, strict=True)
    ]
    bits = [FOLDER | NO_MODIFIED if folder_row else 0 for folder_row in folders]
    for row in outside:
        bits[row] |= FULL_KEY
    type_names = _type_names(columns, names, bits)
    etags, extras = _etag_slots(columns, bits)
    md5s = _md5_slots(columns.content_md5s, bits)
    for row, metadata in enumerate(columns.metadata or ()):
        if metadata:
            bits[row] |= EXTRA
            extras[row] = Extra(extras[row].etag if row in extras else None, dict(metadata))
    return Packed(
        count=count,
        names=blob,
        ends=ends,
        sizes=sizes,
        modified=array("q", [NO_DATE if moment is None else _micros(moment) for moment in dates]),
        flags=array(
            "H",
            [
                value | NO_MODIFIED if moment is None else value
                for value, moment in zip(bits, dates, strict=True)
            ],
        ),
        etags=etags,
        types=types.ids(type_names),
        classes=classes.ids(
            [
                None if folder_row else storage_class
                for storage_class, folder_row in zip(columns.storage_classes, folders, strict=True)
            ]
        ),
        md5s=md5s,
        extras=extras,
        object_bytes=sum(sizes),
        folders=sum(folders),
    )


def _type_names(columns: EntryColumns, names: list[str], bits: list[int]) -> list[str | None]:
    """The listing's types; a type guessed from the name where it gave none (flagged)."""
    folders = columns.is_prefix
    type_names: list[str | None] = list(columns.content_types)
    for row, content_type in enumerate(type_names):
        if not content_type and not folders[row]:
            name = names[row] if "/" not in names[row] else key_name(columns.keys[row])
            type_names[row] = guess_from_name(name)
            bits[row] |= TYPE_GUESSED
        elif folders[row]:
            type_names[row] = None
    return type_names


def _etag_slots(columns: EntryColumns, bits: list[int]) -> tuple[bytes, dict[int, Extra]]:
    """16 bytes per row; MD5-style ETags (most of them) decoded in one ``fromhex``."""
    etags = [
        None if folder_row else etag
        for etag, folder_row in zip(columns.etags, columns.is_prefix, strict=True)
    ]
    joined = "".join(etag if etag and len(etag) == 2 * SLOT else _EMPTY_HEX for etag in etags)
    try:
        slots = bytearray.fromhex(joined)
        odd = [] if slots.hex() == joined else range(len(etags))  # uppercase somewhere
    except ValueError:
        slots, odd = bytearray(SLOT * len(etags)), range(len(etags))
    md5_bits = ETAG_HEX << ETAG_SHIFT | SLOT << ETAG_LEN_SHIFT
    odd = set(odd) | {row for row, etag in enumerate(etags) if not etag or len(etag) != 2 * SLOT}
    extras: dict[int, Extra] = {}
    for row in range(len(etags)):
        if row not in odd:
            bits[row] |= md5_bits
            continue
        etag_bits, slot = _pack_etag(etags[row])
        bits[row] |= etag_bits
        slots[row * SLOT : (row + 1) * SLOT] = slot
        if (etag_bits >> ETAG_SHIFT) & 3 == ETAG_OTHER:
            extras[row] = Extra(etags[row])
    return bytes(slots), extras


def _md5_slots(md5s: Sequence[str | None] | None, bits: list[int]) -> bytes | None:
    """Content MD5s when the listing gave any (Azure does), else nothing at all."""
    if not md5s or not any(md5s):
        return None
    slots = bytearray(SLOT * len(md5s))
    for row, content_md5 in enumerate(md5s):
        digest = _md5_slot(content_md5)
        if digest:
            slots[row * SLOT : (row + 1) * SLOT] = digest
            bits[row] |= HAS_MD5
    return bytes(slots)


def _md5_slot(content_md5: str | None) -> bytes | None:
    if not content_md5 or len(content_md5) != 2 * SLOT:
        return None
    try:
        digest = bytes.fromhex(content_md5)
    except ValueError:
        return None
    return digest if digest.hex() == content_md5 else None


# -- the columns (GUI thread) ---------------------------------------------------------------


class ObjectColumns:
    """Every row of one listing; row ids are arrival order and never change."""

    def __init__(self, folder: str = "") -> None:
        self.types = Interner()
        self.classes = Interner()
        self.reset(folder)

    def reset(self, folder: str) -> None:
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
        self._extras: dict[int, Extra] = {}
        #: Names containing NUL (which the bulk paths split on); none in practice.
        self._odd_names = 0
        self.live = 0  # rows not deleted
        self.folders = 0  # live folder rows
        self.object_bytes = 0  # sum of the sizes of live objects

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
        self._odd_names += packed.names.count(b"\0") - packed.count
        self.live += packed.count
        self.folders += packed.folders
        self.object_bytes += packed.object_bytes
        return range(first, first + packed.count)

    def add(self, info: ObjectInfo) -> int:
        """Add one row; returns its id."""
        return self.append(pack([info], self.folder, self.types, self.classes)).start

    def update(self, row: int, info: ObjectInfo) -> None:
        """Replace everything but the name of ``row`` (same key, new values)."""
        packed = pack([info], self.folder, self.types, self.classes)
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
            self._md5s[row * SLOT : (row + 1) * SLOT] = packed.md5s or _EMPTY_SLOT
        self._extras.pop(row, None)
        if 0 in packed.extras:
            self._extras[row] = packed.extras[0]

    def delete(self, row: int) -> None:
        bits = self.flags[row]
        if bits & DELETED:
            return
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
        arrays = (self._ends, self.sizes, self.modified, self.flags, self.type_ids, self.class_ids)
        total = sum(column.buffer_info()[1] * column.itemsize for column in arrays)
        return total + len(self._names) + len(self._etags) + len(self._md5s or b"")
