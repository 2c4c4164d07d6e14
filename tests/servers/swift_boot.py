"""Start one Swift server with the storage policies of the test's own swift.conf.

Swift reads its storage policies once, when ``swift.common.storage_policy`` is first
imported, from /etc/swift/swift.conf; ``swift_dir`` in a server's config moves only the
hash settings and the rings. So each server starts through this file, which points Swift
at the test's swift.conf and reloads the policies, then runs the server's own script:

    python swift_boot.py ETC_DIR SCRIPT CONF [ARGS...]
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def main() -> None:
    etc, script, *rest = sys.argv[1:]
    from swift.common import utils
    from swift.common.storage_policy import reload_storage_policies

    utils.SWIFT_CONF_FILE = str(Path(etc) / "swift.conf")
    reload_storage_policies()
    sys.argv = [script, *rest]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
