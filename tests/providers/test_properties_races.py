"""The ETag guard where the server enforces it: a write by someone else landing between
our read and our write is refused by the server itself.

To land a write exactly there, another client (its own SDK connection) writes from a
hook that runs just before our request is sent: botocore's ``before-call`` event for
S3, a wrapper around the Azure SDK method for Azure. The requests still go to the real
servers; nothing is answered in their place.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from storebrowser.core.errors import PreconditionFailed
from storebrowser.core.properties import CACHE_CONTROL, CONTENT_LANGUAGE
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.providers.s3.provider import S3Provider
from storebrowser.transfers import sending
from tests.providers.other_clients import AzureOther, S3Other
from tests.providers.s3_support import bucket_fixture, open_uploads, raw, s3_fixture  # noqa: F401

MiB = 1024 * 1024


class Once:
    """Calls ``action`` the first time it is called, whatever the arguments."""

    def __init__(self, action: Callable[[], None]) -> None:
        self.action = action
        self.fired = 0

    def __call__(self, *_args: Any, **_kwargs: Any) -> None:
        self.fired += 1
        if self.fired == 1:
            self.action()


# -- S3: CopySourceIfMatch on CopyObject and on every UploadPartCopy ---------------------


@pytest.fixture
def s3_other(s3: S3Provider) -> S3Other:
    settings = s3.settings
    return S3Other({"endpoint_url": settings.endpoint_url, "access_key_id": settings.access_key_id,
                    "secret_access_key": settings.secret_access_key, "region": settings.region})  # fmt: skip


@pytest.fixture
def hooked(s3: S3Provider) -> Iterator[Callable[[str, Once], None]]:
    registered: list[tuple[str, Once]] = []
    copier = s3._clients.client(slow=True)  # server-side copies have a client of their own

    def register(operation: str, handler: Once) -> None:
        for client in (raw(s3), copier):
            client.meta.events.register(f"before-call.s3.{operation}", handler)
        registered.append((operation, handler))

    yield register
    for operation, handler in registered:
        for client in (raw(s3), copier):
            client.meta.events.unregister(f"before-call.s3.{operation}", handler)


@pytest.mark.parametrize("in_parts", [False, True], ids=["copy", "part-copies"])
def test_s3_refuses_a_copy_of_an_object_changed_after_the_head(
    s3: S3Provider,
    bucket: str,
    s3_other: S3Other,
    hooked: Callable[[str, Once], None],
    monkeypatch: pytest.MonkeyPatch,
    in_parts: bool,
    request: pytest.FixtureRequest,
) -> None:
    if request.node.callspec.params["s3"] == "s3_moto":
        request.applymarker(pytest.mark.xfail(strict=True, reason="moto ignores x-amz-copy-source-if-match"))
    if in_parts:  # above the threshold the edit is a multipart copy of 5 MiB parts
        monkeypatch.setattr(s3, "copy_threshold", 5 * MiB)
    data = os.urandom(6 * MiB if in_parts else 1000)
    sending.upload_bytes(s3, bucket, "o.bin", data, metadata={"a": "1"})
    shown = s3.stat(bucket, "o.bin").etag
    sneak_in = Once(lambda: s3_other.overwrite(bucket, "o.bin", b"theirs", {"theirs": "yes"}))
    hooked("UploadPartCopy" if in_parts else "CopyObject", sneak_in)
    with pytest.raises(PreconditionFailed, match="changed since it was shown"):
        s3.set_properties(bucket, "o.bin", metadata={"mine": "1"}, if_match=shown)
    assert sneak_in.fired >= 1
    raw_view = s3_other.head(bucket, "o.bin")
    assert (raw_view.metadata, raw_view.size) == ({"theirs": "yes"}, len(b"theirs"))
    assert open_uploads(s3, bucket) == []  # the copy in parts was aborted


def test_s3_edit_of_an_object_copied_in_parts_keeps_everything_else(
    s3: S3Provider, bucket: str, s3_other: S3Other, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(s3, "copy_threshold", 5 * MiB)
    data = os.urandom(6 * MiB)
    sending.upload_bytes(s3, bucket, "o.bin", data, content_type="application/x-thing", metadata={"a": "1"})
    s3.set_properties(bucket, "o.bin", system={CONTENT_LANGUAGE: "de"})
    info = s3.set_properties(
        bucket, "o.bin", system={CACHE_CONTROL: "no-store"}, if_match=s3.stat(bucket, "o.bin").etag
    )
    raw_view = s3_other.head(bucket, "o.bin")
    assert raw_view.system == {"content_type": "application/x-thing", "content_language": "de",
                               "cache_control": "no-store"}  # fmt: skip
    assert raw_view.metadata == {"a": "1"}
    assert info.etag == raw_view.etag
    assert s3.read(bucket, "o.bin") == data


# -- Azure: both writes conditional, chained, the first undone when the second fails ------


@pytest.fixture
def azure_other(azurite_server: Any) -> AzureOther:
    return AzureOther(azurite_server.connection_string)


def _before(monkeypatch: pytest.MonkeyPatch, method: str, action: Once, *, etag: str | None = None) -> None:
    """Run ``action`` just before ``BlobClient.<method>`` sends (with ``etag`` instead of
    ours when given); the real call follows."""
    from azure.storage.blob import BlobClient

    original = getattr(BlobClient, method)

    def wrapped(self: BlobClient, *args: Any, **kwargs: Any) -> Any:
        action()
        if etag is not None and action.fired == 1:
            kwargs["etag"] = etag
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BlobClient, method, wrapped)


def test_azure_refuses_a_write_when_the_blob_changed_after_the_read(
    azure: AzureProvider, azure_box: str, azure_other: AzureOther, monkeypatch: pytest.MonkeyPatch
) -> None:
    sending.upload_bytes(azure, azure_box, "b.txt", b"body", metadata={"a": "1"})
    shown = azure.stat(azure_box, "b.txt").etag
    sneak_in = Once(lambda: azure_other.set_metadata(azure_box, "b.txt", {"theirs": "yes"}))
    _before(monkeypatch, "set_http_headers", sneak_in)
    with pytest.raises(PreconditionFailed, match="changed since it was shown"):
        azure.set_properties(azure_box, "b.txt", metadata={"mine": "1"}, system={CACHE_CONTROL: "no-cache"},
                             if_match=shown)  # fmt: skip
    raw_view = azure_other.head(azure_box, "b.txt")
    assert raw_view.metadata == {"theirs": "yes"}
    assert CACHE_CONTROL not in raw_view.system


def test_azure_puts_the_content_settings_back_when_the_metadata_write_fails(
    azure: AzureProvider, azure_box: str, azure_other: AzureOther, monkeypatch: pytest.MonkeyPatch
) -> None:
    sending.upload_bytes(azure, azure_box, "b.txt", b"body", metadata={"a": "1"})
    before = azure_other.head(azure_box, "b.txt")
    # The metadata write goes out with an ETag the blob never had: the server refuses it.
    _before(monkeypatch, "set_blob_metadata", Once(lambda: None), etag='"0x8D000000000000"')
    with pytest.raises(PreconditionFailed, match="content settings were put back"):
        azure.set_properties(azure_box, "b.txt", metadata={"mine": "1"}, system={CACHE_CONTROL: "no-cache"})
    after = azure_other.head(azure_box, "b.txt")
    assert (after.system, after.metadata) == (before.system, before.metadata)


def test_azure_says_so_when_the_content_settings_cannot_be_put_back(
    azure: AzureProvider, azure_box: str, azure_other: AzureOther, monkeypatch: pytest.MonkeyPatch
) -> None:
    sending.upload_bytes(azure, azure_box, "b.txt", b"body", metadata={"a": "1"})
    sneak_in = Once(lambda: azure_other.set_metadata(azure_box, "b.txt", {"theirs": "yes"}))
    _before(monkeypatch, "set_blob_metadata", sneak_in)
    with pytest.raises(PreconditionFailed, match="had been changed already and stay changed"):
        azure.set_properties(azure_box, "b.txt", metadata={"mine": "1"}, system={CACHE_CONTROL: "no-cache"})
    after = azure_other.head(azure_box, "b.txt")
    assert after.metadata == {"theirs": "yes"}  # theirs is never overwritten, not even by the undo
    assert after.system[CACHE_CONTROL] == "no-cache"
