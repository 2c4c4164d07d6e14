"""Value types shared by every layer: containers, objects, pages of a listing."""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any, Generic, TypeVar, overload

from storebrowser.core.archive import ArchiveStatus

T = TypeVar("T")

#: Called with a byte delta as data moves; a retried part reports a negative delta so
#: totals stay true (s3transfer's habit). Must be cheap: it runs once per chunk.
ProgressCallback = Callable[[int], None]

_EMPTY: Mapping[str, str] = MappingProxyType({})


def frozen_mapping(values: Mapping[str, str] | None) -> Mapping[str, str]:
    """A read-only copy, so frozen dataclasses stay truly immutable."""
    return MappingProxyType(dict(values)) if values else _EMPTY


@dataclass(frozen=True, slots=True)
class ContainerInfo:
    """A bucket / container. Counts are ``None`` where the provider does not say."""

    name: str
    object_count: int | None = None
    bytes_used: int | None = None
    created: datetime | None = None
    region: str | None = None


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    """One entry of a listing: an object, or a pseudo-folder when ``is_prefix``.

    ``modified`` is timezone-aware (UTC). ``etag`` is the provider's, without quotes;
    for multipart/segmented objects it is not an MD5 of the content.
    """

    key: str
    size: int = 0
    modified: datetime | None = None
    etag: str | None = None
    content_type: str | None = None
    metadata: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    is_prefix: bool = False
    storage_class: str | None = None
    #: Hex MD5 of the whole content when the service vouches for it (S3 single-part
    #: ETag, Swift ETag of a plain object, Azure Content-MD5); ``None`` for multipart,
    #: SLO/DLO or encrypted objects and when unknown. Downloads verify against it.
    content_md5: str | None = None
    #: Archived / restoring / restored; ``None`` when not archived or not known (see
    #: ``ArchiveStatus``). S3 listings know the restore status only where the server
    #: answers ``OptionalObjectAttributes=RestoreStatus`` (AWS); elsewhere an archive
    #: class alone says "archived", and only a ``stat`` knows more.
    archive: ArchiveStatus | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.metadata, MappingProxyType):
            object.__setattr__(self, "metadata", frozen_mapping(self.metadata))

    @property
    def name(self) -> str:
        """The last path segment, as a file manager shows it (``a/b/`` -> ``b/``)."""
        return key_name(self.key)


def key_name(key: str) -> str:
    """The last path segment of ``key``, as a file manager shows it (``a/b/`` -> ``b/``)."""
    stripped = key[:-1] if key.endswith("/") else key
    tail = stripped.rsplit("/", 1)[-1]
    return tail + "/" if key.endswith("/") else tail


@dataclass(frozen=True, slots=True)
class EntryColumns:
    """A page's entries as one list per ``ObjectInfo`` field; entry ``i`` is index ``i``.

    What providers turn a raw listing answer into: the object table stores columns and
    packs these directly, without an ``ObjectInfo`` per listed object (that costs more
    than the rest of the conversion). ``content_md5s``, ``metadata`` and ``archives``
    are ``None`` when the listing carries none at all, as most do.
    """

    keys: Sequence[str]
    sizes: Sequence[int]
    modified: Sequence[datetime | None]
    etags: Sequence[str | None]
    content_types: Sequence[str | None]
    storage_classes: Sequence[str | None]
    is_prefix: Sequence[bool]
    content_md5s: Sequence[str | None] | None = None
    metadata: Sequence[Mapping[str, str]] | None = None
    #: Where each archived entry stands (``None``: online or not known).
    archives: Sequence[ArchiveStatus | None] | None = None

    @classmethod
    def of(cls, infos: Sequence[ObjectInfo]) -> EntryColumns:
        md5s = [info.content_md5 for info in infos]
        metadata = [info.metadata for info in infos]
        archives = [info.archive for info in infos]
        return cls(
            keys=[info.key for info in infos],
            sizes=[info.size for info in infos],
            modified=[info.modified for info in infos],
            etags=[info.etag for info in infos],
            content_types=[info.content_type for info in infos],
            storage_classes=[info.storage_class for info in infos],
            is_prefix=[info.is_prefix for info in infos],
            content_md5s=md5s if any(md5s) else None,
            metadata=metadata if any(metadata) else None,
            archives=archives if any(archives) else None,
        )

    def without_first(self) -> EntryColumns:
        """The same entries but the first."""
        return EntryColumns(
            keys=self.keys[1:],
            sizes=self.sizes[1:],
            modified=self.modified[1:],
            etags=self.etags[1:],
            content_types=self.content_types[1:],
            storage_classes=self.storage_classes[1:],
            is_prefix=self.is_prefix[1:],
            content_md5s=self.content_md5s[1:] if self.content_md5s is not None else None,
            metadata=self.metadata[1:] if self.metadata is not None else None,
            archives=self.archives[1:] if self.archives is not None else None,
        )

    def infos(self) -> list[ObjectInfo]:
        count = len(self.keys)
        md5s = self.content_md5s or [None] * count
        metadata = self.metadata or [_EMPTY] * count
        fields = (self.keys, self.sizes, self.modified, self.etags, self.content_types, metadata)
        archives = self.archives or [None] * count
        rest = (self.is_prefix, self.storage_classes, md5s, archives)
        # Positional, in field order: once per entry, and keywords cost a quarter more.
        return [ObjectInfo(*values) for values in zip(*fields, *rest, strict=True)]


