"""Another client of each store, to prove what our providers did: the SDK directly (boto3,
azure-storage-blob), plain HTTP for Swift (swiftclient would lose dot segments the way
our provider used to), the file system for the local provider.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from tests.servers.base import http_request

_LOCAL_META = "user.storebrowser.meta."


class RawStore(Protocol):
    def containers(self) -> set[str]: ...

    def keys(self, container: str) -> set[str]:
        """Every object name in ``container``, as the service lists it."""

    def read(self, container: str, key: str) -> bytes: ...

    def write(self, container: str, key: str, data: bytes) -> None: ...

    def metadata(self, container: str, key: str) -> dict[str, str]: ...

    def url_path(self, container: str, key: str) -> str:
        """The exact path (decoded) a URL must name to reach ``key``."""


class LocalRaw:
    def __init__(self, root: Path) -> None:
        self.root = root

    def containers(self) -> set[str]:
        return {p.name for p in self.root.iterdir() if p.is_dir()} if self.root.exists() else set()

    def keys(self, container: str) -> set[str]:
        base = self.root / container
        found = set()
        for folder, _dirs, files in os.walk(base):
            for name in files:
                found.add(Path(folder, name).relative_to(base).as_posix())
        return found

    def read(self, container: str, key: str) -> bytes:
        return (self.root / container / key).read_bytes()

    def write(self, container: str, key: str, data: bytes) -> None:
        path = self.root / container / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def metadata(self, container: str, key: str) -> dict[str, str]:
        path = self.root / container / key
        names = [n for n in os.listxattr(path) if n.startswith(_LOCAL_META)]
        return {n[len(_LOCAL_META) :]: os.getxattr(path, n).decode() for n in names}

    def url_path(self, container: str, key: str) -> str:
        return str(self.root / container / key)


def exact_path(*names: str) -> str:
    """Names quoted for a request line, '.' and '..' as %2E (written here on purpose,
    not taken from the code under test)."""
    segments = []
    for name in names:
        for part in quote(name, safe="/").split("/"):
            segments.append(part.replace(".", "%2E") if part in (".", "..") else part)
    return "/".join(segments)


class SwiftRaw:
    def __init__(self, auth_url: str, user: str, key: str) -> None:
        reply = http_request("GET", auth_url, {"X-Auth-User": user, "X-Auth-Key": key})
        self.storage_url = reply.headers["x-storage-url"]
        self.token = reply.headers["x-auth-token"]
        self.origin = self.storage_url[: -len(urlsplit(self.storage_url).path)]
        self.account_path = urlsplit(self.storage_url).path

    def _get(self, path: str, method: str = "GET", body: bytes | None = None) -> Any:
        reply = http_request(method, self.origin + path, {"X-Auth-Token": self.token}, body, timeout=30)
        assert 200 <= reply.status < 300, (method, path, reply.status, reply.body[:200])
        return reply

    def _listing(self, path: str) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = []
        marker = ""
        while True:
            page = json.loads(self._get(f"{path}?format=json&marker={quote(marker, safe='')}").body or b"[]")
            if not page:
                return entries
            entries += page
            marker = page[-1]["name"]

    def containers(self) -> set[str]:
        return {entry["name"] for entry in self._listing(self.account_path)}

    def keys(self, container: str) -> set[str]:
        return {entry["name"] for entry in self._listing(f"{self.account_path}/{quote(container)}")}

    def read(self, container: str, key: str) -> bytes:
        body: bytes = self._get(f"{self.account_path}/{exact_path(container, key)}").body
        return body

    def write(self, container: str, key: str, data: bytes) -> None:
        self._get(f"{self.account_path}/{exact_path(container, key)}", "PUT", data)

    def metadata(self, container: str, key: str) -> dict[str, str]:
        path = f"{self.account_path}/{exact_path(container, key)}"
        headers: Mapping[str, str] = self._get(path, "HEAD").headers
        prefix = "x-object-meta-"
        return {n[len(prefix) :]: v for n, v in headers.items() if n.startswith(prefix)}

    def url_path(self, container: str, key: str) -> str:
        return f"{self.account_path}/{container}/{key}"


class S3Raw:
    def __init__(self, settings: Mapping[str, Any]) -> None:
        from tests.providers.other_clients import S3Other

        self.client = S3Other(settings).client  # boto3 straight at the server

    def containers(self) -> set[str]:
        return {bucket["Name"] for bucket in self.client.list_buckets()["Buckets"]}

    def keys(self, container: str) -> set[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=container)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def read(self, container: str, key: str) -> bytes:
        body: bytes = self.client.get_object(Bucket=container, Key=key)["Body"].read()
        return body

    def write(self, container: str, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=container, Key=key, Body=data)

    def metadata(self, container: str, key: str) -> dict[str, str]:
        return dict(self.client.head_object(Bucket=container, Key=key).get("Metadata", {}))

    def url_path(self, container: str, key: str) -> str:
        return f"/{container}/{key}"


class AzureRaw:
    def __init__(self, connection_string: str) -> None:
        from azure.storage.blob import BlobServiceClient

        self.service = BlobServiceClient.from_connection_string(connection_string)

    def containers(self) -> set[str]:
        return {c.name for c in self.service.list_containers()}

    def keys(self, container: str) -> set[str]:
        return {b.name for b in self.service.get_container_client(container).list_blobs()}

    def read(self, container: str, key: str) -> bytes:
        return self.service.get_blob_client(container, key).download_blob().readall()

    def write(self, container: str, key: str, data: bytes) -> None:
        self.service.get_blob_client(container, key).upload_blob(data, overwrite=True)

    def metadata(self, container: str, key: str) -> dict[str, str]:
        return dict(self.service.get_blob_client(container, key).get_blob_properties().metadata)

    def url_path(self, container: str, key: str) -> str:
        account = urlsplit(self.service.url).path.rstrip("/")
        return f"{account}/{container}/{key}"
