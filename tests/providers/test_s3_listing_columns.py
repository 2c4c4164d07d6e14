"""ListObjectsV2 pages read by ``listing_xml``'s hook (expat, straight into columns) are
the pages botocore's own parse gives, on the real servers (Swift's s3api, moto), for
hostile keys and every kind of listing request; and a reply the hook does not know is left
to botocore whole.

The reference is a client of the same account without the hook: the same requests, parsed
by botocore and converted by ``listing.entry_columns`` as before the hook existed. The
keys listed are also compared with the keys written, so both parses being wrong the same
way would show.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from typing import Any

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.core.types import EntryColumns, LazyEntries
from storebrowser.providers.registry import open_provider
from storebrowser.providers.s3 import listing
from storebrowser.providers.s3.client import ClientFactory, S3Settings
from storebrowser.providers.s3.provider import S3Provider
from tests.hostile.keys import stored
from tests.providers.backends import s3_moto_settings, s3_swift_settings
from tests.providers.conftest import unique_container_name

#: Beside the hostile keys of tests/hostile (dot segments, control characters, NFC/NFD,
#: bidi, 252 levels deep...): what URL decoding and XML escaping could get wrong.
EXTRA_KEYS = [
    "x/a b.txt",
    "x/100%",
    "x/100%25",  # decoded twice, this would be "x/100%"
    "x/%41",  # and this "x/A"
    "x/a+b",  # a '+' the server must send as %2B ('+' decodes to a space)
    "x/+",
    "x/a&b<c>\"'.txt",
    "x/cdata]]>end",
    "x/folder/",
    "x/folder/inside",
    "x/ctl\x01\x02\x1f.txt",
    "x/tab\tand\rcr",
    "x/trailing space ",
    "x/\u00e9t\u00e9/nfc",
    "x/e\u0301te\u0301/nfd",
    "x/smile\U0001f600",
    "x/a/b/c/d/e/f/g/h/i/j/k/deep.txt",
]

#: (prefix, delimiter, start after, page size): every request shape list_page makes.
REQUESTS = [
    ("", None, None, 1000),
    ("", "/", None, 1000),
    ("h/", "/", None, 1000),
    ("x/", "/", None, 1),
    ("x/", None, None, 4),
    ("x/", None, "x/a", 1000),
    ("x/", "/", "x/cdata]]>end", 3),
    ("h/caf", None, None, 1000),
    ("x/100%", None, None, 1000),
    ("x/a+", None, None, 1000),
    ("x/folder/", "/", None, 1000),
    ("x/a/", "/", None, 1000),
    ("nothing-here/", "/", None, 1000),
]


@dataclass
class Seeded:
    name: str
    provider: S3Provider
    fast: Any  # the provider's own client (the hook installed)
    botocore: Any  # a client without the hook
    bucket: str
    keys: list[str]


def _without_hook(settings: dict[str, Any]) -> Any:
    client = ClientFactory(S3Settings.from_mapping(settings), pool_size=2, read_timeout=30).client()
    client.meta.events.unregister("before-parse.s3.ListObjectsV2", unique_id="storebrowser-listing-columns")
    return client


@pytest.fixture(scope="module", params=["s3_swift", "s3_moto"])
def seeded(request: pytest.FixtureRequest) -> Iterator[Seeded]:
    """A bucket holding every hostile key (its text as content), written once per backend."""
    if request.param == "s3_swift":
        settings = s3_swift_settings(request.getfixturevalue("swift_server"))
    else:
        settings = s3_moto_settings(request.getfixturevalue("moto_server"))
    provider = open_provider("s3", settings)
    assert isinstance(provider, S3Provider)
    provider.connect()
    bucket = unique_container_name()
    provider.create_container(bucket)
    keys = [hostile.key for hostile in stored(request.param)] + EXTRA_KEYS
    fast = provider._client
    for key in keys:
        fast.put_object(Bucket=bucket, Key=key, Body=key.encode())
    yield Seeded(request.param, provider, fast, _without_hook(settings), bucket, keys)
    with contextlib.suppress(NotFound):
        provider.delete_container(bucket, force=True)
    provider.close()


def _pages(client: Any, bucket: str, prefix: str, delimiter: str | None, after: str | None,
           size: int) -> list[tuple[EntryColumns, bool]]:  # fmt: skip
    """Every page of the listing through ``list_page``: its columns, and whether it says more."""
    token = listing.START_AFTER + after if after else None
    pages = []
    while True:
        page = listing.list_page(client, bucket, prefix, delimiter, token, size)
        assert isinstance(page.entries, LazyEntries)
        pages.append((page.entries.columns(), page.next_token is not None))
        if page.next_token is None:
            return pages
        token = page.next_token


@pytest.mark.parametrize(("prefix", "delimiter", "after", "size"), REQUESTS)
def test_pages_read_by_the_hook_are_botocores(
    seeded: Seeded, prefix: str, delimiter: str | None, after: str | None, size: int
) -> None:
    fast = _pages(seeded.fast, seeded.bucket, prefix, delimiter, after, size)
    assert fast == _pages(seeded.botocore, seeded.bucket, prefix, delimiter, after, size)
    # And what botocore would have said is what is stored (both could be wrong alike).
    keys = [key for columns, _ in fast for key in columns.keys]
    if delimiter is None:
        assert keys == sorted(key for key in seeded.keys if key > (after or "") and key.startswith(prefix))


def test_the_hook_reads_every_reply_of_these_listings(seeded: Seeded) -> None:
    """What the comparison above compares is the hook's work, not botocore's twice."""
    for prefix, delimiter, after, size in REQUESTS:
        params: dict[str, Any] = {"Bucket": seeded.bucket, "Prefix": prefix, "MaxKeys": size}
        params |= {"Delimiter": delimiter} if delimiter else {}
        params |= {"StartAfter": after} if after else {}
        with listing.reading_columns():
            reply = seeded.fast.list_objects_v2(**params)
        assert listing.COLUMNS_FIELD in reply, (prefix, delimiter, after, size)
        assert "Contents" not in reply and "CommonPrefixes" not in reply
        assert reply["KeyCount"] == len(reply[listing.COLUMNS_FIELD].keys)


def test_every_listed_key_is_the_key_written_with_its_size(seeded: Seeded) -> None:
    (columns, more), *rest = _pages(seeded.fast, seeded.bucket, "", None, None, 1000)
    assert not rest and not more
    written = {key: len(key.encode()) for key in seeded.keys}
    assert dict(zip(columns.keys, columns.sizes, strict=True)) == written
    assert all(modified is not None and modified.utcoffset() is not None for modified in columns.modified)
    assert all(etag and '"' not in etag for etag in columns.etags)


def test_other_calls_on_the_client_are_left_alone(seeded: Seeded) -> None:
    """A paginator on the provider's client (outside ``reading_columns``) gets botocore's
    dicts, decoded once."""
    pages = seeded.fast.get_paginator("list_objects_v2").paginate(Bucket=seeded.bucket, Prefix="x/")
    listed = [item["Key"] for page in pages for item in page.get("Contents", [])]
    assert listed == sorted(key for key in seeded.keys if key.startswith("x/"))


# -- replies the hook does not know: botocore reads them whole ------------------------------


Rewrite = Callable[[bytes], bytes]


@contextlib.contextmanager
def _rewritten(client: Any, rewrite: Rewrite) -> Iterator[None]:
    """The server's replies changed before any parser sees them (a handler run first)."""

    def change(response_dict: dict[str, Any], **_: Any) -> None:
        if response_dict["status_code"] == 200:
            response_dict["body"] = rewrite(response_dict["body"])

    client.meta.events.register_first("before-parse.s3.ListObjectsV2", change, unique_id="test-rewrite")
    try:
        yield
    finally:
        client.meta.events.unregister("before-parse.s3.ListObjectsV2", unique_id="test-rewrite")


