"""Reads held to a download limit come in small pieces, on Azure too, where the SDK reads
each get (8 MiB) whole before handing on a byte: a small ``chunk_size`` asks for gets of
that size, and a checked read (``VerifiedRead``) asks for ranges no larger than
``Bandwidth.whole_read_size``. Counted on the socket by a proxy in front of Azurite."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import pytest

from storebrowser.core.bandwidth import Bandwidth, Limits
from storebrowser.core.errors import NotFound, StorageError
from storebrowser.core.ranges import ByteRange
from storebrowser.transfers import sending
from storebrowser.transfers.stream import VerifiedRead
from tests.providers.backends import CountedProvider
from tests.providers.conftest import unique_container_name

KiB, MiB = 1024, 1024 * 1024
DATA = os.urandom(2 * MiB)
PIECE = 256 * KiB


@pytest.fixture
def azure(counting_provider) -> Iterator[tuple[CountedProvider, str]]:
    counted: CountedProvider = counting_provider("azure")
    name = unique_container_name()
    counted.provider.create_container(name)
    sending.upload_bytes(counted.provider, name, "two.bin", DATA)
    counted.proxy.reset()
    yield counted, name
    with contextlib.suppress(NotFound):
        counted.provider.delete_container(name, force=True)


def _gets(counted: CountedProvider) -> list[str]:
    return [line for line in counted.proxy.request_lines if line.startswith("GET ")]


def test_a_small_chunk_size_reads_azure_in_gets_of_that_size(azure) -> None:
    counted, box = azure
    chunks = list(counted.provider.iter_read(box, "two.bin", chunk_size=PIECE))
    assert b"".join(chunks) == DATA
    assert max(len(chunk) for chunk in chunks) <= PIECE
    assert len(_gets(counted)) == len(DATA) // PIECE, counted.proxy.request_lines
    counted.proxy.reset()
    asked = ByteRange(100, 100 + MiB)
    chunks = list(counted.provider.iter_read(box, "two.bin", asked, chunk_size=PIECE))
    assert b"".join(chunks) == DATA[100 : 100 + MiB]
    assert len(_gets(counted)) == MiB // PIECE, counted.proxy.request_lines


def test_the_usual_chunk_size_keeps_one_get(azure) -> None:
    counted, box = azure
    assert b"".join(counted.provider.iter_read(box, "two.bin")) == DATA
    assert len(_gets(counted)) == 1, counted.proxy.request_lines


def test_gets_in_pieces_read_one_version_of_the_blob(azure) -> None:
    """The first get's ETag pins the others: a blob replaced in between fails the read
    instead of mixing the bytes of two versions."""
    counted, box = azure
    chunks = iter(counted.provider.iter_read(box, "two.bin", chunk_size=PIECE))
    assert next(chunks) == DATA[:PIECE]
    sending.upload_bytes(counted.provider, box, "two.bin", os.urandom(len(DATA)))
    with pytest.raises(StorageError):
        list(chunks)


def test_a_checked_read_under_a_download_limit_takes_small_ranges(azure) -> None:
    """8 MiB/s: ranges of an eighth of a second (1 MiB), at most ``LIMITED_WHOLE_READ``
    (512 KiB), each checked by its MD5; without a limit, the service's 4 MiB (in halves
    for this blob, which fits one: a read of all of it answers with its Content-MD5)."""
    counted, box = azure
    limited = VerifiedRead(counted.provider, box, "two.bin", bandwidth=Bandwidth(Limits(down=8 * MiB)))
    chunks = list(limited)
    assert b"".join(chunks) == DATA
    assert max(len(chunk) for chunk in chunks) <= 512 * KiB
    assert limited.note.startswith("verified: MD5 of 4 ranges"), limited.note
    whole = VerifiedRead(counted.provider, box, "two.bin")
    assert b"".join(whole) == DATA
    assert whole.note.startswith("verified: MD5 of 2 ranges"), whole.note
