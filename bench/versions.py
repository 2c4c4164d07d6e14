"""Versions of a folder with 100,000 versions: the time to the first page of rows.

On the Swift all-in-one started here on 127.0.0.1 (``tests/servers``), with object
versioning on, through the native Swift API and through s3api: the provider's
``list_versions_page`` of the folder (one level, delimiter ``/``, and flat), the first
page only (200 rows, as the object table asks first, and 1,000), then every page of the
folder; next to a whole-container scan (what a browser does
that lists every version of the bucket before it shows any, the usual complaint). The
container holds the folder and, around it, other folders with as many versions again, so
a whole-container scan costs what it would in a real bucket. A benchmark, not a test:
it prints figures and never asserts a time.

Seeded server-side, as ``bench/listing.py`` is: the versions container's database (the
hidden ``\\x00versions\\x00<container>``, one row per version, named ``\\x00<key>\\x00
<inverted timestamp>`` as the middleware names them) and the container's own (one
symlink row per key, pointing at its newest version) written with Swift's own
``ContainerBroker``; the objects' bytes do not exist, a listing reads only the databases.

moto (``--moto N``, off by default): N versions put through its API (it has no
server-side seeding), then the same first-page figure; moto copies every version of the
bucket on every ListObjectVersions request, so its figure grows with the bucket.

Each first-page figure also gives this process's CPU time (``time.process_time``), ours
and the raw SDK's: the client's share, which the machine's load barely changes.

Run from the project root: ``python -m bench.versions [--versions 100000] [--per-key 100]
[--around 2] [--runs 5] [--moto 0] [--first-only] [--only swift|s3api]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

TARGET_FIRST_PAGE = 0.3
#: The object table asks 200 rows first (ui/object_listing.py FIRST_PAGE), then full pages.
FIRST_PAGES = (200, 1000)
FOLDER = "photos/2024/"
AROUND = ("archive/", "scans/", "videos/")
_SYMLINK_PARAMS = "symlink_target={target}; symlink_target_etag={etag}; symlink_target_bytes={size}"
_EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e"


# -- seeding -----------------------------------------------------------------------------


def _keys(prefix: str, versions: int, per_key: int) -> Iterator[str]:
    for n in range(max(1, versions // per_key)):
        yield f"{prefix}IMG_{n:06d}.jpg"


def _version_rows(prefix: str, versions: int, per_key: int, start: float) -> Iterator[Any]:
    """Rows of the versions container: ``per_key`` versions of each key, a second apart."""
    from swift.common.middleware.versioned_writes.object_versioning import build_versions_object_name
    from swift.common.utils import Timestamp

    from tests.servers.swift_seed import Row

    for key in _keys(prefix, versions, per_key):
        for n in range(per_key):
            when = start + n
            name = build_versions_object_name(key, Timestamp(when).normal)  # inverts it itself
            yield Row(name, 1000 + n, when, "image/jpeg", f"{n:032x}")


def _symlink_rows(container: str, prefix: str, versions: int, per_key: int, start: float) -> Iterator[Any]:
    """Rows of the container itself: each key a symlink to its newest version."""
    from urllib.parse import quote

    from swift.common.middleware.versioned_writes.object_versioning import (
        build_versions_container_name,
        build_versions_object_name,
    )
    from swift.common.utils import Timestamp

    from tests.servers.swift_seed import Row

    newest = start + per_key - 1
    hidden = build_versions_container_name(container)
    for key in _keys(prefix, versions, per_key):
        target = quote(f"{hidden}/{build_versions_object_name(key, Timestamp(newest).normal)}")
        params = _SYMLINK_PARAMS.format(target=target, etag=f"{per_key - 1:032x}", size=1000 + per_key - 1)
        yield Row(key, 0, newest, "image/jpeg", f"{_EMPTY_MD5}; {params}")


def seed(server: Any, container: str, versions: int, per_key: int, around: int) -> float:
    """The folder and ``around`` x as many versions in other folders; seconds it took."""
    from swift.common.middleware.versioned_writes.object_versioning import build_versions_container_name

    from tests.servers.swift_seed import container_db, write_rows

    began = time.perf_counter()
    start = time.time() - 10 * per_key
    hidden = container_db(server, build_versions_container_name(container))
    primary = container_db(server, container)
    for prefix in (FOLDER, *AROUND[:around]):
        write_rows(hidden, _version_rows(prefix, versions, per_key, start))
        write_rows(primary, _symlink_rows(container, prefix, versions, per_key, start))
    return time.perf_counter() - began


# -- measuring ---------------------------------------------------------------------------


def timed(call: Callable[[], Any], runs: int, cpu: list[float] | None = None) -> tuple[list[float], Any]:
    """Wall-clock seconds of each run (and, into ``cpu``, this process's CPU seconds of each:
    what the client spends, which the machine's load barely changes)."""
    times, result = [], None
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = call()
        times.append(time.perf_counter() - began)
        if cpu is not None:
            cpu.append(time.process_time() - began_cpu)
    return times, result


def every_page(provider: Any, container: str, prefix: str, delimiter: str | None) -> int:
    count, token = 0, None
    while True:
        page = provider.list_versions_page(container, prefix, delimiter, token, 1000)
        count += len(page.entries)
        if page.next_token is None:
            return count
        token = page.next_token


RawPage = Callable[[str | None, int], Any]


def bench_provider(
    label: str, provider: Any, container: str, runs: int, raw: RawPage, whole: bool = True, every: bool = True
) -> None:
    """``raw(delimiter, limit)``: the same first page asked with the SDK alone, parsed by
    it and nothing more: the server's share of the figure."""

    def first(delimiter: str | None, limit: int) -> Callable[[], Any]:
        return lambda: provider.list_versions_page(container, FOLDER, delimiter, None, limit)

    print(f"{label}:  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    for limit in FIRST_PAGES:
        for name, delimiter in (("folder level", "/"), ("flat", None)):
            ours_cpu: list[float] = []
            sdk_cpu: list[float] = []
            times, page = timed(first(delimiter, limit), runs, ours_cpu)
            sdk, _ = timed(lambda d=delimiter, n=limit: raw(d, n), runs, sdk_cpu)  # type: ignore[misc]
            median = statistics.median(times)
            met = "yes" if median <= TARGET_FIRST_PAGE else "NO"
            print(f"  first {limit:>4} rows, {name:<13} median {median:.3f} s (best {min(times):.3f}), "
                  f"raw SDK {statistics.median(sdk):.3f} s  ({len(page.entries)} rows)  "
                  f"target <= {TARGET_FIRST_PAGE} s: {met}; client CPU {statistics.median(ours_cpu):.3f} s "
                  f"(raw SDK {statistics.median(sdk_cpu):.3f} s)")  # fmt: skip
    if not every:
        return
    times, count = timed(lambda: every_page(provider, container, FOLDER, "/"), 1)
    print(f"  whole folder, every page     {times[0]:.2f} s  ({count:,} rows)")
    if whole:
        times, count = timed(lambda: every_page(provider, container, "", None), 1)
        print(f"  whole container scan         {times[0]:.2f} s  ({count:,} rows): what a browser that "
              "lists every version first waits before its first row")  # fmt: skip


def run_swift(args: argparse.Namespace) -> None:
    from storebrowser.providers.registry import open_provider
    from tests.providers.backends import s3_swift_settings
    from tests.servers.base import http_request
    from tests.servers.swift_aio import start_swift

    container = "bench-versions"
    with start_swift() as server:
        reply = http_request("GET", server.auth_url, {"X-Auth-User": server.user, "X-Auth-Key": server.key})
        token = {"X-Auth-Token": reply.headers["x-auth-token"]}
        versioned = {**token, "X-Versions-Enabled": "true"}
        http_request("PUT", f"{reply.headers['x-storage-url']}/{container}", versioned)
        took = seed(server, container, args.versions, args.per_key, args.around)
        total = args.versions * (1 + args.around)
        print(f"seeded {total:,} versions ({args.versions:,} in {FOLDER}) in {took:.1f} s")
        native = {"auth_url": server.auth_url, "username": server.user, "api_key": server.key}
        backends = (
            ("swift", "swift", native, raw_swift(server, container)),
            ("s3api", "s3", s3_swift_settings(server), raw_s3(s3_swift_settings(server), container)),
        )
        for label, kind, settings, raw in backends:
            provider = open_provider(kind, settings)
            provider.connect()
            try:
                # A whole-container scan through s3api takes ~10 minutes here: Swift's shows it.
                if args.only and label != args.only:
                    continue
                bench_provider(label, provider, container, args.runs, raw, whole=kind == "swift",
                               every=not args.first_only)  # fmt: skip
            finally:
                provider.close()


def raw_swift(server: Any, container: str) -> RawPage:
    import swiftclient

    connection = swiftclient.Connection(authurl=server.auth_url, user=server.user, key=server.key)

    def page(delimiter: str | None, limit: int) -> Any:
        return connection.get_container(
            container, prefix=FOLDER, delimiter=delimiter, limit=limit, query_string="versions"
        )

    return page


def raw_s3(settings: dict[str, Any], container: str) -> RawPage:
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3", endpoint_url=settings["endpoint_url"], region_name=settings["region"],
        aws_access_key_id=settings["access_key_id"], aws_secret_access_key=settings["secret_access_key"],
        config=Config(s3={"addressing_style": "path"}),
    )  # fmt: skip

    def page(delimiter: str | None, limit: int) -> Any:
        options = {"Delimiter": delimiter} if delimiter else {}
        return client.list_object_versions(Bucket=container, Prefix=FOLDER, MaxKeys=limit, **options)

    return page


def run_moto(args: argparse.Namespace) -> None:
    import io

    from storebrowser.providers.registry import open_provider
    from tests.providers.backends import s3_moto_settings
    from tests.servers.moto_s3 import start_moto

    with start_moto() as server:
        provider = open_provider("s3", s3_moto_settings(server))
        provider.connect()
        provider.create_container("bench-versions")
        provider.set_versioning("bench-versions", True)
        began = time.perf_counter()
        for key in _keys(FOLDER, args.moto, args.per_key):
            for n in range(args.per_key):
                provider.put_object("bench-versions", key, io.BytesIO(b"x" * n), size=n)
        print(f"moto: put {args.moto:,} versions in {time.perf_counter() - began:.1f} s")
        raw = raw_s3(s3_moto_settings(server), "bench-versions")
        bench_provider("moto", provider, "bench-versions", args.runs, raw, whole=False)
        provider.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.versions", description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=100_000, help="versions in the folder")
    parser.add_argument("--per-key", type=int, default=100, help="versions of each key")
    parser.add_argument("--around", type=int, default=2, choices=range(len(AROUND) + 1),
                        help="other folders of as many versions")  # fmt: skip
    parser.add_argument("--runs", type=int, default=5, help="first-page measurements per figure")
    parser.add_argument("--moto", type=int, default=0, metavar="N", help="also moto, with N versions")
    parser.add_argument("--first-only", action="store_true", help="first pages only (no whole listings)")
    parser.add_argument("--only", choices=("swift", "s3api"), help="one API of the Swift all-in-one")
    args = parser.parse_args()
    run_swift(args)
    if args.moto:
        run_moto(args)


if __name__ == "__main__":
    main()
