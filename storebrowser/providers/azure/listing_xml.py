"""List Blobs replies read straight into a page's columns, without the SDK's models.

The SDK turns each listed blob into a generated model (its deserializer walks the
service model in Python, element by element), then into a ``BlobProperties``, which
``properties.object_info`` turns into an ``ObjectInfo``: most of the client CPU of an
Azure listing (60-70% of a ``check`` against Azurite, issue 23; figures in
bench/azure_listing.py). Here the same request goes through the SDK's own generated List
Blobs operation on the container client's own pipeline, so authentication (key, SAS,
Azure AD), our retry policy and its one-retry-layer setting (``client._retry_policy``),
the user agent, the API version and the timeouts are the SDK path's, with nothing to keep
in step; only the reply's model is not deserialized. azure-core's ``ContentDecodePolicy``
has parsed the body in that pipeline already (``ElementTree.fromstring``: expat, in C),
for either path; this module reads that tree once into ``EntryColumns``.

Anything unexpected (an element this does not know, a date not in the service's format,
an ``Encoded`` attribute that is not a boolean, a reply that is not 200, the SDK no
longer having the shape used here) makes ``read_page`` return ``None``, with a debug log
line: the caller lists that page through the SDK's path, as before this module.
"""

from __future__ import annotations

import logging
import re
from base64 import b64decode
from binascii import Error as Base64Error
from collections.abc import Mapping
from datetime import UTC, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from storebrowser.core.archive import ArchiveStatus
from storebrowser.core.types import EntryColumns, LazyEntries, ObjectInfo, Page, frozen_mapping
from storebrowser.providers.azure.properties import archive_of, hex_md5, strip_etag

if TYPE_CHECKING:
    from azure.storage.blob import ContainerClient

log = logging.getLogger(__name__)


class UnexpectedReply(ValueError):
    """The reply holds something this reader does not know: the SDK reads the page."""


def read_page(
    client: ContainerClient, prefix: str, delimiter: str | None, token: str | None, size: int
) -> Page[ObjectInfo] | None:
    """One page as ``listing.list_blob_page`` asks it (the same request: with each blob's
    metadata when flat, none with a delimiter), or ``None`` where the SDK must read it.

    Errors the service does not answer (no connection, a timeout) are raised, as the SDK
    path raises them: asking again through it would only wait as long once more.
    """
    from azure.core.exceptions import HttpResponseError

    operations = listing_operations(client)
    if operations is None:
        return None
    asked: dict[str, Any] = {"prefix": prefix or None, "marker": token or None, "maxresults": size}
    try:
        if delimiter:
            root = operations.list_blob_hierarchy_segment(delimiter=delimiter, cls=_parsed_body, **asked)
        else:
            root = operations.list_blob_flat_segment(include=["metadata"], cls=_parsed_body, **asked)
    except HttpResponseError as error:
        # Not a 200, or a body that does not parse: the SDK's path asks again and raises
        # what it makes of the answer (its error types, which ``azure_errors`` knows).
        status = getattr(error, "status_code", "")
        log.debug("List Blobs left to the SDK: %s %s", type(error).__name__, status)
        return None
    except TypeError as error:  # the generated operation no longer takes these arguments
        log.debug("List Blobs left to the SDK: the SDK's operation changed (%s)", error)
        return None
    try:
        columns, next_token = read_reply(root, hierarchy=bool(delimiter))
    except UnexpectedReply as error:
        log.debug("List Blobs reply left to the SDK: %s", error)
        return None
    return Page(LazyEntries(len(columns.keys), lambda: columns), next_token)


def listing_operations(client: ContainerClient) -> Any | None:
    """The SDK's generated container operations on ``client``'s pipeline, whose listing
    replies are not deserialized into models; ``None`` when the SDK changed shape.

    The only place private SDK attributes are used, and as the SDK uses them itself for
    ``ContainerClient.list_blob_names`` (azure-storage-blob 12.x): ``_build_generated_client``
    makes a one-off generated client on the container client's pipeline (the shared one
    is never changed), whose operations' ``_deserialize`` is then wrapped. Rather than:
    an ``azure.core.rest.HttpRequest`` sent through ``_pipeline`` would need List Blobs'
    URL, query and headers (API version) built here; a ``raw_response_hook`` sees the
    reply, but the SDK still deserializes all of it afterwards.
    tests/providers/test_azure_listing_xml.py checks this shape against the installed SDK.
    """
    sdk: Any = client
    try:
        operations = sdk._build_generated_client().container
        operations._deserialize = _ListingNotDeserialized(operations._deserialize)
    except AttributeError as error:
        log.debug("List Blobs left to the SDK: the SDK's client changed (%s)", error)
        return None
    return operations


