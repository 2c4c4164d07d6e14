"""From connection settings to one thread-safe ``BlobServiceClient`` (and what it may do).

Four ways in, as ``kind.py`` lists them: a connection string, account name + key, a SAS
token or URL (a container SAS URL narrows the account to that container), or Azure AD
through azure-identity's default credential. Only the account key (own, or inside a
connection string) can sign SAS URLs and change service properties.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from storebrowser.core.errors import AuthFailed, InvalidName, Unsupported
from storebrowser.core.retry import retried_by_caller
from storebrowser.providers.azure.errors import azure_errors

if TYPE_CHECKING:
    from azure.storage.blob import BlobServiceClient

MiB = 1024 * 1024
AZURE_AD_EXTRA = "pip install 'storebrowser[azure-ad]'"

#: The SDK's own retry (``_retry_policy``) serves calls nobody retries above. Gets are
#: cut in 8 MiB: a part of the transfer engine (8 MiB by default) is then one request,
#: not two. Each get is read whole before its bytes are
#: handed on, so a cancel waits for at most 8 MiB per stream; 4 MiB gets halved download
#: throughput against Azurite (twice the requests; fewer also cost less on Azure).
CLIENT_OPTIONS: dict[str, Any] = {
    "max_single_get_size": 8 * MiB,
    "max_chunk_get_size": 8 * MiB,
    "max_single_put_size": 64 * MiB,
    "max_block_size": 8 * MiB,
}
CONNECT_TIMEOUT = 20.0
#: The SDK reads a reply in blocks of this (256 KiB by default): 1 MiB blocks spend less
#: CPU per byte.
DATA_BLOCK_SIZE = MiB
#: requests' default: pools for this many hosts (one host here, a few after redirects).
POOL_HOSTS = 10


def new_transport(pool_size: int, read_timeout: float) -> Any:
    """Our own HTTP transport, so that its connection pool and read timeout can follow
    the transfers (``fit_transport``); the SDK's would keep 10 connections, and discard
    (with a warning) every one above that which a busier transfer opened."""
    from azure.core.pipeline.transport import RequestsTransport

    transport = RequestsTransport(connection_timeout=CONNECT_TIMEOUT, read_timeout=read_timeout,
                                  connection_data_block_size=DATA_BLOCK_SIZE)  # fmt: skip
    transport.open()  # makes the session and its adapters, to size them now
    fit_transport(transport, pool_size, read_timeout)
    return transport


def fit_transport(transport: Any, pool_size: int, read_timeout: float) -> None:
    """Pools of ``pool_size`` connections and this read timeout from the next request on
    (calls in flight finish on the pool they took their connection from)."""
    transport.connection_config.read_timeout = read_timeout
    adapters = {id(adapter): adapter for adapter in transport.session.adapters.values()}
    for adapter in adapters.values():
        adapter.init_poolmanager(POOL_HOSTS, pool_size)


@dataclass(frozen=True)
class Connection:
    """Where and how to connect; secrets are kept out of ``repr``."""

    account_url: str
    account_name: str | None
    auth: str  # "connection string", "account key", "SAS", "Azure AD": for messages
    credential: Any = field(default=None, repr=False)
    connection_string: str | None = field(default=None, repr=False)
    #: Set for a container SAS URL: the account shows only this container.
    only_container: str | None = None

    def build(self, transport: Any = None) -> BlobServiceClient:
        """The client; on ``transport`` (``new_transport``) when given, else the SDK's."""
        from azure.storage.blob import BlobServiceClient

        options = {**CLIENT_OPTIONS, "retry_policy": _retry_policy()}
        if transport is not None:
            options["transport"] = transport
        try:
            with azure_errors(f"Opening the Azure account ({self.auth})"):
                if self.connection_string:
                    return BlobServiceClient.from_connection_string(self.connection_string, **options)
                return BlobServiceClient(self.account_url, credential=self.credential, **options)
        except ValueError:
            # The SDK's text may quote the bad value, which can hold the key: not repeated.
            raise AuthFailed(
                f"The {self.auth} settings are not valid (the SDK refused them): check the "
                "connection string, the account key (base64) or the endpoint URL."
            ) from None


def _retry_policy() -> Any:
    """The SDK's exponential retry, with waits for a desktop app: its default starts at
    15 s and grows by powers of 3, so an unreachable endpoint took a minute to say so.
    Here: about 0.5, 2.5, 4.5 s (with jitter). None under a caller that retries itself
    (``core.retry.retried_by_caller``: the transfer engine, the partitioned walk): one
    retry policy, the caller's."""
    from azure.storage.blob import ExponentialRetry

    class OneRetryLayer(ExponentialRetry):
        def configure_retries(self, request: Any) -> dict[str, Any]:
            settings: dict[str, Any] = super().configure_retries(request)
            if retried_by_caller():
                settings["total"] = 0
            return settings

    return OneRetryLayer(
        initial_backoff=0.5,  # type: ignore[arg-type]  # annotated int, but used as float seconds
        increment_base=2,
        retry_total=3,
        random_jitter_range=1,
    )


