"""Accounts tests: private user dirs per test and an in-memory keyring when one is needed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from storebrowser.accounts import AccountStore, SecretStore
from storebrowser.accounts.redact import SECRETS


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A working keyring that lives in a dict (no test may touch the real one)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.refuse = False

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse:
            raise keyring.errors.PasswordSetError("locked")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """XDG config/data/state/cache under this test's tmp_path (platformdirs reads them)."""
    dirs = {}
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):  # fmt: skip
        dirs[sub] = tmp_path / sub
        monkeypatch.setenv(var, str(dirs[sub]))
    return dirs


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def store(user_dirs: dict[str, Path], memory_keyring: MemoryKeyring) -> AccountStore:
    return AccountStore.default()


@pytest.fixture(autouse=True)
def _fresh_redactor() -> Iterator[None]:
    yield
    SECRETS.clear()


def session_store(user_dirs: dict[str, Path]) -> AccountStore:
    """A store whose secrets live for the session only (the conftest's fail backend)."""
    return AccountStore(user_dirs["config"] / "StoreBrowser" / "accounts.toml",
                        SecretStore(None))  # fmt: skip
