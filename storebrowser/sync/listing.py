"""Everything below one end of a compare, by key relative to it: a local folder walked,
or a container's prefix listed on several connections (``core.walk``).

Each entry keeps what the listing gave for free: the size, a modification time, an MD5
the service vouches for. What costs a request more (an object's stored ``mtime`` on S3
and Swift, whose listings carry no metadata) is looked up later, only for the pairs
that need it (``sync.compare``).
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from stat import S_ISREG

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.mtime import stored_mtime
from storebrowser.core.types import EntryColumns
from storebrowser.core.walk import Walk
from storebrowser.core.walk_probe import PROBE_SIZE
from storebrowser.providers.base import Provider

_PLAIN_MD5 = re.compile(r"^[0-9a-f]{32}$")
_NS = 1_000_000_000


@dataclass(slots=True)
class Entry:
    """One file or object. ``mtime_ns``: the file's own time, an object's stored
    ``mtime`` (``mtime_exact``), or an object's upload time (to the second, not exact).
    ``md5``: a hex MD5 of the content that can be trusted, when known. ``where``: the
    local path, or the object's full key."""

    key: str
    size: int
    where: str
    mtime_ns: int | None = None
    mtime_exact: bool = False
    md5: str | None = None
    #: A remote entry whose stored time (or checksum) a HEAD would give: not asked yet.
    details_pending: bool = False
    #: A local file (``where`` is its path), which can be hashed here.
    local: bool = False
    #: An object's ETag as listed (a sync's download pins the version it reads to it).
    etag: str | None = None


@dataclass(slots=True)
class Listing:
    """One side, listed: entries by relative key; ``gaps`` say what could not be read
    (a listing with gaps is incomplete: nothing may be deleted on its strength)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    gaps: list[str] = field(default_factory=list)
    #: Files left out on purpose (links out of the folder, names no service can hold).
    skipped: list[str] = field(default_factory=list)
    requests: int = 0
    #: The folder or container does not exist (yet): a sync creates it, a check says so.
    missing: bool = False

    @property
    def complete(self) -> bool:
        return not self.gaps


def list_local(
    root: str, cancel: CancelToken = NEVER, on_files: Callable[[int], None] | None = None
) -> Listing:
    """Regular files below ``root``; links are not followed out of it (a link to a file
    inside is its file; linked folders are not entered), unreadable folders are gaps.
    ``on_files`` is told how many files each folder added (progress).

    One ``os.scandir`` per folder and one ``stat`` per plain file (the directory entry
    says what is a folder or a link without another call): the walk of 20,000 files
    costs tens of milliseconds, where ``os.walk`` with a ``Path`` per file and three
    stats cost several times that."""
    listing = Listing()
    real_root = os.path.realpath(root)
    folders = [(root, "")]  # (path, its key prefix), depth first in name order
    while folders:
        cancel.raise_if_cancelled()
        folder, prefix = folders.pop()
        try:
            with os.scandir(folder) as scan:
                found = sorted(scan, key=lambda item: item.name)
        except OSError as error:
            listing.gaps.append(f"{error.filename or folder}: {error.strerror or error}")
            continue
        before, inner = len(listing.entries), []
        for item in found:
            if _is_folder(item):
                if not item.is_symlink():  # a linked folder is not entered (as os.walk)
                    inner.append((item.path, f"{prefix}{item.name}/"))
                continue
            entry = _local_entry(item, prefix + item.name, real_root, listing)
            if entry is not None:
                listing.entries[entry.key] = entry
        folders.extend(reversed(inner))
        if on_files is not None and len(listing.entries) > before:
            on_files(len(listing.entries) - before)
    return listing


def _is_folder(item: os.DirEntry[str]) -> bool:
    try:
        return item.is_dir()
    except OSError:
        return False


def _local_entry(item: os.DirEntry[str], relative: str, real_root: str, listing: Listing) -> Entry | None:
    if not _is_unicode(relative):
        listing.skipped.append(f"{relative!r}: the name is not valid UTF-8, which no service can store")
        return None
    path = item.path
    try:
        if item.is_symlink() and os.path.commonpath([real_root, os.path.realpath(path)]) != real_root:
            listing.skipped.append(f"{relative}: a link out of the folder, not followed")
            return None
        stat = item.stat()  # a link's target (inside the folder): its file
    except (OSError, ValueError) as error:  # ValueError: commonpath of paths on two drives
        listing.gaps.append(f"{path}: {getattr(error, 'strerror', None) or error}")
        return None
    if not S_ISREG(stat.st_mode):
        listing.skipped.append(f"{relative}: not a regular file")
        return None
    return Entry(relative, stat.st_size, path, stat.st_mtime_ns, mtime_exact=True, local=True)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def list_remote(
    provider: Provider,
    container: str,
    prefix: str,
    *,
    connections: int,
    cancel: CancelToken = NEVER,
    on_page: Callable[[list[Entry]], None] | None = None,
) -> Listing:
    """Every object below ``prefix`` (folder markers, keys ending ``/``, left out).
    ``on_page`` is given each page's entries as they come (lookups may start then)."""
    listing = Listing()
    # Flat first: a place that fits one page is listed in one request, not one per folder.
    walk = Walk(provider, container, prefix, connections=connections, cancel=cancel, probe=PROBE_SIZE)
    with_metadata = provider.capabilities.listed_metadata
    for scanned in walk:
        # The place's own level comes from a delimited listing, which carries no metadata.
        added = _add_page(listing, scanned.entries, prefix, with_metadata=with_metadata and scanned.flat)
        if on_page is not None and added:
            on_page(added)
    listing.gaps = [gap.describe() for gap in walk.missing]
    listing.requests = walk.requests
    return listing


