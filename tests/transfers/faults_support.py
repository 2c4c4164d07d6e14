"""For the fault-injection suite: a backend behind a ``FaultProxy``, mixed trees, and what
a transfer must never leave behind, seen through the SDKs directly (not our providers)."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import StorageError
from storebrowser.core.listing import iter_objects
from storebrowser.providers.base import MiB, Provider
from storebrowser.transfers import State
from storebrowser.transfers.progress import JobSnapshot
from tests.providers.backends import open_counted
from tests.servers.fault_proxy import FaultProxy

#: Swift native, Swift's S3 API, Azurite: one of each protocol and multipart form.
FAULT_BACKENDS = ["swift", "s3_swift", "azure"]
#: Words that say an error was not turned into a message for a person.
RAW_ERROR_SIGNS = ("Traceback", "Unexpected error", "Error(", "(104,", "errno")


@dataclass
class FaultyBackend:
    name: str
    provider: Provider
    proxy: FaultProxy
    container: str
    request: pytest.FixtureRequest


@contextlib.contextmanager
def faulty_backend(name: str, request: pytest.FixtureRequest) -> Iterator[FaultyBackend]:
    """A connected provider of ``name`` whose every request goes through a ``FaultProxy``,
    a fresh container, parts as small as the service takes."""
    with open_counted(name, request, FaultProxy) as counted:
        provider = counted.provider
        assert isinstance(counted.proxy, FaultProxy)
        container = f"fault{uuid.uuid4().hex[:12]}"
        provider.create_container(container)
        provider.part_size = provider.multipart_threshold = provider.min_part_size
        try:
            yield FaultyBackend(name, provider, counted.proxy, container, request)
        finally:
            counted.proxy.clear()
            with contextlib.suppress(StorageError):
                provider.delete_container(container, force=True)


def mixed_tree(root: Path, part_size: int, *, small: bool = False) -> dict[str, bytes]:
    """Small files and files of several parts (one not a whole number of parts); with
    ``small`` only one file of several parts."""
    files = {"big/two-and-a-half.bin": os.urandom(part_size * 5 // 2)}
    if not small:
        files |= {"a.txt": b"a" * 100, "empty.bin": b"", "sub/b.bin": os.urandom(40_000),
                  "sub/deeper/c.bin": os.urandom(300_000),
                  "big/three.bin": os.urandom(part_size * 3)}  # fmt: skip
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def part_size_of(provider: Provider) -> int:
    return max(provider.min_part_size, MiB)


Reader = Callable[[str], bytes]


def check_items(snap: JobSnapshot, expected: dict[str, bytes], prefix: str, read: Reader) -> int:
    """Every item done holds exactly its bytes (``read(name)``); every other one failed
    with a sentence, not a raw exception. Returns how many failed."""
    if not snap.items:  # the listing or the walk failed: the job says why
        assert snap.state is State.FAILED and _a_sentence(snap.error), snap.error
        return len(expected)
    assert sorted(item.key.removeprefix(prefix) for item in snap.items) == sorted(expected)
    failed = 0
    for item in snap.items:
        name = item.key.removeprefix(prefix)
        if item.state is State.DONE:
            assert read(name) == expected[name], f"{name}: not byte-identical"
            continue
        failed += 1
        assert item.state is State.FAILED, (name, item.state)
        assert _a_sentence(item.error), item.error
    return failed


def _a_sentence(error: str | None) -> bool:
    return bool(error) and not any(sign in (error or "") for sign in RAW_ERROR_SIGNS)


def stray_part_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.part"))


def leftovers(backend: FaultyBackend, keys: list[str]) -> list[str]:
    """Open multipart uploads (S3), uncommitted blocks (Azure) or orphan segments (Swift:
    segments still there once every object of the container was deleted)."""
    request, container = backend.request, backend.container
    if backend.name == "s3_swift":
        return _open_s3_uploads(request, container)
    if backend.name == "azure":
        return _uncommitted_blocks(request, container, keys)
    for info in list(iter_objects(backend.provider, container)):
        backend.provider.delete_object(container, info.key)  # an SLO goes with its segments
    segments = f"{container}_segments"
    try:
        return [f"{segments}/{o.key}" for o in iter_objects(backend.provider, segments)]
    except StorageError:
        return []  # no segment container at all


def _open_s3_uploads(request: pytest.FixtureRequest, container: str) -> list[str]:
    import boto3

    swift = request.getfixturevalue("swift_server")
    client = boto3.client("s3", endpoint_url=swift.s3_endpoint, region_name=swift.region,
                          aws_access_key_id=swift.s3_access_key,
                          aws_secret_access_key=swift.s3_secret_key)  # fmt: skip
    uploads: list[dict[str, Any]] = client.list_multipart_uploads(Bucket=container).get("Uploads", [])
    return [f"{u['Key']} (upload {u['UploadId']})" for u in uploads]


def _uncommitted_blocks(request: pytest.FixtureRequest, container: str, keys: list[str]) -> list[str]:
    from azure.core.exceptions import ResourceNotFoundError
    from azure.storage.blob import BlobServiceClient

    azurite = request.getfixturevalue("azurite_server")
    service = BlobServiceClient.from_connection_string(azurite.connection_string)
    found = []
    for key in keys:
        try:
            _committed, uncommitted = service.get_blob_client(container, key).get_block_list("uncommitted")
        except ResourceNotFoundError:
            continue
        found += [f"{key}: block {block.id}" for block in uncommitted]
    return found
