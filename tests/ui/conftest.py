from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.tree_model import AccountEntry


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(max_threads=4)
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def local_account(tmp_path: Path) -> AccountEntry:
    provider: Provider = open_provider("local", {"root": str(tmp_path / "files")})
    provider.connect()
    provider.create_container("documents")
    provider.create_container("photos")
    for i in range(1200):
        provider.upload_bytes("documents", f"file-{i:04}.txt", b"x" * (i % 7))
    provider.upload_bytes("documents", "drafts/a.txt", b"draft")
    return AccountEntry("Local files", provider)


@pytest.fixture
def broken_account(tmp_path: Path) -> AccountEntry:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the account's folder should be")
    return AccountEntry("Broken", open_provider("local", {"root": str(blocker / "inside")}))
