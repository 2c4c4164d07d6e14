"""``cors``, ``lifecycle``, ``expire`` and ``sse-key``: container settings from the
command line. Rules are files in S3's JSON (the same ``aws s3api`` takes); a file that
breaks a rule is refused with its line and the rule, before anything is sent."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from storebrowser.cli.access import add_json_option
from storebrowser.cli.context import Context, OperationFailed, UsageError, split_location, split_object
from storebrowser.core.cors import CorsRule, cors_json, parse_cors
from storebrowser.core.display import display_rows
from storebrowser.core.encryption import (
    CUSTOMER_KEY_FIELD,
    check_customer_key,
    customer_key_md5,
    new_customer_key,
)
from storebrowser.core.errors import InvalidConfiguration
from storebrowser.core.expiry import parse_duration, parse_moment, time_left
from storebrowser.core.lifecycle import lifecycle_json, parse_lifecycle

#: Where a person can find the key in the keyring, by the keyring's own tool.
KEYRING_HINT = "secret-tool lookup service StoreBrowser username '{account}/" + CUSTOMER_KEY_FIELD + "'"


_Parsed = TypeVar("_Parsed")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cors = commands.add_parser("cors", help="show, set or clear a container's CORS rules; check a preflight")
    cors.add_argument("container")
    _set_or_clear(cors, "CORS rules")
    cors.add_argument("--check", metavar="ORIGIN", help="send a browser's preflight from ORIGIN, unsigned")
    cors.add_argument("--method", default="GET", help="with --check: the method asked (default GET)")
    cors.add_argument("--key", help="with --check: the object to ask about (default: the first one)")
    cors.set_defaults(run=cmd_cors)

    lifecycle = commands.add_parser("lifecycle", help="show, set or clear a container's lifecycle rules")
    lifecycle.add_argument("container")
    _set_or_clear(lifecycle, "lifecycle rules")
    lifecycle.set_defaults(run=cmd_lifecycle)

    expire = commands.add_parser(
        "expire",
        help="when the server deletes an object by itself; have it delete one later (Swift; S3: a "
        "lifecycle rule for the prefix)",
        description="Without --after, --at or --never: say when the server deletes the object.",
    )
    expire.add_argument("object", metavar="CONTAINER/KEY")
    when = expire.add_mutually_exclusive_group()
    when.add_argument("--after", metavar="DURATION", help="e.g. 90s, 10m, 12h, 7d, 2w")
    when.add_argument("--at", metavar="ISO", help="a moment with a zone, e.g. 2027-01-31T18:00:00Z")
    when.add_argument("--never", action="store_true", help="remove the object's expiry (Swift)")
    add_json_option(expire)
    expire.set_defaults(run=cmd_expire)

    encryption = commands.add_parser(
        "encryption",
        help="how an object is encrypted at rest, and the container's default",
        description="Say the server-side encryption of CONTAINER's objects by default and, with a KEY, "
        "of that object (SSE-S3, SSE-KMS and its key, SSE-C, an Azure scope). An SSE-C object is "
        "read with the account's key (storebrowser-cli sse-key).",
    )
    encryption.add_argument("location", metavar="CONTAINER[/KEY]")
    add_json_option(encryption)
    encryption.set_defaults(run=cmd_encryption)

    key = commands.add_parser(
        "sse-key",
        help="keep an SSE-C customer key for the account in the system keyring",
        description="Keep the account's key for server-side encryption with a customer-provided key "
        "(put --sse c). The key is read from the terminal (hidden), from stdin, or made at random; "
        "it is never an argument, and never printed.",
    )
    source = key.add_mutually_exclusive_group()
    source.add_argument("--generate", action="store_true", help="make a new random key")
    source.add_argument("--stdin", action="store_true", help="read the key (base64) from stdin")
    add_json_option(key)
    key.set_defaults(run=cmd_sse_key)


def _set_or_clear(parser: argparse.ArgumentParser, what: str) -> None:
    change = parser.add_mutually_exclusive_group()
    change.add_argument("--set", metavar="FILE.json", help=f"replace the {what} with those of the file")
    change.add_argument("--clear", action="store_true", help=f"remove every one of the {what}")
    add_json_option(parser)


def _read_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot be read ({getattr(error, 'strerror', None) or error})") from None


def _parsed(parse: Callable[[str, str], _Parsed], path: str) -> _Parsed:
    try:
        return parse(_read_file(path), path)
    except InvalidConfiguration as error:
        raise UsageError(str(error)) from None


def cmd_cors(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    container = args.container
    if args.set:
        rules = _parsed(parse_cors, args.set)
        settings = provider.set_cors(container, rules)
    elif args.clear:
        settings = provider.set_cors(container, [])
    else:
        settings = provider.get_cors(container)
    value = {"container": container, "scope": settings.scope, "note": settings.note,
             "CORSRules": [rule.to_json() for rule in settings.rules]}  # fmt: skip
    if args.check:
        key = args.key or _first_key(ctx, container)
        result = provider.preflight(container, key, args.check, args.method)
        value["check"] = result.to_json()
    ctx.emit(value, lambda v: _cors_text(v, settings.rules))


def _cors_text(value: dict[str, Any], rules: tuple[CorsRule, ...]) -> str:
    lines = [cors_json(rules) if rules else f"No CORS rules on {value['container']}."]
    if value["note"]:
        lines.append(f"Note: {value['note']}")
    check = value.get("check")
    if check:
        verdict = "allowed" if check["allowed"] else "refused"
        said = f" (Access-Control-Allow-Origin: {check['allow_origin']})" if check["allow_origin"] else ""
        asked = f"Preflight for {check['method']} from {check['origin']}"
        lines.append(f"{asked}: {check['status']}, {verdict}{said}")
    return "\n".join(lines)


def _first_key(ctx: Context, container: str) -> str:
    page = ctx.provider().list_page(container, "", None, None, 1)
    for entry in page.entries:
        return entry.key
    raise OperationFailed(f"{container} is empty: name an object with --key to send the preflight for.")


def cmd_lifecycle(ctx: Context, args: argparse.Namespace) -> None:
    provider = ctx.provider()
    if args.set:
        rules = provider.set_lifecycle(args.container, _parsed(parse_lifecycle, args.set))
    elif args.clear:
        rules = provider.set_lifecycle(args.container, [])
    else:
        rules = provider.get_lifecycle(args.container)
    value = {"container": args.container, "Rules": [rule.to_json() for rule in rules],
             "summary": [rule.summary() for rule in rules]}  # fmt: skip
    ctx.emit(value, lambda v: lifecycle_json(rules) + "\n" + "\n".join(f"# {s}" for s in v["summary"])
             if rules else f"No lifecycle rules on {args.container}.")  # fmt: skip


def cmd_expire(ctx: Context, args: argparse.Namespace) -> None:
    container, key = split_object(args.object)
    try:
        after = parse_duration(args.after) if args.after else None
        at = parse_moment(args.at) if args.at else None
    except InvalidConfiguration as error:
        raise UsageError(str(error)) from None
    provider = ctx.provider()
    asks_change = after is not None or at is not None or args.never
    if provider.capabilities.object_expiry:
        if asks_change:
            moment = provider.set_object_expiry(container, key, after=after, at=at)
        else:
            moment = provider.object_expiry(container, key)
        expires = moment.isoformat() if moment else None
        value: dict[str, Any] = {"object": f"{container}/{key}", "expires": expires}
        ctx.emit(value, lambda v: _expiry_text(v, moment))
        return
    if args.never or not asks_change or not provider.capabilities.lifecycle:
        reason = provider.capabilities.reason("object_expiry") or "it has no expiry per object"
        raise OperationFailed(f"{provider.describe()}: {reason}")
    rule = provider.expire_prefix(container, key, after=after, at=at)
    value = {"container": container, "prefix": key, "rule": rule.to_json()}
    ctx.emit(value, lambda v: display_rows([
        f"Added the lifecycle rule {rule.id} to {container}: {rule.summary()}.",
        f"S3 has no expiry per object: the rule covers every key that starts with {key!r}, and counts "
        "days from each object's creation, at midnight UTC.",
    ]))  # fmt: skip


def _expiry_text(value: dict[str, Any], moment: datetime | None) -> str:
    if moment is None:
        return f"{value['object']} has no expiry now."
    return f"{value['object']} expires at {moment.isoformat()} ({time_left(moment)}, by the server's clock)."


def cmd_encryption(ctx: Context, args: argparse.Namespace) -> None:
    container, key = split_location(args.location)
    provider = ctx.provider()
    default = provider.default_encryption(container)
    value: dict[str, Any] = {"container": container, "default": default.to_json()}
    lines = [f"Default of {container}: {default.sentence()}"]
    if key:
        info = provider.object_encryption(container, key)
        value["object"] = {"key": key, **info.to_json()}
        lines.append(f"{key}: {info.sentence()}")
    ctx.emit(value, lambda v: display_rows(lines))


def cmd_sse_key(ctx: Context, args: argparse.Namespace) -> None:
    account = ctx.account()
    if CUSTOMER_KEY_FIELD not in account.provider_kind.secret_fields:
        raise OperationFailed(f"{account.provider_kind.label} accounts take no customer key (SSE-C).")
    if args.generate:
        key = new_customer_key()
    elif args.stdin:
        key = sys.stdin.readline().strip()
    else:
        key = getpass.getpass("SSE-C key (base64 of 32 bytes): ").strip()
    try:
        key = check_customer_key(key)
    except InvalidConfiguration as error:
        raise UsageError(str(error)) from None
    ctx.store.save(account, {CUSTOMER_KEY_FIELD: key})
    value = {"account": account.name, "key_md5": customer_key_md5(key), "generated": bool(args.generate)}
    ctx.emit(value, lambda v: (
        f"Kept the SSE-C key of {account.name} in the keyring (its MD5: {v['key_md5']})."
        + ("\nKeep a copy where you keep secrets: objects written with it cannot be read without it. "
           f"It can be read with: {KEYRING_HINT.format(account=account.name)}" if args.generate else "")
    ))  # fmt: skip
