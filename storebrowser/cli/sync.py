"""check and sync: compare two places, and make the right one like the left.

``check`` exits as rclone check does: 0 when the two are the same, 1 when they differ, 2
when the answer could not be had (an error, or a listing that stayed incomplete).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storebrowser.accounts.model import AccountError
from storebrowser.cli.context import Context, ExitCode, OperationFailed, UsageError
from storebrowser.core.cancel import NEVER
from storebrowser.core.errors import StorageError
from storebrowser.sync.compare import CompareOptions, Comparison, compare
from storebrowser.sync.places import PlaceProblem, SyncPlace, overlap_problem, parse_place

if TYPE_CHECKING:  # a check needs no plan (nor the transfer jobs it is made into)
    from storebrowser.sync.plan import SyncPlan

PLACE = "LOCAL_DIR|[ACCOUNT:]CONTAINER[/PREFIX]"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help="compare two places: exit 0 when the same, 1 when different, 2 on error",
        description="Compare a local folder and a container (or two containers): what is only on "
        "one side, what differs. Decided by size and an MD5 both sides vouch for, else by size "
        "and modification time (rclone's mtime metadata). A local folder is a path (/…, ./…, ~/…).",
    )
    check.add_argument("left", metavar="LEFT", help=PLACE)
    check.add_argument("right", metavar="RIGHT", help=PLACE)
    check.add_argument(
        "--checksum",
        action="store_true",
        help="compare MD5s, hashing every local file (by default only files up to 1 MiB on S3 "
        "and Swift, whose listings give no times; the rest by size and time)",
    )
    _json_option(check)
    check.set_defaults(run=cmd_check)

    sync = commands.add_parser(
        "sync",
        help="make RIGHT like LEFT (one way; deletes on the right only with --delete)",
        description="Send what is new or changed on the left to the right, as one resumable "
        "transfer job. Extra files on the right stay unless --delete, which deletes nothing when "
        "a listing was incomplete.",
    )
    sync.add_argument("left", metavar="LEFT", help=PLACE)
    sync.add_argument("right", metavar="RIGHT", help=PLACE)
    sync.add_argument("--delete", action="store_true", help="delete on the right what the left lacks")
    sync.add_argument("--dry-run", action="store_true", help="show the changes, make none")
    sync.add_argument(
        "--checksum",
        action="store_true",
        help="compare MD5s, hashing every local file (by default only files up to 1 MiB on S3 "
        "and Swift, whose listings give no times; the rest by size and time)",
    )
    sync.add_argument("--newer-only", action="store_true", help="leave keys that are newer on the right")
    _json_option(sync)
    sync.set_defaults(run=cmd_sync)


def _json_option(parser: argparse.ArgumentParser) -> None:
    """``--json`` after the places too, as rclone's users write it (the global option
    stays where it was: suppressed here unless given)."""
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )


def _places(ctx: Context, args: argparse.Namespace) -> tuple[SyncPlace, SyncPlace]:
    default = _default_account(ctx)
    try:
        left, right = parse_place(args.left, default), parse_place(args.right, default)
    except PlaceProblem as bad:
        raise UsageError(str(bad)) from None
    if left.is_local and not Path(left.local).is_dir():
        raise UsageError(f"{args.left}: no such folder")
    problem = overlap_problem(left, right)
    if problem is not None:
        raise UsageError(problem)
    return left, right


def _default_account(ctx: Context) -> str | None:
    try:
        return ctx.account().name
    except UsageError:
        return None  # several accounts and none chosen: a remote place must name its own


def _compare(ctx: Context, left: SyncPlace, right: SyncPlace, options: CompareOptions) -> Comparison:
    for place in (left, right):
        if not place.is_local:
            ctx.provider(place.account)  # opened here, once: the listings run on threads
    return compare(left, right, ctx.provider, options, NEVER)


def cmd_check(ctx: Context, args: argparse.Namespace) -> None:
    try:
        left, right = _places(ctx, args)
        comparison = _compare(ctx, left, right, CompareOptions(checksum=args.checksum))
    except (StorageError, AccountError, OperationFailed, OSError) as error:
        raise ExitCode(2, str(error)) from error
    if comparison.right_listing.missing:  # as rclone check: nothing to compare against
        what = "folder" if right.is_local else "container"
        raise ExitCode(2, f"{args.right}: no such {what}")
    ctx.emit(comparison.to_json(), _check_text)
    if not comparison.complete:
        raise ExitCode(2, "a listing was incomplete: the answer is not certain")
    if not comparison.identical:
        raise ExitCode(1)


def _check_text(value: dict[str, Any]) -> str:
    lines = [f"only on the left: {key}" for key in value["only_left"]]
    lines += [f"only on the right: {key}" for key in value["only_right"]]
    lines += [f"different ({pair['basis']}): {pair['key']}" for pair in value["different"]]
    lines += [f"not listed: {gap}" for side in ("left", "right") for gap in value["gaps"][side]]
    counts = value["counts"]
    lines.append(
        f"{counts['same']} same, {counts['different']} different, {counts['only_left']} only on the "
        f"left, {counts['only_right']} only on the right"
    )
    return "\n".join(lines)


def cmd_sync(ctx: Context, args: argparse.Namespace) -> None:
    left, right = _places(ctx, args)
    if left.is_local and right.is_local:
        raise UsageError("both places are local folders: sync takes a container on at least one side")
    from storebrowser.sync.plan import SyncOptions, make_plan

    options = CompareOptions(checksum=args.checksum, times_of_different=args.newer_only)
    comparison = _compare(ctx, left, right, options)
    plan = make_plan(comparison, SyncOptions(delete=args.delete, newer_only=args.newer_only))
    if args.dry_run:
        ctx.emit({**plan.to_json(), "dry_run": True}, _plan_text)
        _refuse_leftovers(plan)
        return
    if plan.empty:
        ctx.emit({**plan.to_json(), "items": 0}, _plan_text)
        _refuse_leftovers(plan)
        return
    if right.is_local:
        Path(right.local).mkdir(parents=True, exist_ok=True)
    else:
        ctx.provider(right.account).ensure_container(right.container)
    _run_plan(ctx, plan)
    _refuse_leftovers(plan)


def _run_plan(ctx: Context, plan: SyncPlan) -> None:
    # Imported here: a check, a dry run and a sync with nothing to do need neither the
    # engine nor the journal, nor the transfer commands' modules.
    from storebrowser.cli.jobrun import run_listed_jobs
    from storebrowser.cli.transfers import report
    from storebrowser.sync.plan import listing_of, to_spec

    jobs = run_listed_jobs(ctx, [to_spec(plan)], [listing_of(plan)], {})
    try:
        report(ctx, jobs, {key: value for key, value in plan.to_json().items() if key in _SUMMARY})
    except OperationFailed as failed:  # items failed: said with what was held back
        raise OperationFailed("; ".join([str(failed), *_leftovers(plan)])) from None


_SUMMARY = ("add", "update", "delete", "skipped", "refused", "deletions_withheld")


def _plan_text(value: dict[str, Any]) -> str:
    from storebrowser.sync.plan import Change

    lines = [f"{change.value}: {key}" for change in Change for key in value[change.value]]
    lines += [f"skipped ({why}): {key}" for key, why in value["skipped"].items()]
    lines += [f"refused: {why}" for why in value["refused"].values()]
    if value["deletions_withheld"]:
        lines.append(value["deletions_withheld"])
    if not lines:
        lines.append("nothing to change")
    return "\n".join(lines)


def _leftovers(plan: SyncPlan) -> list[str]:
    problems = []
    if plan.deletions_withheld:
        problems.append(plan.deletions_withheld)
    if plan.refused:
        problems.append(f"{len(plan.refused)} keys cannot be saved as local files and were not sent")
    return problems


def _refuse_leftovers(plan: SyncPlan) -> None:
    """Deletions held back and keys refused fail the command after the rest was done."""
    problems = _leftovers(plan)
    if problems:
        raise OperationFailed("; ".join(problems))
