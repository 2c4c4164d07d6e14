"""Start one Swift server with the storage policies of the test's own swift.conf.

Swift reads its storage policies once, when ``swift.common.storage_policy`` is first
imported, from /etc/swift/swift.conf; ``swift_dir`` in a server's config moves only the
hash settings and the rings. So each server starts through this file, which points Swift
at the test's swift.conf and reloads the policies, then runs the server's own script:

    python swift_boot.py ETC_DIR SCRIPT CONF [ARGS...]
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path


def skip_fsync() -> None:
    """No fsync in the test servers: their data is thrown away after the run and has to
    outlive a killed client, never a crashed machine. Swift syncs each object PUT and
    DELETE (the file and its folder, through ``os.fsync``): on this project's virtual disk
    a file and folder sync takes ~12 ms, and a 200-object PUT+DELETE ran 20-35% faster
    without (measured under load, tests/servers/README.md)."""
    os.fsync = os.fdatasync = _no_sync


def _no_sync(fd: object) -> None:
    pass


def main() -> None:
    etc, script, *rest = sys.argv[1:]
    skip_fsync()
    from swift.common import utils
    from swift.common.storage_policy import reload_storage_policies

    utils.SWIFT_CONF_FILE = str(Path(etc) / "swift.conf")
    reload_storage_policies()
    sys.argv = [script, *rest]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
