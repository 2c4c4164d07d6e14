"""The same contract, checked against every provider on its real server.

Tests skip by capability, never by provider name: a capability that is off must make
the matching call raise ``Unsupported`` (checked at the end).
"""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta

import pytest

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import (
    AlreadyExists,
    Cancelled,
    InvalidName,
    NotEmpty,
    NotFound,
    Unsupported,
)
from storebrowser.core.listing import iter_objects, iter_pages
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import WebsiteConfig
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from tests.providers.conftest import unique_container_name

DIGITS = b"0123456789"


def need(provider: Provider, capability: str) -> None:
    if not getattr(provider.capabilities, capability):
        pytest.skip(f"{provider.kind} has no {capability}")


class _Pipe(io.RawIOBase):
    """A non-seekable stream of unknown length, like a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(min(size, 1000) if size and size > 0 else 1000)


# -- containers -----------------------------------------------------------------------


def test_create_list_and_delete_container(provider: Provider) -> None:
    name = unique_container_name()
    provider.create_container(name)
    try:
        assert name in [c.name for c in provider.list_containers()]
        with pytest.raises(AlreadyExists):
            provider.create_container(name)
        assert provider.ensure_container(name) is False
    finally:
        provider.delete_container(name)
    assert name not in [c.name for c in provider.list_containers()]


def test_ensure_container_creates_when_missing(provider: Provider) -> None:
    name = unique_container_name()
    assert provider.ensure_container(name) is True
    provider.delete_container(name)


def test_invalid_container_name_is_refused_before_sending(provider: Provider) -> None:
    with pytest.raises(InvalidName, match="container name"):
        provider.create_container("Bad/Name")
    assert "Bad/Name" not in [c.name for c in provider.list_containers()]


def test_delete_non_empty_container_needs_force(provider: Provider, container: str) -> None:
    sending.upload_bytes(provider, container, "keep/me.txt", b"x")
    with pytest.raises(NotEmpty):
        provider.delete_container(container)
    assert provider.read(container, "keep/me.txt") == b"x"
    provider.delete_container(container, force=True)
    assert container not in [c.name for c in provider.list_containers()]


# -- upload, stat, metadata ------------------------------------------------------------


def test_upload_with_metadata_and_content_type(provider: Provider, container: str) -> None:
    need(provider, "user_metadata")
    need(provider, "content_type")
    metadata = {"owner": "qa", "color": "blue"}
    info = sending.upload_bytes(provider,
        container, "docs/report.txt", b"hello", content_type="text/plain", metadata=metadata
    )
    assert info.key == "docs/report.txt"
    stat = provider.stat(container, "docs/report.txt")
    assert stat.size == 5
    assert stat.content_type == "text/plain"
    assert dict(stat.metadata) == metadata
    assert provider.read(container, "docs/report.txt") == b"hello"


def test_a_small_upload_says_what_a_stat_says(provider: Provider, container: str) -> None:
    """The ``ObjectInfo`` a one-request upload returns (built from the PUT's answer where
    it can, sparing a HEAD per object) agrees with a ``stat`` on what it says."""
    metadata = {"owner": "qa"} if provider.capabilities.user_metadata else None
    info = provider.put_object(container, "said.txt", io.BytesIO(DIGITS), size=len(DIGITS),
                               content_type="text/plain", metadata=metadata)  # fmt: skip
    stat = provider.stat(container, "said.txt")
    assert (info.key, info.size, info.etag) == ("said.txt", 10, stat.etag)
    assert info.content_type == stat.content_type
    assert dict(info.metadata) == dict(stat.metadata)
    assert info.content_md5 in (None, stat.content_md5)
    assert info.modified is None or info.modified == stat.modified


def test_stat(provider: Provider, container: str) -> None:
    sending.upload_bytes(provider, container, "s.bin", DIGITS)
    info = provider.stat(container, "s.bin")
    assert (info.key, info.size, info.is_prefix) == ("s.bin", 10, False)
    assert info.etag
    assert info.modified is not None and info.modified.tzinfo is not None


def test_content_md5_is_the_content_s_or_unknown(provider: Provider, container: str) -> None:
    """A provider may not know the MD5, but what it vouches for is right (downloads fail
    on a mismatch). Which providers must know it: their own tests."""
    sending.upload_bytes(provider, container, "m.bin", DIGITS)
    right = hashlib.md5(DIGITS).hexdigest()
    assert provider.stat(container, "m.bin").content_md5 in (None, right)
    listed = next(e for e in iter_objects(provider, container) if e.key == "m.bin")
    assert listed.content_md5 in (None, right)


def test_upload_stream_of_unknown_length(provider: Provider, container: str) -> None:
    data = bytes(range(256)) * 50
    sending.upload(provider, container, "piped.bin", _Pipe(data), size=None)
    assert provider.read(container, "piped.bin") == data


def test_upload_reports_progress_summing_to_size(provider: Provider, container: str) -> None:
    data = b"p" * 300_000
    deltas: list[int] = []
    sending.upload(provider, container, "progress.bin", io.BytesIO(data), size=len(data),
                   progress=deltas.append)
    assert sum(deltas) == len(data)


def test_cancelled_upload_stores_nothing(provider: Provider, container: str) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        sending.upload(provider, container, "never.bin", io.BytesIO(b"x" * 1000), size=1000, cancel=token)
    with pytest.raises(NotFound):
        provider.stat(container, "never.bin")


def test_set_metadata_replaces_user_metadata_and_keeps_content(provider: Provider, container: str) -> None:
    need(provider, "user_metadata")
    sending.upload_bytes(provider,
        container, "m.txt", b"body", content_type="text/plain", metadata={"a": "1", "b": "2"}
    )
    provider.set_metadata(container, "m.txt", {"b": "3", "c": "4"})
    info = provider.stat(container, "m.txt")
    assert dict(info.metadata) == {"b": "3", "c": "4"}
    assert info.content_type == "text/plain"
    assert provider.read(container, "m.txt") == b"body"


def test_multipart_upload_round_trips(
    provider: Provider, container: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    need(provider, "multipart")
    part = provider.min_part_size
    monkeypatch.setattr(provider, "multipart_threshold", part)
    monkeypatch.setattr(provider, "part_size", part)
    data = bytes(range(251)) * ((2 * part + 12345) // 251)  # three parts, the last short
    sending.upload(provider,
        container,
        "big.bin",
        io.BytesIO(data),
        size=len(data),
        metadata={"k": "v"} if provider.capabilities.user_metadata else None,
    )
    stat = provider.stat(container, "big.bin")
    assert stat.size == len(data)
    assert stat.content_md5 in (None, hashlib.md5(data).hexdigest())
    assert provider.read(container, "big.bin") == data


# -- listing ----------------------------------------------------------------------------

FIVE = ["a.txt", "dir1/x", "dir1/y", "dir2/z", "e.txt"]


@pytest.fixture
def five(provider: Provider, container: str) -> str:
    for key in FIVE:
        sending.upload_bytes(provider, container, key, key.encode())
    return container


def test_paged_listing_with_delimiter_returns_each_folder_once(provider: Provider, five: str) -> None:
    pages = list(iter_pages(provider, five, "", "/", page_size=2))
    assert all(len(page.entries) <= 2 for page in pages)
    entries = [entry for page in pages for entry in page.entries]
    assert [e.key for e in entries] == ["a.txt", "dir1/", "dir2/", "e.txt"]
    assert [e.is_prefix for e in entries] == [False, True, True, False]


def test_paged_flat_listing(provider: Provider, five: str) -> None:
    keys = [e.key for e in iter_objects(provider, five, page_size=2)]
    assert keys == FIVE


def test_listing_with_prefix(provider: Provider, five: str) -> None:
    assert [e.key for e in iter_objects(provider, five, "dir1/", "/")] == ["dir1/x", "dir1/y"]
    assert [e.key for e in iter_objects(provider, five, "dir", "/")] == ["dir1/", "dir2/"]
    assert [e.key for e in iter_objects(provider, five, "dir", None)] == ["dir1/x", "dir1/y", "dir2/z"]
    assert list(iter_objects(provider, five, "nothing-here/", "/")) == []


def test_listing_entries_carry_size(provider: Provider, five: str) -> None:
    sizes = {e.key: e.size for e in iter_objects(provider, five)}
    assert sizes == {key: len(key) for key in FIVE}


# -- ranges -----------------------------------------------------------------------------

RANGES = [
    (0, 1),
    (0, 2),
    (5, 6),
    (5, 10),
    (5, None),
    (0, None),
    (-3, None),
    (8, 20),
    (10, None),
    (20, 30),
    (3, 3),
    (7, 2),
    (2, -2),
    (-20, None),
    (-4, -1),
]


@pytest.fixture
def digits(provider: Provider, container: str) -> str:
    sending.upload_bytes(provider, container, "digits.txt", DIGITS)
    return container


@pytest.mark.parametrize(("start", "end"), RANGES)
def test_read_range_has_slice_semantics(provider: Provider, digits: str, start: int, end: int | None) -> None:
    need(provider, "ranged_read")
    assert provider.read(digits, "digits.txt", ByteRange(start, end)) == DIGITS[start:end]


def test_read_ranges_of_an_empty_object(provider: Provider, container: str) -> None:
    sending.upload_bytes(provider, container, "empty", b"")
    assert provider.stat(container, "empty").size == 0
    assert provider.read(container, "empty") == b""
    assert provider.read(container, "empty", ByteRange(0, 5)) == b""
    assert provider.read(container, "empty", ByteRange(-5)) == b""


# -- delete, copy, odd keys, not found ---------------------------------------------------


def test_delete_object(provider: Provider, container: str) -> None:
    sending.upload_bytes(provider, container, "gone.txt", b"x")
    sending.upload_bytes(provider, container, "stays.txt", b"y")
    provider.delete_object(container, "gone.txt")
    with pytest.raises(NotFound):
        provider.stat(container, "gone.txt")
    provider.delete_object(container, "gone.txt")  # deleting a missing object is fine
    assert [e.key for e in iter_objects(provider, container)] == ["stays.txt"]


def test_delete_objects_in_batch(provider: Provider, container: str) -> None:
    keys = [f"batch/{i:03}" for i in range(12)]
    for key in keys:
        sending.upload_bytes(provider, container, key, b"x")
    sending.upload_bytes(provider, container, "other", b"y")
    assert provider.delete_objects(container, keys) == {}
    assert [e.key for e in iter_objects(provider, container)] == ["other"]


def test_server_side_copy_keeps_content_and_metadata(provider: Provider, container: str) -> None:
    need(provider, "server_side_copy")
    metadata = {"origin": "here"} if provider.capabilities.user_metadata else None
    sending.upload_bytes(provider, container, "src/file.txt", b"copy me", content_type="text/plain",
                         metadata=metadata)
    target = unique_container_name()
    provider.create_container(target)
    try:
        provider.copy_object(container, "src/file.txt", target, "dst/file.txt")
        assert provider.read(target, "dst/file.txt") == b"copy me"
        if metadata:
            assert dict(provider.stat(target, "dst/file.txt").metadata) == metadata
        provider.copy_object(container, "src/file.txt", container, "same.txt")
        assert provider.read(container, "same.txt") == b"copy me"
    finally:
        provider.delete_container(target, force=True)


ODD_KEYS = [
    "with space.txt",
    "ünïcødé/文件.txt",
    "100%.txt",
    "a+b.txt",
    "what?.txt",
    "hash#tag.txt",
    "semi;colon&amp=eq.txt",
    "folder/",
]


@pytest.mark.parametrize("key", ODD_KEYS)
def test_odd_keys_round_trip(provider: Provider, container: str, key: str) -> None:
    data = b"" if key.endswith("/") else key.encode()
    sending.upload_bytes(provider, container, key, data)
    assert provider.stat(container, key).size == len(data)
    assert provider.read(container, key) == data
    assert key in [e.key for e in iter_objects(provider, container)]
    provider.delete_object(container, key)
    with pytest.raises(NotFound):
        provider.stat(container, key)


def test_folder_marker_lists_as_folder_and_as_object_inside(provider: Provider, container: str) -> None:
    sending.upload_bytes(provider, container, "empty-folder/", b"")
    top = list(iter_objects(provider, container, "", "/"))
    assert [(e.key, e.is_prefix) for e in top] == [("empty-folder/", True)]
    inside = list(iter_objects(provider, container, "empty-folder/", "/"))
    assert [(e.key, e.is_prefix, e.size) for e in inside] == [("empty-folder/", False, 0)]


def test_missing_things_raise_not_found(provider: Provider, container: str) -> None:
    with pytest.raises(NotFound):
        provider.stat(container, "missing")
    with pytest.raises(NotFound):
        provider.read(container, "missing")
    with pytest.raises(NotFound):
        provider.read(container, "missing", ByteRange(0, 2))
    missing = unique_container_name()
    with pytest.raises(NotFound):
        provider.list_page(missing)
    with pytest.raises(NotFound):
        provider.stat(missing, "x")
    with pytest.raises(NotFound):
        provider.delete_container(missing)


# -- capabilities agree with behaviour --------------------------------------------------


def test_capabilities_that_are_off_raise_unsupported(provider: Provider, container: str) -> None:
    caps = provider.capabilities
    sending.upload_bytes(provider, container, "k", b"v")
    calls = {
        "server_side_copy": lambda: provider.copy_object(container, "k", container, "k2"),
        "user_metadata": lambda: provider.set_metadata(container, "k", {"a": "b"}),
        "presigned_urls": lambda: provider.share_url(container, "k", expires_in=timedelta(minutes=5)),
        "static_website": lambda: provider.set_website(container, WebsiteConfig("index.html")),
        "multipart": lambda: provider.start_multipart(container, "k", part_size=provider.min_part_size),
    }
    for capability, call in calls.items():
        if not getattr(caps, capability):
            with pytest.raises(Unsupported):
                call()


def test_object_url_names_the_object_and_opens_where_public(provider: Provider, container: str) -> None:
    import urllib.parse
    import urllib.request

    key = "a b/c+d%e.txt"
    sending.upload_bytes(provider, container, key, b"public?")
    url = provider.object_url(container, key)
    parts = urllib.parse.urlsplit(url)
    assert urllib.parse.unquote(parts.path).endswith(f"{container}/{key}")
    assert not parts.query  # never a signature or a SAS
    if parts.scheme == "file":
        with urllib.request.urlopen(url) as reply:  # the local file itself
            assert reply.read() == b"public?"
    else:
        assert parts.hostname == "127.0.0.1"
