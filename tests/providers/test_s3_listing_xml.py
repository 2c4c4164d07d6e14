"""``listing_xml`` on replies no local server writes (AWS's restore status and checksums,
CDATA, no namespace, no URL encoding), compared with botocore's own parser and its
``decode_list_object_v2`` on the same bytes; and the replies it must leave to botocore.

The servers' replies are compared in test_s3_listing_columns.py; these are the shapes of
AWS's documentation and of odd servers, fed to both parsers as they stand.
"""

from __future__ import annotations

import contextlib
import http.server
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from botocore.handlers import decode_list_object_v2
from botocore.parsers import create_parser

from storebrowser.core.archive import ArchiveState
from storebrowser.providers.s3 import listing, listing_xml
from storebrowser.providers.s3.client import ClientFactory, S3Settings
from tests.servers.canned import serving

_NS = ' xmlns="http://s3.amazonaws.com/doc/2006-03-01/"'
_ROOT = "ListBucketResult"
_OUTPUT = botocore.session.get_session().get_service_model("s3").operation_model("ListObjectsV2").output_shape
assert _OUTPUT is not None


_TOKEN = "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="
#: The root in S3's namespace by a prefix, its children unprefixed: in no namespace.
_PREFIXED_ROOT = {"root": f"s3:{_ROOT}", "namespace": ' xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/"'}


def _reply(
    entries: str, *, encoded: bool = True, namespace: str = _NS, root: str = _ROOT, token: str = _TOKEN,
    prefix: str = "",
) -> bytes:  # fmt: skip
    encoding = "<EncodingType>url</EncodingType>" if encoded else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{root}{namespace}><Name>b</Name>'
            f"<Prefix>{prefix}</Prefix>"
            f"<KeyCount>9</KeyCount><MaxKeys>1000</MaxKeys>{encoding}<IsTruncated>true</IsTruncated>"
            f"<NextContinuationToken>{token}</NextContinuationToken>"
            f"\n  {entries}\n</{root}>").encode()  # fmt: skip


def _object(key: str, *extra: str, modified: str = "2026-12-04T06:35:33.000Z") -> str:
    return (f"<Contents><Key>{key}</Key><LastModified>{modified}</LastModified>"
            f"<ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><Size>1234</Size>"
            f"<StorageClass>STANDARD</StorageClass>{''.join(extra)}</Contents>")  # fmt: skip


def _botocore(body: bytes) -> dict[str, Any]:
    """What botocore makes of ``body`` when it parses all of it (after-call hook included)."""
    response = {"body": body, "headers": {}, "status_code": 200}
    parsed: dict[str, Any] = create_parser("rest-xml").parse(response, _OUTPUT)
    decode_list_object_v2(parsed, {"encoding_type_auto_set": True})
    return parsed


