"""``access``: who can read a container or an object, checked live, and changed.

Without a level it reports (``--check`` adds the anonymous requests); with one it shows
the exact change, asks before anything becomes public (a terminal question, or
``--yes``), makes it, and reports again. An account that cannot make the change is told
why, and nothing is sent.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from storebrowser.cli.context import Context, OperationFailed, split_location
from storebrowser.cli.prompt import agrees
from storebrowser.core.access import DISAGREEMENT_HINT, AccessLevel, AccessPlan, AccessReport, LiveCheck
from storebrowser.core.display import display_rows

LEVELS = [level.value for level in AccessLevel]


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """``--json`` after the command too (absent, the global one stands)."""
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    access = commands.add_parser(
        "access",
        help="who can read a container or object without signing in; change it",
        description="Say who can read CONTAINER (or one object) without credentials and how that comes "
        "about; with a level, change it (the exact change is shown, and making anything public asks "
        "first). --check also asks the server as a stranger would.",
    )
    access.add_argument("location", metavar="CONTAINER[/KEY]")
    access.add_argument("level", nargs="?", choices=LEVELS, help="the access to give")
    access.add_argument("--check", action="store_true", help="fetch the plain URL with no credentials too")
    access.add_argument("--yes", action="store_true", help="make it public without asking")
    add_json_option(access)
    access.set_defaults(run=cmd_access)


def cmd_access(ctx: Context, args: argparse.Namespace) -> None:
    container, key = split_location(args.location)
    provider = ctx.provider()
    target = key or None
    if args.level is None:
        report = provider.access_report(container, target)
        _emit(ctx, report, provider.live_check(container, target) if args.check else None)
        return
    plan = provider.plan_access(container, target, AccessLevel(args.level))
    if plan.refusal is not None:
        raise OperationFailed(f"{_subject(plan)} cannot be made {plan.level.label.lower()}: {plan.refusal}.")
    if plan.nothing_to_do:
        report = provider.access_report(container, target)
        _emit(ctx, report, provider.live_check(container, target) if args.check else None, plan)
        return
    _show_plan(ctx, plan)
    if plan.makes_public and not args.yes and not agrees(_question(plan)):
        raise OperationFailed(
            f"Nothing was changed: making {_subject(plan)} public needs a yes at the terminal, or --yes."
        )
    report = provider.apply_access(plan)
    _emit(ctx, report, provider.live_check(container, target) if args.check else None, plan)


def _subject(plan: AccessPlan) -> str:
    return plan.container if plan.key is None else f"{plan.container}/{plan.key}"


def _question(plan: AccessPlan) -> str:
    return f"This makes readable by anyone, without signing in: {plan.exposes}. Go ahead?"


def _show_plan(ctx: Context, plan: AccessPlan) -> None:
    """The change, on stderr before the question (stdout keeps the report, or the JSON)."""
    lines = [f"To make {_subject(plan)} {plan.level.label.lower()}:"]
    lines += [f"  {change}" for change in plan.changes]
    if plan.exposes:
        lines.append(f"Readable by anyone afterwards: {plan.exposes}.")
    sys.stderr.write(display_rows(lines) + "\n")
    sys.stderr.flush()


def _emit(
    ctx: Context, report: AccessReport, check: LiveCheck | None, plan: AccessPlan | None = None
) -> None:
    value: dict[str, Any] = report.to_json()
    if plan is not None:
        value["change"] = plan.to_json()
    if check is not None:
        value["check"] = {**check.to_json(), "disagreements": check.disagreements(report.access)}
    ctx.emit(value, lambda v: _text(report, check, plan))


def _text(report: AccessReport, check: LiveCheck | None, plan: AccessPlan | None) -> str:
    lines = []
    if plan is not None:
        already = f"Already {plan.level.label.lower()}: nothing to change."
        lines.append("Changed." if plan.changes else already)
    lines += [report.sentence, *(f"  {line}" for line in report.how)]
    lines += [f"Note: {note}" for note in report.notes]
    if check is not None:
        lines += ["Live check:", *(f"  {answer.sentence()}" for answer in check.answers)]
        lines += [f"  {gap}" for gap in check.gaps]
        disagreements = check.disagreements(report.access)
        lines += [f"  {line}" for line in disagreements]
        if disagreements:
            lines.append(f"  {DISAGREEMENT_HINT}")
        elif check.answers:
            lines.append("  The live answer agrees with the settings.")
    if plan is None:
        offered = [level.value for level in report.levels if level not in report.refusals]
        lines.append(f"Changes offered: {', '.join(offered) or 'none'}")
        lines += [f"  {level.value}: not possible: {why}." for level, why in report.refusals.items()]
    return display_rows(lines)
