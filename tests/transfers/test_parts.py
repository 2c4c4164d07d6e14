"""Small pieces of the engine: rates, the memory budget, conflict names, the journal."""

from __future__ import annotations

import threading

from storebrowser.core.types import PartRecord
from storebrowser.transfers.conflicts import free_name, numbered
from storebrowser.transfers.context import ByteBudget
from storebrowser.transfers.jobs import ConflictPolicy, Item, Job, JobKind, JobSpec, State
from storebrowser.transfers.journal import SCHEMA_VERSION, Journal
from storebrowser.transfers.progress import RateMeter, eta_seconds


def test_rate_over_a_rolling_window():
    meter = RateMeter(window=5.0)
    assert meter.sample(0, now=100.0) == 0.0
    assert meter.sample(1000, now=101.0) == 1000.0
    assert meter.sample(3000, now=102.0) == 1500.0
    meter.sample(3000, now=110.0)  # stalled: old samples fall out of the window
    assert meter.sample(3000, now=111.0) == 0.0
    assert eta_seconds(500, 1500, 100.0) == 10.0
    assert eta_seconds(500, None, 100.0) is None


def test_byte_budget_blocks_until_bytes_are_released():
    budget = ByteBudget(100)
    assert budget.acquire(60) == 60
    got = threading.Event()

    def take() -> None:
        budget.acquire(60)
        got.set()

    waiter = threading.Thread(target=take)
    waiter.start()
    assert not got.wait(0.05)  # 60 + 60 > 100: must wait
    budget.release(60)
    waiter.join(5)
    assert got.is_set() and budget.in_use == 60
    budget.release(60)
    assert budget.acquire(10_000) == 100  # one part bigger than the cap still moves, alone


def test_renamed_names():
    assert numbered("report.pdf", 1) == "report (1).pdf"
    assert numbered("dir/archive.tar.gz", 2) == "dir/archive (2).tar.gz"
    assert numbered(".bashrc", 1) == ".bashrc (1)"
    taken = {"a.txt", "a (1).txt"}
    assert free_name("a.txt", taken.__contains__) == "a (2).txt"


def test_journal_round_trips_jobs_items_and_parts(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    spec = JobSpec(JobKind.UPLOAD_FILE, "acct", "bucket", key="k", local="/tmp/f",
                   conflict=ConflictPolicy.RENAME, metadata={"a": "b"})  # fmt: skip
    job = Job(spec, state=State.RUNNING)
    journal.save_job(job)
    item = Item(job.id, 0, "k", "/tmp/f", 100)
    journal.add_items(job, [item])
    item.upload_state = {"upload_id": "u"}
    item.state = State.RUNNING
    journal.save_item(item)
    journal.add_part(item, PartRecord(1, 60, '"etag1"', "md5"))
    journal.close()

    again = Journal(tmp_path / "j.sqlite3")
    [loaded] = again.load_jobs()
    assert loaded.spec == spec and loaded.state is State.QUEUED and loaded.expanded
    [loaded_item] = loaded.items
    assert loaded_item.state is State.QUEUED and loaded_item.done == 60
    assert loaded_item.upload_state == {"upload_id": "u"}
    assert loaded_item.parts == {1: PartRecord(1, 60, '"etag1"', "md5")}
    version = again._db.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    again.close()


def test_a_kept_part_is_proven_by_the_checksum_its_service_checked():
    """What the journal keeps of a part: a hex MD5 (Swift, Azure), a base64 MD5 or a
    base64 CRC32 (S3's headers). Each proves the bytes it was taken of, and no others;
    a record without a checksum proves nothing."""
    import hashlib

    from storebrowser.providers.s3.part_check import crc32_of, md5_of
    from storebrowser.transfers.parts import _same_part

    data, other = b"part one" * 1000, b"part One" * 1000
    for checksum in (hashlib.md5(data).hexdigest(), hashlib.md5(data).hexdigest().upper(),
                     md5_of(data), crc32_of(data)):  # fmt: skip
        record = PartRecord(1, len(data), "token", checksum)
        assert _same_part(record, data), checksum
        assert not _same_part(record, other), checksum
        assert not _same_part(record, data + b"x"), checksum
    assert not _same_part(PartRecord(1, len(data), "token", None), data)
    assert not _same_part(PartRecord(1, len(data), "token", "not a checksum!"), data)
