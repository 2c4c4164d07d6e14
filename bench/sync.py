"""check and sync against rclone check / rclone sync, side by side, on the Swift all-in-one
(native API and s3api) and Azurite started on 127.0.0.1 by ``tests/servers``.

Workloads, per backend: a tree of 20,000 small files (``--small-count``) and a tree of
1,000 files of 1 MiB (``--mib-count``). Measured: ``check`` of each unchanged tree, a
``sync`` that has nothing to do, and a sync of the 1 MiB tree after 5% of its files
changed (different files for each tool, same count).

Both tools run as their command, a process of their own (``storebrowser-cli check`` /
``sync`` and ``rclone check`` / ``sync``), so each figure includes starting the process
(for us: Python and the SDK's imports, from bytecode compiled beforehand as an installed
copy has it: ``compile_tree``). Prints seconds, client CPU seconds (the finished
child process's, from its resource usage) and ours/rclone, and the load average before
each run: wall-clock times are only comparable side by side on an idle machine, CPU
seconds barely move with load. ``--library`` also measures the compare run in this
process (``ours-lib``: no start-up).

Why a run of 20,000 files took over an hour per tool before: the trees were uploaded
(seeded) once per backend, and the Swift all-in-one takes 20-35 small PUTs a second, so
seeding 20,000 files took 10-15 minutes each for native Swift and again for s3api.
Seeding is now done once on the Swift all-in-one and shared by its native and S3 APIs
(one account, and ``mtime`` is written the same way by both: rclone's fixed-point
seconds), and once on Azurite; the seed is done by our sync with many transfers and
is not measured. rclone then checks the same objects: both tools read and write
``mtime`` the same way, so neither re-uploads what the other wrote.

``--profile DIR`` runs our commands under py-spy (the thread holding the GIL, 200 samples a second)
and writes the collapsed stacks to DIR with a summary of where the CPU went
(``bench/profile_split.py``); its figures include py-spy's own cost: not for comparing.

Set-up and rclone's configuration as ``bench/transfers.py`` (``RCLONE_CONFIG_BENCH_*``).
``--lock FILE`` takes an exclusive ``flock`` on FILE (the quiet-machine lock) around the
measured runs of each server only, after its seed, and prints ``uptime`` at both ends.

Run from the project root: ``python -m bench.sync`` (``--only swift,s3,azure``,
``--small-count 2000`` for a quick try).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from bench.transfers import Backend, azure_backend, s3_backend, swift_backend
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.sync.compare import CompareOptions, compare
from storebrowser.sync.places import SyncPlace
from storebrowser.sync.plan import SyncOptions, make_plan, to_spec
from storebrowser.transfers import Journal, State, TransferEngine
from tests.servers.azurite import start_azurite
from tests.servers.swift_aio import start_swift

MiB = 1024 * 1024
CHECKERS = 8
TRANSFERS = 8
#: Transfers of the unmeasured seed upload.
SEED_TRANSFERS = 16
ROOT = Path(__file__).resolve().parents[1]
SECRET_FIELDS = ("secret_access_key", "api_key", "connection_string")
SECRET_ENV = "SB_BENCH_SYNC_SECRET"


@dataclass
class Figure:
    backend: str
    workload: str
    tool: str
    seconds: float
    cpu: float


def children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def own_cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


@contextlib.contextmanager
def quiet_lock(path: Path | None) -> Iterator[None]:
    """Hold ``path`` (flock, as ``flock(1)`` takes it) for the measured runs only: the
    seeding before them, minutes of PUTs, leaves the quiet machine to others. Prints
    ``uptime`` when the lock is taken and when it is given back."""
    if path is None:
        yield
        return
    with path.open("a") as handle:
        print(f"  waiting for {path}", flush=True)
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            print(f"  locked; uptime: {uptime()}", flush=True)
            yield
            print(f"  unlocking; uptime: {uptime()}", flush=True)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


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


class Library:
    """Our compare and sync called in this process (the seed; ``ours-lib``)."""

    def __init__(self, backend: Backend, work: Path, transfers: int = TRANSFERS) -> None:
        self.options = CompareOptions(workers=CHECKERS)
        self.provider: Provider = open_provider(backend.kind, backend.settings)
        self.provider.connect()
        self.journal = Journal(work / f"journal-{uuid.uuid4().hex}.sqlite3")
        self.transfers = transfers

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
        engine = TransferEngine({"b": self.provider}, self.journal, concurrency=self.transfers)
        job = engine.submit(to_spec(plan))
        engine.wait_idle()
        snap = engine.snapshot().job(job)
        engine.shutdown()
        if snap.state is not State.DONE:
            raise RuntimeError(f"ours: sync failed: {snap.error}")


class Cli:
    """``storebrowser-cli check`` / ``sync`` as a user runs them: a process of its own,
    with an account ``b`` of its own (its secret in the environment, as the tests do)."""

    def __init__(self, backend: Backend, work: Path, profile: Path | None, code: Path, name: str) -> None:
        home = work / f"cli-{backend.name}-{name}"
        self.profile, self.code, self.label = profile, code, f"{backend.name}-{name}"
        self.runs = 0
        settings = dict(backend.settings)
        field = next(f for f in SECRET_FIELDS if f in settings)
        secret = str(settings.pop(field))
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AZURE_", "OS_", "ST_"))}
        self.env.update(
            XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
            XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", PYTHONPATH=f"{code}{os.pathsep}{ROOT}",
        )  # fmt: skip
        self.env[SECRET_ENV] = secret
        compile_tree(code)
        sets = [part for key, value in settings.items() for part in ("--set", f"{key}={value}")]
        self._run(False, "accounts", "add", "b", "--kind", backend.kind, *sets, "--secret-env",
                  f"{field}={SECRET_ENV}", "--secrets-in-file")  # fmt: skip

    def _run(self, profiled: bool, *args: str) -> None:
        command = [sys.executable, "-m", "storebrowser.cli", *args]
        if profiled and self.profile is not None:
            self.runs += 1
            out = self.profile / f"{self.label}-{self.runs:02}-{args[2]}-{Path(args[-1]).name}.txt"
            spy = str(Path(sys.executable).parent / "py-spy")
            # --gil: samples of the thread holding the GIL, Python's CPU (not its waits).
            command = [spy, "record", "--gil", "-r", "200", "-f", "raw", "-o", str(out), "--", *command]
        # In the tree's folder: ``-m`` puts the current folder first on the path.
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, cwd=self.code)
        if done.returncode != 0:
            raise RuntimeError(
                f"storebrowser-cli {' '.join(args)}: exit {done.returncode}: {done.stderr[-2000:]}"
            )

    def check(self, local: Path, container: str, prefix: str) -> None:
        self._run(True, "--account", "b", "check", str(local), f"b:{container}/{prefix}")

    def sync(self, local: Path, container: str, prefix: str) -> None:
        self._run(True, "--account", "b", "sync", str(local), f"b:{container}/{prefix}")


def compile_tree(code: Path) -> None:
    """Our modules' bytecode, written before any measured run, as an installed copy has it
    (pip compiles at install): where ``PYTHONDONTWRITEBYTECODE`` is set (this machine's
    sessions set it) every run compiled each of our ~90 modules from source: the imports of
    an Azure check took 0.34 CPU s instead of 0.22, a cost the user never pays (the SDKs'
    bytecode came with their install)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "storebrowser")], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip


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


