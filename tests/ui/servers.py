"""Accounts on the real test servers, for the UI tests: one fixture gives the settings of
an account of each kind, so a test can be parametrized over every service."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.providers.base import Provider
from tests.providers.backends import s3_moto_settings, s3_swift_settings

SERVER_ACCOUNTS = ["s3_swift", "s3_moto", "azure", "swift"]


@dataclass(frozen=True)
class ServerAccount:
    name: str
    kind: str
    settings: dict[str, Any]


def server_account(request: pytest.FixtureRequest, which: str) -> ServerAccount:
    if which == "s3_swift":
        return ServerAccount(
            "S3 (Swift s3api)", "s3", s3_swift_settings(request.getfixturevalue("swift_server"))
        )
    if which == "s3_moto":
        return ServerAccount("S3 (moto)", "s3", s3_moto_settings(request.getfixturevalue("moto_server")))
    if which == "azure":
        azurite = request.getfixturevalue("azurite_server")
        return ServerAccount("Azurite", "azure", {"connection_string": azurite.connection_string})
    if which == "swift":
        swift = request.getfixturevalue("swift_server")
        return ServerAccount(
            "Swift", "swift", {"auth_url": swift.auth_url, "username": swift.user, "api_key": swift.key}
        )
    raise ValueError(which)


def unique_name() -> str:
    return f"sbui-{uuid.uuid4().hex[:12]}"


@contextlib.contextmanager
def temporary_container(provider: Provider, name: str | None = None) -> Iterator[str]:
    name = name or unique_name()
    provider.create_container(name)
    try:
        yield name
    finally:
        with contextlib.suppress(NotFound):
            provider.delete_container(name, force=True)
