"""Every object of a container as the service's own SDK lists it in full (boto3's
paginator, swiftclient's ``full_listing``, azure-storage-blob's ``list_blobs``), not
through our providers: the reference a walk is compared with. The local provider has no
SDK: its reference is the folder walked with ``os.walk``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from storebrowser.providers.base import Provider


def sdk_listing(provider: Provider, container: str, request: pytest.FixtureRequest) -> dict[str, int]:
    """Key -> size of every object in ``container``, by the service's SDK."""
    if provider.kind == "s3":
        return _s3(provider._client, container)  # type: ignore[attr-defined]  # the provider's boto3 client
    if provider.kind == "swift":
        return _swift(request.getfixturevalue("swift_server"), container)
    if provider.kind == "azure":
        return _azure(request.getfixturevalue("azurite_server"), container)
    assert provider.kind == "local", provider.kind
    return _local(Path(provider.root) / container)  # type: ignore[attr-defined]  # the local provider's folder


def _s3(client: Any, bucket: str) -> dict[str, int]:
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": 7})
    return {item["Key"]: int(item["Size"]) for page in pages for item in page.get("Contents", [])}


def _swift(server: Any, container: str) -> dict[str, int]:
    from swiftclient.client import Connection

    connection = Connection(authurl=server.auth_url, user=server.user, key=server.key)
    try:
        _headers, entries = connection.get_container(container, full_listing=True, limit=7)
        return {entry["name"]: int(entry["bytes"]) for entry in entries}
    finally:
        connection.close()


def _azure(server: Any, container: str) -> dict[str, int]:
    from azure.storage.blob import BlobServiceClient

    with BlobServiceClient.from_connection_string(server.connection_string) as service:
        blobs = service.get_container_client(container).list_blobs(results_per_page=7)
        return {blob.name: int(blob.size) for blob in blobs}


def _local(root: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = path.stat().st_size
    return found
