"""The engine against the real test servers: Swift (native and s3api) and Azurite."""

from __future__ import annotations

import contextlib
import io
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import InvalidName, NotFound, StorageError
from storebrowser.core.listing import iter_objects
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import JobSpec
from storebrowser.transfers.progress import JobSnapshot
from tests.providers.other_clients import other_client
from tests.transfers.helpers import FAST_RETRY, Counting, CountingUpload

MiB = 1024 * 1024
BACKENDS = ["swift", "s3_swift", "azure"]


@dataclass
class Backend:
    kind: str
    settings: dict[str, Any]
    provider: Provider
    container: str
    name: str = ""  # the BACKENDS entry, for ``other_client``


def _settings(name: str, request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    if name == "swift":
        server = request.getfixturevalue("swift_server")
        return "swift", {"auth_url": server.auth_url, "auth_version": "1",
                         "username": server.user, "api_key": server.key}  # fmt: skip
    if name == "s3_swift":
        server = request.getfixturevalue("swift_server")
        return "s3", {"access_key_id": server.s3_access_key,
                      "secret_access_key": server.s3_secret_key, "region": server.region,
                      "endpoint_url": server.s3_endpoint, "path_style": True}  # fmt: skip
    server = request.getfixturevalue("azurite_server")
    return "azure", {"connection_string": server.connection_string}


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    kind, settings = _settings(request.param, request)
    provider = open_provider(kind, settings)
    provider.connect()
    container = f"tr{uuid.uuid4().hex[:12]}"
    provider.create_container(container)
    # Small parts so a few MiB exercise the multipart/staged/SLO path.
    provider.part_size = provider.min_part_size
    provider.multipart_threshold = provider.min_part_size
    yield Backend(kind, settings, provider, container, request.param)
    with contextlib.suppress(StorageError):
        provider.delete_container(container, force=True)
    provider.close()


#: What a download of an object uploaded in 4 parts of 1 MiB is verified by, per backend.
IN_PARTS = {
    "swift": "verified: MD5 of 4 segments (Swift SLO manifest)",
    "s3_swift": "verified: MD5 of 4 parts (S3 multipart ETag)",
    "azure": "verified: MD5 of the whole object (the blob's Content-MD5)",  # set by our commit
}


def whole_md5_note(backend: str) -> str:
    """What a download of an object stored in one request is verified by."""
    if backend == "azure":  # Put Blob computes the Content-MD5
        return "verified: MD5 of the whole object (the blob's Content-MD5)"
    return f"verified: MD5 of the whole object ({'Swift' if backend == 'swift' else 'S3'} ETag)"


def engine_for(provider: object, journal: Journal, **kwargs: Any) -> TransferEngine:
    options: dict[str, Any] = dict(part_size=1 * MiB, part_concurrency=3, concurrency=2,
                                   retry=FAST_RETRY)  # fmt: skip
    options.update(kwargs)
    return TransferEngine({"acct": provider}, journal, **options)


def big_file(tmp_path: Path, provider: Provider, parts: float = 3.5) -> tuple[Path, bytes]:
    data = os.urandom(int(provider.min_part_size * parts))
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    return path, data


def upload_spec(b: Backend, path: Path, key: str) -> JobSpec:
    return JobSpec(JobKind.UPLOAD_FILE, "acct", b.container, key=key, local=str(path))


def all_keys(provider: Provider) -> dict[str, list[str]]:
    """Every object in every container: orphan segments would show here."""
    found = {c.name: [o.key for o in iter_objects(provider, c.name)] for c in provider.list_containers()}
    return {name: keys for name, keys in found.items() if keys}  # an empty container is no orphan


def test_parallel_part_upload_and_ranged_download_round_trip(backend: Backend, journal, tmp_path):
    path, data = big_file(tmp_path, backend.provider)
    counting = Counting(backend.provider)
    engine = engine_for(counting, journal)
    up = engine.submit(upload_spec(backend, path, "dir/big.bin"))
    assert engine.wait_idle(120)
    assert engine.snapshot().job(up).state is State.DONE, engine.snapshot().job(up).error
    assert sorted(counting.parts_sent) == [1, 2, 3, 4]
    assert backend.provider.stat(backend.container, "dir/big.bin").size == len(data)

    down = engine.submit(JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", backend.container,
                                 key="dir/big.bin", local=str(tmp_path / "out")))  # fmt: skip
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(down)
    engine.shutdown()
    assert snap.state is State.DONE, snap.error
    assert (tmp_path / "out" / "big.bin").read_bytes() == data
    assert snap.items[0].note == IN_PARTS[backend.name], snap.items[0].note  # by content, not size
    assert len(counting.reads) == -(-len(data) // MiB)


def test_small_download_verifies_md5_where_the_etag_is_one(backend: Backend, journal, tmp_path):
    sending.upload_bytes(backend.provider, backend.container, "small.txt", b"hello md5")
    engine = engine_for(backend.provider, journal)
    job = engine.submit(JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", backend.container,
                                key="small.txt", local=str(tmp_path)))  # fmt: skip
    assert engine.wait_idle(60)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.DONE
    assert snap.items[0].note == whole_md5_note(backend.name)  # each service vouches
    assert (tmp_path / "small.txt").read_bytes() == b"hello md5"


