"""versioning, versions, revert, undelete, snapshot: earlier versions on the command line.
(``cat``, ``get`` and ``rm`` take ``--version`` too; they call in here.)"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from storebrowser.cli.context import Context, OperationFailed, UsageError, split_location, split_object
from storebrowser.cli.jobrun import run_jobs
from storebrowser.cli.prompt import agrees
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectVersion, VersioningState
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import JobSpec, State
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.transfers.range_read import RangeRead
from storebrowser.transfers.stream import VerifiedRead
from storebrowser.transfers.version_download import download_version
from storebrowser.versions.history import iter_versions
from storebrowser.versions.plan import PlanAction, PlanItem, RestorePlan, make_plan
from storebrowser.versions.restore import Undeleted, deleted_keys, held_back, plan_spec, revert, undelete


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    versioning = commands.add_parser(
        "versioning", help="show whether a container keeps versions, or turn it on or off"
    )
    versioning.add_argument("container")
    versioning.add_argument(
        "switch", nargs="?", choices=("on", "off"), help="off suspends: kept versions stay"
    )
    _json_flag(versioning)
    versioning.set_defaults(run=cmd_versioning)

    versions = commands.add_parser(
        "versions", help="list versions and delete markers of CONTAINER[/PREFIX], newest first per key"
    )
    versions.add_argument("location", metavar="CONTAINER[/PREFIX]")
    versions.add_argument("--recursive", "-r", action="store_true", help="every key, not folder by folder")
    _json_flag(versions)
    versions.set_defaults(run=cmd_versions)

    revert_cmd = commands.add_parser(
        "revert", help="make an earlier version current again (server-side copy)"
    )
    revert_cmd.add_argument("object", metavar="CONTAINER/KEY")
    revert_cmd.add_argument("--version", required=True, metavar="ID", dest="version_id")
    _json_flag(revert_cmd)
    revert_cmd.set_defaults(run=cmd_revert)

    undelete_cmd = commands.add_parser(
        "undelete",
        help="bring back deleted objects; with --as-of, bring a prefix back to a moment",
        description="Without --as-of: bring back deleted keys (with -r: every deleted key under each "
        "prefix). With --as-of: make each key (with -r: each prefix) exactly what it was at that "
        "moment: changed keys go back, deleted ones come back, keys made since get a delete marker.",
    )
    undelete_cmd.add_argument("objects", nargs="+", metavar="CONTAINER/KEY")
    undelete_cmd.add_argument("--recursive", "-r", action="store_true", help="each argument is a prefix")
    undelete_cmd.add_argument(
        "--as-of", metavar="ISO-8601", help="e.g. 2024-05-01T12:00:00Z (local time without a zone)"
    )
    undelete_cmd.add_argument(
        "--dry-run", action="store_true", help="show what would be done, change nothing"
    )
    undelete_cmd.add_argument(
        "--permanently-delete",
        action="store_true",
        help="where the service has no delete markers (Azure), delete the keys made since the moment "
        "for good, with their snapshots (otherwise asked on a terminal, or left)",
    )
    _json_flag(undelete_cmd)
    undelete_cmd.set_defaults(run=cmd_undelete)

    snapshot = commands.add_parser(
        "snapshot", help="keep the current content of objects as a snapshot (Azure)"
    )
    snapshot.add_argument("objects", nargs="+", metavar="CONTAINER/KEY")
    _json_flag(snapshot)
    snapshot.set_defaults(run=cmd_snapshot)


def _json_flag(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: absent here, the global --json (before the command) stays as it was.
    parser.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )


def use_json(ctx: Context, args: argparse.Namespace) -> None:
    ctx.json = ctx.json or bool(getattr(args, "json", False))


def _versioned(ctx: Context) -> Provider:
    provider = ctx.provider()
    if not provider.capabilities.versioning:
        raise OperationFailed(
            f"{provider.describe()} keeps no versions: {provider.capabilities.versioning_note}."
        )
    return provider


# -- versioning, versions ----------------------------------------------------------------


def _state_dict(container: str, state: VersioningState) -> dict[str, Any]:
    return {"container": container, "status": state.status.value, "reason": state.reason}


def cmd_versioning(ctx: Context, args: argparse.Namespace) -> None:
    use_json(ctx, args)
    provider = ctx.provider()
    if args.switch is None:
        state = provider.versioning_state(args.container)
    else:
        state = _versioned(ctx).set_versioning(args.container, args.switch == "on")
    ctx.emit(_state_dict(args.container, state), _state_text)


def _state_text(value: dict[str, Any]) -> str:
    return f"{value['container']}: {value['status']}" + (f" ({value['reason']})" if value["reason"] else "")


def version_dict(entry: ObjectVersion) -> dict[str, Any]:
    return {
        "key": entry.key,
        "folder": entry.is_prefix,
        "version_id": entry.version_id,
        "is_latest": entry.is_latest,
        "is_delete_marker": entry.is_delete_marker,
        "size": entry.size,
        "modified": entry.modified.isoformat() if entry.modified else None,
        "etag": entry.etag,
    }


def _version_line(entry: ObjectVersion) -> str:
    if entry.is_prefix:
        return f"{'':>16}  {'PRE':>12}  {'':<6}  {'':<32}  {entry.key}"
    modified = entry.modified.strftime("%Y-%m-%d %H:%M") if entry.modified else ""
    size = "DELETED" if entry.is_delete_marker else str(entry.size)
    flag = "LATEST" if entry.is_latest else ""
    return f"{modified:>16}  {size:>12}  {flag:<6}  {entry.version_id:<32}  {entry.key}"


def cmd_versions(ctx: Context, args: argparse.Namespace) -> None:
    use_json(ctx, args)
    provider = _versioned(ctx)
    container, prefix = split_location(args.location)
    entries = iter_versions(provider, container, prefix, None if args.recursive else "/")
    if ctx.json:
        ctx.emit([version_dict(entry) for entry in entries], str)
        return
    for entry in entries:  # streams page by page
        ctx.write_line(_version_line(entry))


# -- one version: revert, cat, get, rm ---------------------------------------------------


def cmd_revert(ctx: Context, args: argparse.Namespace) -> None:
    use_json(ctx, args)
    container, key = split_object(args.object)
    info = revert(_versioned(ctx), container, key, args.version_id)
    ctx.emit(
        {
            "reverted": f"{container}/{key}",
            "version_id": args.version_id,
            "size": info.size,
            "etag": info.etag,
        },
        lambda v: f"{v['reverted']}: version {v['version_id']} is current again",
    )


def read_version(
    ctx: Context, container: str, key: str, version_id: str, asked: ByteRange
) -> Iterable[bytes]:
    """``cat --version``: a whole version checked as it streams, as ``cat`` is; a range as
    ``RangeRead`` can (``cat`` says when it cannot)."""
    provider = _versioned(ctx)
    if asked.is_whole:
        return VerifiedRead(provider, container, key, version_id=version_id, bandwidth=ctx.bandwidth)
    return RangeRead(provider, container, key, asked, version_id=version_id, bandwidth=ctx.bandwidth)


def get_version(ctx: Context, objects: list[str], folder: Path, version_id: str) -> None:
    if len(objects) != 1:
        raise UsageError("get --version takes one CONTAINER/KEY")
    container, key = split_object(objects[0])
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; give the folder to download into")
    provider = _versioned(ctx)
    folder.mkdir(parents=True, exist_ok=True)
    done = download_version(provider, container, key, version_id, folder, bandwidth=ctx.bandwidth)
    ctx.emit(
        {
            "object": f"{container}/{key}",
            "version_id": version_id,
            "path": str(done.path),
            "size": done.size,
            "verified": done.verified,
        },
        lambda v: f"{v['path']}: {v['size']:,} bytes, verified: {v['verified']}",
    )


def rm_version(ctx: Context, objects: list[str], version_id: str, yes: bool) -> None:
    if len(objects) != 1:
        raise UsageError("rm --version takes one CONTAINER/KEY")
    container, key = split_object(objects[0])
    provider = _versioned(ctx)
    question = f"Delete version {version_id} of {container}/{key} for good? It cannot be brought back."
    if not (yes or agrees(question)):
        raise OperationFailed(
            "not deleted: deleting a version is for good; confirm on a terminal or give --yes"
        )
    provider.delete_version(container, key, version_id)
    ctx.emit(
        {"deleted": f"{container}/{key}", "version_id": version_id},
        lambda v: f"deleted version {v['version_id']} of {v['deleted']}",
    )


# -- undelete ----------------------------------------------------------------------------


def parse_moment(text: str) -> datetime:
    """ISO-8601 (``Z`` allowed); without a zone, this computer's local time."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"--as-of {text!r}: not an ISO-8601 date and time (e.g. 2024-05-01T12:00:00Z, or "
            "2024-05-01 14:30 in local time)"
        ) from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def cmd_undelete(ctx: Context, args: argparse.Namespace) -> None:
    use_json(ctx, args)
    moment = parse_moment(args.as_of) if args.as_of is not None else None  # bad input before any I/O
    places = [split_location(place) if args.recursive else split_object(place) for place in args.objects]
    provider = _versioned(ctx)
    if moment is not None:
        _undelete_as_of(ctx, provider, places, moment, args)
        return
    rows: list[dict[str, Any]] = []
    for container, key in places:
        keys = deleted_keys(provider, container, key, recursive=True) if args.recursive else [key]
        rows += [_undelete_one(provider, container, name, args.dry_run) for name in keys]
    ctx.emit({"dry_run": args.dry_run, "objects": rows}, _undelete_text)


