"""``accounts transfers NAME``: how hard an account's transfers push (objects at once,
parts at once, part size), shown, or set with the same options ``accounts add`` takes;
``default`` puts a value back to the kind's."""

from __future__ import annotations

import argparse
from typing import Any

from storebrowser.accounts.model import Account
from storebrowser.cli.context import Context, UsageError
from storebrowser.core.tuning import BadTuning, MiB, Tuning, checked, parse_count, parse_part_size


def add_tuning_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--transfers", metavar="N", help="objects moving at once ('default': the kind's)")
    parser.add_argument("--parts", metavar="N", help="parts of one object at once ('default': the kind's)")
    parser.add_argument("--part-size", dest="account_part_size", metavar="MIB",
                        help="part size in MiB ('default': the service's own)")  # fmt: skip


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = sub.add_parser("transfers", help="show or set its transfers at once, parts, part size")
    command.add_argument("name")
    add_tuning_options(command)
    command.set_defaults(run=cmd_transfers)


def tuning_from_args(args: argparse.Namespace, current: Tuning = Tuning()) -> Tuning:  # noqa: B008 - frozen
    """``current`` with the values given on the command line; one clear line when bad."""
    try:
        transfers = current.transfers if args.transfers is None else parse_count("transfers", args.transfers)
        parts = current.parts if args.parts is None else parse_count("parts", args.parts)
        asked_size = args.account_part_size
        size = current.part_size if asked_size is None else parse_part_size(asked_size)
        return checked(transfers, parts, size)
    except BadTuning as error:
        raise UsageError(str(error)) from None


def cmd_transfers(ctx: Context, args: argparse.Namespace) -> None:
    account = ctx.account(args.name)
    if any(getattr(args, name) is not None for name in ("transfers", "parts", "account_part_size")):
        account = account.with_tuning(tuning_from_args(args, account.tuning))
        ctx.store.save(account)
    ctx.emit(tuning_row(account), _text)


def tuning_row(account: Account) -> dict[str, Any]:
    """What the engine runs the account with, and which values are its own."""
    used = account.transfer_tuning
    return {
        "account": account.name,
        "transfers": used.transfers,
        "parts": used.parts,
        "part_size_mib": None if used.part_size is None else used.part_size // MiB,
        "set_here": sorted(account.tuning.to_table()),
    }


def _text(row: dict[str, Any]) -> str:
    size = "the service's own" if row["part_size_mib"] is None else f"{row['part_size_mib']} MiB"
    own = ", ".join(row["set_here"]) or "none (the kind's defaults)"
    return (f"{row['account']}: {row['transfers']} transfers at once, {row['parts']} parts per object, "
            f"part size {size}\nset for this account: {own}")  # fmt: skip
