"""An account's transfer settings in the engine: its objects at once, its parts at once
and its part size (``core.tuning``), on the local provider."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from storebrowser.core.bandwidth import Bandwidth, Limits
from storebrowser.core.tuning import Tuning
from storebrowser.providers.base import Provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import JobSpec
from tests.transfers.helpers import FAST_RETRY, Counting

MiB = 1024 * 1024


class Overlap:
    """How many reads were in their first moment at once, at most."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active = self.peak = 0

    def __call__(self, _range: object) -> None:
        with self.lock:
            self.active += 1
            self.peak = max(self.peak, self.active)
        time.sleep(0.05)
        with self.lock:
            self.active -= 1


def run_prefix_download(provider: Provider, journal: Journal, folder: Path, tuning: Tuning) -> Overlap:
    counting = Counting(provider)
    overlap = Overlap()
    counting.before_read = overlap
    engine = TransferEngine({"acct": counting}, journal, concurrency=4, retry=FAST_RETRY,
                            tuning=lambda name: tuning)  # fmt: skip
    try:
        job = engine.submit(
            JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", "bucket", key="many/", local=str(folder))
        )
        assert engine.wait_idle(60)
        assert engine.snapshot().job(job).state is State.DONE, engine.snapshot().job(job).error
    finally:
        engine.shutdown()
    return overlap


def test_an_account_runs_no_more_objects_at_once_than_it_allows(
    local: Provider, journal: Journal, tmp_path: Path
):
    for n in range(6):
        sending.upload_bytes(local, "bucket", f"many/{n}.txt", b"x" * 100)
    one_at_a_time = run_prefix_download(local, journal, tmp_path / "one", Tuning(transfers=1))
    assert one_at_a_time.peak == 1
    four = run_prefix_download(local, journal, tmp_path / "four", Tuning(transfers=4))
    assert four.peak > 1  # the same engine does run several when the account allows
    assert sorted(p.name for p in (tmp_path / "one" / "many").iterdir()) == [f"{n}.txt" for n in range(6)]


def test_an_accounts_part_size_and_parts_are_used_downloading(
    local: Provider, journal: Journal, tmp_path: Path
):
    data = os.urandom(3 * MiB)
    sending.upload_bytes(local, "bucket", "big.bin", data)
    counting = Counting(local)
    engine = TransferEngine({"acct": counting}, journal, part_size=8 * MiB, retry=FAST_RETRY,
                            tuning=lambda name: Tuning(parts=2, part_size=MiB))  # fmt: skip
    try:
        job = engine.submit(
            JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "bucket", key="big.bin", local=str(tmp_path))
        )
        assert engine.wait_idle(60)
        assert engine.snapshot().job(job).state is State.DONE
    finally:
        engine.shutdown()
    assert (tmp_path / "big.bin").read_bytes() == data
    assert sorted(r.length(len(data)) for r in counting.reads) == [MiB, MiB, MiB]  # not one 8 MiB part


def test_the_bandwidth_limit_leaves_this_computers_folders_alone(
    local: Provider, journal: Journal, tmp_path: Path
):
    """A download from a folder of this computer (the local kind is not remote) is not
    held: at 1 KiB/s its 300 KB would take five minutes."""
    sending.upload_bytes(local, "bucket", "near.bin", os.urandom(300_000))
    engine = TransferEngine({"acct": local}, journal, retry=FAST_RETRY,
                            bandwidth=Bandwidth(Limits(up=1024, down=1024)))  # fmt: skip
    try:
        job = engine.submit(
            JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", "bucket", key="near.bin", local=str(tmp_path))
        )
        assert engine.wait_idle(60)
        assert engine.snapshot().job(job).state is State.DONE
    finally:
        engine.shutdown()