def _undelete_one(provider: Provider, container: str, key: str, dry_run: bool) -> dict[str, Any]:
    if dry_run:
        from storebrowser.versions.history import is_current, versions_of

        group = versions_of(provider, container, key)
        how = "not deleted" if is_current(group) else "would be brought back"
        return {"object": f"{container}/{key}", "how": how}
    result: Undeleted = undelete(provider, container, key)
    return {"object": f"{container}/{key}", "how": result.how.value, "version_id": result.version_id}


def _undelete_text(value: dict[str, Any]) -> str:
    lines = [f"{row['object']}: {row['how']}" for row in value["objects"]]
    return "\n".join(lines) or "nothing deleted there"


def _undelete_as_of(
    ctx: Context,
    provider: Provider,
    places: list[tuple[str, str]],
    moment: datetime,
    args: argparse.Namespace,
) -> None:
    """Plan each place, then (unless a dry run) apply the plans as engine jobs, one per
    place (``JobKind.RESTORE_AS_OF``): interrupted or killed, `jobs resume` finishes them."""
    plans = [
        _plan(provider, container, prefix, moment, exact_key=not args.recursive)
        for container, prefix in places
    ]
    outcomes: list[dict[str, str] | None] = [None] * len(plans)
    if not args.dry_run:
        outcomes = _apply(ctx, plans, args.permanently_delete)
    results = [_plan_dict(plan, outcome) for plan, outcome in zip(plans, outcomes, strict=True)]
    incomplete = [
        note for plan, outcome in zip(plans, outcomes, strict=True) for note in _left_undone(plan, outcome)
    ]
    ctx.emit({"as_of": moment.isoformat(), "dry_run": args.dry_run, "plans": results}, _plans_text)
    if incomplete:
        raise OperationFailed("not back to the moment exactly: " + "; ".join(incomplete))


