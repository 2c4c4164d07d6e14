"""Session-scoped pytest fixtures for the real test servers.

Enable with ``pytest_plugins = ["tests.servers.fixtures"]`` in ``tests/conftest.py``.
A session fixture only runs when a test asks for it, so a run that needs no server starts
none; each server starts at most once per session and is stopped when the session ends.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .azurite import AzuriteServer, start_azurite
from .moto_s3 import MotoServer, start_moto
from .swift_aio import SwiftServer, start_swift


@pytest.fixture(scope="session")
def swift_server() -> Iterator[SwiftServer]:
    """Swift all-in-one: native API (tempauth v1) and S3 API (s3api) on one proxy."""
    with start_swift() as server:
        yield server


@pytest.fixture(scope="session")
def azurite_server() -> Iterator[AzuriteServer]:
    """Azurite blob service with the well-known devstoreaccount1 account."""
    with start_azurite() as server:
        yield server


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoServer]:
    """moto S3 server; accepts any credentials."""
    with start_moto() as server:
        yield server
