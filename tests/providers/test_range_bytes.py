"""Only the asked bytes travel: ranged reads counted on the socket by a proxy in front of
each real server (``counted_provider``), not in our code."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.core.ranges import ByteRange
from storebrowser.transfers import sending
from tests.providers.backends import CountedProvider
from tests.providers.conftest import unique_container_name
from tests.servers.counting_proxy import HEADER_ALLOWANCE

MiB = 1024 * 1024
SIZE = 4 * MiB
PREVIEW = 64 * 1024
DATA = os.urandom(SIZE)


@pytest.fixture
def box(counted_provider: CountedProvider) -> Iterator[str]:
    provider = counted_provider.provider
    name = unique_container_name()
    provider.create_container(name)
    yield name
    with contextlib.suppress(NotFound):
        provider.delete_container(name, force=True)


def _counted_read(counted: CountedProvider, box: str, key: str, byte_range: ByteRange) -> bytes:
    counted.proxy.reset()
    return counted.provider.read(box, key, byte_range)


@pytest.mark.parametrize(
    "byte_range",
    [ByteRange(0, PREVIEW), ByteRange(SIZE // 2, SIZE // 2 + PREVIEW), ByteRange(-PREVIEW)],
    ids=["head", "middle", "tail"],
)
def test_a_range_of_a_large_object_transfers_only_that_range(
    counted_provider: CountedProvider, box: str, byte_range: ByteRange
) -> None:
    sending.upload_bytes(counted_provider.provider, box, "big.bin", DATA)
    got = _counted_read(counted_provider, box, "big.bin", byte_range)
    proxy = counted_provider.proxy
    assert got == DATA[byte_range.start : byte_range.end]
    # At least the range itself came over the socket (the count is real) and at most a
    # few replies' headers more (a HEAD first where the range needs the size).
    assert PREVIEW <= proxy.bytes_from_server <= PREVIEW + HEADER_ALLOWANCE, proxy.request_lines
    assert 1 <= proxy.requests <= 2, proxy.request_lines


def test_a_range_past_the_end_transfers_nothing_and_is_empty(
    counted_provider: CountedProvider, box: str
) -> None:
    sending.upload_bytes(counted_provider.provider, box, "small.bin", b"0123456789")
    assert _counted_read(counted_provider, box, "small.bin", ByteRange(100, 100 + PREVIEW)) == b""
    assert counted_provider.proxy.bytes_from_server <= HEADER_ALLOWANCE
    assert _counted_read(counted_provider, box, "small.bin", ByteRange(5, 100 + PREVIEW)) == b"56789"
    assert counted_provider.proxy.bytes_from_server <= 5 + HEADER_ALLOWANCE


def test_a_zero_byte_object(counted_provider: CountedProvider, box: str) -> None:
    sending.upload_bytes(counted_provider.provider, box, "empty", b"")
    for byte_range in (ByteRange(0, PREVIEW), ByteRange(), ByteRange(-PREVIEW)):
        assert _counted_read(counted_provider, box, "empty", byte_range) == b""
        assert counted_provider.proxy.bytes_from_server <= HEADER_ALLOWANCE


def test_the_proxy_counts_a_whole_read(counted_provider: CountedProvider, box: str) -> None:
    """The yardstick itself: a whole read of 1 MiB counts 1 MiB and a bit."""
    sending.upload_bytes(counted_provider.provider, box, "whole.bin", DATA[:MiB])
    assert _counted_read(counted_provider, box, "whole.bin", ByteRange()) == DATA[:MiB]
    assert MiB <= counted_provider.proxy.bytes_from_server <= MiB + HEADER_ALLOWANCE
    assert counted_provider.proxy.requests >= 1
