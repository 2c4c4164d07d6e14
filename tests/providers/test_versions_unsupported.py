"""Where versions cannot be kept, the capability is off, the state says why, and every
versions call raises ``Unsupported`` with that reason: a Swift cluster without object
versioning (native API and s3api, on a second all-in-one started without it), and the
local-folder provider."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from storebrowser.core.errors import NotFound, Unsupported
from storebrowser.core.types import VersioningStatus
from storebrowser.providers.base import Provider
from tests.providers.backends import _connected, s3_swift_settings
from tests.providers.conftest import unique_container_name
from tests.servers.swift_aio import SwiftServer, start_swift


@pytest.fixture(scope="module")
def plain_swift() -> Iterator[SwiftServer]:
    """A Swift all-in-one whose proxy does not offer object versioning."""
    with start_swift(object_versioning=False) as server:
        yield server


@pytest.fixture(params=["swift", "s3"])
def unversioned(request: pytest.FixtureRequest, plain_swift: SwiftServer) -> Iterator[Provider]:
    if request.param == "swift":
        settings = {
            "auth_url": plain_swift.auth_url,
            "username": plain_swift.user,
            "api_key": plain_swift.key,
        }
    else:
        settings = s3_swift_settings(plain_swift)
    yield from _connected(request.param, settings)


def _calls_refused(provider: Provider, container: str, reason: str) -> None:
    calls = [
        lambda: provider.list_versions_page(container),
        lambda: provider.stat_version(container, "k", "1"),
        lambda: provider.read_version(container, "k", "1"),
        lambda: provider.delete_version(container, "k", "1"),
        lambda: provider.restore_version(container, "k", "1"),
        lambda: provider.set_versioning(container, True),
    ]
    for call in calls:
        with pytest.raises(Unsupported, match=reason):
            call()


def test_a_server_without_object_versioning_says_so(unversioned: Provider) -> None:
    provider = unversioned
    assert not provider.capabilities.versioning
    note = provider.capabilities.versioning_note
    assert "versioning" in note
    name = unique_container_name()
    provider.create_container(name)
    try:
        state = provider.versioning_state(name)
        assert (state.status, state.reason) == (VersioningStatus.UNSUPPORTED, note)
        _calls_refused(provider, name, "does not support versions")
    finally:
        with contextlib.suppress(NotFound):
            provider.delete_container(name, force=True)


def test_the_reason_points_at_what_is_missing(unversioned: Provider) -> None:
    note = unversioned.capabilities.versioning_note
    expected = "object_versioning" if unversioned.kind == "swift" else "NotImplemented"
    assert expected in note


def test_local_folders_keep_no_versions(local_provider: Provider) -> None:
    provider = local_provider
    provider.create_container("box")
    assert not provider.capabilities.versioning
    state = provider.versioning_state("box")
    assert state.status is VersioningStatus.UNSUPPORTED
    assert "keeps no earlier versions" in state.reason
    _calls_refused(provider, "box", "keeps no earlier versions")
