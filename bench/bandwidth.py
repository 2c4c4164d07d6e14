"""How well the bandwidth limit holds: accuracy over 10 s windows and smoothness, against
the Swift all-in-one (native and s3api) and Azurite started on 127.0.0.1 by
``tests/servers``.

For each backend and direction, one object of ``rate x (seconds + 2)`` bytes moves through
the engine under the limit while this process samples the engine's byte counter every
10 ms. Printed per run:

- accuracy: the bytes of each 10 s window (sliding by 100 ms, after a 1 s warm-up) over
  ``rate x 10 s``; the worst window above and below 1.0;
- smoothness: the bytes of each 100 ms slot in the same span, their max over their mean
  (1.0 is perfectly even; a burst of a whole 8 MiB part then silence at 4 MiB/s is ~20);
- ``shared``: two uploads in two jobs at once, their sum against the one limit.

Run: ``python -m bench.bandwidth`` (``--rate 4M``, ``--seconds 12``, ``--only swift,s3,azure``).
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import os
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.transfers import Backend, azure_backend, s3_backend, swift_backend
from storebrowser.core.bandwidth import Bandwidth, Limits, format_rate, parse_rate
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from tests.servers.azurite import start_azurite
from tests.servers.swift_aio import start_swift

SLOT = 0.1
WINDOW = 10.0
WARM_UP = 1.0


@dataclass(frozen=True)
class Figure:
    backend: str
    what: str
    rate: int
    seconds: float
    worst_high: float  # the highest window over rate x window
    worst_low: float
    smooth: float  # max/mean of 100 ms slots


def sample(engine: TransferEngine, job_ids: list[str], stop: Callable[[], bool]) -> list[tuple[float, int]]:
    """(time, bytes done of the jobs together) every 10 ms until all are finished."""
    samples: list[tuple[float, int]] = []
    while True:
        snap = engine.snapshot()
        jobs = [snap.job(job_id) for job_id in job_ids]
        samples.append((time.monotonic(), sum(job.done for job in jobs)))
        if all(job.state.finished for job in jobs) or stop():
            for job in jobs:
                assert job.state is State.DONE, job.error
            return samples
        time.sleep(0.01)


def done_at(samples: list[tuple[float, int]], moment: float) -> float:
    """Bytes done at ``moment``, between the samples around it."""
    after = bisect.bisect_left(samples, moment, key=lambda s: s[0])
    if after == 0:
        return samples[0][1]
    if after >= len(samples):
        return samples[-1][1]
    (t0, d0), (t1, d1) = samples[after - 1], samples[after]
    return d0 + (d1 - d0) * ((moment - t0) / (t1 - t0) if t1 > t0 else 0)


def figures(backend: str, what: str, rate: int, samples: list[tuple[float, int]]) -> Figure:
    start = samples[0][0] + WARM_UP
    end = samples[-1][0] - SLOT  # the last slot may be the tail of the object
    ratios = []
    moment = start
    while moment + WINDOW <= end:
        ratios.append((done_at(samples, moment + WINDOW) - done_at(samples, moment)) / (rate * WINDOW))
        moment += SLOT
    slots = []
    moment = start
    while moment + SLOT <= end:
        slots.append(done_at(samples, moment + SLOT) - done_at(samples, moment))
        moment += SLOT
    mean = sum(slots) / len(slots) if slots else 0.0
    smooth = max(slots) / mean if mean else float("nan")
    high = max(ratios, default=float("nan"))
    low = min(ratios, default=float("nan"))
    return Figure(backend, what, rate, samples[-1][0] - samples[0][0], high, low, smooth)


def run_backend(backend: Backend, work: Path, rate: int, seconds: float) -> list[Figure]:
    provider = open_provider(backend.kind, backend.settings)
    provider.connect()
    container = f"bw{uuid.uuid4().hex[:10]}"
    provider.create_container(container)
    size = int(rate * (seconds + 2))
    source = work / "object.bin"
    source.write_bytes(os.urandom(size))
    bandwidth = Bandwidth(Limits(up=rate, down=rate))
    engine = TransferEngine({"acct": provider}, Journal(), bandwidth=bandwidth)
    results = []
    try:
        up = engine.submit(
            JobSpec(JobKind.UPLOAD_FILE, "acct", container, key="object.bin", local=str(source))
        )
        results.append(figures(backend.name, "upload", rate, sample(engine, [up], lambda: False)))
        down = engine.submit(JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", container, key="object.bin",
                                     local=str(work / "down")))  # fmt: skip
        results.append(figures(backend.name, "download", rate, sample(engine, [down], lambda: False)))
        halves = [work / "a.bin", work / "b.bin"]
        for half in halves:
            half.write_bytes(os.urandom(size // 2))
        jobs = [engine.submit(JobSpec(JobKind.UPLOAD_FILE, "acct", container, key=half.name, local=str(half)))
                for half in halves]  # fmt: skip
        results.append(figures(backend.name, "2 uploads, shared", rate, sample(engine, jobs, lambda: False)))
    finally:
        engine.shutdown()
        with contextlib.suppress(Exception):
            provider.delete_container(container, force=True)
        provider.close()
    return results


def report(rows: list[Figure]) -> None:
    print("| backend | transfer | limit | seconds | worst 10 s window (high / low) | 100 ms slots max/mean |")
    print("| --- | --- | --- | --- | --- | --- |")
    for f in rows:
        print(f"| {f.backend} | {f.what} | {format_rate(f.rate)}/s | {f.seconds:.1f} | "
              f"{f.worst_high:.3f} / {f.worst_low:.3f} | {f.smooth:.2f} |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", default="4M", help="the limit, rclone's syntax (default 4M)")
    parser.add_argument("--seconds", type=float, default=12.0, help="how long each transfer runs")
    parser.add_argument("--only", default="swift,s3,azure")
    args = parser.parse_args()
    rate = parse_rate(args.rate)
    if rate is None:
        parser.error("--rate: give a limit, such as 4M")
    wanted = set(args.only.split(","))
    rows: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="sb-bench-bw-") as tmp, contextlib.ExitStack() as stack:
        work = Path(tmp)
        if wanted & {"swift", "s3"}:
            swift = stack.enter_context(start_swift())
            for name, make in (("swift", swift_backend), ("s3", s3_backend)):
                if name in wanted:
                    rows += run_backend(make(swift), work, rate, args.seconds)
        if "azure" in wanted:
            azurite = stack.enter_context(start_azurite())
            rows += run_backend(azure_backend(azurite), work, rate, args.seconds)
    report(rows)


if __name__ == "__main__":
    main()
