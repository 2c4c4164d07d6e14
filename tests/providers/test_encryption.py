"""Server-side encryption at upload and as the server says it: SSE-S3 and SSE-KMS on moto
(which stores and echoes them, encrypting nothing), SSE-C where no test server applies it
(moto and Swift's s3api both store the object as plain bytes and say nothing: the upload
says so instead of pretending), an Azure encryption scope on Azurite (accepted, not
applied: said likewise), and the services that offer no choice saying why."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from storebrowser.core.encryption import Encryption, new_customer_key
from storebrowser.core.errors import CustomerKeyRequired, EncryptionNotApplied, Unsupported
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.providers.s3.provider import S3Provider
from storebrowser.transfers import sending
from tests.providers.backends import s3_moto_settings
from tests.providers.conftest import unique_container_name
from tests.providers.s3_support import open_uploads, raw


@pytest.fixture
def boxed(request: pytest.FixtureRequest) -> Iterator[tuple[Provider, str]]:
    provider: Provider = request.getfixturevalue(f"{request.param}_provider")
    name = unique_container_name()
    provider.create_container(name)
    yield provider, name
    provider.delete_container(name, force=True)


def _put(provider: Provider, box: str, key: str, encryption: Encryption | None, size: int = 5) -> None:
    provider.put_object(box, key, io.BytesIO(b"x" * size), size=size, encryption=encryption)


@pytest.mark.parametrize("boxed", ["s3_moto"], indirect=True)
def test_sse_s3_and_kms_are_sent_and_read_back(boxed) -> None:
    provider, box = boxed
    _put(provider, box, "s3.bin", Encryption.parse("s3"))
    _put(provider, box, "kms.bin", Encryption.parse("kms:alias/team"))
    _put(provider, box, "plain.bin", None)
    assert provider.object_encryption(box, "s3.bin").sentence() == (
        "Encrypted at rest with keys the service manages (SSE-S3, AES-256)."
    )
    info = provider.object_encryption(box, "kms.bin")
    assert (info.algorithm, info.kms_key_id) == ("aws:kms", "alias/team")
    assert info.sentence() == "Encrypted at rest with SSE-KMS, key alias/team."
    assert provider.object_encryption(box, "plain.bin").algorithm is None


@pytest.mark.parametrize("boxed", ["s3_moto"], indirect=True)
def test_sse_kms_in_parts_is_sent_with_the_start(boxed) -> None:
    provider, box = boxed
    upload = provider.start_multipart(box, "big.bin", part_size=5 * 2**20, encryption=Encryption.parse("kms"))
    part = upload.upload_part(1, b"y" * 10)
    upload.complete([part])
    assert provider.object_encryption(box, "big.bin").algorithm == "aws:kms"


@pytest.mark.parametrize("boxed", ["s3_moto"], indirect=True)
def test_the_bucket_default_is_shown(boxed) -> None:
    provider, box = boxed
    assert "No default encryption" in provider.default_encryption(box).sentence()
    rule = {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "k-1"}}
    raw(provider).put_bucket_encryption(Bucket=box, ServerSideEncryptionConfiguration={"Rules": [rule]})
    assert (
        provider.default_encryption(box).sentence()
        == "New objects are encrypted with SSE-KMS by default, key k-1."
    )


@pytest.mark.parametrize("boxed", ["s3_moto", "s3_swift"], indirect=True)
def test_sse_c_that_the_server_ignores_is_said_not_pretended(boxed, request) -> None:
    provider, box = boxed
    assert isinstance(provider, S3Provider)
    with pytest.raises(CustomerKeyRequired, match="No customer key"):
        provider.check_encryption(Encryption.parse("c"))
    key = new_customer_key()
    provider.use_customer_key(key)
    with pytest.raises(EncryptionNotApplied) as told:
        _put(provider, box, "c.bin", Encryption.parse("c"))
    assert "readable without your key" in str(told.value) and key not in str(told.value)
    # In parts the answer to the start already tells: the upload is aborted before any part.
    with pytest.raises(EncryptionNotApplied):
        provider.start_multipart(box, "c-big.bin", part_size=5 * 2**20, encryption=Encryption.parse("c"))
    assert [u["Key"] for u in open_uploads(provider, box)] == []


@pytest.mark.parametrize("boxed", ["s3_swift"], indirect=True)
def test_swift_s3api_refuses_sse_s3_and_kms(boxed) -> None:
    provider, box = boxed
    for words in ("s3", "kms"):
        with pytest.raises(Unsupported, match="Server-side encryption is not supported"):
            _put(provider, box, f"{words}.bin", Encryption.parse(words))


@pytest.mark.parametrize("boxed", ["azure"], indirect=True)
def test_an_azure_scope_azurite_does_not_apply_is_said(boxed) -> None:
    provider, box = boxed
    with pytest.raises(EncryptionNotApplied, match="did not confirm the encryption scope 'team'"):
        _put(provider, box, "scoped.bin", Encryption.parse("scope:team"))
    upload = provider.start_multipart(
        box, "scoped-big.bin", part_size=2**20, encryption=Encryption.parse("scope:team")
    )
    assert upload.state()["encryption_scope"] == "team"
    with pytest.raises(EncryptionNotApplied):
        upload.complete([upload.upload_part(1, b"z" * 10)])
    assert (
        provider.object_encryption(box, "scoped.bin").sentence()
        == "Encrypted at rest with keys the service manages."
    )
    with pytest.raises(Unsupported, match="encryption scope"):
        _put(provider, box, "s3.bin", Encryption.parse("s3"))


@pytest.mark.parametrize("boxed", ["swift", "local"], indirect=True)
def test_no_encryption_choice_is_refused_with_the_reason(boxed) -> None:
    provider, box = boxed
    with pytest.raises(Unsupported) as refused:
        _put(provider, box, "a.bin", Encryption.parse("s3"))
    reason = provider.capabilities.reason("upload_encryption")
    assert reason and reason in str(refused.value)
    if provider.kind == "swift":
        sending.upload_bytes(provider, box, "a.bin", b"1")
        assert "the API does not say so per object" in provider.object_encryption(box, "a.bin").sentence()


def test_a_customer_key_from_the_settings_is_used_and_not_shown(moto_server) -> None:
    key = new_customer_key()
    provider = open_provider("s3", {**s3_moto_settings(moto_server), "sse_customer_key": key})
    try:
        provider.check_encryption(Encryption.parse("c"))  # the key is there: no question
        assert key not in repr(provider) and key not in repr(provider.settings)
    finally:
        provider.close()
