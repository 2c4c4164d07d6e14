"""Importers: accounts from the configuration of other tools, with a report.

Each importer returns an ``ImportReport`` of ready accounts (validated by the kind's own
checks) and of what it skipped and why; ``add_imported`` saves them without clobbering
accounts that exist already.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from storebrowser.accounts.importers.aws import import_aws
from storebrowser.accounts.importers.azure import import_azure_env
from storebrowser.accounts.importers.openstack import import_clouds_yaml, import_openstack_env
from storebrowser.accounts.importers.rclone import import_rclone
from storebrowser.accounts.importers.report import ImportReport, Skipped
from storebrowser.accounts.model import Account, AccountError
from storebrowser.accounts.store import AccountStore

__all__ = [
    "Clash",
    "ImportReport",
    "Imported",
    "Skipped",
    "add_imported",
    "import_all",
    "import_aws",
    "import_azure_env",
    "import_clouds_yaml",
    "import_openstack_env",
    "import_rclone",
]


def import_all(
    env: Mapping[str, str] | None = None, home: Path | None = None, cwd: Path | None = None
) -> ImportReport:
    """Everything every importer finds on this computer."""
    env = os.environ if env is None else env
    report = ImportReport()
    report.extend(import_aws(env, home))
    report.extend(import_azure_env(env))
    report.extend(import_openstack_env(env))
    report.extend(import_clouds_yaml(env, home, cwd))
    report.extend(import_rclone(env, home))
    return report


class Clash(enum.Enum):
    """What to do when an imported account's name is taken."""

    SUFFIX = "suffix"  # "AWS work (2)"
    SKIP = "skip"


@dataclass(slots=True)
class Imported:
    added: list[Account] = field(default_factory=list)
    #: Imported name -> the name it was saved under.
    renamed: dict[str, str] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)


def add_imported(store: AccountStore, report: ImportReport, clash: Clash = Clash.SUFFIX) -> Imported:
    """Save the report's accounts; never replaces an existing account."""
    result = Imported(skipped=list(report.skipped))
    for new in report.accounts:
        account = new.account
        same = _same_account(store, account)
        if same is not None:
            result.skipped.append(Skipped(new.source, account.name, f"already there as {same!r}."))
            continue
        name = account.name
        if name in store.names():
            if clash is Clash.SKIP:
                result.skipped.append(Skipped(new.source, name, "an account with this name exists."))
                continue
            name = _free_name(store, name)
            account = account.renamed(name)
            result.renamed[new.account.name] = name
        try:
            store.save(account, new.secrets)
        except AccountError as error:
            result.skipped.append(Skipped(new.source, name, str(error)))
            continue
        result.added.append(account)
    return result


def _same_account(store: AccountStore, account: Account) -> str | None:
    """An existing account with the same kind and settings (a second import of it)."""
    for existing in store.accounts():
        if existing.kind == account.kind and dict(existing.settings) == dict(account.settings):
            return existing.name
    return None


def _free_name(store: AccountStore, name: str) -> str:
    taken = store.names()
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"
