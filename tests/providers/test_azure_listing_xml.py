"""Azure listing pages read by ``listing_xml`` (the reply's XML straight into columns) are
the pages the SDK's own models give, on Azurite, for hostile names and every kind of
listing request; replies Azurite never writes (Azure's interleaved prefixes, encoded
names, every property) come from a canned HTTP server; and a reply the reader does not
know is left to the SDK, page by page.

The reference is ``listing.sdk_page``: the same request through the SDK's models,
converted by ``properties.object_info`` as before ``listing_xml`` existed. The names
listed are also compared with the names written, so both being wrong alike would show.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from storebrowser.core.archive import ArchiveState
from storebrowser.core.errors import NotFound, StorageError
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.core.types import LazyEntries, ObjectInfo, Page
from storebrowser.providers.azure import listing, listing_xml
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.providers.registry import open_provider
from tests.hostile.keys import stored
from tests.providers.backends import open_counted
from tests.providers.conftest import unique_container_name
from tests.servers.azurite import ACCOUNT_KEY, ACCOUNT_NAME, AzuriteServer
from tests.servers.canned import serving
from tests.servers.fault_proxy import FaultProxy

#: Beside the hostile names Azure stores (tests/hostile): what URL and XML escaping could
#: get wrong. (Control characters are refused by our naming check, and Azurite never
#: writes ``Encoded="true"``: the canned replies below carry those.)
EXTRA_NAMES = [
    "x/a b.txt",
    "x/100%",
    "x/100%25",  # decoded twice, this would be "x/100%"
    "x/%41",  # and this "x/A"
    "x/a+b",
    "x/+",
    "x/a&b<c>\"'.txt",
    "x/cdata]]>end",
    "x/folder/",  # a blob whose name ends with '/'
    "x/folder/inside",
    "x/trailing space ",
    "x/\u00e9t\u00e9/nfc",
    "x/e\u0301te\u0301/nfd",
    "x/smile\U0001f600",
    "x/a/b/c/d/e/f/g/h/i/j/k/deep.txt",
    "x/" + "n" * 1000,
]

#: (prefix, delimiter, page size): the requests list_blob_page makes, small pages included.
REQUESTS = [
    ("", None, 5000),
    ("", "/", 5000),
    ("h/", "/", 5000),
    ("x/", "/", 1),
    ("x/", None, 4),
    ("x/", "/", 3),
    ("h/caf", None, 5000),
    ("x/100%", None, 5000),
    ("x/a+", None, 5000),
    ("x/folder/", "/", 5000),
    ("x/a/", "/", 2),
    ("h/d/d/d/", "/", 5000),
    ("nothing-here/", "/", 5000),
]


@dataclass
class Seeded:
    provider: AzureProvider
    container: str
    names: list[str]

    @property
    def client(self) -> Any:
        return self.provider.service.get_container_client(self.container)


def _seed(client: Any, names: list[str]) -> None:
    """Each name with its text as content; metadata, content types, tiers and a blob
    committed from blocks (no Content-MD5) where the listing shows them."""
    from azure.storage.blob import ContentSettings

    for number, name in enumerate(names):
        extra: dict[str, Any] = {}
        if number % 3 == 0:
            extra["metadata"] = {"mtime": f"17333{number:05d}.25", "owner": "qa"}
        if number % 4 == 1:
            extra["content_settings"] = ContentSettings(content_type="text/csv; charset=utf-8")
        client.upload_blob(name, name.encode(), **extra)
    blocks = client.get_blob_client("x/blocks/no-md5")
    blocks.stage_block("AAAA", b"block")
    blocks.commit_block_list(["AAAA"], metadata={"mtime": "1.5"})
    client.get_blob_client("x/a b.txt").set_standard_blob_tier("Cool")
    client.get_blob_client("x/+").set_standard_blob_tier("Archive")
    names.append("x/blocks/no-md5")


@pytest.fixture(scope="module")
def seeded(azurite_server: AzuriteServer) -> Iterator[Seeded]:
    provider = open_provider("azure", {"connection_string": azurite_server.connection_string})
    assert isinstance(provider, AzureProvider)
    provider.connect()
    container = unique_container_name()
    provider.create_container(container)
    names = [hostile.key for hostile in stored("azure")] + EXTRA_NAMES
    _seed(provider.service.get_container_client(container), names)
    yield Seeded(provider, container, names)
    with contextlib.suppress(NotFound):
        provider.delete_container(container, force=True)
    provider.close()


Read = Callable[[Any, str, str | None, str | None, int], Page[ObjectInfo] | None]


def _fast(client: Any, prefix: str, delimiter: str | None, token: str | None, size: int) -> Page[ObjectInfo]:
    page = listing_xml.read_page(client, prefix, delimiter, token, size)
    assert page is not None, "the fast path left this page to the SDK"
    assert isinstance(page.entries, LazyEntries)
    return page


def _pages(read: Read, client: Any, prefix: str, delimiter: str | None, size: int,
           token: str | None = None) -> list[tuple[list[ObjectInfo], str | None]]:  # fmt: skip
    """Every page of the listing from ``token`` on: its entries, and its next token."""
    pages = []
    while True:
        page = read(client, prefix, delimiter, token, size)
        assert page is not None
        pages.append((list(page.entries), page.next_token))
        if page.next_token is None:
            return pages
        token = page.next_token


@pytest.mark.parametrize(("prefix", "delimiter", "size"), REQUESTS)
def test_pages_read_from_the_xml_are_the_sdks(seeded: Seeded, prefix: str, delimiter: str | None,
                                              size: int) -> None:  # fmt: skip
    fast = _pages(_fast, seeded.client, prefix, delimiter, size)
    assert fast == _pages(listing.sdk_page, seeded.client, prefix, delimiter, size)
    if delimiter is None:  # and what the SDK says is what was written
        keys = [entry.key for entries, _ in fast for entry in entries]
        assert keys == sorted(name for name in seeded.names if name.startswith(prefix))


def test_every_field_the_listing_carries_is_read(seeded: Seeded) -> None:
    """Not only equal to the SDK's: what was written (both could drop a field alike)."""
    (entries, _), *rest = _pages(_fast, seeded.client, "x/", None, 5000)
    assert not rest
    by_key = {entry.key: entry for entry in entries}
    for name in EXTRA_NAMES:
        entry = by_key[name]
        assert entry.size == len(name.encode())
        assert entry.content_md5 == hashlib.md5(name.encode()).hexdigest()
        assert entry.modified is not None and entry.modified.utcoffset() is not None
        assert entry.etag and '"' not in entry.etag
    assert dict(by_key["x/blocks/no-md5"].metadata) == {"mtime": "1.5"}
    assert by_key["x/blocks/no-md5"].content_md5 is None
    assert sum(1 for entry in entries if entry.metadata.get("owner") == "qa") >= 5
    assert sum(1 for entry in entries if entry.content_type == "text/csv; charset=utf-8") >= 3
    assert by_key["x/a b.txt"].storage_class == "Cool" and by_key["x/a b.txt"].archive is None
    archived = by_key["x/+"].archive
    assert by_key["x/+"].storage_class == "Archive" and archived and archived.state is ArchiveState.ARCHIVED


