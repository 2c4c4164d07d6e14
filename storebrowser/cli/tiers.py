"""Storage classes, archive restores and tags: class, thaw, tags, classes.

``class``, ``thaw`` and ``tags ... set|unset`` run as engine jobs (one per container):
one journaled item per object, several at once, each with its own result; they end with
the list of those that failed, by object and with why (exit 1 when any did). A job with
failures stays in the journal: `storebrowser-cli jobs resume` retries them. Everything
that can be judged without the server (an unknown class or priority, days where the
service takes none, a tag over the limits) is refused before the first request, as a
usage error (exit 2).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from storebrowser.cli.context import (
    Context,
    OperationFailed,
    UsageError,
    parse_pairs,
    split_location,
    split_object,
)
from storebrowser.cli.jobrun import run_jobs
from storebrowser.core.errors import InvalidStorageClass, InvalidTags
from storebrowser.core.tags import TagEdit
from storebrowser.core.tiers import ClassScope, StorageClasses
from storebrowser.core.walk import walked_keys
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import JobKind, JobSpec, State
from storebrowser.transfers.progress import ItemSnapshot, JobSnapshot

T = TypeVar("T")

#: How long S3 keeps a restored copy when --days is not given.
DEFAULT_DAYS = 7


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    change = commands.add_parser(
        "class",
        help="change the storage class (access tier) of objects",
        description="Change the storage class of objects, as one resumable job; S3 copies each onto itself "
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

    tags = commands.add_parser(
        "tags",
        help="show or change the tags of objects (S3 tagging, Azure index tags)",
        usage="%(prog)s CONTAINER/KEY... [set KEY=VALUE... | unset KEY...] [-r] [--json]",
        description="Without set or unset, print the tags. With them, change the tags of every object "
        "named (with -r: every object under each prefix) as one resumable job.",
    )
    tags.add_argument("words", nargs="+", metavar="CONTAINER/KEY... [set KEY=VALUE... | unset KEY...]")
    tags.add_argument("--recursive", "-r", action="store_true", help="every object under each prefix")
    tags.set_defaults(run=cmd_tags)

    classes = commands.add_parser("classes", help="the storage classes the account offers")
    classes.add_argument("container", nargs="?", help="also say which class this container was created in")
    classes.set_defaults(run=cmd_classes)
    for parser in (change, thaw, tags, classes):
        # As the global --json, also after the command (SUPPRESS: absent, the global one stands).
        parser.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
        )


# -- as engine jobs --------------------------------------------------------------------------


#: Makes the job of one container from the keys and prefixes named there.
JobMaker = Callable[[str, tuple[str, ...]], JobSpec]


def _sources(locations: list[str], recursive: bool) -> dict[str, list[str]]:
    """The keys (and with -r the prefixes, ending ``/``) named, by container."""
    by_container: dict[str, list[str]] = {}
    for location in locations:
        if recursive:
            container, prefix = split_location(location)
            key = prefix if not prefix or prefix.endswith("/") else prefix + "/"
        else:
            container, key = split_object(location)
        by_container.setdefault(container, []).append(key)
    return by_container


def _run_each_container(ctx: Context, locations: list[str], recursive: bool, make: JobMaker) -> None:
    """One job per container; then each object's result, and the failures by object."""
    specs = [make(container, tuple(keys)) for container, keys in _sources(locations, recursive).items()]
    jobs = run_jobs(ctx, specs)
    items = [_item(job, item) for job in jobs for item in job.items]
    failed = {item["object"]: item["error"] for item in items if item["result"] == "failed"}
    kept = [job.id for job in jobs if any(item.state is State.FAILED for item in job.items)]
    errors = [job.error for job in jobs if job.error and not job.items]  # a listing that failed
    ctx.emit({"items": items, "failed": failed, "kept_jobs": kept}, _items_text)
    if failed or errors:
        reason = "; ".join(errors) or f"{len(failed)} of {len(items)} objects failed"
        if kept:
            reason += "; `storebrowser-cli jobs resume` retries them"
        raise OperationFailed(reason)


def _item(job: JobSnapshot, item: ItemSnapshot) -> dict[str, Any]:
    place = f"{job.spec.container}/{item.key}"
    if item.state is State.FAILED:
        return {"object": place, "result": "failed", "error": item.error or "failed"}
    return {"object": place, "result": item.state.value, "note": item.note}


def _items_text(value: dict[str, Any]) -> str:
    lines = []
    for item in value["items"]:
        said = item.get("error") if item["result"] == "failed" else item.get("note")
        lines.append(f"{item['result']} {item['object']}" + (f": {said}" if said else ""))
    return "\n".join(lines) or "no objects"


# -- class ----------------------------------------------------------------------------------


