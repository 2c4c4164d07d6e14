"""Jobs that act on everything below a folder (Download All, delete of a folder, tags or a
class for a folder) list it through the partitioned walk (``core.walk.walked_objects``),
on a real server behind a ``FaultProxy``: a part of the folder whose listing keeps failing
fails the whole job, naming that part, before anything is downloaded, deleted or changed,
after as many tries as the engine's retry policy says; listed in full, the items come in
the order of the sequential flat listing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.core.listing import iter_objects
from storebrowser.core.retry import RetryPolicy
from storebrowser.core.tags import TagEdit
from storebrowser.transfers import JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import JobSpec
from storebrowser.transfers.progress import JobSnapshot
from tests.transfers.faults_support import FaultyBackend, faulty_backend

#: Around the sub-folder boundaries of ``d/`` ("d/bad_part.txt" and "d/bad_part0" sort
#: beside "d/bad_part/"), and a part whose listing the proxy breaks (``d/bad_part/``).
KEYS = ("d/a.txt", "d/bad_part.txt", "d/bad_part/x.txt", "d/bad_part/y/z.txt", "d/bad_part0",
        "d/ok/1.txt", "d/ok/2.txt", "d/z", "e/outside.txt")  # fmt: skip
#: What only the listing of ``d/bad_part/`` has in its request line (S3 and Azure quote
#: the slash of the prefix, Swift does not; the level's listing of ``d/`` has neither).
BROKEN = "bad_part"
RETRY = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.05)
WAIT = 120.0


@pytest.fixture(params=["swift", "s3_swift"])
def faulty(request: pytest.FixtureRequest) -> Iterator[FaultyBackend]:
    with faulty_backend(request.param, request) as backend:
        for key in KEYS:
            sending.upload_bytes(backend.provider, backend.container, key, key.encode())
        yield backend


def _run(faulty: FaultyBackend, journal: Journal, spec: JobSpec) -> JobSnapshot:
    engine = TransferEngine({"acct": faulty.provider}, journal, concurrency=2, retry=RETRY)
    try:
        job = engine.submit(spec)
        assert engine.wait_idle(WAIT), "the job did not finish"
        return engine.snapshot().job(job)
    finally:
        engine.shutdown()


def _stored(faulty: FaultyBackend) -> list[str]:
    return [info.key for info in iter_objects(faulty.provider, faulty.container, "", None)]


def test_a_folder_part_that_cannot_be_listed_fails_download_and_delete_naming_it(
    faulty: FaultyBackend, journal: Journal, tmp_path: Path
) -> None:
    faulty.proxy.fail_matching(BROKEN)
    download = _run(faulty, journal, JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", faulty.container, key="d/",
                                             local=str(tmp_path / "out")))  # fmt: skip
    tried = faulty.proxy.faults_done["status 503"]
    assert tried >= 2  # the fault was met, and retried
    delete = _run(faulty, journal, JobSpec(JobKind.DELETE, "acct", faulty.container, key="d/"))
    tags = _run(faulty, journal, JobSpec(JobKind.SET_TAGS, "acct", faulty.container, sources=("d/",),
                                         tags=TagEdit({"k": "v"})))  # fmt: skip
    # Each job tried the broken part as often as the engine's policy says: one policy.
    assert faulty.proxy.faults_done["status 503"] == 3 * tried
    faulty.proxy.clear()
    for snap in (download, delete, tags):
        assert snap.state is State.FAILED and not snap.items, snap.error
        assert "d/bad_part/" in (snap.error or "") and "Could not list everything" in (snap.error or "")
    assert not any((tmp_path / "out").rglob("*")) if (tmp_path / "out").exists() else True
    assert _stored(faulty) == sorted(KEYS)  # nothing deleted


def test_listed_in_full_the_items_come_in_the_sequential_order(
    faulty: FaultyBackend, journal: Journal, tmp_path: Path
) -> None:
    sequential = [key for key in _stored(faulty) if key.startswith("d/")]
    download = _run(faulty, journal, JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", faulty.container, key="d/",
                                             local=str(tmp_path / "out")))  # fmt: skip
    assert download.state is State.DONE, download.error
    assert [item.key for item in download.items] == sequential
    delete = _run(faulty, journal, JobSpec(JobKind.DELETE, "acct", faulty.container, key="d/"))
    assert delete.state is State.DONE, delete.error
    assert _stored(faulty) == ["e/outside.txt"]
