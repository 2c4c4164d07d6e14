"""Accounts: saved profiles, their secrets, importers and "test connection". No Qt.

- ``AccountStore``: the profiles file (TOML under the platform's config dir, no secrets)
  plus a ``SecretStore`` (OS keyring; this session only when there is none; a 0600 file
  when the user asks). A damaged file is reported with its line and never stops the app.
- ``redact``: a logging filter that masks every secret the store has handed out.
- ``importers``: AWS, Azure, OpenStack and rclone configuration, each with a report.
- ``connection.test_connection``: one cheap authenticated call with a typed outcome.

Rules (tests/test_dependency_rules.py): imports ``storebrowser.core`` and
``storebrowser.providers`` only, never Qt and never an SDK directly.
"""

from storebrowser.accounts.model import (
    Account,
    AccountError,
    AccountExists,
    MissingSecret,
    NewAccount,
    SecretValues,
    UnknownAccount,
    default_local_account,
)
from storebrowser.accounts.profiles import LoadProblem
from storebrowser.accounts.secrets import SecretStore, Storage
from storebrowser.accounts.store import AccountStore, LoadResult

__all__ = [
    "Account",
    "AccountError",
    "AccountExists",
    "AccountStore",
    "LoadProblem",
    "LoadResult",
    "MissingSecret",
    "NewAccount",
    "SecretStore",
    "SecretValues",
    "Storage",
    "UnknownAccount",
    "default_local_account",
]
