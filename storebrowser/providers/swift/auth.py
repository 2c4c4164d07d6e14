"""Signing in to Swift: v1 (tempauth, swauth, Rackspace v1.0), Keystone v2 and v3, or a
pre-authenticated storage URL + token.

One ``Authenticator`` per account holds the storage URL and token that every connection
of the pool uses, so the account signs in once, not once per thread. On a 401 the
connection asks for ``refresh(stale_token)``: the first thread to ask signs in again and
the others reuse its new token.

Keystone goes through keystoneauth1 sessions (python-keystoneclient, which swiftclient's
own v2/v3 code needs, is deprecated and not a dependency of ours).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from storebrowser.core.errors import AuthFailed
from storebrowser.providers.swift.errors import keystone_errors, swift_errors

#: Keystone catalog interface for each value of the ``endpoint_type`` field.
INTERFACES = {"public": "public", "internal": "internal"}
#: The same in swiftclient's ``os_options`` spelling (``publicURL``/``internalURL``).
SWIFTCLIENT_ENDPOINT_TYPES = {"public": "publicURL", "internal": "internalURL"}
SERVICE_TYPE = "object-store"
#: Rackspace v1.0 auth returns the public storage URL; ServiceNet is the same host with
#: this prefix (what swiftclient's old ``snet=True`` did).
SERVICENET_PREFIX = "snet-"


@dataclass(frozen=True, slots=True)
class SwiftSettings:
    """The connection fields of ``kind.py``, typed. Secrets stay out of ``repr``."""

    auth_url: str = ""
    auth_version: str = "1"
    username: str = ""
    api_key: str = field(default="", repr=False)
    project_name: str = ""
    project_domain_name: str = "Default"
    user_domain_name: str = "Default"
    region: str = ""
    endpoint_type: str = "public"
    storage_url: str = ""
    auth_token: str = field(default="", repr=False)

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> SwiftSettings:
        values = {name: str(settings[name]) for name in cls.__slots__ if settings.get(name)}
        made = cls(**values)
        if made.auth_version not in ("1", "2", "3"):
            raise ValueError(f"Swift auth version must be 1, 2 or 3, not {made.auth_version!r}.")
        if made.endpoint_type not in INTERFACES:
            raise ValueError(f"Swift endpoint must be public or internal, not {made.endpoint_type!r}.")
        return made

    @property
    def preauthenticated(self) -> bool:
        return bool(self.storage_url and self.auth_token)

    @property
    def can_sign_in(self) -> bool:
        return bool(self.auth_url and self.username and self.api_key)


@dataclass(frozen=True, slots=True)
class Credentials:
    storage_url: str
    token: str = field(repr=False)


def swiftclient_os_options(settings: SwiftSettings) -> dict[str, str]:
    """``os_options`` as swiftclient (and the ``swift`` CLI) name them, for Keystone.

    Used to describe the account to tools that take swiftclient options; our own sign-in
    uses ``keystone_plugin`` + ``endpoint_filter``, which carry the same values.
    """
    options = {
        "service_type": SERVICE_TYPE,
        "endpoint_type": SWIFTCLIENT_ENDPOINT_TYPES[settings.endpoint_type],
    }
    optional = {
        "project_name": settings.project_name,
        "tenant_name": settings.project_name if settings.auth_version == "2" else "",
        "region_name": settings.region,
    }
    if settings.auth_version == "3":
        optional["project_domain_name"] = settings.project_domain_name
        optional["user_domain_name"] = settings.user_domain_name
    options.update({name: value for name, value in optional.items() if value})
    return options


def endpoint_filter(settings: SwiftSettings) -> dict[str, str]:
    """Which catalog entry is the storage URL: keystoneauth1 ``get_endpoint`` arguments."""
    found = {"service_type": SERVICE_TYPE, "interface": INTERFACES[settings.endpoint_type]}
    if settings.region:
        found["region_name"] = settings.region
    return found


def keystone_plugin(settings: SwiftSettings) -> Any:
    """The keystoneauth1 plugin: Keystone v2 password (tenant), Rackspace v2 API key, or
    Keystone v3 password (project, domains)."""
    from keystoneauth1.identity import v2, v3

    from storebrowser.providers.swift.rackspace import RackspaceApiKey, is_rackspace_identity

    if settings.auth_version == "2" and is_rackspace_identity(settings.auth_url):
        return RackspaceApiKey(
            settings.auth_url,
            settings.username,
            settings.api_key,
            tenant_name=settings.project_name or None,
        )
    if settings.auth_version == "2":
        return v2.Password(
            auth_url=settings.auth_url,
            username=settings.username,
            password=settings.api_key,
            tenant_name=settings.project_name or None,
        )
    return v3.Password(
        auth_url=settings.auth_url,
        username=settings.username,
        password=settings.api_key,
        project_name=settings.project_name or None,
        project_domain_name=settings.project_domain_name or None,
        user_domain_name=settings.user_domain_name or None,
    )


def servicenet_url(storage_url: str) -> str:
    """The Rackspace ServiceNet (internal) form of a v1 storage URL."""
    parts = urlsplit(storage_url)
    host = parts.hostname or ""
    if host.startswith(SERVICENET_PREFIX):
        return storage_url
    netloc = parts.netloc.replace(host, SERVICENET_PREFIX + host, 1)
    return urlunsplit(parts._replace(netloc=netloc))


class Authenticator:
    """The shared storage URL and token of one account; signs in lazily and on 401."""

    def __init__(self, settings: SwiftSettings, *, timeout: float) -> None:
        self._settings = settings
        self._timeout = timeout
        self._lock = threading.Lock()
        self._credentials: Credentials | None = None
        self._keystone_session: Any = None
        if settings.preauthenticated:
            self._credentials = Credentials(settings.storage_url, settings.auth_token)

    @property
    def can_refresh(self) -> bool:
        return self._settings.can_sign_in and not self._settings.preauthenticated

    def current(self) -> Credentials:
        with self._lock:
            if self._credentials is None:
                self._credentials = self._sign_in()
            return self._credentials

    def refresh(self, stale_token: str) -> Credentials:
        """New credentials after a 401 with ``stale_token``; one sign-in for all threads."""
        if not self.can_refresh:
            raise AuthFailed(
                "Swift refused the pre-authenticated token; it has probably expired. "
                "Paste a new token, or sign in with user name and key instead."
            )
        with self._lock:
            if self._credentials is None or self._credentials.token == stale_token:
                if self._keystone_session is not None:
                    self._keystone_session.invalidate()
                self._credentials = self._sign_in()
            return self._credentials

    def _sign_in(self) -> Credentials:
        settings = self._settings
        if not settings.can_sign_in:
            raise AuthFailed("Swift needs an auth URL, user name and key (or a storage URL and token).")
        if settings.auth_version == "1":
            return self._sign_in_v1()
        return self._sign_in_keystone()

    def _sign_in_v1(self) -> Credentials:
        from swiftclient.client import get_auth_1_0

        settings = self._settings
        with swift_errors(f"Signing in to {settings.auth_url}"):
            url, token = get_auth_1_0(
                settings.auth_url, settings.username, settings.api_key, timeout=self._timeout
            )
        if not url or not token:
            raise AuthFailed(f"Signing in to {settings.auth_url}: the answer had no storage URL or token.")
        if settings.endpoint_type == "internal":
            url = servicenet_url(url)
        return Credentials(url, token)

    def _sign_in_keystone(self) -> Credentials:
        settings = self._settings
        if settings.auth_version == "3" and not settings.project_name:
            raise AuthFailed("Keystone v3 needs a project name.")
        with keystone_errors(f"Signing in to Keystone at {settings.auth_url}", settings):
            if self._keystone_session is None:
                from keystoneauth1 import session

                self._keystone_session = session.Session(
                    auth=keystone_plugin(settings), timeout=self._timeout
                )
            token = self._keystone_session.get_token()
            url = self._keystone_session.get_endpoint(**endpoint_filter(settings))
        if not url:
            raise AuthFailed(_no_endpoint_message(settings))
        return Credentials(url, token)


def _no_endpoint_message(settings: SwiftSettings) -> str:
    region = f" in region {settings.region!r}" if settings.region else ""
    return (
        f"Keystone has no {settings.endpoint_type} object-store endpoint{region} for this "
        "project; check the region and endpoint type."
    )
