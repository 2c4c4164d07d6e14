from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers.journal import Journal


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Provider]:
    provider = open_provider("local", {"root": str(tmp_path / "store")})
    provider.connect()
    provider.create_container("bucket")
    yield provider
    provider.close()


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()
