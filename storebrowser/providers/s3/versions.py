"""Versioned buckets: ListObjectVersions one folder level at a time, one version's HEAD,
GET and DELETE, a version made current again by CopyObject, and the bucket's switch.

ListObjectVersions answers versions and delete markers as one sequence in key order, each
key's newest first; botocore parses them into two lists (``Versions``, ``DeleteMarkers``),
so the sequence is put back from the order of the elements in the raw XML (kept by an
``after-call`` hook). A server that writes all versions before all markers (moto) makes
that order wrong; the page is then sorted by key, current first, newest first, which is
right unless a marker and a version of one key were written within the same second
(LastModified is to the second): those keep versions before markers.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from botocore import exceptions as bx

from storebrowser.core.cancel import CancelToken
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.errors import NotFound, StorageError, Unsupported
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ObjectVersion, Page, VersioningState, VersioningStatus
from storebrowser.core.versionlist import marker_past, only_first_is_latest
from storebrowser.providers.s3 import proof, reading
from storebrowser.providers.s3.errors import error_code, http_status, map_error, s3_errors
from storebrowser.providers.s3.listing import md5_from_head, strip_etag

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

#: The element order of the last ListObjectVersions reply, added to the parsed answer.
ORDER_FIELD = "StoreBrowserEntryOrder"
_HOOK_ID = "storebrowser-version-order"
#: What turning versioning on costs, said where a person decides.
COST_NOTE = (
    "Every overwrite and delete then keeps the earlier version, and each version is stored "
    "and billed at full size until it is deleted (a lifecycle rule can expire old versions)."
)


def _remember_order(http_response: Any, parsed: dict[str, Any], **_: Any) -> None:
    """The sequence of ``Version``/``DeleteMarker`` elements of the raw reply."""
    if not isinstance(parsed, dict) or "Error" in parsed:
        return
    try:
        root = ElementTree.fromstring(http_response.content)
    except ElementTree.ParseError:
        return
    tags = (child.tag.rsplit("}", 1)[-1] for child in root)
    parsed[ORDER_FIELD] = [tag == "DeleteMarker" for tag in tags if tag in ("Version", "DeleteMarker")]


def _hooked(client: S3Client) -> Any:
    # register() with a unique id is a no-op the second time: cheap to call per request.
    client.meta.events.register("after-call.s3.ListObjectVersions", _remember_order, unique_id=_HOOK_ID)
    return client


@contextlib.contextmanager
def version_errors(what: str, bucket: str, key: str, version_id: str) -> Iterator[None]:
    """Errors about one version: an unknown or malformed id, or a delete marker asked for
    content, is ``NotFound`` that says which."""
    try:
        yield
    except (bx.ClientError, bx.BotoCoreError) as error:
        where = {"container": bucket, "key": key}
        if isinstance(error, bx.ClientError):
            headers = error.response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
            if http_status(error) == 405 and headers.get("x-amz-delete-marker") == "true":
                raise NotFound(
                    f"{what}: version {version_id!r} of {key!r} is a delete marker; it has no content.",
                    **where,
                ) from error
            if http_status(error) in (400, 404) or error_code(error) in ("NoSuchVersion", "InvalidArgument"):
                raise NotFound(f"{what}: {key!r} has no version {version_id!r}.", **where) from error
        raise map_error(error, what, **where) from error


# -- the bucket's switch ---------------------------------------------------------------


def versioning_state(client: S3Client, bucket: str) -> VersioningState:
    with s3_errors(f"Reading the versioning of {bucket!r}", container=bucket):
        status = client.get_bucket_versioning(Bucket=bucket).get("Status")
    if status == "Enabled":
        return VersioningState(VersioningStatus.ENABLED)
    if status == "Suspended":
        return VersioningState(
            VersioningStatus.SUSPENDED, "The versions kept so far stay; new writes replace the current one."
        )
    return VersioningState(VersioningStatus.NEVER, f"Versioning was never turned on. {COST_NOTE}")


def set_versioning(client: S3Client, bucket: str, enabled: bool) -> VersioningState:
    status: Literal["Enabled", "Suspended"] = "Enabled" if enabled else "Suspended"
    with s3_errors(f"Turning versioning {'on' if enabled else 'off'} for {bucket!r}", container=bucket):
        client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": status})
    return versioning_state(client, bucket)


def probe_versioning(client: S3Client, probe_bucket: str) -> str:
    """``""`` when the server knows PutBucketVersioning (asked of a bucket that does not
    exist, so nothing changes), else why not. s3api without Swift's object versioning
    answers NotImplemented whatever the bucket."""
    try:
        with s3_errors("Asking whether the server keeps versions"):
            client.put_bucket_versioning(Bucket=probe_bucket, VersioningConfiguration={"Status": "Suspended"})
    except Unsupported:
        return (
            "this server does not implement bucket versioning (PutBucketVersioning answers "
            "NotImplemented; on Swift's s3api, the cluster needs object versioning)"
        )
    except StorageError as error:
        if error.retryable:
            raise
    return ""


# -- listing -----------------------------------------------------------------------------


def list_versions_page(
    client: S3Client, bucket: str, prefix: str, delimiter: str | None, token: str | None, limit: int
) -> Page[ObjectVersion]:
    params: dict[str, Any] = {"Bucket": bucket, "MaxKeys": max(1, min(limit, 1000))}
    if prefix:
        params["Prefix"] = prefix
    if delimiter:
        params["Delimiter"] = delimiter
    previous_key = None
    if token:
        key_marker, version_marker, previous_key = json.loads(token)
        params["KeyMarker"] = key_marker
        if version_marker:
            params["VersionIdMarker"] = version_marker
    reply = _list(client, params)
    if "VersionIdMarker" not in params and _repeats_marker(reply, params.get("KeyMarker")):
        params["KeyMarker"] = marker_past(params["KeyMarker"])
        reply = _list(client, params)
    entries = _entries(reply) + [
        ObjectVersion(key=item["Prefix"], version_id="", is_prefix=True)
        for item in reply.get("CommonPrefixes") or []
    ]
    entries.sort(key=lambda entry: entry.key)  # stable: each key's versions keep their order
    # Swift's s3api marks a delete marker that starts a page latest (see swift/versions.py).
    entries = only_first_is_latest(entries, previous_key)
    last_key = next((entry.key for entry in reversed(entries) if not entry.is_prefix), None)
    return Page(entries, _next_token(reply, last_key))


def _list(client: S3Client, params: dict[str, Any]) -> dict[str, Any]:
    with s3_errors(f"Listing the versions in {params['Bucket']!r}", container=params["Bucket"]):
        reply: dict[str, Any] = _hooked(client).list_object_versions(**params)
    return reply


def _repeats_marker(reply: Mapping[str, Any], key_marker: str | None) -> bool:
    """s3api on Swift answers ``KeyMarker=photos/`` with the common prefix ``photos/``
    once more (a page of one would never move on); AWS and moto skip it, and moto would
    skip a key too if asked with ``marker_past`` (it drops the first entry after any
    marker), so that marker is only used where the prefix came back."""
    return key_marker is not None and key_marker in _prefixes(reply)


def _prefixes(reply: Mapping[str, Any]) -> set[str]:
    return {item["Prefix"] for item in reply.get("CommonPrefixes") or []}


def _next_token(reply: Mapping[str, Any], last_key: str | None) -> str | None:
    if not reply.get("IsTruncated"):
        return None
    key_marker = reply.get("NextKeyMarker")
    if not key_marker:
        return None  # a server that truncates without saying where to go on
    if key_marker in _prefixes(reply):  # s3api says "null": no version marker after a prefix
        return json.dumps([key_marker, "", last_key])
    return json.dumps([key_marker, reply.get("NextVersionIdMarker") or "", last_key])


def _entries(reply: Mapping[str, Any]) -> list[ObjectVersion]:
    """Versions and delete markers in the reply's order (see the module's note)."""
    versions = [_version(item) for item in reply.get("Versions") or []]
    markers = [_marker(item) for item in reply.get("DeleteMarkers") or []]
    order = reply.get(ORDER_FIELD)
    if order is not None and len(order) == len(versions) + len(markers):
        pools = {False: iter(versions), True: iter(markers)}
        merged = [next(pools[is_marker]) for is_marker in order]
        if all(map(_in_order, itertools.pairwise(merged))):
            return merged
    merged = versions + markers
    # Stable: versions of one key modified in the same second keep the server's order.
    merged.sort(key=lambda v: (v.key, not v.is_latest, -(v.modified.timestamp() if v.modified else 0)))
    return merged


def _in_order(pair: tuple[ObjectVersion, ObjectVersion]) -> bool:
    """Whether ``b`` may follow ``a`` in a listing: keys ascending; within a key, older
    (or as old, to the second) and never the latest."""
    a, b = pair
    if a.key != b.key:
        return a.key < b.key
    return not b.is_latest and (a.modified is None or b.modified is None or b.modified <= a.modified)


def _version(item: Mapping[str, Any]) -> ObjectVersion:
    etag = strip_etag(item.get("ETag"))
    return ObjectVersion(
        key=item["Key"],
        version_id=str(item.get("VersionId") or "null"),
        is_latest=bool(item.get("IsLatest")),
        size=int(item.get("Size", 0)),
        modified=item.get("LastModified"),
        etag=etag,
    )


def _marker(item: Mapping[str, Any]) -> ObjectVersion:
    return ObjectVersion(
        key=item["Key"],
        version_id=str(item.get("VersionId") or "null"),
        is_latest=bool(item.get("IsLatest")),
        is_delete_marker=True,
        modified=item.get("LastModified"),
    )


# -- one version -------------------------------------------------------------------------


def head_version(client: S3Client, bucket: str, key: str, version_id: str) -> Mapping[str, Any]:
    with version_errors(f"Reading version {version_id!r} of {key!r}", bucket, key, version_id):
        reply: Mapping[str, Any] = client.head_object(Bucket=bucket, Key=key, VersionId=version_id)
    return reply


def version_of_head(key: str, version_id: str, head: Mapping[str, Any]) -> ObjectVersion:
    return ObjectVersion(
        key=key,
        version_id=version_id,
        size=int(head.get("ContentLength", 0)),
        modified=head.get("LastModified"),
        etag=strip_etag(head.get("ETag")),
        content_md5=md5_from_head(head),
    )


def delete_version(client: S3Client, bucket: str, key: str, version_id: str) -> None:
    """Delete one version or delete marker for good. S3 answers success for an id it does
    not have, so the version is looked up first."""
    if not exists(client, bucket, key, version_id):
        message = f"{key!r} has no version {version_id!r}; nothing was deleted."
        raise NotFound(message, container=bucket, key=key)
    with version_errors(f"Deleting version {version_id!r} of {key!r}", bucket, key, version_id):
        client.delete_object(Bucket=bucket, Key=key, VersionId=version_id)


def iter_read_version(
    client: S3Client, bucket: str, key: str, version_id: str, byte_range: ByteRange, chunk_size: int,
    cancel: CancelToken, receipt: ReceiptCallback | None = None,
) -> Iterator[bytes]:  # fmt: skip
    """``reading.iter_read`` of one version, its errors said about that version."""
    try:
        yield from reading.iter_read(client, bucket, key, byte_range, chunk_size=chunk_size, cancel=cancel,
                                     receipt=receipt, version_id=version_id)  # fmt: skip
    except StorageError as error:
        _say_of_version(error, bucket, key, version_id)


def version_proof(
    client: S3Client, bucket: str, key: str, version_id: str, exact_layout: bool
) -> ContentProof:
    """``proof.content_proof`` of one version, its errors said about that version."""
    try:
        return proof.content_proof(client, bucket, key, exact_layout=exact_layout, version_id=version_id)
    except StorageError as error:
        _say_of_version(error, bucket, key, version_id)


def _say_of_version(error: StorageError, bucket: str, key: str, version_id: str) -> NoReturn:
    """Raise ``error`` again, a refusal of the server said about the version asked."""
    cause = error.__cause__
    if error.retryable or not isinstance(cause, bx.ClientError):
        raise error
    with version_errors(f"Reading version {version_id!r} of {key!r}", bucket, key, version_id):
        raise cause from None
    raise error  # pragma: no cover - version_errors always raises


def exists(client: S3Client, bucket: str, key: str, version_id: str) -> bool:
    """Whether ``key`` has this version or delete marker. A HEAD answers for versions
    (and on AWS and moto for delete markers, with 405); s3api answers 404 for a delete
    marker, so a 404 is checked against the key's versions listing."""
    try:
        head_version(client, bucket, key, version_id)
    except NotFound as error:
        if "delete marker" in error.message:
            return True
    else:
        return True
    token: str | None = None
    while True:
        page = list_versions_page(client, bucket, key, None, token, 1000)
        for entry in page.entries:
            if entry.key == key and entry.version_id == version_id:
                return True
            if entry.key > key:
                return False
        if page.next_token is None:
            return False
        token = page.next_token