def test_a_listing_goes_on_through_either_path(seeded: Seeded) -> None:
    """The tokens are the SDK's: a page of one path continues with the other."""
    first = _fast(seeded.client, "x/", None, None, 3)
    assert first.next_token
    rest = _pages(listing.sdk_page, seeded.client, "x/", None, 3, first.next_token)
    sdk_first = listing.sdk_page(seeded.client, "x/", None, None, 3)
    assert sdk_first.next_token == first.next_token
    rest_fast = _pages(_fast, seeded.client, "x/", None, 3, sdk_first.next_token)
    assert rest == rest_fast
    keys = [entry.key for entry in first.entries] + [entry.key for entries, _ in rest for entry in entries]
    assert keys == sorted(name for name in seeded.names if name.startswith("x/"))


def test_the_provider_lists_through_the_fast_path(seeded: Seeded) -> None:
    page = seeded.provider.list_page(seeded.container, "x/", "/", None, 1000)
    assert isinstance(page.entries, LazyEntries)


def _element_names(model: Any) -> set[str]:
    """The XML elements the SDK's generated ``model`` reads (its attributes aside)."""
    from azure.storage.blob._generated import models

    names = set()
    for field in model._attribute_map.values():
        if field.get("xml", {}).get("attr"):
            continue
        inner = getattr(models, field["type"].strip("[]{}"), None)
        names.add(getattr(inner, "_xml_map", {}).get("name", field["key"]))
    return names


