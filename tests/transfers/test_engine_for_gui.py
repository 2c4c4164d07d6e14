"""What the GUI needs of the engine: the spec in snapshots, loading unfinished jobs paused,
forgetting finished jobs only once nothing of theirs is in flight."""

from __future__ import annotations

import threading

from storebrowser.providers.base import Provider
from storebrowser.transfers import JobKind, Journal, State, sending
from storebrowser.transfers.jobs import Job, JobSpec
from storebrowser.transfers.kinds import expand
from tests.transfers.helpers import Counting
from tests.transfers.test_engine_local import KiB, download, payload, serial_engine


def test_snapshots_carry_the_spec(local: Provider, journal, tmp_path):
    engine = serial_engine(local, journal)
    spec = download("a.txt", tmp_path)
    job = engine.submit(spec)
    assert engine.snapshot().job(job).spec == spec


def test_unfinished_jobs_can_come_back_paused(local: Provider, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "p.bin", payload(640 * KiB))
    first = Counting(local)
    engine = serial_engine(first, journal)
    job = engine.submit(download("p.bin", tmp_path))
    first.before_read = lambda r: engine.shutdown() if r.start == 2 * 64 * KiB else None
    engine.run_pending()

    again = Journal(journal.path)
    engine2 = serial_engine(local, again)
    assert engine2.resume_unfinished(paused=True) == [job]
    assert engine2.snapshot().job(job).state is State.PAUSED
    engine2.run_pending()
    assert engine2.snapshot().job(job).state is State.PAUSED  # nothing ran
    engine2.resume(job)
    engine2.run_pending()
    assert engine2.snapshot().job(job).state is State.DONE
    assert (tmp_path / "p.bin").read_bytes() == local.read("bucket", "p.bin")
    again.close()


def test_forget_finished_waits_for_the_clean_up_of_a_cancelled_job(local: Provider, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "done.txt", b"done")
    sending.upload_bytes(local, "bucket", "big.bin", payload(640 * KiB))
    counting = Counting(local)
    engine = serial_engine(counting, journal)
    done = engine.submit(download("done.txt", tmp_path))
    engine.run_pending()
    big = engine.submit(download("big.bin", tmp_path))
    counting.before_read = lambda r: engine.pause(big) if r.start == 64 * KiB else None
    engine.run_pending()  # paused with one part and a .part file on disk
    assert (tmp_path / "big.bin.part").exists()
    queued = engine.submit(JobSpec(JobKind.DELETE, "acct", "bucket", keys=("nothing",)))
    engine.pause(queued)
    engine.cancel(big)  # its clean-up is queued for a worker, not run yet

    assert engine.forget_finished() == [done]  # the cancelled one waits; the paused one is not finished
    assert [j.id for j in engine.snapshot().jobs] == [big, queued]
    engine.run_pending()  # the clean-up: the .part file goes
    assert not (tmp_path / "big.bin.part").exists()
    assert engine.forget_finished([big, "unknown"]) == [big]
    assert [j.id for j in engine.snapshot().jobs] == [queued]
    assert [j.id for j in journal.load_jobs(unfinished_only=False)] == [queued]


def test_shutdown_says_whether_every_worker_stopped(local: Provider, journal, tmp_path):
    from tests.transfers.test_engine_local import threaded_engine

    sending.upload_bytes(local, "bucket", "slow.bin", payload(64 * KiB))
    counting = Counting(local)
    entered, release = threading.Event(), threading.Event()

    def hold(_range: object) -> None:
        entered.set()
        release.wait(30)

    counting.before_read = hold
    engine = threaded_engine(counting, journal)
    engine.submit(download("slow.bin", tmp_path))
    assert entered.wait(30)
    assert engine.shutdown(timeout=0.05) is False  # a worker is inside a read
    release.set()
    assert engine.shutdown(timeout=30) is True


def test_an_upload_knows_its_total_before_its_files_are_sent(local: Provider, tmp_path):
    folder = tmp_path / "up"
    folder.mkdir()
    (folder / "a.bin").write_bytes(b"a" * 300)
    (folder / "b.bin").write_bytes(b"b" * 500)
    items = expand(Job(JobSpec(JobKind.UPLOAD_FOLDER, "acct", "bucket", key="up/", local=str(folder))), local)
    assert [(i.key, i.total) for i in items] == [("up/a.bin", 300), ("up/b.bin", 500)]
    [item] = expand(Job(JobSpec(JobKind.UPLOAD_FILE, "acct", "bucket", local=str(folder / "b.bin"))), local)
    assert (item.key, item.total) == ("b.bin", 500)


def test_snapshots_hand_unchanged_idle_items_back_as_they_were(local: Provider, journal, tmp_path):
    sending.upload_bytes(local, "bucket", "p.bin", payload(640 * KiB))
    counting = Counting(local)
    engine = serial_engine(counting, journal)
    job = engine.submit(download("p.bin", tmp_path))
    counting.before_read = lambda r: engine.pause(job) if r.start == 64 * KiB else None
    engine.run_pending()  # paused after two parts: the item waits, queued
    first, second = engine.snapshot().job(job).items[0], engine.snapshot().job(job).items[0]
    assert first is second and first.state is State.QUEUED and first.done == 128 * KiB
    engine.resume(job)
    engine.run_pending()
    done = engine.snapshot().job(job).items[0]
    assert done is not first and (done.state, done.done) == (State.DONE, 640 * KiB)
    engine.forget_finished()
    assert engine.snapshot().jobs == ()
