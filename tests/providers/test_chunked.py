"""The one part-upload driver, against an in-memory provider of our own.

The real providers run it against real servers in the conformance suite; this checks the
driver's own promises where a server cannot be made to misbehave on cue: memory stays
capped, a retried part rewinds its progress, a failure aborts the remote upload, a source
that changes size stores nothing.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, BinaryIO

import pytest

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.capabilities import Capabilities
from storebrowser.core.errors import AccessDenied, ChecksumMismatch, Transient
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ContainerInfo, ObjectInfo, Page, PartRecord, ProgressCallback
from storebrowser.providers.base import MultipartUpload, Provider
from storebrowser.providers.streams import ProgressStream
from storebrowser.transfers import sending

PART = 1000


class MemoryUpload(MultipartUpload):
    def __init__(self, store: MemoryProvider, key: str) -> None:
        super().__init__("c", key, PART)
        self.store = store
        self.parts: dict[int, bytes] = {}
        self.aborted = False

    def state(self) -> dict[str, Any]:
        return {"key": self.key}

    def upload_part(
        self,
        number: int,
        data: bytes,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = NEVER,
    ) -> PartRecord:
        with self.store.lock:
            self.store.in_flight += 1
            self.store.max_in_flight = max(self.store.max_in_flight, self.store.in_flight)
        try:
            stream = ProgressStream.of_bytes(data, progress, cancel)
            body = stream.read(len(data) // 2) + stream.read()
            self.store.barrier_wait(number)
            if self.store.fail_part.get(number, 0) > 0:
                self.store.fail_part[number] -= 1
                raise self.store.failure
            self.parts[number] = body
            return PartRecord(number, len(body), f"etag-{number}")
        finally:
            with self.store.lock:
                self.store.in_flight -= 1

    def complete(self, parts: Sequence[PartRecord], *, whole_md5: bytes | None = None) -> ObjectInfo:
        data = b"".join(self.parts[p.number] for p in parts)
        self.store.objects[self.key] = data
        return ObjectInfo(self.key, len(data))

    def abort(self) -> None:
        self.aborted = True


class MemoryProvider(Provider):
    kind = "memory"
    min_part_size = PART
    multipart_threshold = PART
    part_size = PART
    part_concurrency = 3

    def __init__(self) -> None:
        self.capabilities = Capabilities(multipart=True)
        self.objects: dict[str, bytes] = {}
        self.uploads: list[MemoryUpload] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.fail_part: dict[int, int] = {}
        self.failure: Exception = Transient("busy")
        #: When set, the first parts wait for each other: proves they run at once.
        self.rendezvous: threading.Barrier | None = None

    def barrier_wait(self, number: int) -> None:
        if self.rendezvous is not None and number <= self.rendezvous.parties:
            self.rendezvous.wait(timeout=10)  # broken (a failure) if they never meet

    def start_multipart(self, container: str, key: str, **_: Any) -> MultipartUpload:
        upload = MemoryUpload(self, key)
        self.uploads.append(upload)
        return upload

    def put_object(
        self, container: str, key: str, stream: BinaryIO, *, size: int | None, **_: Any
    ) -> ObjectInfo:
        self.objects[key] = stream.read()
        return ObjectInfo(key, len(self.objects[key]))

    def list_containers(self) -> list[ContainerInfo]:
        return []

    def create_container(self, name: str) -> None: ...

    def delete_container(self, name: str, *, force: bool = False, cancel: CancelToken = NEVER) -> None: ...

    def list_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:
        return Page([])

    def stat(self, container: str, key: str) -> ObjectInfo:
        return ObjectInfo(key, len(self.objects[key]))

    def iter_read(
        self,
        container: str,
        key: str,
        byte_range: ByteRange = ByteRange(),
        *,
        chunk_size: int = 1,
        cancel: CancelToken = NEVER,
    ) -> Iterator[bytes]:
        yield self.objects[key]

    def delete_object(self, container: str, key: str) -> None: ...


def _data(size: int) -> bytes:
    return bytes(i % 251 for i in range(size))


def test_parts_round_trip_and_progress_sums_to_size() -> None:
    provider = MemoryProvider()
    data = _data(10 * PART + 17)
    deltas: list[int] = []
    sending.upload(provider, "c", "k", io.BytesIO(data), size=len(data), progress=deltas.append)
    assert provider.objects["k"] == data
    assert sum(deltas) == len(data)
    assert not provider.uploads[0].aborted


def test_parts_in_flight_never_exceed_the_concurrency_cap() -> None:
    provider = MemoryProvider()
    provider.rendezvous = threading.Barrier(provider.part_concurrency)
    data = _data(20 * PART)
    sending.upload(provider, "c", "k", io.BytesIO(data), size=len(data))
    assert provider.objects["k"] == data
    assert provider.max_in_flight == provider.part_concurrency


def test_a_retried_part_rewinds_its_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storebrowser.transfers.parts.PART_RETRY.__class__.delay", lambda *_a, **_k: 0.0)
    provider = MemoryProvider()
    provider.fail_part = {2: 2}
    data = _data(4 * PART)
    deltas: list[int] = []
    sending.upload(provider, "c", "k", io.BytesIO(data), size=len(data), progress=deltas.append)
    assert provider.objects["k"] == data
    assert sum(deltas) == len(data)
    assert any(delta < 0 for delta in deltas)


def test_a_failure_aborts_the_upload_and_stores_nothing() -> None:
    provider = MemoryProvider()
    provider.fail_part = {3: 99}
    provider.failure = AccessDenied("no")
    with pytest.raises(AccessDenied):
        sending.upload(provider, "c", "k", io.BytesIO(_data(8 * PART)), size=8 * PART)
    assert provider.uploads[0].aborted
    assert "k" not in provider.objects


def test_a_source_that_shrank_aborts() -> None:
    provider = MemoryProvider()
    with pytest.raises(ChecksumMismatch, match="changed while uploading"):
        sending.upload(provider, "c", "k", io.BytesIO(_data(3 * PART)), size=5 * PART)
    assert provider.uploads[0].aborted


def test_unknown_length_stream_in_parts_and_short_stream_in_one_request() -> None:
    provider = MemoryProvider()
    long = _data(5 * PART + 3)
    sending.upload(provider, "c", "long", io.BytesIO(long), size=None)
    assert provider.objects["long"] == long and len(provider.uploads) == 1
    sending.upload(provider, "c", "short", io.BytesIO(b"tiny"), size=None)
    assert provider.objects["short"] == b"tiny" and len(provider.uploads) == 1


def test_metadata_passes_through_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    provider = MemoryProvider()
    seen: list[Mapping[str, str] | None] = []
    original = provider.start_multipart

    def spy(container: str, key: str, **kwargs: Any) -> MultipartUpload:
        seen.append(kwargs.get("metadata"))
        return original(container, key, **kwargs)

    monkeypatch.setattr(provider, "start_multipart", spy)
    sending.upload(provider, "c", "k", io.BytesIO(_data(3 * PART)), size=3 * PART, metadata={"a": "b"})
    assert seen == [{"a": "b"}]
