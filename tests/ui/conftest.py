"""UI test fixtures: a real account store (session-only secrets), real providers and
the explorer wired as the app wires it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from storebrowser.accounts import Account, AccountStore, SecretStore
from storebrowser.accounts.pool import ProviderPool
from storebrowser.accounts.startup import Startup
from storebrowser.editing.cache import EditCache
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.transfers import Journal, TransferEngine
from storebrowser.transfers.conflicts import AskCallback
from storebrowser.ui.application import Explorer, Services, build_explorer
from storebrowser.ui.places.tree_model import AccountEntry
from storebrowser.ui.uistate import UiState


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(max_threads=4)
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def store(tmp_path: Path) -> AccountStore:
    return AccountStore(tmp_path / "config" / "accounts.toml", SecretStore(None))


@pytest.fixture
def pool(store: AccountStore) -> Iterator[ProviderPool]:
    providers = ProviderPool(store)
    yield providers
    providers.close()


AddAccount = Callable[..., Account]


@pytest.fixture
def add_account(store: AccountStore) -> AddAccount:
    """``add_account(name, kind, settings)``: secret fields go to the secret store."""

    def add(name: str, kind: str, settings: dict[str, Any]) -> Account:
        probe = Account(name, kind, {})
        secret_names = set(probe.provider_kind.secret_fields)
        plain = {k: v for k, v in settings.items() if k not in secret_names}
        secrets = {k: v for k, v in settings.items() if k in secret_names}
        account = Account(name, kind, plain)
        store.save(account, secrets)
        return account

    return add


@pytest.fixture
def local_root(tmp_path: Path) -> Path:
    return tmp_path / "files"


@pytest.fixture
def local_account(add_account: AddAccount, local_root: Path, pool: ProviderPool) -> AccountEntry:
    add_account("Local files", "local", {"root": str(local_root)})
    # Files written straight into the folder: the local provider's objects (and quicker
    # than 1,200 uploads).
    documents = local_root / "documents"
    (documents / "drafts").mkdir(parents=True)
    for i in range(1200):
        (documents / f"file-{i:04}.txt").write_bytes(b"x" * (i % 7))
    (documents / "drafts" / "a.txt").write_bytes(b"draft")
    (local_root / "photos" / "2024").mkdir(parents=True)
    (local_root / "photos" / "2024" / "cat.jpg").write_bytes(b"\xff\xd8\xff" + b"x" * 100)
    return AccountEntry("Local files", "Local folder")


@pytest.fixture
def broken_account(add_account: AddAccount, tmp_path: Path) -> AccountEntry:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the account's folder should be")
    add_account("Broken", "local", {"root": str(blocker / "inside")})
    return AccountEntry("Broken", "Local folder")


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal(tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def make_explorer(
    qtbot: Any, store: AccountStore, pool: ProviderPool, runner: TaskRunner, journal: Journal, tmp_path: Path
) -> Iterator[Callable[[], Explorer]]:
    """The explorer on the store's accounts, as ``app.py`` builds it; it waits until the
    transfer engine is up."""
    explorers: list[Explorer] = []

    def make_engine(ask: AskCallback) -> TransferEngine:
        return TransferEngine(pool, journal, concurrency=2, ask=ask)

    def make() -> Explorer:
        startup = Startup(store.accounts())
        services = Services(
            store=store, startup=startup, pool=pool, make_engine=make_engine, ui_state=UiState(None),
            edit_cache=EditCache(tmp_path / "edit-cache"),
        )  # fmt: skip
        explorer = build_explorer(services, runner)
        explorers.append(explorer)
        qtbot.addWidget(explorer.window)
        explorer.window.show()
        qtbot.waitUntil(lambda: explorer.bridge.engine is not None, timeout=10_000)
        return explorer

    yield make
    for explorer in explorers:
        explorer.bridge.close()


@pytest.fixture
def swift_account(request: pytest.FixtureRequest, add_account: AddAccount) -> Iterator[tuple[str, Provider]]:
    """An account "Swift" on the all-in-one, and a second client of it to check results."""
    from tests.ui.servers import server_account

    account = server_account(request, "swift")
    add_account(account.name, account.kind, account.settings)
    other = open_provider(account.kind, account.settings)
    other.connect()
    yield account.name, other
    other.close()
