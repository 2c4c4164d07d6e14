"""A version is downloaded and streamed checked by content, as every download is: what
the service vouches for about that very version (an S3 multipart ETag, Swift segment
ETags, Azure range MD5s), against the real servers; a damaged byte keeps nothing."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.errors import ChecksumMismatch
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from storebrowser.transfers.stream import VerifiedRead
from storebrowser.transfers.version_download import download_version
from tests.providers.conftest import unique_container_name
from tests.providers.versions_support import VERSIONED_BACKENDS, versions_of
from tests.transfers.helpers import flip_first_byte

#: How each backend vouches for a version written in three parts.
NOTES = {
    "s3_moto": "verified: MD5 of 3 parts (S3 multipart ETag)",
    "s3_swift": "verified: MD5 of 3 parts (S3 multipart ETag)",
    "swift": "verified: MD5 of 3 segments (Swift SLO manifest)",
    "azure": "verified: MD5 of {ranges} (Azure range MD5)",
}


@pytest.fixture(name="backend", params=[*VERSIONED_BACKENDS, "azure"])
def backend_fixture(request: pytest.FixtureRequest) -> Iterator[tuple[str, Provider, str]]:
    provider: Provider = request.getfixturevalue(f"{request.param}_provider")
    container = unique_container_name()
    provider.create_container(container)
    if request.param != "azure":
        provider.set_versioning(container, True)
    yield request.param, provider, container
    provider.delete_container(container, force=True)


def _earlier_in_parts(name: str, provider: Provider, container: str) -> tuple[str, bytes]:
    """An earlier version written in three parts (then overwritten): its id and bytes."""
    data = os.urandom(int(provider.min_part_size * 2.2))
    provider.part_size = provider.multipart_threshold = provider.min_part_size
    sending.upload(provider, container, "big.bin", io.BytesIO(data), size=len(data))
    if name == "azure":
        version_id = provider.create_snapshot(container, "big.bin").version_id
    else:
        version_id = versions_of(provider, container, "big.bin")[0].version_id
    sending.upload_bytes(provider, container, "big.bin", b"the current, small version")
    return version_id, data


def _note(name: str, size: int) -> str:
    # Our block commit sets the blob's Content-MD5: a version that fits one 4 MiB read is
    # read in two halves (a read of all of it answers with that Content-MD5).
    count = max(2, -(-size // (4 * 1024 * 1024)))
    return NOTES[name].format(ranges=f"{count} range{'s' if count > 1 else ''}")


def test_a_version_in_parts_downloads_checked_by_its_parts(
    backend: tuple[str, Provider, str], tmp_path: Path
) -> None:
    name, provider, container = backend
    version_id, data = _earlier_in_parts(name, provider, container)
    done = download_version(provider, container, "big.bin", version_id, tmp_path)
    assert done.path.read_bytes() == data
    assert done.verified == _note(name, len(data))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.bin"]


def test_a_version_streams_checked(backend: tuple[str, Provider, str]) -> None:
    name, provider, container = backend
    version_id, data = _earlier_in_parts(name, provider, container)
    read = VerifiedRead(provider, container, "big.bin", version_id=version_id)
    assert b"".join(read) == data
    assert read.note == _note(name, len(data))


class DamagedVersions:
    """The real provider, with one bit flipped in the first chunk of each version read:
    bytes damaged on the way, which is what checking end to end is for."""

    def __init__(self, inner: Provider) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def iter_read_version(self, *args: Any, **kwargs: Any) -> Iterator[bytes]:
        return flip_first_byte(self._inner.iter_read_version(*args, **kwargs))


def test_a_damaged_byte_of_a_version_keeps_nothing(
    backend: tuple[str, Provider, str], tmp_path: Path
) -> None:
    name, provider, container = backend
    version_id, _data = _earlier_in_parts(name, provider, container)
    damaged: Any = DamagedVersions(provider)
    with pytest.raises(ChecksumMismatch, match="but the server's"):
        download_version(damaged, container, "big.bin", version_id, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_range_of_a_version_says_which_version_it_served(backend: tuple[str, Provider, str]) -> None:
    name, provider, container = backend
    version_id, data = _earlier_in_parts(name, provider, container)
    said: list[Any] = []
    got = b"".join(provider.iter_read_version(container, "big.bin", version_id, ByteRange(5, 50),
                                              receipt=said.append))  # fmt: skip
    assert got == data[5:50]
    assert [receipt.etag for receipt in said] == [
        provider.stat_version(container, "big.bin", version_id).etag
    ]


def test_versions_in_parts_stay_readable_after_overwrites_and_a_delete(
    backend: tuple[str, Provider, str],
) -> None:
    """Swift deleted the segments of a replaced SLO, which left its kept version a
    manifest of missing segments (409 on every read)."""
    name, provider, container = backend
    if name == "azure":
        pytest.skip("a snapshot holds its own blocks; no segments to lose")
    written = []
    for _ in range(2):
        data = os.urandom(int(provider.min_part_size * 1.5))
        provider.part_size = provider.multipart_threshold = provider.min_part_size
        sending.upload(provider, container, "p.bin", io.BytesIO(data), size=len(data))
        written.append(data)
    sending.upload_bytes(provider, container, "other.bin", b"copied over it")
    provider.copy_object(container, "other.bin", container, "p.bin")
    sending.upload_bytes(provider, container, "p.bin", b"plain over it")
    provider.delete_object(container, "p.bin")
    kept = [v for v in reversed(versions_of(provider, container, "p.bin")) if not v.is_delete_marker]
    assert [provider.read_version(container, "p.bin", v.version_id) for v in kept[:2]] == written
    sending.upload(provider, container, "q.bin", io.BytesIO(written[0]), size=len(written[0]))
    sending.upload(provider, container, "r.bin", io.BytesIO(written[1]), size=len(written[1]))
    provider.delete_object(container, "q.bin")  # objects in parts deleted: their versions stay whole
    provider.delete_objects(container, ["r.bin"])
    for key, data in (("q.bin", written[0]), ("r.bin", written[1])):
        (version,) = [v for v in versions_of(provider, container, key) if not v.is_delete_marker]
        assert provider.read_version(container, key, version.version_id) == data


def test_an_azure_snapshot_with_a_wrong_content_md5_is_read_in_two_ranges(
    azure_provider: Provider, azurite_server: Any, tmp_path: Path
) -> None:
    """A snapshot that fits one checked read: a read of all of it is answered, for its MD5,
    with its stored Content-MD5 (Azurite; Get Blob's documentation), only its writer's
    claim. Wrong, it failed the stream and the download for ever; two reads of part of
    it bring the service's own."""
    from azure.storage.blob import BlobServiceClient, ContentSettings

    container = unique_container_name()
    azure_provider.create_container(container)
    try:
        data = os.urandom(1024 * 1024 + 3)
        sending.upload_bytes(azure_provider, container, "small.bin", data)
        sdk = BlobServiceClient.from_connection_string(azurite_server.connection_string)
        wrong = bytearray(hashlib.md5(b"something else").digest())
        sdk.get_blob_client(container, "small.bin").set_http_headers(ContentSettings(content_md5=wrong))
        version_id = azure_provider.create_snapshot(container, "small.bin").version_id
        read = VerifiedRead(azure_provider, container, "small.bin", version_id=version_id)
        assert b"".join(read) == data
        assert read.note == "verified: MD5 of 2 ranges (Azure range MD5)"
        done = download_version(azure_provider, container, "small.bin", version_id, tmp_path)
        assert done.path.read_bytes() == data and done.verified == read.note
    finally:
        azure_provider.delete_container(container, force=True)