def _hooked(body: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The hook's columns, and what botocore makes of the body the hook leaves it."""
    response: dict[str, Any] = {"body": body, "headers": {}, "status_code": 200}
    columns: dict[str, Any] = {}
    with listing.reading_columns():
        listing_xml.read_columns(response_dict=response, customized_response_dict=columns)
    return columns, _botocore(response["body"])


AWS_ENTRIES = [
    _object("photos/2026/a%20b%2Bc%25.jpg"),
    _object("photos/space+as+AWS+writes+it%2Bplus"),  # AWS encodes a space as '+'
    _object("photos/cold", "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>"
            "<DisplayName>someone</DisplayName></Owner>",
            "<RestoreStatus><IsRestoreInProgress>true</IsRestoreInProgress></RestoreStatus>").replace(
        "STANDARD", "GLACIER"),
    _object("photos/thawed", "<RestoreStatus><IsRestoreInProgress>false</IsRestoreInProgress>"
            "<RestoreExpiryDate>2026-12-24T10:00:00.000Z</RestoreExpiryDate></RestoreStatus>").replace(
        "STANDARD", "DEEP_ARCHIVE"),
    _object("photos/sealed").replace("STANDARD", "GLACIER"),
    _object("photos/checked", "<ChecksumAlgorithm>CRC32</ChecksumAlgorithm>",
            "<ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType>"),
    "<CommonPrefixes><Prefix>photos/2025%2F%0D/</Prefix></CommonPrefixes>",
    "<CommonPrefixes><Prefix>photos/%C3%A9t%C3%A9/</Prefix></CommonPrefixes>",
    _object("photos/e%CC%81t%CC%81e%CC%81", "<ChecksumType>COMPOSITE</ChecksumType>",
            modified="2026-12-04T06:35:33.123456789+02:00"),
]  # fmt: skip

SAME = {
    "AWS, every field": _reply("".join(AWS_ENTRIES)),
    "no namespace": _reply("".join(AWS_ENTRIES), namespace=""),
    "another namespace": _reply("".join(AWS_ENTRIES), namespace=' xmlns="urn:other"'),
    "not URL-encoded: entities, CDATA, a carriage return": _reply(
        _object("a&amp;b&lt;c&gt;&#13;&quot;d&apos;") + _object("<![CDATA[x]]]]><![CDATA[>y&z]]>")
        + _object("100%25+1"), encoded=False),
    "empty elements": _reply(_object("e").replace("<StorageClass>STANDARD</StorageClass>", "<StorageClass/>")
                             .replace("&quot;9b2cf535f27731c974343645a3985328&quot;", "")),
    "broken UTF-8 across two keys, and a NUL": _reply(_object("a/bad%C3") + _object("a/%A9bad+too")
                                                      + _object("a/nul%00byte") + _object("a/plain%20end")),
    "broken UTF-8 across two keys": _reply(_object("a/bad%E2%82") + _object("a/%AC%A9bad+too")
                                           + "<CommonPrefixes><Prefix>a/%F0%9F/</Prefix></CommonPrefixes>"),
    "no size, no date, no class": _reply("<Contents><Key>bare</Key></Contents>"),
    # A server that uses keys as tokens and writes a CR as XML must (a reference): the
    # rest of the reply, written again for botocore, must not make it a LF.
    "a CR in the token and the prefix": _reply(_object("k"), encoded=False, token="a&#13;b&#13;&#10;c",
                                               prefix="p&#13;/"),
    "no entries": _reply(""),
}  # fmt: skip


@pytest.mark.parametrize("body", SAME.values(), ids=SAME.keys())
def test_the_hook_reads_what_botocore_reads(body: bytes) -> None:
    columns, rest = _hooked(body)
    whole = _botocore(body)
    expected = listing.entry_columns(whole.get("Contents", []), whole.get("CommonPrefixes", []))
    assert columns[listing.COLUMNS_FIELD] == expected
    # botocore reads the rest as before: token, truncation, prefix, encoding...
    listed = ("Contents", "CommonPrefixes")
    assert rest == {name: value for name, value in whole.items() if name not in listed}


def test_restore_status_and_classes_become_archive_states() -> None:
    columns = _hooked(_reply("".join(AWS_ENTRIES)))[0][listing.COLUMNS_FIELD]
    states = {key: archive.state if archive else None
              for key, archive in zip(columns.keys, columns.archives, strict=True)}  # fmt: skip
    assert states["photos/cold"] is ArchiveState.RESTORING
    assert states["photos/thawed"] is ArchiveState.RESTORED
    assert states["photos/sealed"] is ArchiveState.ARCHIVED
    assert states["photos/2026/a b+c%.jpg"] is None


DECLINED = {
    "an element it does not know": _reply(_object("k", "<FutureField>1</FutureField>")),
    "two keys": _reply(_object("k", "<Key>other</Key>")),
    "a prefix entry with more": _reply("<CommonPrefixes><Prefix>p/</Prefix><Other/></CommonPrefixes>"),
    "a key holding elements": _reply(_object("<b>k</b>")),
    "a time without a zone": _reply(_object("k", modified="2026-12-04T06:35:33")),
    "a time as an HTTP date": _reply(_object("k", modified="Fri, 04 Dec 2026 06:35:33 GMT")),
    "a size that is no number": _reply(_object("k").replace("1234", "12.5")),
    "an odd restore status": _reply(_object("k", "<RestoreStatus><Tier>x</Tier></RestoreStatus>")),
    "an error in a 200": b"<Error><Code>InternalError</Code><Message>later</Message></Error>",
    "XML cut short": _reply(_object("k"))[:150],
    "not XML": b"\x00\x01",
    # botocore reads elements by their local names: these are its Contents.
    "children outside the root's namespace": _reply(_object("k"), **_PREFIXED_ROOT),
    "a root in no namespace, an entry in S3's": _reply(_object("k").replace("<Contents>", f"<Contents{_NS}>"),
                                                      namespace=""),
}  # fmt: skip


@pytest.mark.parametrize("body", DECLINED.values(), ids=DECLINED.keys())
def test_a_reply_it_does_not_know_is_left_whole_to_botocore(body: bytes) -> None:
    response = {"body": body, "headers": {}, "status_code": 200}
    columns: dict[str, Any] = {}
    with listing.reading_columns():
        listing_xml.read_columns(response_dict=response, customized_response_dict=columns)
    assert response["body"] is body and not columns


def test_only_list_page_and_only_200_replies_are_read() -> None:
    body = _reply(_object("k"))
    for asked, status in ((False, 200), (True, 500), (True, 206)):
        response = {"body": body, "headers": {}, "status_code": status}
        columns: dict[str, Any] = {}
        with listing.reading_columns() if asked else contextlib.nullcontext():
            listing_xml.read_columns(response_dict=response, customized_response_dict=columns)
        assert response["body"] is body and not columns
    assert not listing.columns_asked()  # the flag is put back on the way out


class _CannedListing(http.server.BaseHTTPRequestHandler):
    """Answers every GET with one ListObjectsV2 reply: an S3 clone's, as it stands."""

    body = _reply(_object("photos/a.jpg") + _object("photos/b.jpg"), **_PREFIXED_ROOT)

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def canned_endpoint() -> Iterator[str]:
    with serving(_CannedListing) as url:
        yield url


def _list_canned(endpoint: str) -> Any:
    """One page of ``photos/`` through botocore (and the hook) from the canned server."""
    settings = S3Settings(access_key_id="a", secret_access_key="b", endpoint_url=endpoint,
                          path_style=True)  # fmt: skip
    clients = ClientFactory(settings, pool_size=1, read_timeout=10)
    try:
        return listing.list_page(clients.client(), "b", "photos/", "/", None, 1000)
    finally:
        clients.close()


def test_a_listing_whose_entries_are_outside_the_roots_namespace_keeps_them(canned_endpoint: str) -> None:
    # The hook read no <Contents> of its root's namespace and gave an empty page, while
    # botocore (namespaces ignored) read two objects: a folder looked empty.
    page = _list_canned(canned_endpoint)
    assert [entry.key for entry in page.entries] == ["photos/a.jpg", "photos/b.jpg"]
    assert page.next_token == _TOKEN


@pytest.mark.parametrize("body", SAME.values(), ids=SAME.keys())
def test_a_reply_fed_to_expat_in_pieces_reads_as_it_reads_whole(body: bytes) -> None:
    # Pieces cut characters of several bytes, references and CDATA sections in two.
    whole = ElementTree.tostring(listing_xml._parse(body, piece=len(body)))
    for piece in (1, 2, 3, 7, 64):
        assert ElementTree.tostring(listing_xml._parse(body, piece=piece)) == whole


def test_a_listing_steps_aside_between_its_steps_while_the_table_paints(
    canned_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # While the table paints, each step waits for it (core.gui_turn): between botocore's
    # own steps of the call, between pieces of the body and between rows of the page.
    steps: list[str] = []
    monkeypatch.setattr(listing_xml, "step_aside", lambda: steps.append("step"))
    body = _reply("".join(_object(f"photos/{n:04}") for n in range(450)))
    monkeypatch.setattr(_CannedListing, "body", body)
    page = _list_canned(canned_endpoint)
    assert len(page.entries) == 450
    pieces = -(-len(body) // listing_xml.FEED_BYTES)
    row_steps = -(-450 // listing_xml.ROWS_PER_STEP)
    botocore_steps = 3  # before-send, response-received, after-call
    assert len(steps) >= pieces + row_steps + botocore_steps
