"""Running a parsed command line: the context, the command, and the one place errors
become exit codes. Imported once the arguments parsed (``storebrowser/cli/app.py``), as
it loads the accounts and the providers."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from storebrowser.accounts import redact
from storebrowser.accounts.logs import setup_logging
from storebrowser.accounts.model import AccountError
from storebrowser.accounts.store import AccountStore
from storebrowser.cli import bookmarks
from storebrowser.cli.context import Context, ExitCode, OperationFailed, UsageError
from storebrowser.core.bandwidth import BadLimit, Limits, Schedule, parse_limits
from storebrowser.core.display import display_text
from storebrowser.core.errors import Cancelled, StorageError

log = logging.getLogger(__name__)


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Run the command ``args`` names (``args.run``, set by its module's parser); the exit code."""
    prog = parser.prog  # storebrowser-cli
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
            _fail(f"{prog}: {done.message}", done.code, ctx.secrets_in_use())
        return done.code
    except UsageError as error:
        parser.print_usage(sys.stderr)
        return _fail(f"{prog}: error: {error}", 2)
    except (StorageError, AccountError, OperationFailed, Cancelled) as error:
        return _fail(f"{prog}: {error}", 1, ctx.secrets_in_use())
    except KeyboardInterrupt:
        return _fail(f"{prog}: interrupted", 1)
    except BrokenPipeError:  # `storebrowser-cli ls | head`: the reader left, not a failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # a local folder or file the command could not use
        return _fail(f"{prog}: {os_error_text(error)}", 1)
    except Exception as bug:  # a bug: one line, the traceback only with --debug
        log.debug("unexpected error", exc_info=True)
        return _fail(f"{prog}: unexpected error: {bug!r} (--debug shows where)", 1)
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
