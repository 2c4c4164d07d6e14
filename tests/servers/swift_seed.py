"""Fill the listing of a container on the Swift all-in-one fast, server-side.

A listing (native API or s3api) is read from the container's SQLite database alone, so
rows written there with Swift's own ``ContainerBroker`` list exactly as uploaded objects
would, at ~30,000 rows a second instead of a few hundred PUTs a second. The objects
themselves do not exist: a GET of one answers 404. For listing tests and benches only.

Layout (see ``swift_aio``): one device ``srv/d1``; a container's database is
``srv/d1/containers/<partition>/<suffix>/<hash>/<hash>.db``, created by the container PUT.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .swift_aio import SwiftServer

ACCOUNT = "AUTH_test"  # the account of the ``test:tester`` user
BATCH = 10_000


@dataclass(frozen=True)
class Row:
    """One listing entry: what a PUT of the object would have recorded."""

    name: str
    size: int
    #: Seconds since the epoch (Swift keeps 5 decimals: 10 µs).
    created: float
    content_type: str
    etag: str


def container_db(server: SwiftServer, container: str, account: str = ACCOUNT) -> Path:
    """The database file of an existing container."""
    return _container_db_below(server.base_dir, container, account)


def _container_db_below(base_dir: Path, container: str, account: str = ACCOUNT) -> Path:
    from swift.container.backend import ContainerBroker

    for path in (base_dir / "srv" / "d1" / "containers").glob("*/*/*/*.db"):
        info = ContainerBroker(str(path), account=account).get_info()
        if info["account"] == account and info["container"] == container:
            return path
    raise FileNotFoundError(f"no database for container {container!r}: PUT it first")


def _records(rows: Iterable[Row]) -> Iterator[dict[str, object]]:
    from swift.common.utils import Timestamp

    for row in rows:
        yield {
            "name": row.name,
            "created_at": Timestamp(row.created).internal,
            "size": row.size,
            "content_type": row.content_type,
            "etag": row.etag,
            "deleted": 0,
            "storage_policy_index": 0,
        }


def write_rows(db: Path, rows: Iterable[Row], account: str = ACCOUNT, container: str | None = None) -> None:
    """Merge ``rows`` into the database ``db``, creating it when ``container`` is given."""
    from eventlet import tpool
    from swift.common.utils import Timestamp
    from swift.container.backend import ContainerBroker

    # merge_items hands its work to eventlet's thread pool and waits for it in this
    # thread's hub; in a test process with other threads (an xdist worker, Qt's pools)
    # that wait once never woke, and the worker hung. No pool: the work runs right here.
    tpool.set_num_threads(0)
    broker = ContainerBroker(str(db), account=account, container=container)
    if container is not None and not db.exists():
        broker.initialize(Timestamp.now().internal, 0)
    records = _records(rows)
    with warnings.catch_warnings():  # tpool says "all calls will execute in main thread": wanted
        warnings.filterwarnings("ignore", "Zero threads in tpool", RuntimeWarning)
        while batch := list(islice(records, BATCH)):
            broker.merge_items(batch)


def seed_listing(server: SwiftServer, container: str, rows: Iterable[Row]) -> None:
    """Add ``rows`` to the listing of ``container`` (which must exist), from a child process.

    Swift's broker runs on eventlet (a hub per thread, a thread pool, green timeouts on a
    locked database), which has no place in a test process: an xdist worker's main thread
    was twice left waiting in eventlet's hub after seeding, with nothing to wake it. A child
    (about a second of imports) keeps eventlet out of every test process."""
    fields = ([row.name, row.size, row.created, row.content_type, row.etag] for row in rows)
    lines = "".join(json.dumps(row) + "\n" for row in fields)
    command = [sys.executable, "-m", "tests.servers.swift_seed", str(server.base_dir), container]
    done = subprocess.run(command, input=lines, text=True, capture_output=True, cwd=_REPOSITORY, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"seeding {container!r} failed:\n{done.stderr}")


_REPOSITORY = Path(__file__).resolve().parents[2]


def _seed_from_stdin(base_dir: Path, container: str) -> None:
    rows = (Row(*json.loads(line)) for line in sys.stdin if line.strip())
    write_rows(_container_db_below(base_dir, container), rows)


def install_db(server: SwiftServer, container: str, prepared: Path) -> None:
    """Make ``container`` (which must exist) list what ``prepared`` holds: a database made
    by ``write_rows`` for the same account and container name, kept between runs."""
    target = container_db(server, container)
    staging = target.with_suffix(".staging")
    shutil.copyfile(prepared, staging)
    os.replace(staging, target)  # the container server opens the file per request


__all__ = ["ACCOUNT", "Row", "container_db", "install_db", "seed_listing", "write_rows"]

if __name__ == "__main__":  # seed_listing's child: BASE_DIR CONTAINER, rows as JSON lines on stdin
    _seed_from_stdin(Path(sys.argv[1]), sys.argv[2])
