"""What S3 vouches for about an object's bytes (``Provider.content_proof``).

- Single-part, not encrypted with KMS or a customer key: the ETag is the content's MD5.
- Multipart, same encryption: the ETag is ``md5(md5(part 1) + ... + md5(part N))-N``. A
  HEAD with ``PartNumber=1`` gives the part count (``x-amz-mp-parts-count``) and the first
  part's size; nearly every uploader cuts equal parts but the last, so the layout is
  inferred from those two (``layout_guessed``) and looked up part by part only when the
  recomputed ETag does not match (``exact_layout``).
- Otherwise a checksum stored with the object (``ChecksumMode=ENABLED``: SHA-256, SHA-1
  or CRC32 of the whole object) when there is one; else nothing, and the note says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from storebrowser.core.digests import (
    Combine,
    ContentProof,
    hex_of_base64,
    nothing_vouched,
    segments_of_sizes,
    uniform_segments,
    whole_md5,
)
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.s3.listing import ETAG_IS_MD5_SSE, object_from_head
from storebrowser.providers.s3.reading import head

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

#: Stored whole-object checksums we can recompute without another library, by the name
#: ``head_object`` gives them: (hashlib name or crc32, as said in the note).
_CHECKSUMS = {"ChecksumSHA256": ("sha256", "SHA-256"), "ChecksumSHA1": ("sha1", "SHA-1"),
              "ChecksumCRC32": ("crc32", "CRC32")}  # fmt: skip


def content_proof(
    client: S3Client,
    bucket: str,
    key: str,
    *,
    exact_layout: bool = False,
    customer_key: str | None = None,
    version_id: str | None = None,
) -> ContentProof:
    """Of the current object, or of version ``version_id``."""
    # An SSE-C object answers its HEAD only with the key; its ETag is no MD5, so the part
    # HEADs below are never asked for it.
    version = {"VersionId": version_id} if version_id is not None else {}
    reply = head(client, bucket, key, customer_key, ChecksumMode="ENABLED", **version)
    info = object_from_head(key, reply)
    if info.content_md5:
        return whole_md5(info, info.content_md5, "S3 ETag")
    parts = _parts_count(info.etag)
    if parts is not None and _etag_is_md5_based(reply):
        return _multipart_proof(client, bucket, key, info, parts, version, exact_layout=exact_layout)
    stored = _stored_checksum(info, reply, multipart=parts is not None)
    if stored is not None:
        return stored
    return nothing_vouched(info, _why_not(reply))


def _parts_count(etag: str | None) -> int | None:
    """N of a multipart ETag ``<md5>-N``; ``None`` for any other ETag."""
    digest, dash, count = (etag or "").partition("-")
    if not dash or len(digest) != 32 or not count.isdigit():
        return None
    return int(count)


def _etag_is_md5_based(reply: Mapping[str, Any]) -> bool:
    if reply.get("SSECustomerAlgorithm"):
        return False
    return str(reply.get("ServerSideEncryption") or "") in ETAG_IS_MD5_SSE


def _multipart_proof(
    client: S3Client, bucket: str, key: str, info: ObjectInfo, count: int, version: Mapping[str, str], *,
    exact_layout: bool,
) -> ContentProof:  # fmt: skip
    # (The ETag of this reply is the object's on AWS and s3api, the part's on moto: a
    # change in between shows when the reads' ETags or the recomputed one differ.)
    first = head(client, bucket, key, PartNumber=1, **version)
    said = first.get("PartsCount")
    if said is None or int(said) != count:
        # The server ignored PartNumber (it answered for the whole object).
        return nothing_vouched(info, "the server does not give the part sizes of a multipart object")
    segments = None if exact_layout else uniform_segments(info.size, int(first["ContentLength"]), count)
    guessed = segments is not None
    if segments is None:
        sizes = [int(first["ContentLength"])]
        for number in range(2, count + 1):
            sizes.append(int(head(client, bucket, key, PartNumber=number, **version)["ContentLength"]))
        segments = segments_of_sizes(sizes)
        if segments[-1].end != info.size:
            return nothing_vouched(info, "the part sizes the server gives do not add up to the object")
    return ContentProof(info, "S3 multipart ETag", segments=segments, combined=info.etag,
                        combine=Combine.S3_MULTIPART, layout_guessed=guessed)  # fmt: skip


def _stored_checksum(info: ObjectInfo, reply: Mapping[str, Any], *, multipart: bool) -> ContentProof | None:
    """A whole-object checksum stored with the object. A multipart object's checksum is
    of the whole object only when the service says ``FULL_OBJECT``; otherwise it is
    combined from the parts' (``<digest>-N``), which is not recomputed here."""
    kind = str(reply.get("ChecksumType") or "")
    if multipart and kind != "FULL_OBJECT":
        return None
    for field, (algorithm, name) in _CHECKSUMS.items():
        value = str(reply.get(field) or "")
        digest = hex_of_base64(value) if value and "-" not in value else None
        if digest:
            return ContentProof(info, f"S3 stored {name} checksum", algorithm=algorithm, whole=digest)
    return None


def _why_not(reply: Mapping[str, Any]) -> str:
    if reply.get("SSECustomerAlgorithm"):
        return "encrypted with a customer-provided key: the ETag is no MD5 and no checksum is stored"
    if not _etag_is_md5_based(reply):
        encryption = reply.get("ServerSideEncryption")
        return f"encrypted with {encryption}: the ETag is no MD5 and no checksum is stored"
    return "the ETag is not an MD5 and no checksum is stored"