def test_big_single_request_object_in_a_folder_download_is_md5_verified(backend: Backend, journal, tmp_path):
    """Listed, several parts long, stored in one request: the service knows the MD5 (a HEAD
    for S3 and Swift, whose listings do not say; Azure's listing does) and it is checked."""
    data = os.urandom(3 * MiB + 5)
    backend.provider.multipart_threshold = 64 * MiB
    sending.upload(backend.provider, backend.container, "f/one.bin", io.BytesIO(data), size=len(data))
    engine = engine_for(backend.provider, journal)
    job = engine.submit(JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", backend.container,
                                key="f/", local=str(tmp_path)))  # fmt: skip
    assert engine.wait_idle(60)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.DONE, snap.error
    assert [item.note for item in snap.items] == [whole_md5_note(backend.name)]
    assert (tmp_path / "f" / "one.bin").read_bytes() == data


def _paused_after_part_2(backend: Backend, journal: Journal, path: Path, key: str) -> str:
    """An upload of ``path`` in parts, paused once parts 1 and 2 are on the server; the
    engine is shut down (as if the app closed). Returns the job."""
    counting = Counting(backend.provider)
    engine = engine_for(counting, journal, part_concurrency=1)
    job = engine.submit(upload_spec(backend, path, key))
    counting.before_part = lambda n: engine.pause(job) if n == 2 else None
    assert engine.wait_idle(120)
    assert engine.snapshot().job(job).state is State.PAUSED
    engine.shutdown()
    assert sorted(counting.parts_sent) == [1, 2]
    return job


def _resumed(backend: Backend, journal: Journal, job: str) -> tuple[JobSnapshot, list[int]]:
    """``job`` resumed by a new engine on the same journal: its end, and the parts it sent."""
    journal2 = Journal(journal.path)
    counting2 = Counting(backend.provider)
    engine2 = engine_for(counting2, journal2, part_concurrency=2)
    assert engine2.resume_unfinished() == [job]
    engine2.resume(job)
    assert engine2.wait_idle(120)
    snap = engine2.snapshot().job(job)
    engine2.shutdown()
    journal2.close()
    return snap, sorted(counting2.parts_sent)


def test_paused_upload_resumes_after_restart_without_resending_parts(backend: Backend, journal, tmp_path):
    path, data = big_file(tmp_path, backend.provider, parts=4.2)
    job = _paused_after_part_2(backend, journal, path, "resumed.bin")
    snap, sent = _resumed(backend, journal, job)
    assert snap.state is State.DONE, snap.error
    assert sent == [3, 4, 5]
    assert backend.provider.read(backend.container, "resumed.bin") == data


def test_a_resumed_upload_sends_again_a_kept_part_whose_bytes_changed(backend: Backend, journal, tmp_path):
    """The file changed between the runs, in a part the server holds: that part is sent
    again (the journal's checksum of it no longer matches), so the object is the file as
    it is now, not half old, half new."""
    path, _ = big_file(tmp_path, backend.provider, parts=4.2)
    job = _paused_after_part_2(backend, journal, path, "changed.bin")
    changed = bytearray(path.read_bytes())
    changed[10] ^= 1  # in part 1, which the server holds
    path.write_bytes(bytes(changed))
    snap, sent = _resumed(backend, journal, job)
    assert snap.state is State.DONE, snap.error
    assert sent == [1, 3, 4, 5]  # part 2 kept, part 1 sent again
    assert backend.provider.read(backend.container, "changed.bin") == bytes(changed)