def _add_page(listing: Listing, columns: EntryColumns, prefix: str, *, with_metadata: bool) -> list[Entry]:
    """``with_metadata``: the listing carries every object's metadata, so an object
    without a stored time has none (no lookup would find one)."""
    md5s, metadata = columns.content_md5s, columns.metadata
    added: list[Entry] = []
    for i, key in enumerate(columns.keys):
        if columns.is_prefix[i] or key.endswith("/"):
            continue
        relative = key[len(prefix) :]
        # A listing that says which objects have an MD5 (Swift: not an SLO's aggregate
        # ETag; Azure: Content-MD5) is believed; else an ETag that looks like one (S3).
        md5 = md5s[i] if md5s is not None else plain_md5(columns.etags[i])
        entry = Entry(relative, columns.sizes[i], key, md5=md5, etag=columns.etags[i])
        stored = stored_mtime(metadata[i]) if metadata is not None else None
        if stored is not None:
            entry.mtime_ns, entry.mtime_exact = stored, True
        else:
            modified = columns.modified[i]
            entry.mtime_ns = int(modified.timestamp()) * _NS if modified is not None else None
            entry.details_pending = not with_metadata
        listing.entries[relative] = entry
        added.append(entry)
    return added


def plain_md5(etag: str | None) -> str | None:
    """An ETag that is a plain MD5 (32 hex digits, no ``-<parts>``): a single-part S3
    object's or a plain Swift object's. (An encrypted S3 object's or a Swift SLO's may
    look the same without being one: that can only make two copies of one content look
    different, never two different contents look the same.)"""
    text = (etag or "").strip('"').lower()
    return text if _PLAIN_MD5.match(text) else None


def apply_details(entry: Entry, metadata: Mapping[str, str], md5: str | None) -> None:
    """What a HEAD of the object said: its stored time and checksum, if any."""
    entry.details_pending = False
    stored = stored_mtime(metadata)
    if stored is not None:
        entry.mtime_ns, entry.mtime_exact = stored, True
    if entry.md5 is None:
        entry.md5 = md5 or rclone_md5(metadata)


def rclone_md5(metadata: Mapping[str, str]) -> str | None:
    """rclone keeps the MD5 of an S3 object uploaded in parts as ``md5chksum`` (base64)."""
    value = next((v for k, v in metadata.items() if k.lower() == "md5chksum"), None)
    if not value:
        return None
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw.hex() if len(raw) == 16 else None
