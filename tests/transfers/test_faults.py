"""Fault injection: the engine with real providers, every request through a ``FaultProxy``
that resets connections, answers 503s and stalls, on Swift native, Swift's S3 API and
Azurite. Whatever happens on the wire, every file ends byte-identical or its item failed
with a sentence; nothing is left behind (``.part`` files, open multipart uploads,
uncommitted blocks, orphan segments)."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.digests import ReadReceipt
from storebrowser.core.ranges import ByteRange
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.providers.base import MiB, Provider
from storebrowser.providers.s3.provider import S3Provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import JobSpec
from storebrowser.transfers.progress import STALLED, JobSnapshot
from tests.transfers.faults_support import (
    FAULT_BACKENDS,
    FaultyBackend,
    check_items,
    faulty_backend,
    leftovers,
    mixed_tree,
    part_size_of,
    stray_part_files,
)

#: Quick retries: the faults are many, the waits need not be long.
RETRY = RetryPolicy(attempts=4, base_delay=0.05, max_delay=0.2)
WAIT = 120.0
Files = dict[str, bytes]


@pytest.fixture(params=FAULT_BACKENDS)
def faulty(request: pytest.FixtureRequest) -> Iterator[FaultyBackend]:
    with faulty_backend(request.param, request) as backend:
        yield backend


def _engine(provider: Provider, journal: Journal, **options: Any) -> TransferEngine:
    settings: dict[str, Any] = dict(part_size=part_size_of(provider), part_concurrency=3, concurrency=2,
                                    retry=RETRY)  # fmt: skip
    return TransferEngine({"acct": provider}, journal, **{**settings, **options})


def _run(engine: TransferEngine, spec: JobSpec) -> JobSnapshot:
    job = engine.submit(spec)
    assert engine.wait_idle(WAIT), "the job did not finish"
    return engine.snapshot().job(job)


def _cancel_if_failed(engine: TransferEngine, snap: JobSnapshot) -> None:
    """A failed job keeps what it did for a retry; cancelled, it must clean up after itself."""
    if snap.state is State.FAILED:
        engine.cancel(snap.id)
        assert engine.wait_idle(WAIT)


def _upload_tree(b: FaultyBackend, tmp_path: Path, engine: TransferEngine) -> tuple[JobSnapshot, Files]:
    files = mixed_tree(tmp_path / "tree", part_size_of(b.provider))
    snap = _run(engine, JobSpec(JobKind.UPLOAD_FOLDER, "acct", b.container, key="up/",
                                local=str(tmp_path / "tree")))  # fmt: skip
    return snap, files


def _check_upload(b: FaultyBackend, snap: JobSnapshot, files: dict[str, bytes]) -> int:
    return check_items(snap, files, "up/", lambda name: b.provider.read(b.container, "up/" + name))


def _store_tree(b: FaultyBackend, tmp_path: Path, *, small: bool = False) -> Files:
    files = mixed_tree(tmp_path / "tree", part_size_of(b.provider), small=small)
    for name, data in files.items():
        sending.upload_bytes(b.provider, b.container, "d/" + name, data)
    return files


def _download_spec(b: FaultyBackend, out: Path) -> JobSpec:
    return JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", b.container, key="d/", local=str(out))


def _check_download(snap: JobSnapshot, files: dict[str, bytes], out: Path) -> int:
    return check_items(snap, files, "d/", lambda name: (out / "d" / name).read_bytes())


def _settle(b: FaultyBackend, engine: TransferEngine, snap: JobSnapshot, failed: int) -> None:
    """The faults were met; a job that failed is cancelled (and cleans up); the engine stops."""
    print(f"{b.name}: {dict(b.proxy.faults_done)}, {failed} of {len(snap.items)} failed, "
          f"{b.proxy.requests} requests")  # fmt: skip
    assert b.proxy.faults_done["reset"] >= 1 and b.proxy.faults_done["status 503"] == 2
    _cancel_if_failed(engine, snap)
    engine.shutdown()


def test_a_mixed_tree_uploads_through_resets_and_503s(faulty: FaultyBackend, journal, tmp_path) -> None:
    faulty.proxy.reset_after(600_000, times=2, upstream=True)
    faulty.proxy.fail_next(2)
    engine = _engine(faulty.provider, journal)
    snap, files = _upload_tree(faulty, tmp_path, engine)
    faulty.proxy.clear()
    _settle(faulty, engine, snap, _check_upload(faulty, snap, files))
    assert leftovers(faulty, [item.key for item in snap.items]) == []


def test_a_mixed_tree_downloads_over_a_slow_link_through_resets_and_503s(
    faulty: FaultyBackend, journal, tmp_path
) -> None:
    files = _store_tree(faulty, tmp_path)
    out = tmp_path / "out"
    engine = _engine(faulty.provider, journal)
    faulty.proxy.throttle(8 * 1024 * 1024)
    faulty.proxy.reset_after(700_000, times=2)
    faulty.proxy.fail_next(2)
    snap = _run(engine, _download_spec(faulty, out))
    faulty.proxy.clear()
    _settle(faulty, engine, snap, _check_download(snap, files, out))
    assert stray_part_files(out) == []


def test_transfers_that_run_out_of_retries_fail_with_a_message_and_leave_nothing(
    faulty: FaultyBackend, journal, tmp_path
) -> None:
    """Every answer cut after its first byte, past every retry (the SDK's and ours)."""
    stored = _store_tree(faulty, tmp_path / "stored", small=True)
    out = tmp_path / "out"
    engine = _engine(faulty.provider, journal, retry=RetryPolicy(attempts=1), concurrency=4)
    faulty.proxy.reset_after(1, times=1_000_000)
    up = engine.submit(JobSpec(JobKind.UPLOAD_FOLDER, "acct", faulty.container, key="up/",
                               local=str(tmp_path / "stored" / "tree")))  # fmt: skip
    down = engine.submit(_download_spec(faulty, out))
    assert engine.wait_idle(WAIT)
    faulty.proxy.clear()
    snaps = [engine.snapshot().job(up), engine.snapshot().job(down)]
    failed = _check_upload(faulty, snaps[0], stored) + _check_download(snaps[1], stored, out)
    print(f"{faulty.name}: {dict(faulty.proxy.faults_done)}, {failed} of {2 * len(stored)} failed, "
          f"{faulty.proxy.requests} requests")  # fmt: skip
    assert failed > 0
    for snap in snaps:
        _cancel_if_failed(engine, snap)
    engine.shutdown()
    assert stray_part_files(out) == []
    assert leftovers(faulty, [item.key for item in snaps[0].items]) == []


def test_a_stalled_download_says_so_gives_up_and_retries(faulty: FaultyBackend, journal, tmp_path) -> None:
    """The read timeout fits the part size (here a floor of 2 s, as a test may set): a
    connection stalled for minutes is given up in seconds, and the item says so meanwhile."""
    data = os.urandom(part_size_of(faulty.provider) * 2)
    sending.upload_bytes(faulty.provider, faulty.container, "stall.bin", data)
    faulty.provider.min_read_timeout = 2.0
    engine = _engine(faulty.provider, journal, stall_notice=0.5, part_concurrency=1)
    faulty.proxy.stall(600.0, after=200_000)  # far longer than any timeout: only giving up ends it
    job = engine.submit(JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", faulty.container, key="stall.bin",
                                local=str(tmp_path)))  # fmt: skip
    notes = set()
    deadline = time.monotonic() + 45  # the old fixed timeouts (60 s, 120 s) would pass this
    while not engine.snapshot().job(job).state.finished and time.monotonic() < deadline:
        notes |= {item.note for item in engine.snapshot().job(job).items}
        time.sleep(0.1)
    snap = engine.snapshot().job(job)
    engine.shutdown(timeout=5)
    assert snap.state is State.DONE, f"not given up in time: {snap.state}, {snap.error}"
    assert faulty.proxy.faults_done["stall"] == 1
    assert any(note.startswith(STALLED) for note in notes), notes
    assert (tmp_path / "stall.bin").read_bytes() == data