def test_the_sdk_still_has_the_shape_the_fast_path_uses(seeded: Seeded) -> None:
    """Fails when azure-storage-blob changes what ``listing_xml`` relies on: its private
    generated client, or the elements its models know (a new one would make every
    page fall back to the SDK, silently but for a debug line)."""
    from azure.storage.blob._generated import models

    assert listing_xml.listing_operations(seeded.client) is not None
    envelope = _element_names(models.ListBlobsFlatSegmentResponse) | _element_names(
        models.ListBlobsHierarchySegmentResponse
    )
    assert envelope <= listing_xml.ENVELOPE
    assert _element_names(models.BlobItemInternal) <= listing_xml.BLOB_FIELDS
    assert _element_names(models.BlobPropertiesInternal) <= listing_xml.PROPERTIES


# -- under the retry policy of the client -----------------------------------------------------


def test_the_fast_path_keeps_the_clients_retry_policy(request: pytest.FixtureRequest) -> None:
    """The SDK's own retry serves a listing nobody retries above; under a caller that
    retries (``call_with_retry``), one attempt, and the page is the SDK path's to ask."""
    with open_counted("azure", request, FaultProxy) as counted:
        proxy = counted.proxy
        assert isinstance(proxy, FaultProxy) and isinstance(counted.provider, AzureProvider)
        container = unique_container_name()
        counted.provider.create_container(container)
        client = counted.provider.service.get_container_client(container)
        client.upload_blob("a", b"a")
        proxy.reset()
        proxy.fail_next(1, status=503)
        page = listing_xml.read_page(client, "", None, None, 10)
        assert page is not None and [entry.key for entry in page.entries] == ["a"]
        assert proxy.requests == 2  # the 503, then the SDK's retry
        proxy.reset()
        proxy.fail_next(1, status=503)
        retried_above = RetryPolicy(attempts=2, base_delay=0.01)
        declined = call_with_retry(lambda: listing_xml.read_page(client, "", None, None, 10), retried_above)
        assert declined is None and proxy.requests == 1
        counted.provider.delete_container(container, force=True)


# -- canned replies: what Azure writes and Azurite does not, and what must fall back ---------

_PROPERTIES = (
    "<Properties><Creation-Time>Wed, 02 Dec 2026 10:00:00 GMT</Creation-Time>"
    "<Last-Modified>Fri, 04 Dec 2026 06:35:33 GMT</Last-Modified><Etag>0x8DD14C2D8E0F5A1</Etag>"
    "<Content-Length>{size}</Content-Length><Content-Type>{content_type}</Content-Type><Content-Encoding />"
    "<Content-Language /><Content-CRC64 /><Content-MD5>{md5}</Content-MD5><Cache-Control />"
    "<Content-Disposition />"
    "<BlobType>BlockBlob</BlobType>{tier}<LeaseStatus>unlocked</LeaseStatus><LeaseState>available</LeaseState>"
    "<ServerEncrypted>true</ServerEncrypted>{extra}</Properties>"
)


_MD5_OF_X = base64.b64encode(hashlib.md5(b"x").digest()).decode()
_HOT = "<AccessTier>Hot</AccessTier><AccessTierInferred>true</AccessTierInferred>"


def _blob(name: str, *, encoded: bool | None = None, size: int = 12, content_type: str = "text/plain",
          md5: str = _MD5_OF_X, tier: str = _HOT, extra: str = "", metadata: str = "",
          after: str = "<OrMetadata />") -> str:  # fmt: skip
    attribute = "" if encoded is None else f' Encoded="{str(encoded).lower()}"'
    properties = _PROPERTIES.format(size=size, content_type=content_type, md5=md5, tier=tier, extra=extra)
    return f"<Blob><Name{attribute}>{name}</Name>{properties}{metadata}{after}</Blob>"


def _prefix(name: str, *, encoded: bool = False) -> str:
    attribute = ' Encoded="true"' if encoded else ""
    return f"<BlobPrefix><Name{attribute}>{name}</Name></BlobPrefix>"


