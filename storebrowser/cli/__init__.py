"""``storebrowser-cli``: the command-line companion, on the same accounts and engine.

Exit codes: 0 ok, 1 the operation failed, 2 usage. Errors are one line on stderr, never
a traceback; ``--json`` gives machine-readable output on stdout.

Nothing is imported here: every ``storebrowser.cli.*`` module imports this package first,
and the command line itself imports only what the command it names needs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from storebrowser.cli.app import main as parse_and_run

    return parse_and_run(argv)


if __name__ == "__main__":
    sys.exit(main())
