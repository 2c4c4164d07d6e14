"""``storebrowser-cli``: the command-line companion, on the same accounts and engine.

Exit codes: 0 ok, 1 the operation failed, 2 usage. Errors are one line on stderr, never
a traceback; ``--json`` gives machine-readable output on stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from storebrowser.cli.app import main as _main


def main(argv: Sequence[str] | None = None) -> int:
    return _main(argv)


if __name__ == "__main__":
    sys.exit(main())
