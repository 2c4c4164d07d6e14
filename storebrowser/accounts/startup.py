"""What the app does with accounts when it starts: never fail, say what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from storebrowser.accounts import paths
from storebrowser.accounts.model import Account, default_local_account
from storebrowser.accounts.profiles import LoadProblem
from storebrowser.accounts.store import AccountStore


@dataclass(frozen=True, slots=True)
class Startup:
    accounts: list[Account]
    #: Problems of the accounts file, by file and line, for the window to show.
    problems: list[LoadProblem] = field(default_factory=list)
    #: True when the accounts shown include a "Local files" that is not saved (the file
    #: could not be read, so nothing was written over it).
    unsaved_default: bool = False


def load_accounts_at_start(store: AccountStore, data_dir: Path | None = None) -> Startup:
    """Load the accounts; at first launch add "Local files". Does not touch the keyring
    (the secret store finds it when a secret is first needed) and opens no provider."""
    result = store.load()
    if result.accounts:
        return Startup(result.accounts, result.problems)
    created = store.ensure_default_local_account(data_dir)
    if created is not None:
        return Startup([created], result.problems)
    if result.problems:  # a damaged file: still give the user something to browse
        local = default_local_account(data_dir or paths.data_dir())
        return Startup([local], result.problems, unsaved_default=True)
    return Startup([], [])  # the user removed every account: respect that
