"""Temporary URLs (tempurl middleware) and static websites (staticweb middleware).

A temp URL is signed with the account's ``X-Account-Meta-Temp-URL-Key``. Setting that
key changes the account for every client using it, so ``share_url`` never sets it: it
raises ``TempUrlKeyMissing`` and the UI asks the user before ``set_temp_url_key``.

staticweb serves ``<container>/`` to anonymous readers once the container is public
(``X-Container-Read: .r:*,.rlistings``) and has ``X-Container-Meta-Web-Index``. The error
page is a *suffix*: for a 404 Swift serves ``404<suffix>`` (``404error.html`` for
``error.html``), for a 401 ``401<suffix>``.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from urllib.parse import quote, urlsplit, urlunsplit

from storebrowser.core.errors import AccessDenied, InvalidName
from storebrowser.core.types import WebsiteConfig
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.errors import TempUrlKeyMissing
from storebrowser.providers.urlpath import encode_dot_segments

TEMP_URL_KEY = "x-account-meta-temp-url-key"
TEMP_URL_KEY_2 = "x-account-meta-temp-url-key-2"
CONTAINER_TEMP_URL_KEY = "x-container-meta-temp-url-key"
CONTAINER_TEMP_URL_KEY_2 = "x-container-meta-temp-url-key-2"
PUBLIC_READ = (".r:*", ".rlistings")
WEB_INDEX = "x-container-meta-web-index"
WEB_ERROR = "x-container-meta-web-error"


def temp_url_key(client: SwiftClient, container: str) -> str | None:
    """The key to sign with: the account's, else the container's (tempurl takes both;
    a user who may write to a container but does not own the account can only set the
    container's). Read on every call: another client may have changed it."""
    try:
        account = client.call("Reading the account's temp-URL key", lambda c: c.head_account())
    except AccessDenied:
        account = {}
    found = account.get(TEMP_URL_KEY) or account.get(TEMP_URL_KEY_2)
    if found:
        return str(found)
    headers = client.call(
        f"Reading the temp-URL key of {container!r}",
        lambda c: c.head_container(container),
        container=container,
    )
    return headers.get(CONTAINER_TEMP_URL_KEY) or headers.get(CONTAINER_TEMP_URL_KEY_2) or None


def set_temp_url_key(client: SwiftClient, key: str | None = None) -> str:
    """Set the account's temp-URL key (a fresh random one unless given) and return it."""
    new_key = key or secrets.token_urlsafe(32)
    client.call(
        "Setting the account's temp-URL key",
        lambda c: c.post_account(headers={"X-Account-Meta-Temp-URL-Key": new_key}),
    )
    return new_key


def check_signable(container: str, name: str) -> None:
    """Refuse a name Swift's tempurl cannot check: before the account's key is read (or a
    user asked to give the account one) for a link that could not work."""
    if "?" in name:
        raise InvalidName(
            "Swift refuses the signature of a time-limited URL whose object name holds '?' "
            f"(seen with Swift 2.38), so none can be made for {name!r}; download it instead.",
            container=container,
            key=name,
        )


def temp_url(
    client: SwiftClient,
    key: str | None,
    container: str,
    name: str,
    *,
    expires_in: timedelta,
    method: str,
    digest: str,
) -> str:
    from swiftclient.utils import generate_temp_url

    if not key:
        raise TempUrlKeyMissing(
            "This Swift account has no temp-URL key yet, so no time-limited link can be "
            "made. Setting one changes the account for every client that uses it; allow "
            "it and try again.",
            question="Give this Swift account a temp-URL key? Every client of the account "
            "shares it; links made with an older key stop working.",
            container=container,
            key=name,
        )
    seconds = int(expires_in.total_seconds())
    if seconds <= 0:
        raise InvalidName("A time-limited URL needs a positive lifetime.")

    parts = urlsplit(client.storage_url)
    # The signature covers the decoded path (what the proxy sees); the URL carries it quoted.
    signed_path = f"{parts.path}/{container}/{name}"
    signed: str = generate_temp_url(signed_path, seconds, key, method.upper(), digest=digest)
    query = signed.split("?", 1)[1]
    # '.' and '..' as %2E: the proxy decodes them back into the signed name.
    quoted_path = encode_dot_segments(f"{parts.path}/{quote(container)}/{quote(name)}")
    return urlunsplit((parts.scheme, parts.netloc, quoted_path, query, ""))


def public_url(client: SwiftClient, container: str) -> str:
    return f"{client.storage_url}/{quote(container)}/"


def set_website(client: SwiftClient, container: str, config: WebsiteConfig) -> WebsiteConfig:
    """Publish ``container``: keep its other read ACL entries, add public read + listings."""
    headers = client.call(
        f"Reading the settings of {container!r}", lambda c: c.head_container(container), container=container
    )
    acl = [entry.strip() for entry in headers.get("x-container-read", "").split(",") if entry.strip()]
    acl += [entry for entry in PUBLIC_READ if entry not in acl]
    new_headers = {
        "X-Container-Read": ",".join(acl),
        "X-Container-Meta-Web-Index": config.index_document,
        # An empty value removes the header: no custom error pages.
        "X-Container-Meta-Web-Error": config.error_document or "",
    }
    client.call(
        f"Publishing {container!r} as a website",
        lambda c: c.post_container(container, new_headers),
        container=container,
    )
    return WebsiteConfig(config.index_document, config.error_document, public_url(client, container))


def get_website(client: SwiftClient, container: str) -> WebsiteConfig | None:
    headers = client.call(
        f"Reading the settings of {container!r}", lambda c: c.head_container(container), container=container
    )
    index = headers.get(WEB_INDEX)
    if not index:
        return None
    return WebsiteConfig(index, headers.get(WEB_ERROR) or None, public_url(client, container))
