"""Value types shared by every layer: containers, objects, pages of a listing."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Generic, TypeVar

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

    def __post_init__(self) -> None:
        if not isinstance(self.metadata, MappingProxyType):
            object.__setattr__(self, "metadata", frozen_mapping(self.metadata))

    @property
    def name(self) -> str:
        """The last path segment, as a file manager shows it (``a/b/`` -> ``b/``)."""
        stripped = self.key[:-1] if self.key.endswith("/") else self.key
        tail = stripped.rsplit("/", 1)[-1]
        return tail + "/" if self.key.endswith("/") else tail


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