def connection_from_settings(settings: Mapping[str, Any]) -> Connection:
    """Read the kind's fields (see ``kind.py``) into a ``Connection``; no I/O."""
    endpoint = (settings.get("blob_endpoint") or "").strip().rstrip("/")
    name = (settings.get("account_name") or "").strip() or None
    if settings.get("connection_string"):
        return _from_connection_string(settings["connection_string"].strip())
    if name is None and endpoint:
        name = account_from_endpoint(endpoint)
    if settings.get("sas_token"):
        return _from_sas(settings["sas_token"].strip(), endpoint, name)
    url = endpoint or _public_url(name)
    if settings.get("account_key"):
        if name is None:
            raise AuthFailed("An account key needs the storage account name; give it with the key.")
        credential = {"account_name": name, "account_key": settings["account_key"].strip()}
        return Connection(url, name, "account key", credential=credential)
    if settings.get("use_azure_ad"):
        return Connection(url, name, "Azure AD", credential=_azure_ad_credential())
    raise AuthFailed("No way in was given: a connection string, an account key, a SAS or Azure AD.")


def _public_url(name: str | None) -> str:
    if not name:
        raise AuthFailed("Give the storage account name or the blob endpoint URL.")
    return f"https://{name}.blob.core.windows.net"


def _from_connection_string(text: str) -> Connection:
    parts = dict(p.split("=", 1) for p in text.split(";") if "=" in p)
    name = parts.get("AccountName")
    endpoint = parts.get("BlobEndpoint", "").rstrip("/") or None
    if name is None and endpoint:
        name = account_from_endpoint(endpoint)
    url = endpoint or (_public_url(name) if name else "")
    auth = "SAS" if "SharedAccessSignature" in parts else "connection string"
    return Connection(url, name, auth, connection_string=text)


def _from_sas(value: str, endpoint: str, name: str | None) -> Connection:
    """A bare token (``sv=...&sig=...``) or a full account/container SAS URL."""
    if not value.lower().startswith(("http://", "https://")):
        return Connection(endpoint or _public_url(name), name, "SAS", credential=value.lstrip("?"))
    parts = urlsplit(value)
    if not parts.query:
        raise AuthFailed("The SAS URL has no token after '?'; copy the whole URL Azure gave you.")
    origin = f"{parts.scheme}://{parts.netloc}"
    path = [segment for segment in parts.path.split("/") if segment]
    if endpoint:
        base = [segment for segment in urlsplit(endpoint).path.split("/") if segment]
        path = path[len(base) :] if path[: len(base)] == base else path
        account_url = endpoint
    elif _path_style(parts.hostname or "") and path:
        account_url, path = f"{origin}/{path[0]}", path[1:]  # Azurite: /account/container
    else:
        account_url = origin
    if len(path) > 1:
        raise InvalidName("Give an account or container SAS URL, not the URL of one blob.")
    name = name or account_from_endpoint(account_url)
    only = path[0] if path else None
    return Connection(account_url, name, "SAS", credential=parts.query, only_container=only)


def _path_style(host: str) -> bool:
    """Emulators (Azurite) put the account in the path: http://127.0.0.1:10000/account."""
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def account_from_endpoint(endpoint: str) -> str | None:
    """``https://acct.blob.core.windows.net`` -> ``acct``; ``http://127.0.0.1:10000/acct`` -> ``acct``."""
    parts = urlsplit(endpoint)
    host = parts.hostname or ""
    if _path_style(host):
        path = [segment for segment in parts.path.split("/") if segment]
        return path[0] if path else None
    return host.split(".", 1)[0] or None


def _azure_ad_credential() -> Any:
    try:
        from azure.identity import DefaultAzureCredential
    except ImportError:
        raise Unsupported(
            f"Azure AD sign-in needs the azure-identity package, which is not installed: {AZURE_AD_EXTRA}. "
            "Or connect with a connection string, an account key or a SAS."
        ) from None
    return DefaultAzureCredential()


def account_key_of(client: BlobServiceClient) -> tuple[str, str] | None:
    """``(account name, key)`` when the client signs with a shared key, else ``None``."""
    credential = client.credential
    name, key = getattr(credential, "account_name", None), getattr(credential, "account_key", None)
    return (name, key) if name and key else None