def _reply(*entries: str, delimiter: str = "", next_marker: str = "") -> bytes:
    head = f"<Delimiter>{delimiter}</Delimiter>" if delimiter else ""
    marker = f"<NextMarker>{next_marker}</NextMarker>" if next_marker else "<NextMarker />"
    return ('<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="https://acct.blob.'
            'core.windows.net/" ContainerName="canned"><Prefix>p/</Prefix><Marker />'
            f"<MaxResults>5000</MaxResults>{head}"
            f"<Blobs>{''.join(entries)}</Blobs>{marker}</EnumerationResults>").encode()  # fmt: skip


# Azure interleaves prefixes and blobs in name order; names XML cannot carry come encoded.
HIERARCHY = _reply(
    _blob("p/a.txt"),
    _prefix("p/b/"),
    _blob("p/c%01%0D%0A%EF%BF%BE.txt", encoded=True),
    _prefix("p/d%7F%0B%25/", encoded=True),
    _blob("p/e%41+.txt", encoded=False),
    _prefix("p/f&amp;g/"),
    delimiter="/",
    next_marker="2!104!MDAwMDI2IXAvZi50eHQhMDAwMDI4ITk5OTktMTItMzFUMjM6NTk6NTkuOTk5OTk5OVoh",
)
FLAT = _reply(
    _blob("p/rich", size=0, content_type="", tier="<AccessTier>Archive</AccessTier>"
          "<AccessTierChangeTime>Thu, 03 Dec 2026 01:02:03 GMT</AccessTierChangeTime>",
          metadata='<Metadata Encrypted="false"><mtime>1733300000.5</mtime><empty /><Owner>QA</Owner>'
                   "</Metadata>"),
    _blob("p/rehydrating", tier="<AccessTier>Archive</AccessTier><ArchiveStatus>rehydrate-pending-to-cool"
          "</ArchiveStatus>", extra="<RehydratePriority>High</RehydratePriority><TagCount>2</TagCount>"),
    _blob("p/no-md5", md5="", tier="<AccessTier />",
          extra="<LastAccessTime>Fri, 04 Dec 2026 06:35:33 GMT</LastAccessTime>"),
    _blob("p/short-md5", md5="AAAA", tier="", metadata="<Metadata />", after=""),
    _blob("p/versioned", after="<VersionId>2026-12-04T06:35:33.1234567Z</VersionId>"
          "<IsCurrentVersion>true</IsCurrentVersion>"),
)  # fmt: skip
# The first one's ETag quoted, as Get Blob Properties writes it (the listing's is bare).
FLAT = FLAT.replace(b"<Etag>0x8DD14C2D8E0F5A1<", b"<Etag>&quot;0x8DD14C2D8E0F5A1&quot;<", 1)
UNKNOWN_PROPERTY = _reply(_blob("p/a"), _blob("p/b", extra="<FutureProperty>1</FutureProperty>"))
UNKNOWN_BLOB_FIELD = _reply(_blob("p/a", after="<FutureField />"))
OTHER_DATE = FLAT.replace(b"Fri, 04 Dec 2026 06:35:33 GMT", b"Fri, 04 Dec 2026 07:35:33 +0100")
PREFIX_IN_FLAT = _reply(_blob("p/a"), _prefix("p/b/"))


