"""Every provider operation on hostile keys addresses exactly the object the key names,
or refuses it with a message and touches nothing (issue 17, defect 2 and the suite).

What a provider wrote or changed is read back with another client (tests/hostile/raw.py);
what it read was written by that other client first. A failure lists every key that went
wrong, not only the first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from urllib.parse import unquote, urlsplit

import pytest
import requests

from storebrowser.core.errors import ConsentRequired, InvalidName, StorageError
from storebrowser.core.listing import iter_objects
from storebrowser.core.ranges import ByteRange
from storebrowser.transfers import sending
from tests.hostile.conftest import Store
from tests.hostile.keys import KEYS, Hostile, refused, sample, stored, wider
from tests.servers.base import http_request


def _check_each(keys: list[Hostile], check: Callable[[Hostile], str | None]) -> None:
    """Run ``check`` on every key; fail once, naming each key whose check said why."""
    problems = []
    for hostile in keys:
        try:
            why = check(hostile)
        except Exception as error:  # a failure of one key must not hide the others
            why = f"{type(error).__name__}: {error}"
        if why:
            problems.append(f"{hostile.name} {hostile.key[:60]!r}: {why}")
    assert not problems, "\n".join(problems)


def _written_by_another_client(store: Store, box: str, keys: list[Hostile] | None = None) -> list[Hostile]:
    keys = stored(store.name) if keys is None else keys
    for hostile in keys:
        store.raw.write(box, hostile.key, hostile.data)
    return keys


def _refuses(action: Callable[[], object]) -> str | None:
    try:
        action()
    except StorageError as error:
        return None if str(error).strip() else "refused without a message"
    return "expected a refusal, the call went through"


def test_put_stores_exactly_or_refuses(store: Store, box: str) -> None:
    containers = store.raw.containers()
    refused_names = {h.name for h in refused(store.name)}

    def check(hostile: Hostile) -> str | None:
        if hostile.name in refused_names:
            return _refuses(lambda: sending.upload_bytes(store.provider, box, hostile.key, hostile.data))
        info = sending.upload_bytes(store.provider, box, hostile.key, hostile.data)
        if info.key != hostile.key:
            return f"reported as {info.key!r}"
        got = store.raw.read(box, hostile.key)
        return None if got == hostile.data else f"another client reads {got[:60]!r}"

    _check_each(KEYS, check)
    assert store.raw.keys(box) == {h.key for h in stored(store.name)}
    assert store.raw.containers() == containers  # no container made on the way


def test_reads_address_exactly(store: Store, box: str) -> None:
    keys = _written_by_another_client(store, box)
    provider = store.provider

    def check(hostile: Hostile) -> str | None:
        info = provider.stat(box, hostile.key)
        if (info.key, info.size) != (hostile.key, len(hostile.data)):
            return f"stat says {info.key!r}, {info.size} bytes"
        if provider.read(box, hostile.key) != hostile.data:
            return "read gives other bytes"
        if provider.read(box, hostile.key, ByteRange(1, 4)) != hostile.data[1:4]:
            return "a ranged read gives other bytes"
        under = [o.key for o in iter_objects(provider, box, hostile.key, None)]
        if hostile.key not in under or any(not k.startswith(hostile.key) for k in under):
            return f"listing the key as a prefix gives {under[:3]}"
        parent = hostile.key.rpartition("/")[0] + "/" if "/" in hostile.key else ""
        beside = [o.key for o in iter_objects(provider, box, parent, "/")]
        return None if beside.count(hostile.key) == 1 else f"not once in the listing of {parent!r}"

    _check_each(keys, check)
    _check_each(refused(store.name), lambda h: _refuses(lambda: provider.read(box, h.key)))
    _check_each(refused(store.name), lambda h: _refuses(lambda: provider.stat(box, h.key)))


def test_metadata_changes_address_exactly(store: Store, box: str) -> None:
    if not store.provider.capabilities.user_metadata:
        pytest.skip(f"{store.name} keeps no user metadata")
    keys = _written_by_another_client(store, box, wider(store.name))

    def check(hostile: Hostile) -> str | None:
        store.provider.set_metadata(box, hostile.key, {"hostile": hostile.name})
        got = store.raw.metadata(box, hostile.key)
        return None if got.get("hostile") == hostile.name else f"another client sees {got}"

    _check_each(keys, check)
    _check_each(
        refused(store.name), lambda h: _refuses(lambda: store.provider.set_metadata(box, h.key, {"a": "b"}))
    )
    assert store.raw.keys(box) == {h.key for h in keys}


def test_copy_and_delete_address_exactly(store: Store, box: str) -> None:
    keys = _written_by_another_client(store, box, wider(store.name))
    provider = store.provider

    def copy(hostile: Hostile) -> str | None:
        provider.copy_object(box, hostile.key, box, "copy/" + hostile.key)
        got = store.raw.read(box, "copy/" + hostile.key)
        return None if got == hostile.data else f"the copy holds {got[:60]!r}"

    _check_each(keys, copy)
    _check_each(refused(store.name), lambda h: _refuses(lambda: provider.copy_object(box, h.key, box, "c")))
    one_by_one, in_bulk = keys[::2], keys[1::2]
    for hostile in one_by_one:
        provider.delete_object(box, hostile.key)
    assert provider.delete_objects(box, [h.key for h in in_bulk]) == {}
    # Only the originals went: every copy is still there, nothing else appeared.
    assert store.raw.keys(box) == {"copy/" + h.key for h in keys}
    failures = provider.delete_objects(box, [h.key for h in refused(store.name)])
    assert all(str(error) for error in failures.values())
    assert store.raw.keys(box) == {"copy/" + h.key for h in keys}


def test_uploads_in_parts_address_exactly(store: Store, box: str) -> None:
    provider = store.provider
    if not provider.capabilities.multipart:
        pytest.skip(f"{store.name} uploads in one piece")
    provider.part_size = provider.multipart_threshold = provider.min_part_size
    keys = [h for h in sample(store.name) if h.name in ("dotdot", "up", "escape")]

    def check(hostile: Hostile) -> str | None:
        data = hostile.data * (provider.min_part_size // len(hostile.data) + 2)
        sending.upload_bytes(provider, box, hostile.key, data)
        got = store.raw.read(box, hostile.key)
        return None if got == data else f"another client reads {len(got)} other bytes"

    _check_each(keys, check)
    assert store.raw.keys(box) == {h.key for h in keys}
    for hostile in keys:
        provider.delete_object(box, hostile.key)  # an SLO takes its segments along
    leftovers = {c: store.raw.keys(c) for c in store.raw.containers() if c.startswith(box)}
    assert not any(leftovers.values()), leftovers


def test_signed_urls_address_exactly(store: Store, box: str) -> None:
    if not store.provider.capabilities.presigned_urls:
        pytest.skip(f"{store.name} makes no time-limited URLs")
    keys = [h for h in stored(store.name) if h in sample(store.name) or h.name in ("only-dotdot", "query")]
    for hostile in keys:
        store.raw.write(box, hostile.key, hostile.data)

    def check(hostile: Hostile) -> str | None:
        lifetime = timedelta(minutes=10)
        try:
            url = store.provider.share_url(box, hostile.key, expires_in=lifetime)
        except ConsentRequired as request:  # a Swift account without a temp-URL key yet
            store.provider.grant(request)
            url = store.provider.share_url(box, hostile.key, expires_in=lifetime)
        except InvalidName as refusal:  # Swift's tempurl fails on '?' in a name: said so
            return None if store.name == "swift" and "?" in hostile.key else str(refusal)
        exact = http_request("GET", url, timeout=30)  # sends the path as it is
        if (exact.status, exact.body) != (200, hostile.data):
            return f"the URL answers {exact.status} {exact.body[:60]!r}"
        # requests (like most clients) rewrites the path first: the same object or an
        # error, never another object's bytes.
        normalising = requests.get(url, timeout=30)
        if normalising.status_code == 200 and normalising.content != hostile.data:
            return f"through requests the URL gives {normalising.content[:60]!r}"
        return None

    _check_each(keys, check)


def test_plain_urls_name_exactly_or_refuse(store: Store, box: str) -> None:
    def check(hostile: Hostile) -> str | None:
        try:
            url = store.provider.object_url(box, hostile.key)
        except InvalidName as refusal:
            dots = {".", ".."} & set(hostile.key.split("/"))
            return None if dots and str(refusal) else f"refused: {refusal}"
        path = unquote(urlsplit(url).path)
        expected = store.raw.url_path(box, hostile.key)
        return None if path == expected else f"the URL names {path!r}"

    _check_each(stored(store.name), check)
