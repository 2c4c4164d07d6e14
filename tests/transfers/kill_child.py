"""Child process of the SIGKILL test: download one object with the engine and its
journal, logging each part it starts, slowed so the parent can kill it mid-way.

Run as ``python -m tests.transfers.kill_child '<json>'`` from the project root.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from storebrowser.core.ranges import ByteRange
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import JobKind, Journal, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from tests.transfers.helpers import FAST_RETRY, Counting


def main(config: dict) -> None:
    provider = open_provider(config["kind"], config["settings"])
    provider.connect()
    counting = Counting(provider)
    log = Path(config["started_log"])

    def started(byte_range: ByteRange) -> None:
        with log.open("a") as f:  # closed at once: the record must survive SIGKILL
            f.write(f"{byte_range.start // config['part_size']}\n")
        time.sleep(config["delay"])  # slow enough to be killed with parts in flight

    counting.before_read = started
    engine = TransferEngine(
        {"acct": counting},  # type: ignore[dict-item]
        Journal(config["journal"]),
        part_size=config["part_size"],
        part_concurrency=config["workers"],
        concurrency=1,
        retry=FAST_RETRY,
    )
    spec = JobSpec(JobKind.DOWNLOAD_OBJECT, "acct", config["container"], key=config["key"],
                   local=config["folder"])  # fmt: skip
    engine.submit(spec)
    engine.wait_idle()
    sys.exit(3)  # the parent kills us before this; finishing means the test is broken


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
