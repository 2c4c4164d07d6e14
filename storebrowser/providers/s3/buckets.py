"""Bucket-level operations: create, delete (forced: empty it first), batch delete, website."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import (
    AccessDenied,
    AlreadyExists,
    InvalidName,
    NotFound,
    StorageError,
    Unsupported,
)
from storebrowser.core.types import WebsiteConfig
from storebrowser.providers.s3.errors import error_code, map_error, s3_errors
from storebrowser.providers.s3.keys import xml_safe
from storebrowser.providers.s3.listing import iter_all_keys
from storebrowser.providers.s3.names import check_container_name

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import ErrorTypeDef, ObjectIdentifierTypeDef, WebsiteConfigurationTypeDef

_Page = TypeVar("_Page")

log = logging.getLogger(__name__)

#: DeleteObjects takes at most 1,000 keys a request.
DELETE_BATCH = 1000


def create_bucket(client: S3Client, name: str, region: str) -> None:
    check_container_name(name)
    # us-east-1 answers 200 to re-creating a bucket you own (a legacy of AWS), so ask first.
    if bucket_exists(client, name):
        raise AlreadyExists(f"You own a bucket {name!r} already.", container=name)
    params: dict[str, Any] = {"Bucket": name}
    if region != "us-east-1":
        params["CreateBucketConfiguration"] = {"LocationConstraint": region}
    with s3_errors(f"Creating the bucket {name!r}", container=name):
        client.create_bucket(**params)


def bucket_exists(client: S3Client, name: str) -> bool:
    """True when we own ``name`` already. A bucket of another account answers 403 here;
    CreateBucket then says BucketAlreadyExists, which has the clearer message."""
    try:
        with s3_errors(f"Looking for the bucket {name!r}", container=name):
            client.head_bucket(Bucket=name)
    except (NotFound, AccessDenied):
        return False
    return True


def delete_objects(
    client: S3Client, bucket: str, keys: Sequence[str], *, cancel: CancelToken = NEVER
) -> dict[str, StorageError]:
    """DeleteObjects in batches of 1,000; returns the keys the server refused, with why.
    A key XML cannot carry exactly goes in a DeleteObject of its own (``keys.xml_safe``)."""
    failures = _delete_one_by_one(client, bucket, [key for key in keys if not xml_safe(key)], cancel)
    in_xml = [key for key in keys if xml_safe(key)]
    for start in range(0, len(in_xml), DELETE_BATCH):
        cancel.raise_if_cancelled()
        batch: list[ObjectIdentifierTypeDef] = [{"Key": key} for key in in_xml[start : start + DELETE_BATCH]]
        with s3_errors(f"Deleting objects in {bucket!r}", container=bucket):
            reply = client.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
        for error in reply.get("Errors", []):
            failures[error["Key"]] = _batch_error(bucket, error)
    return failures


def _delete_one_by_one(
    client: S3Client, bucket: str, keys: Sequence[str], cancel: CancelToken
) -> dict[str, StorageError]:
    failures: dict[str, StorageError] = {}
    for key in keys:
        cancel.raise_if_cancelled()
        try:
            with s3_errors(f"Deleting {key!r}", container=bucket, key=key):
                client.delete_object(Bucket=bucket, Key=key)
        except StorageError as error:
            failures[key] = error
    return failures


def _batch_error(bucket: str, error: ErrorTypeDef) -> StorageError:
    from botocore.exceptions import ClientError

    code, message = error.get("Code", ""), error.get("Message", "")
    failed = ClientError({"Error": {"Code": code, "Message": message}}, "DeleteObjects")
    key = error["Key"]
    return map_error(failed, f"Deleting {key!r}", container=bucket, key=key)


def delete_bucket(client: S3Client, name: str, *, force: bool, cancel: CancelToken = NEVER) -> None:
    """Delete ``name``; with ``force``, first its objects, unfinished uploads and versions."""
    if force:
        empty_bucket(client, name, cancel=cancel)
    with s3_errors(f"Deleting the bucket {name!r}", container=name):
        client.delete_bucket(Bucket=name)


def empty_bucket(client: S3Client, name: str, *, cancel: CancelToken = NEVER) -> None:
    for keys in iter_all_keys(client, name, cancel=cancel):
        _raise_first(delete_objects(client, name, keys, cancel=cancel))
    _abort_uploads(client, name, cancel)
    _delete_versions(client, name, cancel)


def _raise_first(failures: dict[str, StorageError]) -> None:
    if failures:
        key, error = next(iter(failures.items()))
        raise type(error)(
            f"{error.message} ({len(failures)} object(s) could not be deleted; the bucket was not deleted.)",
            container=error.container,
            key=key,
        )


def _abort_uploads(client: S3Client, name: str, cancel: CancelToken) -> None:
    """Unfinished multipart uploads keep a bucket from being deleted on some servers."""
    pages = client.get_paginator("list_multipart_uploads").paginate(Bucket=name)
    for page in _each_page(pages, "uploads", name, cancel):
        for upload in page.get("Uploads", []):
            with (
                contextlib.suppress(NotFound),
                s3_errors(f"Aborting an unfinished upload in {name!r}", container=name),
            ):
                client.abort_multipart_upload(Bucket=name, Key=upload["Key"], UploadId=upload["UploadId"])


def _delete_versions(client: S3Client, name: str, cancel: CancelToken) -> None:
    """Older versions and delete markers of a versioned bucket (best effort: a server
    that has no versioning says NotImplemented, which leaves nothing to delete)."""
    try:
        with s3_errors(f"Reading the versioning of {name!r}", container=name):
            status = client.get_bucket_versioning(Bucket=name).get("Status")
    except Unsupported:
        return
    if not status:
        return  # never versioned: the objects deleted above were everything
    for kind in ("Versions", "DeleteMarkers"):
        pages = client.get_paginator("list_object_versions").paginate(Bucket=name)
        for page in _each_page(pages, kind.lower(), name, cancel):
            listed = page.get("Versions", []) if kind == "Versions" else page.get("DeleteMarkers", [])
            for version in listed:
                with s3_errors(f"Deleting a version of {version['Key']!r}", container=name):
                    client.delete_object(Bucket=name, Key=version["Key"], VersionId=version["VersionId"])


def _each_page(pages: Iterable[_Page], what: str, name: str, cancel: CancelToken) -> Iterator[_Page]:
    with s3_errors(f"Listing {what} of {name!r}", container=name):
        for page in pages:
            cancel.raise_if_cancelled()
            yield page


def set_website(client: S3Client, name: str, config: WebsiteConfig) -> None:
    if "/" in config.index_document or not config.index_document:
        raise InvalidName(
            "The index document is a file name such as 'index.html' (no '/'); S3 appends it "
            "to every folder address."
        )
    website: WebsiteConfigurationTypeDef = {"IndexDocument": {"Suffix": config.index_document}}
    if config.error_document:
        website["ErrorDocument"] = {"Key": config.error_document}
    with s3_errors(f"Publishing {name!r} as a website", container=name):
        client.put_bucket_website(Bucket=name, WebsiteConfiguration=website)


def get_website(client: S3Client, name: str) -> tuple[str, str | None] | None:
    """``(index, error document)`` or ``None`` when the bucket is no website."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        reply = client.get_bucket_website(Bucket=name)
    except (ClientError, BotoCoreError) as error:
        if isinstance(error, ClientError) and error_code(error) == "NoSuchWebsiteConfiguration":
            return None
        raise map_error(error, f"Reading the website of {name!r}", container=name) from error
    index = reply.get("IndexDocument", {}).get("Suffix", "index.html")
    return index, reply.get("ErrorDocument", {}).get("Key")


def probe_website(client: S3Client, probe: str) -> bool:
    """Whether the server knows the website calls. s3api (Swift) and other S3 clones answer
    NotImplemented for ?website whatever the bucket, so asking about ``probe``, a bucket
    that does not exist, is enough."""
    try:
        get_website(client, probe)
    except Unsupported:
        return False
    except StorageError as error:
        if error.retryable:
            raise  # an unreachable server tells nothing about websites
        return True  # NoSuchBucket, AccessDenied...: the server knows the call
    return True
