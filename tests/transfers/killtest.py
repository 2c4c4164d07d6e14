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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storebrowser.providers.base import Provider
from storebrowser.transfers import Journal, State, TransferEngine
from storebrowser.transfers.jobs import ConflictPolicy, JobKind, JobSpec
from storebrowser.transfers.progress import JobSnapshot
from tests.transfers.helpers import FAST_RETRY, Counting

ROOT = Path(__file__).resolve().parents[2]


def journal_count(journal_path: Path, query: str) -> int:
    """``select count(*) ...`` on the journal as another process sees it (0 before it exists)."""
    import sqlite3

    if not journal_path.exists():
        return 0
    db = sqlite3.connect(journal_path, timeout=10)
    try:
        (count,) = db.execute(query).fetchone()
    except sqlite3.OperationalError:
        count = 0  # schema not there yet
    finally:
        db.close()
    return int(count)


def journaled_parts(journal_path: Path) -> int:
    return journal_count(journal_path, "SELECT count(*) FROM parts")


def journaled_done_items(journal_path: Path) -> int:
    return journal_count(journal_path, "SELECT count(*) FROM items WHERE state='done'")


def _kill_when(config: dict[str, Any], tmp_path: Path, ready: Callable[[Path], bool]) -> None:
    """Run the child until ``ready(journal)``, then SIGKILL it."""
    command = [sys.executable, "-m", "tests.transfers.kill_child", json.dumps(config)]
    child = subprocess.Popen(command, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not ready(Path(config["journal"])):
            assert child.poll() is None, "the child ended before it could be killed"
            assert time.monotonic() < deadline, "the child made no progress"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()


def _config(config: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    return {"journal": str(tmp_path / "journal.sqlite3"), "started_log": str(tmp_path / "started.log"),
            "workers": 3, "delay": 0.05, "folder": str(tmp_path / "down"), **config}  # fmt: skip


def run_and_kill(config: dict[str, Any], tmp_path: Path) -> tuple[set[int], int]:
    """Run the child until more parts than it runs at once are journaled, SIGKILL it;
    the parts it had started (numbered from 1) and how many were journaled."""
    config = _config(config, tmp_path)
    _kill_when(config, tmp_path, lambda journal: journaled_parts(journal) >= config["workers"] + 1)
    started = Path(config["started_log"]).read_text().split()
    return {int(line) for line in started}, journaled_parts(Path(config["journal"]))


def kill_folder_upload_and_resume(
    provider: Provider, kind: str, settings: dict[str, Any], container: str, source: Path, tmp_path: Path
) -> None:
    """A folder of small files (one PUT each, their journal rows written in batches)
    killed mid-way, resumed from its journal: exactly the files not journaled as done are
    sent again, they are at most a batch plus those in flight, and every object ends
    identical to its file."""
    from storebrowser.transfers.journal import ITEM_BATCH

    files = sorted(p for p in source.rglob("*") if p.is_file())
    workers = 4
    config = _config(dict(kind=kind, settings=settings, container=container, key="many",
                          upload_folder=str(source), part_size=provider.part_size,
                          concurrency=workers, delay=0.01), tmp_path)  # fmt: skip
    _kill_when(config, tmp_path, lambda journal: journaled_done_items(journal) >= ITEM_BATCH)
    done_before = journaled_done_items(Path(config["journal"]))
    started_before = set(Path(config["started_log"]).read_text().split())
    print(f"killed after {len(started_before)} of {len(files)} files started, {done_before} journaled done")
    assert done_before < len(files), "the kill came too late to test anything"

    journal = Journal(tmp_path / "journal.sqlite3")
    counting = Counting(provider)
    snap = _resume(counting, journal, provider.part_size, 3)
    journal.close()
    assert snap.state is State.DONE, snap.error
    assert len(counting.puts) == len(files) - done_before  # only what the journal had not
    lost = set(counting.puts) & started_before  # stored (or started) before the kill, again
    print(f"sent again: {len(lost)}")
    assert len(lost) <= ITEM_BATCH + workers
    for path in files:
        key = "many/" + path.relative_to(source).as_posix()
        assert provider.read(container, key) == path.read_bytes(), key


def kill_prefix_download_and_resume(
    provider: Provider, kind: str, settings: dict[str, Any], container: str, objects: dict[str, bytes],
    tmp_path: Path,
) -> None:  # fmt: skip
    """The small objects under ``many/`` downloaded, the child killed once a batch of
    items is journaled done (their rows are written in batches): every item the journal
    says done is in place, whole, with no ``.part`` beside it; resumed from the journal,
    exactly the objects not journaled done are read again and every file ends identical
    to its object."""
    from storebrowser.transfers.journal import ITEM_BATCH

    config = _config(dict(kind=kind, settings=settings, container=container, download_prefix="many/",
                          part_size=provider.part_size, concurrency=4, delay=0.01), tmp_path)  # fmt: skip
    _kill_when(config, tmp_path, lambda journal: journaled_done_items(journal) >= ITEM_BATCH)
    done = _done_files(Path(config["journal"]))
    print(f"killed with {len(done)} of {len(objects)} objects journaled done")
    assert len(objects) > len(done) >= ITEM_BATCH, "the kill came too late to test anything"
    for key, local in done.items():  # nothing said done that is not in place, whole
        assert Path(local).read_bytes() == objects[key], key
        assert not Path(local + ".part").exists(), key

    journal = Journal(tmp_path / "journal.sqlite3")
    counting = Counting(provider)
    snap = _resume(counting, journal, provider.part_size, 3)
    journal.close()
    assert snap.state is State.DONE, snap.error
    assert len(counting.reads) == len(objects) - len(done)  # only what the journal had not
    folder = Path(config["folder"])
    assert not list(folder.rglob("*.part"))
    got = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert got == objects


def _done_files(journal_path: Path) -> dict[str, str]:
    """Key -> local file of the items the journal (as another process sees it) says done."""
    import sqlite3

    db = sqlite3.connect(journal_path, timeout=10)
    try:
        rows = db.execute("SELECT spec FROM items WHERE state='done'").fetchall()
    finally:
        db.close()
    specs = [json.loads(spec) for (spec,) in rows]
    return {spec["key"]: spec["local"] for spec in specs}


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
