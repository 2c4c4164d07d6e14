"""One fixture per backend of the conformance suite, named ``<backend>_provider``.

A provider joins the suite in two lines: a fixture here that yields a connected provider
against its real server on 127.0.0.1, and its name in ``CONFORMANCE_BACKENDS`` below.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from tests.servers.azurite import AzuriteServer

if TYPE_CHECKING:  # the SDK loads only when an Azure test runs
    from storebrowser.providers.azure.provider import AzureProvider

CONFORMANCE_BACKENDS: list[str] = [
    "local",
    "azure",
    "swift",
]


@pytest.fixture
def local_provider(tmp_path: Path) -> Iterator[Provider]:
    provider = open_provider("local", {"root": str(tmp_path / "local-root")})
    provider.connect()
    yield provider
    provider.close()


@pytest.fixture
def azure_provider(azurite_server: AzuriteServer) -> Iterator[AzureProvider]:
    from storebrowser.providers.azure.provider import AzureProvider

    provider = open_provider("azure", {"connection_string": azurite_server.connection_string})
    assert isinstance(provider, AzureProvider)
    provider.connect()
    yield provider
    provider.close()


# -- Azure-only tests (tests/providers/test_azure_*.py) ------------------------------------


@pytest.fixture
def azure(azure_provider: AzureProvider) -> AzureProvider:
    return azure_provider


@pytest.fixture
def azure_box(azure: AzureProvider) -> Iterator[str]:
    """A fresh, empty container on Azurite, deleted with its blobs afterwards."""
    name = f"sbtest-{uuid.uuid4().hex[:16]}"
    azure.create_container(name)
    yield name
    with contextlib.suppress(NotFound):
        azure.delete_container(name, force=True)


@pytest.fixture
def swift_provider(swift_server: Any) -> Iterator[Provider]:
    provider = open_provider(
        "swift",
        {"auth_url": swift_server.auth_url, "username": swift_server.user, "api_key": swift_server.key},
    )
    provider.connect()
    yield provider
    provider.close()
