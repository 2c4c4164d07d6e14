"""Azure-only behaviour on Azurite: metadata rules, content settings, tiers, copy, website."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
from collections.abc import Iterator

import pytest

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, InvalidMetadata, InvalidName, NotFound, RangeNotHonored
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import WebsiteConfig
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import sending
from tests.servers.canned import serving

# -- metadata rules, checked before sending ---------------------------------------------------

BAD_METADATA = [
    ({"content-owner": "x"}, "C# identifiers"),
    ({"1st": "x"}, "C# identifiers"),
    ({"has space": "x"}, "C# identifiers"),
    ({"naïve": "x"}, "C# identifiers"),
    ({"owner": "Zoë"}, "printable ASCII"),
    ({"owner": "line\nbreak"}, "printable ASCII"),
    ({"Owner": "a", "owner": "b"}, "differ only by case"),
    ({"big": "x" * 8200}, "8 KiB"),
]


@pytest.mark.parametrize(("metadata", "rule"), BAD_METADATA)
def test_bad_metadata_is_refused_before_sending(
    azure: AzureProvider, azure_box: str, metadata: dict[str, str], rule: str
) -> None:
    with pytest.raises(InvalidMetadata, match=rule):
        sending.upload_bytes(azure, azure_box, "m.txt", b"x", metadata=metadata)
    with pytest.raises(NotFound):  # nothing reached the server
        azure.stat(azure_box, "m.txt")
    sending.upload_bytes(azure, azure_box, "m.txt", b"x")
    with pytest.raises(InvalidMetadata, match=rule):
        azure.set_metadata(azure_box, "m.txt", metadata)
    with pytest.raises(InvalidMetadata, match=rule):
        azure.start_multipart(azure_box, "m.txt", part_size=azure.min_part_size, metadata=metadata)


def test_metadata_keeps_key_case_and_underscores(azure: AzureProvider, azure_box: str) -> None:
    metadata = {"Project_Name": "alpha", "_private": "1", "v2": ""}
    sending.upload_bytes(azure, azure_box, "case.txt", b"x", metadata=metadata)
    assert dict(azure.stat(azure_box, "case.txt").metadata) == metadata


# -- content settings are kept when something else changes ---------------------------------


def _content_settings(azure: AzureProvider, azure_box: str, key: str):
    return azure.service.get_blob_client(azure_box, key).get_blob_properties().content_settings


def test_set_metadata_with_content_type_keeps_other_settings(azure: AzureProvider, azure_box: str) -> None:
    body = b"<p>hello</p>"
    sending.upload_bytes(azure, azure_box, "page.html", body, metadata={"a": "1"})
    azure.set_http_headers(azure_box, "page.html", cache_control="max-age=60", content_disposition="inline")
    azure.set_metadata(azure_box, "page.html", {"b": "2"}, content_type="text/html; charset=utf-8")
    settings = _content_settings(azure, azure_box, "page.html")
    assert settings.content_type == "text/html; charset=utf-8"
    assert (settings.cache_control, settings.content_disposition) == ("max-age=60", "inline")
    assert bytes(settings.content_md5) == hashlib.md5(body).digest()  # not wiped by Set Blob Properties
    assert dict(azure.stat(azure_box, "page.html").metadata) == {"b": "2"}


def test_set_http_headers_changes_only_what_is_asked(azure: AzureProvider, azure_box: str) -> None:
    sending.upload_bytes(azure, azure_box, "a.css", b"body{}", metadata={"keep": "me"})
    assert _content_settings(azure, azure_box, "a.css").content_type == "text/css"  # guessed from the name
    azure.set_http_headers(azure_box, "a.css", content_encoding="identity")
    settings = _content_settings(azure, azure_box, "a.css")
    assert (settings.content_type, settings.content_encoding) == ("text/css", "identity")
    assert dict(azure.stat(azure_box, "a.css").metadata) == {"keep": "me"}
    with pytest.raises(ValueError, match="not content settings"):
        azure.set_http_headers(azure_box, "a.css", content_md5="x")


# -- listing carries what the service gives for free ------------------------------------------


def test_listing_entries_carry_content_type_etag_and_tier(azure: AzureProvider, azure_box: str) -> None:
    sending.upload_bytes(azure, azure_box, "t.json", b"{}", content_type="application/json")
    (entry,) = azure.list_page(azure_box).entries
    assert (entry.key, entry.size, entry.content_type) == ("t.json", 2, "application/json")
    assert entry.etag and not entry.etag.startswith('"')
    assert entry.modified is not None and entry.modified.tzinfo is not None
    assert entry.storage_class == "Hot"


def test_set_tier(azure: AzureProvider, azure_box: str) -> None:
    sending.upload_bytes(azure, azure_box, "cold.bin", b"x")
    assert azure.set_storage_class(azure_box, "cold.bin", "cool").info.storage_class == "Cool"
    assert azure.stat(azure_box, "cold.bin").storage_class == "Cool"
    with pytest.raises(Exception, match="not an access tier"):
        azure.set_storage_class(azure_box, "cold.bin", "glacier")


# -- copy ---------------------------------------------------------------------------------------


def test_copy_with_new_metadata_and_content_type(azure: AzureProvider, azure_box: str) -> None:
    sending.upload_bytes(azure, azure_box, "src.txt", b"copied", content_type="text/plain",
                         metadata={"old": "1"})
    azure.set_http_headers(azure_box, "src.txt", cache_control="no-cache")
    info = azure.copy_object(azure_box, "src.txt", azure_box, "dst.dat", metadata={"new": "2"},
                             content_type="application/x-copied")  # fmt: skip
    assert (info.content_type, dict(info.metadata)) == ("application/x-copied", {"new": "2"})
    assert _content_settings(azure, azure_box, "dst.dat").cache_control == "no-cache"
    assert azure.read(azure_box, "dst.dat") == b"copied"
    with pytest.raises(NotFound):
        azure.copy_object(azure_box, "missing", azure_box, "nothing")


# -- containers and deletes ---------------------------------------------------------------------


def test_batch_delete_ignores_missing_blobs(azure: AzureProvider, azure_box: str) -> None:
    for key in ("a", "b", "odd name +%.txt"):
        sending.upload_bytes(azure, azure_box, key, b"x")
    assert azure.delete_objects(azure_box, ["a", "missing", "odd name +%.txt", "b"]) == {}
    assert azure.list_page(azure_box).entries == []


def test_invalid_container_name_quotes_the_rule(azure: AzureProvider) -> None:
    with pytest.raises(InvalidName, match="hyphen"):
        azure.create_container("no--double")


# -- reads --------------------------------------------------------------------------------------


def test_cancel_stops_a_read_between_chunks(azure: AzureProvider, azure_box: str) -> None:
    sending.upload_bytes(azure, azure_box, "long.bin", b"r" * (9 * 1024 * 1024))  # three SDK chunks of 4 MiB
    token = CancelToken()
    chunks = azure.iter_read(azure_box, "long.bin", cancel=token)
    first = next(chunks)
    assert first
    token.cancel()
    with pytest.raises(Cancelled):
        next(chunks)


def test_ranged_read_of_a_large_blob_spans_chunks(azure: AzureProvider, azure_box: str) -> None:
    data = bytes(range(256)) * (40 * 1024)  # 10 MiB
    sending.upload_bytes(azure, azure_box, "span.bin", data)
    wanted = ByteRange(3 * 1024 * 1024 + 5, 9 * 1024 * 1024 - 7)
    assert azure.read(azure_box, "span.bin", wanted) == data[wanted.start : wanted.end]
    assert azure.read(azure_box, "span.bin", ByteRange(-5000, -10)) == data[-5000:-10]


class _RangeIgnoringHandler(http.server.BaseHTTPRequestHandler):
    """A server that answers every GET with the whole body and 200: ranges ignored."""

    body = b"0123456789" * 10

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("ETag", '"0x1"')
        self.send_header("Last-Modified", "Sun, 22 Nov 2026 00:00:00 GMT")
        self.send_header("x-ms-blob-type", "BlockBlob")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def range_ignoring_endpoint() -> Iterator[str]:
    with serving(_RangeIgnoringHandler) as url:
        yield f"{url}/devstoreaccount1"


def test_a_server_ignoring_ranges_is_caught(range_ignoring_endpoint: str) -> None:
    provider = open_provider(
        "azure", {"sas_token": "sv=2024-01-01&sig=x", "blob_endpoint": range_ignoring_endpoint}
    )
    assert isinstance(provider, AzureProvider)
    provider._service = provider._connection.build()  # no connect(): this server only serves GETs
    with pytest.raises(RangeNotHonored, match="ignored the byte range"):
        provider.read("box", "blob", ByteRange(10, 20))


# -- static website -----------------------------------------------------------------------------


@pytest.fixture
def web(azure: AzureProvider) -> Iterator[AzureProvider]:
    """Static website is account-wide: leave it off for the rest of the session."""
    from storebrowser.providers.azure.website import disable_website

    yield azure
    disable_website(azure.service)
    with contextlib.suppress(NotFound):
        azure.delete_container("$web", force=True)


def test_static_website_setting_round_trips_and_web_takes_uploads(web: AzureProvider) -> None:
    # Azurite stores the setting and the $web container but does not serve the site (there is
    # no web endpoint in the emulator), so the test stops at the setting and the upload.
    assert web.capabilities.static_website
    config = web.set_website("$web", WebsiteConfig("home.html", "missing.html"))
    assert config == WebsiteConfig("home.html", "missing.html", url=None)
    assert web.get_website("$web") == WebsiteConfig("home.html", "missing.html", url=None)
    sending.upload_bytes(web, "$web", "home.html", b"<h1>hi</h1>", content_type="text/html")
    assert web.read("$web", "home.html") == b"<h1>hi</h1>"
    assert web.get_website("photos") is None
    with pytest.raises(InvalidName, match=r"\$web"):
        web.set_website("photos", WebsiteConfig())


def test_get_http_headers_reads_what_set_http_headers_wrote(azure: AzureProvider, azure_box: str) -> None:
    sending.upload_bytes(azure, azure_box, "h.txt", b"x", content_type="text/plain")
    azure.set_http_headers(azure_box, "h.txt", content_disposition='attachment; filename="h.txt"')
    assert azure.get_http_headers(azure_box, "h.txt") == {
        "cache_control": None,
        "content_disposition": 'attachment; filename="h.txt"',
        "content_encoding": None,
        "content_language": None,
        "content_type": "text/plain",
    }


def test_per_blob_delete_when_batches_are_refused(azure: AzureProvider, azure_box: str) -> None:
    # Azurite takes Blob Batch; this walks the per-blob path an endpoint without it gets.
    for key in ("one", "two"):
        sending.upload_bytes(azure, azure_box, key, b"x")
    azure._batch.refuse()
    assert azure.delete_objects(azure_box, ["one", "gone", "two"]) == {}
    assert azure.list_page(azure_box).entries == []
    assert azure._batch.supported is False
