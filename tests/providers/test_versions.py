"""Versions and delete markers on S3 (moto, Swift's s3api) and Swift (X-Versions-Enabled),
on the real servers: listing newest first one folder at a time, reading and deleting one
version, making one current again, and the container's switch."""

from __future__ import annotations

import hashlib
import time

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import VersioningStatus
from storebrowser.providers.base import Provider
from tests.providers.conftest import unique_container_name
from tests.providers.versions_support import (  # noqa: F401
    all_versions,
    put,
    versioned_fixture,
    versioned_provider_fixture,
    versions_of,
)


def _md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def test_put_put_delete_lists_three_entries_newest_first(
    versioned_provider: Provider, versioned: str
) -> None:
    provider = versioned_provider
    put(provider, versioned, "docs/a.txt", b"first")
    put(provider, versioned, "docs/a.txt", b"second!")
    provider.delete_object(versioned, "docs/a.txt")
    marker, v2, v1 = versions_of(provider, versioned, "docs/a.txt")
    assert (marker.is_delete_marker, marker.is_latest) == (True, True)
    assert (v2.is_delete_marker, v2.is_latest, v2.size, v2.etag) == (False, False, 7, _md5(b"second!"))
    assert (v1.is_delete_marker, v1.is_latest, v1.size, v1.etag) == (False, False, 5, _md5(b"first"))
    assert len({marker.version_id, v2.version_id, v1.version_id}) == 3
    assert marker.modified and v2.modified and v1.modified
    assert marker.modified >= v2.modified >= v1.modified


def test_reading_a_version_by_id(versioned_provider: Provider, versioned: str) -> None:
    provider = versioned_provider
    put(provider, versioned, "k", b"0123456789")
    put(provider, versioned, "k", b"abc")
    _v2, v1 = versions_of(provider, versioned, "k")
    assert provider.read_version(versioned, "k", v1.version_id) == b"0123456789"
    assert provider.read_version(versioned, "k", v1.version_id, ByteRange(2, 5)) == b"234"
    assert provider.read_version(versioned, "k", v1.version_id, ByteRange(-3)) == b"789"
    info = provider.stat_version(versioned, "k", v1.version_id)
    assert (info.key, info.size, info.etag) == ("k", 10, _md5(b"0123456789"))
    assert provider.read(versioned, "k") == b"abc"  # the current one is untouched


def test_deleting_a_version_removes_exactly_it(versioned_provider: Provider, versioned: str) -> None:
    provider = versioned_provider
    for data in (b"one", b"two", b"three"):
        put(provider, versioned, "k", data)
    v3, v2, v1 = versions_of(provider, versioned, "k")
    provider.delete_version(versioned, "k", v2.version_id)
    assert [v.version_id for v in versions_of(provider, versioned, "k")] == [v3.version_id, v1.version_id]
    assert provider.read(versioned, "k") == b"three"
    assert provider.read_version(versioned, "k", v1.version_id) == b"one"


def test_deleting_the_current_version_makes_the_previous_one_current(
    versioned_provider: Provider, versioned: str
) -> None:
    provider = versioned_provider
    put(provider, versioned, "k", b"old")
    put(provider, versioned, "k", b"new")
    current, previous = versions_of(provider, versioned, "k")
    provider.delete_version(versioned, "k", current.version_id)
    assert provider.read(versioned, "k") == b"old"
    (only,) = versions_of(provider, versioned, "k")
    assert (only.version_id, only.is_latest) == (previous.version_id, True)


def test_deleting_the_delete_marker_brings_the_object_back(
    versioned_provider: Provider, versioned: str
) -> None:
    provider = versioned_provider
    put(provider, versioned, "k", b"kept")
    provider.delete_object(versioned, "k")
    marker, kept = versions_of(provider, versioned, "k")
    provider.delete_version(versioned, "k", marker.version_id)
    (only,) = versions_of(provider, versioned, "k")
    assert (only.version_id, only.is_latest, only.is_delete_marker) == (kept.version_id, True, False)
    assert provider.read(versioned, "k") == b"kept"


def test_a_version_id_that_does_not_exist_is_not_found(versioned_provider: Provider, versioned: str) -> None:
    provider = versioned_provider
    put(provider, versioned, "k", b"x")
    put(provider, versioned, "k", b"y")
    (real, _older) = versions_of(provider, versioned, "k")
    bogus = real.version_id[:-3] + ("111" if not real.version_id.endswith("111") else "222")
    for version_id in (bogus, "no-such-version"):
        with pytest.raises(NotFound, match="no version"):
            provider.stat_version(versioned, "k", version_id)
        with pytest.raises(NotFound, match="no version"):
            provider.read_version(versioned, "k", version_id)
        with pytest.raises(NotFound, match="no version"):
            provider.delete_version(versioned, "k", version_id)
    assert len(versions_of(provider, versioned, "k")) == 2  # nothing was deleted


