"""Smoke tests: each real server does a full round trip through its official SDK."""

from __future__ import annotations

import io
import sys
import uuid
from typing import Any

import boto3
import pytest
import swiftclient
from azure.storage.blob import BlobPrefix, BlobServiceClient
from boto3.s3.transfer import TransferConfig
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import ClientError

from tests.servers.azurite import AzuriteServer
from tests.servers.moto_s3 import MotoServer
from tests.servers.swift_aio import SwiftServer
from tests.servers.swift_seed import Row, seed_listing

# Registers the session fixtures when tests/conftest.py does not (pytest skips a plugin
# that is already registered, so there is never a second server per session).
pytest_plugins = ["tests.servers.fixtures"]

BODY = b"0123456789"
MiB = 1024 * 1024


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


# --------------------------------------------------------------------------- Swift native


def test_swift_native_round_trip(swift_server: SwiftServer) -> None:
    conn = swiftclient.Connection(
        authurl=swift_server.auth_url,
        user=swift_server.user,
        key=swift_server.key,
        auth_version="1",
    )
    container = unique("native")
    conn.put_container(container)
    conn.put_object(
        container,
        "dir/a.txt",
        BODY,
        content_type="text/plain",
        headers={"X-Object-Meta-Color": "blue"},
    )
    conn.put_object(container, "top.txt", b"top")

    headers, part = conn.get_object(container, "dir/a.txt", headers={"Range": "bytes=2-4"})
    assert part == b"234"
    assert headers["content-range"] == "bytes 2-4/10"
    assert conn.head_object(container, "dir/a.txt")["x-object-meta-color"] == "blue"

    _, listing = conn.get_container(container, delimiter="/")
    assert [e.get("subdir") or e["name"] for e in listing] == ["dir/", "top.txt"]

    for name in ("dir/a.txt", "top.txt"):
        conn.delete_object(container, name)
    conn.delete_container(container)
    assert container not in [c["name"] for c in conn.get_account()[1]]


def test_a_seeded_listing_lists_and_leaves_no_eventlet_in_this_process(swift_server: SwiftServer) -> None:
    conn = swiftclient.Connection(
        authurl=swift_server.auth_url, user=swift_server.user, key=swift_server.key, auth_version="1"
    )
    container = unique("seeded")
    conn.put_container(container)
    names = ["a b/%25+ü.txt", "dir/", "z"]
    seed_listing(swift_server, container, [Row(n, 3, 1_700_000_000.5, "text/plain", "0" * 32) for n in names])
    assert [entry["name"] for entry in conn.get_container(container)[1]] == names
    # Swift's broker runs on eventlet, whose hub once left a test worker waiting for ever:
    # the seeding runs in a child process.
    assert "eventlet" not in sys.modules


def test_swift_storage_url_matches_auth(swift_server: SwiftServer) -> None:
    url, _token = swiftclient.get_auth(swift_server.auth_url, swift_server.user, swift_server.key)
    assert url == swift_server.storage_url


# --------------------------------------------------------------------------- S3 (s3api + moto)


def s3_client(endpoint: str, access_key: str, secret_key: str, **config: Any) -> BaseClient:
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}, **config),
    )


def s3_round_trip(s3: BaseClient) -> None:
    """Bucket create, upload with metadata, ranged GET, delimiter listing, multi-delete."""
    bucket = unique("s3")
    s3.create_bucket(Bucket=bucket)
    s3.put_object(
        Bucket=bucket,
        Key="dir/a.txt",
        Body=BODY,
        Metadata={"color": "blue"},
        ContentType="text/plain",
    )
    # A file object goes through s3transfer. Over plain http botocore still signs the whole
    # payload and sends x-amz-checksum-crc32 as a header (aws-chunked trailers are https-only).
    s3.upload_fileobj(io.BytesIO(b"top"), bucket, "top.txt")

    got = s3.get_object(Bucket=bucket, Key="dir/a.txt", Range="bytes=2-4")
    assert got["Body"].read() == b"234"
    assert got["ContentRange"] == "bytes 2-4/10"
    assert s3.head_object(Bucket=bucket, Key="dir/a.txt")["Metadata"] == {"color": "blue"}

    listing = s3.list_objects_v2(Bucket=bucket, Delimiter="/")
    assert [p["Prefix"] for p in listing["CommonPrefixes"]] == ["dir/"]
    assert [o["Key"] for o in listing["Contents"]] == ["top.txt"]

    s3.copy_object(Bucket=bucket, Key="copy.txt", CopySource={"Bucket": bucket, "Key": "top.txt"})
    deleted = s3.delete_objects(
        Bucket=bucket,
        Delete={"Objects": [{"Key": "dir/a.txt"}, {"Key": "top.txt"}, {"Key": "copy.txt"}]},
    )
    assert sorted(d["Key"] for d in deleted["Deleted"]) == ["copy.txt", "dir/a.txt", "top.txt"]
    assert not deleted.get("Errors")
    s3.delete_bucket(Bucket=bucket)


