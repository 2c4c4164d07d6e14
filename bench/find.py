"""Find and du below a container of many objects in 100 pseudo-folders: the partitioned
walk (``storebrowser.find``) on 1 to 8 connections, against the raw SDK pager loop (a
flat listing, page after page) and rclone (``rclone size``, ``rclone lsf -R --include``),
side by side in one run, on the Swift all-in-one through the native API and s3api.

Figures: wall time, this process's CPU time, and the Swift servers' CPU time (their
processes' utime+stime: on this machine the server's own CPU bounds what more
connections can give), and for find the time to the first match. A benchmark, not a
test: it prints figures and never asserts a time.

The container is seeded server-side as ``bench.listing`` does (``tests/servers/swift_seed.py``:
a container database built once and kept in the cache folder); the objects themselves
do not exist, a listing only reads the database. 0.1% of the keys hold "needle".

Run from the project root: ``python -m bench.find [--objects 1000000] [--only swift,s3]
[--folders 1]``; with one folder, a large part is split by key ranges (compare the lines
"no ranges": the walk before it could). ``--server-workers N`` lets each Swift server
fork N workers (a local server otherwise bounds the gain at the CPU of one process per
server); ``--latency MS`` sends every request through a proxy that delays it, as a distant
service does, which is where more connections pay off. ``--window`` also runs the search
as the window does (``bench.find_window``): when the first match is on screen after the
page that holds it was listed, and the longest event-loop stall.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bench.listing import cpu_seconds, prepared_db, seeded_container

FOLDERS = 100
NEEDLE_EVERY = 1000
CONNECTIONS = (1, 2, 4, 8)


def bench_rows(count: int, folders: int = FOLDERS) -> Iterator[Any]:
    """``dir-NN/`` folders holding ``count / folders`` objects each, in key order per folder."""
    from tests.servers.swift_seed import Row

    rnd = random.Random(2)
    for i in range(count):
        folder = i % folders
        tail = "-needle.psd" if i % NEEDLE_EVERY == 7 else ".bin"
        name = f"dir-{folder:02d}/file-{i:08d}{tail}"
        size = int(10 ** rnd.uniform(0, 8))
        created = 1_500_000_000 + rnd.randrange(200_000_000)
        yield Row(name, size, created, "application/octet-stream", hashlib.md5(name.encode()).hexdigest())


def _stat_fields(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def server_cpu(server: Any) -> float:
    """utime+stime of the Swift server processes and of the workers they forked
    (``--server-workers``), read from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    parents = {proc.pid for proc in server.processes}
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat_fields(int(entry.name))
        if fields is not None and (int(entry.name) in parents or int(fields[1]) in parents):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


