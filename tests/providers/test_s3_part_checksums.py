"""S3 parts carry CRC32 where the server proved it checks it, else Content-MD5; a part
whose bytes change after its checksum was made is refused by the server and sent again."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest

from storebrowser.core.errors import DamagedOnTheWay, NotFound
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.providers.s3.multipart import S3MultipartUpload
from storebrowser.providers.s3.part_check import PartChecksums
from storebrowser.providers.s3.provider import S3Provider
from storebrowser.transfers import sending
from tests.providers.s3_support import bucket_fixture, open_uploads, raw, s3_fixture  # noqa: F401

MiB = 1024 * 1024
PART = 5 * MiB


@pytest.fixture
def small_parts(s3: S3Provider, monkeypatch: pytest.MonkeyPatch) -> S3Provider:
    monkeypatch.setattr(s3, "multipart_threshold", PART)
    monkeypatch.setattr(s3, "part_size", PART)
    monkeypatch.setattr(s3, "part_concurrency", 2)
    return s3


def _data(size: int) -> bytes:
    return (bytes(range(251)) * (size // 251 + 1))[:size]


def test_parts_carry_crc32_only_where_the_server_checks_it(
    small_parts: S3Provider, bucket: str, request: pytest.FixtureRequest
) -> None:
    data = _data(2 * PART + 7)
    sending.upload(small_parts, bucket, "checked.bin", io.BytesIO(data), size=len(data))
    assert small_parts.read(bucket, "checked.bin") == data
    # Swift's s3api refuses a wrong CRC32 (so it replaces MD5 there); moto ignores the
    # header (so parts keep Content-MD5, which every S3 implementation checks).
    assert small_parts._part_checksums.crc32 is (request.node.callspec.params["s3"] == "s3_swift")


class _Damage:
    """Flips a byte of the next ``times`` UploadPart bodies before they are signed: what
    the server gets no longer matches the checksum made from the part in memory, but the
    SigV4 payload hash (computed from what is sent) does, so only that checksum can tell."""

    def __init__(self, times: int) -> None:
        self.times = times
        self.done = 0

    def __call__(self, request: Any, **_: Any) -> None:
        if self.done >= self.times or request.data is None:
            return
        body = request.data.read() if hasattr(request.data, "read") else bytes(request.data)
        self.done += 1
        request.data = bytes([body[0] ^ 0xFF]) + body[1:]


@pytest.fixture
def damage(small_parts: S3Provider, bucket: str) -> Iterator[_Damage]:
    # One upload in parts first: the provider asks its server which checksum it checks.
    sending.upload(small_parts, bucket, "warm.bin", io.BytesIO(b"w" * (PART + 1)), size=PART + 1)
    if not small_parts._part_checksums.crc32:
        pytest.skip("this server checks no part checksum (moto ignores them)")
    damage = _Damage(0)
    for client in _part_clients(small_parts):
        client.meta.events.register_first("request-created.s3.UploadPart", damage, unique_id="test-damage")
    yield damage
    for client in _part_clients(small_parts):
        client.meta.events.unregister("request-created.s3.UploadPart", unique_id="test-damage")


def _part_clients(provider: S3Provider) -> list[Any]:
    """Both clients a part may go through: the provider's own, and the one that tries
    once, which a part gets while the engine's ``call_with_retry`` retries it."""
    once = call_with_retry(provider._clients.client, RetryPolicy(attempts=2))
    return [raw(provider), once]


def test_a_part_damaged_on_the_way_is_refused_and_sent_again(
    small_parts: S3Provider, bucket: str, damage: _Damage
) -> None:
    data = _data(2 * PART + 11)
    damage.times = 1
    sending.upload(small_parts, bucket, "damaged.bin", io.BytesIO(data), size=len(data))
    assert damage.done == 1
    assert small_parts.read(bucket, "damaged.bin") == data


def test_a_part_damaged_every_time_fails_the_upload(
    small_parts: S3Provider, bucket: str, damage: _Damage
) -> None:
    damage.times = 1000
    data = _data(2 * PART + 3)
    with pytest.raises(DamagedOnTheWay, match="do not match their checksum"):
        sending.upload(small_parts, bucket, "never.bin", io.BytesIO(data), size=len(data))
    with pytest.raises(NotFound):
        small_parts.stat(bucket, "never.bin")
    assert open_uploads(small_parts, bucket) == []


class _Captured(Exception):
    """Stops a request once signed, before it leaves (nothing listens on that port)."""


@pytest.mark.parametrize("crc32", [True, False])
def test_over_https_a_checksummed_part_is_not_hashed_again_for_the_signature(crc32: bool) -> None:
    """botocore leaves the body of a part unsigned over HTTPS only when it knows the part
    carries a checksum; told of our CRC32 it does, as it does for Content-MD5."""
    settings = {"endpoint_url": "https://127.0.0.1:9", "access_key_id": "k", "secret_access_key": "s",
                "region": "us-east-1", "path_style": True}  # fmt: skip
    provider = S3Provider.from_settings(settings)
    client = raw(provider)
    seen: dict[str, str | bytes] = {}

    def capture(request: Any, **_: Any) -> None:
        seen.update(request.headers)
        raise _Captured

    client.meta.events.register("before-send.s3.UploadPart", capture)
    upload = S3MultipartUpload(client, "b", "k", PART, "id", checksums=PartChecksums(crc32=crc32))
    with pytest.raises(_Captured):
        upload.upload_part(1, b"part bytes")
    assert ("x-amz-checksum-crc32" in seen) is crc32
    assert seen["X-Amz-Content-SHA256"] in (b"UNSIGNED-PAYLOAD", "UNSIGNED-PAYLOAD")
