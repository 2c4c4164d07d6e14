"""Shared pieces of the versions tests: the versioned backends, a versioned container,
writing and listing helpers."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.core.types import ObjectVersion
from storebrowser.providers.base import Provider
from storebrowser.versions.history import iter_versions
from tests.providers.conftest import unique_container_name

#: Backends with versions and delete markers (S3 on moto and on Swift's s3api, Swift).
VERSIONED_BACKENDS = ["s3_moto", "s3_swift", "swift"]


@pytest.fixture(name="versioned_provider", params=VERSIONED_BACKENDS)
def versioned_provider_fixture(request: pytest.FixtureRequest) -> Provider:
    provider: Provider = request.getfixturevalue(f"{request.param}_provider")
    assert provider.capabilities.versioning, provider.capabilities.versioning_note
    return provider


@pytest.fixture(name="versioned")
def versioned_fixture(versioned_provider: Provider) -> Iterator[str]:
    """A fresh container with versioning on, deleted with every version afterwards."""
    name = unique_container_name()
    versioned_provider.create_container(name)
    versioned_provider.set_versioning(name, True)
    yield name
    with contextlib.suppress(NotFound):
        versioned_provider.delete_container(name, force=True)


def put(provider: Provider, container: str, key: str, data: bytes, **options: object) -> None:
    provider.put_object(container, key, io.BytesIO(data), size=len(data), **options)  # type: ignore[arg-type]


def all_versions(
    provider: Provider, container: str, prefix: str = "", delimiter: str | None = None, limit: int = 1000
) -> list[ObjectVersion]:
    """Every page of a versions listing, concatenated."""
    return list(iter_versions(provider, container, prefix, delimiter, page_size=limit))


def versions_of(provider: Provider, container: str, key: str) -> list[ObjectVersion]:
    return [entry for entry in all_versions(provider, container, key) if entry.key == key]