def _plan(
    provider: Provider, container: str, prefix: str, moment: datetime, *, exact_key: bool
) -> RestorePlan:
    plan = make_plan(provider, container, prefix, moment)
    if not exact_key:
        return plan
    items = tuple(item for item in plan.items if item.key == prefix)
    if not items:
        raise OperationFailed(f"{container}/{prefix} has no versions (for a prefix, give -r)")
    return RestorePlan(plan.container, prefix, moment, items, plan.permanent_deletes)


def _apply(ctx: Context, plans: list[RestorePlan], permanently_delete: bool) -> list[dict[str, str] | None]:
    """Each plan's outcome per key: its job's items, and the deletions held back."""
    account = ctx.account().name
    specs: list[tuple[int, JobSpec]] = []
    outcomes: list[dict[str, str] | None] = []
    for n, plan in enumerate(plans):
        allowed = _allows_permanent_deletes(plan, permanently_delete)
        outcomes.append({item.key: NEEDS_CONFIRMATION for item in held_back(plan, allowed)})
        spec = plan_spec(account, plan, allow_permanent_deletes=allowed)
        if spec is not None:
            specs.append((n, spec))
    if specs:
        jobs = run_jobs(ctx, [spec for _n, spec in specs])
        for (n, _spec), job in zip(specs, jobs, strict=True):
            outcome = outcomes[n]
            assert outcome is not None
            outcome.update(_job_outcome(job))
    return outcomes


NEEDS_CONFIRMATION = "needs confirmation"