#: The replies' models: the SDK's deserializer returns None for them (all else as before).
_LISTING_MODELS = frozenset({"ListBlobsFlatSegmentResponse", "ListBlobsHierarchySegmentResponse"})


class _ListingNotDeserialized:
    """The generated operations' deserializer, but for the listing replies' models."""

    def __init__(self, deserializer: Any) -> None:
        self._deserializer = deserializer

    def __call__(self, target: Any, *data: Any, **options: Any) -> Any:
        if target in _LISTING_MODELS:
            return None
        return self._deserializer(target, *data, **options)

    def __getattr__(self, name: str) -> Any:  # failsafe_deserialize of an error reply...
        return getattr(self._deserializer, name)


def _parsed_body(pipeline_response: Any, _deserialized: Any, _headers: Any) -> Any:
    """The ``cls`` of the generated operation: the tree ``ContentDecodePolicy`` parsed."""
    from azure.core.pipeline.policies import ContentDecodePolicy

    return pipeline_response.context.get(ContentDecodePolicy.CONTEXT_NAME)


# -- the reply --------------------------------------------------------------------------------

#: What the SDK's models read (``ListBlobs*SegmentResponse``, ``BlobItemInternal``,
#: ``BlobPropertiesInternal`` of azure-storage-blob 12.31; the test compares), and in
#: ``<Properties>`` what the REST reference lists beside them (the SDK ignores those):
#: ``Content-CRC64``, and a hierarchical-namespace account's ``Owner``... An element
#: known to neither may mean something this reader would get wrong: the SDK reads that page.
ENVELOPE = frozenset({"Prefix", "Marker", "MaxResults", "Delimiter", "Blobs", "NextMarker"})
BLOB_FIELDS = frozenset({"Name", "Deleted", "Snapshot", "VersionId", "IsCurrentVersion", "Properties",
                         "Metadata", "Tags", "HasVersionsOnly", "OrMetadata"})  # fmt: skip
PROPERTIES = frozenset({
    "Creation-Time", "Last-Modified", "Etag", "Content-Length", "Content-Type", "Content-Encoding",
    "Content-Language", "Content-MD5", "Content-Disposition", "Cache-Control", "x-ms-blob-sequence-number",
    "BlobType", "LeaseStatus", "LeaseState", "LeaseDuration", "CopyId", "CopyStatus", "CopySource",
    "CopyProgress", "CopyCompletionTime", "CopyStatusDescription", "ServerEncrypted", "IncrementalCopy",
    "DestinationSnapshot", "DeletedTime", "RemainingRetentionDays", "AccessTier", "AccessTierInferred",
    "ArchiveStatus", "SmartAccessTier", "CustomerProvidedKeySha256", "EncryptionScope",
    "AccessTierChangeTime", "TagCount", "Expiry-Time", "Sealed", "RehydratePriority", "LastAccessTime",
    "ImmutabilityPolicyUntilDate", "ImmutabilityPolicyMode", "LegalHold",
    "Content-CRC64", "Owner", "Group", "Permissions", "Acl", "ResourceType", "Placeholder",
    "EncryptionContext",
})  # fmt: skip

#: key, size, modified, ETag, content type, tier, Content-MD5, metadata, archive, is a prefix.
Row = tuple[str, int, datetime | None, str | None, str | None, str | None, str | None,
            Mapping[str, str], ArchiveStatus | None, bool]  # fmt: skip
_NO_METADATA = frozen_mapping(None)


def read_reply(root: Any, *, hierarchy: bool) -> tuple[EntryColumns, str | None]:
    """The page's entries in key order, and its ``NextMarker`` (the SDK's continuation
    token: a listing goes on through either path)."""
    if not isinstance(root, Element) or root.tag != "EnumerationResults":
        raise UnexpectedReply(f"the reply is {getattr(root, 'tag', type(root).__name__)!r}")
    blobs: Element | None = None
    next_marker: str | None = None
    for child in root:
        if child.tag == "Blobs":
            blobs = child
        elif child.tag == "NextMarker":
            next_marker = child.text
        elif child.tag not in ENVELOPE:
            raise UnexpectedReply(f"<EnumerationResults> holds <{child.tag}>")
    rows: list[Row] = []
    dates: dict[str, datetime] = {}  # blobs written in the same second share their text
    for item in blobs if blobs is not None else ():
        if item.tag == "Blob":
            rows.append(_blob_row(item, dates))
        elif item.tag == "BlobPrefix" and hierarchy:
            rows.append(_prefix_row(item))
        else:
            raise UnexpectedReply(f"<Blobs> holds <{item.tag}>")
    # The service sends blobs and prefixes each in name order (interleaved on Azure, apart
    # on Azurite); code-point order is UTF-8 byte order, the service's.
    rows.sort(key=itemgetter(0))
    return _columns(rows), next_marker or None


