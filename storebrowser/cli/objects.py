"""Commands on containers and objects: ls, mb, rb, cat, rm, cp, meta, url."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from storebrowser.cli import versions
from storebrowser.cli.context import (
    Context,
    OperationFailed,
    UsageError,
    parse_pairs,
    split_account,
    split_location,
    split_object,
)
from storebrowser.cli.places import resolve_place
from storebrowser.cli.prompt import agrees
from storebrowser.cli.tiers import container_class
from storebrowser.core.display import display_text
from storebrowser.core.errors import ChecksumMismatch, ConsentRequired
from storebrowser.core.listing import iter_objects
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ContainerInfo, ObjectInfo
from storebrowser.core.walk import walked_keys
from storebrowser.transfers.range_read import PROVE_WHOLE_UP_TO, RangeRead
from storebrowser.transfers.stream import VerifiedRead
from storebrowser.transfers.streamed_copy import stream_copy

MAX_URL_EXPIRY = 7 * 24 * 3600


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ls = commands.add_parser(
        "ls",
        help="list containers, or what CONTAINER[/FOLDER] holds",
        description="List the containers, a container, a folder (C/photos means photos/), or one "
        "object. With --prefix, every key that starts with the text given.",
    )
    ls.add_argument("location", nargs="?", metavar="CONTAINER[/PATH]")
    ls.add_argument("--recursive", "-r", action="store_true", help="every object, not folder by folder")
    ls.add_argument("--prefix", action="store_true", help="PATH is a plain prefix of keys, not a folder")
    ls.set_defaults(run=cmd_ls)

    mb = commands.add_parser("mb", help="make a container")
    mb.add_argument("container")
    mb.add_argument("--class", dest="storage_class", metavar="CLASS",
                    help="Swift: the storage policy of its objects (`storebrowser-cli classes`)")  # fmt: skip
    mb.set_defaults(run=cmd_mb)

    rb = commands.add_parser("rb", help="remove a container")
    rb.add_argument("container")
    rb.add_argument("--force", action="store_true", help="delete its objects first")
    rb.set_defaults(run=cmd_rb)

    cat = commands.add_parser(
        "cat",
        help="write an object (or a byte range of it) to stdout",
        description="Write an object, or bytes --start to --end of it, to stdout, checked by content: "
        "a whole object as it streams (exit 1 if it does not match: what was written is not the "
        "object). A range: on Azure each read of it by the MD5 the service sends with it, before "
        "it is written; elsewhere (S3, Swift) no part of an object can be proven, so an object of "
        f"up to {PROVE_WHOLE_UP_TO // (1024 * 1024)} MiB is read whole and checked before the "
        "range is written, and a range of a larger one is written unchecked, said so in one "
        "line on stderr (a JSON object with --json).",
    )
    cat.add_argument("object", metavar="CONTAINER/KEY")
    cat.add_argument("--start", type=int, default=0, help="first byte (Python slice start; may be negative)")
    cat.add_argument("--end", type=int, default=None, help="end byte, exclusive (Python slice end)")
    cat.add_argument("--version", metavar="ID", dest="version_id", help="an earlier version (see `versions`)")
    cat.set_defaults(run=cmd_cat)

    rm = commands.add_parser("rm", help="delete objects")
    rm.add_argument("objects", nargs="+", metavar="CONTAINER/KEY")
    rm.add_argument(
        "--recursive", "-r", action="store_true", help="a folder and all in it (C/photos means photos/)"
    )
    rm.add_argument("--prefix", action="store_true", help="with -r: every key starting with the text given")
    rm.add_argument(
        "--version", metavar="ID", dest="version_id", help="delete this version for good (asks, or --yes)"
    )
    rm.add_argument("--yes", action="store_true", help="with --version: do not ask")
    rm.set_defaults(run=cmd_rm)

    cp = commands.add_parser("cp", help="copy an object (server-side within one account)")
    cp.add_argument("source", metavar="[ACCOUNT:]CONTAINER/KEY")
    cp.add_argument("target", metavar="[ACCOUNT:]CONTAINER/KEY")
    cp.set_defaults(run=cmd_cp)

    meta = commands.add_parser("meta", help="show or change an object's metadata")
    meta.add_argument("action", choices=("get", "set", "unset"))
    meta.add_argument("object", metavar="CONTAINER/KEY")
    meta.add_argument("pairs", nargs="*", metavar="KEY=VALUE (set) or KEY (unset)")
    meta.add_argument("--content-type", help="with set: the new Content-Type")
    meta.set_defaults(run=cmd_meta)

    url = commands.add_parser("url", help="a time-limited URL that works without credentials")
    url.add_argument("object", metavar="CONTAINER/KEY")
    url.add_argument("--expires", type=int, default=3600, metavar="SECONDS", help="default 3600")
    url.add_argument("--method", choices=("GET", "PUT"), default="GET")
    url.add_argument(
        "--allow-account-change",
        action="store_true",
        help="if the account must be changed first (a Swift account without a temp-URL key), "
        "make the change without asking",
    )
    url.set_defaults(run=cmd_url)


def _object_dict(info: ObjectInfo) -> dict[str, Any]:
    return {
        "key": info.key,
        "folder": info.is_prefix,
        "size": info.size,
        "modified": info.modified.isoformat() if info.modified else None,
        "etag": info.etag,
        "content_type": info.content_type,
        "storage_class": info.storage_class,
        "archive": info.archive.to_json() if info.archive else None,
        "metadata": dict(info.metadata),
    }


def _container_dict(info: ContainerInfo) -> dict[str, Any]:
    return {"name": info.name, "objects": info.object_count, "bytes": info.bytes_used}


def _object_line(entry: dict[str, Any]) -> str:
    if entry["folder"]:
        return f"{'':>16}  {'PRE':>12}  {entry['key']}"
    modified = (entry["modified"] or "")[:16].replace("T", " ")
    return f"{modified:>16}  {entry['size']:>12}  {entry['key']}"


def cmd_ls(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    if not args.location:
        containers = [_container_dict(c) for c in provider.list_containers()]
        ctx.emit(containers, lambda rows: "\n".join(row["name"] for row in rows))
        return
    place = resolve_place(provider, args.location, prefix=args.prefix)
    delimiter = None if args.recursive else "/"
    if place.takes_many:
        entries: Iterable[ObjectInfo] = iter_objects(provider, place.container, place.key, delimiter)
    else:
        entries = [provider.stat(place.container, place.key)]
    if ctx.json:
        ctx.emit([_object_dict(e) for e in entries], str)
        return
    for entry in entries:  # streams: a million is fine
        ctx.write_line(_object_line(_object_dict(entry)))


def cmd_mb(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    if args.storage_class is None:
        provider.create_container(args.container)
    else:
        provider.create_container_in_class(args.container, container_class(provider, args.storage_class))
    ctx.emit({"created": args.container}, lambda v: f"created {v['created']}")


def cmd_rb(ctx: Context, args: argparse.Namespace) -> None:
    ctx.provider().delete_container(args.container, force=args.force)
    ctx.emit({"removed": args.container}, lambda v: f"removed {v['removed']}")


def cmd_cat(ctx: Context, args: argparse.Namespace) -> None:
    """The whole object is checked as it streams (``VerifiedRead``); a range as
    ``RangeRead`` can, and one it cannot check is said so on stderr before its bytes."""
    container, key = split_object(args.object)
    sink = sys.stdout.buffer
    asked = ByteRange(args.start, args.end)
    if args.version_id is not None:
        chunks = versions.read_version(ctx, container, key, args.version_id, asked)
    elif asked.is_whole:
        chunks = VerifiedRead(ctx.provider(), container, key, bandwidth=ctx.bandwidth)
    else:
        chunks = RangeRead(ctx.provider(), container, key, asked, bandwidth=ctx.bandwidth)
    if isinstance(chunks, RangeRead):
        _say_if_unchecked(ctx, f"{container}/{key}", chunks)
    else:  # held to --bwlimit's download rate (a RangeRead holds itself to it)
        chunks = ctx.bandwidth.limited(chunks)
    try:
        for chunk in chunks:
            sink.write(chunk)
    except ChecksumMismatch as wrong:
        sink.flush()
        raise OperationFailed(f"{wrong.message} {_what_was_written(chunks)}") from None
    sink.flush()


def _what_was_written(chunks: object) -> str:
    if isinstance(chunks, RangeRead) and chunks.checks_first:
        return "Nothing of that read was written; what was written before it was checked."
    return "What was written is not the object."


def _say_if_unchecked(ctx: Context, name: str, read: RangeRead) -> None:
    """One line on stderr (one JSON object with --json): the bytes to come are not
    checked, and why; stdout keeps only the bytes."""
    if read.proven:
        return
    if ctx.json:
        line = json.dumps({"object": name, "start": read.start, "end": read.end, "checked": False,
                           "note": read.note}, ensure_ascii=False)  # fmt: skip
    else:
        line = display_text(f"storebrowser-cli: bytes {read.start}-{read.end - 1} of {name} are {read.note}")
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def cmd_rm(ctx: Context, args: argparse.Namespace) -> None:
    if args.version_id is not None:
        versions.rm_version(ctx, args.objects, args.version_id, args.yes)
        return
    provider = ctx.provider()
    deleted: list[str] = []
    failed: dict[str, str] = {}
    if args.prefix and not args.recursive:
        raise UsageError("--prefix goes with --recursive")
    for location in args.objects:
        if args.recursive:
            place = resolve_place(provider, location, prefix=args.prefix)
            container, keys = place.container, [place.key]
            if place.takes_many:
                # Side by side on a few connections; a part that cannot be listed fails the
                # command before anything is deleted (IncompleteListing), never half a folder.
                keys = walked_keys(provider, container, place.key)
        else:
            container, key = split_object(location)
            keys = [key]
        for start in range(0, len(keys), 1000):
            batch = keys[start : start + 1000]
            failures = provider.delete_objects(container, batch)
            failed.update({f"{container}/{k}": str(error) for k, error in failures.items()})
            deleted += [f"{container}/{k}" for k in batch if k not in failures]
    ctx.emit(
        {"deleted": deleted, "failed": failed}, lambda v: "\n".join(f"deleted {k}" for k in v["deleted"])
    )
    if failed:
        raise OperationFailed("; ".join(f"{k}: {why}" for k, why in failed.items()))


def cmd_cp(ctx: Context, args: argparse.Namespace) -> None:
    src_account, src = split_account(args.source)
    dst_account, dst = split_account(args.target)
    src_container, src_key = split_object(src)
    dst_container, dst_key = split_location(dst)
    if not dst_key or dst_key.endswith("/"):
        dst_key += src_key.rsplit("/", 1)[-1]
    source, target = ctx.provider(src_account), ctx.provider(dst_account)
    if source is target and source.capabilities.server_side_copy:
        info = source.copy_object(src_container, src_key, dst_container, dst_key)
        how = "server-side"
    else:  # another account, or no server-side copy: stream it through this process
        info = stream_copy(source, src_container, src_key, target, dst_container, dst_key,
                           bandwidth=ctx.bandwidth)  # fmt: skip
        how = "streamed"
    ctx.emit(
        {"copied": f"{src_container}/{src_key}", "to": f"{dst_container}/{info.key}", "how": how},
        lambda v: f"copied {v['copied']} -> {v['to']} ({v['how']})",
    )


def cmd_meta(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    container, key = split_object(args.object)
    info = provider.stat(container, key)
    if args.action == "set":
        if not args.pairs and args.content_type is None:
            raise UsageError("meta set needs KEY=VALUE pairs or --content-type")
        info = provider.set_metadata(
            container, key, {**info.metadata, **parse_pairs(args.pairs)}, content_type=args.content_type
        )
    elif args.action == "unset":
        if not args.pairs:
            raise UsageError("meta unset needs the KEYs to remove")
        missing = sorted(set(args.pairs) - set(info.metadata))
        if missing:
            raise UsageError(f"not in the metadata of {key!r}: {', '.join(missing)}")
        remaining = {k: v for k, v in info.metadata.items() if k not in args.pairs}
        info = provider.set_metadata(container, key, remaining)
    ctx.emit(_object_dict(info), _meta_text)


def _meta_text(value: dict[str, Any]) -> str:
    lines = [f"content-type: {value['content_type']}", f"size: {value['size']}", f"etag: {value['etag']}"]
    lines += [f"storage-class: {value['storage_class']}"] if value["storage_class"] else []
    lines += [f"archive: {value['archive']['text']}"] if value["archive"] else []
    lines += [f"{k}={v}" for k, v in sorted(value["metadata"].items())]
    return "\n".join(lines)


def cmd_url(ctx: Context, args: argparse.Namespace) -> None:
    if not 1 <= args.expires <= MAX_URL_EXPIRY:
        raise UsageError(f"--expires must be between 1 and {MAX_URL_EXPIRY} seconds (7 days)")
    container, key = split_object(args.object)
    provider = ctx.provider()
    lifetime = timedelta(seconds=args.expires)
    try:
        url = provider.share_url(container, key, expires_in=lifetime, method=args.method)
    except ConsentRequired as request:
        if not (args.allow_account_change or agrees(request.question)):
            raise
        provider.grant(request)
        url = provider.share_url(container, key, expires_in=lifetime, method=args.method)
    ctx.emit({"url": url, "expires_in": args.expires, "method": args.method}, lambda v: v["url"])
