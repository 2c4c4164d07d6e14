"""Swift-only behaviour, against the Swift all-in-one: SLO, metadata POST, temp URLs,
staticweb, sign-in. Plain HTTP checks use urllib, never swiftclient."""

from __future__ import annotations

import contextlib
import hashlib
import io
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import (
    AuthFailed,
    Cancelled,
    ChecksumMismatch,
    InvalidMetadata,
    InvalidName,
    NotFound,
    Unsupported,
)
from storebrowser.core.listing import iter_objects
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import WebsiteConfig
from storebrowser.providers.base import MiB
from storebrowser.providers.registry import open_provider
from storebrowser.providers.swift.errors import TempUrlKeyMissing
from storebrowser.providers.swift.provider import SwiftProvider
from storebrowser.providers.swift.slo import segment_container_of
from storebrowser.transfers import sending
from tests.providers.conftest import unique_container_name

DATA = bytes(range(251)) * ((2 * MiB + 4321) // 251)  # three 1 MiB segments, the last short


@pytest.fixture
def swift(swift_provider: SwiftProvider, monkeypatch: pytest.MonkeyPatch) -> SwiftProvider:
    monkeypatch.setattr(swift_provider, "multipart_threshold", MiB)
    monkeypatch.setattr(swift_provider, "part_size", MiB)
    return swift_provider


@pytest.fixture
def box(swift: SwiftProvider) -> Iterator[str]:
    name = unique_container_name()
    swift.create_container(name)
    yield name
    for doomed in (name, segment_container_of(name)):
        with contextlib.suppress(NotFound):
            swift.delete_container(doomed, force=True)


def segments(swift: SwiftProvider, container: str) -> list[str]:
    try:
        return [e.key for e in iter_objects(swift, segment_container_of(container))]
    except NotFound:
        return []


def raw(swift: SwiftProvider, func: Any) -> Any:
    """Run a swiftclient call directly, to set up or check what our API does not show."""
    return swift.client.call("test set-up", func)


def http_get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


# -- SLO -----------------------------------------------------------------------------------


def test_large_upload_is_an_slo_with_segments_beside(swift: SwiftProvider, box: str) -> None:
    sending.upload(swift, box, "dir/big.bin", io.BytesIO(DATA), size=len(DATA), metadata={"k": "v"})
    head = raw(swift, lambda c: c.head_object(box, "dir/big.bin"))
    assert head["x-static-large-object"].lower() == "true"
    names = segments(swift, box)
    assert len(names) == 3
    assert all(name.startswith("dir/big.bin/slo/") for name in names)
    listed = {e.key: e for e in iter_objects(swift, box)}
    assert listed["dir/big.bin"].size == len(DATA)  # the listing shows the whole size
    stat = swift.stat(box, "dir/big.bin")
    assert (stat.size, dict(stat.metadata)) == (len(DATA), {"k": "v"})
    assert swift.read(box, "dir/big.bin", ByteRange(MiB - 3, MiB + 3)) == DATA[MiB - 3 : MiB + 3]
    assert swift.read(box, "dir/big.bin") == DATA


def test_deleting_an_slo_deletes_its_segments(swift: SwiftProvider, box: str) -> None:
    sending.upload(swift, box, "big.bin", io.BytesIO(DATA), size=len(DATA))
    sending.upload_bytes(swift, box, "small.txt", b"small")
    assert len(segments(swift, box)) == 3
    swift.delete_object(box, "big.bin")
    assert segments(swift, box) == []
    assert [e.key for e in iter_objects(swift, box)] == ["small.txt"]


def test_batch_delete_handles_slo_and_plain_objects(swift: SwiftProvider, box: str) -> None:
    sending.upload(swift, box, "a/big.bin", io.BytesIO(DATA), size=len(DATA))
    for key in ("a/1", "a/2", "b/3"):
        sending.upload_bytes(swift, box, key, b"x")
    assert swift.delete_objects(box, ["a/1", "a/big.bin", "b/3", "never-was"]) == {}
    assert [e.key for e in iter_objects(swift, box)] == ["a/2"]
    assert segments(swift, box) == []


def test_forced_container_delete_takes_slo_segments_too(swift: SwiftProvider, box: str) -> None:
    sending.upload(swift, box, "big.bin", io.BytesIO(DATA), size=len(DATA))
    sending.upload_bytes(swift, box, "plain", b"x")
    swift.delete_container(box, force=True)
    assert box not in [c.name for c in swift.list_containers()]
    assert segments(swift, box) == []


def test_aborted_and_resumed_slo(swift: SwiftProvider, box: str) -> None:
    upload = swift.start_multipart(box, "r.bin", part_size=MiB, content_type="text/x-test")
    first = upload.upload_part(1, DATA[:MiB])
    resumed = swift.resume_multipart(upload.state())
    assert [(p.number, p.size, p.token) for p in resumed.uploaded_parts()] == [(1, MiB, first.token)]
    second = resumed.upload_part(2, DATA[MiB:])
    info = resumed.complete([*resumed.uploaded_parts()[:1], second])
    assert (info.size, info.content_type) == (len(DATA), "text/x-test")
    assert swift.read(box, "r.bin") == DATA
    resumed.abort()  # what the part driver does when anything fails after complete()
    assert swift.read(box, "r.bin") == DATA
    other = swift.start_multipart(box, "gone.bin", part_size=MiB)
    other.upload_part(1, b"abc")
    other.abort()
    other.abort()  # twice is fine
    assert all(not name.startswith("gone.bin/") for name in segments(swift, box))
    with pytest.raises(NotFound):  # aborted: nothing left to resume
        swift.resume_multipart(other.state())


def test_content_md5_for_plain_objects_only(swift: SwiftProvider, box: str) -> None:
    sending.upload_bytes(swift, box, "plain", b"plain bytes")
    assert swift.stat(box, "plain").content_md5 == hashlib.md5(b"plain bytes").hexdigest()
    sending.upload(swift, box, "slo", io.BytesIO(DATA), size=len(DATA))
    slo = swift.stat(box, "slo")
    assert slo.etag and slo.content_md5 is None  # the ETag of a manifest, not of the content
    seg = segment_container_of(box)
    sending.upload_bytes(swift, seg, "d/1", b"hello")
    raw(swift, lambda c: c.put_object(box, "dlo", b"", headers={"X-Object-Manifest": f"{seg}/d/"}))
    assert swift.stat(box, "dlo").content_md5 is None


def test_dlo_size_comes_from_stat(swift: SwiftProvider, box: str) -> None:
    seg = segment_container_of(box)
    swift.create_container(seg)
    sending.upload_bytes(swift, seg, "d/1", b"hello ")
    sending.upload_bytes(swift, seg, "d/2", b"world")
    raw(swift, lambda c: c.put_object(box, "dlo", b"", headers={"X-Object-Manifest": f"{seg}/d/"}))
    assert swift.stat(box, "dlo").size == 11
    assert swift.read(box, "dlo", ByteRange(6)) == b"world"


# -- metadata --------------------------------------------------------------------------------


def test_metadata_post_keeps_what_the_user_did_not_change(swift: SwiftProvider, box: str) -> None:
    sending.upload_bytes(swift, box, "m.txt", b"body", content_type="text/plain",
                         metadata={"keep": "1", "drop": "2"})
    raw(
        swift,
        lambda c: c.post_object(
            box,
            "m.txt",
            {
                "X-Object-Meta-Keep": "1",
                "X-Object-Meta-Drop": "2",
                "Content-Disposition": 'attachment; filename="m.txt"',
                "Cache-Control": "max-age=60",
            },
        ),
    )
    swift.set_metadata(box, "m.txt", {"keep": "1", "Added": "ünï 文"})
    info = swift.stat(box, "m.txt")
    assert dict(info.metadata) == {"keep": "1", "added": "ünï 文"}  # keys come back lower-cased
    assert info.content_type == "text/plain"
    head = raw(swift, lambda c: c.head_object(box, "m.txt"))
    assert head["content-disposition"] == 'attachment; filename="m.txt"'
    assert head["cache-control"] == "max-age=60"
    swift.set_metadata(box, "m.txt", {}, content_type="text/markdown")
    assert swift.stat(box, "m.txt").content_type == "text/markdown"
    assert swift.read(box, "m.txt") == b"body"


def test_metadata_post_keeps_a_dlo_a_dlo(swift: SwiftProvider, box: str) -> None:
    seg = segment_container_of(box)
    swift.create_container(seg)
    sending.upload_bytes(swift, seg, "d/1", b"12345")
    raw(swift, lambda c: c.put_object(box, "dlo", b"", headers={"X-Object-Manifest": f"{seg}/d/"}))
    swift.set_metadata(box, "dlo", {"a": "b"})
    assert swift.stat(box, "dlo").size == 5


@pytest.mark.parametrize(
    ("metadata", "rule"),
    [
        ({"under_score": "x"}, "no '_'"),
        ({"with space": "x"}, "no spaces"),
        ({"k" * 129: "x"}, "128 characters"),
        ({"k": "v" * 257}, "256 bytes"),
        ({"k": "line\nbreak"}, "control character"),
        ({"Key": "1", "key": "2"}, "differ only in case"),
        ({f"k{i}": "v" for i in range(91)}, "90"),
        ({f"k{i}": "v" * 250 for i in range(20)}, "4096"),
    ],
)
def test_invalid_metadata_is_refused_before_sending(
    swift: SwiftProvider, box: str, metadata: dict[str, str], rule: str
) -> None:
    with pytest.raises(InvalidMetadata, match=rule):
        sending.upload_bytes(swift, box, "x", b"x", metadata=metadata)
    with pytest.raises(NotFound):
        swift.stat(box, "x")


# -- temp URLs and static websites ---------------------------------------------------------


def test_temp_url_needs_consent_then_works_with_plain_http(swift: SwiftProvider, box: str) -> None:
    raw(swift, lambda c: c.post_account(headers={"X-Remove-Account-Meta-Temp-URL-Key": "x"}))
    sending.upload_bytes(swift, box, "shared/fïle 1.txt", b"shared body")
    with pytest.raises(TempUrlKeyMissing):
        swift.share_url(box, "shared/fïle 1.txt", expires_in=timedelta(minutes=5))
    swift.set_temp_url_key()
    url = swift.share_url(box, "shared/fïle 1.txt", expires_in=timedelta(minutes=5))
    assert url.startswith("http://127.0.0.1:")
    assert http_get(url) == (200, b"shared body")
    assert http_get(url.replace("temp_url_sig=", "temp_url_sig=0"))[0] == 401
    put_url = swift.share_url(box, "uploaded.txt", expires_in=timedelta(minutes=5), method="PUT")
    request = urllib.request.Request(put_url, data=b"via temp url", method="PUT")
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.status == 201
    assert swift.read(box, "uploaded.txt") == b"via temp url"


def test_static_website_serves_index_and_custom_error_page(swift: SwiftProvider, box: str) -> None:
    assert swift.get_website(box) is None
    sending.upload_bytes(swift, box, "index.html", b"<h1>home</h1>", content_type="text/html")
    sending.upload_bytes(swift, box, "404error.html", b"<h1>lost</h1>", content_type="text/html")
    config = swift.set_website(box, WebsiteConfig("index.html", "error.html"))
    assert config.url == f"{swift.client.storage_url}/{box}/"
    assert swift.get_website(box) == config
    assert http_get(config.url) == (200, b"<h1>home</h1>")
    assert http_get(config.url + "no/such/page.html") == (404, b"<h1>lost</h1>")


# -- names, sign-in ----------------------------------------------------------------------------


def test_container_name_with_slash_is_refused_with_the_rule(swift: SwiftProvider) -> None:
    with pytest.raises(InvalidName, match="may not contain '/'"):
        swift.create_container("a/b")


def test_wrong_key_is_auth_failed(swift_server: Any) -> None:
    provider = open_provider(
        "swift", {"auth_url": swift_server.auth_url, "username": swift_server.user, "api_key": "wrong"}
    )
    with pytest.raises(AuthFailed) as caught:
        provider.connect()
    assert "wrong" not in str(caught.value)


def test_pre_authenticated_storage_url_and_token(swift: SwiftProvider, box: str) -> None:
    credentials = swift.client.auth.current()
    sending.upload_bytes(swift, box, "pre.txt", b"pre")
    preauth = open_provider(
        "swift", {"storage_url": credentials.storage_url, "auth_token": credentials.token}
    )
    preauth.connect()
    assert preauth.read(box, "pre.txt") == b"pre"
    assert preauth.capabilities.multipart
    expired = open_provider("swift", {"storage_url": credentials.storage_url, "auth_token": "AUTH_tkexpired"})
    with pytest.raises(AuthFailed, match="expired"):
        expired.read(box, "pre.txt")


def test_expired_token_signs_in_again(swift: SwiftProvider, box: str) -> None:
    sending.upload_bytes(swift, box, "t.txt", b"t")
    auth = swift.client.auth
    stale = auth.current()
    auth._credentials = type(stale)(stale.storage_url, "AUTH_tkexpired")
    assert swift.read(box, "t.txt") == b"t"
    assert auth.current().token != "AUTH_tkexpired"


def test_secrets_stay_out_of_repr(swift: SwiftProvider) -> None:
    assert "testing" not in repr(swift)
    assert swift.client.auth.current().token not in repr(swift.client.auth.current())


# -- streams, connections ------------------------------------------------------------------


@pytest.mark.parametrize(("announced", "why"), [(10, "ended after 5"), (3, "holds more")])
def test_source_of_the_wrong_size_stores_nothing(
    swift: SwiftProvider, box: str, announced: int, why: str
) -> None:
    with pytest.raises(ChecksumMismatch, match=why):
        swift.put_object(box, "sized.bin", io.BytesIO(b"12345"), size=announced)
    with pytest.raises(NotFound):
        swift.stat(box, "sized.bin")


def test_percent_escapes_in_values_are_refused(swift: SwiftProvider, box: str) -> None:
    sending.upload_bytes(swift, box, "p", b"x", metadata={"v": "100% sure"})
    assert dict(swift.stat(box, "p").metadata) == {"v": "100% sure"}
    with pytest.raises(InvalidMetadata, match="two hex digits"):
        swift.set_metadata(box, "p", {"v": "100%25"})


def test_stopping_a_read_early_leaves_the_provider_usable(swift: SwiftProvider, box: str) -> None:
    body = bytes(range(256)) * 4096
    sending.upload_bytes(swift, box, "long.bin", body)
    reader = swift.iter_read(box, "long.bin", chunk_size=4096)
    assert next(reader) == body[:4096]
    assert swift.stat(box, "long.bin").size == len(body)  # same thread, read still open
    reader.close()
    token = CancelToken()
    chunks = swift.iter_read(box, "long.bin", chunk_size=4096, cancel=token)
    next(chunks)
    token.cancel()
    with pytest.raises(Cancelled):
        next(chunks)
    assert swift.read(box, "long.bin", ByteRange(-3)) == body[-3:]


def test_many_threads_share_one_sign_in(swift: SwiftProvider, box: str) -> None:
    keys = [f"t/{i:02}" for i in range(24)]

    def round_trip(key: str) -> bytes:
        sending.upload_bytes(swift, box, key, key.encode())
        return swift.read(box, key)

    token_before = swift.client.auth.current().token
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(round_trip, keys)) == [key.encode() for key in keys]
    assert swift.client.auth.current().token == token_before
    assert sorted(e.key for e in iter_objects(swift, box, "t/")) == keys


