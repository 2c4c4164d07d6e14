"""Connection settings to endpoint, account and container (no server, no request)."""

from __future__ import annotations

import pytest

from storebrowser.core.errors import InvalidName
from storebrowser.providers.azure.client import account_from_endpoint, connection_from_settings
from storebrowser.providers.registry import get_kind, open_provider

SAS = "sv=2024-01-01&sr=c&sp=rl&se=2030-01-01&sig=SIGNATURE"


def test_container_sas_url_on_azure() -> None:
    connection = connection_from_settings({"sas_token": f"https://acct.blob.core.windows.net/photos?{SAS}"})
    assert (connection.account_url, connection.account_name) == ("https://acct.blob.core.windows.net", "acct")
    assert (connection.only_container, connection.credential) == ("photos", SAS)
    assert "SIGNATURE" not in repr(connection)


def test_account_sas_url_on_a_sovereign_cloud() -> None:
    connection = connection_from_settings({"sas_token": f"https://acct.blob.core.chinacloudapi.cn/?{SAS}"})
    assert connection.account_url == "https://acct.blob.core.chinacloudapi.cn"
    assert connection.only_container is None


def test_container_sas_url_on_azurite_is_path_style() -> None:
    connection = connection_from_settings({"sas_token": f"http://127.0.0.1:10000/devstoreaccount1/box?{SAS}"})
    assert connection.account_url == "http://127.0.0.1:10000/devstoreaccount1"
    assert (connection.account_name, connection.only_container) == ("devstoreaccount1", "box")


def test_sas_token_with_custom_endpoint() -> None:
    settings = {"sas_token": "?" + SAS, "blob_endpoint": "https://files.example.com/"}
    connection = connection_from_settings(settings)
    assert (connection.account_url, connection.credential) == ("https://files.example.com", SAS)


def test_blob_sas_url_is_refused() -> None:
    with pytest.raises(InvalidName, match="not the URL of one blob"):
        connection_from_settings({"sas_token": f"https://acct.blob.core.windows.net/c/b.txt?{SAS}"})


def test_account_key_defaults_to_the_public_endpoint() -> None:
    connection = connection_from_settings({"account_name": "acct", "account_key": "a2V5"})
    assert connection.account_url == "https://acct.blob.core.windows.net"
    assert "a2V5" not in repr(connection)


def test_connection_string_is_kept_out_of_repr() -> None:
    text = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net"
    connection = connection_from_settings({"connection_string": text})
    assert connection.account_name == "acct" and "a2V5" not in repr(connection)


@pytest.mark.parametrize(
    ("endpoint", "name"),
    [
        ("https://acct.blob.core.windows.net", "acct"),
        ("http://127.0.0.1:10000/devstoreaccount1", "devstoreaccount1"),
        ("http://localhost:10000/dev", "dev"),
    ],
)
def test_account_from_endpoint(endpoint: str, name: str) -> None:
    assert account_from_endpoint(endpoint) == name


def test_kind_accepts_a_sas_url_alone_and_wants_one_way_in() -> None:
    kind = get_kind("azure")
    assert kind.problems({"sas_token": f"https://acct.blob.core.windows.net/c?{SAS}"}) == []
    assert kind.problems({"sas_token": SAS}) == ["Give the storage account name (or the blob endpoint URL)."]
    assert kind.problems({"account_name": "a", "account_key": "k", "sas_token": SAS})


@pytest.mark.parametrize(
    "settings",
    [
        {"connection_string": "this is not a connection string"},
        {
            "account_name": "acct",
            "account_key": "not base64 at all!",
            "blob_endpoint": "http://127.0.0.1:9/a",
        },
    ],
)
def test_malformed_settings_fail_as_auth_without_echoing_them(settings: dict[str, str]) -> None:
    from storebrowser.core.errors import AuthFailed

    secret = settings.get("connection_string") or settings["account_key"]
    with pytest.raises(AuthFailed) as caught:
        open_provider("azure", settings).connect()
    assert secret not in str(caught.value)
