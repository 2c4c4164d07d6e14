"""The SIGKILL resume scenario, shared by the local and the real-server tests."""

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
    journal_path = tmp_path / "journal.sqlite3"
    folder = tmp_path / "down"
    started_log = tmp_path / "started.log"
    config = dict(kind=kind, settings=settings, container=container, key=key,
                  folder=str(folder), journal=str(journal_path), started_log=str(started_log),
                  part_size=part_size, workers=workers, delay=delay)  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.transfers.kill_child", json.dumps(config)], cwd=ROOT
    )
    try:
        deadline = time.monotonic() + 120
        while journaled_parts(journal_path) < workers + 1:
            assert child.poll() is None, "the child ended before it could be killed"
            assert time.monotonic() < deadline, "the child made no progress"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    started_before = {int(line) for line in started_log.read_text().split()}
    done_before = journaled_parts(journal_path)
    count = -(-len(data) // part_size)
    print(f"killed after {done_before} of {count} parts journaled")
    assert 0 < done_before < count, "the kill came too late to test anything"
    assert (folder / (Path(key).name + ".part")).exists()

    journal = Journal(journal_path)
    counting = Counting(provider)
    engine = TransferEngine({"acct": counting}, journal, part_size=part_size,  # type: ignore[dict-item]
                            part_concurrency=workers, concurrency=1, retry=FAST_RETRY)  # fmt: skip
    [job_id] = engine.resume_unfinished()
    assert engine.wait_idle(120)
    snap = engine.snapshot().job(job_id)
    engine.shutdown()
    journal.close()
    assert snap.state is State.DONE, snap.error
    resent = {r.start // part_size for r in counting.reads} & started_before
    assert len(counting.reads) == count - done_before  # only missing parts travel
    print(f"re-sent parts: {sorted(resent)}")
    assert len(resent) <= workers  # at most the parts in flight at the kill
    assert (folder / Path(key).name).read_bytes() == data
    assert not list(folder.glob("*.part"))
