"""Storage classes, restores and tags, the same contract on every provider's real server.

Tests skip by capability, never by provider name; a capability that is off makes the
matching call raise ``Unsupported``, with the provider's reason where it gave one.
"""

from __future__ import annotations

import io
import os

import pytest

from storebrowser.core.errors import InvalidTags, NotArchived, Unsupported
from storebrowser.core.tiers import ClassScope
from storebrowser.providers.base import Provider
from tests.providers.conftest import unique_container_name
from tests.providers.test_conformance import need


def _put(provider: Provider, container: str, key: str, data: bytes) -> None:
    metadata = {"origin": "here"} if provider.capabilities.user_metadata else None
    content_type = "text/x-test" if provider.capabilities.content_type else None
    provider.put_object(container, key, io.BytesIO(data), size=len(data), metadata=metadata,
                        content_type=content_type)  # fmt: skip


def test_off_capabilities_raise_unsupported(provider: Provider, container: str) -> None:
    caps = provider.capabilities
    _put(provider, container, "k", b"v")
    calls = {
        "storage_tiers": lambda: provider.set_storage_class(container, "k", "anything"),
        "archive_restore": lambda: provider.restore_object(container, "k", days=1),
        "object_tags": lambda: provider.get_tags(container, "k"),
        "container_classes": lambda: provider.create_container_in_class(unique_container_name(), "x"),
    }
    for capability, call in calls.items():
        if not getattr(caps, capability):
            with pytest.raises(Unsupported) as caught:
                call()
            reason = caps.reason(capability)
            assert reason is None or reason in caught.value.message
    if not caps.storage_tiers:
        with pytest.raises(Unsupported):
            provider.put_object(container, "c", io.BytesIO(b"c"), size=1, storage_class="anything")


def test_a_class_change_keeps_bytes_and_properties(provider: Provider, container: str) -> None:
    need(provider, "storage_tiers")
    classes = provider.storage_classes()
    assert classes.scope is ClassScope.OBJECT
    online = [c.name for c in classes.classes if not c.archive and not c.default]
    data = os.urandom(100_000)
    _put(provider, container, "obj", data)
    before = provider.stat(container, "obj")
    change = provider.set_storage_class(container, "obj", online[0])
    after = provider.stat(container, "obj")
    assert change.info.storage_class == after.storage_class == online[0]
    assert (after.size, after.content_type, dict(after.metadata)) == (
        before.size, before.content_type, dict(before.metadata),
    )  # fmt: skip
    assert provider.read(container, "obj") == data


def test_restoring_an_object_that_is_not_archived_is_refused(provider: Provider, container: str) -> None:
    need(provider, "archive_restore")
    _put(provider, container, "warm", b"w")
    days = 1 if provider.storage_classes().restore_days else None
    with pytest.raises(NotArchived):
        provider.restore_object(container, "warm", days=days)


def test_tags_round_trip(provider: Provider, container: str) -> None:
    need(provider, "object_tags")
    _put(provider, container, "t", b"t")
    provider.set_tags(container, "t", {"team": "data", "Stage": "raw-2"})
    assert provider.get_tags(container, "t") == {"team": "data", "Stage": "raw-2"}
    with pytest.raises(InvalidTags):
        provider.check_tags({f"k{n}": "v" for n in range(11)})
    provider.set_tags(container, "t", {})
    assert provider.get_tags(container, "t") == {}
