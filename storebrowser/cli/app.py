"""Argument parsing: the global options and the commands' table, built from light modules
only. A command's module is imported when the command line names it
(``storebrowser/cli/commands.py``); the run and the one place errors become exit codes
is ``storebrowser/cli/run.py``, imported once the arguments parsed."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn

from storebrowser import APP_NAME, __version__
from storebrowser.cli.commands import COMMANDS, LazyCommands
from storebrowser.core.display import display_text

PROG = "storebrowser-cli"


class _Parser(argparse.ArgumentParser):
    """argparse quotes some arguments in its errors and prints others as they are
    (``unrecognized arguments: ...``): escape them all."""

    def error(self, message: str) -> NoReturn:
        super().error(display_text(message))


def build_parser(*, every_command: bool = False) -> argparse.ArgumentParser:
    """The parser of ``storebrowser-cli``. Its commands' parsers are built when one is
    named; ``every_command`` builds them all now (importing every command's module)."""
    # Declared as the base class, so that its sub-command table is the one the command
    # modules fill (`_SubParsersAction[ArgumentParser]`); sub-parsers are still _Parsers.
    parser: argparse.ArgumentParser = _Parser(
        prog=PROG,
        description=f"{APP_NAME} on the command line: the app's accounts, the same engine.",
        epilog="Exit codes: 0 ok, 1 the operation failed, 2 usage.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--account",
        "-a",
        metavar="NAME",
        help="the account to use (default: $STOREBROWSER_ACCOUNT, or the only one)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--part-size",
        type=int,
        metavar="MIB",
        help="upload large objects in parts of this many MiB (default: the provider's; "
        "at least the service's minimum)",
    )
    parser.add_argument(
        "--bwlimit",
        metavar="UP[:DOWN]",
        help="limit the bandwidth of transfers, as rclone does: 512K, 10M, 1M:10M (upload:download); "
        "0 or off: none",
    )
    parser.add_argument(
        "--bwlimit-hours",
        metavar="[DAYS] HH:MM-HH:MM",
        help="hold --bwlimit only at these times (e.g. 08:00-18:00, 'Mon-Fri 08:00-18:00', Sat,Sun)",
    )
    parser.add_argument("--debug", action="store_true", help="log what happens to stderr (secrets masked)")
    commands = parser.add_subparsers(action=LazyCommands, dest="command", metavar="COMMAND", required=True)
    assert isinstance(commands, LazyCommands)
    commands.add_table(COMMANDS)
    if every_command:
        commands.build_all()
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on bad usage
    from storebrowser.cli.run import run  # the accounts, the providers: after a usage error or --help

    return run(parser, args)
