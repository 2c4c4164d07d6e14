"""One fixture per backend of the conformance suite, named ``<backend>_provider``.

A provider joins the suite in two lines: a fixture here that yields a connected provider
against its real server on 127.0.0.1, and its name in ``CONFORMANCE_BACKENDS`` below.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider

CONFORMANCE_BACKENDS: list[str] = [
    "local",
    "swift",
]


@pytest.fixture
def local_provider(tmp_path: Path) -> Iterator[Provider]:
    provider = open_provider("local", {"root": str(tmp_path / "local-root")})
    provider.connect()
    yield provider
    provider.close()


@pytest.fixture
def swift_provider(swift_server: Any) -> Iterator[Provider]:
    provider = open_provider(
        "swift",
        {"auth_url": swift_server.auth_url, "username": swift_server.user, "api_key": swift_server.key},
    )
    provider.connect()
    yield provider
    provider.close()
