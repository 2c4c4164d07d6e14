"""Storage classes, archive restores and tags: class, thaw, tags, classes.

``class`` and ``thaw`` run object by object for now, each with its own result, and end
with the list of those that failed (exit 1 when any did). Everything that can be judged
without the server (an unknown class or priority, days where the service takes none, a
tag over the limits) is refused before the first request, as a usage error (exit 2).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from storebrowser.cli.context import (
    Context,
    OperationFailed,
    UsageError,
    parse_pairs,
    split_location,
    split_object,
)
from storebrowser.core.errors import InvalidStorageClass, InvalidTags, StorageError
from storebrowser.core.listing import iter_objects
from storebrowser.core.tags import apply_tag_edit
from storebrowser.core.tiers import ClassScope, StorageClasses
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider

#: How long S3 keeps a restored copy when --days is not given.
DEFAULT_DAYS = 7


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    change = commands.add_parser(
        "class",
        help="change the storage class (access tier) of objects",
        description="Change the storage class of objects, one by one; S3 copies each onto itself "
        "(metadata, content settings and tags kept), Azure sets the access tier. Out of an "
        "archive this is a restore for good (Azure; S3 objects must be thawed first).",
    )
    change.add_argument("objects", nargs="+", metavar="CONTAINER/KEY")
    change.add_argument("storage_class", metavar="CLASS", help="see `storebrowser-cli classes`")
    change.add_argument("--recursive", "-r", action="store_true", help="every object under each prefix")
    change.add_argument("--priority", help="Azure: the rehydrate priority out of Archive (Standard, High)")
    change.set_defaults(run=cmd_class)

    thaw = commands.add_parser("thaw", help="restore archived objects (S3 Glacier, Azure Archive)")
    thaw.add_argument("objects", nargs="+", metavar="CONTAINER/KEY")
    thaw.add_argument("--recursive", "-r", action="store_true", help="the archived objects under each prefix")
    thaw.add_argument(
        "--days", type=int, help=f"S3: how long the restored copy stays (default {DEFAULT_DAYS})"
    )
    thaw.add_argument("--priority", help="S3: Expedited, Standard, Bulk; Azure: Standard, High")
    thaw.add_argument("--to", metavar="CLASS", help="Azure: the tier to rehydrate into (default Hot)")
    thaw.set_defaults(run=cmd_thaw)

    tags = commands.add_parser("tags", help="show or change an object's tags (S3 tagging, Azure index tags)")
    tags.add_argument("object", metavar="CONTAINER/KEY")
    tags.add_argument("action", nargs="?", choices=("set", "unset"))
    tags.add_argument("pairs", nargs="*", metavar="KEY=VALUE (set) or KEY (unset)")
    tags.set_defaults(run=cmd_tags)

    classes = commands.add_parser("classes", help="the storage classes the account offers")
    classes.add_argument("container", nargs="?", help="also say which class this container was created in")
    classes.set_defaults(run=cmd_classes)
    for parser in (change, thaw, tags, classes):
        # As the global --json, also after the command (SUPPRESS: absent, the global one stands).
        parser.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
        )


# -- one object after the other ---------------------------------------------------------


@dataclass
class Outcome:
    """What happened to each object, in order, and which failed."""

    items: list[dict[str, Any]] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    def add(self, place: str, result: str, info: ObjectInfo | None = None, note: str = "") -> None:
        self.items.append({"object": place, "result": result, "note": note, **_state(info)})

    def fail(self, place: str, error: StorageError) -> None:
        self.items.append({"object": place, "result": "failed", "error": error.message})
        self.failed[place] = error.message


def _state(info: ObjectInfo | None) -> dict[str, Any]:
    if info is None:
        return {}
    archive = info.archive.to_json() if info.archive else None
    return {"storage_class": info.storage_class, "archive": archive}


def _objects(provider: Provider, locations: list[str], recursive: bool) -> Iterator[tuple[str, ObjectInfo]]:
    """``(container, entry)`` for each object named, or under each prefix with -r."""
    for location in locations:
        if not recursive:
            container, key = split_object(location)
            yield container, ObjectInfo(key=key)
            continue
        container, prefix = split_location(location)
        for entry in iter_objects(provider, container, prefix, None):
            yield container, entry


def _each(ctx: Context, objects: Iterator[tuple[str, ObjectInfo]], act: Callable[..., None]) -> Outcome:
    outcome = Outcome()
    for container, entry in objects:
        place = f"{container}/{entry.key}"
        try:
            act(outcome, place, container, entry)
        except StorageError as error:
            outcome.fail(place, error)
        if not ctx.json:
            ctx.out.write(_item_line(outcome.items[-1]) + "\n")
            ctx.out.flush()
    return outcome


def _item_line(item: dict[str, Any]) -> str:
    if item["result"] == "failed":
        return f"failed {item['object']}: {item['error']}"
    details = [item.get("storage_class") or "", item.get("note") or ""]
    shown = "; ".join(detail for detail in details if detail)
    return f"{item['result']} {item['object']}" + (f": {shown}" if shown else "")


def _finish(ctx: Context, outcome: Outcome) -> None:
    if ctx.json:
        ctx.emit({"items": outcome.items, "failed": outcome.failed}, str)
    elif not outcome.items:
        ctx.out.write("no objects\n")
    if outcome.failed:
        raise OperationFailed(f"{len(outcome.failed)} of {len(outcome.items)} objects failed")


# -- class ----------------------------------------------------------------------------------


def cmd_class(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    classes = _classes(provider, "storage_tiers", "change the storage class of objects")
    wanted = _checked(lambda: classes.find(args.storage_class).name)
    if args.priority is not None and not classes.restore_targets:
        raise UsageError("--priority is for a change out of an archive tier (Azure); S3 restores with `thaw`")
    priority = _checked(lambda: classes.priority(args.priority))

    def change(outcome: Outcome, place: str, container: str, entry: ObjectInfo) -> None:
        result = provider.set_storage_class(container, entry.key, wanted, priority=priority)
        outcome.add(place, "changed" if result.changed else "unchanged", result.info, result.note)

    _finish(ctx, _each(ctx, _objects(provider, args.objects, args.recursive), change))


def _classes(provider: Provider, capability: str, what: str) -> StorageClasses:
    """The account's classes where ``capability`` is on; else why not, as a failure."""
    if not getattr(provider.capabilities, capability):
        reason = provider.capabilities.reason(capability) or f"it cannot {what}"
        raise OperationFailed(f"{provider.describe()}: {reason}")
    return provider.storage_classes()