def test_a_file_written_to_while_it_uploads_fails_its_item_saying_so(backend: Backend, journal, tmp_path):
    """Part 1 is sent, then the file is written to there (same size): the object may hold
    both states, so the item does not end DONE, and the object there before stays."""
    path, _ = big_file(tmp_path, backend.provider, parts=3.2)
    backend.provider.put_object(backend.container, "moving.bin", io.BytesIO(b"the old one"), size=11)
    counting = Counting(backend.provider)

    def write_to_part_1(number: int) -> None:
        if number == 3:
            with path.open("r+b") as file:
                file.seek(10)
                file.write(b"written meanwhile")

    counting.before_part = write_to_part_1
    engine = engine_for(counting, journal, part_concurrency=1)
    job = engine.submit(upload_spec(backend, path, "moving.bin"))
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.FAILED
    assert "was written to while it was uploaded" in (snap.error or "")
    assert backend.provider.read(backend.container, "moving.bin") == b"the old one"


def test_dropped_remote_upload_starts_over_cleanly(backend: Backend, journal, tmp_path):
    path, data = big_file(tmp_path, backend.provider)
    counting = Counting(backend.provider)
    engine = engine_for(counting, journal, part_concurrency=1)
    job = engine.submit(upload_spec(backend, path, "dropped.bin"))
    counting.before_part = lambda n: engine.pause(job) if n == 2 else None
    assert engine.wait_idle(120)
    engine.shutdown()
    [item] = journal.load_jobs()[0].items
    assert item.upload_state is not None
    backend.provider.resume_multipart(item.upload_state).abort()  # as if it expired

    journal2 = Journal(journal.path)
    counting2 = Counting(backend.provider)
    engine2 = engine_for(counting2, journal2)
    engine2.resume_unfinished()
    engine2.resume(job)
    assert engine2.wait_idle(120)
    snap = engine2.snapshot().job(job)
    engine2.shutdown()
    journal2.close()
    assert snap.state is State.DONE, snap.error
    assert sorted(counting2.parts_sent) == [1, 2, 3, 4]
    assert "started over" in snap.items[0].note
    assert backend.provider.read(backend.container, "dropped.bin") == data


def test_cancelled_upload_leaves_no_open_upload_or_segments(backend: Backend, journal, tmp_path):
    path, _data = big_file(tmp_path, backend.provider)
    before = all_keys(backend.provider)
    counting = Counting(backend.provider)
    engine = engine_for(counting, journal, part_concurrency=1)
    job = engine.submit(upload_spec(backend, path, "cancelled.bin"))
    states: list[dict[str, Any]] = []

    def cancel_at_third(number: int) -> None:
        if number == 3:
            states.append(dict(journal.load_jobs()[0].items[0].upload_state or {}))
            engine.cancel(job)

    counting.before_part = cancel_at_third
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.CANCELLED
    assert states, "the upload never reached its third part"
    with pytest.raises(NotFound):
        backend.provider.resume_multipart(states[0])
    assert all_keys(backend.provider) == before


def test_cancelled_download_leaves_no_part_file(backend: Backend, journal, tmp_path):
    data = os.urandom(6 * MiB)
    sending.upload_bytes(backend.provider, backend.container, "c.bin", data)
    counting = Counting(backend.provider)
    engine = engine_for(counting, journal, part_concurrency=2)
    folder = tmp_path / "out"
    job = engine.submit(JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", backend.container, key="c.bin",
                                local=str(folder)))  # fmt: skip
    counting.before_read = lambda r: engine.cancel(job) if r.start >= 3 * MiB else None
    assert engine.wait_idle(120)
    engine.shutdown()
    assert engine.snapshot().job(job).state is State.CANCELLED
    assert list(folder.glob("*")) == []


def test_download_killed_with_sigkill_resumes(backend: Backend, tmp_path):
    from tests.transfers.killtest import kill_and_resume

    data = os.urandom(8 * MiB + 3)
    sending.upload(backend.provider, backend.container, "kill/me.bin", io.BytesIO(data),
                            size=len(data))  # fmt: skip
    kill_and_resume(backend.provider, backend.kind, backend.settings, backend.container,
                    "kill/me.bin", data, tmp_path, part_size=256 * 1024)  # fmt: skip


def test_upload_killed_with_sigkill_resumes(backend: Backend, tmp_path):
    from tests.transfers.killtest import kill_upload_and_resume

    source, _data = big_file(tmp_path, backend.provider, parts=4.5)
    kill_upload_and_resume(backend.provider, backend.kind, backend.settings, backend.container, source,
                           tmp_path)  # fmt: skip