def test_a_delete_marker_has_no_content(versioned_provider: Provider, versioned: str) -> None:
    provider = versioned_provider
    put(provider, versioned, "k", b"x")
    provider.delete_object(versioned, "k")
    marker, _ = versions_of(provider, versioned, "k")
    with pytest.raises(NotFound):
        provider.read_version(versioned, "k", marker.version_id)


def test_versions_come_one_folder_level_at_a_time(versioned_provider: Provider, versioned: str) -> None:
    provider = versioned_provider
    for key in ("top.txt", "top.txt", "photos/a.jpg", "photos/2024/b.jpg", "zeta/c"):
        put(provider, versioned, key, key.encode())
    root = all_versions(provider, versioned, "", "/")
    assert [(e.key, e.is_prefix) for e in root] == [
        ("photos/", True),
        ("top.txt", False),
        ("top.txt", False),
        ("zeta/", True),
    ]
    photos = all_versions(provider, versioned, "photos/", "/")
    assert [(e.key, e.is_prefix) for e in photos] == [("photos/2024/", True), ("photos/a.jpg", False)]
    flat = all_versions(provider, versioned, "photos/", None)
    assert [e.key for e in flat] == ["photos/2024/b.jpg", "photos/a.jpg"]


def test_small_pages_give_the_same_listing(versioned_provider: Provider, versioned: str) -> None:
    provider = versioned_provider
    for key, count in (("a", 3), ("b/x", 2), ("b/y", 1), ("c", 2)):
        for n in range(count):
            put(provider, versioned, key, f"{key}{n}".encode())
    # A server that lists markers apart from versions (moto) is ordered by LastModified,
    # which is to the second.
    time.sleep(1.1)
    provider.delete_object(versioned, "c")
    provider.delete_object(versioned, "a")
    time.sleep(1.1)
    put(provider, versioned, "a", b"back")
    whole = all_versions(provider, versioned, "", None)
    assert [(e.key, e.is_latest, e.is_delete_marker) for e in whole] == [
        ("a", True, False),
        ("a", False, True),
        ("a", False, False),
        ("a", False, False),
        ("a", False, False),
        ("b/x", True, False),
        ("b/x", False, False),
        ("b/y", True, False),
        ("c", True, True),
        ("c", False, False),
        ("c", False, False),
    ]
    expected_by_folder = [(e.key, e.is_latest) for e in whole if e.key == "a"]
    expected_by_folder += [("b/", False)] + [(e.key, e.is_latest) for e in whole if e.key == "c"]
    for limit in (1, 2, 3):
        assert all_versions(provider, versioned, "", None, limit) == whole, limit
        by_folder = all_versions(provider, versioned, "", "/", limit)
        assert [(e.key, e.is_latest) for e in by_folder] == expected_by_folder, limit


def test_restoring_a_version_makes_it_current_with_its_metadata(
    versioned_provider: Provider, versioned: str
) -> None:
    provider = versioned_provider
    put(provider, versioned, "r.txt", b"original", content_type="text/plain", metadata={"owner": "ann"})
    put(provider, versioned, "r.txt", b"changed", content_type="application/json", metadata={"owner": "bob"})
    _current, original = versions_of(provider, versioned, "r.txt")
    info = provider.restore_version(versioned, "r.txt", original.version_id)
    assert provider.read(versioned, "r.txt") == b"original"
    now = provider.stat(versioned, "r.txt")
    assert (now.content_type, dict(now.metadata)) == ("text/plain", {"owner": "ann"})
    assert info.etag == _md5(b"original")
    entries = versions_of(provider, versioned, "r.txt")
    assert len(entries) == 3 and entries[0].is_latest and entries[0].etag == _md5(b"original")


def test_restoring_an_unknown_version_is_not_found(versioned_provider: Provider, versioned: str) -> None:
    put(versioned_provider, versioned, "k", b"x")
    with pytest.raises(NotFound):
        versioned_provider.restore_version(versioned, "k", "no-such-version")
    assert versioned_provider.read(versioned, "k") == b"x"


def test_the_switch_and_the_state(versioned_provider: Provider) -> None:
    provider = versioned_provider
    name = unique_container_name()
    provider.create_container(name)
    try:
        never = provider.versioning_state(name)
        assert never.status is VersioningStatus.NEVER
        assert "never" in never.reason and ("billed" in never.reason or "quota" in never.reason)
        assert provider.set_versioning(name, True).status is VersioningStatus.ENABLED
        assert provider.set_versioning(name, False).status is VersioningStatus.SUSPENDED
        assert provider.versioning_state(name).status is VersioningStatus.SUSPENDED
    finally:
        provider.delete_container(name, force=True)


def test_a_versioned_container_with_versions_can_be_deleted_with_force(versioned_provider: Provider) -> None:
    provider = versioned_provider
    name = unique_container_name()
    provider.create_container(name)
    provider.set_versioning(name, True)
    put(provider, name, "k", b"1")
    put(provider, name, "k", b"2")
    provider.delete_object(name, "k")
    provider.delete_container(name, force=True)
    assert name not in [c.name for c in provider.list_containers()]