@contextmanager
def through_latency(server: Any, seconds: float) -> Iterator[Any]:
    """``server`` as seen through a proxy that delays every request by ``seconds`` (a
    distant service's round trip; ``bench.latency_proxy``, in a process of its own)."""
    if not seconds:
        yield server
        return
    port = int(server.proxy_url.rsplit(":", 1)[1])
    proxy = subprocess.Popen([sys.executable, "-m", "bench.latency_proxy", str(port), str(seconds)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proxy.stdout is not None
        url = f"http://127.0.0.1:{int(proxy.stdout.readline())}"
        yield replace(server, proxy_url=url, auth_url=f"{url}/auth/v1.0", storage_url=f"{url}/v1/AUTH_test",
                      s3_endpoint=url)  # fmt: skip
    finally:
        assert proxy.stdin is not None
        proxy.stdin.close()
        proxy.wait(10)


def client_cpu() -> float:
    """This process (every thread) and its finished children (rclone)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return cpu_seconds() + children.ru_utime + children.ru_stime


@dataclass
class Run:
    what: str
    seconds: float
    client_cpu: float
    server_cpu: float
    result: str
    first: float | None = None


def timed(server: Any, what: str, work: Callable[[Callable[[], None]], str]) -> Run:
    """``work(first_found)`` timed; it calls ``first_found()`` when its first match is in."""
    first: list[float] = []
    cpu, served, started = client_cpu(), server_cpu(server), time.perf_counter()

    def first_found() -> None:
        if not first:
            first.append(time.perf_counter() - started)

    result = work(first_found)
    run = Run(what, time.perf_counter() - started, client_cpu() - cpu, server_cpu(server) - served, result,
              first[0] if first else None)  # fmt: skip
    print(f"  {run.what:<34} {run.seconds:7.2f} s  client cpu {run.client_cpu:6.2f} s  "
          f"server cpu {run.server_cpu:6.2f} s  {run.result}"
          + (f"  first match {run.first:.2f} s" if run.first is not None else ""), flush=True)  # fmt: skip
    return run


def raw_pager(name: str, server: Any, container: str) -> Callable[[Callable[[], None]], str]:
    """The SDK's own flat listing loop: count, bytes and needles, page after page."""
    if name == "swift":
        import swiftclient

        connection = swiftclient.Connection(authurl=server.auth_url, user=server.user, key=server.key)
        connection.head_account()

        def swift_pages() -> Iterator[list[tuple[str, int]]]:
            marker = None
            while True:
                _headers, entries = connection.get_container(container, marker=marker, limit=10_000)
                if not entries:
                    return
                yield [(e["name"], e["bytes"]) for e in entries]
                marker = entries[-1]["name"]

        pages = swift_pages
    else:
        import boto3
        from botocore.config import Config

        client = boto3.client("s3", endpoint_url=server.s3_endpoint, aws_access_key_id=server.s3_access_key,
                              aws_secret_access_key=server.s3_secret_key, region_name=server.region,
                              config=Config(s3={"addressing_style": "path"}))  # fmt: skip
        client.list_buckets()

        def s3_pages() -> Iterator[list[tuple[str, int]]]:
            for page in client.get_paginator("list_objects_v2").paginate(Bucket=container):
                yield [(o["Key"], o["Size"]) for o in page.get("Contents", [])]

        pages = s3_pages

    def work(first_found: Callable[[], None]) -> str:
        count = size = needles = 0
        for page in pages():
            count += len(page)
            size += sum(s for _k, s in page)
            hits = sum(1 for k, _s in page if "needle" in k)
            if hits:
                first_found()
            needles += hits
        return f"{count:,} objects, {size:,} bytes, {needles:,} needles"

    return work


def ours_du(provider: Any, container: str, connections: int) -> Callable[[Callable[[], None]], str]:
    from storebrowser.find.stats import folder_stats

    def work(_first: Callable[[], None]) -> str:
        stats = folder_stats(provider, container, "", connections=connections, page_size=10_000)
        assert stats.complete
        return f"{stats.total.objects:,} objects, {stats.total.bytes:,} bytes, {len(stats.by_folder)} folders"

    return work


class WithoutRanges:
    """The provider's listing without ``start_after``: the walk as it was before it split
    a large part by key ranges (one connection per sub-folder)."""

    def __init__(self, provider: Any) -> None:
        self.list_page = provider.list_page


def ours_find(provider: Any, container: str, connections: int) -> Callable[[Callable[[], None]], str]:
    from storebrowser.find.criteria import Criteria
    from storebrowser.find.search import Search

    def work(first_found: Callable[[], None]) -> str:
        search = Search(provider, container, "", Criteria.parse(contains="needle"), connections=connections,
                        page_size=10_000)  # fmt: skip
        for matches in search:
            if matches.entries.keys:
                first_found()
        assert not search.missing
        return f"{search.found:,} found among {search.scanned:,}"

    return work


def rclone(name: str, server: Any, container: str, *args: str) -> Callable[[Callable[[], None]], str]:
    """rclone with its defaults, configured through the environment (no secret in argv).
    ``AWS_CA_BUNDLE`` is left out, as ``transfers.py`` does: rclone's S3 client refuses to
    start with it on plain HTTP ("LoadCustomCABundleError: unsupported transport")."""
    env = {key: value for key, value in os.environ.items() if key != "AWS_CA_BUNDLE"}
    if name == "swift":
        env.update(RCLONE_CONFIG_R_TYPE="swift", RCLONE_CONFIG_R_AUTH=server.auth_url,
                   RCLONE_CONFIG_R_USER=server.user, RCLONE_CONFIG_R_KEY=server.key)  # fmt: skip
    else:
        env.update(RCLONE_CONFIG_R_TYPE="s3", RCLONE_CONFIG_R_PROVIDER="Other",
                   RCLONE_CONFIG_R_ACCESS_KEY_ID=server.s3_access_key,
                   RCLONE_CONFIG_R_SECRET_ACCESS_KEY=server.s3_secret_key,
                   RCLONE_CONFIG_R_ENDPOINT=server.s3_endpoint, RCLONE_CONFIG_R_REGION=server.region,
                   RCLONE_CONFIG_R_FORCE_PATH_STYLE="true")  # fmt: skip

    def work(_first: Callable[[], None]) -> str:
        done = subprocess.run(["rclone", *args, f"r:{container}"], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            return f"failed: {done.stderr.strip()[-200:]}"
        out = done.stdout.strip()
        if args[0] == "size":
            value = json.loads(out)
            return f"{value['count']:,} objects, {value['bytes']:,} bytes"
        return f"{len(out.splitlines()):,} lines"

    return work


def bench_backend(name: str, server: Any, container: str, connections_tried: tuple[int, ...] = CONNECTIONS,
                  *, no_ranges: bool = True, window: bool = False) -> list[Run]:  # fmt: skip
    from storebrowser.providers.registry import open_provider
    from tests.providers.backends import s3_swift_settings

    if name == "swift":
        settings = {"auth_url": server.auth_url, "username": server.user, "api_key": server.key}
        provider = open_provider("swift", settings)
    else:
        provider = open_provider("s3", s3_swift_settings(server))
    provider.connect()
    runs = [timed(server, "raw SDK pager (warm-up)", raw_pager(name, server, container))]
    runs.append(timed(server, "raw SDK pager", raw_pager(name, server, container)))
    for connections in connections_tried:
        du = ours_du(provider, container, connections)
        runs.append(timed(server, f"du, {connections} connections", du))
    for connections in connections_tried[1:] if no_ranges else ():
        du = ours_du(WithoutRanges(provider), container, connections)
        runs.append(timed(server, f"du, {connections} conn., no ranges", du))
    for connections in connections_tried:
        runs.append(timed(server, f"find 0.1%, {connections} connections",
                          ours_find(provider, container, connections)))  # fmt: skip
    if window:
        from bench.find_window import find_in_window

        print(find_in_window(provider, container, "needle").line(), flush=True)
    if shutil.which("rclone"):
        runs.append(timed(server, "rclone size", rclone(name, server, container, "size", "--json")))
        lsf = rclone(name, server, container, "lsf", "-R", "--files-only", "--include", "*needle*")
        runs.append(timed(server, "rclone lsf -R --include *needle*", lsf))
    provider.close()
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.find", description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=200_000, help="objects in the container")
    parser.add_argument("--only", default="swift,s3", help="backends: swift (native API), s3 (s3api)")
    parser.add_argument("--cache", type=Path, default=None, help="where the seeded database is kept")
    parser.add_argument("--folders", type=int, default=FOLDERS, help="pseudo-folders (1: one large folder)")
    parser.add_argument("--connections", default=",".join(map(str, CONNECTIONS)),
                        help="connection counts tried, e.g. 1,8")  # fmt: skip
    parser.add_argument("--no-ranges-runs", action=argparse.BooleanOptionalAction, default=True,
                        help="also run du without splitting by key ranges")  # fmt: skip
    parser.add_argument("--server-workers", type=int, default=0,
                        help="processes each Swift server forks (0: one per server, as the tests run it)")
    parser.add_argument("--latency", type=float, default=0.0,
                        help="ms every request waits, through a proxy: a distant service's round trip")
    parser.add_argument("--window", action="store_true",
                        help="also find as the window does: first match on screen, stalls")  # fmt: skip
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    connections_tried = tuple(int(n) for n in args.connections.split(","))
    cache = args.cache or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"), "storebrowser-bench")
    folders = max(1, args.folders)
    container = f"find-{args.objects}" + (f"-in-{folders}" if folders != FOLDERS else "")
    prepared = prepared_db(args.objects, cache, container, lambda count: bench_rows(count, folders))

    from tests.servers.swift_aio import start_swift

    with start_swift(workers=args.server_workers) as started:
        seeded_container(started, container, prepared)
        with through_latency(started, args.latency / 1000) as server:
            for backend in [name.strip() for name in args.only.split(",") if name.strip()]:
                print(f"{backend} ({args.objects:,} objects in {folders} folders; server workers "
                      f"{args.server_workers}, latency {args.latency:g} ms):", flush=True)  # fmt: skip
                bench_backend(backend, server, container, connections_tried, no_ranges=args.no_ranges_runs,
                              window=args.window)  # fmt: skip


if __name__ == "__main__":
    main()
