"""Server-side copies: CopyObject up to 5 GiB, UploadPartCopy above; metadata changes are
copies onto the object itself with ``MetadataDirective=REPLACE``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storebrowser.core.errors import Unsupported
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.s3 import multipart, reading
from storebrowser.providers.s3.errors import s3_errors
from storebrowser.providers.s3.metadata import encode_metadata, replaced_properties
from storebrowser.providers.s3.tagging import get_tags, tagging_header

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import CopySourceTypeDef


@dataclass(frozen=True, slots=True)
class CopyJob:
    src_container: str
    src_key: str
    dst_container: str
    dst_key: str
    #: The source's HEAD reply: its size picks the method, its properties are carried over.
    head: Mapping[str, Any]
    #: Copy this version of the source rather than the current one.
    src_version: str | None = None


@dataclass(frozen=True, slots=True)
class CopyLimits:
    threshold: int = multipart.MAX_SINGLE_COPY
    part_size: int = multipart.COPY_PART_SIZE
    concurrency: int = 4


def copy(
    client: S3Client,
    job: CopyJob,
    metadata: Mapping[str, str] | None,
    system: Mapping[str, str | None] | None,
    limits: CopyLimits,
    *,
    if_match: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> ObjectInfo:
    """Copy ``job``; new ``metadata`` replaces the old, ``system`` changes those system
    properties (see ``Provider.set_properties``), all else is kept. ``overrides``: more
    CopyObject / CreateMultipartUpload parameters (a new ``StorageClass``...), sent with
    everything else carried over.

    REPLACE drops every property not sent again, so the source's system properties
    (Cache-Control, Content-Disposition, storage class, encryption...) are sent along.
    An upload in parts starts with no properties at all, so it always gets them too.
    ``if_match``: the source's ETag; the server refuses the copy (and each part copy)
    with 412 if the source has another one by then (``PreconditionFailed``).
    """
    size = int(job.head.get("ContentLength", 0))
    replace = metadata is not None or bool(system) or bool(overrides)
    if not replace and size <= limits.threshold:
        extra: dict[str, Any] = {"MetadataDirective": "COPY"}
    else:
        extra = _replacement(job, metadata, system) | dict(overrides or {})
    source: CopySourceTypeDef = {"Bucket": job.src_container, "Key": job.src_key}
    if job.src_version is not None:
        source["VersionId"] = job.src_version
    condition: dict[str, Any] = {"CopySourceIfMatch": f'"{if_match.strip(chr(34))}"'} if if_match else {}
    if size > limits.threshold:
        extra.pop("MetadataDirective", None)
        # A copy in parts starts from nothing, tags included: they are sent again.
        extra.update(_source_tagging(client, job))
        return multipart.copy_in_parts(
            client,
            source,
            size,
            job.dst_container,
            job.dst_key,
            extra,
            part_size=limits.part_size,
            concurrency=limits.concurrency,
            condition=condition,
        )
    extra.pop("Tagging", None)  # a single copy keeps the tags itself (TaggingDirective=COPY)
    what = f"Copying {job.src_key!r} to {job.dst_key!r}"
    with s3_errors(what, container=job.dst_container, key=job.dst_key):
        client.copy_object(CopySource=source, Bucket=job.dst_container, Key=job.dst_key, **condition, **extra)
    return reading.stat(client, job.dst_container, job.dst_key)


def _source_tagging(client: S3Client, job: CopyJob) -> dict[str, str]:
    """The source's tags as CreateMultipartUpload's ``Tagging``; nothing on a server
    without tagging (it has none to lose). Tags that cannot be read fail the copy."""
    try:
        tags = get_tags(client, job.src_container, job.src_key)
    except Unsupported:
        return {}
    return {"Tagging": tagging_header(tags)} if tags else {}


def _replacement(
    job: CopyJob, metadata: Mapping[str, str] | None, system: Mapping[str, str | None] | None
) -> dict[str, Any]:
    extra = replaced_properties(job.head, system, job.dst_key)
    # Metadata read back from the server is already in its sent (encoded) form: what is
    # not changed goes back as it was read.
    stored = dict(job.head.get("Metadata", {}))
    extra["Metadata"] = encode_metadata(metadata, stored=stored) if metadata is not None else stored
    extra["MetadataDirective"] = "REPLACE"
    return extra
