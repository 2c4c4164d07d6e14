"""What the accounts dialogs do off the GUI thread: the blocking calls on an AccountStore.

The store reads and writes the profiles file and the keyring, and holds a lock while it
does: the GUI thread calls none of this, not even ``store.names()``. Each function here
returns a value the dialog can show as it is (``StoreView``, ``SecretState``…), and
expected failures come back as ``Failed`` values rather than as exceptions, so that a
refused save is a message in the form and not a logged traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from storebrowser.accounts.connection import ConnectionTest, test_settings
from storebrowser.accounts.importers import Imported, ImportReport, add_imported
from storebrowser.accounts.model import (
    Account,
    AccountError,
    MergedSettings,
    MissingSecret,
    NewAccount,
    SecretValues,
)
from storebrowser.accounts.profiles import LoadProblem
from storebrowser.accounts.redact import SECRETS
from storebrowser.accounts.secrets import SECRETS_FILE_NAME, Storage
from storebrowser.accounts.store import AccountStore

if TYPE_CHECKING:  # this module runs on workers and stays free of Qt
    from storebrowser.qtbridge.tasks import TaskResult

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Failed:
    """An expected failure, with a message fit to show (secrets masked)."""

    message: str


@dataclass(frozen=True, slots=True)
class StoreView:
    """What the dialog shows of the store, read on a worker."""

    accounts: tuple[Account, ...]
    problems: tuple[LoadProblem, ...]
    storage: Storage
    #: ``SecretStore.warning``: empty when secrets sit in the keyring.
    warning: str
    #: Where the user may choose to keep secrets when there is no keyring.
    secrets_file: Path

    def names(self) -> set[str]:
        return {a.name for a in self.accounts}

    def get(self, name: str) -> Account | None:
        return next((a for a in self.accounts if a.name == name), None)


@dataclass(frozen=True, slots=True)
class SecretState:
    """Which secret fields of one account have a stored value (never the values)."""

    stored: frozenset[str]
    #: Why a secret the account had is gone (kept for a session that ended), or "".
    note: str = ""


def guarded(func: Callable[[], T]) -> Callable[[], T | Failed]:
    """``func`` with account and file errors turned into ``Failed`` values."""

    def call() -> T | Failed:
        try:
            return func()
        except (AccountError, OSError) as error:
            return Failed(SECRETS.redact(str(error)))

    return call


def outcome(result: TaskResult[T | Failed]) -> T | Failed:
    """What a guarded call gave: its value, or a ``Failed`` saying what went wrong."""
    if not result.ok:
        return Failed(SECRETS.redact(result.message()))
    # It returned, so ``value`` is what it returned (None too, where T allows it).
    return cast("T | Failed", result.value)


def read_view(store: AccountStore, *, reload: bool = False) -> StoreView:
    """The accounts, the file's problems and where secrets are kept. ``reload`` reads the
    file again (the first time, and to pick up changes made elsewhere)."""
    problems: tuple[LoadProblem, ...] = ()
    if reload:
        problems = tuple(store.load().problems)
    secrets = store.secrets
    return StoreView(
        tuple(store.accounts()),
        problems,
        secrets.storage,  # resolving the keyring probes its backends: never on the GUI
        secrets.warning,
        store.path.parent / SECRETS_FILE_NAME,
    )


def inspect(store: AccountStore, account: Account) -> SecretState:
    try:
        merged = store.settings_for(account)
    except MissingSecret as error:
        stored = {n for n in account.provider_kind.secret_fields if store.secrets.get(account.name, n)}
        return SecretState(frozenset(stored), str(error))
    return SecretState(frozenset(n for n in account.provider_kind.secret_fields if n in merged))


@dataclass(frozen=True, slots=True)
class Saved:
    view: StoreView
    account: Account
    secrets: SecretState


def save(store: AccountStore, original: str | None, account: Account, changes: Mapping[str, str]) -> Saved:
    """Add (``original`` None) or update the account, renaming it first if asked."""
    secrets = SecretValues(changes)
    if original is None:
        store.add(NewAccount(account, secrets, source="accounts dialog"))
    else:
        if original != account.name:
            store.rename(original, account.name)
        store.save(account, secrets)
    return Saved(read_view(store), account, inspect(store, account))


def remove(store: AccountStore, name: str) -> StoreView:
    store.remove(name)
    return read_view(store)


def keep_secrets_in_file(store: AccountStore) -> StoreView:
    """The user's explicit choice: secrets in a 0600 file from now on."""
    store.secrets.use_file(store.path.parent / SECRETS_FILE_NAME)
    return read_view(store)


def storage(store: AccountStore) -> Storage:
    """Where secrets are kept (finding the keyring probes its backends: a worker's job)."""
    return store.secrets.storage


def supply(store: AccountStore, name: str, values: Mapping[str, str], *, remember: bool) -> None:
    """A sign-in's secrets: remembered where secrets are kept (with no keyring, the user
    chose the secrets file by asking to remember), or kept for this session only."""
    if remember and store.secrets.storage is Storage.SESSION:
        store.secrets.use_file(store.path.parent / SECRETS_FILE_NAME)
    store.supply_secrets(name, values, remember=remember)


def test_form(
    store: AccountStore, original: str | None, account: Account, changes: Mapping[str, str]
) -> ConnectionTest:
    """Test what the form shows: its settings, the secrets typed, the stored ones for the
    rest (read here, so that they never reach the GUI thread)."""
    kind = account.provider_kind
    merged = MergedSettings(account.settings, kind.secret_fields)
    typed = SecretValues({n: v for n, v in changes.items() if v})
    for name in kind.secret_fields:
        if name in typed:
            merged[name] = typed[name]
        elif original is not None and name not in changes:
            value = store.secrets.get(original, name)
            if value:
                merged[name] = value
    return test_settings(kind, merged, account.name)


def add_chosen(store: AccountStore, report: ImportReport, chosen: list[int]) -> tuple[Imported, StoreView]:
    """Save the chosen accounts of an import (names taken get " (2)"), never replacing one."""
    picked = ImportReport(accounts=[report.accounts[i] for i in chosen])
    return add_imported(store, picked), read_view(store)


test_form.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
