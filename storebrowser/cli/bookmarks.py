"""``storebrowser-cli bookmarks``: list and edit the bookmarks the window shows; and
``@NAME`` in any argument that takes a place, expanded before the command runs."""

from __future__ import annotations

import argparse

from storebrowser.accounts.bookmarks import Bookmark, BookmarkStore
from storebrowser.cli.context import Context, OperationFailed, UsageError
from storebrowser.core.places import expand_bookmark, is_bookmark_ref, split_account

#: The arguments (argparse dests) that take a place, in any command.
PLACE_ARGUMENTS = ("location", "object", "objects", "source", "target", "container", "words", "left", "right")
#: Commands whose places name their account themselves (``[ACCOUNT:]CONTAINER/KEY``).
ACCOUNT_IN_PLACE = {"cp", "check", "sync"}


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    marks = commands.add_parser(
        "bookmarks",
        help="list, add, rename, remove bookmarks (use one as @NAME where a place is taken)",
        description="Bookmarks are named places, shared with the window. Any argument that takes "
        "a place accepts @NAME, or @NAME/MORE for a place below the bookmark.",
    )
    marks.set_defaults(run=cmd_list)
    actions = marks.add_subparsers(dest="bookmark_action", metavar="ACTION")
    add = actions.add_parser("add", help="bookmark a place: add NAME ACCOUNT:CONTAINER/FOLDER/")
    add.add_argument("name")
    add.add_argument("place", metavar="ACCOUNT:CONTAINER/PREFIX")
    add.set_defaults(run=cmd_add)
    remove = actions.add_parser("remove", help="remove a bookmark")
    remove.add_argument("name")
    remove.set_defaults(run=cmd_remove)
    rename = actions.add_parser("rename", help="rename a bookmark")
    rename.add_argument("old")
    rename.add_argument("new")
    rename.set_defaults(run=cmd_rename)
    listing = actions.add_parser("list", help="the bookmarks, in their order (the default)")
    listing.set_defaults(run=cmd_list)


def bookmark_store(ctx: Context) -> BookmarkStore:
    return BookmarkStore.beside(ctx.store.path)


def _lines(rows: list[dict[str, str]]) -> str:
    width = max((len(row["name"]) for row in rows), default=0)
    return "\n".join(f"@{row['name']:<{width}}  {row['place']}" for row in rows)


def cmd_list(ctx: Context, args: argparse.Namespace) -> None:
    ctx.emit([b.to_json() for b in bookmark_store(ctx).bookmarks()], _lines)


def cmd_add(ctx: Context, args: argparse.Namespace) -> None:
    place = expand_bookmark(args.place, bookmark_store(ctx).places())
    account, _rest = split_account(place)
    if account is not None:
        ctx.account(account)  # an unknown account: one line naming the known ones
    _emit_one(ctx, bookmark_store(ctx).add(args.name, place), "added")


def cmd_remove(ctx: Context, args: argparse.Namespace) -> None:
    store = bookmark_store(ctx)
    gone = store.get(args.name)
    store.remove(args.name)
    _emit_one(ctx, gone, "removed")


def cmd_rename(ctx: Context, args: argparse.Namespace) -> None:
    _emit_one(ctx, bookmark_store(ctx).rename(args.old, args.new), "renamed")


def _emit_one(ctx: Context, bookmark: Bookmark, what: str) -> None:
    ctx.emit(bookmark.to_json(), lambda row: f"{what} @{row['name']}  {row['place']}")


def expand_place_arguments(ctx: Context, args: argparse.Namespace) -> None:
    """Every ``@NAME[/MORE]`` among ``args``' places replaced by the bookmark's place.

    Most commands take ``CONTAINER/PATH`` in one account: the bookmark's account becomes
    the command's (``--account`` naming another one is a usage error, as is mixing
    accounts); ``cp`` takes ``ACCOUNT:CONTAINER/KEY`` and gets the whole place."""
    if getattr(args, "run", None) in (cmd_add, cmd_list, cmd_remove, cmd_rename):
        return
    store: BookmarkStore | None = None
    for dest in PLACE_ARGUMENTS:
        value = getattr(args, dest, None)
        if isinstance(value, str) and is_bookmark_ref(value):
            store = store or bookmark_store(ctx)
            setattr(args, dest, _expand(ctx, args, value, store))
        elif isinstance(value, list) and any(isinstance(v, str) and is_bookmark_ref(v) for v in value):
            store = store or bookmark_store(ctx)
            setattr(args, dest, [_expand(ctx, args, v, store) if is_bookmark_ref(v) else v for v in value])


def _expand(ctx: Context, args: argparse.Namespace, text: str, store: BookmarkStore) -> str:
    try:
        place = expand_bookmark(text, store.places())
    except ValueError as error:  # an unknown name: one line listing the known ones
        raise OperationFailed(str(error)) from None
    if args.command in ACCOUNT_IN_PLACE:
        return place
    account, rest = split_account(place)
    if account is not None and account != ctx.account_name:
        if ctx.account_name is not None:
            raise UsageError(
                f"{text.strip()} is in the account {account!r}, not {ctx.account_name!r} "
                "(leave out --account, or use places of one account)"
            )
        ctx.account_name = account
    return rest
