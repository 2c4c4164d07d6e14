"""Transfer throughput and client CPU: this engine vs rclone vs the SDKs' own helpers.

Against the Swift all-in-one (native API and s3api) and Azurite, started here on
127.0.0.1 by the test-server helpers. Workloads: one 256 MiB file up and down; 2,000
files of 4 KiB up and down. Prints MiB/s, objects/s, client CPU seconds per GiB and the
ratio of this engine to each peer. A benchmark, not a test: nothing asserts a time.

Set-up: ``apt-get install -y rclone`` (Debian package), ``npm ci --prefix tests/servers``
(Azurite), the test extras of pyproject. Run from the project root:
``python -m bench.transfers [--big-mib 256] [--small-count 2000] [--only swift,s3,azure]
[--workloads download-large --repeat 3]``.
rclone is configured through ``RCLONE_CONFIG_*`` variables; for Azurite it gets an
account SAS URL. ``AWS_CA_BUNDLE`` is unset for rclone (plain HTTP on 127.0.0.1).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
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
        (folder / prefix).mkdir(parents=True, exist_ok=True)
        _pool_each([(container, k, folder / prefix) for k in keys], self.download_file)


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
        (folder / prefix).mkdir(parents=True, exist_ok=True)
        _pool_each([(container, n, folder / prefix) for n in names], self.download_file)


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


def workloads(
    tool: Any, container: str, big: Path, small: Path, out: Path, count: int
) -> list[tuple[str, Callable[[], None], int]]:
    label = f"{big.stat().st_size // MiB}MiB"
    return [
        (f"{label} up", lambda: tool.upload_file(container, big, "big.bin"), 1),
        (f"{label} down", lambda: tool.download_file(container, "big.bin", out), 1),
        (f"{count}x4KiB up", lambda: tool.upload_folder(container, small, "small"), count),
        (f"{count}x4KiB down", lambda: tool.download_prefix(container, "small", out), count),
    ]


def warm_up(backend: Backend, setup: Any, work: Path, small: Path) -> None:
    """A fresh server is slow on its first requests (connections, caches, databases):
    one unmeasured round trip with the SDK helper so the first measured tool is not
    penalised."""
    container = f"warm{uuid.uuid4().hex[:10]}"
    setup.create_container(container)
    out = work / f"warm-{uuid.uuid4().hex}"
    out.mkdir()
    backend.sdk.upload_folder(container, small, "small")
    backend.sdk.download_prefix(container, "small", out)
    shutil.rmtree(out)
    with contextlib.suppress(Exception):
        setup.delete_container(container, force=True)


def run_backend(
    backend: Backend, work: Path, big: Path, small: Path, count: int, subset: str = "all", repeat: int = 1
) -> list[Result]:
    setup = open_provider(backend.kind, backend.settings)
    setup.connect()
    results: list[Result] = []
    big_bytes = big.stat().st_size
    small_bytes = sum(p.stat().st_size for p in _files(small))
    warm_up(backend, setup, work, small)
    for tool in (EngineTool(backend, work), RcloneTool(backend, work), backend.sdk):
        container = f"bench{uuid.uuid4().hex[:10]}"
        setup.create_container(container)
        out = work / f"out-{uuid.uuid4().hex}"
        out.mkdir()
        steps = workloads(tool, container, big, small, out, count)
        if subset == "download-large":
            steps[0][1]()  # the big upload, unmeasured: the download needs the object
            big_down = steps[1]
            steps = [big_down] * repeat
        for workload, step, objects in steps:
            if objects == 1 and "down" in workload:
                # A repeated big download starts from nothing; the small download must not
                # remove it (the file is compared with the original at the end).
                (out / "big.bin").unlink(missing_ok=True)
            nbytes = big_bytes if objects == 1 else small_bytes
            seconds, cpu = measure(step)
            results.append(Result(backend.name, tool.name, workload, seconds, cpu, nbytes, objects))
            print(f"  {backend.name:6} {tool.name:40} {workload:14} {seconds:7.2f} s", flush=True)
        if (out / "big.bin").read_bytes() != big.read_bytes():
            raise RuntimeError(f"{tool.name} on {backend.name}: the downloaded file differs")
        got = len(_files(out / "small")) if subset == "all" else count
        if got != count:
            raise RuntimeError(f"{tool.name} on {backend.name}: {got} of {count} small files came back")
        shutil.rmtree(out)
        with contextlib.suppress(Exception):
            setup.delete_container(container, force=True)
    return results


def report(results: list[Result]) -> None:
    print()
    head = ("backend", "workload", "tool", "MiB/s", "obj/s", "CPU s/GiB", "engine x", "CPU ratio")
    print("{:7} {:14} {:40} {:>8} {:>8} {:>10} {:>9} {:>9}".format(*head))
    for r in results:
        mine = next(
            m for m in results if m.tool == "engine" and (m.backend, m.workload) == (r.backend, r.workload)
        )
        speed = mine.mib_s / r.mib_s
        cpu = mine.cpu_per_gib / r.cpu_per_gib if r.cpu_per_gib else float("nan")
        print(
            f"{r.backend:7} {r.workload:14} {r.tool:40} {r.mib_s:8.1f} {r.obj_s:8.1f} "
            f"{r.cpu_per_gib:10.1f} {speed:9.2f} {cpu:9.2f}"
        )
    print(
        "\nengine x = this engine's throughput / the peer's (>1: faster); "
        "CPU ratio = this engine's CPU per GiB / the peer's (<1: leaner)."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mib", type=int, default=256)
    parser.add_argument("--small-count", type=int, default=2000)
    parser.add_argument("--only", default="swift,s3,azure")
    parser.add_argument(
        "--workloads", choices=("all", "download-large"), default="all",
        help="download-large: only the big download (uploaded first, unmeasured)",
    )  # fmt: skip
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measured step (download-large)")
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="sb-bench-") as tmp:
        work = Path(tmp)
        big = work / "big.bin"
        with open(big, "wb") as f:
            for _ in range(args.big_mib):
                f.write(os.urandom(MiB))
        small = work / "small"
        for n in range(args.small_count):
            path = small / f"d{n % 20:02}" / f"f{n:05}.bin"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(os.urandom(4096))
        results: list[Result] = []
        with contextlib.ExitStack() as stack:
            if wanted & {"swift", "s3"}:
                swift = stack.enter_context(start_swift())
                if "swift" in wanted:
                    results += run_backend(
                        swift_backend(swift), work, big, small, args.small_count, args.workloads, args.repeat
                    )
                if "s3" in wanted:
                    results += run_backend(
                        s3_backend(swift), work, big, small, args.small_count, args.workloads, args.repeat
                    )
            if "azure" in wanted:
                azurite = stack.enter_context(start_azurite())
                results += run_backend(
                    azure_backend(azurite), work, big, small, args.small_count, args.workloads, args.repeat
                )
        report(results)


if __name__ == "__main__":
    main()
