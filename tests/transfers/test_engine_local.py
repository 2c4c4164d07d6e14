"""The engine against the local-folder provider: deterministic (no threads) where the
test is about order, threaded where it is about the real pool."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from storebrowser.core.errors import AccessDenied, NotFound, Transient
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.base import Provider
from storebrowser.transfers import ConflictPolicy, JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import Item, JobSpec
from tests.transfers.helpers import FAST_RETRY, Counting, SerialExecutor

KiB = 1024


def serial_engine(provider: object, journal: Journal, **kwargs: object) -> TransferEngine:
    options: dict[str, object] = dict(
        part_size=64 * KiB, part_concurrency=1, retry=FAST_RETRY,
        executor_factory=SerialExecutor, start=False,
    )  # fmt: skip
    options.update(kwargs)
    return TransferEngine({"acct": provider}, journal, **options)  # type: ignore[arg-type]


def threaded_engine(provider: object, journal: Journal, **kwargs: object) -> TransferEngine:
    options: dict[str, object] = dict(part_size=64 * KiB, part_concurrency=4, concurrency=3,
                                      retry=FAST_RETRY)  # fmt: skip
    options.update(kwargs)
    return TransferEngine({"acct": provider}, journal, **options)  # type: ignore[arg-type]


def download(key: str, folder: Path, **kwargs: object) -> JobSpec:
    return JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "bucket", key=key, local=str(folder), **kwargs)  # type: ignore[arg-type]


def payload(size: int) -> bytes:
    return os.urandom(size)


def test_upload_folder_then_download_prefix_round_trips(local: Provider, journal, tmp_path):
    src = tmp_path / "src"
    (src / "a" / "b").mkdir(parents=True)
    files = {"top.txt": payload(10), "a/one.bin": payload(200 * KiB), "a/b/two": b""}
    for name, data in files.items():
        (src / name).write_bytes(data)
    outside = tmp_path / "secret.txt"
    outside.write_text("not to be sent")
    (src / "leak").symlink_to(outside)
    engine = threaded_engine(local, journal)
    up = engine.submit(JobSpec(JobKind.UPLOAD_FOLDER, "acct", "bucket", key="up",
                               local=str(src)))  # fmt: skip
    assert engine.wait_idle(60)
    assert engine.snapshot().job(up).state is State.DONE
    keys = sorted(i.key for i in engine.snapshot().job(up).items)
    assert keys == ["up/a/b/two", "up/a/one.bin", "up/top.txt"]  # the link was skipped

    dst = tmp_path / "dst"
    down = engine.submit(JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", "bucket", key="up/",
                                 local=str(dst)))  # fmt: skip
    assert engine.wait_idle(60)
    snap = engine.snapshot().job(down)
    assert snap.state is State.DONE, snap.error
    assert snap.done == snap.total == sum(len(d) for d in files.values())
    for name, data in files.items():
        assert (dst / "up" / name).read_bytes() == data
    assert not list(dst.rglob("*.part"))
    engine.shutdown()


def test_parallel_ranged_download_is_byte_identical(local: Provider, journal, tmp_path):
    data = payload(1000 * KiB + 17)
    sending.upload_bytes(local, "bucket", "dir/big.bin", data)
    counting = Counting(local)
    engine = threaded_engine(counting, journal)
    job = engine.submit(download("dir/big.bin", tmp_path / "out"))
    assert engine.wait_idle(60)
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE, snap.error
    assert (tmp_path / "out" / "big.bin").read_bytes() == data
    assert len(counting.reads) == 16  # 64 KiB parts
    assert counting.bytes_read(len(data)) == len(data)
    assert snap.items[0].note == "verified: SHA-256 of the whole object (hashed from the source file)"
    engine.shutdown()


def test_upload_stream_of_unknown_length(local: Provider, journal):
    data = payload(300 * KiB)
    read_end, write_end = os.pipe()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as w:
            w.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    engine = serial_engine(local, journal)
    with os.fdopen(read_end, "rb", buffering=0) as pipe:
        job = engine.submit(JobSpec(JobKind.UPLOAD_STREAM, "acct", "bucket", key="piped"),
                            stream=pipe)  # fmt: skip
        engine.run_pending()
    writer.join()
    assert engine.snapshot().job(job).state is State.DONE
    assert local.read("bucket", "piped") == data


def test_hostile_keys_write_nothing_outside(local: Provider, journal, tmp_path):
    folder = tmp_path / "chosen"
    folder.mkdir()
    engine = serial_engine(local, journal)
    jobs = [engine.submit(download(key, folder)) for key in ("../../x", "/etc/x", "C:\\x")]
    engine.run_pending()
    for job in jobs:
        snap = engine.snapshot().job(job)
        assert snap.state is State.FAILED
        assert "cannot be saved as a local file" in (snap.items[0].error or "")
    assert list(folder.iterdir()) == []
    assert not (tmp_path / "x").exists() and not (tmp_path.parent / "x").exists()


@pytest.mark.parametrize(
    ("policy", "expected_name", "expected_note"),
    [
        (ConflictPolicy.OVERWRITE, "f.txt", "verified"),
        (ConflictPolicy.SKIP, None, "Skipped"),
        (ConflictPolicy.RENAME, "f (1).txt", "verified"),
    ],
)
def test_download_conflict_policies(local, journal, tmp_path, policy, expected_name,
                                    expected_note):  # fmt: skip
    sending.upload_bytes(local, "bucket", "f.txt", b"new")
    out = tmp_path / "out"
    out.mkdir()
    (out / "f.txt").write_bytes(b"old")
    engine = serial_engine(local, journal)
    job = engine.submit(download("f.txt", out, conflict=policy))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE
    assert expected_note in snap.items[0].note
    if expected_name is None:
        assert (out / "f.txt").read_bytes() == b"old"
    else:
        assert (out / expected_name).read_bytes() == b"new"


def test_ask_policy_calls_back(local, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "f.txt", b"new")
    (tmp_path / "f.txt").write_bytes(b"old")
    asked: list[str] = []

    def ask(item: Item, kind: JobKind, target: str) -> ConflictPolicy:
        asked.append(target)
        return ConflictPolicy.OVERWRITE

    engine = serial_engine(local, journal, ask=ask)
    engine.submit(download("f.txt", tmp_path, conflict=ConflictPolicy.ASK))
    engine.run_pending()
    assert asked == [str(tmp_path / "f.txt")]
    assert (tmp_path / "f.txt").read_bytes() == b"new"


def test_transient_error_mid_part_retries_and_rewinds(local, journal, tmp_path):
    data = payload(200 * KiB)
    sending.upload_bytes(local, "bucket", "r.bin", data)
    counting = Counting(local)
    failures = [0]

    def flaky(byte_range: ByteRange) -> None:
        if byte_range.start == 64 * KiB and failures[0] == 0:
            failures[0] += 1
            raise Transient("connection reset (test)")

    counting.before_read = flaky
    engine = serial_engine(counting, journal)
    job = engine.submit(download("r.bin", tmp_path))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE and failures[0] == 1
    assert snap.done == len(data)  # the retried part did not count twice
    assert (tmp_path / "r.bin").read_bytes() == data


def test_failed_job_can_be_retried(local, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "f.bin", b"abc")
    counting = Counting(local)

    def deny(_range: ByteRange) -> None:
        raise AccessDenied("no (test)")

    counting.before_read = deny
    engine = serial_engine(counting, journal)
    job = engine.submit(download("f.bin", tmp_path))
    engine.run_pending()
    assert engine.snapshot().job(job).state is State.FAILED
    assert engine.snapshot().job(job).items[0].error == "no (test)"
    counting.before_read = None
    engine.retry(job)
    engine.run_pending()
    assert engine.snapshot().job(job).state is State.DONE
    assert (tmp_path / "f.bin").read_bytes() == b"abc"


def test_pause_lets_the_running_part_finish_then_resume_fetches_the_rest(local, journal, tmp_path):
    data = payload(640 * KiB)  # ten parts
    sending.upload_bytes(local, "bucket", "p.bin", data)
    counting = Counting(local)
    engine = serial_engine(counting, journal)
    job = engine.submit(download("p.bin", tmp_path))

    def pause_at_third(byte_range: ByteRange) -> None:
        if byte_range.start == 2 * 64 * KiB:
            engine.pause(job)

    counting.before_read = pause_at_third
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.PAUSED
    assert snap.done == 3 * 64 * KiB  # the part running when paused finished
    assert (tmp_path / "p.bin.part").exists() and not (tmp_path / "p.bin").exists()
    counting.before_read = None
    engine.run_pending()
    assert engine.snapshot().job(job).state is State.PAUSED  # nothing runs while paused
    engine.resume(job)
    engine.run_pending()
    assert engine.snapshot().job(job).state is State.DONE
    assert len(counting.reads) == 10  # no part twice
    assert (tmp_path / "p.bin").read_bytes() == data


def test_cancel_mid_download_leaves_no_part_file(local, journal, tmp_path):
    data = payload(640 * KiB)
    sending.upload_bytes(local, "bucket", "c.bin", data)
    counting = Counting(local)
    engine = serial_engine(counting, journal)
    job = engine.submit(download("c.bin", tmp_path))
    counting.before_read = lambda r: engine.cancel(job) if r.start == 3 * 64 * KiB else None
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.CANCELLED and snap.items[0].state is State.CANCELLED
    assert list(tmp_path.glob("c.bin*")) == []
    assert journal.load_jobs() == []  # cancelled jobs are finished


def test_restart_resumes_from_the_journal(local, journal, tmp_path):
    data = payload(640 * KiB)
    sending.upload_bytes(local, "bucket", "j.bin", data)
    first = Counting(local)
    engine = serial_engine(first, journal)
    job = engine.submit(download("j.bin", tmp_path))
    first.before_read = lambda r: engine.shutdown() if r.start == 4 * 64 * KiB else None
    engine.run_pending()  # stops after the running part, as on quitting the app
    assert engine.snapshot().job(job).done == 5 * 64 * KiB

    again = Journal(journal.path)
    second = Counting(local)
    engine2 = serial_engine(second, again)
    assert engine2.resume_unfinished() == [job]
    assert engine2.snapshot().job(job).done == 5 * 64 * KiB
    engine2.run_pending()
    assert engine2.snapshot().job(job).state is State.DONE
    assert [r.start // (64 * KiB) for r in second.reads] == [5, 6, 7, 8, 9]
    assert (tmp_path / "j.bin").read_bytes() == data
    again.close()


def test_changed_remote_object_starts_over(local, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "m.bin", payload(640 * KiB))
    counting = Counting(local)
    engine2_journal = Journal(journal.path)
    first = Counting(local)
    engine = serial_engine(first, journal)
    job = engine.submit(download("m.bin", tmp_path))
    first.before_read = lambda r: engine.shutdown() if r.start == 2 * 64 * KiB else None
    engine.run_pending()
    newer = payload(300 * KiB)
    sending.upload_bytes(local, "bucket", "m.bin", newer)
    engine2 = serial_engine(counting, engine2_journal)
    engine2.resume_unfinished()
    engine2.run_pending()
    assert engine2.snapshot().job(job).state is State.DONE
    assert (tmp_path / "m.bin").read_bytes() == newer
    assert counting.bytes_read(len(newer)) == len(newer)
    engine2_journal.close()


def test_copy_move_and_batch_delete(local, journal):
    for n in range(5):
        sending.upload_bytes(local, "bucket", f"src/{n}.txt", str(n).encode())
    engine = serial_engine(local, journal)
    copy = engine.submit(JobSpec(JobKind.COPY, "acct", "bucket", key="src/", dst_key="copy/"))
    move = engine.submit(JobSpec(JobKind.MOVE, "acct", "bucket", key="src/0.txt",
                                 dst_key="moved.txt"))  # fmt: skip
    engine.run_pending()
    assert engine.snapshot().job(copy).state is State.DONE
    assert engine.snapshot().job(move).state is State.DONE
    assert local.read("bucket", "copy/3.txt") == b"3"
    assert local.read("bucket", "moved.txt") == b"0"
    keys = [f"copy/{n}.txt" for n in range(5)]
    delete = engine.submit(JobSpec(JobKind.DELETE, "acct", "bucket", keys=tuple(keys)))
    engine.run_pending()
    snap = engine.snapshot().job(delete)
    assert snap.state is State.DONE and snap.done == snap.total == 5
    remaining = sorted(i.key for i in local.list_page("bucket", "", None).entries)
    assert remaining == ["moved.txt", "src/1.txt", "src/2.txt", "src/3.txt", "src/4.txt"]


def test_delete_by_prefix_lists_when_the_job_starts(local, journal, monkeypatch):
    from storebrowser.transfers import expand

    monkeypatch.setattr(expand, "DELETE_BATCH", 2)
    for key in ("keep.txt", "dir/a", "dir/b", "dir/sub/c", "dirt"):
        sending.upload_bytes(local, "bucket", key, b"x")
    engine = serial_engine(local, journal)
    job = engine.submit(JobSpec(JobKind.DELETE, "acct", "bucket", key="dir/"))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE and snap.done == snap.total == 3
    remaining = sorted(i.key for i in local.list_page("bucket", "", None).entries)
    assert remaining == ["dirt", "keep.txt"]


@pytest.mark.parametrize("engine_of", [serial_engine, threaded_engine])
def test_container_delete_job_empties_then_removes_the_container(local, journal, monkeypatch, engine_of):
    from storebrowser.transfers import expand

    monkeypatch.setattr(expand, "DELETE_BATCH", 3)
    local.create_container("doomed")
    for n in range(10):
        sending.upload_bytes(local, "doomed", f"f/{n}", b"x")
    engine = engine_of(local, journal)
    job = engine.submit(JobSpec(JobKind.DELETE, "acct", "doomed", remove_container=True))
    if engine_of is serial_engine:
        engine.run_pending()
    else:
        assert engine.wait_idle(30)
        engine.shutdown()
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE, snap.error
    assert [i.total for i in snap.items] == [3, 3, 3, 1, 1]
    assert "doomed" not in {c.name for c in local.list_containers()}
    assert "bucket" in {c.name for c in local.list_containers()}


def test_container_delete_keeps_the_container_when_a_batch_fails(local, journal, monkeypatch):
    local.create_container("kept")
    sending.upload_bytes(local, "kept", "a", b"x")

    def refuse(container, keys, *, cancel=None):
        return {key: AccessDenied("not allowed") for key in keys}

    monkeypatch.setattr(local, "delete_objects", refuse)
    engine = serial_engine(local, journal)
    job = engine.submit(JobSpec(JobKind.DELETE, "acct", "kept", remove_container=True))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.FAILED
    assert "was kept" in (snap.items[-1].error or "")
    assert "kept" in {c.name for c in local.list_containers()}


def test_move_to_top_runs_first(local, journal, tmp_path):
    for name in ("a", "b", "c"):
        sending.upload_bytes(local, "bucket", name, name.encode())
    read_order: list[str] = []

    class Recording(Counting):
        def iter_read(self, container: str, key: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            read_order.append(key)
            return super().iter_read(container, key, *args, **kwargs)  # type: ignore[arg-type]

    engine = serial_engine(Recording(local), journal)
    ids = [engine.submit(download(name, tmp_path)) for name in ("a", "b", "c")]
    engine.move_to_top(ids[2])
    assert [j.id for j in engine.snapshot().jobs] == [ids[2], ids[0], ids[1]]
    engine.run_pending()
    assert read_order == ["c", "a", "b"]


def _release_readers(fifo: Path) -> None:
    """A reader blocked opening ``fifo`` gets its writer (and at once EOF)."""
    with contextlib.suppress(OSError):  # ENXIO: nobody is waiting
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_pipes_are_not_opened_a_folder_skips_them_a_file_upload_fails(local, journal, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.txt").write_bytes(b"ok")
    fifo = src / "pipe"
    os.mkfifo(fifo)
    engine = threaded_engine(local, journal, concurrency=1)
    folder = engine.submit(JobSpec(JobKind.UPLOAD_FOLDER, "acct", "bucket", local=str(src)))
    single = engine.submit(JobSpec(JobKind.UPLOAD_FILE, "acct", "bucket", key="p", local=str(fifo)))
    try:
        idle = engine.wait_idle(30)
    finally:
        for _ in range(2):
            _release_readers(fifo)  # a worker blocked in open() would hang the test run
        engine.shutdown(timeout=30)
    assert idle, "a worker waited on the pipe"
    snap = engine.snapshot()
    assert snap.job(folder).state is State.DONE
    notes = {i.key: i.note for i in snap.job(folder).items}
    assert "not a regular file" in notes["pipe"] and notes["ok.txt"] == ""
    assert snap.job(single).state is State.FAILED
    assert "not a regular file" in (snap.job(single).items[0].error or "")
    assert local.read("bucket", "ok.txt") == b"ok"
    for key in ("pipe", "p"):
        with pytest.raises(NotFound):
            local.stat("bucket", key)


def _upload_folder_expecting_one_failure(provider: object, local: Provider, journal, src: Path,
                                          bad: str) -> None:  # fmt: skip
    """Upload ``src`` (``a_ok.txt`` and ``bad``): only ``bad`` fails, with "Cannot read"."""
    engine = serial_engine(provider, journal)
    job = engine.submit(JobSpec(JobKind.UPLOAD_FOLDER, "acct", "bucket", local=str(src)))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.FAILED
    [failed] = snap.failed_items
    assert failed.key == bad and "Cannot read" in (failed.error or "")
    assert local.read("bucket", "a_ok.txt") == b"ok"


def test_a_file_gone_before_its_turn_fails_its_item_only(local, journal, tmp_path):
    # Runs as root too (the CI user), where a chmod-0 file is still readable.
    src = tmp_path / "src"
    src.mkdir()
    (src / "a_ok.txt").write_bytes(b"ok")
    (src / "b_gone.txt").write_bytes(b"soon gone")

    class DeletesTheNext(Counting):
        def put_object(self, container: str, key: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            (src / "b_gone.txt").unlink(missing_ok=True)  # after the walk, before its turn
            return self._inner.put_object(container, key, *args, **kwargs)  # type: ignore[arg-type]

    _upload_folder_expecting_one_failure(DeletesTheNext(local), local, journal, src, "b_gone.txt")


def test_unreadable_file_fails_its_item_only(local, journal, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    src = tmp_path / "src"
    src.mkdir()
    (src / "a_ok.txt").write_bytes(b"ok")
    locked = src / "locked.txt"
    locked.write_bytes(b"no")
    locked.chmod(0)
    _upload_folder_expecting_one_failure(local, local, journal, src, "locked.txt")


def test_download_killed_with_sigkill_resumes_in_a_new_process(local, tmp_path):
    from tests.transfers.killtest import kill_and_resume

    data = payload(4 * 1024 * KiB + 5)
    sending.upload_bytes(local, "bucket", "k/kill.bin", data)
    kill_and_resume(local, "local", {"root": str(local.root)}, "bucket", "k/kill.bin", data,
                    tmp_path, part_size=128 * KiB)  # fmt: skip


def test_folder_of_small_files_killed_with_sigkill_resumes_from_the_batched_journal(local, tmp_path):
    """Finished small files are journaled in batches: a SIGKILL loses at most a batch of
    rows, and the resumed job sends again exactly the files not journaled as done."""
    from tests.transfers.killtest import kill_folder_upload_and_resume

    source = tmp_path / "src"
    for n in range(300):
        path = source / f"d{n % 7}" / f"f{n:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"file {n}\n".encode() * (n % 5 + 1))
    kill_folder_upload_and_resume(local, "local", {"root": str(local.root)}, "bucket", source,
                                  tmp_path / "run")  # fmt: skip


def test_prefix_of_small_objects_killed_with_sigkill_says_done_only_of_files_in_place(local, tmp_path):
    """Small downloads are journaled done in batches, each only once its file is synced
    and renamed into place: a SIGKILL mid-way leaves every item the journal says done in
    place and whole, and the resumed job reads again exactly the objects not journaled
    done (a guard for whoever changes when small files are synced: session 11 tried
    syncing them in groups)."""
    from tests.transfers.killtest import kill_prefix_download_and_resume

    objects = {f"many/d{n % 7}/f{n:03}.txt": f"object {n}\n".encode() * (n % 5 + 1) for n in range(300)}
    for key, data in objects.items():
        sending.upload_bytes(local, "bucket", key, data)
    kill_prefix_download_and_resume(local, "local", {"root": str(local.root)}, "bucket", objects,
                                    tmp_path / "run")  # fmt: skip


class _Vouching(Counting):
    """The local provider vouching for the MD5s of our choosing (one per ``content_proof``
    call, the last repeated), and listing an ETag of our choosing when given."""

    def __init__(self, inner: Provider, vouched: list[str | None], listed_etag: str | None = None) -> None:
        super().__init__(inner)
        self.vouched, self.listed_etag = vouched, listed_etag
        self.proofs = 0

    def content_proof(self, container: str, key: str, listed=None, *, exact_layout: bool = False):
        from storebrowser.core.digests import nothing_vouched, whole_md5

        info = self._inner.stat(container, key)
        said = self.vouched[min(self.proofs, len(self.vouched) - 1)]
        self.proofs += 1
        return whole_md5(info, said, "test") if said else nothing_vouched(info, "the test says none")

    def list_page(self, *args, **kwargs):
        import dataclasses

        from storebrowser.core.types import Page

        page = self._inner.list_page(*args, **kwargs)
        if self.listed_etag is None:
            return page
        return Page([dataclasses.replace(e, etag=self.listed_etag) for e in page.entries], page.next_token)


def _md5(data: bytes) -> str:
    import hashlib

    return hashlib.md5(data).hexdigest()


def test_md5_mismatch_fails_the_item_and_removes_the_part_file(local, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "bad.bin", b"payload")
    engine = serial_engine(_Vouching(local, ["0" * 32]), journal)
    job = engine.submit(download("bad.bin", tmp_path / "out"))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.FAILED
    assert "MD5" in (snap.items[0].error or "")
    assert list((tmp_path / "out").iterdir()) == []


def test_declared_md5_is_verified(local, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "good.bin", b"payload")
    engine = serial_engine(_Vouching(local, [_md5(b"payload")]), journal)
    job = engine.submit(download("good.bin", tmp_path))
    engine.run_pending()
    assert engine.snapshot().job(job).items[0].note == "verified: MD5 of the whole object (test)"


@pytest.mark.parametrize("wrong", [False, True])
def test_parts_finishing_out_of_order_are_hashed_in_order(local, journal, tmp_path, wrong):
    data = payload(1000 * KiB + 17)  # 16 parts, 4 at a time
    sending.upload_bytes(local, "bucket", "big.bin", data)
    said = "0" * 32 if wrong else _md5(data)
    engine = threaded_engine(_Vouching(local, [said]), journal)
    job = engine.submit(download("big.bin", tmp_path / "out"))
    assert engine.wait_idle(60)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    if wrong:
        assert snap.state is State.FAILED and "MD5" in (snap.items[0].error or "")
        assert list((tmp_path / "out").iterdir()) == []
    else:
        assert snap.state is State.DONE, snap.error
        assert snap.items[0].note == "verified: MD5 of the whole object (test)"
        assert (tmp_path / "out" / "big.bin").read_bytes() == data


def _prefix(folder: Path) -> JobSpec:
    return JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", "bucket", key="d/", local=str(folder))


def test_an_md5_looking_listed_etag_that_differs_is_only_a_hint(local, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "d/slo.bin", b"payload")
    provider = _Vouching(local, [None], listed_etag="0" * 32)  # like an SLO: the ETag is no MD5
    engine = serial_engine(provider, journal)
    job = engine.submit(_prefix(tmp_path))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE, snap.error
    assert "size only" in snap.items[0].note and provider.proofs == 1  # the service decided
    assert (tmp_path / "d" / "slo.bin").read_bytes() == b"payload"


def test_a_matching_listed_etag_needs_no_request(local, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "d/plain.bin", b"payload")
    provider = _Vouching(local, ["0" * 32], listed_etag=_md5(b"payload"))
    engine = serial_engine(provider, journal)
    job = engine.submit(_prefix(tmp_path))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.items[0].note == "verified: MD5 of the whole object (ETag)" and provider.proofs == 0


def test_a_differing_etag_hint_fails_when_the_service_vouches_for_it(local, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "d/plain.bin", b"payload")
    engine = serial_engine(_Vouching(local, ["0" * 32], listed_etag="0" * 32), journal)
    job = engine.submit(_prefix(tmp_path))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.FAILED and "MD5" in (snap.items[0].error or "")


def test_nothing_to_compare_means_no_hashing(local, journal, tmp_path, monkeypatch):
    from storebrowser.transfers import verify

    def no_hashing(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("hashed with nothing to compare")

    monkeypatch.setattr(verify.SegmentHasher, "__init__", no_hashing)
    data = payload(300 * KiB)
    sending.upload_bytes(local, "bucket", "big.bin", data)
    engine = serial_engine(_Vouching(local, [None]), journal)
    job = engine.submit(download("big.bin", tmp_path))
    engine.run_pending()
    snap = engine.snapshot().job(job)
    assert snap.state is State.DONE, snap.error
    assert snap.items[0].note == "verified: size only (the test says none)"