def test_replacing_an_slo_deletes_the_old_segments(swift: SwiftProvider, box: str) -> None:
    key = "ünï/big file.bin"
    sending.upload(swift, box, key, io.BytesIO(DATA), size=len(DATA))
    first = segments(swift, box)
    assert len(first) == 3
    smaller = DATA[: MiB + 10]
    sending.upload(swift, box, key, io.BytesIO(smaller), size=len(smaller))
    second = segments(swift, box)
    assert len(second) == 2
    assert not set(first) & set(second)
    assert swift.read(box, key) == smaller


class _Pipe(io.RawIOBase):
    """Not seekable: ``tell`` raises, as on a real pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        return self._data.read(min(size, 999) if size and size > 0 else 999)


@pytest.mark.parametrize("size", [5000, None])
def test_plain_put_from_a_pipe(swift: SwiftProvider, box: str, size: int | None) -> None:
    data = bytes(range(250)) * 20
    deltas: list[int] = []
    info = swift.put_object(box, "pipe.bin", _Pipe(data), size=size, progress=deltas.append)
    assert (info.size, sum(deltas)) == (len(data), len(data))
    assert swift.read(box, "pipe.bin") == data


def test_temp_url_signed_with_the_container_key(swift: SwiftProvider, box: str) -> None:
    raw(swift, lambda c: c.post_account(headers={"X-Remove-Account-Meta-Temp-URL-Key": "x"}))
    raw(swift, lambda c: c.post_container(box, {"X-Container-Meta-Temp-URL-Key": "container-secret"}))
    sending.upload_bytes(swift, box, "c.txt", b"container key")
    url = swift.share_url(box, "c.txt", expires_in=timedelta(seconds=60))
    assert http_get(url) == (200, b"container key")


def test_cluster_without_middlewares_turns_capabilities_off(swift: SwiftProvider, box: str) -> None:
    swift.info = {"swift": swift.info["swift"]}  # as /info of a proxy without slo/tempurl/staticweb
    swift.capabilities = swift._capabilities()
    caps = swift.capabilities
    assert not (caps.multipart or caps.presigned_urls or caps.static_website)
    sending.upload_bytes(swift, box, "k", b"v")
    with pytest.raises(Unsupported, match="slo"):
        swift.start_multipart(box, "k", part_size=MiB)
    with pytest.raises(Unsupported, match="tempurl"):
        swift.share_url(box, "k", expires_in=timedelta(minutes=1))
    with pytest.raises(Unsupported, match="staticweb"):
        swift.set_website(box, WebsiteConfig())
    data = b"x" * (2 * MiB)
    sending.upload(swift, box, "plain-big", io.BytesIO(data), size=len(data))  # one PUT, no segments
    assert segments(swift, box) == []
    assert swift.read(box, "plain-big") == data


def test_overwriting_an_slo_with_a_plain_object_or_a_copy_deletes_its_segments(
    swift: SwiftProvider, box: str
) -> None:
    sending.upload(swift, box, "big.bin", io.BytesIO(DATA), size=len(DATA))
    assert len(segments(swift, box)) == 3
    sending.upload_bytes(swift, box, "big.bin", b"small now")
    assert segments(swift, box) == []
    assert swift.read(box, "big.bin") == b"small now"
    sending.upload(swift, box, "big.bin", io.BytesIO(DATA), size=len(DATA))
    sending.upload_bytes(swift, box, "other", b"copied over")
    swift.copy_object(box, "other", box, "big.bin")
    assert segments(swift, box) == []
    assert swift.read(box, "big.bin") == b"copied over"
