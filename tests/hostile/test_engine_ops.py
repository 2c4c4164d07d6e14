"""The transfer engine's moves and copies on hostile keys (the CLI has no ``mv``; the
window renames and moves through these jobs): the object named goes exactly where asked,
or the item fails with a message and nothing moves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.transfers import JobKind, Journal, State, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from tests.hostile.conftest import Store
from tests.hostile.keys import sample, wider
from tests.transfers.helpers import FAST_RETRY


@pytest.fixture
def engine(store: Store, tmp_path: Path) -> Iterator[TransferEngine]:
    journal = Journal(tmp_path / "journal.sqlite3")
    engine = TransferEngine({"acct": store.provider}, journal, retry=FAST_RETRY)
    yield engine
    engine.shutdown(timeout=30)
    journal.close()


def _run(engine: TransferEngine, specs: list[JobSpec]) -> None:
    for spec in specs:
        engine.submit(spec)
    assert engine.wait_idle(timeout=120)
    for job in engine.snapshot().jobs:
        assert job.state is State.DONE, (job.error, [(i.key, i.error) for i in job.items if i.error])


def test_moves_land_exactly(store: Store, box: str, engine: TransferEngine) -> None:
    keys = sample(store.name)
    for hostile in keys:
        store.raw.write(box, hostile.key, hostile.data)
    specs = [JobSpec(JobKind.MOVE, "acct", box, key=h.key, dst_key=f"moved/{h.key}") for h in keys]
    _run(engine, specs)
    assert store.raw.keys(box) == {f"moved/{h.key}" for h in keys}
    for hostile in keys:
        assert store.raw.read(box, f"moved/{hostile.key}") == hostile.data


def test_a_folder_copy_keeps_every_name(store: Store, box: str, engine: TransferEngine) -> None:
    keys = [h for h in wider(store.name) if h.key.startswith("h/")]
    for hostile in keys:
        store.raw.write(box, hostile.key, hostile.data)
    _run(engine, [JobSpec(JobKind.COPY, "acct", box, key="h/", dst_key="c/")])
    copies = {"c/" + h.key[2:]: h.data for h in keys}
    assert store.raw.keys(box) == {h.key for h in keys} | set(copies)
    for key, data in copies.items():
        assert store.raw.read(box, key) == data
