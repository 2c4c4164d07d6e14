"""Should the walk split a large folder by key ranges? The walk of ``core/walk.py`` below
one folder of many objects, with ranges and without (``Walk(ranges=...)``), on 1 to 8
connections, on the Swift all-in-one (native API and s3api): requests made, this
process's CPU time and the Swift servers' CPU time, and wall time, both as the local
server answers and with a round trip added to every page (``--latency``, a sleep in the
client before each request: what a real service's network and queueing add, which costs
no CPU on either side).

Wall times are noisy on a loaded machine; requests and CPU are not. A benchmark, not a
test: it prints figures and never asserts a time.

Run from the project root: ``python -m bench.walk_ranges [--objects 50000] [--only swift,s3]
[--latency 0.05]``. The container is the one of ``bench.find --folders 1`` (seeded
server-side once, kept in the cache folder).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from bench.find import bench_rows, server_cpu
from bench.listing import cpu_seconds, prepared_db, seeded_container
from storebrowser.core.types import ObjectInfo, Page
from storebrowser.providers.base import Provider

CONNECTIONS = (1, 2, 4, 8)


class Delayed:
    """A provider whose every page costs ``latency`` seconds more, without CPU (a sleep):
    a service farther away than 127.0.0.1."""

    def __init__(self, provider: Provider, latency: float) -> None:
        self.provider = provider
        self.latency = latency
        self.start_after = provider.start_after
        self.token_takes_end = provider.token_takes_end

    def list_page(
        self, container: str, prefix: str = "", delimiter: str | None = "/", token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:  # fmt: skip
        time.sleep(self.latency)
        return self.provider.list_page(container, prefix, delimiter, token, limit)


def run(server: Any, provider: Any, container: str, connections: int, ranges: bool, page_size: int) -> None:
    from storebrowser.core.walk import Walk

    cpu, served, started = cpu_seconds(), server_cpu(server), time.perf_counter()
    walk = Walk(provider, container, "", connections=connections, page_size=page_size, ranges=ranges)
    objects = sum(len(scanned.entries.keys) for scanned in walk)
    assert walk.complete
    wall = time.perf_counter() - started
    what = f"{connections} conn., {'ranges' if ranges else 'no ranges'}"
    print(f"  {what:<22} {wall:7.2f} s  client cpu {cpu_seconds() - cpu:5.2f} s  "
          f"server cpu {server_cpu(server) - served:5.2f} s  {walk.requests:4d} requests  "
          f"{walk.parts:3d} parts  {objects:,} objects", flush=True)  # fmt: skip


def bench_backend(name: str, server: Any, container: str, latency: float) -> None:
    from storebrowser.providers.registry import open_provider
    from tests.providers.backends import s3_swift_settings

    if name == "swift":
        settings = {"auth_url": server.auth_url, "username": server.user, "api_key": server.key}
        provider = open_provider("swift", settings)
        page_size = 10_000
    else:
        provider = open_provider("s3", s3_swift_settings(server))
        page_size = 1000  # S3's most
    provider.connect()
    lister = Delayed(provider, latency) if latency else provider
    run(server, lister, container, 1, False, page_size)  # warm-up
    for connections in CONNECTIONS:
        for ranges in (False, True) if connections > 1 else (False,):
            run(server, lister, container, connections, ranges, page_size)
    provider.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.walk_ranges", description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=50_000, help="objects in the one folder")
    parser.add_argument("--only", default="swift,s3", help="backends: swift (native API), s3 (s3api)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added before every page")
    parser.add_argument("--cache", type=Path, default=None, help="where the seeded database is kept")
    args = parser.parse_args()
    cache = args.cache or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"), "storebrowser-bench")
    container = f"find-{args.objects}-in-1"
    prepared = prepared_db(args.objects, cache, container, lambda count: bench_rows(count, 1))

    from tests.servers.swift_aio import start_swift

    with start_swift() as server:
        seeded_container(server, container, prepared)
        for backend in [name.strip() for name in args.only.split(",") if name.strip()]:
            extra = f"+{args.latency:.3f} s a page"
            print(f"{backend} ({args.objects:,} objects in one folder, {extra}):", flush=True)
            bench_backend(backend, server, container, args.latency)


if __name__ == "__main__":
    main()
