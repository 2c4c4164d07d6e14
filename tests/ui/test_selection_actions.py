"""Actions on big selections (issue 25), against real servers through a counting proxy:
a select-all + Delete of a 20,000-object listing sends batch deletes only (on Swift's
native API; on s3api a listing of 2,500), a partial one sends its keys in batches without
listing again, and a Download of listed objects sends
no HEAD (what the listing said is used; every download is still checked by content).

The commands run on a ``CommandContext`` whose selection comes from a real object table
model listing the place (no window)."""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from storebrowser.accounts.pool import ProviderPool
from storebrowser.core.places import Location
from storebrowser.find.criteria import Criteria
from storebrowser.providers.registry import open_provider
from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.table.selection import Selection
from storebrowser.transfers import JobKind, Journal, State, TransferEngine
from storebrowser.transfers.conflicts import AskCallback
from storebrowser.transfers.sending import upload_bytes
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.commands.operations import Operations
from storebrowser.ui.objects.model import ObjectTableModel
from storebrowser.ui.transfers.jobs import JobQueue
from tests.providers.backends import _counted_settings, _port
from tests.servers.counting_proxy import CountingProxy
from tests.servers.swift_seed import Row, seed_listing
from tests.ui.servers import SERVER_ACCOUNTS
from tests.ui.test_command_context import FakeMessages, FakePlaces

WAIT = 60_000
#: The issue's listing, selected all and deleted (on Swift's native API). The other delete
#: cases list ``FEWER`` objects: enough for several batches of 1,000, a fraction of the
#: listing (s3api pages by 1,000) and model work.
COUNT = 20_000
FEWER = 2_500
BATCH = 1000
ACCOUNT = "Counted"


class TablePlaces(FakePlaces):
    """``Places`` whose selection is rows of a real object table model."""

    def __init__(self, pool: ProviderPool, location: Location, model: ObjectTableModel) -> None:
        super().__init__(pool, location)
        self.model = model
        self.spans: list[range] = []

    def select_all(self) -> None:
        self.spans = [range(self.model.rowCount())]

    def selection(self) -> Selection:
        return self.model.selection(self.spans)


@contextlib.contextmanager
def counted_account(
    request: pytest.FixtureRequest, backend: str, add_account: Any
) -> Iterator[CountingProxy]:
    """The account ``ACCOUNT`` on ``backend``, every request through a counting proxy."""
    kind, url, settings = _counted_settings(backend, request)
    with CountingProxy(_port(url)) as proxy:
        add_account(ACCOUNT, kind, settings(proxy))
        yield proxy


@contextlib.contextmanager
def commands(
    qtbot: Any, pool: ProviderPool, runner: TaskRunner, journal: Journal, places: TablePlaces,
    concurrency: int = 2,
) -> Iterator[Operations]:
    def make_engine(ask: AskCallback) -> TransferEngine:
        return TransferEngine(pool, journal, concurrency=concurrency, ask=ask)

    owner = QWidget()
    qtbot.addWidget(owner)
    bridge = EngineBridge(make_engine, parent=owner)
    jobs = JobQueue(bridge, owner)
    qtbot.waitUntil(lambda: bridge.engine is not None, timeout=WAIT)
    try:
        yield Operations(CommandContext(pool, runner, jobs, places, FakeMessages(), owner))
    finally:
        bridge.close()


def listed(
    qtbot: Any, runner: TaskRunner, pool: ProviderPool, container: str, prefix: str
) -> ObjectTableModel:
    model = ObjectTableModel(runner)
    model.open(pool.get(ACCOUNT), container, prefix)
    qtbot.waitUntil(lambda: model.complete, timeout=WAIT)
    return model


def finished_jobs(qtbot: Any, ops: Operations, count: int) -> list[Any]:
    engine = ops.jobs.engine
    assert engine is not None

    def done() -> bool:
        jobs = engine.snapshot().jobs
        return len(jobs) >= count and all(job.state.finished for job in jobs)

    try:
        qtbot.waitUntil(done, timeout=WAIT)
    finally:
        jobs = engine.snapshot().jobs
        print([(job.kind, job.state, job.done, job.total, job.error) for job in jobs])
    assert [(job.state, job.error) for job in jobs] == [(State.DONE, None)] * count
    return jobs


def methods(proxy: CountingProxy) -> list[str]:
    return [line.split(" ", 1)[0] for line in proxy.request_lines]


# -- delete -------------------------------------------------------------------------------


@pytest.fixture
def seeded_swift(request: pytest.FixtureRequest, count: int) -> str:
    """A Swift container listing ``many/`` with ``count`` objects (server-side seeded: the
    objects themselves do not exist, which a delete does not mind)."""
    swift = request.getfixturevalue("swift_server")
    settings = {"auth_url": swift.auth_url, "username": swift.user, "api_key": swift.key}
    provider = open_provider("swift", settings)
    provider.connect()
    name = f"many-{uuid.uuid4().hex[:10]}"
    provider.create_container(name)
    rows = (Row(f"many/obj-{n:06d}.bin", n % 1000 + 1, 1_700_000_000 + n, "application/octet-stream",
                hashlib.md5(str(n).encode()).hexdigest()) for n in range(count))  # fmt: skip
    seed_listing(swift, name, rows)
    provider.close()
    return name


