"""``storebrowser-cli``: the command-line companion on the same engine.

Today it answers ``--version`` and lists the provider kinds with their connection
fields; the file commands (ls, put, get, backup…) arrive with the CLI issue.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from storebrowser import APP_NAME, __version__


def _kinds() -> int:
    from storebrowser.providers.registry import kinds

    for kind in kinds().values():
        print(f"{kind.name}: {kind.label}")
        for field in kind.fields:
            flags = ", ".join(
                flag for flag, on in (("required", field.required), ("secret", field.secret)) if on
            )
            print(f"  {field.name:<22} {field.label}" + (f" ({flags})" if flags else ""))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="storebrowser-cli", description=f"{APP_NAME} on the command line.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("kinds", help="list the storage kinds and their connection fields")
    args = parser.parse_args(argv)
    if args.command == "kinds":
        return _kinds()
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
