"""Fixtures of the moto-only S3 tests (storage classes, restores, tags): our provider,
boto3 straight at the server (another client, to set up and to read back), a bucket."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config

from storebrowser.providers.base import Provider
from storebrowser.providers.s3.provider import S3Provider
from tests.providers.backends import s3_moto_settings
from tests.providers.conftest import unique_container_name
from tests.servers.moto_s3 import MotoServer


@pytest.fixture(name="s3")
def moto_s3_fixture(s3_moto_provider: Provider) -> S3Provider:
    assert isinstance(s3_moto_provider, S3Provider)
    return s3_moto_provider


@pytest.fixture(name="sdk")
def moto_sdk_fixture(moto_server: MotoServer) -> Any:
    settings = s3_moto_settings(moto_server)
    return boto3.client("s3", endpoint_url=settings["endpoint_url"], region_name=settings["region"],
                        aws_access_key_id="testing", aws_secret_access_key="testing",
                        config=Config(s3={"addressing_style": "path"}))  # fmt: skip


@pytest.fixture(name="bucket")
def moto_bucket_fixture(s3: S3Provider) -> Iterator[str]:
    name = unique_container_name()
    s3.create_container(name)
    yield name
    with contextlib.suppress(Exception):
        s3.delete_container(name, force=True)
