"""A byte range (``cat --start/--end``, the preview) proven by content where the service can
prove it, on each real server: on Azure every read by the MD5 the service sends with it;
on S3 and Swift a small object's range by the whole object read and proven first; a range
of a larger one handed on labelled unchecked. Bytes damaged on the way are read once more,
then the read fails with nothing of it handed on. Damage is made in OUR provider's reads
(the SDKs and servers are real), as ``test_download_integrity`` does."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.core.errors import ChecksumMismatch
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import sending
from storebrowser.transfers.range_read import RangeRead, Unchecked
from tests.transfers.helpers import Counting, Damaging, opened_box

KiB, MiB = 1024, 1024 * 1024
BACKENDS = ["s3_moto", "s3_swift", "swift", "azure"]
#: The most read whole to prove a range, in these tests: small objects suffice.
WHOLE_UP_TO = 256 * KiB


@pytest.fixture(params=BACKENDS)
def box(request: pytest.FixtureRequest) -> Iterator[tuple[str, Provider, str]]:
    with opened_box(request.param, request, "ranges") as (provider, container):
        yield request.param, provider, container


def _read(
    provider: Provider, container: str, asked: ByteRange, handed: list[bytes] | None = None
) -> RangeRead:
    read = RangeRead(provider, container, "obj.bin", asked, whole_up_to=WHOLE_UP_TO)
    for chunk in read:
        (handed if handed is not None else []).append(chunk)
    return read


def _upload(provider: Provider, container: str, size: int) -> bytes:
    data = os.urandom(size)
    sending.upload_bytes(provider, container, "obj.bin", data)
    return data


def test_a_range_of_a_small_object_is_proven(box: tuple[str, Provider, str]) -> None:
    name, provider, container = box
    data = _upload(provider, container, 100 * KiB)
    counting = Counting(provider)
    handed: list[bytes] = []
    read = _read(counting, container, ByteRange(1000, 5000), handed)
    assert b"".join(handed) == data[1000:5000]
    assert read.proven and read.note.startswith("verified: "), read.note
    if name == "azure":  # the range alone, with its MD5
        assert (
            counting.reads == [ByteRange(1000, 5000)]
            and read.note == "verified: MD5 of 1 range (Azure range MD5)"
        )
    else:  # the whole object, proven, then the range
        assert counting.reads == [ByteRange()] and read.note.endswith(
            "the object was read whole to check the range"
        )


def test_a_range_damaged_on_the_way_is_read_again_and_proven(box: tuple[str, Provider, str]) -> None:
    _name, provider, container = box
    data = _upload(provider, container, 100 * KiB)
    damaging = Damaging(provider, times=1)
    handed: list[bytes] = []
    read = _read(damaging, container, ByteRange(1000, 5000), handed)
    assert b"".join(handed) == data[1000:5000] and read.proven
    assert damaging.damaged == 1 and len(damaging.reads) == 2


def test_a_range_damaged_twice_fails_with_nothing_handed_on(box: tuple[str, Provider, str]) -> None:
    _name, provider, container = box
    _upload(provider, container, 100 * KiB)
    damaging = Damaging(provider)
    handed: list[bytes] = []
    with pytest.raises(ChecksumMismatch, match=r"but the server's .* \(read twice\)"):
        _read(damaging, container, ByteRange(1000, 5000), handed)
    assert handed == [] and len(damaging.reads) == 2


def test_a_range_of_a_large_object_is_labelled_unchecked_unless_the_service_proves_reads(
    box: tuple[str, Provider, str],
) -> None:
    """Larger than the most read whole: S3 and Swift hand the range on and say it is not
    checked (nothing proves part of an object there); Azure proves it read by read, so a
    damaged read is caught there, and handed on unnoticed elsewhere (as it is labelled)."""
    name, provider, container = box
    data = _upload(provider, container, WHOLE_UP_TO + 1)
    counting = Counting(provider)
    read = RangeRead(counting, container, "obj.bin", ByteRange(10, 20), whole_up_to=WHOLE_UP_TO)
    proves_reads = name == "azure"
    assert read.proven is proves_reads
    assert read.unchecked is (None if proves_reads else Unchecked.TOO_LARGE)
    assert b"".join(read) == data[10:20] and counting.reads == [ByteRange(10, 20)]
    if not proves_reads:
        assert read.note.startswith("not checked: the service proves no part of an object"), read.note
        return
    with pytest.raises(ChecksumMismatch, match="read twice"):
        b"".join(
            RangeRead(Damaging(provider), container, "obj.bin", ByteRange(10, 20), whole_up_to=WHOLE_UP_TO)
        )


def test_a_range_longer_than_one_proven_read_is_proven_read_by_read_on_azure(
    request: pytest.FixtureRequest,
) -> None:
    with opened_box("azure", request, "ranges") as (provider, container):
        data = _upload(provider, container, 5 * MiB)
        counting = Counting(provider)
        read = RangeRead(counting, container, "obj.bin", ByteRange(100, -100))
        assert b"".join(read) == data[100:-100]
        assert counting.reads == [ByteRange(100, 100 + 4 * MiB), ByteRange(100 + 4 * MiB, 5 * MiB - 100)]
        assert read.note == "verified: MD5 of 2 ranges (Azure range MD5)"


def test_a_local_folder_proves_a_small_range_without_hashing_a_large_file(tmp_path: Path) -> None:
    """A local folder's proof hashes the whole file: asked only for an object read whole."""
    provider = open_provider("local", {"root": str(tmp_path)})
    provider.connect()
    provider.create_container("box")
    data = _upload(provider, "box", WHOLE_UP_TO + 1)
    counting = Counting(provider)
    proofs: list[str] = []
    counting.content_proof = lambda *args, **kwargs: proofs.append("asked")  # type: ignore[method-assign]
    read = RangeRead(counting, "box", "obj.bin", ByteRange(5, 9), whole_up_to=WHOLE_UP_TO)
    assert b"".join(read) == data[5:9] and read.unchecked is Unchecked.TOO_LARGE and proofs == []
    small = RangeRead(provider, "box", "obj.bin", ByteRange(5, 9), whole_up_to=2 * WHOLE_UP_TO)
    assert b"".join(small) == data[5:9] and small.note.startswith("verified: SHA-256 of the whole object")
