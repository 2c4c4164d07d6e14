from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.providers.base import Provider
from tests.providers.backends import CONFORMANCE_BACKENDS


@pytest.fixture(params=CONFORMANCE_BACKENDS)
def provider(request: pytest.FixtureRequest) -> Provider:
    return request.getfixturevalue(f"{request.param}_provider")


def unique_container_name() -> str:
    """Valid for every kind: lowercase letters, digits and single hyphens, 3-63 chars."""
    return f"sbtest-{uuid.uuid4().hex[:16]}"


@pytest.fixture
def container(provider: Provider) -> Iterator[str]:
    """A fresh, empty container, deleted with its contents afterwards."""
    name = unique_container_name()
    provider.create_container(name)
    yield name
    with contextlib.suppress(NotFound):
        provider.delete_container(name, force=True)
