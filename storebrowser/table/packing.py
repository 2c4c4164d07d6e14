"""A listing's page packed into column pieces, on a worker thread (see ``columns``).

``pack`` turns a page into column pieces (from the provider's ``EntryColumns`` when the
page has them: no ``ObjectInfo`` per row); the GUI thread then appends the pieces with a
handful of C-level ``extend`` calls. Also here: the per-row flag bits, the 16-byte ETag
slots, and the interned strings (content types, storage classes) both sides share.
"""

from __future__ import annotations

import mimetypes
import threading
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from typing import Any

from storebrowser.core.archive import ArchiveState, ArchiveStatus
from storebrowser.core.gui_turn import step_aside
from storebrowser.core.mime import guess_type
from storebrowser.core.types import EntryColumns, ObjectInfo, entry_columns, key_name

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
EMPTY_SLOT = bytes(SLOT)
_EMPTY_HEX = "0" * 2 * SLOT
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
#: Stored in the modified column when the listing gave no date; sorts before any date.
NO_DATE = -(2**63)

# -- archive states (array 'B', one byte a row) ---------------------------------------------
#: Online (or not known); then where an archived object stands, in the order they sort.
ONLINE, ARCHIVED, RESTORING, RESTORED = range(4)
ARCHIVE_CODES = {ArchiveState.ARCHIVED: ARCHIVED, ArchiveState.RESTORING: RESTORING,
                 ArchiveState.RESTORED: RESTORED}  # fmt: skip


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
    #: An archive state a row (``ONLINE``...); ``None`` when the page has no archived row.
    archive_states: array[int] | None
    #: The whole status of the rows it says more of than its state (restored until...).
    archive_details: dict[int, ArchiveStatus]
    md5s: bytes | None
    extras: dict[int, Extra]
    object_bytes: int
    folders: int


def _pack_etag(etag: str | None) -> tuple[int, bytes]:
    """(flag bits, slot) for an ETag; ``ETAG_OTHER`` means it goes to the side table."""
    if not etag:
        return 0, EMPTY_SLOT
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
    return ETAG_OTHER << ETAG_SHIFT | EXTRA, EMPTY_SLOT


def _micros(moment: datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH) // _MICROSECOND


def pack(entries: Sequence[ObjectInfo], folder: str, types: Interner, classes: Interner) -> Packed:
    """Column pieces of ``entries``; names are stored relative to ``folder``.

    A provider's ``LazyEntries`` give their columns straight from the raw answer, so no
    ``ObjectInfo`` is made per listed object; other sequences are read field by field.
    """
    columns = entry_columns(entries)
    return pack_columns(columns, folder, types, classes)


def pack_columns(columns: EntryColumns, folder: str, types: Interner, classes: Interner) -> Packed:
    """Column pieces of ``columns``; names are stored relative to ``folder``.

    Column by column (a comprehension per field, whole-page ``encode``/``fromhex``)
    rather than row by row: it runs once per listed object, ~1 µs each. Between columns
    the table's paint, if one is under way, goes first (``gui_turn.step_aside``).
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
    step_aside()
    text = "\0".join(names) + "\0" if count else ""
    blob = text.encode("utf-8", "surrogatepass")
    if len(blob) == len(text):  # ASCII: a character is a byte
        ends = array("Q", accumulate(len(name) + 1 for name in names))
    else:
        ends = array("Q", accumulate(len(name.encode("utf-8", "surrogatepass")) + 1 for name in names))
    step_aside()
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
    step_aside()
    type_names = _type_names(columns, names, bits)
    step_aside()
    etags, extras = _etag_slots(columns, bits)
    step_aside()
    md5s = _md5_slots(columns.content_md5s, bits)
    for row, metadata in enumerate(columns.metadata or ()):
        if metadata:
            bits[row] |= EXTRA
            extras[row] = Extra(extras[row].etag if row in extras else None, dict(metadata))
    modified = array("q", [NO_DATE if moment is None else _micros(moment) for moment in dates])
    step_aside()
    return Packed(
        count=count,
        names=blob,
        ends=ends,
        sizes=sizes,
        modified=modified,
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
        **_archive_columns(columns.archives),
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
        recheck: Sequence[int] = [] if slots.hex() == joined else range(len(etags))  # uppercase somewhere
    except ValueError:
        slots, recheck = bytearray(SLOT * len(etags)), range(len(etags))
    md5_bits = ETAG_HEX << ETAG_SHIFT | SLOT << ETAG_LEN_SHIFT
    odd = set(recheck) | {row for row, etag in enumerate(etags) if not etag or len(etag) != 2 * SLOT}
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


def _archive_columns(archives: Sequence[ArchiveStatus | None] | None) -> dict[str, Any]:
    """``archive_states`` and ``archive_details`` of ``Packed``: a byte a row, and the
    few statuses that say more than their state (an expiry, a target, a priority)."""
    if not archives or not any(archives):
        return {"archive_states": None, "archive_details": {}}
    # By the state's value (a str: hashed in C; an Enum's hash is a Python call).
    codes = {state.value: code for state, code in ARCHIVE_CODES.items()}
    states = array("B", [codes[status.state._value_] if status else ONLINE for status in archives])
    details = {
        row: status
        for row, status in enumerate(archives)
        if status and (status.until or status.target or status.priority)
    }
    return {"archive_states": states, "archive_details": details}


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
