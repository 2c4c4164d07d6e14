"""Helpers for accounts tests against the real test servers (skip what has not landed)."""

from __future__ import annotations

from typing import Any

import pytest

PROVIDER_MODULES = {
    "s3": "storebrowser.providers.s3.provider",
    "azure": "storebrowser.providers.azure.provider",
    "swift": "storebrowser.providers.swift.provider",
}


def need_provider(kind: str) -> None:
    """Skip unless the provider of ``kind`` has landed (its module imports)."""
    if kind in PROVIDER_MODULES:
        pytest.importorskip(PROVIDER_MODULES[kind], reason=f"the {kind} provider has not landed")


def server(request: pytest.FixtureRequest, fixture: str) -> Any:
    """A session server fixture, or a skip while the server fixtures are not on main."""
    try:
        return request.getfixturevalue(fixture)
    except pytest.FixtureLookupError:
        pytest.skip(f"the {fixture} fixture has not landed")
