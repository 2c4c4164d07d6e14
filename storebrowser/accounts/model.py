"""Accounts as values: a name, a provider kind and the settings that are not secret."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from storebrowser.accounts.redact import SECRETS
from storebrowser.core.errors import ActionableError
from storebrowser.core.tuning import Tuning
from storebrowser.providers.registry import ProviderKind, get_kind

DEFAULT_LOCAL_NAME = "Local files"


class AccountError(ActionableError):
    """A problem with accounts themselves (not with a storage service)."""


class UnknownAccount(AccountError):
    pass


class AccountExists(AccountError):
    pass


class MissingSecret(AccountError):
    """A secret the account needs is not stored (e.g. kept for a session that ended).

    ``account`` and ``fields`` (secret field names) say what to ask the user for."""

    def __init__(self, message: str, *, account: str = "", fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.account = account
        self.fields = fields


@dataclass(frozen=True, slots=True)
class Account:
    """One saved account. ``settings`` never holds secrets: those live in a SecretStore."""

    name: str
    kind: str
    settings: Mapping[str, Any] = field(default_factory=dict)
    #: How hard its transfers push, where it differs from its kind's defaults.
    tuning: Tuning = field(default_factory=Tuning)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise AccountError("An account needs a name.")
        if self.name != self.name.strip() or "/" in self.name or "\n" in self.name:
            raise AccountError(
                f"Account name {self.name!r}: no leading or trailing spaces, '/' or line breaks."
            )
        try:
            kind = get_kind(self.kind)
        except KeyError as error:
            raise AccountError(str(error.args[0])) from None
        secret_here = sorted(set(self.settings) & set(kind.secret_fields))
        if secret_here:
            # Names only: the values are exactly what must not reach a message.
            raise AccountError(
                f"Account {self.name!r}: {', '.join(secret_here)} are secrets and belong in "
                "the secret store, not in the settings."
            )
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))

    def __hash__(self) -> int:  # settings is a mapping; name and kind identify enough
        return hash((self.name, self.kind))

    @property
    def provider_kind(self) -> ProviderKind:
        return get_kind(self.kind)

    def with_settings(self, **changes: Any) -> Account:
        return Account(self.name, self.kind, {**self.settings, **changes}, self.tuning)

    def with_tuning(self, tuning: Tuning) -> Account:
        return Account(self.name, self.kind, self.settings, tuning)

    def renamed(self, name: str) -> Account:
        return Account(name, self.kind, self.settings, self.tuning)

    @property
    def transfer_tuning(self) -> Tuning:
        """Its own values laid over its kind's defaults: what the engine runs it with."""
        return self.tuning.over(self.provider_kind.tuning)


class SecretValues(dict[str, str]):
    """Secret fields of one account; its repr shows the field names, never the values.

    Values are registered with the log redactor as soon as they are held here, so that
    even a secret that is never saved (an import the user declines) stays out of logs.
    """

    def __init__(self, values: Mapping[str, str] | None = None) -> None:
        super().__init__(values or {})
        SECRETS.register_all(v for v in self.values() if v)

    def __setitem__(self, name: str, value: str) -> None:
        if value:
            SECRETS.register(value)
        super().__setitem__(name, value)

    def __repr__(self) -> str:
        return f"SecretValues({', '.join(f'{name}=***' for name in self)})"

    __str__ = __repr__


class MergedSettings(dict[str, Any]):
    """Settings with the secrets merged in, as a provider needs them; repr masks secrets."""

    def __init__(self, settings: Mapping[str, Any], secret_names: tuple[str, ...]) -> None:
        super().__init__(settings)
        self.secret_names = secret_names

    def secret_values(self) -> list[str]:
        """The secrets held here: what messages about this account must mask."""
        return [str(self[name]) for name in self.secret_names if self.get(name)]

    def __repr__(self) -> str:
        shown = {k: ("***" if k in self.secret_names else v) for k, v in self.items()}
        return f"MergedSettings({shown!r})"

    __str__ = __repr__


@dataclass(frozen=True, slots=True)
class NewAccount:
    """An account not saved yet, with its secrets (from an importer or a dialog)."""

    account: Account
    secrets: SecretValues = field(default_factory=SecretValues, repr=False)
    #: Where it came from, for reports: "~/.aws/credentials [work]".
    source: str = ""


def default_local_account(data_dir: Path) -> Account:
    """The account shown at first launch, so the app is useful with no credentials."""
    return Account(DEFAULT_LOCAL_NAME, "local", {"root": str(data_dir / DEFAULT_LOCAL_NAME)})
