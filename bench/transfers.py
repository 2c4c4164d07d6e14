"""Transfer throughput and client CPU: this engine vs rclone vs the SDKs' own helpers.

Against the Swift all-in-one (native API and s3api) and Azurite, started here on
127.0.0.1 by the test-server helpers. Workloads (``--workloads``, comma-separated):
``large`` (one 256 MiB file up and down), ``small`` (2,000 files of 4 KiB up and down),
``mixed`` (a tree of 500 files from 1 KiB to 64 MiB, sizes spread on a log scale, the
same tree every run; ``--mixed-count``/``--mixed-max-mib`` shrink it), ``all``, or one
step such as ``small-down`` (its objects are uploaded first, unmeasured). Each step runs
``--repeat`` times per tool; the report gives medians with their spread (min-max),
the ratios of this engine to each peer, and a last line per workload: this engine
against the best peer, throughput and CPU. Client CPU is this process (all threads) plus
the finished rclone runs (resource usage), in seconds per GiB moved. A benchmark, not a
test: nothing asserts a time.

Set-up: ``apt-get install -y rclone`` (Debian package), ``npm ci --prefix tests/servers``
(Azurite), the test extras of pyproject. Run from the project root:
``python -m bench.transfers [--big-mib 256] [--small-count 2000] [--only swift,s3,azure]
[--workloads large,small,mixed] [--repeat 3] [--tools engine,rclone,sdk]``.
rclone is configured through ``RCLONE_CONFIG_*`` variables; for Azurite it gets an
account SAS URL. ``AWS_CA_BUNDLE`` is unset for rclone (plain HTTP on 127.0.0.1).
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from storebrowser.providers.registry import open_provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from tests.servers.azurite import AzuriteServer, start_azurite
from tests.servers.swift_aio import SwiftServer, start_swift

MiB = 1024 * 1024
PART = 8 * MiB
PART_THREADS = 8
FILE_THREADS = 16
TOOLS: set[str] | None = None  # --tools: which of engine, rclone, sdk run (all when None)


@dataclass
class Result:
    backend: str
    tool: str
    workload: str
    seconds: float
    cpu: float
    nbytes: int
    objects: int

    @property
    def mib_s(self) -> float:
        return self.nbytes / MiB / self.seconds

    @property
    def obj_s(self) -> float:
        return self.objects / self.seconds

    @property
    def cpu_per_gib(self) -> float:
        return self.cpu / (self.nbytes / (1024 * MiB))


def cpu_now() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # finished rclone runs only
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(run: Callable[[], None]) -> tuple[float, float]:
    cpu, start = cpu_now(), time.perf_counter()
    run()
    return time.perf_counter() - start, cpu_now() - cpu


# -- backends ---------------------------------------------------------------------------


@dataclass
class Backend:
    name: str  # swift, s3, azure
    kind: str
    settings: dict[str, Any]
    rclone_env: dict[str, str]
    sdk: Any  # the SDK-helper runner


def swift_backend(server: SwiftServer) -> Backend:
    settings = {
        "auth_url": server.auth_url,
        "auth_version": "1",
        "username": server.user,
        "api_key": server.key,
    }
    env = {
        "TYPE": "swift",
        "USER": server.user,
        "KEY": server.key,
        "AUTH": server.auth_url,
        "CHUNK_SIZE": "8Mi",
    }
    return Backend("swift", "swift", settings, env, SwiftHelpers(server))


def s3_backend(server: SwiftServer) -> Backend:
    settings = {
        "access_key_id": server.s3_access_key,
        "secret_access_key": server.s3_secret_key,
        "region": server.region,
        "endpoint_url": server.s3_endpoint,
        "path_style": True,
    }
    env = {
        "TYPE": "s3",
        "PROVIDER": "Other",
        "ACCESS_KEY_ID": server.s3_access_key,
        "SECRET_ACCESS_KEY": server.s3_secret_key,
        "ENDPOINT": server.s3_endpoint,
        "REGION": server.region,
        "FORCE_PATH_STYLE": "true",
        "CHUNK_SIZE": "8Mi",
        "UPLOAD_CONCURRENCY": str(PART_THREADS),
    }
    return Backend("s3", "s3", settings, env, BotoHelpers(server))


def azure_backend(server: AzuriteServer) -> Backend:
    from azure.storage.blob import AccountSasPermissions, ResourceTypes, generate_account_sas

    sas = generate_account_sas(
        server.account_name,
        server.account_key,
        resource_types=ResourceTypes(service=True, container=True, object=True),
        permission=AccountSasPermissions(
            read=True, write=True, delete=True, list=True, add=True, create=True
        ),
        expiry=datetime.now(UTC) + timedelta(hours=2),
    )
    env = {
        "TYPE": "azureblob",
        "SAS_URL": f"{server.blob_endpoint}?{sas}",
        "CHUNK_SIZE": "8Mi",
        "UPLOAD_CONCURRENCY": str(PART_THREADS),
    }
    settings = {"connection_string": server.connection_string}
    return Backend("azure", "azure", settings, env, AzureHelpers(server))


# -- the tools --------------------------------------------------------------------------


class EngineTool:
    name = "engine"

    def __init__(self, backend: Backend, work: Path) -> None:
        self.provider = open_provider(backend.kind, backend.settings)
        self.provider.connect()
        self.provider.part_size = PART
        self.provider.multipart_threshold = 2 * PART
        self.journal = Journal(work / f"journal-{uuid.uuid4().hex}.sqlite3")

    def _run(self, spec: JobSpec, concurrency: int) -> None:
        engine = TransferEngine(
            {"b": self.provider},
            self.journal,
            concurrency=concurrency,
            part_concurrency=PART_THREADS,
            part_size=PART,
        )
        job = engine.submit(spec)
        engine.wait_idle()
        snap = engine.snapshot().job(job)
        engine.shutdown()
        if snap.state is not State.DONE:
            raise RuntimeError(f"engine: {snap.error}")

    def upload_file(self, container: str, path: Path, key: str) -> None:
        self._run(JobSpec(JobKind.UPLOAD_FILE, "b", container, key=key, local=str(path)), 1)

    def download_file(self, container: str, key: str, folder: Path) -> None:
        self._run(JobSpec(JobKind.DOWNLOAD_OBJECT, "b", container, key=key, local=str(folder)), 1)

    def upload_folder(self, container: str, folder: Path, prefix: str) -> None:
        self._run(JobSpec(JobKind.UPLOAD_FOLDER, "b", container, key=prefix, local=str(folder)), FILE_THREADS)

    def download_prefix(self, container: str, prefix: str, folder: Path) -> None:
        spec = JobSpec(JobKind.DOWNLOAD_PREFIX, "b", container, key=prefix + "/", local=str(folder))
        self._run(spec, FILE_THREADS)


class RcloneTool:
    name = "rclone"

    def __init__(self, backend: Backend, work: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if k != "AWS_CA_BUNDLE"}
        self.env.update({f"RCLONE_CONFIG_BENCH_{k}": v for k, v in backend.rclone_env.items()})

    def _rclone(self, *args: str) -> None:
        flags = ["--transfers", str(FILE_THREADS), "--checkers", str(FILE_THREADS)]
        flags += ["--multi-thread-streams", str(PART_THREADS), "--multi-thread-cutoff", "16Mi"]
        subprocess.run(["rclone", *args, *flags, "-q"], env=self.env, check=True)

    def upload_file(self, container: str, path: Path, key: str) -> None:
        self._rclone("copyto", str(path), f"bench:{container}/{key}")

    def download_file(self, container: str, key: str, folder: Path) -> None:
        self._rclone("copyto", f"bench:{container}/{key}", str(folder / Path(key).name))

    def upload_folder(self, container: str, folder: Path, prefix: str) -> None:
        self._rclone("copy", str(folder), f"bench:{container}/{prefix}")

    def download_prefix(self, container: str, prefix: str, folder: Path) -> None:
        self._rclone("copy", f"bench:{container}/{prefix}", str(folder / prefix))


def _pool_each(paths: list[tuple[Any, ...]], fn: Callable[..., None]) -> None:
    with ThreadPoolExecutor(FILE_THREADS) as pool:
        for future in [pool.submit(fn, *args) for args in paths]:
            future.result()


def _tree_folder(folder: Path, key: str) -> Path:
    """Where the SDK helpers put ``key``: its folders kept, as the other tools do."""
    where = folder / Path(key).parent
    where.mkdir(parents=True, exist_ok=True)
    return where


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


class BotoHelpers:
    name = "sdk (boto3 upload_file/download_file)"

    def __init__(self, server: SwiftServer) -> None:
        import boto3
        from boto3.s3.transfer import TransferConfig
        from botocore.config import Config

        self.client = boto3.client(
            "s3",
            endpoint_url=server.s3_endpoint,
            aws_access_key_id=server.s3_access_key,
            aws_secret_access_key=server.s3_secret_key,
            region_name=server.region,
            config=Config(s3={"addressing_style": "path"}, max_pool_connections=FILE_THREADS * 2),
        )
        self.config = TransferConfig(
            multipart_threshold=2 * PART, multipart_chunksize=PART, max_concurrency=PART_THREADS
        )

    def upload_file(self, container: str, path: Path, key: str) -> None:
        self.client.upload_file(str(path), container, key, Config=self.config)

    def download_file(self, container: str, key: str, folder: Path) -> None:
        self.client.download_file(container, key, str(folder / Path(key).name), Config=self.config)

    def upload_folder(self, container: str, folder: Path, prefix: str) -> None:
        jobs = [(container, p, f"{prefix}/{p.relative_to(folder).as_posix()}") for p in _files(folder)]
        _pool_each(jobs, self.upload_file)

    def download_prefix(self, container: str, prefix: str, folder: Path) -> None:
        paginator = self.client.get_paginator("list_objects_v2")
        keys = [
            o["Key"]
            for page in paginator.paginate(Bucket=container, Prefix=prefix + "/")
            for o in page.get("Contents", [])
        ]
        _pool_each([(container, k, _tree_folder(folder, k)) for k in keys], self.download_file)


class AzureHelpers:
    name = "sdk (azure upload_blob/download_blob)"

    def __init__(self, server: AzuriteServer) -> None:
        from azure.storage.blob import BlobServiceClient

        self.service = BlobServiceClient.from_connection_string(
            server.connection_string, max_block_size=PART, max_single_put_size=2 * PART
        )

    def upload_file(self, container: str, path: Path, key: str) -> None:
        with open(path, "rb") as f:
            self.service.get_blob_client(container, key).upload_blob(
                f, overwrite=True, max_concurrency=PART_THREADS
            )

    def download_file(self, container: str, key: str, folder: Path) -> None:
        with open(folder / Path(key).name, "wb") as f:
            self.service.get_blob_client(container, key).download_blob(max_concurrency=PART_THREADS).readinto(
                f
            )

    def upload_folder(self, container: str, folder: Path, prefix: str) -> None:
        jobs = [(container, p, f"{prefix}/{p.relative_to(folder).as_posix()}") for p in _files(folder)]
        _pool_each(jobs, self.upload_file)

    def download_prefix(self, container: str, prefix: str, folder: Path) -> None:
        names = [
            b.name
            for b in self.service.get_container_client(container).list_blobs(name_starts_with=prefix + "/")
        ]
        _pool_each([(container, n, _tree_folder(folder, n)) for n in names], self.download_file)


class SwiftHelpers:
    name = "sdk (swiftclient SwiftService)"

    def __init__(self, server: SwiftServer) -> None:
        self.options = {
            "auth": server.auth_url,
            "user": server.user,
            "key": server.key,
            "auth_version": "1.0",
            "object_uu_threads": FILE_THREADS,
            "object_dd_threads": FILE_THREADS,
            "segment_threads": PART_THREADS,
            "segment_size": PART,
            "use_slo": True,
        }

    def _check(self, results: Iterator[dict[str, Any]]) -> None:
        for result in results:
            if not result.get("success", True):
                raise RuntimeError(f"swiftclient: {result.get('error')}")

    def _service(self) -> Any:
        from swiftclient.service import SwiftService

        return SwiftService(options=self.options)

    def upload_file(self, container: str, path: Path, key: str) -> None:
        from swiftclient.service import SwiftUploadObject

        with self._service() as service:
            self._check(service.upload(container, [SwiftUploadObject(str(path), object_name=key)]))

    def download_file(self, container: str, key: str, folder: Path) -> None:
        with self._service() as service:
            self._check(
                service.download(container, [key], options={"out_file": str(folder / Path(key).name)})
            )

    def upload_folder(self, container: str, folder: Path, prefix: str) -> None:
        from swiftclient.service import SwiftUploadObject

        objects = [
            SwiftUploadObject(str(p), object_name=f"{prefix}/{p.relative_to(folder).as_posix()}")
            for p in _files(folder)
        ]
        with self._service() as service:
            self._check(service.upload(container, objects))

    def download_prefix(self, container: str, prefix: str, folder: Path) -> None:
        with self._service() as service:
            self._check(
                service.download(container, options={"prefix": prefix + "/", "out_directory": str(folder)})
            )


# -- the run ----------------------------------------------------------------------------

#: The workload groups ``--workloads`` takes (besides ``all`` and single step names).
GROUPS = {
    "large": ("large up", "large down"),
    "small": ("small up", "small down"),
    "mixed": ("mixed up", "mixed down"),
    "download-large": ("large down",),
}
STEPS = ("large up", "large down", "small up", "small down", "mixed up", "mixed down")


@dataclass
class Data:
    """The local files the workloads send: one big file, a folder of small ones, a tree."""

    big: Path
    small: Path
    mixed: Path

    def size_of(self, what: str) -> tuple[int, int]:
        """Bytes and objects of a workload's data."""
        if what == "large":
            return self.big.stat().st_size, 1
        files = _files(self.small if what == "small" else self.mixed)
        return sum(p.stat().st_size for p in files), len(files)


