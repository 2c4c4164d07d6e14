"""An edit conflict's "Compare" fetches their version beside the copy, as ``name
(theirs).ext``: checked by content as every download is, against the real servers. A byte
damaged on the way keeps nothing (it was written unchecked before), and an earlier
comparison's file is replaced only by a proven one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import ChecksumMismatch
from storebrowser.editing.conflicts import fetch_theirs
from storebrowser.editing.state import OpenedFile
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from tests.providers.conftest import unique_container_name
from tests.transfers.helpers import flip_first_byte

KEY = "notes.txt"


@pytest.fixture(name="backend", params=["s3_moto", "azure", "swift"])
def backend_fixture(request: pytest.FixtureRequest) -> Iterator[tuple[Provider, str]]:
    provider: Provider = request.getfixturevalue(f"{request.param}_provider")
    container = unique_container_name()
    provider.create_container(container)
    yield provider, container
    provider.delete_container(container, force=True)


class Damaging:
    """The real provider, with one bit flipped in the first chunk of every read: bytes
    damaged on the way, which is what checking end to end is for."""

    def __init__(self, inner: Provider) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def iter_read(self, *args: Any, **kwargs: Any) -> Iterator[bytes]:
        return flip_first_byte(self._inner.iter_read(*args, **kwargs))


def _opened(container: str, folder: Path) -> OpenedFile:
    local = folder / KEY
    local.write_bytes(b"my version\n")
    return OpenedFile("acct", container, KEY, str(local), "etag", 11, "0" * 64)


def test_their_version_is_fetched_checked(backend: tuple[Provider, str], tmp_path: Path) -> None:
    provider, container = backend
    theirs = os.urandom(300_000)
    opened = _opened(container, tmp_path)
    sending.upload_bytes(provider, container, KEY, theirs)
    target = fetch_theirs(provider, opened)
    assert target == tmp_path / "notes (theirs).txt"
    assert target.read_bytes() == theirs
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes (theirs).txt", KEY]


def test_a_damaged_byte_of_theirs_keeps_nothing_and_leaves_the_earlier_comparison(
    backend: tuple[Provider, str], tmp_path: Path
) -> None:
    provider, container = backend
    opened = _opened(container, tmp_path)
    sending.upload_bytes(provider, container, KEY, os.urandom(300_000))
    earlier = tmp_path / "notes (theirs).txt"
    earlier.write_bytes(b"an earlier comparison\n")
    damaged: Any = Damaging(provider)
    with pytest.raises(ChecksumMismatch):
        fetch_theirs(damaged, opened)
    assert earlier.read_bytes() == b"an earlier comparison\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes (theirs).txt", KEY]
