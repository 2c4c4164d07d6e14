"""Shared pieces of the S3-only tests: both S3 servers, a bucket, the raw boto3 client."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

from storebrowser.core.errors import NotFound
from storebrowser.providers.s3.provider import S3Provider
from tests.providers.conftest import unique_container_name

S3_BACKENDS = ["s3_swift", "s3_moto"]


@pytest.fixture(name="s3", params=S3_BACKENDS)
def s3_fixture(request: pytest.FixtureRequest) -> S3Provider:
    provider = request.getfixturevalue(f"{request.param}_provider")
    assert isinstance(provider, S3Provider)
    return provider


@pytest.fixture(name="bucket")
def bucket_fixture(s3: S3Provider) -> Iterator[str]:
    name = unique_container_name()
    s3.create_container(name)
    yield name
    with contextlib.suppress(NotFound):
        s3.delete_container(name, force=True)


def raw(provider: S3Provider) -> Any:
    """The provider's own boto3 client, to look at what the server really holds."""
    return provider._client


def open_uploads(provider: S3Provider, bucket: str) -> list[dict[str, Any]]:
    uploads: list[dict[str, Any]] = raw(provider).list_multipart_uploads(Bucket=bucket).get("Uploads", [])
    return uploads
