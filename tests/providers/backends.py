"""One fixture per backend of the conformance suite, named ``<backend>_provider``.

A provider joins the suite in two lines: a fixture here that yields a connected provider
against its real server on 127.0.0.1, and its name in ``CONFORMANCE_BACKENDS`` below.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider

if TYPE_CHECKING:
    from tests.servers.moto_s3 import MotoServer
    from tests.servers.swift_aio import SwiftServer

CONFORMANCE_BACKENDS: list[str] = [
    "local",
    "s3_swift",
    "s3_moto",
]


@pytest.fixture
def local_provider(tmp_path: Path) -> Iterator[Provider]:
    provider = open_provider("local", {"root": str(tmp_path / "local-root")})
    provider.connect()
    yield provider
    provider.close()


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
    provider = open_provider("s3", s3_swift_settings(swift_server))
    provider.connect()
    yield provider
    provider.close()


@pytest.fixture
def s3_moto_provider(moto_server: MotoServer) -> Iterator[Provider]:
    provider = open_provider("s3", s3_moto_settings(moto_server))
    provider.connect()
    yield provider
    provider.close()
