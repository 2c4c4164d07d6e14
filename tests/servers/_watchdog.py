"""Watchdog for one test server: kills its process groups if the process that started them dies.

Run as ``python _watchdog.py BASE_DIR KEEP`` with a pipe on stdin. The parent writes one
process-group id per line as it starts processes. A normal ``stop()`` writes ``stopped``
and closes the pipe: nothing to do. End of input *without* ``stopped`` means the parent
was killed (SIGKILL, CI timeout, crash) before it could clean up, so the watchdog stops
the groups itself (SIGTERM, then SIGKILL) and removes ``BASE_DIR`` unless KEEP is 1.

A standalone script (no imports from the package) so it starts fast and works whatever
the parent's import path was.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time

GRACE_SECONDS = 5.0


def read_groups() -> tuple[list[int], bool]:
    """Process-group ids sent by the parent, and whether it asked for a normal stop."""
    pgids: list[int] = []
    for line in sys.stdin:
        word = line.strip()
        if word == "stopped":
            return pgids, True
        if word.isdigit():
            pgids.append(int(word))
    return pgids, False


def signal_groups(pgids: list[int], sig: int) -> list[int]:
    """Send ``sig`` to each group (0: only probe); return the groups that still existed."""
    alive: list[int] = []
    for pgid in pgids:
        try:
            os.killpg(pgid, sig)
            alive.append(pgid)
        except (ProcessLookupError, PermissionError):
            pass
    return alive


def main() -> None:
    base_dir, keep = sys.argv[1], sys.argv[2] == "1"
    pgids, stopped = read_groups()
    if stopped:
        return
    alive = signal_groups(pgids, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_SECONDS
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = signal_groups(alive, 0)
    signal_groups(alive, signal.SIGKILL)
    if not keep:
        shutil.rmtree(base_dir, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal Ctrl-C is for the parent
    main()