def _checked(check: Callable[[], Any]) -> Any:
    """A check that needs no server: its refusal is a usage error."""
    try:
        return check()
    except (InvalidStorageClass, InvalidTags) as error:
        raise UsageError(error.message) from None


def upload_class(provider: Provider, storage_class: str | None) -> str | None:
    """``put --class``: the service's name of the class, checked before anything is sent."""
    if storage_class is None:
        return None
    classes = _classes(provider, "storage_tiers", "store objects in a storage class of their own")
    return _checked(lambda: classes.find(storage_class).name)


def container_class(provider: Provider, storage_class: str) -> str:
    """``mb --class``: the class (Swift storage policy) to create a container in."""
    classes = _classes(provider, "container_classes", "create a container in a storage class")
    return _checked(lambda: classes.find(storage_class).name)


# -- thaw ------------------------------------------------------------------------------------


def cmd_thaw(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    classes = _classes(provider, "archive_restore", "restore archived objects")
    priority = _checked(lambda: classes.priority(args.priority))
    days, target = _restore_options(classes, args)

    def thaw(outcome: Outcome, place: str, container: str, entry: ObjectInfo) -> None:
        if args.recursive and not classes.is_archive(entry.storage_class):
            outcome.add(place, "skipped", entry, "not archived")
            return
        info = provider.restore_object(
            container, entry.key, days=days, priority=priority, storage_class=target
        )
        result = info.archive.state.value if info.archive else "restored"
        outcome.add(place, result, info, _restore_note(info))

    _finish(ctx, _each(ctx, _objects(provider, args.objects, args.recursive), thaw))


def _restore_options(classes: StorageClasses, args: argparse.Namespace) -> tuple[int | None, str | None]:
    if classes.restore_days:
        if args.to is not None:
            raise UsageError("--to is for Azure; an S3 restore keeps the object in its class")
        days = DEFAULT_DAYS if args.days is None else args.days
        if days < 1:
            raise UsageError(f"--days {days}: a restored copy stays 1 day at least")
        return days, None
    if args.days is not None:
        raise UsageError("--days is for S3; this service restores (rehydrates) for good")
    target = None if args.to is None else _checked(lambda: classes.find(args.to).name)
    if target is not None and target not in classes.restore_targets:
        raise UsageError(f"--to {target}: choose one of {', '.join(classes.restore_targets)}")
    return None, target


def _restore_note(info: ObjectInfo) -> str:
    return info.archive.describe() if info.archive else f"readable now ({info.storage_class})"


# -- tags ------------------------------------------------------------------------------------


def cmd_tags(ctx: Context, args: argparse.Namespace) -> None:
    container, key = split_object(args.object)
    provider = ctx.provider()
    if not provider.capabilities.object_tags:
        reason = provider.capabilities.reason("object_tags") or "it has no object tags"
        raise OperationFailed(f"{provider.describe()}: {reason}")
    if args.action is None and args.pairs:
        raise UsageError("tags: say `set KEY=VALUE...` or `unset KEY...`")
    if args.action is None:
        tags = provider.get_tags(container, key)
    else:
        tags = _edit_tags(provider, container, key, args.action, args.pairs)
    ctx.emit(
        {"object": f"{container}/{key}", "tags": tags},
        lambda v: "\n".join(f"{k}={val}" for k, val in sorted(v["tags"].items())),
    )


def _edit_tags(provider: Provider, container: str, key: str, action: str, pairs: list[str]) -> dict[str, str]:
    if not pairs:
        raise UsageError(f"tags {action} needs {'KEY=VALUE pairs' if action == 'set' else 'the KEYs'}")
    new = parse_pairs(pairs) if action == "set" else {}
    _checked(lambda: provider.check_tags(new, key=key))  # before any request
    current = provider.get_tags(container, key)
    missing = sorted(set(pairs) - set(current)) if action == "unset" else []
    if missing:
        raise UsageError(f"not among the tags of {key!r}: {', '.join(missing)}")
    tags = apply_tag_edit(current, new, pairs if action == "unset" else [])
    _checked(lambda: provider.check_tags(tags, key=key))  # the whole set: at most 10
    provider.set_tags(container, key, tags)
    return tags


# -- classes ---------------------------------------------------------------------------------


def cmd_classes(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    classes = provider.storage_classes()
    value: dict[str, Any] = {
        "noun": classes.noun,
        "scope": classes.scope.value,
        "classes": [
            {"name": c.name, "description": c.description, "archive": c.archive, "default": c.default}
            for c in classes.classes
        ],
        "restore_priorities": [{"name": p.name, "description": p.description} for p in classes.priorities],
        "restore_days": classes.restore_days,
        "restore_targets": list(classes.restore_targets),
    }
    if args.container:
        if classes.scope is not ClassScope.CONTAINER:
            raise UsageError(f"a container has no {classes.noun} of its own here; its objects each have one")
        value["container"] = {
            "name": args.container,
            "class": provider.container_storage_class(args.container),
        }
    ctx.emit(value, _classes_text)


def _classes_text(value: dict[str, Any]) -> str:
    width = max((len(c["name"]) for c in value["classes"]), default=0)
    lines = [f"{c['name']:<{width}}  {c['description']}" for c in value["classes"]]
    if "container" in value:
        lines.append(f"{value['container']['name']}: {value['container']['class']}")
    return "\n".join(lines)
