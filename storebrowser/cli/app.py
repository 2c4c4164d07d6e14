"""Argument parsing, dispatch, and the one place errors become exit codes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from storebrowser import APP_NAME, __version__
from storebrowser.accounts import redact
from storebrowser.accounts.logs import setup_logging
from storebrowser.accounts.model import AccountError
from storebrowser.accounts.store import AccountStore
from storebrowser.cli import (
    access,
    accounts,
    bookmarks,
    container_settings,
    edit,
    find,
    objects,
    sync,
    tiers,
    transfers,
    versions,
)
from storebrowser.cli.context import Context, ExitCode, OperationFailed, UsageError
from storebrowser.core.bandwidth import BadLimit, Limits, Schedule, parse_limits
from storebrowser.core.display import display_text
from storebrowser.core.errors import Cancelled, StorageError

PROG = "storebrowser-cli"
log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse quotes some arguments in its errors and prints others as they are
    (``unrecognized arguments: ...``): escape them all."""

    def error(self, message: str) -> NoReturn:
        super().error(display_text(message))


def build_parser() -> argparse.ArgumentParser:
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    accounts.add_commands(commands)
    objects.add_commands(commands)
    transfers.add_commands(commands)
    tiers.add_commands(commands)
    find.add_commands(commands)
    access.add_commands(commands)
    container_settings.add_commands(commands)
    versions.add_commands(commands)
    bookmarks.add_commands(commands)
    edit.add_commands(commands)
    sync.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on bad usage
    setup_logging(args.debug)
    if args.part_size is not None and args.part_size < 1:
        parser.error("--part-size must be at least 1 (MiB)")
    try:
        limits = bandwidth_limits(args.bwlimit, args.bwlimit_hours)
    except BadLimit as error:
        parser.error(f"--bwlimit: {error}")
    ctx = Context(
        AccountStore.default,
        account_name=args.account,
        json=args.json,
        part_size_mib=args.part_size,
        limits=limits,
    )
    try:
        bookmarks.expand_place_arguments(ctx, args)
        args.run(ctx, args)
    except ExitCode as done:
        if done.message:
            _fail(f"{PROG}: {done.message}", done.code, ctx.secrets_in_use())
        return done.code
    except UsageError as error:
        parser.print_usage(sys.stderr)
        return _fail(f"{PROG}: error: {error}", 2)
    except (StorageError, AccountError, OperationFailed, Cancelled) as error:
        return _fail(f"{PROG}: {error}", 1, ctx.secrets_in_use())
    except KeyboardInterrupt:
        return _fail(f"{PROG}: interrupted", 1)
    except BrokenPipeError:  # `storebrowser-cli ls | head`: the reader left, not a failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # a local folder or file the command could not use
        return _fail(f"{PROG}: {os_error_text(error)}", 1)
    except Exception as bug:  # a bug: one line, the traceback only with --debug
        log.debug("unexpected error", exc_info=True)
        return _fail(f"{PROG}: unexpected error: {bug!r} (--debug shows where)", 1)
    finally:
        ctx.close()
    return 0


def bandwidth_limits(bwlimit: str | None, hours: str | None) -> Limits:
    """The limits of ``--bwlimit`` and ``--bwlimit-hours``; ``BadLimit`` says what is wrong."""
    if bwlimit is None:
        if hours is not None:
            raise BadLimit("--bwlimit-hours needs a --bwlimit to hold")
        return Limits()
    up, down = parse_limits(bwlimit)
    return Limits(up, down, Schedule.parse(hours) if hours is not None else None)


def _fail(message: str, code: int, secrets: list[str] | None = None) -> int:
    """Print ``message`` with secrets masked: those of the account in use when known, so
    that another account's secret that happens to be a word here does not garble it."""
    print(display_text(redact.SECRETS.redact(message, only=secrets)), file=sys.stderr)
    return code


def os_error_text(error: OSError) -> str:
    """``somefile.txt/sub: Not a directory``: the path and what the system said."""
    reason = error.strerror or str(error)
    paths = [str(p) for p in (error.filename, error.filename2) if p is not None]
    return f"{' -> '.join(paths)}: {reason}" if paths else reason
