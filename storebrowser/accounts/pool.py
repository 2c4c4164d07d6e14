"""Open providers, one per account, shared by the window, the engine and the CLI.

Opening an account reads its secrets (keyring: I/O) and connecting talks to the
service, so ``get`` blocks: call it on a worker thread. It is thread-safe, opens each
account once even when several threads ask at the same time, and forgets a provider
when its account is edited or removed so the next call opens it with the new settings.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from storebrowser.accounts.store import AccountStore
from storebrowser.providers.base import Provider

#: Applied to each provider right after it opens (e.g. the CLI's --part-size).
Tuner = Callable[[Provider], None]


class ProviderPool:
    def __init__(self, store: AccountStore, *, tune: Tuner | None = None) -> None:
        self.store = store
        self._tune = tune
        self._lock = threading.Lock()
        self._providers: dict[str, Provider] = {}
        self._descriptions: dict[str, str] = {}
        self._opening: dict[str, threading.Lock] = {}

    def __repr__(self) -> str:
        return f"ProviderPool({sorted(self._providers)})"

    def get(self, account_name: str) -> Provider:
        """The connected provider of ``account_name``; opens and connects it on first use.

        Raises ``UnknownAccount``/``AccountError``/``MissingSecret`` for account problems
        and the provider's ``StorageError`` when it cannot connect (nothing is cached
        then, so the next call tries again)."""
        with self._lock:
            provider = self._providers.get(account_name)
            if provider is not None:
                return provider
            opening = self._opening.setdefault(account_name, threading.Lock())
        with opening:  # one thread opens; the others wait for its provider
            with self._lock:
                provider = self._providers.get(account_name)
            if provider is not None:
                return provider
            provider = self.store.open_provider(self.store.get(account_name))
            try:
                provider.ensure_connected()
            except BaseException:
                provider.close()
                raise
            if self._tune is not None:
                self._tune(provider)
            description = provider.describe()  # may read a profile: here, on the worker
            with self._lock:
                self._providers[account_name] = provider
                self._descriptions[account_name] = description
            return provider

    __call__ = get  # the engine takes "a function from account name to provider"

    def cached(self, account_name: str) -> Provider | None:
        """The provider if it is open already (never opens one; safe on any thread)."""
        with self._lock:
            return self._providers.get(account_name)

    def description(self, account_name: str) -> str:
        """``describe()`` of the open provider, as it was when it opened (no I/O)."""
        with self._lock:
            return self._descriptions.get(account_name, "")

    def forget(self, account_name: str) -> None:
        """Close and drop the provider of an account that was edited or removed."""
        with self._lock:
            provider = self._providers.pop(account_name, None)
            self._descriptions.pop(account_name, None)
        if provider is not None:
            provider.close()

    def close(self) -> None:
        with self._lock:
            providers, self._providers = list(self._providers.values()), {}
        for provider in providers:
            provider.close()
