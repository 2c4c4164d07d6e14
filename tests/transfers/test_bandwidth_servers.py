"""The bandwidth limit holding a set rate against a real server (Swift all-in-one): bytes
over time sampled from the engine's counters while an upload and then a download run at
1 MiB/s. Only upper bounds are asserted (a limit is an upper bound; a loaded machine can
only make the transfer slower), with slack for one chunk in flight and the bucket's burst."""

from __future__ import annotations

import contextlib
import io
import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.core.bandwidth import Bandwidth, Limits
from storebrowser.core.errors import StorageError
from storebrowser.core.tuning import Tuning
from storebrowser.editing.session import Outcome, check_back
from storebrowser.editing.state import OpenedFile, OpenedFiles
from storebrowser.providers.base import Provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine, sending
from storebrowser.transfers.jobs import JobSpec
from storebrowser.transfers.version_download import download_version_to
from tests.providers.versions_support import versions_of
from tests.transfers.helpers import FAST_RETRY, Counting

MiB = 1024 * 1024
RATE = MiB
#: A window's bytes may pass the rate by this much, plus SLACK bytes (chunks in flight,
#: the bucket's 50 ms of burst, one report late); measured over windows of at least 1 s.
MARGIN = 0.10
SLACK = 320 * 1024
WARM_UP = 0.3


@pytest.fixture
def swift_box(swift_provider: Provider) -> Iterator[tuple[Provider, str]]:
    container = f"bw{uuid.uuid4().hex[:12]}"
    swift_provider.create_container(container)
    swift_provider.part_size = swift_provider.multipart_threshold = swift_provider.min_part_size
    yield swift_provider, container
    with contextlib.suppress(StorageError):
        swift_provider.delete_container(container, force=True)


Sample = tuple[float, float, int]  # (time before reading, time after, bytes done)


def sample_until_done(engine: TransferEngine, job_id: str, timeout: float = 120) -> list[Sample]:
    samples: list[Sample] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = time.monotonic()
        job = engine.snapshot().job(job_id)
        samples.append((before, time.monotonic(), job.done))
        if job.state.finished:
            assert job.state is State.DONE, job.error
            return samples
        time.sleep(0.05)
    raise AssertionError("the transfer did not finish")


def worst_excess(samples: list[Sample], rate: int, window: float = 1.0) -> float:
    """The most any window of ``window`` s or longer (after the warm-up) moved beyond
    ``rate * (1 + MARGIN) * its length + SLACK``, in bytes; <= 0 when the limit held. A
    window runs from the moment before its first reading to the moment after its last,
    so a slow snapshot can only widen it."""
    start = samples[0][0] + WARM_UP
    usable = [s for s in samples if s[0] >= start]
    worst = float("-inf")
    for i, (first_before, _after, first_done) in enumerate(usable):
        for _before, last_after, last_done in usable[i + 1 :]:
            length = last_after - first_before
            if length >= window:
                allowed = rate * (1 + MARGIN) * length + SLACK
                worst = max(worst, (last_done - first_done) - allowed)
    return worst


def test_upload_and_download_hold_one_mib_per_second(swift_box: tuple[Provider, str], tmp_path: Path) -> None:
    provider, container = swift_box
    data = os.urandom(3 * MiB + 123)
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    bandwidth = Bandwidth(Limits(up=RATE, down=RATE))
    engine = TransferEngine({"acct": provider}, Journal(), part_size=MiB, part_concurrency=3,
                            concurrency=2, retry=FAST_RETRY, bandwidth=bandwidth)  # fmt: skip
    try:
        up = engine.submit(JobSpec(JobKind.UPLOAD_FILE, "acct", container, key="big.bin", local=str(path)))
        sent = sample_until_done(engine, up)
        down = engine.submit(JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", container, key="big.bin",
                                     local=str(tmp_path / "out")))  # fmt: skip
        received = sample_until_done(engine, down)
    finally:
        engine.shutdown()
    assert (tmp_path / "out" / "big.bin").read_bytes() == data
    for samples in (sent, received):
        assert samples[-1][2] == len(data)
        assert worst_excess(samples, RATE) <= 0, samples
        # The whole transfer could not beat the rate either (3 parts ran at once).
        assert samples[-1][1] - samples[0][0] >= (len(data) - SLACK) / (RATE * (1 + MARGIN))


def test_an_accounts_part_size_is_used_uploading(swift_box: tuple[Provider, str], tmp_path: Path) -> None:
    """The provider's own parts are 1 MiB here; the account asks for 2 MiB."""
    provider, container = swift_box
    counting = Counting(provider)
    path = tmp_path / "three.bin"
    path.write_bytes(os.urandom(3 * MiB))
    engine = TransferEngine({"acct": counting}, Journal(), retry=FAST_RETRY,
                            tuning=lambda name: Tuning(parts=1, part_size=2 * MiB))  # fmt: skip
    try:
        job = engine.submit(JobSpec(JobKind.UPLOAD_FILE, "acct", container, key="three.bin", local=str(path)))
        assert engine.wait_idle(120)
        assert engine.snapshot().job(job).state is State.DONE, engine.snapshot().job(job).error
    finally:
        engine.shutdown()
    assert sorted(counting.parts_sent) == [1, 2]
    assert provider.stat(container, "three.bin").size == 3 * MiB