def _pool_and_timeout(b: FaultyBackend) -> tuple[int, float]:
    """What the SDK under the provider was given (read off its own objects)."""
    provider: Any = b.provider
    if b.name == "s3_swift":
        config = provider._client.meta.config
        return config.max_pool_connections, config.read_timeout
    if b.name == "azure":
        transport = provider._transport
        adapter = transport.session.get_adapter("http://")
        return adapter.poolmanager.connection_pool_kw["maxsize"], transport.connection_config.read_timeout
    client = provider.client
    return client._idle.maxsize, client._new_connection().timeout


def test_the_engine_fits_pools_and_read_timeouts_to_its_workers_and_parts(
    faulty: FaultyBackend, journal, tmp_path
) -> None:
    (tmp_path / "one.txt").write_bytes(b"one")
    part_size = 48 * MiB
    engine = _engine(faulty.provider, journal, concurrency=5, part_concurrency=6, part_size=part_size)
    snap = _run(engine, JobSpec(JobKind.UPLOAD_FILE, "acct", faulty.container, key="one.txt",
                                local=str(tmp_path / "one.txt")))  # fmt: skip
    engine.shutdown()
    assert snap.state is State.DONE, snap.error
    pool, timeout = _pool_and_timeout(faulty)
    assert pool >= 5 * 6
    assert timeout == faulty.provider.read_timeout(part_size) == 48.0  # 48 MiB at 1 MiB/s


