"""Child process of the SIGKILL tests: download one object (or, with ``"upload"``, upload
one file, with ``"upload_folder"`` a folder of small files, with ``"download_prefix"`` the
small objects under a prefix) with the engine and its
journal, logging each part (or one-request upload) it starts, slowed so the parent can
kill it mid-way. ``slow_part``: that part waits ``slow_delay`` seconds before
it starts (so later parts finish first, and the ``.part`` file has a hole there).

Run as ``python -m tests.transfers.kill_child '<json>'`` from the project root.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from storebrowser.providers.registry import open_provider
from storebrowser.transfers import JobKind, Journal, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from tests.transfers.helpers import FAST_RETRY, Counting


def _started(config: dict[str, Any], number: int) -> None:
    with Path(config["started_log"]).open("a") as f:  # closed at once: it must survive SIGKILL
        f.write(f"{number}\n")
    slow = number == config.get("slow_part")
    time.sleep(config["slow_delay"] if slow else config["delay"])  # slow enough to be killed mid-way


def _put_started(config: dict[str, Any], key: str) -> None:
    with Path(config["started_log"]).open("a") as f:  # closed at once: it must survive SIGKILL
        f.write(f"{key}\n")
    time.sleep(config["delay"])


def _spec(config: dict[str, Any]) -> JobSpec:
    if config.get("upload_folder"):  # many small files, each one PUT
        return JobSpec(JobKind.UPLOAD_FOLDER, "acct", config["container"], key=config["key"],
                       local=config["upload_folder"])  # fmt: skip
    if config.get("download_prefix"):  # many small objects, each one GET
        return JobSpec(JobKind.DOWNLOAD_PREFIX, "acct", config["container"], key=config["download_prefix"],
                       local=config["folder"])  # fmt: skip
    if config.get("upload"):
        return JobSpec(JobKind.UPLOAD_FILE, "acct", config["container"], key=config["key"],
                       local=config["upload"])  # fmt: skip
    return JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", config["container"], key=config["key"],
                   local=config["folder"])  # fmt: skip


def main(config: dict[str, Any]) -> None:
    provider = open_provider(config["kind"], config["settings"])
    provider.connect()
    provider.part_size = provider.multipart_threshold = config["part_size"]
    counting = Counting(provider)
    part_size = config["part_size"]
    counting.before_read = lambda byte_range: _started(config, byte_range.start // part_size + 1)
    counting.before_part = lambda number: _started(config, number)
    counting.before_put = lambda key: _put_started(config, key)
    engine = TransferEngine(
        {"acct": counting},  # type: ignore[dict-item]
        Journal(config["journal"]),
        part_size=part_size,
        part_concurrency=config["workers"],
        concurrency=config.get("concurrency", 1),
        retry=FAST_RETRY,
    )
    engine.submit(_spec(config))
    engine.wait_idle()
    sys.exit(3)  # the parent kills us before this; finishing means the test is broken


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
