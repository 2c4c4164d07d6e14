"""find and du: everything below a place that matches, and what a folder holds.

Both walk the place on a few connections side by side (``storebrowser.core.walk``).
``find`` prints each match as soon as its page is in (with ``--json``, one JSON object
per line: JSON lines, so a reader can start before the end); ``du`` prints the sums at
the end. A part of the key space that could not be listed is named on stderr and the
command fails (exit 1): a partial answer never passes for a whole one.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from storebrowser.cli.context import Context, OperationFailed, UsageError
from storebrowser.cli.places import PlaceKind, resolve_place
from storebrowser.cli.progress import human_bytes
from storebrowser.core.display import display_text
from storebrowser.core.types import EntryColumns
from storebrowser.core.walk import CONNECTIONS, Gap
from storebrowser.find.criteria import BadCriteria, Criteria
from storebrowser.find.search import Search
from storebrowser.find.stats import FolderStats, folder_stats

MAX_CONNECTIONS = 32


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    find = commands.add_parser(
        "find",
        help="every object below CONTAINER[/PREFIX] that matches, printed as found",
        description="Search everything below a place. Names match case-insensitively unless "
        "--case-sensitive. Sizes take K, M, G, T (powers of 1024); dates are ISO 8601 (UTC "
        "unless they say) or an age such as 7d or 12h. With --json: one JSON object per line.",
    )
    find.add_argument("location", metavar="CONTAINER[/PREFIX]")
    find.add_argument("--name", "--glob", dest="glob", metavar="GLOB",
                      help="the name matches GLOB (*.psd); with a / in it, the whole key does")  # fmt: skip
    find.add_argument("--contains", metavar="TEXT", help="the name contains TEXT")
    find.add_argument("--regex", metavar="RE", help="the key matches the regular expression RE (anywhere)")
    find.add_argument("--min-size", metavar="N", help="at least N bytes (100M, 2G)")
    find.add_argument("--max-size", metavar="N", help="at most N bytes")
    find.add_argument("--newer", metavar="WHEN", help="modified at or after WHEN (2025-06-30, 7d)")
    find.add_argument("--older", metavar="WHEN", help="modified before WHEN")
    find.add_argument("--class", dest="storage_class", metavar="CLASS", help="this storage class")
    find.add_argument("--type", dest="content_type", metavar="TYPE",
                      help="this content type (image/png), or any of a family (image), where the "
                      "listing says it (S3 listings do not)")  # fmt: skip
    find.add_argument("--case-sensitive", action="store_true", help="names match case-sensitively")
    _add_common(find)
    find.set_defaults(run=cmd_find)

    du = commands.add_parser(
        "du",
        help="objects and bytes below CONTAINER[/PREFIX], by sub-folder (and by storage class)",
    )
    du.add_argument("location", metavar="CONTAINER[/PREFIX]")
    du.add_argument("--by-class", action="store_true", help="also by storage class")
    du.add_argument("--depth", type=int, default=1, metavar="N", help="sub-folders N levels down (default 1)")
    _add_common(du)
    du.set_defaults(run=cmd_du)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prefix", action="store_true", help="every key starting with PREFIX, not a folder")
    parser.add_argument(
        "--connections",
        type=int,
        default=CONNECTIONS,
        metavar="N",
        help=f"list this many parts side by side (default {CONNECTIONS}; 1 lists in key order)",
    )
    # Also after the command (as the examples write it); the global one still works.
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable")


def _connections(args: argparse.Namespace) -> int:
    if not 1 <= args.connections <= MAX_CONNECTIONS:
        raise UsageError(f"--connections must be between 1 and {MAX_CONNECTIONS}")
    return int(args.connections)


def _criteria(args: argparse.Namespace) -> Criteria:
    try:
        return Criteria.parse(
            contains=args.contains,
            glob=args.glob,
            regex=args.regex,
            min_size=args.min_size,
            max_size=args.max_size,
            newer=args.newer,
            older=args.older,
            storage_class=args.storage_class,
            content_type=args.content_type,
            case_sensitive=args.case_sensitive,
        )
    except BadCriteria as bad:
        raise UsageError(str(bad)) from None


def cmd_find(ctx: Context, args: argparse.Namespace) -> None:
    as_json = bool(getattr(args, "json", False) or ctx.json)
    criteria = _criteria(args)  # refused before any request
    connections = _connections(args)
    container, prefix = _below(ctx, args)
    search = Search(ctx.provider(), container, prefix, criteria, connections=connections)
    write = ctx.out.write
    for matches in search:
        if matches.entries.keys:
            write("".join(_json_line(row) if as_json else _text_line(row) for row in _rows(matches.entries)))
            ctx.out.flush()
    if search.untyped:
        _note(f"{search.untyped:,} objects were not matched: the listing does not say their content type")
    if sys.stderr.isatty():
        _note(f"{search.found:,} found among {search.scanned:,} objects below {args.location}")
    _fail_if_missing(search.missing)


def _below(ctx: Context, args: argparse.Namespace) -> tuple[str, str]:
    """The container and prefix to look below: ``C/photos`` is the folder ``photos/``
    (``cli.places``), with ``--prefix`` every key starting with ``photos``."""
    place = resolve_place(ctx.provider(), args.location, prefix=args.prefix)
    if place.kind is PlaceKind.OBJECT:
        raise OperationFailed(
            f"{display_text(args.location)} is an object, not a folder: name the folder or container "
            "to look below (or add --prefix for every key starting with it)"
        )
    return place.container, place.key


def _rows(entries: EntryColumns) -> list[dict[str, Any]]:
    return [
        {
            "key": key,
            "size": size,
            "modified": modified.isoformat() if modified else None,
            "etag": etag,
            "storage_class": storage_class,
            "content_type": content_type,
        }
        for key, size, modified, etag, storage_class, content_type in zip(
            entries.keys,
            entries.sizes,
            entries.modified,
            entries.etags,
            entries.storage_classes,
            entries.content_types,
            strict=True,
        )
    ]


def _json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


def _text_line(row: dict[str, Any]) -> str:
    modified = (row["modified"] or "")[:16].replace("T", " ")
    return f"{modified:>16}  {row['size']:>12}  {display_text(row['key'])}\n"


def cmd_du(ctx: Context, args: argparse.Namespace) -> None:
    if args.depth < 1:
        raise UsageError("--depth must be at least 1")
    connections = _connections(args)
    container, prefix = _below(ctx, args)
    stats = folder_stats(ctx.provider(), container, prefix, depth=args.depth, connections=connections)
    if getattr(args, "json", False) or ctx.json:
        ctx.json = True
    ctx.emit(
        stats.as_dict(by_class=args.by_class), lambda _value: _du_text(stats, args.location, args.by_class)
    )
    _fail_if_missing(stats.missing)


def _du_text(stats: FolderStats, place: str, by_class: bool) -> str:
    lines = [
        _du_line(tally.bytes, tally.objects, name or "(objects here)")
        for name, tally in sorted(stats.by_folder.items())
    ]
    if by_class:
        lines += [
            _du_line(tally.bytes, tally.objects, f"class {name or '(not said)'}")
            for name, tally in sorted(stats.by_class.items())
        ]
    lines.append(_du_line(stats.total.bytes, stats.total.objects, f"total {place}"))
    return "\n".join(lines)


def _du_line(size: int, objects: int, label: str) -> str:
    return f"{human_bytes(size):>10}  {objects:>12,} objects  {display_text(label)}"


def _note(text: str) -> None:
    print(f"storebrowser-cli: {text}", file=sys.stderr)


def _fail_if_missing(missing: list[Gap]) -> None:
    if missing:
        parts = "; ".join(gap.describe() for gap in missing)
        raise OperationFailed(f"incomplete: these could not be listed and are left out: {parts}")
