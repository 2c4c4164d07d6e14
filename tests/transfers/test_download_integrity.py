"""Never a wrong byte: every download checked by content against what the service vouches
for, on every provider against its real server; a resume reuses only proven ranges."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import StorageError, Transient
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import ConflictPolicy, JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import JobSpec
from storebrowser.transfers.progress import JobSnapshot
from tests.transfers.helpers import FAST_RETRY, WHOLE, Counting, backend_settings, flip_first_byte

KiB, MiB = 1024, 1024 * 1024
#: Download parts that line up with no upload part (5 MiB on S3, 1 MiB on the others).
PART = 768 * KiB
BACKENDS = ["local", "s3_moto", "s3_swift", "swift", "azure"]


@dataclass
class Backend:
    name: str
    kind: str
    settings: dict[str, Any]
    provider: Provider
    container: str

    def upload(self, key: str, data: bytes) -> None:
        """In parts where the service has them (S3 multipart, Swift SLO, Azure blocks)."""
        sending.upload(self.provider, self.container, key, io.BytesIO(data), size=len(data))


def _settings(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, dict[str, Any]]:
    if name == "local":
        return "local", {"root": str(tmp_path / "store")}
    return backend_settings(name, request)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    kind, settings = _settings(request.param, request, tmp_path)
    provider = open_provider(kind, settings)
    provider.connect()
    container = f"integ{uuid.uuid4().hex[:12]}"
    provider.create_container(container)
    provider.part_size = provider.multipart_threshold = provider.min_part_size
    yield Backend(request.param, kind, settings, provider, container)
    with contextlib.suppress(StorageError):
        provider.delete_container(container, force=True)
    provider.close()


def multipart_object(backend: Backend) -> bytes:
    """Three upload parts: two whole ones and a fifth of one."""
    return os.urandom(int(backend.provider.min_part_size * 2.2))


def verified_note(backend: Backend, size: int) -> str:
    """What a download of ``multipart_object`` is verified by, on each provider."""
    return {
        "local": "verified: SHA-256 of the whole object (hashed from the source file)",
        "s3_moto": "verified: MD5 of 3 parts (S3 multipart ETag)",
        "s3_swift": "verified: MD5 of 3 parts (S3 multipart ETag)",
        "swift": "verified: MD5 of 3 segments (Swift SLO manifest)",
        # Our blocks' commit sets the blob's Content-MD5 (test_azure_whole_md5 has the rest).
        "azure": "verified: MD5 of the whole object (the blob's Content-MD5)",
    }[backend.name]


def run(provider: object, journal: Journal, spec: JobSpec, **options: Any) -> JobSnapshot:
    settings: dict[str, Any] = dict(part_size=PART, part_concurrency=3, concurrency=2, retry=FAST_RETRY)
    engine = TransferEngine({"acct": provider}, journal, **(settings | options))  # type: ignore[dict-item]
    job = engine.submit(spec)
    assert engine.wait_idle(180)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    return snap


def download(backend: Backend, key: str, folder: Path, **options: Any) -> JobSpec:
    return JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", backend.container, key=key, local=str(folder), **options)


def restore(backend: Backend, folder: Path, **options: Any) -> JobSpec:
    return JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", backend.container, key="", local=str(folder), **options)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.part"))


# -- every download verified by content ---------------------------------------------------


def test_an_object_in_parts_is_verified_by_its_content(backend: Backend, journal, tmp_path):
    data = multipart_object(backend)
    backend.upload("big.bin", data)
    snap = run(backend.provider, journal, download(backend, "big.bin", tmp_path / "out"))
    assert snap.state is State.DONE, snap.error
    assert snap.items[0].note == verified_note(backend, len(data))
    assert (tmp_path / "out" / "big.bin").read_bytes() == data


def test_a_restore_verifies_each_object_by_content(backend: Backend, journal, tmp_path):
    big, small = multipart_object(backend), b"small and whole"
    backend.upload("r/big.bin", big)
    sending.upload_bytes(backend.provider, backend.container, "r/small.txt", small)
    snap = run(backend.provider, journal, restore(backend, tmp_path / "out"))
    assert snap.state is State.DONE, snap.error
    notes = {item.key: item.note for item in snap.items}
    assert notes["r/big.bin"] == verified_note(backend, len(big))
    assert "size only" not in notes["r/small.txt"] and notes["r/small.txt"].startswith("verified: ")
    assert (tmp_path / "out" / "r" / "big.bin").read_bytes() == big
    assert (tmp_path / "out" / "r" / "small.txt").read_bytes() == small


class Corrupting(Counting):
    """Flips one bit of what the server sent for the read starting at ``at``: bytes
    damaged on the way, which is what checking end to end is for."""

    def __init__(self, inner: Provider, at: int) -> None:
        super().__init__(inner)
        self.at = at

    def iter_read(
        self, container: str, key: str, byte_range: ByteRange = WHOLE, **kwargs: Any
    ) -> Iterator[bytes]:
        chunks = super().iter_read(container, key, byte_range, **kwargs)
        return flip_first_byte(chunks) if byte_range.start == self.at else chunks



def test_a_byte_damaged_on_the_way_fails_the_item(backend: Backend, journal, tmp_path):
    data = multipart_object(backend)
    backend.upload("big.bin", data)
    snap = run(Corrupting(backend.provider, at=PART), journal, download(backend, "big.bin", tmp_path / "out"))
    assert snap.state is State.FAILED
    error = snap.items[0].error or ""
    assert "but the server's" in error and "The partial file was removed" in error, error
    assert list((tmp_path / "out").iterdir()) == []  # neither the file nor its .part


def test_an_object_overwritten_mid_download_is_never_mixed(backend: Backend, journal, tmp_path):
    old, new = multipart_object(backend), multipart_object(backend)
    backend.upload("moving.bin", old)
    counting = Counting(backend.provider)
    overwritten: list[bool] = []

    def overwrite_once(byte_range: ByteRange) -> None:
        if byte_range.start >= 2 * PART and not overwritten:
            overwritten.append(True)
            backend.upload("moving.bin", new)

    counting.before_read = overwrite_once
    # One part at a time: two parts of the old version, then the new one is there.
    snap = run(counting, journal, download(backend, "moving.bin", tmp_path / "out"), part_concurrency=1)
    assert overwritten
    assert snap.state is State.DONE, snap.error  # started over with the new version
    assert (tmp_path / "out" / "moving.bin").read_bytes() == new, "old and new bytes mixed"
    assert len(counting.reads) == 3 + -(-len(new) // PART)  # the third read saw the change
    assert snap.items[0].note == verified_note(backend, len(new))


# -- resume only from proof ---------------------------------------------------------------


class FailingFirstPart(Counting):
    """Reads of the first part always fail (its retries run out), once two other parts
    have arrived: the ``.part`` file then has a hole at the start and data after it."""

    def __init__(self, inner: Provider) -> None:
        super().__init__(inner)
        self.arrived = threading.Semaphore(0)

    def iter_read(
        self, container: str, key: str, byte_range: ByteRange = WHOLE, **kwargs: Any
    ) -> Iterator[bytes]:
        if byte_range.start == 0:
            taken = [self.arrived.acquire(timeout=60) for _ in range(2)]
            for _ in filter(None, taken):
                self.arrived.release()  # the retries wait the same way
            raise Transient("connection reset (test)")
        return self._then_tell(super().iter_read(container, key, byte_range, **kwargs))

    def _then_tell(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        yield from chunks
        self.arrived.release()


def _fail_first_part(provider: Provider) -> FailingFirstPart:
    return FailingFirstPart(provider)


def test_a_restore_whose_retries_ran_out_resumes_from_the_journal(backend: Backend, journal, tmp_path):
    data = multipart_object(backend)
    backend.upload("r/big.bin", data)
    out = tmp_path / "out"
    first = run(_fail_first_part(backend.provider), journal, restore(backend, out))
    assert first.state is State.FAILED and "connection reset" in (first.items[0].error or "")
    assert leftovers(out) == ["big.bin.part"]
    [kept] = journal.load_jobs()  # listed by `jobs list`, taken by `jobs resume`
    done_before = len(kept.items[0].parts)
    assert kept.id == first.id and done_before > 0

    again = Journal(journal.path)
    counting = Counting(backend.provider)
    engine = TransferEngine(
        {"acct": counting},  # type: ignore[dict-item]
        again,
        part_size=PART,
        part_concurrency=3,
        retry=FAST_RETRY,
    )
    assert engine.resume_unfinished() == [first.id]
    assert engine.wait_idle(180)
    snap = engine.snapshot().job(first.id)
    engine.shutdown()
    again.close()
    assert snap.state is State.DONE, snap.error
    assert (out / "r" / "big.bin").read_bytes() == data
    assert len(counting.reads) == -(-len(data) // PART) - done_before  # only what was missing
    assert snap.items[0].note == verified_note(backend, len(data))
    assert leftovers(out) == []


@pytest.mark.parametrize("kind", [JobKind.DOWNLOAD_PREFIX, JobKind.DOWNLOAD_OBJECT])
def test_resume_policy_never_trusts_a_part_file_with_a_hole(backend: Backend, journal, tmp_path, kind):
    """`restore`/`get --conflict resume` after a download whose retries ran out: its
    ``.part`` is as long as the object but the first part never arrived (zeros)."""
    data = multipart_object(backend)
    backend.upload("big.bin", data)
    out = tmp_path / "out"
    spec = restore(backend, out) if kind is JobKind.DOWNLOAD_PREFIX else download(backend, "big.bin", out)
    failed = run(_fail_first_part(backend.provider), journal, spec)
    assert failed.state is State.FAILED
    holed = (out / "big.bin.part").read_bytes()
    assert holed[:PART] == bytes(PART) and len(holed) >= 2 * PART  # a hole, then data

    resume = dataclasses.replace(spec, conflict=ConflictPolicy.RESUME)
    resumed = run(backend.provider, Journal(tmp_path / "another-journal.sqlite3"), resume)
    assert resumed.state is State.DONE, resumed.error
    assert (out / "big.bin").read_bytes() == data
    assert resumed.items[0].note.startswith(verified_note(backend, len(data)))
    assert leftovers(out) == []


def test_a_download_killed_then_resumed_by_a_new_job_is_byte_identical(backend: Backend, tmp_path):
    """SIGKILL mid-download with a hole in the ``.part`` file, the journal lost;
    `get --conflict resume` must not keep the hole (``killtest.kill_and_download_again``)."""
    from tests.transfers.killtest import kill_and_download_again

    data = os.urandom(8 * MiB + 3)
    backend.upload("kill/me.bin", data)
    snap = kill_and_download_again(backend.provider, backend.kind, backend.settings, backend.container,
                                   "kill/me.bin", data, tmp_path, part_size=256 * KiB)  # fmt: skip
    folder = tmp_path / "down"
    assert snap.state is State.DONE, snap.error
    assert (folder / "me.bin").read_bytes() == data
    assert snap.items[0].note.startswith("verified: ") and "size only" not in snap.items[0].note
    assert leftovers(folder) == []


def test_a_complete_file_is_skipped_only_when_it_checks_out(backend: Backend, journal, tmp_path):
    data = multipart_object(backend)
    backend.upload("same.bin", data)
    out = tmp_path / "out"
    out.mkdir()
    (out / "same.bin").write_bytes(bytes(len(data)))  # the right size, the wrong bytes
    snap = run(backend.provider, journal, download(backend, "same.bin", out, conflict=ConflictPolicy.RESUME))
    assert snap.state is State.DONE, snap.error
    assert (out / "same.bin").read_bytes() == data
    again = run(backend.provider, journal, download(backend, "same.bin", out, conflict=ConflictPolicy.RESUME))
    assert again.items[0].note.startswith(f"{out / 'same.bin'} is complete already (verified: ")


# -- one folder cannot hold a file and a folder of one name ---------------------------------


def test_objects_x_and_x_slash_y_keep_the_first_and_say_which_clashed(backend: Backend, journal, tmp_path):
    if backend.name == "local":
        pytest.skip("a local folder cannot hold x and x/y.txt either")
    sending.upload_bytes(backend.provider, backend.container, "x", b"the file x")
    sending.upload_bytes(backend.provider, backend.container, "x/y.txt", b"under x")
    out = tmp_path / "out"
    snap = run(backend.provider, journal, restore(backend, out))
    assert snap.state is State.FAILED
    items = {item.key: item for item in snap.items}
    assert items["x"].state is State.DONE
    error = items["x/y.txt"].error or ""
    assert "'x/y.txt'" in error and "'x'" in error and "was kept" in error, error
    assert str(tmp_path) not in error
    assert (out / "x").read_bytes() == b"the file x"
    assert leftovers(out) == []


# -- what only some services have ---------------------------------------------------------


@pytest.mark.parametrize("backend", ["s3_moto", "s3_swift"], indirect=True)
def test_s3_parts_of_uneven_sizes_are_looked_up_when_the_guess_fails(backend: Backend, journal, tmp_path):
    """The layout is inferred from the first part (5 MiB, 3 parts: 5+5+5 would fit 15
    MiB); these are 5, 6 and 4 MiB, so the recomputed ETag differs until each part's size
    is asked."""
    client = backend.provider._client  # type: ignore[attr-defined]  # our boto3 client, for an odd upload
    sizes = [5 * MiB, 6 * MiB, 4 * MiB]
    data = os.urandom(sum(sizes))
    upload = client.create_multipart_upload(Bucket=backend.container, Key="uneven.bin")
    parts, start = [], 0
    for number, size in enumerate(sizes, 1):
        reply = client.upload_part(
            Bucket=backend.container,
            Key="uneven.bin",
            UploadId=upload["UploadId"],
            PartNumber=number,
            Body=data[start : start + size],
        )
        parts.append({"PartNumber": number, "ETag": reply["ETag"]})
        start += size
    client.complete_multipart_upload(
        Bucket=backend.container,
        Key="uneven.bin",
        UploadId=upload["UploadId"],
        MultipartUpload={"Parts": parts},
    )
    snap = run(backend.provider, journal, download(backend, "uneven.bin", tmp_path))
    assert snap.state is State.DONE, snap.error
    assert snap.items[0].note == "verified: MD5 of 3 parts (S3 multipart ETag)"
    assert (tmp_path / "uneven.bin").read_bytes() == data


@pytest.mark.parametrize("backend", ["swift"], indirect=True)
def test_a_swift_dlo_restores_whole_and_verified_by_its_segments(backend: Backend, journal, tmp_path):
    """A DLO's listing entry says 0 bytes (the manifest's own size): the download must
    ask, fetch the whole object and check each segment."""
    segments = [os.urandom(300 * KiB + n) for n in range(3)]
    for n, body in enumerate(segments):
        sending.upload_bytes(backend.provider, backend.container, f"segs/{n:03d}", body)
    client = backend.provider.client  # type: ignore[attr-defined]  # our swiftclient pool, for a DLO
    manifest = f"{backend.container}/segs/"
    client.call(
        "DLO",
        lambda c: c.put_object(
            backend.container, "dlo/whole.bin", b"", headers={"X-Object-Manifest": manifest}
        ),
    )
    snap = run(
        backend.provider,
        journal,
        JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", backend.container, key="dlo/", local=str(tmp_path)),
    )
    assert snap.state is State.DONE, snap.error
    assert (tmp_path / "dlo" / "whole.bin").read_bytes() == b"".join(segments)
    assert snap.items[0].note == "verified: MD5 of 3 segments (Swift DLO segment listing)"


# -- a stream (cat) ------------------------------------------------------------------------


def test_a_whole_object_streamed_is_checked_as_it_goes(backend: Backend):
    from storebrowser.transfers.stream import VerifiedRead

    data = multipart_object(backend)
    backend.upload("cat.bin", data)
    read = VerifiedRead(backend.provider, backend.container, "cat.bin")
    assert b"".join(read) == data
    expected = verified_note(backend, len(data))
    if backend.name == "azure":  # ranges of 4 MiB, each checked before it is handed on
        # (two at least: a read of all of a blob answers with its Content-MD5, set by our commit)
        ranges = max(2, -(-len(data) // (4 * MiB)))
        expected = f"verified: MD5 of {ranges} range{'s' if ranges > 1 else ''} (Azure range MD5)"
    assert read.note == expected


def test_a_byte_damaged_in_a_stream_is_said(backend: Backend):
    from storebrowser.core.errors import ChecksumMismatch
    from storebrowser.transfers.stream import VerifiedRead

    data = multipart_object(backend)
    backend.upload("cat.bin", data)
    handed: list[bytes] = []
    with pytest.raises(ChecksumMismatch, match="but the server's"):
        handed.extend(VerifiedRead(Corrupting(backend.provider, at=0), backend.container, "cat.bin"))
    if backend.name == "azure":
        assert handed == []  # the damaged range was never handed on


@pytest.mark.parametrize("backend", ["s3_moto"], indirect=True)
def test_s3_kms_objects_are_checked_by_their_stored_checksum(backend: Backend, journal, tmp_path):
    """With KMS the ETag is no MD5; a checksum stored at upload is the proof, else the
    note says why only the size was checked."""
    client = backend.provider._client  # type: ignore[attr-defined]  # our boto3 client, for KMS options
    data = os.urandom(PART + 1)  # more than one part: the listing's ETag is no hint then
    kms = {"ServerSideEncryption": "aws:kms"}
    summed = {"ChecksumAlgorithm": "SHA256", **kms}
    client.put_object(Bucket=backend.container, Key="kms/summed", Body=data, **summed)
    client.put_object(Bucket=backend.container, Key="kms/plain", Body=data, **kms)
    snap = run(backend.provider, journal, restore(backend, tmp_path))
    assert snap.state is State.DONE, snap.error
    notes = {item.key: item.note for item in snap.items}
    assert notes["kms/summed"] == "verified: SHA-256 of the whole object (S3 stored SHA-256 checksum)"
    assert notes["kms/plain"].startswith("verified: size only (encrypted with aws:kms")
    assert (tmp_path / "kms" / "summed").read_bytes() == data == (tmp_path / "kms" / "plain").read_bytes()


@pytest.mark.parametrize("backend", ["s3_moto", "azure"], indirect=True)
def test_a_complete_file_with_nothing_to_check_it_by_is_downloaded_again(backend: Backend, journal, tmp_path):
    """Policy RESUME skipped a file of the object's size as complete with nothing checked
    where the object has no digest to check a file by (an S3 object under KMS with no
    stored checksum; an Azure blob without a Content-MD5, which the service proves only
    with the bytes it sends): a file of other bytes stayed, said "complete already"."""
    data = os.urandom(PART + 1)
    if backend.name == "azure":
        from azure.storage.blob import BlobServiceClient, ContentSettings

        backend.upload("same.bin", data)
        sdk = BlobServiceClient.from_connection_string(backend.settings["connection_string"])
        blob = sdk.get_blob_client(backend.container, "same.bin")
        blob.set_http_headers(ContentSettings(content_type="application/octet-stream"))  # no Content-MD5
    else:
        client = backend.provider._client  # type: ignore[attr-defined]  # our boto3 client, for KMS options
        client.put_object(Bucket=backend.container, Key="same.bin", Body=data, ServerSideEncryption="aws:kms")
    out = tmp_path / "out"
    out.mkdir()
    (out / "same.bin").write_bytes(bytes(len(data)))  # the right size, the wrong bytes
    snap = run(backend.provider, journal, download(backend, "same.bin", out, conflict=ConflictPolicy.RESUME))
    assert snap.state is State.DONE, snap.error
    assert "complete already" not in snap.items[0].note, snap.items[0].note
    assert (out / "same.bin").read_bytes() == data


# -- a copy streamed through this process (between accounts) ------------------------------


@pytest.mark.parametrize("path", ["whole", "parts", "stored_then_proven"])
def test_a_copy_streamed_between_accounts_is_proven_before_it_replaces_anything(
    backend: Backend, path: str, monkeypatch: pytest.MonkeyPatch
):
    """The source's bytes are proven as a download's are, before they replace what the
    target holds: read whole first (one request), or before the parts are made the object
    (a mismatch aborts them). Only a large object to a target that takes no parts is
    proven after it is stored; a wrong copy is then deleted, and the error says so."""
    from storebrowser.core.errors import ChecksumMismatch, NotFound
    from storebrowser.transfers import streamed_copy
    from storebrowser.transfers.streamed_copy import stream_copy

    provider, container = backend.provider, backend.container
    data = multipart_object(backend)
    backend.upload("src.bin", data)
    backend.upload("held.bin", b"what the target held")
    # The fixture sends anything over one part in parts; "whole" raises that above the copy.
    whole_up_to = provider.min_part_size if path == "parts" else 4 * provider.min_part_size
    monkeypatch.setattr(provider, "multipart_threshold", whole_up_to)
    if path == "stored_then_proven":  # nothing read whole, nothing in parts
        monkeypatch.setattr(streamed_copy, "WHOLE_IN_MEMORY", 0)
        monkeypatch.setattr(provider, "can_upload_in_parts", lambda _key: False)
    info = stream_copy(provider, container, "src.bin", provider, container, "copy.bin")
    assert info.size == len(data) and provider.read(container, "copy.bin") == data
    with pytest.raises(ChecksumMismatch, match="but the server's") as failed:
        stream_copy(Corrupting(provider, at=0), container, "src.bin", provider, container, "held.bin")
    if path == "stored_then_proven" and backend.name != "azure":  # Azure proves each read first
        assert "The copy" in str(failed.value) and "was deleted" in str(failed.value)
        with pytest.raises(NotFound):
            provider.stat(container, "held.bin")
    else:
        assert provider.read(container, "held.bin") == b"what the target held"
    assert provider.read(container, "src.bin") == data


class _Longer(Counting):
    """Sends a byte more than asked at the end of every read: a source that says one size
    and delivers another (Azure's proven reads ask for ranges, each checked for length)."""

    def iter_read(
        self, container: str, key: str, byte_range: ByteRange = WHOLE, **kwargs: Any
    ) -> Iterator[bytes]:
        yield from super().iter_read(container, key, byte_range, **kwargs)
        yield b"!"


def test_a_copy_whose_source_sends_more_than_its_size_fails_and_replaces_nothing(backend: Backend):
    from storebrowser.core.errors import StorageError
    from storebrowser.transfers.streamed_copy import stream_copy

    provider, container = backend.provider, backend.container
    backend.upload("src.bin", b"small object\n" * 100)
    backend.upload("held.bin", b"what the target held")
    with pytest.raises(StorageError):
        stream_copy(_Longer(provider), container, "src.bin", provider, container, "held.bin")
    assert provider.read(container, "held.bin") == b"what the target held"


def test_a_move_between_accounts_over_damaged_bytes_fails_and_keeps_its_source(backend: Backend, journal):
    from storebrowser.core.errors import NotFound

    provider, container = backend.provider, backend.container
    data = multipart_object(backend)
    backend.upload("moving.bin", data)
    settings: dict[str, Any] = dict(part_size=PART, part_concurrency=3, concurrency=1, retry=FAST_RETRY)
    accounts = {"acct": Corrupting(provider, at=0), "other": provider}
    engine = TransferEngine(accounts, journal, **settings)  # type: ignore[arg-type]
    spec = JobSpec(JobKind.MOVE, "acct", container, key="moving.bin", dst_account="other",
                   dst_container=container, dst_key="moved.bin")  # fmt: skip
    job = engine.submit(spec)
    assert engine.wait_idle(180)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.FAILED
    assert "but the server's" in (snap.items[0].error or ""), snap.items[0].error
    assert provider.read(container, "moving.bin") == data  # the source stays
    with pytest.raises(NotFound):
        provider.stat(container, "moved.bin")