#: Text in the request line of a part's upload (and of nothing else an upload sends once
#: S3's part-checksum probe is behind it): an S3 UploadPart, an Azure Put Block (not Put
#: Block List), a PUT into Swift's segment container.
def _is_part(b: FaultyBackend, line: str) -> bool:
    if b.name == "s3_swift":
        return "partNumber=" in line
    if b.name == "azure":
        return "comp=block" in line and "blocklist" not in line
    return line.startswith("PUT ") and f"/{b.container}_segments/" in line


_PART_TEXT = {"s3_swift": "partNumber=", "azure": "comp=block", "swift": "_segments/"}


def test_a_part_refused_with_503_is_sent_as_often_as_the_engine_policy_says(
    faulty: FaultyBackend, journal, tmp_path
) -> None:
    """One retry policy: a part that keeps getting a 503 goes out exactly as many times as
    the engine's policy says, not the SDK's attempts times the engine's (4 x 3 before)."""
    data = os.urandom(part_size_of(faulty.provider) * 2)
    (tmp_path / "first.bin").write_bytes(data)  # on S3 also makes the part-checksum probe
    (tmp_path / "second.bin").write_bytes(data)
    policy = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)
    engine = _engine(faulty.provider, journal, retry=policy, part_concurrency=1)
    first = _run(engine, JobSpec(JobKind.UPLOAD_FILE, "acct", faulty.container, key="first.bin",
                                 local=str(tmp_path / "first.bin")))  # fmt: skip
    assert first.state is State.DONE, first.error
    faulty.proxy.reset()
    faulty.proxy.fail_matching(_PART_TEXT[faulty.name])  # every part: part 1 fails, part 2 never goes
    snap = _run(engine, JobSpec(JobKind.UPLOAD_FILE, "acct", faulty.container, key="second.bin",
                                local=str(tmp_path / "second.bin")))  # fmt: skip
    faulty.proxy.clear()
    parts = [line for line in faulty.proxy.request_lines if _is_part(faulty, line)]
    _cancel_if_failed(engine, snap)
    engine.shutdown()
    assert snap.state is State.FAILED
    assert len(parts) == policy.attempts, parts


