"""Ways into an Azure account, SAS URLs fetched with a plain HTTP client, error mapping."""

from __future__ import annotations

import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest
from azure.storage.blob import (
    AccountSasPermissions,
    ContainerSasPermissions,
    ResourceTypes,
    generate_account_sas,
    generate_container_sas,
)

from storebrowser.core.errors import AccessDenied, AuthFailed, NotFound, StorageError, Transient, Unsupported
from storebrowser.providers.azure.errors import redact
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import sending
from tests.servers.azurite import AzuriteServer


def _open(settings: dict[str, object]) -> AzureProvider:
    provider = open_provider("azure", settings)
    assert isinstance(provider, AzureProvider)
    provider.connect()
    return provider


def _fetch(url: str, method: str = "GET", body: bytes | None = None,
           headers: dict[str, str] | None = None) -> tuple[int, bytes]:  # fmt: skip
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _in_an_hour() -> datetime:
    return datetime.now(UTC) + timedelta(hours=1)


# -- SAS URLs -------------------------------------------------------------------------------


def test_share_url_reads_without_credentials(azure: AzureProvider, azure_box: str) -> None:
    sending.upload_bytes(azure, azure_box, "shared/file name.txt", b"for everyone", content_type="text/plain")
    url = azure.share_url(azure_box, "shared/file name.txt", expires_in=timedelta(minutes=5))
    assert url.startswith("http://127.0.0.1:") and "sig=" in url and "se=" in url
    assert _fetch(url) == (200, b"for everyone")
    unsigned = url.split("?", 1)[0]
    assert _fetch(unsigned)[0] in (401, 403, 404)  # the container is private


def test_share_url_for_put_uploads(azure: AzureProvider, azure_box: str) -> None:
    url = azure.share_url(azure_box, "dropped.bin", expires_in=timedelta(minutes=5), method="PUT")
    status, _ = _fetch(url, "PUT", b"dropped in", {"x-ms-blob-type": "BlockBlob"})
    assert status == 201
    assert azure.read(azure_box, "dropped.bin") == b"dropped in"
    read_url = azure.share_url(azure_box, "dropped.bin", expires_in=timedelta(minutes=5))
    assert _fetch(read_url.replace("sp=r", "sp=rw"), "PUT", b"x", {"x-ms-blob-type": "BlockBlob"})[0] == 403


def test_share_url_refuses_a_past_expiry(azure: AzureProvider, azure_box: str) -> None:
    with pytest.raises(ValueError, match="expires_in"):
        azure.share_url(azure_box, "x", expires_in=timedelta(seconds=-1))


# -- other ways in ----------------------------------------------------------------------------


def test_account_key_with_custom_endpoint(
    azurite_server: AzuriteServer, azure: AzureProvider, azure_box: str
) -> None:
    sending.upload_bytes(azure, azure_box, "k.txt", b"key")
    provider = _open({"account_name": azurite_server.account_name, "account_key": azurite_server.account_key,
                      "blob_endpoint": azurite_server.blob_endpoint})  # fmt: skip
    assert provider.read(azure_box, "k.txt") == b"key"
    assert provider.capabilities.presigned_urls and provider.capabilities.static_website
    assert provider.describe() == "Azure account devstoreaccount1"
    assert azurite_server.account_key not in repr(provider)


def test_account_sas_token_lists_and_reads(
    azurite_server: AzuriteServer, azure: AzureProvider, azure_box: str
) -> None:
    sending.upload_bytes(azure, azure_box, "s.txt", b"sas")
    token = generate_account_sas(
        azurite_server.account_name, azurite_server.account_key,
        resource_types=ResourceTypes(service=True, container=True, object=True),
        permission=AccountSasPermissions(read=True, list=True, write=True, create=True, delete=True),
        expiry=_in_an_hour(),
    )  # fmt: skip
    provider = _open({"sas_token": "?" + token, "blob_endpoint": azurite_server.blob_endpoint})
    assert azure_box in [c.name for c in provider.list_containers()]
    assert provider.read(azure_box, "s.txt") == b"sas"
    sending.upload_bytes(provider, azure_box, "by-sas.txt", b"written")
    assert azure.read(azure_box, "by-sas.txt") == b"written"
    # No key to sign a source URL: the copy source is authorised by the SAS itself.
    provider.copy_object(azure_box, "s.txt", azure_box, "copied-by-sas.txt")
    assert azure.read(azure_box, "copied-by-sas.txt") == b"sas"
    # Without the key nothing can sign URLs or change service properties.
    assert not provider.capabilities.presigned_urls and not provider.capabilities.static_website
    with pytest.raises(Unsupported, match="account key"):
        provider.share_url(azure_box, "s.txt", expires_in=timedelta(minutes=1))
    sig = token.split("sig=")[1].split("&")[0]
    with pytest.raises(NotFound) as caught:
        provider.stat(azure_box, "missing")
    assert sig not in str(caught.value)


