"""Fixtures of the moto-only S3 tests (storage classes, restores, tags): our provider,
boto3 straight at the server (another client, to set up and to read back). A bucket is
``s3_support.bucket_fixture``, which makes it with whichever ``s3`` the test sees."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.config import Config

from storebrowser.providers.base import Provider
from storebrowser.providers.s3.provider import S3Provider
from tests.providers.backends import s3_moto_settings
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