def make_data(work: Path, big_mib: int, small_count: int, mixed_count: int, mixed_max_mib: int) -> Data:
    big = work / "big.bin"
    with open(big, "wb") as f:
        for _ in range(big_mib):
            f.write(os.urandom(MiB))
    small = work / "small"
    for n in range(small_count):
        path = small / f"d{n % 20:02}" / f"f{n:05}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(4096))
    mixed = work / "mixed"
    rng = random.Random(24)  # the same tree every run
    low, high = math.log(1024), math.log(mixed_max_mib * MiB)
    for n in range(mixed_count):
        # Sizes spread evenly on a log scale from 1 KiB to the largest: many small files,
        # a few large ones, as in a photo or source tree.
        size = int(math.exp(rng.uniform(low, high)))
        path = mixed / f"l{n % 7}" / f"m{n % 31:02}" / f"x{n:04}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            f.write(os.urandom(size % MiB))
            for _ in range(size // MiB):
                f.write(os.urandom(MiB))
    return Data(big, small, mixed)


def step(tool: Any, name: str, container: str, data: Data, out: Path, run: int) -> Callable[[], None]:
    """One measured step; uploads go to new keys each run (rclone skips what is there),
    downloads read the first run's objects into an emptied folder."""
    what, way = name.split()
    if what == "large":
        if way == "up":
            return lambda: tool.upload_file(container, data.big, f"big{run}.bin")
        return lambda: tool.download_file(container, "big0.bin", out)
    folder = data.small if what == "small" else data.mixed
    if way == "up":
        return lambda: tool.upload_folder(container, folder, f"{what}{run}")
    return lambda: tool.download_prefix(container, f"{what}0", out)


def check_download(tool: Any, backend: Backend, name: str, data: Data, out: Path) -> None:
    what = name.split()[0]
    if what == "large":
        if (out / "big0.bin").read_bytes() != data.big.read_bytes():
            raise RuntimeError(f"{tool.name} on {backend.name}: the downloaded file differs")
        return
    source = data.small if what == "small" else data.mixed
    want = _files(source)
    got = _files(out / f"{what}0")
    if len(got) != len(want):
        raise RuntimeError(f"{tool.name} on {backend.name}: {len(got)} of {len(want)} {what} files came back")
    if what == "mixed" and any(
        g.stat().st_size != w.stat().st_size for g, w in zip(got, want, strict=True)
    ):  # fmt: skip
        raise RuntimeError(f"{tool.name} on {backend.name}: a {what} file came back with another size")


def warm_up(backend: Backend, setup: Any, work: Path, small: Path) -> None:
    """A fresh server is slow on its first requests (connections, caches, databases):
    one unmeasured round trip with the SDK helper so the first measured tool is not
    penalised."""
    container = f"warm{uuid.uuid4().hex[:10]}"
    setup.create_container(container)
    out = work / f"warm-{uuid.uuid4().hex}"
    out.mkdir()
    try:
        backend.sdk.upload_folder(container, small, "small")
        backend.sdk.download_prefix(container, "small", out)
    except Exception as error:  # unmeasured: a busy server's 503 here must not end the run
        print(f"  warm-up on {backend.name} failed ({error}); measuring anyway", flush=True)
    shutil.rmtree(out)
    with contextlib.suppress(Exception):
        setup.delete_container(container, force=True)


def run_backend(backend: Backend, work: Path, data: Data, steps: list[str], repeat: int) -> list[Result]:
    setup = open_provider(backend.kind, backend.settings)
    setup.connect()
    results: list[Result] = []
    warm_up(backend, setup, work, data.small)
    tools = (EngineTool(backend, work), RcloneTool(backend, work), backend.sdk)
    for tool in [t for t in tools if TOOLS is None or t.name.split()[0] in TOOLS]:
        container = f"bench{uuid.uuid4().hex[:10]}"
        setup.create_container(container)
        out = work / f"out-{uuid.uuid4().hex}"
        for name in steps:
            what, way = name.split()
            if way == "down" and f"{what} up" not in steps:  # the objects to read, unmeasured
                step(tool, f"{what} up", container, data, out, 0)()
            nbytes, objects = data.size_of(what)
            for run in range(repeat):
                shutil.rmtree(out, ignore_errors=True)  # every download starts from nothing
                out.mkdir()
                seconds, cpu = measure(step(tool, name, container, data, out, run))
                results.append(Result(backend.name, tool.name, name, seconds, cpu, nbytes, objects))
                print(
                    f"  {backend.name:6} {tool.name:40} {name:11} {seconds:7.2f} s {cpu:6.2f} CPU s",
                    flush=True,
                )
                if way == "down":
                    check_download(tool, backend, name, data, out)
        shutil.rmtree(out, ignore_errors=True)
        with contextlib.suppress(Exception):
            setup.delete_container(container, force=True)
    return results


# -- the report -------------------------------------------------------------------------


@dataclass
class Figures:
    """The runs of one tool on one workload: medians and spreads."""

    runs: list[Result]

    @property
    def mib_s(self) -> float:
        return statistics.median(r.mib_s for r in self.runs)

    @property
    def obj_s(self) -> float:
        return statistics.median(r.obj_s for r in self.runs)

    @property
    def cpu_per_gib(self) -> float:
        return statistics.median(r.cpu_per_gib for r in self.runs)

    def spread(self, value: Callable[[Result], float]) -> str:
        """min-max of the runs (empty for one run)."""
        if len(self.runs) < 2:
            return ""
        values = [value(r) for r in self.runs]
        return f"{min(values):.1f}-{max(values):.1f}"


def grouped(results: list[Result]) -> dict[tuple[str, str], dict[str, Figures]]:
    """(backend, workload) -> tool -> its figures, in the order measured."""
    table: dict[tuple[str, str], dict[str, Figures]] = {}
    for r in results:
        table.setdefault((r.backend, r.workload), {}).setdefault(r.tool, Figures([])).runs.append(r)
    return table


def report(results: list[Result]) -> None:
    print()
    head = ("backend", "workload", "tool", "MiB/s", "(spread)", "obj/s", "CPU s/GiB", "(spread)",
            "engine x", "CPU ratio")  # fmt: skip
    print("{:7} {:11} {:40} {:>8} {:>11} {:>8} {:>10} {:>11} {:>9} {:>9}".format(*head))
    table = grouped(results)
    for (backend, workload), tools in table.items():
        mine = tools.get("engine")
        for tool, f in tools.items():
            speed = mine.mib_s / f.mib_s if mine else float("nan")
            cpu = mine.cpu_per_gib / f.cpu_per_gib if mine and f.cpu_per_gib else float("nan")
            print(
                f"{backend:7} {workload:11} {tool:40} {f.mib_s:8.1f} {f.spread(lambda r: r.mib_s):>11} "
                f"{f.obj_s:8.1f} {f.cpu_per_gib:10.1f} {f.spread(lambda r: r.cpu_per_gib):>11} "
                f"{speed:9.2f} {cpu:9.2f}"
            )
    print(
        "\nMedians of the runs, (spread) = min-max. engine x = this engine's throughput / the "
        "peer's (>1: faster); CPU ratio = this engine's CPU per GiB / the peer's (<1: leaner)."
    )
    summary(table)


def summary(table: dict[tuple[str, str], dict[str, Figures]]) -> None:
    """One line per workload: this engine against the best peer, throughput and CPU."""
    print("\nEngine against the best peer, per workload (medians):")
    for (backend, workload), tools in table.items():
        mine = tools.get("engine")
        peers = {name: f for name, f in tools.items() if name != "engine"}
        if mine is None or not peers:
            continue
        fastest = max(peers, key=lambda name: peers[name].mib_s)
        leanest = min(peers, key=lambda name: peers[name].cpu_per_gib)
        rate = (
            f"{mine.mib_s:.1f} vs {peers[fastest].mib_s:.1f} MiB/s"
            if mine.runs[0].objects == 1
            else f"{mine.obj_s:.1f} vs {peers[fastest].obj_s:.1f} objects/s"
        )
        print(
            f"  {backend:6} {workload:11} throughput {mine.mib_s / peers[fastest].mib_s:5.2f}x "
            f"{fastest.split()[0]} ({rate}); "
            f"CPU {mine.cpu_per_gib / peers[leanest].cpu_per_gib:5.2f}x {leanest.split()[0]} "
            f"({mine.cpu_per_gib:.1f} vs {peers[leanest].cpu_per_gib:.1f} s/GiB)"
        )


def chosen_steps(words: str) -> list[str]:
    wanted: set[str] = set()
    for word in words.split(","):
        word = word.strip()
        if word == "all":
            wanted.update(STEPS)
        elif word in GROUPS:
            wanted.update(GROUPS[word])
        elif word.replace("-", " ") in STEPS:
            wanted.add(word.replace("-", " "))
        else:
            raise SystemExit(f"--workloads: {word!r} is none of all, {', '.join(GROUPS)}, "
                             f"{', '.join(s.replace(' ', '-') for s in STEPS)}")  # fmt: skip
    return [s for s in STEPS if s in wanted]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mib", type=int, default=256)
    parser.add_argument("--small-count", type=int, default=2000)
    parser.add_argument("--mixed-count", type=int, default=500, help="files of the mixed tree")
    parser.add_argument("--mixed-max-mib", type=int, default=64, help="its largest file size (MiB)")
    parser.add_argument("--only", default="swift,s3,azure")
    parser.add_argument(
        "--workloads", default="large,small",
        help="comma-separated: all, large, small, mixed, download-large, or steps such as small-down",
    )  # fmt: skip
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measured step (median, spread)")
    parser.add_argument("--tools", default="", help="engine,rclone,sdk: only these (default all)")
    args = parser.parse_args()
    global TOOLS
    TOOLS = set(args.tools.split(",")) if args.tools else None
    steps = chosen_steps(args.workloads)
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="sb-bench-") as tmp:
        work = Path(tmp)
        big_mib = args.big_mib if any(s.startswith("large") for s in steps) else 1
        mixed = (
            (args.mixed_count, args.mixed_max_mib) if any(s.startswith("mixed") for s in steps) else (0, 1)
        )
        data = make_data(work, big_mib, args.small_count, *mixed)
        results: list[Result] = []
        with contextlib.ExitStack() as stack:
            if wanted & {"swift", "s3"}:
                swift = stack.enter_context(start_swift())
                if "swift" in wanted:
                    results += run_backend(swift_backend(swift), work, data, steps, args.repeat)
                if "s3" in wanted:
                    results += run_backend(s3_backend(swift), work, data, steps, args.repeat)
            if "azure" in wanted:
                azurite = stack.enter_context(start_azurite())
                results += run_backend(azure_backend(azurite), work, data, steps, args.repeat)
        report(results)


if __name__ == "__main__":
    main()
