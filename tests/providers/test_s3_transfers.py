"""S3-only: multipart uploads (parts in parallel, abort, resume), copies in parts, batches."""

from __future__ import annotations

import hashlib
import io
from typing import Any

import pytest

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, ChecksumMismatch, NotFound
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.s3 import buckets
from storebrowser.providers.s3.provider import S3Provider
from storebrowser.transfers import sending
from tests.providers.conftest import unique_container_name
from tests.providers.s3_support import bucket_fixture, open_uploads, raw, s3_fixture  # noqa: F401

MiB = 1024 * 1024
PART = 5 * MiB


def _pattern(size: int) -> bytes:
    return (bytes(range(251)) * (size // 251 + 1))[:size]


@pytest.fixture
def small_parts(s3: S3Provider, monkeypatch: pytest.MonkeyPatch) -> S3Provider:
    monkeypatch.setattr(s3, "multipart_threshold", PART)
    monkeypatch.setattr(s3, "part_size", PART)
    monkeypatch.setattr(s3, "part_concurrency", 3)
    return s3


class _FailingStream(io.RawIOBase):
    """Gives ``good`` bytes, then fails like a disk error."""

    def __init__(self, good: bytes) -> None:
        self._data = io.BytesIO(good)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self._data.read(size)
        if not chunk:
            raise OSError("simulated read error")
        return chunk


def test_multipart_keeps_content_type_and_metadata(small_parts: S3Provider, bucket: str) -> None:
    data = _pattern(3 * PART + 1000)
    deltas: list[int] = []
    sending.upload(small_parts,
        bucket,
        "big/file.bin",
        io.BytesIO(data),
        size=len(data),
        content_type="application/x-test",
        metadata={"owner": "qa"},
        progress=deltas.append,
    )
    info = small_parts.stat(bucket, "big/file.bin")
    assert (info.size, info.content_type, dict(info.metadata)) == (
        len(data),
        "application/x-test",
        {"owner": "qa"},
    )
    assert info.etag is not None and info.etag.endswith("-4")  # a multipart ETag: 4 parts
    assert sum(deltas) == len(data)
    assert small_parts.read(bucket, "big/file.bin") == data
    assert open_uploads(small_parts, bucket) == []


def test_failed_upload_is_aborted_on_the_server(small_parts: S3Provider, bucket: str) -> None:
    stream = _FailingStream(_pattern(2 * PART + 10))
    with pytest.raises(OSError, match="simulated"):
        sending.upload(small_parts, bucket, "broken.bin", stream, size=4 * PART)
    assert open_uploads(small_parts, bucket) == []
    with pytest.raises(NotFound):
        small_parts.stat(bucket, "broken.bin")


def test_cancelled_multipart_upload_is_aborted(small_parts: S3Provider, bucket: str) -> None:
    token = CancelToken()
    sent = [0]

    def progress(delta: int) -> None:
        sent[0] += delta
        if sent[0] > PART:  # cancel while the second part travels
            token.cancel()

    data = _pattern(4 * PART)
    with pytest.raises(Cancelled):
        sending.upload(small_parts,
            bucket, "cancelled.bin", io.BytesIO(data), size=len(data), progress=progress, cancel=token
        )
    assert open_uploads(small_parts, bucket) == []
    with pytest.raises(NotFound):
        small_parts.stat(bucket, "cancelled.bin")


def test_resume_multipart_rebuilds_parts_from_the_server(s3: S3Provider, bucket: str) -> None:
    upload = s3.start_multipart(bucket, "resumed.bin", part_size=PART, content_type="text/plain")
    part1 = upload.upload_part(1, b"a" * PART)
    resumed = s3.resume_multipart(upload.state())
    assert [(p.number, p.size, p.token.strip('"')) for p in resumed.uploaded_parts()] == [
        (1, PART, part1.token.strip('"'))
    ]
    part2 = resumed.upload_part(2, b"b" * 10)
    resumed.complete([*resumed.uploaded_parts()[:1], part2])
    info = s3.stat(bucket, "resumed.bin")
    assert (info.size, info.content_type) == (PART + 10, "text/plain")
    assert s3.read(bucket, "resumed.bin", ByteRange(PART - 2, PART + 2)) == b"aabb"


def test_resume_of_an_aborted_upload_is_not_found(s3: S3Provider, bucket: str) -> None:
    upload = s3.start_multipart(bucket, "gone.bin", part_size=PART)
    upload.upload_part(1, b"x" * 100)
    upload.abort()
    upload.abort()  # safe twice
    with pytest.raises(NotFound):
        s3.resume_multipart(upload.state())


def test_copy_in_parts_above_the_threshold(
    s3: S3Provider, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(s3, "copy_threshold", PART)
    monkeypatch.setattr(s3, "copy_part_size", PART)
    data = _pattern(2 * PART + 777)
    sending.upload_bytes(s3, bucket, "src.bin", data, content_type="image/png", metadata={"k": "v"})
    s3.copy_object(bucket, "src.bin", bucket, "copy.bin")
    info = s3.stat(bucket, "copy.bin")
    assert (info.size, info.content_type, dict(info.metadata)) == (len(data), "image/png", {"k": "v"})
    assert s3.read(bucket, "copy.bin") == data
    s3.copy_object(bucket, "src.bin", bucket, "copy2.bin", metadata={"new": "1"})
    assert dict(s3.stat(bucket, "copy2.bin").metadata) == {"new": "1"}
    assert open_uploads(s3, bucket) == []


def test_batch_delete_goes_in_batches(s3: S3Provider, bucket: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(buckets, "DELETE_BATCH", 4)
    keys = [f"k/{i:02}" for i in range(10)]
    for key in keys:
        sending.upload_bytes(s3, bucket, key, b"x")
    calls: list[int] = []

    def count(params: dict[str, Any], **_: object) -> None:
        calls.append(len(params["Delete"]["Objects"]))

    # botocore's own event hook sees each request as sent; nothing is replaced.
    raw(s3).meta.events.register("provide-client-params.s3.DeleteObjects", count)
    assert s3.delete_objects(bucket, [*keys, "never-existed"]) == {}
    assert calls == [4, 4, 3]
    assert s3.list_page(bucket).entries == []


def test_forced_delete_removes_objects_and_unfinished_uploads(s3: S3Provider) -> None:
    name = unique_container_name()
    s3.create_container(name)
    for i in range(5):
        sending.upload_bytes(s3, name, f"d/{i}", b"x")
    upload = s3.start_multipart(name, "unfinished.bin", part_size=PART)
    upload.upload_part(1, b"y" * 100)
    s3.delete_container(name, force=True)
    assert name not in [c.name for c in s3.list_containers()]


def test_forced_delete_of_a_versioned_bucket_removes_old_versions(s3: S3Provider) -> None:
    name = unique_container_name()
    s3.create_container(name)
    try:
        raw(s3).put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    except Exception as error:  # a server without versioning: nothing to check here
        s3.delete_container(name)
        pytest.skip(f"no versioning on this server: {error}")
    sending.upload_bytes(s3, name, "v", b"1")
    sending.upload_bytes(s3, name, "v", b"2")
    s3.delete_object(name, "v")  # leaves a delete marker and two versions
    assert raw(s3).list_object_versions(Bucket=name).get("Versions")
    s3.delete_container(name, force=True)
    assert name not in [c.name for c in s3.list_containers()]


def test_single_put_cancelled_midway_stores_nothing(s3: S3Provider, bucket: str) -> None:
    token = CancelToken()
    data = _pattern(3 * MiB)  # below the threshold: one PutObject

    def progress(_delta: int) -> None:
        token.cancel()  # as soon as the first bytes are read

    with pytest.raises(Cancelled):
        sending.upload(s3, bucket, "single.bin", io.BytesIO(data), size=len(data), progress=progress,
                       cancel=token)
    with pytest.raises(NotFound):
        s3.stat(bucket, "single.bin")


def test_progress_follows_the_send_not_the_signing_pass(s3: S3Provider, bucket: str) -> None:
    # Over http botocore hashes the body in 1 MiB reads before sending it in small
    # blocks; progress must come from the sending, so no single step is a whole MiB.
    data = _pattern(3 * MiB)
    deltas: list[int] = []
    sending.upload(s3, bucket, "watched.bin", io.BytesIO(data), size=len(data), progress=deltas.append)
    assert sum(deltas) == len(data)
    assert max(deltas) < MiB
    part_deltas: list[int] = []
    upload = s3.start_multipart(bucket, "watched-part.bin", part_size=PART)
    upload.upload_part(1, data, progress=part_deltas.append)
    upload.abort()
    assert sum(part_deltas) == len(data)
    assert max(part_deltas) < MiB


def test_single_put_with_a_wrong_size_is_refused_before_sending(s3: S3Provider, bucket: str) -> None:
    with pytest.raises(ChecksumMismatch, match="expected 10 bytes, read 4"):
        s3.put_object(bucket, "short.bin", io.BytesIO(b"abcd"), size=10)
    with pytest.raises(NotFound):
        s3.stat(bucket, "short.bin")


def test_content_md5_only_for_single_part_objects(small_parts: S3Provider, bucket: str) -> None:
    small = b"one request"
    sending.upload_bytes(small_parts, bucket, "small.bin", small)
    assert small_parts.stat(bucket, "small.bin").content_md5 == hashlib.md5(small).hexdigest()
    big = _pattern(2 * PART + 10)
    sending.upload(small_parts, bucket, "big.bin", io.BytesIO(big), size=len(big))
    stat = small_parts.stat(bucket, "big.bin")
    assert "-" in (stat.etag or "") and stat.content_md5 is None  # a multipart ETag is no MD5
    listed = small_parts.list_page(bucket, "", None).entries
    assert [e.content_md5 for e in listed] == [None, None]  # a listing says nothing of SSE