class LazyEntries(Sequence[ObjectInfo]):
    """A page's entries, made from the service's raw answer the first time they are read.

    ``list_page`` returns as soon as the answer is in, so the next request can go out
    while this page is still being converted (the object table converts it on its
    packing worker, as ``columns()``, and never makes the ``ObjectInfo``s). Behaves as a
    read-only list: ``len`` without converting; indexing, slicing (a list), iteration,
    ``==`` with lists and other ``LazyEntries``. ``convert`` runs at most once, on
    whichever thread reads first; its error surfaces there, as it would have from
    ``list_page``.
    """

    __slots__ = ("_columns", "_convert", "_items", "_length", "_lock")

    def __init__(self, length: int, convert: Callable[[], EntryColumns]) -> None:
        self._length = length
        self._convert: Callable[[], EntryColumns] | None = convert
        self._columns: EntryColumns | None = None
        self._items: list[ObjectInfo] | None = None
        self._lock = threading.Lock()

    def columns(self) -> EntryColumns:
        """The entries as columns (converted now if nobody read them yet)."""
        columns = self._columns
        if columns is None:
            with self._lock:  # two readers on two threads convert once, not twice
                if self._columns is None:
                    assert self._convert is not None
                    converted = self._convert()
                    if len(converted.keys) != self._length:
                        raise ValueError(f"converted {len(converted.keys)} entries, expected {self._length}")
                    self._columns, self._convert = converted, None  # the raw answer is freed
                columns = self._columns
        return columns

    def _list(self) -> list[ObjectInfo]:
        items = self._items
        if items is None:
            columns = self.columns()
            with self._lock:
                if self._items is None:
                    self._items = columns.infos()
                items = self._items
        return items

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> ObjectInfo: ...

    @overload
    def __getitem__(self, index: slice) -> list[ObjectInfo]: ...

    def __getitem__(self, index: int | slice) -> ObjectInfo | list[ObjectInfo]:
        return self._list()[index]

    def __iter__(self) -> Iterator[ObjectInfo]:
        return iter(self._list())

    def __reversed__(self) -> Iterator[ObjectInfo]:
        return reversed(self._list())

    def __contains__(self, value: object) -> bool:
        return value in self._list()

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        return self._list().index(value, start, self._length if stop is None else stop)

    def count(self, value: Any) -> int:
        return self._list().count(value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyEntries):
            return self._length == other._length and self._list() == other._list()
        if isinstance(other, list):
            return self._length == len(other) and self._list() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # as a list: equal to one, so not hashable

    def __repr__(self) -> str:
        return f"LazyEntries({self._list()!r})"


def entry_columns(entries: Sequence[ObjectInfo]) -> EntryColumns:
    """A page's entries as columns: a ``LazyEntries``' own (no ``ObjectInfo`` made), or
    read field by field."""
    return entries.columns() if isinstance(entries, LazyEntries) else EntryColumns.of(entries)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing; ``next_token`` is ``None`` on the last page.

    The token is opaque to callers: pass it back unchanged to get the next page.
    """

    entries: Sequence[T]
    next_token: str | None = None


@dataclass(frozen=True, slots=True)
class WebsiteConfig:
    """A container published as a static site; ``url`` is where a browser finds it."""

    index_document: str = "index.html"
    error_document: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class PartRecord:
    """One finished part of a chunked upload, as the journal stores it.

    ``token`` is what completing the upload needs: an S3 part ETag, an Azure block id,
    a Swift segment name.
    """

    number: int
    size: int
    token: str
    checksum: str | None = None


@dataclass(frozen=True, slots=True)
class ObjectVersion:
    """One entry of a versions listing: a version of an object, a delete marker, or a
    pseudo-folder (``is_prefix``, with ``version_id`` empty).

    A listing gives the versions of a key newest first, the current one (``is_latest``)
    leading. ``modified`` is when this version's content was written (timezone-aware,
    UTC; for a delete marker, when the object was deleted). ``version_id`` is what
    ``Provider.stat_version`` and friends take: the service's own id (S3, Swift: ``null``
    for a version written while versioning was off), an Azure snapshot's timestamp, or
    ``CURRENT_BLOB`` for an Azure blob itself.
    """

    key: str
    version_id: str
    is_latest: bool = False
    is_delete_marker: bool = False
    size: int = 0
    modified: datetime | None = None
    etag: str | None = None
    #: Hex MD5 of this version's content when the service vouches for it (as
    #: ``ObjectInfo.content_md5``); ``None`` when unknown.
    content_md5: str | None = None
    is_prefix: bool = False
    #: When the object was first written, where the service keeps that apart from its
    #: versions (an Azure blob: its content before the oldest snapshot is not kept, but
    #: it existed); ``None`` elsewhere.
    created: datetime | None = None

    @property
    def name(self) -> str:
        return key_name(self.key)


#: The version id of an Azure blob itself (its snapshots have timestamps as ids).
CURRENT_BLOB = "current"


class VersioningStatus(enum.Enum):
    """Whether a container keeps earlier versions of its objects."""

    #: Overwrites and deletes keep the earlier version.
    ENABLED = "enabled"
    #: Was enabled once: the versions kept stay, new writes replace the current one.
    SUSPENDED = "suspended"
    #: Never enabled: nothing is kept (it can be turned on).
    NEVER = "never"
    #: Earlier versions are kept only where someone took a snapshot (Azure).
    SNAPSHOTS = "snapshots"
    #: This service or server cannot keep versions; ``reason`` says why.
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class VersioningState:
    """A container's versioning, with a sentence for a person (why it is unsupported,
    what turning it on costs, how snapshots work)."""

    status: VersioningStatus
    reason: str = ""
    #: Whether a deletion leaves a dated trace (a delete marker). Azure blob versions
    #: leave none: the current version just becomes an earlier one, when is not told.
    deletions_dated: bool = True

    @property
    def keeps_versions(self) -> bool:
        """Versions may be listed, read and restored (even if none are kept any more)."""
        return self.status is not VersioningStatus.UNSUPPORTED
