"""Download one version of an object (or the current object, for a side copy such as an
edit conflict's "theirs"), checked by content as every download is: its bytes
stream through ``VerifiedRead`` (what the service vouches for about that very version:
an MD5, an S3 multipart ETag, Swift segment ETags, Azure range MD5s) into
``<name>.part`` beside the target, which is renamed into place only once they match;
nothing is left behind on a failure.

One request stream, no parallel ranges and no resume: the engine's jobs do not take a
version id yet.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import ChecksumMismatch, InvalidName
from storebrowser.core.localpath import key_to_local_path
from storebrowser.core.types import key_name
from storebrowser.providers.base import Provider
from storebrowser.transfers.positional import read_at
from storebrowser.transfers.stream import UnevenParts, VerifiedRead
from storebrowser.transfers.verify import Hashed, check, file_digests, segments_to_hash

PART_SUFFIX = ".part"


@dataclass(frozen=True, slots=True)
class DownloadedVersion:
    path: Path
    size: int
    #: What was checked, as a download's note says it ("verified: MD5 of the whole object (S3 ETag)").
    verified: str


def download_version(
    provider: Provider, container: str, key: str, version_id: str, folder: Path, *,
    cancel: CancelToken = NEVER, bandwidth: Bandwidth | None = None,
) -> DownloadedVersion:  # fmt: skip
    """Write version ``version_id`` of ``key`` as ``folder/<its name>`` (replacing a file
    of that name once the download is verified)."""
    target = key_to_local_path(folder, key_name(key))
    return download_version_to(
        provider, container, key, version_id, target, cancel=cancel, bandwidth=bandwidth
    )


def download_version_to(
    provider: Provider, container: str, key: str, version_id: str | None, target: Path, *,
    cancel: CancelToken = NEVER, progress: Callable[[int, int], None] | None = None,
    bandwidth: Bandwidth | None = None,
) -> DownloadedVersion:  # fmt: skip
    """Write version ``version_id`` of ``key`` (``None``: the current object) as the file
    ``target`` (replaced once the download is verified). ``progress(done, total)`` hears
    of each chunk written; the download limit of ``bandwidth`` (the engine's) holds it
    with the engine's jobs."""
    if key.endswith("/"):
        message = f"{key!r} is a folder marker, not a file to download."
        raise InvalidName(message, container=container, key=key)
    read = VerifiedRead(provider, container, key, version_id=version_id, cancel=cancel, bandwidth=bandwidth)
    total = read.proof.info.size
    chunks = bandwidth.limited(read, total=total, cancel=cancel) if bandwidth else iter(read)
    part = target.with_name(target.name + PART_SUFFIX)
    size = 0
    try:
        with part.open("wb") as sink:
            try:
                for chunk in chunks:
                    sink.write(chunk)
                    size += len(chunk)
                    if progress is not None:
                        progress(size, total)
            except UnevenParts:
                uneven = True
            else:
                uneven = False
        note = _checked(read, provider, (container, key, version_id), part, size, uneven=uneven)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    os.replace(part, target)
    return DownloadedVersion(target, size, note)


def _checked(
    read: VerifiedRead,
    provider: Provider,
    which: tuple[str, str, str | None],
    part: Path,
    size: int,
    *,
    uneven: bool,
) -> str:
    container, key, version_id = which
    where = f"version {version_id!r} of {key!r}" if version_id is not None else repr(key)
    if size != read.proof.info.size:
        raise ChecksumMismatch(
            f"Downloaded {size} bytes of {where} but the server said {read.proof.info.size}; nothing was "
            "kept. Retry the download."
        )
    if not uneven:
        return read.note
    # The stream's check failed because the S3 parts were of uneven sizes: the file is
    # here, so it is hashed again by the parts as they are.
    exact = (
        provider.version_proof(container, key, version_id, exact_layout=True)
        if version_id is not None
        else provider.content_proof(container, key, exact_layout=True)
    )
    segments = segments_to_hash(exact, ())
    fd = os.open(part, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        digests = file_digests(
            lambda length, position: read_at(fd, length, position), segments, exact.algorithm
        )
    finally:
        os.close(fd)
    return check(exact, Hashed(segments, exact.algorithm, tuple(digests)), {}, key)
