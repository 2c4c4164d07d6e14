"""Which checksum the parts of an S3 upload carry: CRC32 where the server proves it
checks one, else Content-MD5.

Over HTTPS botocore sends a part's body unsigned when a checksum goes with it, so that
checksum is the only thing that catches bytes changed on the way. Every S3 implementation
checks Content-MD5; the flexible checksums (``x-amz-checksum-crc32``) are checked by AWS
and recent Swift s3api, but some servers ignore the header (moto does), and AWS refuses
one on a part of an upload created without ``ChecksumAlgorithm``. A CRC32 (zlib, in the
standard library) costs about 0.35 CPU s/GiB against MD5's 1.9, so it is worth a probe:
the first part of the first upload in parts is preceded, under its own number, by a
one-byte body with a wrong CRC32. ``BadDigest``: the server checks CRC32, and every part
of this provider carries one from then on. Taken, or refused for another reason:
Content-MD5, as before (a server that took the probe gets the real part under the same
number at once, which replaces it). A failure of the connection decides nothing: that
part goes with Content-MD5 and a later one asks again.

botocore leaves a body unsigned over HTTPS only when it sees the checksum it expects
(Content-MD5, or one it computed itself); ``install`` tells it of our CRC32 header, or
it would hash every part with SHA-256 for the signature, dearer than the MD5 saved.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import threading
import zlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from botocore import exceptions as bx

from storebrowser.providers.s3.errors import error_code

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)

_CRC32_HEADER = "x-amz-checksum-crc32"

_PROBE_BODY = b"?"
#: The CRC32 of another byte: a server that checks must refuse the probe.
_WRONG_CRC32 = base64.b64encode(zlib.crc32(b"!").to_bytes(4, "big")).decode("ascii")

#: Sends one part: ``(number, body, checksum arguments) -> reply``.
PartCall = Callable[[int, bytes, Mapping[str, str]], Any]


def crc32_of(data: bytes) -> str:
    """``x-amz-checksum-crc32``: the big-endian CRC32, base64."""
    return base64.b64encode(zlib.crc32(data).to_bytes(4, "big")).decode("ascii")


def md5_of(data: bytes) -> str:
    """``Content-MD5``: the MD5, base64."""
    return base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode("ascii")


class PartChecksums:
    """One per provider: whether its server checks CRC32, asked once (thread-safe)."""

    def __init__(self, crc32: bool | None = None) -> None:
        #: ``None`` until a probe answered; tests may decide it beforehand.
        self.crc32 = crc32
        self._lock = threading.Lock()

    def args(self, number: int, data: bytes, send: PartCall) -> dict[str, str]:
        """The checksum argument of part ``number`` holding ``data``; ``send`` makes the
        probe, under the same number (the real part follows it and replaces it)."""
        if self.crc32 is None:
            with self._lock:
                if self.crc32 is None:
                    self.crc32 = _probe(number, send)
        if self.crc32:
            return {"ChecksumCRC32": crc32_of(data)}
        return {"ContentMD5": md5_of(data)}


def _probe(number: int, send: PartCall) -> bool | None:
    """True when the server refused a part whose CRC32 is wrong; ``None`` when the
    connection failed or the server was busy (no answer about checksums)."""
    try:
        send(number, _PROBE_BODY, {"ChecksumCRC32": _WRONG_CRC32})
    except bx.ClientError as error:
        code = error_code(error)
        if code == "BadDigest":
            return True
        status = int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        if status >= 500 or code in ("SlowDown", "RequestTimeout"):
            return None
        log.info("the server does not take part checksums (%s): Content-MD5 is sent", code)
        return False
    except bx.BotoCoreError:
        return None
    log.info("the server ignores x-amz-checksum-crc32: parts carry Content-MD5")
    return False


def _say_the_checksum(request: Any, **_: Any) -> None:
    """Before signing: our CRC32 header is the request's checksum, as botocore's own
    would be (``S3SigV4Auth._should_sha256_sign_payload`` reads it from the context)."""
    if _CRC32_HEADER in request.headers:
        checksum = request.context.setdefault("checksum", {})
        checksum["request_algorithm"] = {"in": "header", "name": _CRC32_HEADER, "algorithm": "crc32"}


def install(client: S3Client) -> None:
    client.meta.events.register_first(
        "request-created.s3.UploadPart", _say_the_checksum, unique_id="storebrowser-part-checksum"
    )
