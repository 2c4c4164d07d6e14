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

``--model``: no server at all, a service in memory that answers each page after the
round trip ``--latency`` (default 0.05 s) and uses no CPU meanwhile, as a real service
far away does: S3-like (a range's last page read to its end, pages of 1,000) and
Swift-like (a range ends on the server). It shows what ranges give where the round trip,
not a local server's CPU, bounds a listing.
"""

from __future__ import annotations

import argparse
import bisect
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


class Modelled:
    """A service in memory: one folder of sorted keys, pages after ``latency`` seconds;
    tokens are keys (``start_after``), with the range's end where ``ends``."""

    def __init__(self, count: int, latency: float, *, ends: bool) -> None:
        self.keys = [f"big/file-{n:08d}.bin" for n in range(count)]
        self.latency = latency
        self.token_is_key = True
        self.token_takes_end = ends

    def start_after(self, key: str, upto: str | None = None) -> str | None:
        return f"{key}\0{upto}" if upto is not None and self.token_takes_end else key

    def list_page(
        self, container: str, prefix: str = "", delimiter: str | None = "/", token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:  # fmt: skip
        time.sleep(self.latency)
        after, _, upto = (token or "").partition("\0")
        at = bisect.bisect_right(self.keys, after) if after else bisect.bisect_left(self.keys, prefix)
        if delimiter and not prefix:  # the level: the one folder
            return Page([ObjectInfo("big/", is_prefix=True)])
        end = bisect.bisect_right(self.keys, upto) if upto else len(self.keys)
        keys = [k for k in self.keys[at : min(end, at + limit)] if k.startswith(prefix)]
        more = at + limit < end and bool(keys)
        return Page([ObjectInfo(k, 1) for k in keys], keys[-1] if more else None)


def model(count: int, latency: float) -> None:
    from storebrowser.core.walk import Walk

    for ends, name in ((False, "S3-like"), (True, "Swift-like")):
        print(f"{name} model ({count:,} objects in one folder, pages of 1,000, {latency:.3f} s a page):")
        for connections in CONNECTIONS:
            for ranges in (False, True) if connections > 1 else (False,):
                lister = Modelled(count, latency, ends=ends)
                cpu, started = cpu_seconds(), time.perf_counter()
                walk = Walk(lister, "c", "", connections=connections, ranges=ranges)
                objects = sum(len(scanned.entries.keys) for scanned in walk)
                what = f"{connections} conn., {'ranges' if ranges else 'no ranges'}"
                print(f"  {what:<22} {time.perf_counter() - started:7.2f} s  client cpu "
                      f"{cpu_seconds() - cpu:5.2f} s  {walk.requests:4d} requests  {walk.parts:3d} parts  "
                      f"{objects:,} objects", flush=True)  # fmt: skip


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
    parser.add_argument("--model", action="store_true", help="a service in memory, no server")
    args = parser.parse_args()
    if args.model:
        model(args.objects, args.latency or 0.05)
        return
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