@dataclass
class Trees:
    small: Path
    mib: Path


def seed(backend: Backend, work: Path, trees: Trees) -> str:
    """A new container holding both trees (``small/``, ``mib/``), uploaded by our sync."""
    seeder = Library(backend, work, transfers=SEED_TRANSFERS)
    container = f"sbbench-{uuid.uuid4().hex[:10]}"
    seeder.provider.create_container(container)
    for tree, name in ((trees.small, "small"), (trees.mib, "mib")):
        if not tree.exists():
            continue
        start = time.perf_counter()
        seeder.sync(tree, container, name)
        print(f"  {backend.name:6} seeded {name} in {time.perf_counter() - start:.0f} s", flush=True)
    seeder.provider.close()
    return container


@dataclass
class Options:
    profile: Path | None
    library: bool
    rclone: bool
    #: Another project tree whose storebrowser-cli also runs ("base": before a change).
    base: Path | None


class Tool(Protocol):
    def check(self, local: Path, container: str, prefix: str) -> None: ...
    def sync(self, local: Path, container: str, prefix: str) -> None: ...


def tools_for(backend: Backend, work: Path, options: Options) -> dict[str, Tool]:
    tools: dict[str, Tool] = {"ours": Cli(backend, work, options.profile, ROOT, "ours")}
    if options.base is not None:
        tools["base"] = Cli(backend, work, options.profile, options.base, "base")
    if options.rclone:
        tools["rclone"] = Rclone(backend)
    if options.library:
        tools["ours-lib"] = Library(backend, work)
    return tools


