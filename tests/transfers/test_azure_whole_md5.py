"""Azure downloads checked once against the blob's Content-MD5, in big reads, with the
service's MD5 of each small read behind it (``ContentProof.per_read``), on Azurite: our
block uploads set the Content-MD5 of the bytes sent; a byte damaged on the way or a wrong
stored Content-MD5 makes the download read again by ranges, never hand over wrong bytes;
a resume's kept parts are in the whole-file check; without a Content-MD5 every read
brings its MD5 as before."""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
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
from storebrowser.transfers.stream import VerifiedRead
from tests.transfers.helpers import FAST_RETRY, WHOLE, Counting, flip_first_byte

MiB = 1024 * 1024
#: Download parts larger than the 4 MiB a range MD5 is given for.
PART = 6 * MiB
RANGE = 4 * MiB
WHOLE_NOTE = "verified: MD5 of the whole object (the blob's Content-MD5)"


@dataclass
class Azure:
    provider: Provider
    sdk: Any  # azure.storage.blob.ContainerClient of the same container
    container: str

    def upload(self, key: str, data: bytes) -> None:
        """In blocks of 1 MiB, committed by our upload path."""
        import io

        sending.upload(self.provider, self.container, key, io.BytesIO(data), size=len(data))

    def set_content_md5(self, key: str, md5: bytes | None) -> None:
        """Set Blob Properties with only this Content-MD5 (``None`` clears it)."""
        from azure.storage.blob import ContentSettings

        blob = self.sdk.get_blob_client(key)
        blob.set_http_headers(ContentSettings(content_type="application/octet-stream",
                                              content_md5=bytearray(md5) if md5 else None))  # fmt: skip


@pytest.fixture
def azure(azurite_server: Any) -> Iterator[Azure]:
    from azure.storage.blob import BlobServiceClient

    provider = open_provider("azure", {"connection_string": azurite_server.connection_string})
    provider.connect()
    container = f"whole{uuid.uuid4().hex[:12]}"
    provider.create_container(container)
    provider.part_size = provider.multipart_threshold = provider.min_part_size
    sdk = BlobServiceClient.from_connection_string(azurite_server.connection_string)
    yield Azure(provider, sdk.get_container_client(container), container)
    with contextlib.suppress(StorageError):
        provider.delete_container(container, force=True)
    provider.close()


class Damaging(Counting):
    """Flips one bit of the first chunk of reads starting at ``at``: of the first such read
    only (``once``), or of every one. Parts at ``fail_at`` always fail (retries run out)."""

    def __init__(self, inner: Provider, at: int | None, *, once: bool, fail_at: int | None = None) -> None:
        super().__init__(inner)
        self.at, self.once, self.fail_at = at, once, fail_at
        self.damaged = 0

    def iter_read(
        self, container: str, key: str, byte_range: ByteRange = WHOLE, **kwargs: Any
    ) -> Iterator[bytes]:
        if byte_range.start == self.fail_at:
            raise Transient("connection reset (test)")
        chunks = super().iter_read(container, key, byte_range, **kwargs)
        if byte_range.start != self.at or (self.once and self.damaged):
            return chunks
        self.damaged += 1
        return flip_first_byte(chunks)


def run(provider: object, journal: Journal, spec: JobSpec) -> JobSnapshot:
    engine = TransferEngine({"acct": provider}, journal, part_size=PART, part_concurrency=2,  # type: ignore[dict-item]
                            retry=FAST_RETRY)  # fmt: skip
    job = engine.submit(spec)
    assert engine.wait_idle(180)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    return snap


def download(azure: Azure, key: str, folder: Path) -> JobSpec:
    return JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", azure.container, key=key, local=str(folder))


def ranges_note(size: int) -> str:
    return f"verified: MD5 of {-(-size // RANGE)} ranges (Azure range MD5)"


def test_blocks_are_committed_with_the_md5_of_the_bytes_sent(azure: Azure):
    data = os.urandom(3 * MiB + 5)
    azure.upload("up.bin", data)
    info = azure.provider.stat(azure.container, "up.bin")
    assert info.content_md5 == hashlib.md5(data).hexdigest()


def test_a_blob_with_a_content_md5_is_read_in_big_parts_and_checked_whole(azure: Azure, journal, tmp_path):
    data = os.urandom(2 * PART + 7)
    azure.upload("big.bin", data)
    counting = Counting(azure.provider)
    snap = run(counting, journal, download(azure, "big.bin", tmp_path / "out"))
    assert snap.state is State.DONE, snap.error
    assert snap.items[0].note == WHOLE_NOTE
    assert sorted(r.start for r in counting.reads) == [0, PART, 2 * PART]  # no 4 MiB reads
    assert (tmp_path / "out" / "big.bin").read_bytes() == data


