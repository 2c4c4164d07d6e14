"""S3 RestoreObject and object tagging on moto; what is checked before any request,
proven by the counting proxy.

What moto does with a restore: by default it completes at once (the next HEAD says
``ongoing-request="false", expiry-date=...``). Its state manager can hold a restore as
ongoing: with ``manual`` progression, each look at the object counts one tick, and
``times=1`` makes the first look after the request say ``ongoing-request="true"``, the
next one restored. The transition is global to the moto server, so it is set and unset
around the one test that needs it.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest

from storebrowser.core.archive import ArchiveState
from storebrowser.core.errors import InvalidStorageClass, InvalidTags, NotArchived, ObjectArchived
from storebrowser.providers.s3.archive import archive_status
from storebrowser.providers.s3.provider import S3Provider
from tests.providers.backends import CountedProvider
from tests.providers.conftest import unique_container_name
from tests.providers.moto_support import moto_s3_fixture, moto_sdk_fixture  # noqa: F401
from tests.providers.s3_support import bucket_fixture  # noqa: F401
from tests.servers.base import http_request
from tests.servers.moto_s3 import MotoServer

RESTORE_MODEL = "s3::keyrestore"


@pytest.fixture
def counted(counting_provider: Any, sdk: Any) -> Iterator[tuple[CountedProvider, str]]:
    """A moto provider through the counting proxy, and a bucket made beside it."""
    provider: CountedProvider = counting_provider("s3_moto")
    name = unique_container_name()
    sdk.create_bucket(Bucket=name)
    provider.proxy.reset()
    yield provider, name


@pytest.fixture
def restores_held(moto_server: MotoServer) -> Iterator[None]:
    """moto's restores stay ongoing for one look (see the module's docstring)."""
    url = f"{moto_server.endpoint_url}/moto-api/state-manager/"
    body = {"model_name": RESTORE_MODEL, "transition": {"progression": "manual", "times": 1}}
    json_type = {"Content-Type": "application/json"}
    http_request("POST", url + "set-transition", json_type, json.dumps(body).encode())
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            data = json.dumps({"model_name": RESTORE_MODEL}).encode()
            http_request("POST", url + "unset-transition", {"Content-Type": "application/json"}, data)


def _restore_requests(counted: CountedProvider) -> list[str]:
    return [line for line in counted.proxy.request_lines if "restore" in line.split(" ")[1]]


# -- the restore status header ---------------------------------------------------------------


def test_the_restore_header_is_read_as_s3_writes_it() -> None:
    ongoing = archive_status({"StorageClass": "GLACIER", "Restore": 'ongoing-request="true"'})
    assert ongoing is not None and ongoing.state is ArchiveState.RESTORING
    restored = 'ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"'
    done = archive_status({"StorageClass": "DEEP_ARCHIVE", "Restore": restored})
    assert done is not None and done.state is ArchiveState.RESTORED and done.until is not None
    assert (done.until.year, done.until.month, done.until.day) == (2012, 12, 21)
    tiering = archive_status({"StorageClass": "INTELLIGENT_TIERING", "ArchiveStatus": "DEEP_ARCHIVE_ACCESS"})
    assert tiering is not None and tiering.state is ArchiveState.ARCHIVED
    assert archive_status({"StorageClass": "STANDARD"}) is None
    assert archive_status({}) is None


# -- restores on moto ------------------------------------------------------------------------


def test_a_restore_makes_the_object_readable_for_the_days_asked(
    s3: S3Provider, bucket: str, sdk: Any
) -> None:
    sdk.put_object(Bucket=bucket, Key="old.log", Body=b"from 2019", StorageClass="DEEP_ARCHIVE",
                   Metadata={"owner": "qa"})  # fmt: skip
    info = s3.restore_object(bucket, "old.log", days=3, priority="bulk")
    assert info.archive is not None and info.archive.state is ArchiveState.RESTORED  # moto: at once
    assert info.archive.until is not None and info.storage_class == "DEEP_ARCHIVE"
    assert s3.read(bucket, "old.log") == b"from 2019"
    # A second request extends the days, as on S3; the object stays where it was.
    again = s3.restore_object(bucket, "old.log", days=5)
    assert again.archive is not None and again.archive.state is ArchiveState.RESTORED
    # Once restored, a class change makes it an online object for good, metadata and all.
    change = s3.set_storage_class(bucket, "old.log", "STANDARD")
    assert change.info.storage_class == "STANDARD" and change.info.archive is None
    head = sdk.head_object(Bucket=bucket, Key="old.log")
    assert head.get("StorageClass", "STANDARD") == "STANDARD" and head["Metadata"] == {"owner": "qa"}


def test_an_ongoing_restore_is_shown_and_not_asked_twice(
    s3: S3Provider, bucket: str, sdk: Any, restores_held: None
) -> None:
    sdk.put_object(Bucket=bucket, Key="wait.bin", Body=b"cold", StorageClass="GLACIER")
    info = s3.restore_object(bucket, "wait.bin", days=1, priority="Expedited")
    assert info.archive is not None and info.archive.state is ArchiveState.RESTORING
    assert info.archive.describe() == "restoring"


def test_restores_refused_before_the_request(counted: tuple[CountedProvider, str], sdk: Any) -> None:
    provider, name = counted
    s3, proxy = provider.provider, provider.proxy
    sdk.put_object(Bucket=name, Key="cold", Body=b"c", StorageClass="GLACIER")
    sdk.put_object(Bucket=name, Key="deep", Body=b"d", StorageClass="DEEP_ARCHIVE")
    sdk.put_object(Bucket=name, Key="warm", Body=b"w", StorageClass="STANDARD_IA")
    proxy.reset()
    with pytest.raises(InvalidStorageClass, match="not a restore priority"):
        s3.restore_object(name, "cold", days=1, priority="Fastest")
    assert proxy.requests == 0, proxy.request_lines
    with pytest.raises(InvalidStorageClass, match="number of days"):
        s3.restore_object(name, "cold")
    with pytest.raises(InvalidStorageClass, match="1 day at least"):
        s3.restore_object(name, "cold", days=0)
    with pytest.raises(InvalidStorageClass, match="Expedited retrieval is not offered from Deep Archive"):
        s3.restore_object(name, "deep", days=1, priority="Expedited")
    with pytest.raises(NotArchived, match="in STANDARD_IA, not archived"):
        s3.restore_object(name, "warm", days=1)
    with pytest.raises(InvalidStorageClass, match="keeps the object in its storage class"):
        s3.restore_object(name, "cold", days=1, storage_class="STANDARD")
    assert _restore_requests(provider) == [], proxy.request_lines
    assert sdk.head_object(Bucket=name, Key="cold").get("Restore") is None


def test_reading_an_archived_object_through_a_range_says_it_is_archived(
    s3: S3Provider, bucket: str, sdk: Any
) -> None:
    sdk.put_object(Bucket=bucket, Key="a", Body=b"0123456789", StorageClass="GLACIER")
    with pytest.raises(ObjectArchived, match="must be restored before it can be read"):
        list(s3.iter_read(bucket, "a"))


# -- tags ------------------------------------------------------------------------------------


def test_tags_round_trip_and_are_replaced_whole(s3: S3Provider, bucket: str, sdk: Any) -> None:
    s3.put_object(bucket, "t.txt", io.BytesIO(b"t"), size=1)
    assert s3.get_tags(bucket, "t.txt") == {}
    s3.set_tags(bucket, "t.txt", {"project": "Zoë/日本", "empty": "", "a b": "+-=._:/@"})
    tag_set = sdk.get_object_tagging(Bucket=bucket, Key="t.txt")["TagSet"]
    assert {t["Key"]: t["Value"] for t in tag_set} == {"project": "Zoë/日本", "empty": "", "a b": "+-=._:/@"}
    s3.set_tags(bucket, "t.txt", {"only": "this"})
    assert s3.get_tags(bucket, "t.txt") == {"only": "this"}
    s3.set_tags(bucket, "t.txt", {})
    assert sdk.get_object_tagging(Bucket=bucket, Key="t.txt")["TagSet"] == []
    assert s3.read(bucket, "t.txt") == b"t"


def test_tags_over_the_limits_send_nothing(counted: tuple[CountedProvider, str]) -> None:
    provider, name = counted
    s3, proxy = provider.provider, provider.proxy
    with pytest.raises(InvalidTags, match="S3 allows at most 10"):
        s3.set_tags(name, "k", {f"k{n}": "v" for n in range(11)})
    with pytest.raises(InvalidTags, match="holds '#'"):
        s3.set_tags(name, "k", {"k": "a#b"})
    with pytest.raises(InvalidTags, match="1 to 128"):
        s3.check_tags({"x" * 129: ""})
    assert proxy.requests == 0, proxy.request_lines


def test_tags_of_a_missing_object_are_not_found(s3: S3Provider, bucket: str) -> None:
    from storebrowser.core.errors import NotFound

    with pytest.raises(NotFound):
        s3.get_tags(bucket, "missing")