def cmd_class(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    classes = _classes(provider, "storage_tiers", "change the storage class of objects")
    wanted = _checked(lambda: classes.find(args.storage_class).name)
    if args.priority is not None and not classes.restore_targets:
        raise UsageError("--priority is for a change out of an archive tier (Azure); S3 restores with `thaw`")
    priority = _checked(lambda: classes.priority(args.priority))
    account = ctx.account().name

    def make(container: str, sources: tuple[str, ...]) -> JobSpec:
        return JobSpec(JobKind.SET_CLASS, account, container, sources=sources, storage_class=wanted,
                       priority=priority)  # fmt: skip

    _run_each_container(ctx, args.objects, args.recursive, make)


def _classes(provider: Provider, capability: str, what: str) -> StorageClasses:
    """The account's classes where ``capability`` is on; else why not, as a failure."""
    if not getattr(provider.capabilities, capability):
        reason = provider.capabilities.reason(capability) or f"it cannot {what}"
        raise OperationFailed(f"{provider.describe()}: {reason}")
    return provider.storage_classes()


def _checked(check: Callable[[], T]) -> T:
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
    """Objects named that are not archived are left alone (said so); under a prefix, only
    the archived ones are taken."""
    provider = ctx.provider()
    classes = _classes(provider, "archive_restore", "restore archived objects")
    priority = _checked(lambda: classes.priority(args.priority))
    days, target = _restore_options(classes, args)
    account = ctx.account().name

    def make(container: str, sources: tuple[str, ...]) -> JobSpec:
        return JobSpec(JobKind.RESTORE_ARCHIVED, account, container, sources=sources, days=days,
                       priority=priority, storage_class=target)  # fmt: skip

    _run_each_container(ctx, args.objects, args.recursive, make)


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


# -- tags ------------------------------------------------------------------------------------


def cmd_tags(ctx: Context, args: argparse.Namespace) -> None:
    objects, action, pairs = _split_tag_words(args.words)
    provider = ctx.provider()
    if not provider.capabilities.object_tags:
        reason = provider.capabilities.reason("object_tags") or "it has no object tags"
        raise OperationFailed(f"{provider.describe()}: {reason}")
    if action is None:
        _print_tags(ctx, provider, objects, args.recursive)
        return
    edit = _tag_edit(action, pairs)
    _checked(lambda: provider.check_tags(edit.set_tags))  # before any request
    if len(objects) == 1 and not args.recursive:
        _check_one_edit(provider, objects[0], edit)
    account = ctx.account().name

    def make(container: str, sources: tuple[str, ...]) -> JobSpec:
        return JobSpec(JobKind.SET_TAGS, account, container, sources=sources, tags=edit)

    _run_each_container(ctx, objects, args.recursive, make)


def _split_tag_words(words: list[str]) -> tuple[list[str], str | None, list[str]]:
    """``C/K... [set K=V... | unset K...]``: objects always hold a ``/``, so the first
    bare ``set`` or ``unset`` starts the change."""
    for index, word in enumerate(words):
        if word in ("set", "unset"):
            objects, pairs = words[:index], words[index + 1 :]
            if not objects:
                raise UsageError("tags: name the objects first: CONTAINER/KEY... set KEY=VALUE...")
            if not pairs:
                wanted = "KEY=VALUE pairs" if word == "set" else "the KEYs"
                raise UsageError(f"tags {word} needs {wanted}")
            return objects, word, pairs
    return words, None, []


def _tag_edit(action: str, pairs: list[str]) -> TagEdit:
    if action == "set":
        return TagEdit(parse_pairs(pairs))
    return TagEdit({}, tuple(pairs))


def _check_one_edit(provider: Provider, location: str, edit: TagEdit) -> None:
    """One object: what the edit would make of its tags is judged before it is sent (a
    key to unset it does not have, an 11th tag), as a usage error."""
    container, key = split_object(location)
    current = provider.get_tags(container, key)
    missing = sorted(set(edit.unset) - set(current))
    if missing:
        raise UsageError(f"not among the tags of {key!r}: {', '.join(missing)}")
    _checked(lambda: provider.check_tags(edit.apply(current), key=key))


def _print_tags(ctx: Context, provider: Provider, objects: list[str], recursive: bool) -> None:
    """One object: ``{"object", "tags"}`` (text: KEY=VALUE lines); several: a list of them."""
    found = [
        {"object": f"{container}/{key}", "tags": provider.get_tags(container, key)}
        for container, keys in _sources(objects, recursive).items()
        for key in _listed(provider, container, keys)
    ]
    if len(objects) == 1 and not recursive:
        ctx.emit(found[0], lambda v: _tag_lines(v["tags"]))
        return
    ctx.emit(found, lambda rows: "\n".join(f"{r['object']}: {_tag_lines(r['tags'], ' ')}" for r in rows))


def _listed(provider: Provider, container: str, keys: list[str]) -> Iterator[str]:
    for key in keys:
        if key and not key.endswith("/"):
            yield key
            continue
        yield from walked_keys(provider, container, key)  # every object below, or IncompleteListing


def _tag_lines(tags: dict[str, str], separator: str = "\n") -> str:
    return separator.join(f"{k}={v}" for k, v in sorted(tags.items()))


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