def s3_multipart(s3: BaseClient) -> None:
    """A two-part upload (parts must be >= 5 MiB, as on AWS) read back whole."""
    bucket = unique("mpu")
    s3.create_bucket(Bucket=bucket)
    data = bytes(range(256)) * (6 * MiB // 256)
    config = TransferConfig(multipart_threshold=5 * MiB, multipart_chunksize=5 * MiB)
    s3.upload_fileobj(io.BytesIO(data), bucket, "big.bin", Config=config)
    assert s3.get_object(Bucket=bucket, Key="big.bin")["Body"].read() == data
    s3.delete_object(Bucket=bucket, Key="big.bin")
    s3.delete_bucket(Bucket=bucket)


def swift_s3(server: SwiftServer, secret: str | None = None) -> BaseClient:
    return s3_client(server.s3_endpoint, server.s3_access_key, secret or server.s3_secret_key)


def test_swift_s3api_round_trip(swift_server: SwiftServer) -> None:
    s3_round_trip(swift_s3(swift_server))


def test_swift_s3api_multipart(swift_server: SwiftServer) -> None:
    s3_multipart(swift_s3(swift_server))


def test_swift_s3api_rejects_wrong_secret(swift_server: SwiftServer) -> None:
    s3 = swift_s3(swift_server, secret="not-the-secret")
    with pytest.raises(ClientError) as caught:
        s3.list_buckets()
    error = caught.value.response
    assert error["Error"]["Code"] in {"SignatureDoesNotMatch", "InvalidAccessKeyId", "AccessDenied"}
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_swift_s3api_bucket_is_a_swift_container(swift_server: SwiftServer) -> None:
    bucket = unique("shared")
    s3 = swift_s3(swift_server)
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="k", Body=b"v")
    conn = swiftclient.Connection(
        authurl=swift_server.auth_url,
        user=swift_server.user,
        key=swift_server.key,
        auth_version="1",
    )
    assert conn.get_object(bucket, "k")[1] == b"v"
    s3.delete_object(Bucket=bucket, Key="k")
    s3.delete_bucket(Bucket=bucket)


def test_swift_s3api_verifies_checksums(swift_server: SwiftServer) -> None:
    """s3api checks the checksum headers boto3 sends by default (moto ignores them)."""
    s3 = swift_s3(swift_server)
    bucket = unique("sum")
    s3.create_bucket(Bucket=bucket)
    with pytest.raises(ClientError) as caught:
        s3.put_object(Bucket=bucket, Key="k", Body=BODY, ChecksumCRC32="AAAAAA==")
    assert caught.value.response["Error"]["Code"] == "BadDigest"
    # Unlike moto, s3api keeps a body sent as a form.
    s3.put_object(Bucket=bucket, Key="form", Body=b"a=1", ContentType="application/x-www-form-urlencoded")
    assert s3.get_object(Bucket=bucket, Key="form")["Body"].read() == b"a=1"
    s3.delete_object(Bucket=bucket, Key="form")
    s3.delete_bucket(Bucket=bucket)


def moto_s3(server: MotoServer) -> BaseClient:
    return s3_client(server.endpoint_url, server.access_key, server.secret_key)


def test_moto_round_trip(moto_server: MotoServer) -> None:
    s3_round_trip(moto_s3(moto_server))


def test_moto_multipart(moto_server: MotoServer) -> None:
    s3_multipart(moto_s3(moto_server))


# --------------------------------------------------------------------------- Azurite


def test_azurite_round_trip(azurite_server: AzuriteServer) -> None:
    service = BlobServiceClient.from_connection_string(azurite_server.connection_string)
    container = service.create_container(unique("azure"))
    container.upload_blob("dir/a.txt", BODY, metadata={"color": "blue"})
    container.upload_blob("top.txt", b"top")

    assert container.download_blob("dir/a.txt", offset=2, length=3).readall() == b"234"
    props = container.get_blob_client("dir/a.txt").get_blob_properties()
    assert props.metadata == {"color": "blue"}
    assert props.size == len(BODY)

    entries = list(container.walk_blobs(delimiter="/"))
    assert [(isinstance(e, BlobPrefix), e.name) for e in entries] == [
        (True, "dir/"),
        (False, "top.txt"),
    ]

    container.delete_blobs("dir/a.txt", "top.txt")
    container.delete_container()
    assert container.container_name not in [c.name for c in service.list_containers()]


def test_azurite_endpoint_shape(azurite_server: AzuriteServer) -> None:
    assert azurite_server.blob_endpoint == f"http://127.0.0.1:{azurite_server.port}/devstoreaccount1"
    assert f"BlobEndpoint={azurite_server.blob_endpoint};" in azurite_server.connection_string