def first_batches(qtbot: Any, ops: Operations, proxy: CountingProxy) -> Any:
    """The delete job once it is expanded and its first batch is on its way, then
    cancelled: deleting 20,000 objects takes the Swift all-in-one many minutes (an object
    server's tombstone each), and every batch after the first is alike. The engine runs
    one item at a time (``concurrency=1``), so only that batch is waited for."""
    engine = ops.jobs.engine
    assert engine is not None
    qtbot.waitUntil(lambda: len(engine.snapshot().jobs) == 1, timeout=WAIT)
    job_id = engine.snapshot().jobs[0].id
    qtbot.waitUntil(lambda: "POST" in methods(proxy), timeout=WAIT)
    job = engine.snapshot().jobs[0]
    engine.cancel(job_id)
    # The batch on its way finishes first: the journal must outlive it.
    qtbot.waitUntil(lambda: engine.wait_idle(0.1), timeout=3 * WAIT)
    return job


@pytest.mark.parametrize(("backend", "count"), [("swift", COUNT), ("s3_swift", FEWER)])
def test_select_all_then_delete_sends_batch_deletes_of_the_prefix_only(
    qtbot, request, backend, count, add_account, pool, runner, journal, seeded_swift
) -> None:
    with counted_account(request, backend, add_account) as proxy:
        model = listed(qtbot, runner, pool, seeded_swift, "many/")
        assert model.rowCount() == count
        places = TablePlaces(pool, Location(ACCOUNT, seeded_swift, "many/"), model)
        places.select_all()
        asked: list[str] = []
        with commands(qtbot, pool, runner, journal, places, concurrency=1) as ops:
            ops.confirm = lambda _title, question, _button: asked.append(question) or True
            proxy.reset()
            ops.delete()
            assert asked and f"{count:,} objects (" in asked[0]
            job = first_batches(qtbot, ops, proxy)
            sent = methods(proxy)
        # One job of the prefix: listed once (GETs), then one request per batch of 1,000
        # keys; no DELETE or HEAD per object.
        batches = [min(BATCH, count - start) for start in range(0, count, BATCH)]
        assert job.kind is JobKind.DELETE and [item.total for item in job.items] == batches
        assert set(sent) == {"GET", "POST"}, sent[:5]