def test_under_an_upload_limit_azure_sends_in_blocks_read_as_they_go(
    azure_provider: Provider, tmp_path: Path
):
    """Azure's SDK reads a single put's whole body before sending it, so the limit would
    hold only the reading and the bytes would leave in one burst: limited, the upload goes
    in blocks (read 16 KiB at a time as they are sent); unlimited, in one request."""
    container = f"bw{uuid.uuid4().hex[:12]}"
    azure_provider.create_container(container)
    counting = Counting(azure_provider)
    data = os.urandom(3 * MiB)
    try:
        for limits, parts in ((Limits(up=100 * MiB), [1]), (Limits(down=MiB), [])):
            counting.parts_sent.clear()
            sending.send(counting, container, "three.bin", io.BytesIO(data), size=len(data),  # type: ignore[arg-type]  # a provider wrapped to count parts
                         policy=sending.SendPolicy(4, bandwidth=Bandwidth(limits)))  # fmt: skip
            assert counting.parts_sent == parts
            assert azure_provider.stat(container, "three.bin").size == len(data)
    finally:
        with contextlib.suppress(StorageError):
            azure_provider.delete_container(container, force=True)


def test_under_a_download_limit_azure_reads_small_ranges_with_their_md5(
    azure_provider: Provider, tmp_path: Path
):
    """A blob with a Content-MD5 is read in big parts when unlimited, and the service
    computes an MD5 for reads of at most 4 MiB only, asked whole: limited, the download
    takes the range MD5s, small reads paid for before they are made, and holds the rate."""
    container = f"bw{uuid.uuid4().hex[:12]}"
    azure_provider.create_container(container)
    data = os.urandom(3 * MiB + 123)
    sending.upload_bytes(azure_provider, container, "three.bin", data)  # one Put Blob: a Content-MD5
    engine = TransferEngine({"acct": azure_provider}, Journal(), part_size=8 * MiB, part_concurrency=3,
                            retry=FAST_RETRY, bandwidth=Bandwidth(Limits(down=RATE)))  # fmt: skip
    try:
        assert azure_provider.stat(container, "three.bin").content_md5
        job = engine.submit(JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", container, key="three.bin",
                                    local=str(tmp_path / "out")))  # fmt: skip
        received = sample_until_done(engine, job)
        note = engine.snapshot().job(job).items[0].note
    finally:
        engine.shutdown()
        with contextlib.suppress(StorageError):
            azure_provider.delete_container(container, force=True)
    assert (tmp_path / "out" / "three.bin").read_bytes() == data
    assert note.startswith("verified: MD5 of ") and note.endswith(" ranges (Azure range MD5)"), note
    assert worst_excess(received, RATE) <= 0, received


def test_a_version_saved_outside_the_engine_holds_the_download_limit(
    swift_box: tuple[Provider, str], tmp_path: Path
) -> None:
    """The Versions dialog's Save and ``versions get`` read outside the engine's jobs, on
    the engine's ``Bandwidth``: their bytes over time keep to its download rate too."""
    provider, container = swift_box
    provider.set_versioning(container, True)
    data = os.urandom(2 * MiB + 321)
    sending.upload_bytes(provider, container, "v.bin", data)
    version_id = versions_of(provider, container, "v.bin")[0].version_id
    sending.upload_bytes(provider, container, "v.bin", b"the current version")
    samples: list[Sample] = []

    def written(done: int, _total: int) -> None:
        now = time.monotonic()
        samples.append((now, now, done))

    bandwidth = Bandwidth(Limits(down=RATE))
    started = time.monotonic()
    saved = download_version_to(provider, container, "v.bin", version_id, tmp_path / "v.bin",
                                progress=written, bandwidth=bandwidth)  # fmt: skip
    assert saved.path.read_bytes() == data and saved.verified.startswith("verified")
    samples.insert(0, (started, started, 0))
    assert worst_excess(samples, RATE) <= 0, samples
    assert samples[-1][1] - started >= (len(data) - SLACK) / (RATE * (1 + MARGIN))


def test_an_edited_file_sent_back_holds_the_upload_limit(
    swift_box: tuple[Provider, str], tmp_path: Path
) -> None:
    """Open With's upload back (a conditional replace, outside the engine's jobs) waits
    its turn on the engine's ``Bandwidth`` like an upload job: it cannot be quicker than
    the upload rate allows."""
    provider, container = swift_box
    sending.upload_bytes(provider, container, "edit.bin", b"as opened")
    stored = provider.stat(container, "edit.bin")
    copy = tmp_path / "edit.bin"
    copy.write_bytes(edited := os.urandom(2 * MiB + 321))
    opened = OpenedFile("acct", container, "edit.bin", str(copy), etag=(stored.etag or "").strip('"'),
                        size=stored.size, sha256="the hash as opened")  # fmt: skip
    store = OpenedFiles(tmp_path / "opened.json")
    started = time.monotonic()
    checked = check_back(provider, store, opened, Bandwidth(Limits(up=RATE)))
    took = time.monotonic() - started
    assert checked.outcome is Outcome.UPLOADED, checked.opened.note
    assert provider.read(container, "edit.bin") == edited
    assert took >= (len(edited) - SLACK) / (RATE * (1 + MARGIN))
