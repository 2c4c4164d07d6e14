"""Where archived objects stand, from an S3 listing alone (issue 21: the object table's
Archive status column, never a HEAD per row).

AWS answers ``OptionalObjectAttributes=RestoreStatus`` on ListObjectsV2 with each
object's restore status; moto 5 ignores the header (its listings carry the class only),
so on moto an archive class says "archived" and nothing more. A server that refuses the
header is asked without it from then on (the fault proxy's canned 400 stands for it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from storebrowser.core.archive import ArchiveState, ArchiveStatus
from storebrowser.providers.s3.listing import listed_archive
from storebrowser.providers.s3.provider import S3Provider
from tests.providers.backends import open_counted
from tests.providers.conftest import unique_container_name
from tests.servers.fault_proxy import FaultProxy

ARCHIVED = ArchiveStatus(ArchiveState.ARCHIVED)


def test_a_listing_says_which_objects_are_archived_from_their_class(request: pytest.FixtureRequest) -> None:
    with open_counted("s3_moto", request) as counted:
        provider = counted.provider
        bucket = unique_container_name()
        provider.create_container(bucket)
        assert isinstance(provider, S3Provider)
        sdk: Any = provider._client
        for key, storage_class in (("cold", "GLACIER"), ("deep", "DEEP_ARCHIVE"), ("warm", "STANDARD_IA")):
            sdk.put_object(Bucket=bucket, Key=key, Body=b"x", StorageClass=storage_class)
        counted.proxy.reset()
        entries = provider.list_page(bucket, "", None).entries
        assert {entry.key: entry.archive for entry in entries} == {"cold": ARCHIVED, "deep": ARCHIVED,
                                                                   "warm": None}  # fmt: skip
        assert counted.proxy.requests == 1  # the listing alone: no HEAD per object


def test_a_server_refusing_the_restore_status_is_asked_without_it(request: pytest.FixtureRequest) -> None:
    with open_counted("s3_moto", request, FaultProxy) as counted:
        provider, proxy = counted.provider, counted.proxy
        assert isinstance(provider, S3Provider) and isinstance(proxy, FaultProxy)
        bucket = unique_container_name()
        provider.create_container(bucket)
        provider._client.put_object(Bucket=bucket, Key="cold", Body=b"x", StorageClass="GLACIER")
        proxy.reset()
        proxy.fail_next(1, status=400)
        assert [entry.archive for entry in provider.list_page(bucket, "", None).entries] == [ARCHIVED]
        assert proxy.requests == 2 and not provider._listing.asking
        provider.list_page(bucket, "", None)
        assert proxy.requests == 3  # not asked with it again


def test_the_restore_status_aws_lists_is_read() -> None:
    """The shape of AWS's answer (botocore's parse of ``<RestoreStatus>``)."""
    until = datetime(2026, 12, 24, 10, tzinfo=UTC)
    restored = {"StorageClass": "GLACIER", "RestoreStatus": {"IsRestoreInProgress": False,
                                                             "RestoreExpiryDate": until}}  # fmt: skip
    restoring = {"StorageClass": "DEEP_ARCHIVE", "RestoreStatus": {"IsRestoreInProgress": True}}
    assert listed_archive(restored) == ArchiveStatus(ArchiveState.RESTORED, until=until)
    assert listed_archive(restoring) == ArchiveStatus(ArchiveState.RESTORING)
    assert listed_archive({"StorageClass": "GLACIER"}) == ARCHIVED
    assert listed_archive({"StorageClass": "GLACIER_IR"}) is None  # read at once: not archived
