"""Another client's view of an object, through the SDK directly (not our providers), for
tests that read back what we wrote and for writers that change an object behind our back.

``other_client(backend, request, provider)`` gives one for each name of
``CONFORMANCE_BACKENDS``; system properties come back under the names of
``storebrowser.core.properties`` and only when set.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest

from storebrowser.core.properties import (
    CACHE_CONTROL,
    CONTENT_DISPOSITION,
    CONTENT_ENCODING,
    CONTENT_LANGUAGE,
    CONTENT_TYPE,
    HTTP_HEADERS,
)
from storebrowser.providers.base import Provider

_S3_FIELDS = {
    CONTENT_TYPE: "ContentType",
    CACHE_CONTROL: "CacheControl",
    CONTENT_DISPOSITION: "ContentDisposition",
    CONTENT_ENCODING: "ContentEncoding",
    CONTENT_LANGUAGE: "ContentLanguage",
}
_LOCAL_META = "user.storebrowser.meta."
_LOCAL_TYPE = "user.storebrowser.content-type"


@dataclass(frozen=True)
class RawView:
    etag: str
    system: dict[str, str]
    metadata: dict[str, str]
    size: int


class OtherClient(Protocol):
    def head(self, container: str, key: str) -> RawView: ...

    def read(self, container: str, key: str) -> bytes:
        """The object's content, as the SDK gives it."""

    def overwrite(self, container: str, key: str, data: bytes, metadata: Mapping[str, str]) -> None:
        """Store new content (and metadata) under ``key``, as someone else would."""

    def set_metadata(self, container: str, key: str, metadata: Mapping[str, str]) -> None:
        """Change only the user metadata, as someone else would."""


class S3Other:
    def __init__(self, settings: Mapping[str, Any]) -> None:
        import boto3
        from botocore.config import Config

        self.client = boto3.client(
            "s3",
            endpoint_url=settings["endpoint_url"],
            aws_access_key_id=settings["access_key_id"],
            aws_secret_access_key=settings["secret_access_key"],
            region_name=settings["region"],
            config=Config(s3={"addressing_style": "path"}),
        )

    def head(self, container: str, key: str) -> RawView:
        head = self.client.head_object(Bucket=container, Key=key)
        system = {name: head[field] for name, field in _S3_FIELDS.items() if head.get(field)}
        return RawView(head["ETag"].strip('"'), system, dict(head.get("Metadata", {})), head["ContentLength"])

    def read(self, container: str, key: str) -> bytes:
        body: bytes = self.client.get_object(Bucket=container, Key=key)["Body"].read()
        return body

    def overwrite(self, container: str, key: str, data: bytes, metadata: Mapping[str, str]) -> None:
        self.client.put_object(Bucket=container, Key=key, Body=data, Metadata=dict(metadata))

    def set_metadata(self, container: str, key: str, metadata: Mapping[str, str]) -> None:
        head = self.client.head_object(Bucket=container, Key=key)
        self.client.copy_object(
            Bucket=container, Key=key, CopySource={"Bucket": container, "Key": key},
            Metadata=dict(metadata), MetadataDirective="REPLACE", ContentType=head["ContentType"],
        )  # fmt: skip


class AzureOther:
    def __init__(self, connection_string: str) -> None:
        from azure.storage.blob import BlobServiceClient

        self.service = BlobServiceClient.from_connection_string(connection_string)

    def head(self, container: str, key: str) -> RawView:
        properties = self.service.get_blob_client(container, key).get_blob_properties()
        settings = properties.content_settings
        system = {name: getattr(settings, name) for name in HTTP_HEADERS if getattr(settings, name)}
        return RawView(properties.etag.strip('"'), system, dict(properties.metadata), properties.size)

    def read(self, container: str, key: str) -> bytes:
        return self.service.get_blob_client(container, key).download_blob().readall()

    def overwrite(self, container: str, key: str, data: bytes, metadata: Mapping[str, str]) -> None:
        self.service.get_blob_client(container, key).upload_blob(
            data, overwrite=True, metadata=dict(metadata)
        )

    def set_metadata(self, container: str, key: str, metadata: Mapping[str, str]) -> None:
        self.service.get_blob_client(container, key).set_blob_metadata(dict(metadata))


class SwiftOther:
    def __init__(self, auth_url: str, user: str, key: str) -> None:
        from swiftclient.client import Connection

        self.connection = Connection(authurl=auth_url, user=user, key=key, retries=0)

    def head(self, container: str, key: str) -> RawView:
        headers = self.connection.head_object(container, key)
        system = {name: headers[h.lower()] for name, h in HTTP_HEADERS.items() if headers.get(h.lower())}
        metadata = {
            n[len("x-object-meta-") :]: v for n, v in headers.items() if n.startswith("x-object-meta-")
        }
        return RawView(headers["etag"].strip('"'), system, metadata, int(headers["content-length"]))

    def read(self, container: str, key: str) -> bytes:
        _headers, body = self.connection.get_object(container, key)
        return bytes(body)

    def overwrite(self, container: str, key: str, data: bytes, metadata: Mapping[str, str]) -> None:
        headers = {f"X-Object-Meta-{name}": value for name, value in metadata.items()}
        self.connection.put_object(container, key, data, headers=headers)

    def set_metadata(self, container: str, key: str, metadata: Mapping[str, str]) -> None:
        headers = {f"X-Object-Meta-{name}": value for name, value in metadata.items()}
        self.connection.post_object(container, key, headers)


class LocalOther:
    """A program working on the folder itself: plain file writes and ``os.*xattr``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def head(self, container: str, key: str) -> RawView:
        path = self.root / container / key
        names = os.listxattr(path)
        metadata = {
            n[len(_LOCAL_META) :]: os.getxattr(path, n).decode() for n in names if n.startswith(_LOCAL_META)
        }
        system = {CONTENT_TYPE: os.getxattr(path, _LOCAL_TYPE).decode()} if _LOCAL_TYPE in names else {}
        st = path.stat()
        return RawView(f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}", system, metadata, st.st_size)

    def read(self, container: str, key: str) -> bytes:
        return (self.root / container / key).read_bytes()

    def overwrite(self, container: str, key: str, data: bytes, metadata: Mapping[str, str]) -> None:
        path = self.root / container / key
        path.write_bytes(data)
        with contextlib.suppress(OSError):
            os.removexattr(path, _LOCAL_TYPE)
        self.set_metadata(container, key, metadata)

    def set_metadata(self, container: str, key: str, metadata: Mapping[str, str]) -> None:
        path = self.root / container / key
        for name in os.listxattr(path):
            if name.startswith(_LOCAL_META):
                os.removexattr(path, name)
        for name, value in metadata.items():
            os.setxattr(path, _LOCAL_META + name, value.encode())


def other_client(backend: str, request: pytest.FixtureRequest, provider: Provider) -> OtherClient:
    """Another client of the same store as ``provider`` (the fixture ``<backend>_provider``)."""
    from tests.providers.backends import s3_moto_settings, s3_swift_settings

    if backend == "local":
        return LocalOther(Path(provider.root))  # type: ignore[attr-defined]
    if backend == "s3_swift":
        return S3Other(s3_swift_settings(request.getfixturevalue("swift_server")))
    if backend == "s3_moto":
        return S3Other(s3_moto_settings(request.getfixturevalue("moto_server")))
    if backend == "azure":
        return AzureOther(request.getfixturevalue("azurite_server").connection_string)
    assert backend == "swift", backend
    swift = request.getfixturevalue("swift_server")
    return SwiftOther(swift.auth_url, swift.user, swift.key)
