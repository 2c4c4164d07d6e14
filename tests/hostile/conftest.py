"""One connected provider, the settings to open it again (for the CLI and the engine) and
another client of the same store, per backend; each test gets a fresh container."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import StorageError
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from tests.hostile.keys import BACKENDS
from tests.hostile.raw import AzureRaw, LocalRaw, RawStore, S3Raw, SwiftRaw
from tests.providers.backends import s3_moto_settings, s3_swift_settings


@dataclass
class Store:
    name: str
    kind: str
    settings: dict[str, Any]
    provider: Provider
    raw: RawStore


def _open(name: str, request: pytest.FixtureRequest, root: Path) -> tuple[str, dict[str, Any], RawStore]:
    if name == "local":
        return "local", {"root": str(root)}, LocalRaw(root)
    if name == "azure":
        server = request.getfixturevalue("azurite_server")
        return "azure", {"connection_string": server.connection_string}, AzureRaw(server.connection_string)
    if name == "s3_moto":
        settings = s3_moto_settings(request.getfixturevalue("moto_server"))
        return "s3", settings, S3Raw(settings)
    swift = request.getfixturevalue("swift_server")
    if name == "s3_swift":
        settings = s3_swift_settings(swift)
        return "s3", settings, S3Raw(settings)
    settings = {"auth_url": swift.auth_url, "username": swift.user, "api_key": swift.key}
    return "swift", settings, SwiftRaw(swift.auth_url, swift.user, swift.key)


def open_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """For a module-scoped fixture parametrised by backend names."""
    root = tmp_path_factory.mktemp("hostile-local")
    kind, settings, raw = _open(request.param, request, root)
    provider = open_provider(kind, settings)
    provider.connect()
    yield Store(request.param, kind, settings, provider, raw)
    provider.close()


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from open_store(request, tmp_path_factory)


@pytest.fixture
def box(store: Store) -> Iterator[str]:
    """A fresh container, deleted with what is in it afterwards."""
    name = f"hostile-{uuid.uuid4().hex[:12]}"
    store.provider.create_container(name)
    yield name
    with contextlib.suppress(StorageError):
        store.provider.delete_container(name, force=True)
