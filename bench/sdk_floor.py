"""The floor under small-file transfers: what each SDK's bare request costs per object.

bench/transfers.py compares the engine with rclone and the SDKs' helpers. For small files
the question left is how much of the engine's CPU per object is its own (journal, the
``.part`` file, the checks) and how much is the SDK's request itself, which no Python
tool can go under. This runs, side by side on one server, the engine's folder upload and
prefix download of N small files and the bare SDK calls over the same files on the same
number of threads: ``put_object``/``get_object`` (boto3, swiftclient) and
``upload_blob``/``download_blob`` (azure), nothing written to disk on the way down, no
listing, no check beyond the SDK's own defaults. Prints CPU ms per object and objects/s,
medians of ``--repeat`` runs, and the engine's CPU over the floor's. A benchmark, not a
test: nothing asserts a time.

Run from the project root: ``python -m bench.sdk_floor [--only s3,azure,swift]
[--small-count 2000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.transfers import (
    FILE_THREADS,
    Backend,
    EngineTool,
    _files,
    _pool_each,
    azure_backend,
    make_data,
    measure,
    s3_backend,
    swift_backend,
)
from storebrowser.providers.registry import open_provider
from tests.servers.azurite import start_azurite
from tests.servers.swift_aio import start_swift


class Floor:
    """Bare SDK calls, one per object, on ``FILE_THREADS`` threads (a client per thread
    where the SDK's client is not meant to be shared)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.local = threading.local()

    def _client(self) -> Any:
        client = getattr(self.local, "client", None)
        if client is None:
            client = self.local.client = self._new_client()
        return client

    def _new_client(self) -> Any:
        sdk = self.backend.sdk
        if self.backend.name == "s3":
            return sdk.client  # boto3 clients are thread-safe; its pool is sized for the threads
        if self.backend.name == "azure":
            return sdk.service
        from swiftclient.client import Connection

        options = sdk.options
        return Connection(authurl=options["auth"], user=options["user"], key=options["key"], auth_version="1")

    def put(self, container: str, key: str, data: bytes) -> None:
        client = self._client()
        if self.backend.name == "s3":
            client.put_object(Bucket=container, Key=key, Body=data)
        elif self.backend.name == "azure":
            client.get_blob_client(container, key).upload_blob(data, overwrite=True)
        else:
            client.put_object(container, key, data)

    def get(self, container: str, key: str) -> int:
        client = self._client()
        if self.backend.name == "s3":
            return len(client.get_object(Bucket=container, Key=key)["Body"].read())
        if self.backend.name == "azure":
            return len(client.get_blob_client(container, key).download_blob().readall())
        return len(client.get_object(container, key)[1])


def keyed(folder: Path, prefix: str) -> list[tuple[Path, str]]:
    return [(p, f"{prefix}/{p.relative_to(folder).as_posix()}") for p in _files(folder)]


def floor_up(floor: Floor, container: str, files: list[tuple[Path, str]]) -> Callable[[], None]:
    return lambda: _pool_each([(container, k, p.read_bytes()) for p, k in files], floor.put)


def floor_down(floor: Floor, container: str, files: list[tuple[Path, str]]) -> Callable[[], None]:
    def run() -> None:
        got: list[int] = []
        _pool_each([(container, k) for _, k in files], lambda c, k: got.append(floor.get(c, k)))
        if sum(got) != sum(p.stat().st_size for p, _ in files):
            raise RuntimeError("the floor's downloads came back short")

    return run


Runs = dict[str, list[tuple[float, float]]]  # step -> (seconds, CPU seconds) of each run


def measure_backend(backend: Backend, small: Path, work: Path, repeat: int) -> Runs:
    setup = open_provider(backend.kind, backend.settings)
    setup.connect()
    container = f"floor{uuid.uuid4().hex[:10]}"
    setup.create_container(container)
    engine, floor = EngineTool(backend, work), Floor(backend)
    runs: Runs = {}
    try:
        floor_up(floor, container, keyed(small, "warm"))()  # connections and server caches
        for run in range(repeat):
            steps: dict[str, Callable[[], None]] = {
                "floor up": floor_up(floor, container, keyed(small, f"f{run}")),
                "engine up": _engine_up(engine, container, small, f"e{run}"),
                "floor down": floor_down(floor, container, keyed(small, "e0")),
                "engine down": _engine_down(engine, container, work),
            }
            for name, step in steps.items():  # alternated, so that drift hits both alike
                seconds, cpu = measure(step)
                runs.setdefault(name, []).append((seconds, cpu))
                print(f"  {backend.name:6} {name:12} {seconds:7.2f} s {cpu:6.2f} CPU s", flush=True)
    finally:
        with contextlib.suppress(Exception):
            setup.delete_container(container, force=True)
    return runs


def _engine_up(engine: EngineTool, container: str, small: Path, prefix: str) -> Callable[[], None]:
    return lambda: engine.upload_folder(container, small, prefix)


def _engine_down(engine: EngineTool, container: str, work: Path) -> Callable[[], None]:
    def run() -> None:
        out = work / f"out-{uuid.uuid4().hex}"
        out.mkdir()
        try:
            engine.download_prefix(container, "e0", out)
        finally:
            shutil.rmtree(out, ignore_errors=True)

    return run


def report(name: str, runs: Runs, objects: int) -> None:
    print(f"\n{name}: {objects} objects, medians of {len(runs['floor up'])} runs")
    for way in ("up", "down"):
        floor, engine = runs[f"floor {way}"], runs[f"engine {way}"]
        f_cpu = statistics.median(c for _, c in floor) * 1000 / objects
        e_cpu = statistics.median(c for _, c in engine) * 1000 / objects
        f_rate = objects / statistics.median(s for s, _ in floor)
        e_rate = objects / statistics.median(s for s, _ in engine)
        print(
            f"  {way:5} floor {f_cpu:5.2f} CPU ms/object {f_rate:6.1f} obj/s | engine {e_cpu:5.2f} "
            f"CPU ms/object {e_rate:6.1f} obj/s | engine CPU / floor {e_cpu / f_cpu:4.2f}x"
        )


def backends(wanted: set[str]) -> Iterator[Backend]:
    with contextlib.ExitStack() as stack:
        if wanted & {"swift", "s3"}:
            server = stack.enter_context(start_swift())
            if "swift" in wanted:
                yield swift_backend(server)
            if "s3" in wanted:
                yield s3_backend(server)
        if "azure" in wanted:
            yield azure_backend(stack.enter_context(start_azurite()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-count", type=int, default=2000)
    parser.add_argument("--only", default="s3,azure,swift")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{FILE_THREADS} threads on each side")
    with tempfile.TemporaryDirectory(prefix="sb-floor-") as tmp:
        work = Path(tmp)
        data = make_data(work, 1, args.small_count, 0, 1)
        for backend in backends(set(args.only.split(","))):
            runs = measure_backend(backend, data.small, work, args.repeat)
            report(backend.name, runs, args.small_count)


if __name__ == "__main__":
    main()
