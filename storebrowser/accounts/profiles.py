"""The accounts file: TOML, one table per account, no secrets.

Why TOML: values keep their types (the schema has booleans and numbers), strings are
quoted so any account name or URL round-trips, the parser is strict (a name declared twice
is an error, not a silent overwrite) and names the line of every syntax error. Python reads
it with the standard ``tomllib``; writing uses ``tomli-w``, a small, well-kept library
by the author of ``tomli`` (which became ``tomllib``).

    # StoreBrowser accounts ...
    version = 1

    [accounts."Local files"]
    kind = "local"
    root = "/home/me/.local/share/StoreBrowser/Local files"

    [accounts."Work S3"]
    kind = "s3"
    secrets = ["secret_access_key"]   # names of the secrets kept in the keyring
    access_key_id = "AKIA..."
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storebrowser.accounts.model import Account, AccountError
from storebrowser.core.colours import COLOUR_SETTING, colour_problem
from storebrowser.core.tuning import BadTuning, Tuning
from storebrowser.providers.registry import FieldType, get_kind

FORMAT_VERSION = 1
HEADER = (
    "# StoreBrowser accounts: names, kinds and settings. You may edit this file while\n"
    "# StoreBrowser is closed. Passwords and keys are not here: they are kept in the\n"
    "# system keyring; 'secrets' lists which ones an account has.\n"
)
#: Keys of an account table that are not connection settings.
RESERVED = ("kind", "secrets", "transfers")  # transfers: core.tuning, in MiB


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """Something wrong in the accounts file, said so that a person can fix it."""

    path: Path
    line: int | None
    message: str
    account: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}, line {self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ParsedFile:
    #: Accounts that loaded, with the names of their stored secrets.
    accounts: list[tuple[Account, tuple[str, ...]]]
    problems: list[LoadProblem]
    #: Tables that did not load, kept as they were so that saving does not lose them.
    kept_raw: dict[str, Any]
    #: True when the file as a whole could not be read (syntax error, not TOML).
    damaged: bool


def parse(path: Path, text: str) -> ParsedFile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return ParsedFile([], [_syntax_problem(path, error)], {}, damaged=True)
    problems: list[LoadProblem] = []
    version = data.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        problems.append(
            LoadProblem(
                path,
                _line_of(text, "version"),
                f"Format version {version!r} is newer than this StoreBrowser reads; "
                "accounts it cannot read are kept unchanged.",
            )
        )
    for key in sorted(set(data) - {"version", "accounts"}):
        problems.append(LoadProblem(path, _line_of(text, key), f"Unknown entry {key!r} ignored."))
    tables = data.get("accounts", {})
    if not isinstance(tables, dict):
        problems.append(
            LoadProblem(path, _line_of(text, "accounts"), "'accounts' must be a table of accounts.")
        )
        return ParsedFile([], problems, {}, damaged=True)
    accounts: list[tuple[Account, tuple[str, ...]]] = []
    kept: dict[str, Any] = {}
    for name, table in tables.items():
        try:
            accounts.append(_account(name, table))
        except AccountError as error:
            kept[name] = table
            problems.append(
                LoadProblem(
                    path,
                    _account_line(text, name),
                    f"Account {name!r} not loaded: {error}",
                    account=name,
                )
            )
    return ParsedFile(accounts, problems, kept, damaged=False)


def _account(name: str, table: object) -> tuple[Account, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise AccountError('it must be a table ([accounts."name"]).')
    kind_name = table.get("kind")
    if not isinstance(kind_name, str):
        raise AccountError("it has no 'kind' (local, s3, azure or swift).")
    try:
        kind = get_kind(kind_name)
    except KeyError as error:
        raise AccountError(str(error.args[0])) from None
    secrets = table.get("secrets", [])
    if not isinstance(secrets, list) or not all(s in kind.secret_fields for s in secrets):
        raise AccountError(f"'secrets' must list some of: {', '.join(kind.secret_fields)}.")
    settings = {k: v for k, v in table.items() if k not in RESERVED}
    for key, value in settings.items():
        _check_setting(kind_name, key, value)
    try:
        tuning = Tuning.from_table(table.get("transfers", {}))
    except BadTuning as error:
        raise AccountError(str(error)) from None
    return Account(name, kind_name, settings, tuning), tuple(secrets)


def _check_setting(kind_name: str, key: str, value: object) -> None:
    if key == COLOUR_SETTING:
        if wrong := colour_problem(value):
            raise AccountError(wrong)
        return
    kind = get_kind(kind_name)
    try:
        field = kind.field(key)
    except KeyError:
        raise AccountError(f"unknown setting {key!r} for {kind.label}.") from None
    if field.secret:
        # The value is never repeated: it is what must not spread further.
        raise AccountError(
            f"{key!r} is a secret and must not be in this file; remove the line and enter "
            "it again in StoreBrowser (it goes to the system keyring)."
        )
    expected: type = {FieldType.BOOL: bool, FieldType.INT: int}.get(field.type, str)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        wanted = {bool: "true or false", int: "a whole number"}.get(expected, "quoted text")
        raise AccountError(f"{key!r} must be {wanted}.")
    if field.choices and value not in field.choices:
        raise AccountError(f"{key!r} must be one of {', '.join(field.choices)}.")


def dump(accounts: list[tuple[Account, tuple[str, ...]]], kept_raw: Mapping[str, Any]) -> str:
    import tomli_w

    tables: dict[str, Any] = {}
    for account, secret_names in accounts:
        table: dict[str, Any] = {"kind": account.kind}
        if secret_names:
            table["secrets"] = sorted(secret_names)
        table.update({k: v for k, v in account.settings.items() if v is not None})
        if not account.tuning.empty:
            table["transfers"] = account.tuning.to_table()
        tables[account.name] = table
    for name, table in kept_raw.items():
        tables.setdefault(name, table)
    return HEADER + tomli_w.dumps({"version": FORMAT_VERSION, "accounts": tables})


_POSITION = re.compile(r"at line (\d+), column (\d+)")


def _syntax_problem(path: Path, error: tomllib.TOMLDecodeError) -> LoadProblem:
    message = str(error)
    line = getattr(error, "lineno", None)  # Python 3.14+
    if line is None and (match := _POSITION.search(message)):
        line = int(match.group(1))
    message = _POSITION.sub("", message).replace("()", "").strip().rstrip(".")
    return LoadProblem(
        path,
        line,
        f"{message}. The file could not be read, so no accounts "
        "were loaded from it; fix it, or StoreBrowser keeps a copy of it as it "
        "is the next time it saves accounts.",
    )


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def _account_line(text: str, name: str) -> int | None:
    """The line of ``[accounts."name"]`` (however it is quoted or spaced)."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("[") and "accounts" in stripped and name in stripped:
            return number
    return None