@pytest.mark.parametrize("backend", ["swift"], indirect=True)  # the engine's flaw, the same everywhere
def test_download_killed_then_fetched_again_with_resume_is_byte_identical(backend: Backend, tmp_path):
    """The journal lost, the ``.part`` of a killed download has a hole (part 2 never came):
    ``--conflict resume`` must not take its length for finished data."""
    from tests.transfers.killtest import kill_and_download_again

    data = os.urandom(2 * MiB + 3)
    sending.upload(backend.provider, backend.container, "again.bin", io.BytesIO(data), size=len(data))
    snap = kill_and_download_again(backend.provider, backend.kind, backend.settings, backend.container,
                                   "again.bin", data, tmp_path, part_size=256 * 1024)  # fmt: skip
    got = tmp_path / "down" / "again.bin"
    assert snap.state is not State.DONE or got.read_bytes() == data, "a wrong byte reported as done"
    assert snap.state is State.DONE, snap.error


HOSTILE = ["../../x", "/etc/x", "C:\\x", "a/../../y"]


def test_hostile_keys_write_nothing_outside_the_folder(backend: Backend, journal, tmp_path):
    stored = []
    for key in HOSTILE:
        try:
            sending.upload_bytes(backend.provider, backend.container, key, b"evil")
            stored.append(key)
        except (InvalidName, StorageError):
            continue
    sending.upload_bytes(backend.provider, backend.container, "fine/ok.txt", b"ok")
    listed = {o.key for o in iter_objects(backend.provider, backend.container)}
    hostile_listed = sorted(listed - {"fine/ok.txt"})  # as stored (Azurite turns \\ into /)
    if not hostile_listed:
        pytest.skip(f"{backend.kind} stores none of the hostile names as given")
    chosen = tmp_path / "deep" / "er" / "chosen"
    chosen.mkdir(parents=True)
    engine = engine_for(backend.provider, journal)
    job = engine.submit(JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", backend.container, key="",
                                local=str(chosen)))  # fmt: skip
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    failed = {i.key: i.error for i in snap.failed_items}
    assert sorted(failed) == hostile_listed
    assert all("cannot be saved as a local file" in (e or "") for e in failed.values())
    assert (chosen / "fine" / "ok.txt").read_bytes() == b"ok"
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    outside = [w for w in written if not w.startswith(("deep/er/chosen/", "journal.sqlite3"))]
    assert outside == []
    assert not (tmp_path / "x").exists() and not (tmp_path / "deep" / "x").exists()


def test_cancelling_a_paused_upload_aborts_it_on_the_server(backend: Backend, journal, tmp_path):
    path, _data = big_file(tmp_path, backend.provider)
    before = all_keys(backend.provider)
    counting = Counting(backend.provider)
    engine = engine_for(counting, journal, part_concurrency=1)
    job = engine.submit(upload_spec(backend, path, "paused-then-cancelled.bin"))
    counting.before_part = lambda n: engine.pause(job) if n == 2 else None
    assert engine.wait_idle(120)
    [item] = journal.load_jobs()[0].items
    assert item.upload_state is not None and item.parts
    engine.cancel(job)  # not running: a worker cleans up
    assert engine.wait_idle(120)
    engine.shutdown()
    assert engine.snapshot().job(job).state is State.CANCELLED
    try:
        left = backend.provider.resume_multipart(item.upload_state).uploaded_parts()
    except NotFound:
        left = []
    assert left == []
    assert all_keys(backend.provider) == before


# -- copies between accounts: streamed through the engine ---------------------------------


@pytest.mark.parametrize("kind", [JobKind.COPY, JobKind.MOVE])
def test_copy_between_accounts_streams_through_the_engine(
    backend: Backend, tmp_path: Path, kind: JobKind
) -> None:
    local = open_provider("local", {"root": str(tmp_path / "local")})
    local.connect()
    local.create_container("src")
    big = os.urandom(backend.provider.min_part_size + 123_457)  # more than one part at the target
    files = {"album/big.bin": big, "album/sub/small.txt": b"small", "album/empty": b""}
    for key, data in files.items():
        sending.upload_bytes(local, "src", key, data, content_type="application/x-test")
    journal = Journal(tmp_path / "journal.sqlite3")
    engine = TransferEngine({"here": local, "there": backend.provider}, journal, retry=FAST_RETRY)
    job = engine.submit(JobSpec(kind, "here", "src", key="album/", dst_account="there",
                                dst_container=backend.container, dst_key="copied/"))  # fmt: skip
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE, snap.error
    assert snap.done == snap.total == sum(len(d) for d in files.values())
    for key, data in files.items():
        assert backend.provider.read(backend.container, "copied/" + key.removeprefix("album/")) == data
    assert backend.provider.stat(backend.container, "copied/big.bin").content_type == "application/x-test"
    left = {i.key for i in local.list_page("src", "", None).entries}
    assert left == (set() if kind is JobKind.MOVE else set(files))
    engine.shutdown()
    journal.close()


