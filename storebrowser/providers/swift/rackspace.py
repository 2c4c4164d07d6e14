"""Rackspace Cloud Files: Rackspace identity v2.0 signs in with an *API key*
(``RAX-KSKEY:apiKeyCredentials``), which plain Keystone v2 password auth does not know.

Imported only when signing in (it imports keystoneauth1). With auth version 1 Rackspace
takes the API key as ``X-Auth-Key`` and needs nothing from here; ServiceNet with v1 is
``auth.servicenet_url``, with v2 the catalog's ``internal`` endpoint.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from urllib.parse import urlsplit

from keystoneauth1.identity import v2

RACKSPACE_IDENTITY_DOMAIN = "rackspacecloud.com"


def is_rackspace_identity(auth_url: str) -> bool:
    host = (urlsplit(auth_url).hostname or "").lower()
    return host == RACKSPACE_IDENTITY_DOMAIN or host.endswith("." + RACKSPACE_IDENTITY_DOMAIN)


class RackspaceApiKey(v2.Auth):
    """keystoneauth1 v2 plugin sending a Rackspace API key instead of a password."""

    def __init__(self, auth_url: str, username: str, api_key: str, *, tenant_name: str | None = None) -> None:
        super().__init__(auth_url, tenant_name=tenant_name)
        self.username = username
        self.api_key = api_key

    def get_auth_data(self, headers: MutableMapping[str, str] | None = None) -> dict[str, object]:
        return {"RAX-KSKEY:apiKeyCredentials": {"username": self.username, "apiKey": self.api_key}}

    def get_cache_id_elements(self) -> dict[str, str | None]:
        return {"auth_url": self.auth_url, "username": self.username, "api_key": self.api_key,
                "tenant_name": self.tenant_name}  # fmt: skip