@pytest.mark.parametrize(("backend", "count"), [("swift", FEWER), ("s3_swift", FEWER)])
def test_a_partial_selection_deletes_its_keys_in_batches_without_listing_again(
    qtbot, request, backend, count, add_account, pool, runner, journal, seeded_swift
) -> None:
    with counted_account(request, backend, add_account) as proxy:
        model = listed(qtbot, runner, pool, seeded_swift, "many/")
        places = TablePlaces(pool, Location(ACCOUNT, seeded_swift, "many/"), model)
        places.spans = [range(0, 5), range(10, count)]  # all but five
        with commands(qtbot, pool, runner, journal, places, concurrency=1) as ops:
            ops.confirm = lambda *_args: True
            proxy.reset()
            ops.delete()
            job = first_batches(qtbot, ops, proxy)
            engine = ops.jobs.engine
            assert engine is not None
            spec = engine._jobs[job.id].spec
            sent = methods(proxy)
        expected = [f"many/obj-{n:06d}.bin" for n in (*range(5), *range(10, count))]
        assert list(spec.keys) == expected and not spec.contents_only
        assert len(job.items) == -(-len(expected) // BATCH) > 1
        # One request per batch; Swift's provider first looks for SLO manifests among a
        # batch's keys (a listing GET per batch, not per object).
        assert set(sent) == ({"GET", "POST"} if backend == "swift" else {"POST"}), sent[:5]


# -- download -----------------------------------------------------------------------------


@pytest.fixture
def pictures(request: pytest.FixtureRequest, backend: str) -> Iterator[tuple[str, dict[str, bytes]]]:
    """A container with ``pics/`` (its own marker object where the service has them, a
    dozen objects, a sub-folder), written by another client."""
    from tests.ui.servers import server_account

    account = server_account(request, backend)
    provider = open_provider(account.kind, account.settings)
    provider.connect()
    name = f"pics-{uuid.uuid4().hex[:10]}"
    provider.create_container(name)
    objects = {f"pics/p{n:02d}.jpg": bytes([n]) * (100 + n) for n in range(12)}
    objects["pics/sub/deep.txt"] = b"deep"
    for key, data in objects.items():
        upload_bytes(provider, name, key, data)
    if backend != "azure":
        upload_bytes(provider, name, "pics/", b"")
    try:
        yield name, objects
    finally:
        provider.delete_container(name, force=True)
        provider.close()


@pytest.mark.parametrize("backend", SERVER_ACCOUNTS)
def test_a_download_of_listed_objects_sends_no_head(
    qtbot, request, backend, add_account, pool, runner, journal, pictures, tmp_path: Path
) -> None:
    container, objects = pictures
    with counted_account(request, backend, add_account) as proxy:
        model = listed(qtbot, runner, pool, container, "pics/")
        places = TablePlaces(pool, Location(ACCOUNT, container, "pics/"), model)
        keys = [model.info(row).key for row in range(model.rowCount())]
        assert "pics/sub/" in keys and len(keys) == 13
        with commands(qtbot, pool, runner, journal, places) as ops:
            # A part of the rows: one job of their keys.
            some = tmp_path / "some"
            places.spans = [range(0, model.rowCount() - 1)]
            ops.ask_folder = lambda _title: some
            proxy.reset()
            ops.download()
            (job,) = finished_jobs(qtbot, ops, 1)
            assert job.kind is JobKind.DOWNLOAD_MANY and len(job.items) == 12
            assert all(item.note for item in job.items), [item.note for item in job.items]
            assert "HEAD" not in methods(proxy), proxy.request_lines
            # Every row: one job of the folder's contents, landing in the folder chosen.
            whole = tmp_path / "whole"
            places.select_all()
            ops.ask_folder = lambda _title: whole
            proxy.reset()
            ops.download()
            job = finished_jobs(qtbot, ops, 2)[-1]
            assert job.kind is JobKind.DOWNLOAD_PREFIX and len(job.items) == 13
            assert "HEAD" not in methods(proxy), proxy.request_lines
    shown_last = keys[-1]
    for key, data in objects.items():
        relative = key.removeprefix("pics/")
        assert (whole / relative).read_bytes() == data
        if not key.startswith(shown_last):
            assert (some / relative).read_bytes() == data
    assert not list(tmp_path.rglob("*.part"))
    tops = {key.removeprefix("pics/").split("/")[0] for key in objects}
    assert sorted(path.name for path in whole.iterdir()) == sorted(tops)


# -- copy, and delete of a folder's contents -------------------------------------------------


@pytest.mark.parametrize("backend", ["s3_moto"])
def test_every_row_copies_and_deletes_the_folders_contents_and_keeps_its_marker(
    qtbot, request, backend, add_account, pool, runner, journal, pictures
) -> None:
    container, objects = pictures
    with counted_account(request, backend, add_account):
        model = listed(qtbot, runner, pool, container, "pics/")
        places = TablePlaces(pool, Location(ACCOUNT, container, "pics/"), model)
        places.select_all()
        with commands(qtbot, pool, runner, journal, places) as ops:
            ops.ask_destination = lambda *_args: (container, "copies/")
            ops.copy_to()
            copy = finished_jobs(qtbot, ops, 1)[-1]
            assert copy.kind is JobKind.COPY and len(copy.items) == len(objects)
            ops.confirm = lambda *_args: True
            ops.delete()
            delete = finished_jobs(qtbot, ops, 2)[-1]
            assert delete.kind is JobKind.DELETE
        provider = pool.get(ACCOUNT)
        left = {info.key for info in provider.list_page(container, "", None, None, 1000).entries}
        copied = {key: provider.read(container, f"copies/{key.removeprefix('pics/')}") for key in objects}
    copies = {f"copies/{key.removeprefix('pics/')}" for key in objects}
    assert left == copies | {"pics/"}  # the folder's own marker stays: the folder was not chosen
    assert copied == objects


def test_every_match_of_a_find_is_its_keys_never_the_place(
    qtbot, add_account, pool, runner, journal, tmp_path: Path
) -> None:
    """Select All among what Find found below a folder deletes those objects only: the
    place's prefix would take everything under it."""
    root = tmp_path / "root"
    (root / "box" / "pics" / "sub").mkdir(parents=True)
    for name in ("a.jpg", "b.txt", "sub/c.jpg"):
        (root / "box" / "pics" / name).write_bytes(b"x")
    add_account(ACCOUNT, "local", {"root": str(root)})
    model = ObjectTableModel(runner)
    model.open(pool.get(ACCOUNT), "box", "pics/", Criteria.parse(glob="*.jpg"))
    qtbot.waitUntil(lambda: model.complete, timeout=WAIT)
    places = TablePlaces(pool, Location(ACCOUNT, "box", "pics/"), model)
    places.select_all()
    assert places.selection().count == 2 and places.selection().prefix is None
    with commands(qtbot, pool, runner, journal, places) as ops:
        ops.confirm = lambda *_args: True
        ops.delete()
        finished_jobs(qtbot, ops, 1)
    left = sorted(p.relative_to(root / "box").as_posix() for p in (root / "box").rglob("*") if p.is_file())
    assert left == ["pics/b.txt"]