def _blob_row(blob: Element, dates: dict[str, datetime]) -> Row:
    """One ``<Blob>`` as ``properties.object_info`` makes the SDK's ``BlobProperties`` of it."""
    name: str | None = None
    properties: Element | None = None
    metadata: Mapping[str, str] = _NO_METADATA
    for child in blob:
        tag = child.tag
        if tag == "Properties":
            properties = child
        elif tag == "Name":
            name = _name(child)
        elif tag == "Metadata":
            # As the SDK: each element's text (None when empty), attributes (Encrypted) aside.
            metadata = cast("Mapping[str, str]", {element.tag: element.text for element in child})
        elif tag not in BLOB_FIELDS:
            raise UnexpectedReply(f"<Blob> holds <{tag}>")
    if name is None or properties is None:
        raise UnexpectedReply("<Blob> without <Name> or <Properties>")
    fields = {element.tag: element.text for element in properties}
    if len(fields) != len(properties) or not fields.keys() <= PROPERTIES:
        unknown = sorted(fields.keys() - PROPERTIES) or "an element twice"
        raise UnexpectedReply(f"<Properties> of {name!r} holds {unknown}")
    size = fields.get("Content-Length")
    modified = fields.get("Last-Modified")
    md5 = fields.get("Content-MD5")
    # An empty string element is "" to the SDK (None when absent): only the tier shows it.
    tier = (fields["AccessTier"] or "") if "AccessTier" in fields else None
    return (
        name,
        _integer(size) if size else 0,
        (dates.get(modified) or _http_date(modified, dates)) if modified else None,
        strip_etag(fields.get("Etag")),
        fields.get("Content-Type") or None,
        tier,
        hex_md5(_base64(md5)) if md5 else None,
        metadata,
        archive_of(tier, fields.get("ArchiveStatus") or "", fields.get("RehydratePriority") or None),
        False,
    )


def _prefix_row(prefix: Element) -> Row:
    if len(prefix) != 1 or prefix[0].tag != "Name":
        raise UnexpectedReply(f"<BlobPrefix> holds {[child.tag for child in prefix]}")
    return (_name(prefix[0]), 0, None, None, None, None, None, _NO_METADATA, None, True)


def _name(element: Element) -> str:
    """A blob's or prefix's name; ``Encoded="true"``: percent-encoded by the service (a
    name holding characters XML cannot carry), decoded as the SDK decodes it."""
    text = element.text
    if not text or len(element):
        raise UnexpectedReply("an empty <Name>, or one holding elements")
    encoded = element.get("Encoded")
    if encoded is None:
        return text
    flag = encoded.lower()
    if flag in ("true", "1"):
        return unquote(text)
    if flag in ("false", "0"):
        return text
    raise UnexpectedReply(f"<Name Encoded={encoded!r}>")


def _columns(rows: list[Row]) -> EntryColumns:
    if not rows:
        return EntryColumns((), (), (), (), (), (), ())
    keys, sizes, modified, etags, types, tiers, md5s, metadata, archives, folders = zip(*rows, strict=True)
    return EntryColumns(
        keys, sizes, modified, etags, types, tiers, folders,
        content_md5s=md5s if any(md5s) else None,
        metadata=metadata if any(metadata) else None,
        archives=archives if any(archives) else None,
    )  # fmt: skip


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UnexpectedReply(f"Content-Length {text!r}") from None


def _base64(text: str) -> bytes:
    try:
        return b64decode(text)
    except (Base64Error, ValueError):
        raise UnexpectedReply(f"Content-MD5 {text!r}") from None


#: RFC 1123 as the service writes it: ``Fri, 04 Dec 2026 06:35:33 GMT``.
_HTTP_DATE = re.compile(
    r"[A-Z][a-z]{2}, ([0-9]{2}) ([A-Z][a-z]{2}) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT"
)
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {month: number for number, month in enumerate(_MONTH_NAMES, start=1)}


def _http_date(text: str, dates: dict[str, datetime]) -> datetime:
    """The instant the SDK's ``email.utils`` parse gives (in UTC); any other form (another
    zone, a two-digit year) is left to the SDK."""
    match = _HTTP_DATE.fullmatch(text)
    month = _MONTHS.get(match[2]) if match else None
    if match is None or month is None:
        raise UnexpectedReply(f"Last-Modified {text!r}")
    day, _, year, hour, minute, second = match.groups()
    try:
        parsed = datetime(int(year), month, int(day), int(hour), int(minute), int(second), tzinfo=UTC)
    except ValueError:
        raise UnexpectedReply(f"Last-Modified {text!r}") from None
    dates[text] = parsed
    return parsed
