"""check and sync against rclone check / rclone sync, side by side, on the Swift all-in-one
(native API and s3api) and Azurite started on 127.0.0.1 by ``tests/servers``.

Workloads, per backend: a tree of 20,000 small files (``--small-count``) and a tree of
1,000 files of 1 MiB (``--mib-count``), both uploaded once by our sync (unmeasured; both
tools then find the same ``mtime`` metadata). Measured: ``check`` of each unchanged tree,
a ``sync`` that has nothing to do, and a sync of the 1 MiB tree after 5% of its files
changed (different files for each tool, same count). Prints seconds, client CPU seconds
(this process's threads for ours; the finished rclone runs for rclone) and ours/rclone.

Set-up and rclone's configuration as ``bench/transfers.py`` (``RCLONE_CONFIG_BENCH_*``).
Run from the project root: ``python -m bench.sync`` (``--only swift,s3,azure``,
``--small-count 2000`` for a quick try).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench.transfers import Backend, azure_backend, cpu_now, s3_backend, swift_backend
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.sync.compare import HASH_UP_TO, CompareOptions, compare
from storebrowser.sync.places import SyncPlace
from storebrowser.sync.plan import SyncOptions, make_plan, to_spec
from storebrowser.transfers import Journal, State, TransferEngine
from tests.servers.azurite import start_azurite
from tests.servers.swift_aio import start_swift

MiB = 1024 * 1024
CHECKERS = 8
TRANSFERS = 8


@dataclass
class Figure:
    backend: str
    workload: str
    tool: str
    seconds: float
    cpu: float


def measure(run: Callable[[], None]) -> tuple[float, float]:
    import time

    cpu, start = cpu_now(), time.perf_counter()
    run()
    return time.perf_counter() - start, cpu_now() - cpu


def make_tree(root: Path, count: int, size: int) -> None:
    for n in range(count):
        path = root / f"d{n % 100:02}" / f"f{n:05}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))


def change_some(root: Path, share: float, offset: int) -> int:
    """Rewrite ``share`` of the files (same size, new content and time), starting at ``offset``."""
    files = sorted(root.rglob("*.bin"))
    count = max(1, int(len(files) * share))
    for path in files[offset : offset + count]:
        path.write_bytes(os.urandom(path.stat().st_size))
    return count


class Ours:
    def __init__(self, backend: Backend, work: Path, hash_up_to: int = HASH_UP_TO) -> None:
        self.options = CompareOptions(workers=CHECKERS, hash_up_to=hash_up_to)
        self.provider: Provider = open_provider(backend.kind, backend.settings)
        self.provider.connect()
        self.journal = Journal(work / f"journal-{uuid.uuid4().hex}.sqlite3")

    def places(self, local: Path, container: str, prefix: str) -> tuple[SyncPlace, SyncPlace]:
        return SyncPlace(local=str(local)), SyncPlace(account="b", container=container, prefix=prefix + "/")

    def check(self, local: Path, container: str, prefix: str) -> None:
        left, right = self.places(local, container, prefix)
        comparison = compare(left, right, lambda _name: self.provider, self.options)
        if not comparison.identical:
            raise RuntimeError(f"ours: check found differences: {comparison.counts()}")

    def sync(self, local: Path, container: str, prefix: str) -> None:
        left, right = self.places(local, container, prefix)
        comparison = compare(left, right, lambda _name: self.provider, self.options)
        plan = make_plan(comparison, SyncOptions())
        if plan.empty:
            return
        engine = TransferEngine({"b": self.provider}, self.journal, concurrency=TRANSFERS)
        job = engine.submit(to_spec(plan))
        engine.wait_idle()
        snap = engine.snapshot().job(job)
        engine.shutdown()
        if snap.state is not State.DONE:
            raise RuntimeError(f"ours: sync failed: {snap.error}")


class Rclone:
    def __init__(self, backend: Backend) -> None:
        self.env = {k: v for k, v in os.environ.items() if k != "AWS_CA_BUNDLE"}
        self.env.update({f"RCLONE_CONFIG_BENCH_{k}": v for k, v in backend.rclone_env.items()})

    def _run(self, *args: str) -> None:
        flags = ["--checkers", str(CHECKERS), "--transfers", str(TRANSFERS), "-q"]
        subprocess.run(["rclone", *args, *flags], env=self.env, check=True)

    def check(self, local: Path, container: str, prefix: str) -> None:
        self._run("check", str(local), f"bench:{container}/{prefix}")

    def sync(self, local: Path, container: str, prefix: str) -> None:
        self._run("sync", str(local), f"bench:{container}/{prefix}")


def run_backend(backend: Backend, work: Path, small: Path, mib: Path, with_hashing: bool) -> list[Figure]:
    ours, rclone = Ours(backend, work), Rclone(backend)
    hashing = Ours(backend, work, hash_up_to=0) if with_hashing else None
    container = f"sbbench-{uuid.uuid4().hex[:10]}"
    ours.provider.create_container(container)
    figures: list[Figure] = []

    def timed(workload: str, tool: str, run: Callable[[], None]) -> None:
        seconds, cpu = measure(run)
        figures.append(Figure(backend.name, workload, tool, seconds, cpu))
        print(f"  {backend.name:6} {workload:28} {tool:7} {seconds:8.2f} s  cpu {cpu:7.2f} s", flush=True)

    for tree, name in ((small, "small"), (mib, "mib")):
        ours.sync(tree, container, name)  # the seed, unmeasured
        label = f"{len(list(tree.rglob('*.bin'))):,} files"
        timed(f"check {label}", "ours", partial(ours.check, tree, container, name))
        timed(f"check {label}", "rclone", partial(rclone.check, tree, container, name))
        timed(f"sync, no change, {label}", "ours", partial(ours.sync, tree, container, name))
        timed(f"sync, no change, {label}", "rclone", partial(rclone.sync, tree, container, name))
        if hashing is not None:
            timed(f"check {label}", "ours-times", partial(hashing.check, tree, container, name))
            timed(f"sync, no change, {label}", "ours-times", partial(hashing.sync, tree, container, name))
    changed = change_some(mib, 0.05, 0)
    timed(f"sync, {changed} of 1 MiB changed", "ours", lambda: ours.sync(mib, container, "mib"))
    change_some(mib, 0.05, changed)
    timed(f"sync, {changed} of 1 MiB changed", "rclone", lambda: rclone.sync(mib, container, "mib"))
    ours.provider.close()
    return figures


def report(figures: list[Figure]) -> None:
    print("\nbackend  workload                       tool      seconds (cpu)    rclone (cpu)     time cpu")
    keyed = {(f.backend, f.workload, f.tool): f for f in figures}
    for figure in figures:
        peer = keyed.get((figure.backend, figure.workload, "rclone"))
        if figure.tool == "rclone" or peer is None:
            continue
        ours = f"{figure.seconds:7.2f} ({figure.cpu:6.2f})"
        theirs = f"{peer.seconds:7.2f} ({peer.cpu:6.2f})"
        ratios = f"{figure.seconds / peer.seconds:5.2f} {figure.cpu / max(peer.cpu, 1e-9):5.2f}"
        print(f"{figure.backend:8} {figure.workload:30} {figure.tool:9} {ours}  {theirs}  {ratios}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-count", type=int, default=20_000)
    parser.add_argument("--mib-count", type=int, default=1_000)
    parser.add_argument("--only", default="swift,s3,azure")
    parser.add_argument(
        "--times-first", action="store_true", help="also ours with no file hashed (a HEAD each: ours-times)"
    )
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="sb-bench-sync-") as tmp:
        work = Path(tmp)
        small, mib = work / "small", work / "mib"
        make_tree(small, args.small_count, 100)
        make_tree(mib, args.mib_count, MiB)
        figures: list[Figure] = []
        with contextlib.ExitStack() as stack:
            if wanted & {"swift", "s3"}:
                swift = stack.enter_context(start_swift())
                for name, make in (("swift", swift_backend), ("s3", s3_backend)):
                    if name in wanted:
                        figures += run_backend(make(swift), work, small, mib, args.times_first)
            if "azure" in wanted:
                azurite = stack.enter_context(start_azurite())
                figures += run_backend(azure_backend(azurite), work, small, mib, args.times_first)
        report(figures)


if __name__ == "__main__":
    main()