def test_container_sas_url_shows_only_that_container(
    azurite_server: AzuriteServer, azure: AzureProvider, azure_box: str
) -> None:
    sending.upload_bytes(azure, azure_box, "dir/c.txt", b"container sas")
    token = generate_container_sas(
        azurite_server.account_name, azure_box, account_key=azurite_server.account_key,
        permission=ContainerSasPermissions(read=True, list=True), expiry=_in_an_hour(),
    )  # fmt: skip
    url = f"{azurite_server.blob_endpoint}/{azure_box}?{token}"
    provider = _open({"sas_token": url})
    assert [c.name for c in provider.list_containers()] == [azure_box]
    assert [e.key for e in provider.list_page(azure_box).entries] == ["dir/"]
    assert provider.read(azure_box, "dir/c.txt") == b"container sas"
    assert provider.describe() == f"Azure container {azure_box} in account devstoreaccount1"
    with pytest.raises(NotFound, match="only opens"):
        provider.list_page("other-container")


def test_wrong_key_is_auth_failed_and_never_echoed(azurite_server: AzuriteServer) -> None:
    wrong = azurite_server.account_key[:-8] + "AAAAAAA="
    with pytest.raises(AuthFailed) as caught:
        _open({"account_name": azurite_server.account_name, "account_key": wrong,
               "blob_endpoint": azurite_server.blob_endpoint})  # fmt: skip
    assert wrong not in str(caught.value) and "account key" in str(caught.value)


def test_unreachable_endpoint_is_transient_and_redacted() -> None:
    # Port 9 (discard) on loopback: nothing listens there on a test machine.
    url = "http://127.0.0.1:9/devstoreaccount1/box?sv=2024-01-01&sp=r&sig=TOPSECRET"
    provider = open_provider("azure", {"sas_token": url})
    with pytest.raises(Transient) as caught:
        provider.connect()
    assert "TOPSECRET" not in str(caught.value)
    assert "TOPSECRET" not in repr(provider)


def test_azure_ad_without_azure_identity_says_what_to_install() -> None:
    try:
        import azure.identity  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("azure-identity is installed here")
    with pytest.raises(StorageError, match=r"storebrowser\[azure-ad\]"):
        open_provider("azure", {"use_azure_ad": True, "account_name": "devstoreaccount1"})


def test_redact_removes_signatures_and_keys() -> None:
    text = "GET https://a.blob.core.windows.net/c/b?sv=2024&se=2030&sp=r&sig=abc%2Bdef= AccountKey=Zm9v;x=1"
    cleaned = redact(text)
    assert "abc" not in cleaned and "Zm9v" not in cleaned
    assert "https://a.blob.core.windows.net/c/b?" in cleaned


def test_read_only_sas_cannot_write(
    azurite_server: AzuriteServer, azure: AzureProvider, azure_box: str
) -> None:
    token = generate_container_sas(
        azurite_server.account_name, azure_box, account_key=azurite_server.account_key,
        permission=ContainerSasPermissions(read=True, list=True), expiry=_in_an_hour(),
    )  # fmt: skip
    provider = _open({"sas_token": f"{azurite_server.blob_endpoint}/{azure_box}?{token}"})
    with pytest.raises(AccessDenied, match="lack the permission"):
        sending.upload_bytes(provider, azure_box, "nope.txt", b"x")