def test_without_a_content_md5_each_read_brings_its_md5(azure: Azure, journal, tmp_path):
    data = os.urandom(2 * PART + 7)
    azure.upload("plain.bin", data)
    azure.set_content_md5("plain.bin", None)
    counting = Counting(azure.provider)
    snap = run(counting, journal, download(azure, "plain.bin", tmp_path / "out"))
    assert snap.state is State.DONE, snap.error
    assert snap.items[0].note == ranges_note(len(data))
    assert max(r.end - r.start for r in counting.reads if r.end is not None) == RANGE
    assert (tmp_path / "out" / "plain.bin").read_bytes() == data


def test_a_byte_damaged_in_a_big_read_is_caught_and_read_again_by_ranges(azure: Azure, journal, tmp_path):
    data = os.urandom(2 * PART + 7)
    azure.upload("big.bin", data)
    damaging = Damaging(azure.provider, at=PART, once=True)
    snap = run(damaging, journal, download(azure, "big.bin", tmp_path / "out"))
    assert damaging.damaged == 1
    assert snap.state is State.DONE, snap.error
    note = snap.items[0].note
    assert note.startswith(ranges_note(len(data)) + ", read again after a first read did not match: "), note
    assert "as received is" in note and "(the blob's Content-MD5)" in note
    assert (tmp_path / "out" / "big.bin").read_bytes() == data


def test_a_byte_damaged_in_every_read_fails_the_item_and_keeps_nothing(azure: Azure, journal, tmp_path):
    data = os.urandom(2 * PART + 7)
    azure.upload("big.bin", data)
    at = 3 * RANGE  # = 2 * PART: a read starts there by big parts and by ranges alike
    damaging = Damaging(azure.provider, at=at, once=False)
    snap = run(damaging, journal, download(azure, "big.bin", tmp_path / "out"))
    assert snap.state is State.FAILED
    error = snap.items[0].error or ""
    assert "(Azure range MD5)" in error and "The partial file was removed" in error, error
    assert list((tmp_path / "out").iterdir()) == []