def run_backend(backend: Backend, work: Path, trees: Trees, container: str, options: Options) -> list[Figure]:
    tools = tools_for(backend, work, options)
    figures: list[Figure] = []

    def timed(workload: str, tool: str, run: Callable[[], None]) -> None:
        load = os.getloadavg()[0]
        cpu, start = children_cpu() + own_cpu(), time.perf_counter()
        run()
        seconds, cpu = time.perf_counter() - start, children_cpu() + own_cpu() - cpu
        figures.append(Figure(backend.name, workload, tool, seconds, cpu))
        line = f"{backend.name:6} {workload:28} {tool:8} {seconds:8.2f} s  cpu {cpu:7.2f} s (load {load:.1f})"
        print(f"  {line}", flush=True)

    for tree, name in ((trees.small, "small"), (trees.mib, "mib")):
        if not tree.exists():
            continue
        label = f"{len(list(tree.rglob('*.bin'))):,} files"
        for verb in ("check", "sync"):
            workload = f"check {label}" if verb == "check" else f"sync, no change, {label}"
            for tool_name, tool in tools.items():
                timed(workload, tool_name, partial(getattr(tool, verb), tree, container, name))
    if trees.mib.exists():
        offset = 0
        for tool_name, tool in tools.items():  # other files for each tool, as many
            changed = change_some(trees.mib, 0.05, offset)
            offset += changed
            timed(
                f"sync, {changed} of 1 MiB changed",
                tool_name,
                partial(tool.sync, trees.mib, container, "mib"),
            )
    return figures


def report(figures: list[Figure]) -> None:
    """Each tool against rclone (without rclone: against base), time and CPU ratios."""
    keyed = {(f.backend, f.workload, f.tool): f for f in figures}
    peer_name = "rclone" if any(f.tool == "rclone" for f in figures) else "base"
    heading = f"tool      seconds (cpu)    {peer_name:6} (cpu)     time cpu"
    print(f"\nbackend  workload                       {heading}")
    for figure in figures:
        peer = keyed.get((figure.backend, figure.workload, peer_name))
        if figure.tool == peer_name or peer is None:
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
    parser.add_argument("--library", action="store_true", help="also ours in this process (ours-lib)")
    parser.add_argument("--profile", type=Path, help="py-spy our commands; collapsed stacks into this folder")
    parser.add_argument("--base", type=Path, help="also run the storebrowser-cli of this project tree (base)")
    parser.add_argument("--no-rclone", action="store_true", help="without rclone (profiles, before/after)")
    parser.add_argument("--lock", type=Path, help="flock this file for the measured runs (not the seeding)")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    options = Options(
        args.profile, args.library, not args.no_rclone, args.base.resolve() if args.base else None
    )
    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="sb-bench-sync-") as tmp:
        work = Path(tmp)
        trees = Trees(work / "small", work / "mib")
        make_tree(trees.small, args.small_count, 100)  # a count of 0: no such tree
        make_tree(trees.mib, args.mib_count, MiB)
        figures: list[Figure] = []
        with contextlib.ExitStack() as stack:
            if wanted & {"swift", "s3"}:
                swift = stack.enter_context(start_swift())
                backends = [make(swift) for name, make in (("swift", swift_backend), ("s3", s3_backend))
                            if name in wanted]  # fmt: skip
                container = seed(backends[0], work, trees)  # one account: both APIs see one seed
                with quiet_lock(args.lock):
                    for backend in backends:
                        figures += run_backend(backend, work, trees, container, options)
            if "azure" in wanted:
                azurite = stack.enter_context(start_azurite())
                backend = azure_backend(azurite)
                container = seed(backend, work, trees)
                with quiet_lock(args.lock):
                    figures += run_backend(backend, work, trees, container, options)
        report(figures)
        if args.profile is not None:
            from bench.profile_split import summarize_folder

            summarize_folder(args.profile)
    print(f"load average {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