def test_an_azure_read_asked_again_names_the_version_it_delivered(request: pytest.FixtureRequest) -> None:
    """The SDK asks again, unpinned, for a first answer that broke off: a blob replaced
    meanwhile comes back in its new version. The read's receipt must name that version,
    which the engine compares with the one it downloads (``fetching.check_version``); it
    named the broken answer's, so a part of the new version passed as the old one's."""
    with faulty_backend("azure", request) as backend:
        provider, box, proxy = backend.provider, backend.container, backend.proxy
        old, new = os.urandom(2 * MiB), os.urandom(2 * MiB)
        sending.upload_bytes(provider, box, "torn.bin", old)
        asked_before = len(proxy.request_lines)
        proxy.stall(3.0, after=1)  # the next answer waits after its first bytes...
        proxy.reset_after(MiB)  # ... and breaks off a megabyte on
        said: list[ReadReceipt] = []
        with ThreadPoolExecutor(1) as pool:
            reading = pool.submit(lambda: b"".join(provider.iter_read(box, "torn.bin", ByteRange(0, len(old)),
                                                                     receipt=said.append)))  # fmt: skip
            deadline = time.monotonic() + WAIT
            while not proxy.faults_done["stall"] and time.monotonic() < deadline:
                time.sleep(0.05)
            sending.upload_bytes(provider, box, "torn.bin", new)  # while the first answer waits
            delivered = reading.result(timeout=WAIT)
        gets = [line for line in proxy.request_lines[asked_before:] if line.startswith("GET ")]
        assert len(gets) == 2, gets  # the first answer broke off, the SDK asked again
        assert delivered == new
        assert said[-1].etag == provider.stat(box, "torn.bin").etag


def test_an_s3_part_copy_refused_once_is_copied_again_alone(request: pytest.FixtureRequest) -> None:
    """Under the engine's retry the S3 client tries each request once; a part copy that
    meets a 503 is copied again by itself, not the whole object (every part) again."""
    with faulty_backend("s3_swift", request) as backend:
        provider, box, proxy = backend.provider, backend.container, backend.proxy
        assert isinstance(provider, S3Provider)
        provider.copy_threshold = provider.copy_part_size = 5 * MiB
        data = os.urandom(3 * 5 * MiB)
        sending.upload_bytes(provider, box, "source.bin", data)
        proxy.reset()
        proxy.fail_matching("partNumber=2", times=1)
        policy = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)
        call_with_retry(lambda: provider.copy_object(box, "source.bin", box, "copy.bin"), policy)
        part_copies = [line for line in proxy.request_lines if "partNumber=" in line]
        assert len(part_copies) == 4, part_copies  # 3 parts, part 2 twice (6 when all went again)
        assert provider.read(box, "copy.bin") == data


def test_an_azure_versions_probe_refused_once_is_asked_again(request: pytest.FixtureRequest) -> None:
    """Under the engine's retry the Azure SDK tries once: a 503 on the probe for blob
    versions goes up to be retried, not taken for "this account keeps snapshots"."""
    with faulty_backend("azure", request) as backend:
        provider, box, proxy = backend.provider, backend.container, backend.proxy
        sending.upload_bytes(provider, box, "kept.txt", b"kept")
        proxy.reset()
        proxy.fail_matching("include=versions", times=1)
        policy = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05)
        state = call_with_retry(lambda: provider.versioning_state(box), policy)
        probes = [line for line in proxy.request_lines if "include=versions" in line]
        assert len(probes) == 2, probes  # refused once, asked again (1: the refusal was the answer)
        assert state.status is not None


def test_an_azure_checked_read_asked_again_keeps_the_md5_of_the_reply_it_delivered(
    request: pytest.FixtureRequest,
) -> None:
    """A read of up to 4 MiB asks the service for its MD5; when the first answer breaks
    off, the SDK asks the same bytes again (``StorageStreamDownloader._initial_request``)
    with the same headers, and the answer it hands on carries that MD5. The receipt must
    keep it (it dropped every MD5 of a read with more than one reply, so the engine took
    the part by its size alone)."""
    with faulty_backend("azure", request) as backend:
        provider, box, proxy = backend.provider, backend.container, backend.proxy
        data = os.urandom(3 * MiB)
        sending.upload_bytes(provider, box, "torn.bin", data)
        asked_before = len(proxy.request_lines)
        proxy.reset_after(MiB // 2)  # the first answer breaks off half a megabyte on
        said: list[ReadReceipt] = []
        asked = ByteRange(MiB, 3 * MiB)
        delivered = b"".join(provider.iter_read(box, "torn.bin", asked, receipt=said.append))
        gets = [line for line in proxy.request_lines[asked_before:] if line.startswith("GET ")]
        assert len(gets) == 2, gets  # the first answer broke off, the SDK asked again
        assert delivered == data[MiB:]
        assert said[-1].md5 == hashlib.md5(delivered).hexdigest()
