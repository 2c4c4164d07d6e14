"""Shared pieces of the window's versions tests: an account on a real server with a fresh
container (versioned unless asked), and the versions page shown for a place."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.core.places import Location
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.ui.application import Explorer
from storebrowser.ui.versions.pane import VersionsPane
from tests.ui.servers import server_account, unique_name

WAIT = 60_000


@dataclass(frozen=True)
class Box:
    #: The account's name in the window.
    account: str
    #: Another client of the same server, to set things up and read results back.
    other: Provider
    container: str


@contextlib.contextmanager
def server_box(
    request: pytest.FixtureRequest, add_account: Callable[..., Any], which: str, *, versioned: bool = True
) -> Iterator[Box]:
    account = server_account(request, which)
    add_account(account.name, account.kind, account.settings)
    other = open_provider(account.kind, account.settings)
    other.connect()
    container = unique_name()
    other.create_container(container)
    if versioned:
        other.set_versioning(container, True)
    try:
        yield Box(account.name, other, container)
    finally:
        with contextlib.suppress(NotFound):
            other.delete_container(container, force=True)
        other.close()


def show_versions(qtbot: Any, explorer: Explorer, place: Location) -> VersionsPane:
    """Go to ``place`` and turn View > Show Versions on; the page shown."""
    window, versions = explorer.window, explorer.versions
    assert versions is not None
    window.navigate(place)
    qtbot.waitUntil(window.explorer_actions["show_versions"].isEnabled, timeout=WAIT)
    window.explorer_actions["show_versions"].trigger()
    assert window.stack.currentWidget() is versions.page
    return versions.page
