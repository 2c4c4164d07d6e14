"""S3 storage classes on moto (which takes AWS's classes) and Swift's s3api (which takes
STANDARD only): what is offered, uploads in a class, and a change of class that keeps
everything but the class, read back through boto3 directly."""

from __future__ import annotations

import hashlib
import io
import os
from typing import Any

import pytest

from storebrowser.core.errors import InvalidStorageClass, ObjectArchived, Unsupported
from storebrowser.core.tiers import ClassScope
from storebrowser.providers.base import Provider
from storebrowser.providers.s3.provider import S3Provider
from tests.providers.backends import CountedProvider
from tests.providers.moto_support import moto_s3_fixture, moto_sdk_fixture  # noqa: F401
from tests.providers.s3_support import bucket_fixture  # noqa: F401
from tests.servers.moto_s3 import MotoServer

MiB = 1024 * 1024
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def _put_rich(sdk: Any, bucket: str, key: str, body: bytes, **extra: Any) -> None:
    """An object with everything a class change must keep."""
    sdk.put_object(
        Bucket=bucket, Key=key, Body=body, ContentType="text/csv", CacheControl="max-age=60",
        ContentDisposition='attachment; filename="r.csv"', ContentEncoding="identity",
        ContentLanguage="de", Metadata={"owner": "qa", "note": "=?UTF-8?B?Wm/Dqw==?="},
        Tagging="project=apollo&stage=raw", **extra,
    )  # fmt: skip


def _kept(sdk: Any, bucket: str, key: str) -> dict[str, Any]:
    head = sdk.head_object(Bucket=bucket, Key=key)
    tags = sdk.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]
    fields = ("ContentType", "CacheControl", "ContentDisposition", "ContentEncoding", "ContentLanguage")
    return {
        "system": {name: head.get(name) for name in fields},
        "metadata": head["Metadata"],
        "tags": {tag["Key"]: tag["Value"] for tag in tags},
    }


def test_moto_offers_the_aws_classes_and_s3api_none_saying_why(
    s3: S3Provider, s3_swift_provider: Provider
) -> None:
    classes = s3.storage_classes()
    assert classes.scope is ClassScope.OBJECT and classes.restore_days
    assert classes.names()[0] == "STANDARD"
    assert {"GLACIER", "DEEP_ARCHIVE", "STANDARD_IA"} <= set(classes.names())
    assert [c.name for c in classes.classes if c.archive] == ["GLACIER", "DEEP_ARCHIVE"]
    assert all(c.description for c in classes.classes)
    assert s3.capabilities.storage_tiers and s3.capabilities.archive_restore and s3.capabilities.object_tags
    caps = s3_swift_provider.capabilities
    assert not (caps.storage_tiers or caps.archive_restore or caps.object_tags)
    assert "STANDARD storage class" in (caps.reason("storage_tiers") or "")
    assert "tagging" in (caps.reason("object_tags") or "")
    with pytest.raises(Unsupported, match="offers no other"):
        s3_swift_provider.set_storage_class("any", "key", "STANDARD_IA")


def test_upload_in_a_class_one_request_and_in_parts(s3: S3Provider, bucket: str, sdk: Any) -> None:
    s3.put_object(bucket, "small", io.BytesIO(b"x"), size=1, storage_class="standard_ia")
    assert sdk.head_object(Bucket=bucket, Key="small")["StorageClass"] == "STANDARD_IA"
    upload = s3.start_multipart(bucket, "big", part_size=5 * MiB, storage_class="GLACIER_IR")
    upload.complete([upload.upload_part(1, b"y" * 100)])
    assert sdk.head_object(Bucket=bucket, Key="big")["StorageClass"] == "GLACIER_IR"


def test_an_unknown_class_is_refused_before_any_request(
    counting_provider: Any, moto_server: MotoServer
) -> None:
    counted: CountedProvider = counting_provider("s3_moto")
    with pytest.raises(InvalidStorageClass, match=r"'COLDEST' is not a storage class .* GLACIER"):
        counted.provider.put_object("no-bucket", "k", io.BytesIO(b"x"), size=1, storage_class="COLDEST")
    with pytest.raises(InvalidStorageClass, match="not a storage class"):
        counted.provider.set_storage_class("no-bucket", "k", "REDUCED_REDUNDANCY")
    with pytest.raises(InvalidStorageClass, match="a priority is for restores"):
        counted.provider.set_storage_class("no-bucket", "k", "GLACIER", priority="Bulk")
    assert counted.proxy.requests == 0, counted.proxy.request_lines


