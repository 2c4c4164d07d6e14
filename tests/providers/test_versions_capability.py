"""On every conformance backend, the ``versioning`` flag and behaviour agree: off means
every versions call raises ``Unsupported`` and the state says why; on means the state is
one a person can act on."""

from __future__ import annotations

import pytest

from storebrowser.core.errors import Unsupported
from storebrowser.core.types import VersioningStatus
from storebrowser.providers.base import Provider


def test_the_versioning_flag_and_behaviour_agree(provider: Provider, container: str) -> None:
    state = provider.versioning_state(container)
    note = provider.capabilities.versioning_note
    assert note, "a person is told how versions are kept here, or why they are not"
    if not provider.capabilities.versioning:
        assert (state.status, state.reason) == (VersioningStatus.UNSUPPORTED, note)
        for call in (
            lambda: provider.list_versions_page(container),
            lambda: provider.stat_version(container, "k", "1"),
            lambda: provider.delete_version(container, "k", "1"),
        ):
            with pytest.raises(Unsupported):
                call()
        return
    assert state.status is not VersioningStatus.UNSUPPORTED
    assert provider.list_versions_page(container).entries == []
    if not provider.capabilities.snapshots:
        with pytest.raises(Unsupported):
            provider.create_snapshot(container, "k")