def _allows_permanent_deletes(plan: RestorePlan, permanently_delete: bool) -> bool:
    deletes = plan.count(PlanAction.DELETE)
    if permanently_delete or not plan.permanent_deletes or not deletes:
        return permanently_delete
    return agrees(
        f"{deletes} object(s) in {plan.container} did not exist at that moment. The service keeps "
        "no delete markers: delete them for good, with their snapshots?"
    )


def _job_outcome(job: JobSnapshot) -> dict[str, str]:
    """``done``, ``failed: why``, or ``not done`` (the job stopped first), per key."""
    outcome = {}
    for item in job.items:
        if item.state is State.DONE:
            outcome[item.key] = "done"
        elif item.state is State.FAILED:
            outcome[item.key] = f"failed: {item.error or 'failed'}"
        else:
            outcome[item.key] = "not done (`storebrowser-cli jobs resume` finishes it)"
    if job.error and not job.items:
        outcome.update({key: f"failed: {job.error}" for key in job.spec.sources})
    return outcome


def _plan_dict(plan: RestorePlan, outcome: dict[str, str] | None) -> dict[str, Any]:
    outcome = outcome or {}
    return {
        "container": plan.container,
        "prefix": plan.prefix,
        "permanent_deletes": plan.permanent_deletes,
        "counts": {action.value: plan.count(action) for action in PlanAction},
        "items": [_item_dict(item, outcome.get(item.key)) for item in plan.items],
    }


def _item_dict(item: PlanItem, outcome: str | None) -> dict[str, Any]:
    return {
        "key": item.key,
        "action": item.action.value,
        "version_id": item.target.version_id if item.target else None,
        "current_version_id": item.current.version_id if item.current else None,
        "outcome": outcome,
    }


def _left_undone(plan: RestorePlan, outcome: dict[str, str] | None) -> list[str]:
    notes = [f"{item.key}: {_why_unknown(item)}" for item in plan.unknown]
    for key, said in (outcome or {}).items():
        if said == NEEDS_CONFIRMATION:
            notes.append(f"{key}: would be deleted for good (give --permanently-delete)")
        elif said != "done":
            notes.append(f"{key}: {said}")
    return notes


def _why_unknown(item: PlanItem) -> str:
    if item.current is None and item.target is not None and item.target.modified is not None:
        when = item.target.modified.isoformat()
        return f"deleted at a time not recorded, after {when}: left deleted (it may not have existed then)"
    return "what it held then was not kept"


_VERBS = {
    PlanAction.RESTORE: "restore",
    PlanAction.UNDELETE: "bring back",
    PlanAction.DELETE: "delete",
    PlanAction.UNKNOWN: "unknown",
}


def _plans_text(value: dict[str, Any]) -> str:
    return "\n".join(_plan_lines(value))


def _plan_lines(value: dict[str, Any]) -> Iterator[str]:
    would = "would " if value["dry_run"] else ""
    for plan in value["plans"]:
        for item in plan["items"]:
            action = PlanAction(item["action"])
            if action is PlanAction.KEEP:
                continue
            version = f" (version {item['version_id']})" if item["version_id"] else ""
            outcome = f": {item['outcome']}" if item["outcome"] and item["outcome"] != "done" else ""
            yield f"{would}{_VERBS[action]} {plan['container']}/{item['key']}{version}{outcome}"
        counts = plan["counts"]
        unknown = f", {counts['unknown']} unknown" if counts["unknown"] else ""
        yield (
            f"{plan['container']}/{plan['prefix']} as of {value['as_of']}: {counts['restore']} to restore, "
            f"{counts['undelete']} to bring back, {counts['delete']} to delete, "
            f"{counts['keep']} right already{unknown}"
        )


# -- snapshots ---------------------------------------------------------------------------


def cmd_snapshot(ctx: Context, args: argparse.Namespace) -> None:
    use_json(ctx, args)
    provider = ctx.provider()
    if not provider.capabilities.snapshots:
        raise OperationFailed(
            f"{provider.describe()} takes no snapshots: {provider.capabilities.versioning_note}."
        )
    taken = []
    for place in args.objects:
        container, key = split_object(place)
        taken.append(version_dict(provider.create_snapshot(container, key)) | {"container": container})
    ctx.emit(
        taken,
        lambda rows: "\n".join(f"{r['container']}/{r['key']}: snapshot {r['version_id']}" for r in rows),
    )