def test_a_class_change_keeps_bytes_metadata_settings_and_tags(s3: S3Provider, bucket: str, sdk: Any) -> None:
    body = os.urandom(64 * 1024)
    _put_rich(sdk, bucket, "r.csv", body)
    before = _kept(sdk, bucket, "r.csv")
    change = s3.set_storage_class(bucket, "r.csv", "standard_ia")
    assert change.info.storage_class == "STANDARD_IA" and change.note == "" and change.changed
    assert sdk.head_object(Bucket=bucket, Key="r.csv")["StorageClass"] == "STANDARD_IA"
    assert _kept(sdk, bucket, "r.csv") == before
    assert sdk.get_object(Bucket=bucket, Key="r.csv")["Body"].read() == body
    assert s3.stat(bucket, "r.csv").metadata["note"] == "Zoë"


def test_a_class_change_in_parts_keeps_everything_too(s3: S3Provider, bucket: str, sdk: Any) -> None:
    s3.copy_threshold = s3.copy_part_size = 5 * MiB  # copied by UploadPartCopy, as above 5 GiB
    body = os.urandom(11 * MiB + 7)
    _put_rich(sdk, bucket, "big.csv", body)
    before = _kept(sdk, bucket, "big.csv")
    change = s3.set_storage_class(bucket, "big.csv", "ONEZONE_IA")
    head = sdk.head_object(Bucket=bucket, Key="big.csv")
    assert head["StorageClass"] == "ONEZONE_IA" and head["ETag"].strip('"').endswith("-3")  # three parts
    assert change.info.storage_class == "ONEZONE_IA"
    assert _kept(sdk, bucket, "big.csv") == before
    got = sdk.get_object(Bucket=bucket, Key="big.csv")["Body"].read()
    assert hashlib.sha256(got).digest() == hashlib.sha256(body).digest()


def test_a_metadata_change_in_parts_keeps_the_tags(s3: S3Provider, bucket: str, sdk: Any) -> None:
    """A copy in parts starts from nothing: the tags must be sent again (they were lost)."""
    s3.copy_threshold = s3.copy_part_size = 5 * MiB
    _put_rich(sdk, bucket, "big.csv", os.urandom(6 * MiB))
    s3.set_metadata(bucket, "big.csv", {"owner": "ops"})
    assert _kept(sdk, bucket, "big.csv")["tags"] == {"project": "apollo", "stage": "raw"}


def test_a_granted_acl_is_put_back_after_the_copy(s3: S3Provider, bucket: str, sdk: Any) -> None:
    sdk.put_object(Bucket=bucket, Key="shared.txt", Body=b"for all", ACL="public-read")
    change = s3.set_storage_class(bucket, "shared.txt", "STANDARD_IA")
    grants = sdk.get_object_acl(Bucket=bucket, Key="shared.txt")["Grants"]
    assert any(g["Grantee"].get("URI") == ALL_USERS and g["Permission"] == "READ" for g in grants)
    assert change.note == ""


def test_the_same_class_sends_no_copy(s3: S3Provider, bucket: str, sdk: Any) -> None:
    sdk.put_object(Bucket=bucket, Key="a", Body=b"a", StorageClass="STANDARD_IA")
    stamp = sdk.head_object(Bucket=bucket, Key="a")["LastModified"]
    change = s3.set_storage_class(bucket, "a", "STANDARD_IA")
    assert change.note == "already in STANDARD_IA" and not change.changed
    assert sdk.head_object(Bucket=bucket, Key="a")["LastModified"] == stamp


def test_an_archived_object_says_so_and_offers_the_restore(s3: S3Provider, bucket: str, sdk: Any) -> None:
    sdk.put_object(Bucket=bucket, Key="cold/a b.bin", Body=b"frozen", StorageClass="GLACIER")
    with pytest.raises(ObjectArchived, match=r"archived \(in GLACIER\).*thaw '.*/cold/a b.bin'") as caught:
        s3.read(bucket, "cold/a b.bin")
    assert caught.value.storage_class == "GLACIER" and caught.value.key == "cold/a b.bin"
    with pytest.raises(ObjectArchived):
        s3.set_storage_class(bucket, "cold/a b.bin", "STANDARD")
    assert sdk.head_object(Bucket=bucket, Key="cold/a b.bin")["StorageClass"] == "GLACIER"  # not copied
    with pytest.raises(ObjectArchived):  # a copy of it too
        s3.copy_object(bucket, "cold/a b.bin", bucket, "warm.bin")
    info = s3.stat(bucket, "cold/a b.bin")
    assert info.storage_class == "GLACIER" and info.archive is not None
    assert info.archive.state.value == "archived"