def _unknown_element(body: bytes) -> bytes:
    return body.replace(b"</Key>", b"</Key><FutureField>1</FutureField>")


def _http_dates(body: bytes) -> bytes:
    """LastModified as an HTTP date, which botocore's dateutil reads and ISO 8601 does not."""

    def http_date(match: re.Match[bytes]) -> bytes:
        when = datetime.fromisoformat(match[1].decode())
        return b"<LastModified>" + format_datetime(when, usegmt=True).encode() + b"<"

    return re.sub(rb"<LastModified>([^<]+)<", http_date, body)


@pytest.mark.parametrize("rewrite", [_unknown_element, _http_dates], ids=["unknown element", "HTTP dates"])
def test_a_reply_the_hook_does_not_know_is_botocores_whole(seeded: Seeded, rewrite: Rewrite) -> None:
    with _rewritten(seeded.fast, rewrite), _rewritten(seeded.botocore, rewrite):
        with listing.reading_columns():
            reply = seeded.fast.list_objects_v2(Bucket=seeded.bucket, Prefix="x/")
        assert listing.COLUMNS_FIELD not in reply and reply["Contents"]
        for request in REQUESTS[3:6]:
            fast = _pages(seeded.fast, seeded.bucket, *request)
            assert fast == _pages(seeded.botocore, seeded.bucket, *request)


def test_a_reply_that_does_not_parse_fails_as_botocore_fails(seeded: Seeded) -> None:
    with _rewritten(seeded.fast, lambda body: body[: len(body) // 2]), pytest.raises(Exception) as fast:
        listing.list_page(seeded.fast, seeded.bucket, "x/", None, None, 1000)
    with _rewritten(seeded.botocore, lambda body: body[: len(body) // 2]), pytest.raises(Exception) as slow:
        listing.list_page(seeded.botocore, seeded.bucket, "x/", None, None, 1000)
    assert type(fast.value) is type(slow.value) and str(fast.value) == str(slow.value)


def test_archived_objects_are_said_so_on_either_path(request: pytest.FixtureRequest) -> None:
    """moto ignores ``OptionalObjectAttributes``: its archive class alone says "archived"."""
    settings = s3_moto_settings(request.getfixturevalue("moto_server"))
    provider = open_provider("s3", settings)
    assert isinstance(provider, S3Provider)
    bucket = unique_container_name()
    provider.create_container(bucket)
    try:
        sdk: Any = provider._client
        for key, storage_class in (("cold", "GLACIER"), ("deep", "DEEP_ARCHIVE"), ("warm", "STANDARD_IA")):
            sdk.put_object(Bucket=bucket, Key=key, Body=b"x", StorageClass=storage_class)
        pages = [listing.list_page(client, bucket, "", None, None, 1000, restore_status=True)
                 for client in (provider._client, _without_hook(settings))]  # fmt: skip
        fast, slow = (page.entries for page in pages)
        assert isinstance(fast, LazyEntries) and isinstance(slow, LazyEntries)
        assert fast.columns() == slow.columns()
        assert [entry.archive is not None for entry in fast] == [True, True, False]
        assert fast.columns().storage_classes == ("GLACIER", "DEEP_ARCHIVE", "STANDARD_IA")
    finally:
        provider.delete_container(bucket, force=True)
        provider.close()
