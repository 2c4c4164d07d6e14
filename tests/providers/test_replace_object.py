"""``Provider.replace_object``, the upload back of an edited file, on every backend: the
new bytes with the object's metadata and system properties kept, and nothing written when
another client changed the object since it was opened (the write's own condition where the
server enforces one: moto and Azurite; a HEAD compare on Swift and s3api)."""

from __future__ import annotations

import io

import pytest

from storebrowser.core.cancel import NEVER
from storebrowser.core.errors import PreconditionFailed
from storebrowser.core.properties import CACHE_CONTROL, CONTENT_TYPE
from storebrowser.providers.base import Provider
from storebrowser.providers.replacing import HEAD_COMPARE, SERVER_CONDITION
from storebrowser.transfers import sending
from tests.providers.other_clients import OtherClient, other_client

#: What guards the write on each backend, as the servers were found to behave.
GUARDS = {"s3_moto": SERVER_CONDITION, "azure": SERVER_CONDITION, "s3_swift": HEAD_COMPARE,
          "swift": HEAD_COMPARE, "local": HEAD_COMPARE}  # fmt: skip


@pytest.fixture
def other(provider: Provider, request: pytest.FixtureRequest) -> OtherClient:
    return other_client(request.node.callspec.params["provider"], request, provider)


def _opened(provider: Provider, container: str) -> tuple[str, str]:
    metadata = {"owner": "qa"} if provider.capabilities.user_metadata else None
    sending.upload_bytes(
        provider, container, "notes.txt", b"first", content_type="text/markdown", metadata=metadata
    )
    if CACHE_CONTROL in provider.capabilities.system_properties:
        provider.set_properties(container, "notes.txt", system={CACHE_CONTROL: "max-age=60"})
    etag = provider.stat(container, "notes.txt").etag
    assert etag
    return "notes.txt", etag


def test_replace_keeps_metadata_and_settings(
    provider: Provider, container: str, other: OtherClient, request: pytest.FixtureRequest
) -> None:
    key, etag = _opened(provider, container)
    keep = provider.get_properties(container, key)
    done = provider.replace_object(container, key, io.BytesIO(b"second!"), size=7, if_match=etag, keep=keep)
    assert other.read(container, key) == b"second!"
    after = provider.get_properties(container, key)
    assert after.metadata == keep.metadata
    assert after.system == keep.system
    if provider.capabilities.content_type:
        assert after.system[CONTENT_TYPE] == "text/markdown"
    assert done.info.etag == after.etag != etag
    assert done.guard == GUARDS[request.node.callspec.params["provider"]]


def test_a_change_by_another_client_is_not_overwritten(
    provider: Provider, container: str, other: OtherClient
) -> None:
    key, etag = _opened(provider, container)
    keep = provider.get_properties(container, key)
    other.overwrite(container, key, b"theirs", {})
    with pytest.raises(PreconditionFailed):
        provider.replace_object(container, key, io.BytesIO(b"mine"), size=4, if_match=etag, keep=keep)
    assert other.read(container, key) == b"theirs"


def test_the_server_refuses_a_write_after_the_compare_where_it_can(
    provider: Provider, container: str, other: OtherClient, request: pytest.FixtureRequest
) -> None:
    """A change landing between the HEAD compare and the write: the write itself carries
    the condition on moto and Azurite (on s3api, Swift and local it is not seen)."""
    if GUARDS[request.node.callspec.params["provider"]] != SERVER_CONDITION:
        pytest.skip("this server has no condition on the write; the HEAD compare is the guard")
    key, etag = _opened(provider, container)
    keep = provider.get_properties(container, key)
    other.overwrite(container, key, b"theirs", {})
    with pytest.raises(PreconditionFailed):
        provider._put_in_place(container, key, io.BytesIO(b"mine"), size=4, if_match=etag, keep=keep,
                               progress=None, cancel=NEVER)  # fmt: skip
    assert other.read(container, key) == b"theirs"


def test_s3_replace_keeps_the_objects_encryption(s3_moto_provider: Provider) -> None:
    """A PUT drops what it does not send: SSE-KMS with its key is sent again (moto echoes it)."""
    from storebrowser.core.encryption import Encryption, EncryptionMode
    from tests.providers.conftest import unique_container_name

    provider, container = s3_moto_provider, unique_container_name()
    provider.create_container(container)
    kms = Encryption(EncryptionMode.SSE_KMS, key_id="alias/reports")
    provider.put_object(container, "k.txt", io.BytesIO(b"one"), size=3, encryption=kms)
    keep = provider.get_properties(container, "k.txt")
    provider.replace_object(
        container, "k.txt", io.BytesIO(b"two"), size=3, if_match=keep.etag or "", keep=keep
    )
    head = provider._client.head_object(Bucket=container, Key="k.txt")  # type: ignore[attr-defined]
    assert head["ServerSideEncryption"] == "aws:kms" and "alias/reports" in head["SSEKMSKeyId"]
    assert provider.read(container, "k.txt") == b"two"
