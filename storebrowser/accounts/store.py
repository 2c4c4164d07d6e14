"""Saved accounts: the profiles file plus a SecretStore, behind one small API.

A damaged or hand-broken file never stops the app: ``load`` returns the problems (with the
file and line) next to whatever did load, and the next save keeps a copy of the damaged
file before writing a fresh one.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storebrowser.accounts import paths, profiles
from storebrowser.accounts.atomic import write_atomically
from storebrowser.accounts.model import (
    Account,
    AccountError,
    AccountExists,
    MergedSettings,
    MissingSecret,
    NewAccount,
    SecretValues,
    UnknownAccount,
    default_local_account,
)
from storebrowser.accounts.profiles import LoadProblem
from storebrowser.accounts.secrets import SecretStore
from storebrowser.providers.base import Provider

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LoadResult:
    accounts: list[Account]
    problems: list[LoadProblem] = field(default_factory=list)


class AccountStore:
    """The accounts of this user. Thread-safe; every change is written at once."""

    def __init__(self, path: Path, secrets: SecretStore) -> None:
        self.path = path
        self.secrets = secrets
        self._lock = threading.RLock()
        self._accounts: dict[str, Account] = {}
        self._secret_names: dict[str, tuple[str, ...]] = {}
        self._kept_raw: dict[str, Any] = {}
        self._damaged = False
        self._loaded = False
        #: Where the last damaged file was copied before it was replaced.
        self.backup: Path | None = None

    @classmethod
    def default(cls) -> AccountStore:
        """The store at the platform's config dir, with the best secret storage there is."""
        return cls(paths.accounts_file(), SecretStore.open(paths.config_dir()))

    def __repr__(self) -> str:
        return f"AccountStore({str(self.path)!r}, {len(self._accounts)} accounts)"

    # -- reading ------------------------------------------------------------------------

    def load(self) -> LoadResult:
        with self._lock:
            self._accounts, self._secret_names, self._kept_raw = {}, {}, {}
            self._damaged, self._loaded = False, True
            try:
                text = self.path.read_text(encoding="utf-8")
            except FileNotFoundError:
                return LoadResult([])
            except (OSError, UnicodeDecodeError) as error:
                self._damaged = True
                return LoadResult([], [LoadProblem(self.path, None, f"Cannot read it: {error}")])
            parsed = profiles.parse(self.path, text)
            self._damaged = parsed.damaged
            self._kept_raw = parsed.kept_raw
            for account, secret_names in parsed.accounts:
                self._accounts[account.name] = account
                self._secret_names[account.name] = secret_names
            return LoadResult(list(self._accounts.values()), parsed.problems)

    def accounts(self) -> list[Account]:
        with self._lock:
            self._ensure_loaded()
            return list(self._accounts.values())

    def get(self, name: str) -> Account:
        with self._lock:
            self._ensure_loaded()
            try:
                return self._accounts[name]
            except KeyError:
                raise UnknownAccount(f"There is no account named {name!r}.") from None

    def names(self) -> set[str]:
        with self._lock:
            self._ensure_loaded()
            return set(self._accounts) | set(self._kept_raw)

    # -- changing -----------------------------------------------------------------------

    def save(self, account: Account, secrets: Mapping[str, str] | None = None) -> None:
        """Add or replace ``account``. ``secrets`` sets the given secret fields (an empty
        value deletes one); secrets not mentioned stay as they are."""
        with self._lock:
            self._ensure_loaded()
            kind = account.provider_kind
            given = SecretValues(secrets)  # registers them with the redactor first
            unknown = sorted(set(given) - set(kind.secret_fields))
            if unknown:
                raise AccountError(f"{', '.join(unknown)}: not secret fields of {kind.label}.")
            previous = self._accounts.get(account.name)
            kept = set(self._secret_names.get(account.name, ())) if previous else set()
            if previous is not None and previous.kind != account.kind:
                kept = set()  # another kind: its old secrets mean nothing now
            present = (kept | {k for k, v in given.items() if v}) - {k for k, v in given.items() if not v}
            # Validate as the provider will see it; stored secrets only need to exist.
            merged = {**account.settings, **{k: "(stored)" for k in present}}
            if problems := kind.problems(merged):
                raise AccountError(f"Account {account.name!r}: {' '.join(problems)}")
            if previous is not None and previous.kind != account.kind:
                self._delete_secrets(previous)
            for name, value in given.items():
                if value:
                    self.secrets.set(account.name, name, value)
                else:
                    self.secrets.delete(account.name, name)
            self._accounts[account.name] = account
            self._secret_names[account.name] = tuple(sorted(present))
            self._kept_raw.pop(account.name, None)
            self._write()

    def add(self, new: NewAccount) -> Account:
        """Save an account under a name not in use yet (``AccountExists`` otherwise)."""
        with self._lock:
            if new.account.name in self.names():
                raise AccountExists(f"An account named {new.account.name!r} exists already.")
            self.save(new.account, new.secrets)
            return new.account

    def remove(self, name: str) -> None:
        """Forget the account and delete its secrets."""
        with self._lock:
            self._delete_secrets(self.get(name))
            del self._accounts[name]
            self._secret_names.pop(name, None)
            self._write()

    def rename(self, old: str, new: str) -> Account:
        with self._lock:
            account = self.get(old)
            if new == old:
                return account
            if new in self.names():
                raise AccountExists(f"An account named {new!r} exists already.")
            renamed = account.renamed(new)
            names = self._secret_names.pop(old, ())
            for field_name in names:
                value = self.secrets.get(old, field_name)
                if value is not None:
                    self.secrets.set(new, field_name, value)
            self._delete_secrets(account)
            self._accounts = {
                (new if k == old else k): (renamed if k == old else v) for k, v in self._accounts.items()
            }
            self._secret_names[new] = names
            self._write()
            return renamed

    def ensure_default_local_account(self, data_dir: Path | None = None) -> Account | None:
        """At first launch (no accounts, no damaged file): add "Local files"."""
        with self._lock:
            self._ensure_loaded()
            if self._accounts or self._kept_raw or self._damaged or self.path.exists():
                return None
            account = default_local_account(data_dir or paths.data_dir())
            self.save(account)
            return account

    # -- using --------------------------------------------------------------------------

    def settings_for(self, account: Account) -> MergedSettings:
        """Non-secret settings plus secrets, for ``ProviderKind.open``; ``MissingSecret``
        when a secret the account had is not stored any more."""
        kind = account.provider_kind
        with self._lock:
            wanted = self._secret_names.get(account.name, ())
        merged = MergedSettings(account.settings, kind.secret_fields)
        missing: list[str] = []
        for field_name in wanted:
            value = self.secrets.get(account.name, field_name)
            if value is None:
                missing.append(field_name)
            else:
                merged[field_name] = value
        if missing:
            why = "" if self.secrets.persistent else " (secrets were kept for one session only)"
            labels = ", ".join(kind.field(name).label for name in missing)
            raise MissingSecret(
                f"Account {account.name!r}: the {labels} is not stored{why}. Enter it again to sign in.",
                account=account.name,
                fields=tuple(missing),
            )
        return merged

    def supply_secrets(self, name: str, values: Mapping[str, str], *, remember: bool) -> None:
        """Give an account the secrets it lacks (a sign-in prompt): kept where secrets are
        kept when ``remember``, else for this session only. Blocking (keyring, file)."""
        account = self.get(name)
        given = SecretValues(values)
        unknown = sorted(set(given) - set(account.provider_kind.secret_fields))
        if unknown:
            raise AccountError(f"{', '.join(unknown)}: not secret fields of {account.provider_kind.label}.")
        with self._lock:
            for field_name, value in given.items():
                if value:
                    self.secrets.set(name, field_name, value, remember=remember)
            if remember and any(given.values()):
                present = set(self._secret_names.get(name, ())) | {k for k, v in given.items() if v}
                self._secret_names[name] = tuple(sorted(present))
                self._write()

    def open_provider(self, account: Account) -> Provider:
        """Build the provider (no I/O yet: call ``connect()`` on a worker thread)."""
        settings = self.settings_for(account)
        try:
            return account.provider_kind.open(settings)
        except ValueError as error:  # the registry lists problems by label, never values
            raise AccountError(f"Account {account.name!r}: {error}") from None

    def _delete_secrets(self, account: Account) -> None:
        for field_name in account.provider_kind.secret_fields:
            self.secrets.delete(account.name, field_name)

    # -- file ---------------------------------------------------------------------------

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def _write(self) -> None:
        if self._damaged and self.path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            self.backup = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
            shutil.copy2(self.path, self.backup)
            log.warning("The accounts file could not be read; kept it as %s", self.backup)
            self._damaged = False
        records = [(a, self._secret_names.get(a.name, ())) for a in self._accounts.values()]
        write_atomically(self.path, profiles.dump(records, self._kept_raw))
