"""A job of many keys in the journal (issue 25): its keys in rows of ``KEY_BATCH``, its
spec written once, not again at every change of its state; journals of version 1 (keys
inside the spec) still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storebrowser.transfers.jobs import Job, JobKind, JobSpec, State
from storebrowser.transfers.journal import KEY_BATCH, Journal

KEYS = tuple(f"many/obj-{n:05d}" for n in range(2 * KEY_BATCH + 5))


def test_keys_go_in_batches_and_come_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    job = Job(JobSpec(JobKind.DELETE, "acct", "box", keys=KEYS))
    journal.save_job(job)
    (spec,) = journal._db.execute("SELECT spec FROM jobs").fetchone()
    assert json.loads(spec)["keys"] == []
    batches = journal._db.execute("SELECT keys FROM job_keys ORDER BY batch").fetchall()
    assert [len(json.loads(keys)) for (keys,) in batches] == [KEY_BATCH, KEY_BATCH, 5]

    def not_again(_spec: JobSpec) -> dict[str, object]:
        raise AssertionError("the spec was written again")

    monkeypatch.setattr(JobSpec, "to_json", not_again)
    job.state = State.PAUSED
    journal.save_job(job)  # a change of state: the spec and its keys stay as they are
    monkeypatch.undo()
    journal.close()

    again = Journal(tmp_path / "j.sqlite3")
    (loaded,) = again.load_jobs()
    assert loaded.spec == job.spec and loaded.state is State.PAUSED
    again.delete_job(job.id)
    assert again._db.execute("SELECT count(*) FROM job_keys").fetchone() == (0,)
    again.close()


def test_a_version_1_journal_with_keys_in_the_spec_still_loads(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    spec = JobSpec(JobKind.DELETE, "acct", "box", keys=KEYS[:3])
    journal._db.execute(
        "INSERT INTO jobs(id, spec, state, position) VALUES ('old', ?, 'queued', 1)",
        (json.dumps(spec.to_json()),),
    )
    (loaded,) = journal.load_jobs()
    assert loaded.spec == spec
    journal.close()
