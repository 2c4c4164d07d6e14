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

if TYPE_CHECKING:  # the SDKs load only when a test of theirs runs
    from storebrowser.providers.azure.provider import AzureProvider
    from tests.servers.azurite import AzuriteServer
    from tests.servers.moto_s3 import MotoServer
    from tests.servers.swift_aio import SwiftServer

CONFORMANCE_BACKENDS: list[str] = [
    "local",
    "s3_swift",
    "s3_moto",
    "azure",
    "swift",
]


def _connected(kind: str, settings: dict[str, Any]) -> Iterator[Provider]:
    provider = open_provider(kind, settings)
    provider.connect()
    yield provider
    provider.close()


@pytest.fixture
def local_provider(tmp_path: Path) -> Iterator[Provider]:
    yield from _connected("local", {"root": str(tmp_path / "local-root")})


# -- S3: Swift's s3api (checks signatures: the S3 of record) and moto ---------------------


def s3_swift_settings(swift_server: SwiftServer, **overrides: Any) -> dict[str, Any]:
    """Swift's s3api: checks signatures, path-style, region us-east-1."""
    settings: dict[str, Any] = {
        "endpoint_url": swift_server.s3_endpoint,
        "access_key_id": swift_server.s3_access_key,
        "secret_access_key": swift_server.s3_secret_key,
        "region": swift_server.region,
        "path_style": True,
    }
    return settings | overrides


def s3_moto_settings(moto_server: MotoServer, **overrides: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "endpoint_url": moto_server.endpoint_url,
        "access_key_id": moto_server.access_key,
        "secret_access_key": moto_server.secret_key,
        "region": moto_server.region,
        "path_style": True,
    }
    return settings | overrides


@pytest.fixture
def s3_swift_provider(swift_server: SwiftServer) -> Iterator[Provider]:
    yield from _connected("s3", s3_swift_settings(swift_server))


@pytest.fixture
def s3_moto_provider(moto_server: MotoServer) -> Iterator[Provider]:
    yield from _connected("s3", s3_moto_settings(moto_server))


# -- Azure: Azurite -------------------------------------------------------------------------


@pytest.fixture
def azure_provider(azurite_server: AzuriteServer) -> Iterator[Provider]:
    yield from _connected("azure", {"connection_string": azurite_server.connection_string})


@pytest.fixture
def azure(azure_provider: AzureProvider) -> AzureProvider:
    """For the Azure-only tests (tests/providers/test_azure_*.py)."""
    return azure_provider


@pytest.fixture
def azure_box(azure: AzureProvider) -> Iterator[str]:
    """A fresh, empty container on Azurite, deleted with its blobs afterwards."""
    name = f"sbtest-{uuid.uuid4().hex[:16]}"
    azure.create_container(name)
    yield name
    with contextlib.suppress(NotFound):
        azure.delete_container(name, force=True)


# -- Swift: the all-in-one, v1 auth through tempauth ----------------------------------------


@pytest.fixture
def swift_provider(swift_server: SwiftServer) -> Iterator[Provider]:
    settings = {"auth_url": swift_server.auth_url, "username": swift_server.user, "api_key": swift_server.key}
    yield from _connected("swift", settings)
