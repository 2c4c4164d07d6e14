"""What every command needs: the accounts, the chosen account's provider, the output."""

from __future__ import annotations

import functools
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import IO, Any

from storebrowser.accounts.model import Account, MergedSettings, MissingSecret, UnknownAccount
from storebrowser.accounts.startup import load_accounts_at_start
from storebrowser.accounts.store import AccountStore
from storebrowser.core.bandwidth import Bandwidth, Limits
from storebrowser.core.display import display_text
from storebrowser.core.places import split_account as split_account  # the commands import it from here
from storebrowser.core.places import split_container
from storebrowser.core.tuning import Tuning
from storebrowser.providers.base import MiB, Provider

ACCOUNT_ENV = "STOREBROWSER_ACCOUNT"


class UsageError(Exception):
    """Bad arguments: exit code 2."""


class OperationFailed(Exception):
    """The command could not do its work for a reason already phrased for a person."""


class ExitCode(Exception):
    """The command ends with this exit code, after its answer was printed (``check``'s 1
    for "different", 2 for "could not tell"); ``message``, when given, goes to stderr."""

    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Context:
    store_factory: Callable[[], AccountStore]
    account_name: str | None = None
    json: bool = False
    #: --part-size: parts of this size, and anything larger than one part goes in parts.
    part_size_mib: int | None = None
    #: --bwlimit: shared by every transfer of the command.
    limits: Limits = field(default_factory=Limits)
    out: IO[str] = field(default_factory=lambda: sys.stdout)
    _store: AccountStore | None = None
    _providers: dict[str, Provider] = field(default_factory=dict)
    #: The secrets of the accounts this command opened: what its messages may hold.
    _secrets_in_use: list[str] | None = None

    @property
    def store(self) -> AccountStore:
        if self._store is None:
            self._store = self.store_factory()
            # The same accounts as the app, "Local files" included on a first run.
            load_accounts_at_start(self._store)
        return self._store

    def account(self, name: str | None = None) -> Account:
        """The named account; else --account, $STOREBROWSER_ACCOUNT, or the only one."""
        name = name or self.account_name or os.environ.get(ACCOUNT_ENV)
        accounts = self.store.accounts()
        if name is None:
            if len(accounts) == 1:
                return accounts[0]
            names = ", ".join(sorted(a.name for a in accounts)) or "none yet"
            raise UsageError(f"choose an account with --account NAME (accounts: {names})")
        try:
            return self.store.get(name)
        except UnknownAccount:
            names = ", ".join(sorted(a.name for a in accounts)) or "none yet"
            raise UsageError(f"no account named {name!r} (accounts: {names})") from None

    def provider(self, name: str | None = None) -> Provider:
        account = self.account(name)
        if account.name not in self._providers:
            in_use = self._settings(account).secret_values()
            self._secrets_in_use = (self._secrets_in_use or []) + in_use
            provider = self.store.open_provider(account)
            provider.ensure_connected()
            if self.part_size_mib is not None:
                part = max(provider.min_part_size, self.part_size_mib * MiB)
                provider.part_size = provider.multipart_threshold = part
            self._providers[account.name] = provider
        return self._providers[account.name]

    def _settings(self, account: Account) -> MergedSettings:
        """The account's settings and secrets; a secret that is not stored is asked for
        when a person is at the terminal (kept for this command only)."""
        try:
            return self.store.settings_for(account)
        except MissingSecret as error:
            if not sys.stdin.isatty():
                raise
            kind = account.provider_kind
            print(display_text(str(error)), file=sys.stderr)
            name = display_text(account.name)
            typed = {
                field: getpass.getpass(f"{kind.field(field).label} for {name}: ") for field in error.fields
            }
            self.store.supply_secrets(account.name, typed, remember=False)
            return self.store.settings_for(account)

    def emit(self, value: Any, text: Callable[[Any], str]) -> None:
        """Print ``value`` as JSON with --json (exact: JSON escapes control characters
        itself), else as ``text(value)`` (if not empty) with every string in ``value``
        made safe to show first, so a key cannot split a row or drive the terminal."""
        if self.json:
            json.dump(value, self.out, indent=2, ensure_ascii=False, default=str)
            self.out.write("\n")
        else:
            rendered = text(shown(value))
            if rendered:
                self.out.write(rendered.rstrip("\n") + "\n")
        self.out.flush()

    def secrets_in_use(self) -> list[str] | None:
        """The secrets to mask in this command's messages; ``None`` before any account was
        opened (then every known secret is masked)."""
        return None if self._secrets_in_use is None else list(self._secrets_in_use)

    def write_line(self, line: str) -> None:
        """One line of text output (a listing row, streamed), made safe to show."""
        self.out.write(display_text(line) + "\n")

    @functools.cached_property
    def bandwidth(self) -> Bandwidth:
        """The command's one limit (every transfer of it shares it)."""
        return Bandwidth(self.limits)

    def tuning(self, name: str) -> Tuning:
        """How hard the account's transfers push (its values over its kind's); this
        command's --part-size before the account's."""
        tuning = self.account(name).transfer_tuning
        return replace(tuning, part_size=self.part_size) if self.part_size is not None else tuning

    @property
    def part_size(self) -> int | None:
        return None if self.part_size_mib is None else self.part_size_mib * MiB

    def close(self) -> None:
        for provider in self._providers.values():
            provider.close()


def shown(value: Any) -> Any:
    """``value`` with every string in it (dict keys too) passed through ``display_text``."""
    if isinstance(value, str):
        return display_text(value)
    if isinstance(value, dict):
        return {shown(k): shown(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [shown(v) for v in value]
    return value


def split_location(location: str) -> tuple[str, str]:
    """``CONTAINER[/PREFIX]`` -> ``(container, prefix)``."""
    container, rest = split_container(location)
    if not container:
        raise UsageError(f"{location!r}: expected CONTAINER or CONTAINER/KEY")
    if not is_unicode(location):
        raise UsageError(
            f"{location!r} is not valid UTF-8 (as the terminal passed it): container and "
            "object names are Unicode text"
        )
    return container, rest


def is_unicode(text: str) -> bool:
    """False for text holding lone surrogates: bytes of an argument or a file name that
    were not UTF-8 (Python keeps them as ``\\udcXX``); no service can store those."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def split_object(location: str) -> tuple[str, str]:
    """``CONTAINER/KEY`` -> ``(container, key)``; the key must not be empty."""
    container, key = split_location(location)
    if not key:
        raise UsageError(f"{location!r}: expected CONTAINER/KEY")
    return container, key


def parse_pairs(pairs: list[str], option: str = "") -> dict[str, str]:
    """``KEY=VALUE`` arguments as a mapping; ``option`` (``"--meta"``) names them in errors."""
    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"{option + ' ' if option else ''}{pair!r}: expected KEY=VALUE")
        result[key] = value
    return result
