"""Swift storage policies on the all-in-one, which runs two (``gold``, the default, and
``silver``, each with its own object ring): a container is created in one, and an object
moves to the other by a copy into a container of that policy. Read back with
swiftclient directly."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from typing import Any

import pytest

from storebrowser.core.errors import AlreadyExists, InvalidStorageClass, NotFound, Unsupported
from storebrowser.core.tiers import ClassScope
from storebrowser.providers.swift.provider import SwiftProvider
from tests.providers.backends import CountedProvider
from tests.providers.conftest import unique_container_name
from tests.servers.swift_aio import SwiftServer


@pytest.fixture
def swift(swift_provider: SwiftProvider) -> SwiftProvider:
    return swift_provider


@pytest.fixture
def sdk(swift_server: SwiftServer) -> Any:
    from swiftclient.client import Connection

    return Connection(authurl=swift_server.auth_url, user=swift_server.user, key=swift_server.key, retries=0)


@pytest.fixture
def boxes(swift: SwiftProvider) -> Iterator[list[str]]:
    """Names of containers the test makes; deleted with their objects afterwards."""
    names: list[str] = []
    yield names
    for name in names:
        with contextlib.suppress(NotFound):
            swift.delete_container(name, force=True)


def test_the_cluster_s_policies_default_first(swift: SwiftProvider) -> None:
    policies = swift.storage_classes()
    assert policies.scope is ClassScope.CONTAINER and policies.noun == "storage policy"
    assert policies.names() == ["gold", "silver"]
    assert policies.default() is not None and policies.default().name == "gold"
    assert swift.capabilities.container_classes


def test_a_container_made_in_a_policy_lists_it(swift: SwiftProvider, sdk: Any, boxes: list[str]) -> None:
    silver, plain = unique_container_name(), unique_container_name()
    boxes += [silver, plain]
    swift.create_container_in_class(silver, "SILVER")
    swift.create_container(plain)
    assert sdk.head_container(silver)["x-storage-policy"] == "silver"
    assert swift.container_storage_class(silver) == "silver"
    assert swift.container_storage_class(plain) == "gold"
    with pytest.raises(AlreadyExists, match="exists already, in another storage policy"):
        swift.create_container_in_class(plain, "silver")
    assert sdk.head_container(plain)["x-storage-policy"] == "gold"  # a policy never changes
    with pytest.raises(AlreadyExists):
        swift.create_container_in_class(silver, "silver")


def test_an_object_moves_to_another_policy_by_a_copy(
    swift: SwiftProvider, sdk: Any, boxes: list[str]
) -> None:
    gold, silver = unique_container_name(), unique_container_name()
    boxes += [gold, silver]
    swift.create_container(gold)
    swift.create_container_in_class(silver, "silver")
    body = os.urandom(200_000)
    sdk.put_object(gold, "data/a.bin", body, content_type="application/x-test",
                   headers={"X-Object-Meta-Owner": "qa", "Cache-Control": "no-cache"})  # fmt: skip
    info = swift.copy_object(gold, "data/a.bin", silver, "data/a.bin")
    headers, copied = sdk.get_object(silver, "data/a.bin")
    assert copied == body and info.size == len(body)
    assert headers["x-object-meta-owner"] == "qa" and headers["content-type"] == "application/x-test"
    assert headers["cache-control"] == "no-cache"
    assert sdk.head_container(silver)["x-storage-policy"] == "silver"
    assert sdk.get_object(gold, "data/a.bin")[1] == body  # the original stays until deleted


def test_per_object_classes_and_tags_are_off_saying_why(swift: SwiftProvider) -> None:
    caps = swift.capabilities
    assert not caps.storage_tiers and not caps.object_tags and not caps.archive_restore
    assert "copy them into a container of that policy" in (caps.reason("storage_tiers") or "")
    with pytest.raises(Unsupported, match="copy them into a container of that policy"):
        swift.set_storage_class("any", "key", "silver")
    with pytest.raises(Unsupported, match="Swift has no object tags; use metadata"):
        swift.get_tags("any", "key")
    with pytest.raises(Unsupported, match="Swift has no object tags"):
        swift.set_tags("any", "key", {"a": "b"})
    with pytest.raises(Unsupported):
        swift.restore_object("any", "key")


def test_refusals_before_any_request(counting_provider: Any) -> None:
    counted: CountedProvider = counting_provider("swift")
    swift, proxy = counted.provider, counted.proxy
    assert isinstance(swift, SwiftProvider)
    with pytest.raises(InvalidStorageClass, match=r"'bronze' is not a storage policy .* gold, silver"):
        swift.create_container_in_class(unique_container_name(), "bronze")
    with pytest.raises(Unsupported, match="storage policy the container was created with"):
        swift.put_object("any", "k", io.BytesIO(b"x"), size=1, storage_class="silver")
    with pytest.raises(Unsupported):
        swift.start_multipart("any", "k", part_size=swift.min_part_size, storage_class="silver")
    assert proxy.requests == 0, proxy.request_lines