# -- jobs of several sources ----------------------------------------------------------------


def test_files_and_a_folder_upload_as_one_job_another_client_reads_them(
    backend: Backend, journal, tmp_path, request
):
    big, data = big_file(tmp_path, backend.provider, parts=2.5)  # in parts
    (tmp_path / "note.txt").write_bytes(b"note")
    (tmp_path / "album" / "deep").mkdir(parents=True)
    (tmp_path / "album" / "a.jpg").write_bytes(b"a")
    (tmp_path / "album" / "deep" / "b.jpg").write_bytes(os.urandom(1000))
    sources = (str(big), str(tmp_path / "note.txt"), str(tmp_path / "album"))
    engine = engine_for(backend.provider, journal)
    job = engine.submit(JobSpec(JobKind.UPLOAD_MANY, "acct", backend.container, key="to/",
                                sources=sources))  # fmt: skip
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.DONE, snap.error
    other = other_client(backend.name, request, backend.provider)
    expected = {"to/big.bin": data, "to/note.txt": b"note", "to/album/a.jpg": b"a",
                "to/album/deep/b.jpg": (tmp_path / "album" / "deep" / "b.jpg").read_bytes()}  # fmt: skip
    assert sorted(i.key for i in snap.items) == sorted(expected)
    for key, body in expected.items():
        assert other.read(backend.container, key) == body, key


def test_objects_and_a_prefix_download_as_one_job_byte_identical(backend: Backend, journal, tmp_path):
    big = os.urandom(int(2.5 * MiB))
    objects = {"d/big.bin": big, "d/tiny": b"t", "d/sub/x": b"x", "d/sub/y/z": os.urandom(5000)}
    for key, body in objects.items():
        sending.upload_bytes(backend.provider, backend.container, key, body)
    out = tmp_path / "out"
    engine = engine_for(backend.provider, journal)
    job = engine.submit(JobSpec(JobKind.DOWNLOAD_MANY, "acct", backend.container, local=str(out),
                                sources=("d/big.bin", "d/tiny", "d/sub/")))  # fmt: skip
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert snap.state is State.DONE, snap.error
    assert len(snap.items) == 4 and snap.total == sum(len(b) for b in objects.values())
    assert (out / "big.bin").read_bytes() == big and (out / "tiny").read_bytes() == b"t"
    assert (out / "sub" / "x").read_bytes() == b"x"
    assert (out / "sub" / "y" / "z").read_bytes() == objects["d/sub/y/z"]
    assert not list(out.rglob("*.part"))


class _CancelBeforeComplete(Counting):
    """Cancels the job once every part is on the server, just before ``complete``."""

    cancel_job: Any = None

    def start_multipart(self, *args: Any, **kwargs: Any) -> CountingUpload:
        upload = super().start_multipart(*args, **kwargs)
        inner_complete = upload._inner.complete

        def complete(parts: Any, **options: Any) -> Any:
            self.cancel_job()
            return inner_complete(parts, **options)

        upload._inner.complete = complete  # type: ignore[method-assign]
        return upload


def test_a_cancel_after_the_last_part_leaves_the_stored_object_done(backend: Backend, journal, tmp_path):
    path, data = big_file(tmp_path, backend.provider, parts=2.5)
    late = _CancelBeforeComplete(backend.provider)
    engine = engine_for(late, journal)
    job = engine.submit(upload_spec(backend, path, "late.bin"))
    late.cancel_job = lambda: engine.cancel(job)
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    assert backend.provider.read(backend.container, "late.bin") == data  # stored
    assert snap.items[0].state is State.DONE
    assert snap.state is State.DONE  # not "Cancelled": nothing was cancelled
    assert journal.load_jobs() == []  # finished in the journal too
