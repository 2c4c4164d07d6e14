"""``accounts list|add|remove|import|test``. Secrets come from a prompt, an environment
variable or stdin, never from an argument (arguments show in the process list)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from storebrowser.accounts import paths
from storebrowser.accounts.connection import test_connection
from storebrowser.accounts.importers import Clash, add_imported, import_all
from storebrowser.accounts.model import Account, NewAccount, SecretValues
from storebrowser.accounts.secrets import SECRETS_FILE_NAME, Storage
from storebrowser.cli.account_tuning import add_command as add_tuning_command
from storebrowser.cli.account_tuning import add_tuning_options, tuning_from_args, tuning_row
from storebrowser.cli.context import Context, OperationFailed, UsageError
from storebrowser.core.colours import COLOUR_SETTING, colour_problem
from storebrowser.core.display import display_text
from storebrowser.providers.registry import FieldType, ProviderKind, get_kind, kinds


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    accounts = commands.add_parser("accounts", help="manage accounts")
    sub = accounts.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)
    sub.add_parser("list", help="list accounts").set_defaults(run=cmd_list)
    sub.add_parser("kinds", help="the storage kinds and their connection fields").set_defaults(run=cmd_kinds)

    add = sub.add_parser("add", help="add an account")
    add.add_argument("name")
    add.add_argument("--kind", required=True, choices=sorted(kinds()))
    add.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a non-secret field (also colour=#RRGGBB: the account's marker in the window)",
    )
    add.add_argument(
        "--secret-env",
        action="append",
        default=[],
        metavar="FIELD=VARIABLE",
        help="take a secret field from an environment variable",
    )
    add.add_argument("--secrets-stdin", action="store_true", help="read FIELD=VALUE lines from stdin")
    add.add_argument(
        "--secrets-in-file",
        action="store_true",
        help="keep secrets in a 0600 file in the config folder (when there is no keyring)",
    )
    add.set_defaults(run=cmd_add)

    add_tuning_options(add)
    add_tuning_command(sub)
    remove = sub.add_parser("remove", help="remove an account and its stored secrets")
    remove.add_argument("name")
    remove.set_defaults(run=cmd_remove)

    importer = sub.add_parser("import", help="import from AWS, Azure, OpenStack and rclone settings")
    importer.add_argument("--dry-run", action="store_true", help="show what would be imported")
    importer.set_defaults(run=cmd_import)

    test = sub.add_parser("test", help="one cheap signed-in request, with its outcome and time")
    test.add_argument("name", nargs="?")
    test.set_defaults(run=cmd_test)


def cmd_list(ctx: Context, _args: argparse.Namespace) -> None:
    rows = [{"name": a.name, "kind": a.kind, "settings": dict(a.settings), "transfers": _tuning(a)}
            for a in ctx.store.accounts()]  # fmt: skip
    ctx.emit(rows, lambda rs: "\n".join(f"{r['name']}\t{r['kind']}" for r in rs))


def _tuning(account: Account) -> dict[str, Any]:
    """What ``accounts transfers NAME`` shows of it: the values the engine runs it with."""
    row = tuning_row(account)
    del row["account"]
    return row


def cmd_kinds(ctx: Context, _args: argparse.Namespace) -> None:
    rows = [
        {"kind": k.name, "label": k.label, "fields": [_field_dict(f) for f in k.fields]}
        for k in kinds().values()
    ]
    ctx.emit(rows, _kinds_text)


def _field_dict(field: Any) -> dict[str, Any]:
    return {"name": field.name, "label": field.label, "secret": field.secret, "required": field.required}


def _kinds_text(rows: list[dict[str, Any]]) -> str:
    lines = []
    for row in rows:
        lines.append(f"{row['kind']}: {row['label']}")
        for f in row["fields"]:
            flags = ", ".join(n for n, on in (("required", f["required"]), ("secret", f["secret"])) if on)
            lines.append(f"  {f['name']:<22} {f['label']}" + (f" ({flags})" if flags else ""))
    return "\n".join(lines)


def _settings(kind: ProviderKind, pairs: list[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(f"--set {pair!r}: expected FIELD=VALUE")
        if name == COLOUR_SETTING:  # the window's marker of the account, any kind
            if wrong := colour_problem(value):
                raise UsageError(wrong)
            settings[name] = value
            continue
        try:
            field = kind.field(name)
        except KeyError:
            known = ", ".join(f.name for f in kind.fields if not f.secret)
            raise UsageError(f"{kind.name} has no field {name!r} (fields: {known})") from None
        if field.secret:
            raise UsageError(
                f"{name} is a secret: give it with --secret-env {name}=VARIABLE, "
                "--secrets-stdin or at the prompt, never as an argument"
            )
        settings[name] = _typed(field.type, value)
    return settings


def _typed(field_type: FieldType, value: str) -> Any:
    if field_type is FieldType.BOOL:
        return value.lower() in ("1", "true", "yes", "on")
    if field_type is FieldType.INT:
        return int(value)
    return value


def _secrets(kind: ProviderKind, args: argparse.Namespace) -> dict[str, str]:
    secrets: dict[str, str] = {}
    for pair in args.secret_env:
        name, sep, variable = pair.partition("=")
        if not sep or name not in kind.secret_fields:
            raise UsageError(
                f"--secret-env {pair!r}: expected SECRET_FIELD=VARIABLE ({', '.join(kind.secret_fields)})"
            )
        if variable not in os.environ:
            raise UsageError(f"the environment variable {variable} is not set")
        secrets[name] = os.environ[variable]
    if args.secrets_stdin:
        for line in sys.stdin.read().splitlines():
            name, sep, value = line.partition("=")
            if line.strip() and (not sep or name.strip() not in kind.secret_fields):
                raise UsageError(
                    f"stdin: expected SECRET_FIELD=VALUE lines ({', '.join(kind.secret_fields)})"
                )
            if sep:
                secrets[name.strip()] = value
    return secrets


def _prompt_missing(kind: ProviderKind, settings: dict[str, Any], secrets: dict[str, str]) -> None:
    """Ask for secrets the account still needs, when a person is at the terminal."""
    if not sys.stdin.isatty():
        return
    for field in kind.fields:
        if field.secret and field.name not in secrets and kind.missing({**settings, **secrets}):
            value = getpass.getpass(f"{field.label} (empty to skip): ")
            if value:
                secrets[field.name] = value


def _keep_secrets(ctx: Context, secrets: dict[str, str], in_file: bool) -> None:
    """Where the secrets go. Each command is a session of its own: with no keyring, a
    secret kept "for this session" is gone when ``add`` ends, so the file is used only
    when asked for (--secrets-in-file, or a yes at the terminal), else ``add`` refuses."""
    secrets_file = paths.config_dir() / SECRETS_FILE_NAME
    if not in_file and (not secrets or ctx.store.secrets.storage is not Storage.SESSION):
        return
    if not in_file:
        print(
            "There is no system keyring on this computer: the secret would be forgotten when "
            "this command ends.",
            file=sys.stderr,
        )
        question = f"Keep it in {secrets_file} (not encrypted; only your user can read it)?"
        if not (sys.stdin.isatty() and _yes(question)):
            raise UsageError(
                "no system keyring here, so the secret would be forgotten at once: add "
                f"--secrets-in-file to keep it in {secrets_file} (not encrypted; only your user "
                "can read it), or set up a keyring (Secret Service, KWallet)"
            )
    ctx.store.secrets.use_file(secrets_file)


def _yes(question: str) -> bool:
    print(f"{display_text(question)} [y/N] ", end="", file=sys.stderr, flush=True)  # a path may hold anything
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def cmd_add(ctx: Context, args: argparse.Namespace) -> None:
    kind = get_kind(args.kind)
    settings = _settings(kind, args.set)
    secrets = _secrets(kind, args)
    _prompt_missing(kind, settings, secrets)
    if problems := kind.missing({**settings, **{k: v for k, v in secrets.items() if v}}):
        fields = "storebrowser-cli accounts kinds lists the fields"
        raise UsageError(f"{args.name}: {' '.join(problems)} ({fields})")
    tuning = tuning_from_args(args)
    _keep_secrets(ctx, secrets, args.secrets_in_file)
    account = Account(args.name, kind.name, settings, tuning)
    ctx.store.add(NewAccount(account, SecretValues(secrets), source="storebrowser-cli"))
    warning = ctx.store.secrets.warning if secrets else ""
    ctx.emit(
        {"added": account.name, "warning": warning},
        lambda v: f"added {v['added']}" + (f"\nnote: {v['warning']}" if v["warning"] else ""),
    )


def cmd_remove(ctx: Context, args: argparse.Namespace) -> None:
    ctx.account(args.name)  # a clear usage error when it does not exist
    ctx.store.remove(args.name)
    ctx.emit({"removed": args.name}, lambda v: f"removed {v['removed']}")


def cmd_import(ctx: Context, args: argparse.Namespace) -> None:
    report = import_all()
    if args.dry_run:
        value = {
            "found": [n.account.name for n in report.accounts],
            "skipped": [str(s) for s in report.skipped],
        }
    else:
        result = add_imported(ctx.store, report, Clash.SUFFIX)
        value = {"added": [a.name for a in result.added], "skipped": [str(s) for s in result.skipped]}
    ctx.emit(value, _import_text)


def _import_text(value: dict[str, list[str]]) -> str:
    lines = [f"{verb} {name}" for verb in ("found", "added") for name in value.get(verb, [])]
    lines += [f"skipped {why}" for why in value["skipped"]]
    return "\n".join(lines) or "nothing found to import"


def cmd_test(ctx: Context, args: argparse.Namespace) -> None:
    account = ctx.account(args.name)
    result = test_connection(ctx.store, account)
    value = {
        "account": account.name,
        "outcome": result.outcome.value,
        "message": result.message,
        "seconds": round(result.seconds, 3),
        "containers": result.containers,
    }
    ctx.emit(value, lambda v: f"{v['account']}: {v['outcome']} in {v['seconds']} s. {v['message']}".strip())
    if not result.ok:
        raise OperationFailed(f"{account.name}: {result.outcome.value}")
