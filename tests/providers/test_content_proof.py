"""What each provider vouches for about an object's bytes (``content_proof``) and what
a ranged read's reply says of itself (``receipt``), against every real server.

The proofs are checked here against the bytes themselves, recomputed by the test: a
proof that vouches for something must be right about it.
"""

from __future__ import annotations

import hashlib
import io
import os

from storebrowser.core.digests import ReadReceipt, combine_digests, new_hasher
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending


def _in_parts(provider: Provider, container: str, key: str, parts: float = 2.5) -> bytes:
    data = os.urandom(int(provider.min_part_size * parts))
    provider.part_size = provider.multipart_threshold = provider.min_part_size
    sending.upload(provider, container, key, io.BytesIO(data), size=len(data))
    return data


def _digest(algorithm: str, data: bytes) -> str:
    hasher = new_hasher(algorithm)
    hasher.update(data)
    return hasher.hexdigest()


def test_a_proof_is_right_about_the_bytes_it_vouches_for(provider: Provider, container: str) -> None:
    data = _in_parts(provider, container, "p.bin")
    proof = provider.content_proof(container, "p.bin")
    assert proof.info.size == len(data)
    assert proof.vouches, proof.reason  # every test server vouches for something
    if proof.segments:
        assert proof.segments[0].start == 0 and proof.segments[-1].end == len(data)
        assert all(a.end == b.start for a, b in zip(proof.segments, proof.segments[1:], strict=False))
        digests = [_digest(proof.algorithm, data[s.start : s.end]) for s in proof.segments]
        for segment, digest in zip(proof.segments, digests, strict=True):
            assert segment.digest in (None, digest)
        if proof.combine is not None:
            assert combine_digests(proof.combine, digests) == proof.combined
    elif proof.whole:
        assert proof.whole == _digest(proof.algorithm, data)
    else:
        assert proof.range_md5_limit > 0


def test_a_read_says_which_version_it_served(provider: Provider, container: str) -> None:
    sending.upload_bytes(provider, container, "v.txt", b"version one")
    said: list[ReadReceipt] = []
    assert (
        b"".join(provider.iter_read(container, "v.txt", ByteRange(2, 9), receipt=said.append)) == b"rsion o"
    )
    assert [receipt.etag for receipt in said] == [provider.stat(container, "v.txt").etag]


def test_a_per_read_md5_is_the_md5_of_the_bytes_read(provider: Provider, container: str) -> None:
    data = os.urandom(300_000)
    sending.upload_bytes(provider, container, "m.bin", data)
    proof = provider.content_proof(container, "m.bin")
    limit = (proof.per_read or proof).range_md5_limit  # Azure: the range MD5s behind a Content-MD5
    said: list[ReadReceipt] = []
    got = b"".join(provider.iter_read(container, "m.bin", ByteRange(1000, 201_000), receipt=said.append))
    assert got == data[1000:201_000]
    if limit:
        assert said[-1].md5 == hashlib.md5(got).hexdigest()
    else:
        assert said[-1].md5 is None  # a service that does not vouch per read says nothing
