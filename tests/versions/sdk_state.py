"""What a prefix holds now, read with the service's own SDK (not through our providers), to
check restores against."""

from __future__ import annotations

from typing import Any

import pytest

from storebrowser.providers.base import Provider


def current_objects(
    provider: Provider, container: str, prefix: str, request: pytest.FixtureRequest
) -> dict[str, bytes]:
    """Every current object under ``prefix`` and its bytes."""
    if provider.kind == "s3":
        return _s3(provider._client, container, prefix)  # type: ignore[attr-defined]
    if provider.kind == "swift":
        return _swift(request.getfixturevalue("swift_server"), container, prefix)
    assert provider.kind == "azure", provider.kind
    return _azure(request.getfixturevalue("azurite_server"), container, prefix)


def _s3(client: Any, bucket: str, prefix: str) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            found[item["Key"]] = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
    return found


def _swift(server: Any, container: str, prefix: str) -> dict[str, bytes]:
    from swiftclient.client import Connection

    connection = Connection(authurl=server.auth_url, user=server.user, key=server.key)
    try:
        _headers, entries = connection.get_container(container, prefix=prefix, full_listing=True)
        return {entry["name"]: connection.get_object(container, entry["name"])[1] for entry in entries}
    finally:
        connection.close()


def _azure(server: Any, container: str, prefix: str) -> dict[str, bytes]:
    from azure.storage.blob import BlobServiceClient

    with BlobServiceClient.from_connection_string(server.connection_string) as service:
        client = service.get_container_client(container)
        return {
            blob.name: client.download_blob(blob.name).readall()
            for blob in client.list_blobs(name_starts_with=prefix)
        }
