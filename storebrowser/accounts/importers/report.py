"""What an importer found: ready accounts, and what it skipped and why."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from storebrowser.accounts.model import Account, AccountError, NewAccount, SecretValues
from storebrowser.providers.registry import get_kind


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str
    name: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.name}: {self.reason}" if self.name else f"{self.source}: {self.reason}"


@dataclass(slots=True)
class ImportReport:
    accounts: list[NewAccount] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: Remarks about accounts that were imported ("path-style addressing assumed").
    notes: list[str] = field(default_factory=list)

    def extend(self, other: ImportReport) -> ImportReport:
        self.accounts += other.accounts
        self.skipped += other.skipped
        self.notes += other.notes
        return self

    def skip(self, source: str, name: str, reason: str) -> None:
        self.skipped.append(Skipped(source, name, reason))

    def offer(
        self,
        source: str,
        name: str,
        kind: str,
        settings: Mapping[str, Any],
        secrets: Mapping[str, str] | None = None,
    ) -> None:
        """Add the account when the kind's own checks accept it; skip it otherwise."""
        settings = {k: v for k, v in settings.items() if v not in (None, "")}
        secret_values = SecretValues({k: v for k, v in (secrets or {}).items() if v})
        problems = get_kind(kind).problems({**settings, **secret_values})
        if problems:
            self.skip(source, name, " ".join(problems))
            return
        try:
            account = Account(clean_name(name), kind, settings)
        except AccountError as error:
            self.skip(source, name, str(error))
            return
        self.accounts.append(NewAccount(account, secret_values, source))


def clean_name(name: str) -> str:
    """An account name from a profile or remote name: no '/', no line breaks."""
    return re.sub(r"[/\r\n\t]+", "-", name).strip() or "Imported"
