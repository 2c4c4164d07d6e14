"""The SIGKILL scenarios, shared by the local and the real-server tests: a child process
(``kill_child.py``) downloads or uploads with the engine and its journal, is killed with
parts in flight, and this process resumes (as ``jobs resume`` does) or starts again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from storebrowser.providers.base import Provider
from storebrowser.transfers import Journal, State, TransferEngine
from storebrowser.transfers.jobs import ConflictPolicy, JobKind, JobSpec
from storebrowser.transfers.progress import JobSnapshot
from tests.transfers.helpers import FAST_RETRY, Counting

ROOT = Path(__file__).resolve().parents[2]


def journaled_parts(journal_path: Path) -> int:
    import sqlite3

    if not journal_path.exists():
        return 0
    db = sqlite3.connect(journal_path, timeout=10)
    try:
        (count,) = db.execute("SELECT count(*) FROM parts").fetchone()
    except sqlite3.OperationalError:
        count = 0  # schema not there yet
    finally:
        db.close()
    return int(count)


def run_and_kill(config: dict[str, Any], tmp_path: Path) -> tuple[set[int], int]:
    """Run the child until more parts than it runs at once are journaled, SIGKILL it;
    the parts it had started (numbered from 1) and how many were journaled."""
    journal_path = tmp_path / "journal.sqlite3"
    started_log = tmp_path / "started.log"
    config = {"journal": str(journal_path), "started_log": str(started_log), "workers": 3,
              "delay": 0.05, "folder": str(tmp_path / "down"), **config}  # fmt: skip
    command = [sys.executable, "-m", "tests.transfers.kill_child", json.dumps(config)]
    child = subprocess.Popen(command, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while journaled_parts(journal_path) < config["workers"] + 1:
            assert child.poll() is None, "the child ended before it could be killed"
            assert time.monotonic() < deadline, "the child made no progress"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    return {int(line) for line in started_log.read_text().split()}, journaled_parts(journal_path)


def _resume(counting: Counting, journal: Journal, part_size: int, workers: int) -> JobSnapshot:
    engine = TransferEngine({"acct": counting}, journal, part_size=part_size,  # type: ignore[dict-item]
                            part_concurrency=workers, concurrency=1, retry=FAST_RETRY)  # fmt: skip
    [job_id] = engine.resume_unfinished()
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job_id)
    engine.shutdown()
    return snap


def kill_and_resume(
    provider: Provider,
    kind: str,
    settings: dict[str, Any],
    container: str,
    key: str,
    data: bytes,
    tmp_path: Path,
    *,
    part_size: int,
    workers: int = 3,
    delay: float = 0.05,
) -> None:
    """A download killed mid-way, resumed from its journal: only missing parts travel."""
    config = dict(kind=kind, settings=settings, container=container, key=key, part_size=part_size,
                  workers=workers, delay=delay)  # fmt: skip
    started_before, done_before = run_and_kill(config, tmp_path)
    folder = tmp_path / "down"
    count = -(-len(data) // part_size)
    print(f"killed after {done_before} of {count} parts journaled")
    assert 0 < done_before < count, "the kill came too late to test anything"
    assert (folder / (Path(key).name + ".part")).exists()

    journal = Journal(tmp_path / "journal.sqlite3")
    counting = Counting(provider)
    snap = _resume(counting, journal, part_size, workers)
    journal.close()
    assert snap.state is State.DONE, snap.error
    resent = {r.start // part_size + 1 for r in counting.reads} & started_before
    assert len(counting.reads) == count - done_before  # only missing parts travel
    print(f"re-sent parts: {sorted(resent)}")
    assert len(resent) <= workers  # at most the parts in flight at the kill
    assert (folder / Path(key).name).read_bytes() == data
    assert not list(folder.glob("*.part"))


def kill_upload_and_resume(
    provider: Provider, kind: str, settings: dict[str, Any], container: str, source: Path, tmp_path: Path
) -> None:
    """An upload in parts killed mid-way (part 3 held back, later parts done), resumed from
    its journal: the parts the server holds are not sent again, the object ends identical."""
    part_size = provider.part_size
    config = dict(kind=kind, settings=settings, container=container, key="killed/up.bin",
                  upload=str(source), part_size=part_size, slow_part=3, slow_delay=60)  # fmt: skip
    started_before, done_before = run_and_kill(config, tmp_path)
    count = -(-source.stat().st_size // part_size)
    print(f"killed after {done_before} of {count} parts journaled")
    assert 0 < done_before < count, "the kill came too late to test anything"

    journal = Journal(tmp_path / "journal.sqlite3")
    counting = Counting(provider)
    snap = _resume(counting, journal, part_size, 3)
    journal.close()
    assert snap.state is State.DONE, snap.error
    resent = set(counting.parts_sent) & started_before
    print(f"re-sent parts: {sorted(resent)}")
    assert len(counting.parts_sent) <= count - done_before + 3  # at most those in flight again
    assert provider.read(container, "killed/up.bin") == source.read_bytes()


def kill_and_download_again(
    provider: Provider, kind: str, settings: dict[str, Any], container: str, key: str, data: bytes,
    tmp_path: Path, *, part_size: int,
) -> JobSnapshot:  # fmt: skip
    """A download killed while part 2 still waits and later parts are written (a hole in
    the ``.part`` file), then the journal lost: ``get --conflict resume`` again."""
    config = dict(kind=kind, settings=settings, container=container, key=key, part_size=part_size,
                  slow_part=2, slow_delay=60)  # fmt: skip
    run_and_kill(config, tmp_path)
    (tmp_path / "journal.sqlite3").unlink()
    journal = Journal(tmp_path / "fresh.sqlite3")
    engine = TransferEngine({"acct": provider}, journal, part_size=part_size, retry=FAST_RETRY)
    job = engine.submit(JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", container, key=key,
                                local=str(tmp_path / "down"), conflict=ConflictPolicy.RESUME))  # fmt: skip
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job)
    engine.shutdown()
    journal.close()
    return snap