class _Canned(BaseHTTPRequestHandler):
    reply: tuple[int, bytes] = (200, b"")

    def do_GET(self) -> None:
        status, body = self.reply
        self.send_response(status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        if status != 200:
            self.send_header("x-ms-error-code", "ServerBusy" if status == 503 else "ContainerNotFound")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture(scope="module")
def canned() -> Iterator[Callable[[int, bytes], Any]]:
    """``canned(status, body)`` -> a ContainerClient (no retries) whose every request is
    answered with that reply by an HTTP server on 127.0.0.1."""
    from azure.storage.blob import ContainerClient

    with serving(_Canned) as base:
        credential = {"account_name": ACCOUNT_NAME, "account_key": ACCOUNT_KEY}
        client = ContainerClient(f"{base}/{ACCOUNT_NAME}", "canned", credential=credential, retry_total=0)

        def answering(status: int, body: bytes) -> Any:
            _Canned.reply = (status, body)
            return client

        yield answering


@pytest.mark.parametrize(("body", "delimiter"), [(HIERARCHY, "/"), (FLAT, None)], ids=["hierarchy", "flat"])
def test_azures_own_replies_are_read_as_the_sdk_reads_them(canned: Callable[[int, bytes], Any], body: bytes,
                                                           delimiter: str | None) -> None:  # fmt: skip
    client = canned(200, body)
    fast = _fast(client, "p/", delimiter, None, 5000)
    slow = listing.sdk_page(client, "p/", delimiter, None, 5000)
    assert list(fast.entries) == list(slow.entries) and fast.next_token == slow.next_token
    assert [entry.key for entry in fast.entries] == sorted(entry.key for entry in fast.entries)


def test_encoded_names_are_decoded(canned: Callable[[int, bytes], Any]) -> None:
    page = _fast(canned(200, HIERARCHY), "p/", "/", None, 5000)
    assert [(entry.key, entry.is_prefix) for entry in page.entries] == [
        ("p/a.txt", False), ("p/b/", True), ("p/c\x01\r\n\ufffe.txt", False), ("p/d\x7f\x0b%/", True),
        ("p/e%41+.txt", False), ("p/f&g/", True),
    ]  # fmt: skip
    assert page.next_token and page.next_token.startswith("2!104!")


def test_the_properties_of_azures_reply(canned: Callable[[int, bytes], Any]) -> None:
    entries = {entry.key: entry for entry in _fast(canned(200, FLAT), "p/", None, None, 5000).entries}
    rich = entries["p/rich"]
    assert dict(rich.metadata) == {"mtime": "1733300000.5", "empty": None, "Owner": "QA"}
    assert rich.content_type is None and rich.size == 0 and rich.archive
    assert rich.archive.state is ArchiveState.ARCHIVED
    restoring = entries["p/rehydrating"].archive
    assert restoring and restoring.state is ArchiveState.RESTORING
    assert (restoring.target, restoring.priority) == ("Cool", "High")
    assert entries["p/rehydrating"].content_md5 == hashlib.md5(b"x").hexdigest()
    assert entries["p/no-md5"].content_md5 is None and entries["p/no-md5"].storage_class == ""
    assert entries["p/short-md5"].content_md5 is None and entries["p/short-md5"].storage_class is None


@pytest.mark.parametrize(
    "body",
    [UNKNOWN_PROPERTY, UNKNOWN_BLOB_FIELD, OTHER_DATE, PREFIX_IN_FLAT],
    ids=["unknown property", "unknown blob field", "another time zone", "a prefix in a flat listing"],
)
def test_a_reply_the_reader_does_not_know_is_the_sdks(canned: Callable[[int, bytes], Any], body: bytes,
                                                     caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    client = canned(200, body)
    with caplog.at_level(logging.DEBUG, logger=listing_xml.__name__):
        assert listing_xml.read_page(client, "p/", None, None, 5000) is None
    assert "left to the SDK" in caplog.text
    page = listing.list_blob_page(client, "p/", None, None, 5000)
    assert not isinstance(page.entries, LazyEntries)
    assert page == listing.sdk_page(client, "p/", None, None, 5000)


_ERROR = b'<?xml version="1.0" encoding="utf-8"?><Error><Code>{code}</Code><Message>{message}</Message>'
_ERROR += b"</Error>"


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (503, _ERROR.replace(b"{code}", b"ServerBusy").replace(b"{message}", b"The server is busy.")),
        (404, _ERROR.replace(b"{code}", b"ContainerNotFound").replace(b"{message}", b"No such container.")),
        (200, FLAT[: len(FLAT) // 2]),
    ],
    ids=["503", "404", "cut short"],
)
def test_an_error_is_the_one_the_sdk_path_raises(canned: Callable[[int, bytes], Any], status: int,
                                                 body: bytes) -> None:  # fmt: skip
    client = canned(status, body)
    assert listing_xml.read_page(client, "p/", None, None, 5000) is None
    with pytest.raises(StorageError) as fast:
        listing.list_blob_page(client, "p/", None, None, 5000)
    with pytest.raises(StorageError) as slow, azure_errors("Listing 'canned'", container="canned"):
        listing.sdk_page(client, "p/", None, None, 5000)
    assert type(fast.value) is type(slow.value) and str(fast.value) == str(slow.value)