def test_a_wrong_stored_content_md5_is_said_and_the_blob_read_again(azure: Azure, journal, tmp_path):
    data = os.urandom(2 * PART + 7)
    azure.upload("claimed.bin", data)
    wrong = hashlib.md5(b"something else").digest()
    azure.set_content_md5("claimed.bin", wrong)
    counting = Counting(azure.provider)
    snap = run(counting, journal, download(azure, "claimed.bin", tmp_path / "out"))
    assert snap.state is State.DONE, snap.error
    note = snap.items[0].note
    assert note.startswith(ranges_note(len(data)) + ", read again after"), note
    assert f"but the server's (the blob's Content-MD5) is {wrong.hex()}" in note
    assert len(counting.reads) == 3 + -(-len(data) // RANGE)  # big parts, then every range
    assert (tmp_path / "out" / "claimed.bin").read_bytes() == data


def test_a_resume_checks_the_parts_it_kept_against_the_whole_md5(azure: Azure, journal, tmp_path):
    """The first run journals part 1 with the CRC32 of damaged bytes (damaged on the way)
    and fails on part 3; the resume keeps parts 1 and 2 (their CRC32s match the disk), so
    only the whole-file check can catch the damage: then every range is read again."""
    data = os.urandom(2 * PART + 7)
    azure.upload("r/big.bin", data)
    out = tmp_path / "out"
    spec = JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", azure.container, key="", local=str(out))
    first = run(Damaging(azure.provider, at=0, once=True, fail_at=2 * PART), journal, spec)
    assert first.state is State.FAILED and "connection reset" in (first.items[0].error or "")
    [kept] = journal.load_jobs()
    assert sorted(kept.items[0].parts) == [1, 2]

    counting = Counting(azure.provider)
    engine = TransferEngine({"acct": counting}, Journal(journal.path), part_size=PART,  # type: ignore[dict-item]
                            retry=FAST_RETRY)  # fmt: skip
    assert engine.resume_unfinished() == [first.id]
    assert engine.wait_idle(180)
    snap = engine.snapshot().job(first.id)
    engine.shutdown()
    assert snap.state is State.DONE, snap.error
    assert counting.reads[0].start == 2 * PART  # parts 1 and 2 were kept...
    assert len(counting.reads) == 1 + -(-len(data) // RANGE)  # ...and the check caught part 1
    assert "read again after" in snap.items[0].note
    assert (out / "r" / "big.bin").read_bytes() == data
    assert not list(out.rglob("*.part"))


def test_a_resumed_upload_sends_again_a_kept_part_whose_bytes_changed(azure: Azure, journal, tmp_path):
    """The whole MD5 set at commit is of the bytes stored: a part the server holds from
    the first run is read again for it, and sent again when the file changed there."""
    part = azure.provider.min_part_size
    path = tmp_path / "up.bin"
    path.write_bytes(os.urandom(3 * part + 9))
    failing = Counting(azure.provider)

    def fail_part_3(number: int) -> None:
        if number == 3:
            raise Transient("connection reset (test)")

    failing.before_part = fail_part_3
    spec = JobSpec(JobKind.UPLOAD_FILE, "acct", azure.container, key="up.bin", local=str(path))
    engine = TransferEngine({"acct": failing}, journal, part_concurrency=1, retry=FAST_RETRY)  # type: ignore[dict-item]
    job = engine.submit(spec)
    assert engine.wait_idle(120)
    engine.shutdown()
    assert engine.snapshot().job(job).state is State.FAILED

    changed = bytearray(path.read_bytes())
    changed[10] ^= 1  # in part 1, which the server holds
    path.write_bytes(bytes(changed))
    counting = Counting(azure.provider)
    engine = TransferEngine({"acct": counting}, Journal(journal.path), part_concurrency=1,  # type: ignore[dict-item]
                            retry=FAST_RETRY)  # fmt: skip
    assert engine.resume_unfinished() == [job]
    assert engine.wait_idle(120)
    engine.shutdown()
    assert engine.snapshot().job(job).state is State.DONE, engine.snapshot().job(job).error
    assert sorted(counting.parts_sent) == [1, 3, 4]  # part 2 kept, part 1 sent again
    assert azure.provider.read(azure.container, "up.bin") == bytes(changed)
    info = azure.provider.stat(azure.container, "up.bin")
    assert info.content_md5 == hashlib.md5(changed).hexdigest()


def test_a_listed_blob_in_one_read_damaged_on_the_way_is_not_handed_over(azure: Azure, journal, tmp_path):
    """A listing's Content-MD5 is checked first (no request per object); a blob read in one
    part of more than 4 MiB comes with no range MD5, so when that check fails the service's
    proof must be read again, not the size alone taken for it."""
    data = os.urandom(5 * MiB)
    azure.provider.multipart_threshold = 64 * MiB  # one Put Blob: the service's Content-MD5
    azure.upload("r/five.bin", data)
    out = tmp_path / "out"
    spec = JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", azure.container, key="", local=str(out))
    snap = run(Damaging(azure.provider, at=0, once=True), journal, spec)
    assert snap.state is State.DONE, snap.error
    assert (out / "r" / "five.bin").read_bytes() == data
    assert "read again after" in snap.items[0].note, snap.items[0].note


def test_a_part_file_matching_a_wrong_content_md5_is_not_adopted(azure: Azure, journal, tmp_path):
    """`--conflict resume` finds a ``.part`` without a journal entry that holds other bytes
    of the same size, and the blob's Content-MD5 (a writer's claim) is wrongly theirs: the
    file must not be taken for the blob, which the service holds and proves by ranges."""
    data, other = os.urandom(2 * PART + 7), os.urandom(2 * PART + 7)
    azure.upload("big.bin", data)
    azure.set_content_md5("big.bin", hashlib.md5(other).digest())
    out = tmp_path / "out"
    out.mkdir()
    (out / "big.bin.part").write_bytes(other)
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", azure.container, key="big.bin", local=str(out),
                   conflict=ConflictPolicy.RESUME)  # fmt: skip
    snap = run(azure.provider, journal, spec)
    assert snap.state is State.DONE, snap.error
    assert (out / "big.bin").read_bytes() == data
    assert "read again after" in snap.items[0].note, snap.items[0].note


@pytest.mark.parametrize("size", [1 * MiB + 3, RANGE], ids=["1MiB", "4MiB"])
def test_a_small_blob_with_a_wrong_content_md5_is_read_again_in_two_ranges(azure: Azure, journal, tmp_path,
                                                                          size: int):  # fmt: skip
    """A read of a whole blob is answered, for its MD5, with the blob's Content-MD5 (Azurite,
    BlobHandler.js ``if (!partialRead)``; Get Blob's documentation says the same of a read
    of the complete blob): the range MD5s behind a wrong claim must come from reads of part
    of it, or a blob of up to 4 MiB fails where the service holds the right bytes."""
    data = os.urandom(size)
    azure.upload("s/small.bin", data)
    azure.set_content_md5("s/small.bin", hashlib.md5(b"something else").digest())
    out = tmp_path / "out"
    spec = JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", azure.container, key="", local=str(out))
    snap = run(azure.provider, journal, spec)
    assert snap.state is State.DONE, snap.error
    assert "read again after" in snap.items[0].note, snap.items[0].note
    assert (out / "s" / "small.bin").read_bytes() == data


class Unproving(Counting):
    """Strips the service's MD5 from the receipt of reads starting at ``at``: of the first
    such read only (``once``), or of every one."""

    def __init__(self, inner: Provider, at: int, *, once: bool) -> None:
        super().__init__(inner)
        self.at, self.once = at, once
        self.stripped = 0

    def iter_read(
        self, container: str, key: str, byte_range: ByteRange = WHOLE, **kwargs: Any
    ) -> Iterator[bytes]:
        receipt = kwargs.get("receipt")
        if receipt is not None and byte_range.start == self.at and not (self.once and self.stripped):
            self.stripped += 1
            kwargs["receipt"] = lambda said: receipt(replace(said, md5=None))
        return super().iter_read(container, key, byte_range, **kwargs)


def test_a_range_read_without_its_md5_is_read_again(azure: Azure, journal, tmp_path):
    """Azure sends the MD5 of every read of up to 4 MiB asked with it; a reply without one
    (the SDK's answer asked again dropped it, see test_faults) is read again, not taken
    by its size ("MD5 of 3 of 4 ranges; 1 by size only")."""
    data = os.urandom(2 * PART + 7)
    azure.upload("plain.bin", data)
    azure.set_content_md5("plain.bin", None)
    unproving = Unproving(azure.provider, at=RANGE, once=True)
    snap = run(unproving, journal, download(azure, "plain.bin", tmp_path / "out"))
    assert snap.state is State.DONE, snap.error
    assert snap.items[0].note == ranges_note(len(data))
    assert [r.start for r in unproving.reads].count(RANGE) == 2
    assert (tmp_path / "out" / "plain.bin").read_bytes() == data


def test_a_range_the_service_never_proves_fails_the_item_and_keeps_nothing(azure: Azure, journal, tmp_path):
    data = os.urandom(2 * PART + 7)
    azure.upload("plain.bin", data)
    azure.set_content_md5("plain.bin", None)
    unproving = Unproving(azure.provider, at=RANGE, once=False)
    snap = run(unproving, journal, download(azure, "plain.bin", tmp_path / "out"))
    assert snap.state is State.FAILED
    error = snap.items[0].error or ""
    reads = f"({FAST_RETRY.attempts} reads)"
    assert f"sent no MD5 with bytes {RANGE}-{2 * RANGE - 1} of 'plain.bin' {reads}" in error, error
    assert unproving.stripped == FAST_RETRY.attempts
    assert list((tmp_path / "out").iterdir()) == []


def test_a_stream_reads_again_a_range_without_its_md5(azure: Azure):
    """``cat``, the preview and Versions' reads: a range whose reply came without its MD5
    is read again before its bytes are handed on ("the others checked by length")."""
    data = os.urandom(2 * RANGE + 7)
    azure.upload("plain.bin", data)
    azure.set_content_md5("plain.bin", None)
    unproving = Unproving(azure.provider, at=RANGE, once=True)
    read = VerifiedRead(unproving, azure.container, "plain.bin")  # type: ignore[arg-type]  # a wrapper, not a Provider
    assert b"".join(read) == data
    assert read.note == "verified: MD5 of 3 ranges (Azure range MD5)"
    assert [r.start for r in unproving.reads] == [0, RANGE, RANGE, 2 * RANGE]


@pytest.mark.parametrize("size", [1 * MiB + 3, RANGE], ids=["1MiB", "4MiB"])
def test_a_small_blob_with_a_wrong_content_md5_streams_in_two_ranges(azure: Azure, size: int):
    """As the engine's download (above): a stream of a blob that fits one checked read
    would have the blob's stored Content-MD5 for that read's MD5, a false failure for
    ever when it is wrong; two reads of part of it bring the service's own."""
    data = os.urandom(size)
    azure.upload("small.bin", data)
    azure.set_content_md5("small.bin", hashlib.md5(b"something else").digest())
    read = VerifiedRead(azure.provider, azure.container, "small.bin")
    assert b"".join(read) == data
    assert read.note == "verified: MD5 of 2 ranges (Azure range MD5)"
