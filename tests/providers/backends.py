"""One fixture per backend of the conformance suite, named ``<backend>_provider``.

A provider joins the suite in two lines: a fixture here that yields a connected provider
against its real server on 127.0.0.1, and its name in ``CONFORMANCE_BACKENDS`` below.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from tests.servers.base import http_request
from tests.servers.counting_proxy import CountingProxy

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


# -- the same servers behind a byte-counting proxy --------------------------------------------

#: Backends that talk over the network, so a proxy can count what travels.
COUNTED_BACKENDS: list[str] = ["s3_swift", "s3_moto", "azure", "swift"]


@dataclass
class CountedProvider:
    """A connected provider whose every request goes through ``proxy`` (counts reset
    after ``connect``)."""

    name: str
    provider: Provider
    proxy: CountingProxy


def _through(url: str, proxy: CountingProxy) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{parts.hostname}:{proxy.port}"))


def _port(url: str) -> int:
    port = urlsplit(url).port
    assert port is not None, url
    return port


SettingsThrough = Callable[[CountingProxy], dict[str, Any]]


def _counted_settings(name: str, request: pytest.FixtureRequest) -> tuple[str, str, SettingsThrough]:
    """(kind, the server URL the proxy stands in front of, settings through the proxy)."""
    if name == "azure":
        azurite = request.getfixturevalue("azurite_server")
        return "azure", azurite.blob_endpoint, lambda proxy: {
            "connection_string": azurite.connection_string.replace(
                azurite.blob_endpoint, _through(azurite.blob_endpoint, proxy)
            )
        }
    if name == "s3_moto":
        moto = request.getfixturevalue("moto_server")
        return "s3", moto.endpoint_url, lambda proxy: s3_moto_settings(
            moto, endpoint_url=_through(moto.endpoint_url, proxy)
        )
    swift = request.getfixturevalue("swift_server")
    if name == "s3_swift":
        return "s3", swift.s3_endpoint, lambda proxy: s3_swift_settings(
            swift, endpoint_url=_through(swift.s3_endpoint, proxy)
        )
    assert name == "swift", name
    # Pre-authenticated (storage URL + token), so the sign-in does not go through the
    # proxy and the storage URL can point at it.
    reply = http_request("GET", swift.auth_url, {"X-Auth-User": swift.user, "X-Auth-Key": swift.key})
    storage_url, token = reply.headers["x-storage-url"], reply.headers["x-auth-token"]
    return "swift", storage_url, lambda proxy: {
        "storage_url": _through(storage_url, proxy),
        "auth_token": token,
    }


@contextlib.contextmanager
def open_counted(
    name: str, request: pytest.FixtureRequest, proxy_type: type[CountingProxy] = CountingProxy
) -> Iterator[CountedProvider]:
    """The backend ``name`` (one of ``COUNTED_BACKENDS``) through a fresh counting proxy
    (or a ``FaultProxy``, as ``proxy_type``)."""
    kind, server_url, settings = _counted_settings(name, request)
    with proxy_type(_port(server_url)) as proxy:
        provider = open_provider(kind, settings(proxy))
        provider.connect()
        proxy.reset()
        try:
            yield CountedProvider(name, provider, proxy)
        finally:
            provider.close()


@pytest.fixture
def counting_provider(request: pytest.FixtureRequest) -> Iterator[Callable[[str], CountedProvider]]:
    """``counting_provider("azure")`` -> a ``CountedProvider``; closed after the test.

    For tests that pick their backends (e.g. the GUI preview's), where
    ``counted_provider`` runs each test once per backend."""
    with contextlib.ExitStack() as stack:
        yield lambda name: stack.enter_context(open_counted(name, request))


@pytest.fixture(params=COUNTED_BACKENDS)
def counted_provider(
    request: pytest.FixtureRequest, counting_provider: Callable[[str], CountedProvider]
) -> CountedProvider:
    return counting_provider(request.param)
