"""Keystone v2/v3 sign-in through the real keystoneauth1 code, against a minimal identity
stub on 127.0.0.1 whose catalog points at the Swift all-in-one (the AIO itself runs
tempauth, so the stub hands out a real tempauth token). Checks what we send (project,
domains, API key) and how region and endpoint type pick the storage URL."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from storebrowser.core.errors import AuthFailed
from storebrowser.providers.registry import open_provider
from storebrowser.providers.swift.provider import SwiftProvider

EXPIRES = "2999-01-01T00:00:00.000000Z"
UNUSED = "http://127.0.0.1:9/never-used"


class _Identity(BaseHTTPRequestHandler):
    server: _IdentityServer

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        request = json.loads(self.rfile.read(length))
        self.server.requests.append((self.path, request))
        if self.path.endswith("/v3/auth/tokens"):
            self._answer(201, self.server.v3_body(), {"X-Subject-Token": self.server.token()})
        elif self.path.endswith("/v2.0/tokens"):
            self._answer(200, self.server.v2_body(), {})
        else:
            self._answer(404, {}, {})

    def _answer(self, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        for name, value in {**headers, "Content-Type": "application/json"}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _IdentityServer(ThreadingHTTPServer):
    def __init__(self, swift_server: Any) -> None:
        super().__init__(("127.0.0.1", 0), _Identity)
        self.swift = swift_server
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.tokens_issued = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def token(self) -> str:
        """A real tempauth token for the AIO (Swift accepts it; Keystone would have made it)."""
        from swiftclient.client import get_auth_1_0

        self.tokens_issued += 1
        _url, token = get_auth_1_0(self.swift.auth_url, self.swift.user, self.swift.key)
        return str(token)

    def endpoints(self) -> list[tuple[str, str, str]]:
        """(region, interface, url): only RegionTwo's public endpoint is real."""
        return [
            ("RegionOne", "public", UNUSED),
            ("RegionOne", "internal", UNUSED),
            ("RegionTwo", "public", self.swift.storage_url),
        ]

    def v3_body(self) -> dict[str, Any]:
        endpoints = [
            {"id": str(n), "region": r, "region_id": r, "interface": i, "url": u}
            for n, (r, i, u) in enumerate(self.endpoints())
        ]
        return {
            "token": {
                "expires_at": EXPIRES,
                "methods": ["password"],
                "user": {"id": "u1", "name": "alice", "domain": {"id": "d", "name": "UserDomain"}},
                "project": {"id": "p1", "name": "media", "domain": {"id": "d", "name": "ProjDomain"}},
                "catalog": [{"type": "object-store", "name": "swift", "id": "s", "endpoints": endpoints}],
            }
        }

    def v2_body(self) -> dict[str, Any]:
        endpoints = {}
        for region, interface, url in self.endpoints():
            endpoints.setdefault(region, {"region": region})[f"{interface}URL"] = url
        return {
            "access": {
                "token": {"id": self.token(), "expires": EXPIRES, "tenant": {"id": "t", "name": "media"}},
                "user": {"id": "u1", "name": "alice", "roles": []},
                "serviceCatalog": [
                    {"type": "object-store", "name": "swift", "endpoints": list(endpoints.values())}
                ],
            }
        }


@pytest.fixture
def identity(swift_server: Any) -> Iterator[_IdentityServer]:
    server = _IdentityServer(swift_server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _open(identity: _IdentityServer, **settings: str) -> SwiftProvider:
    base = {"username": "alice", "api_key": "s3cret", "project_name": "media", "region": "RegionTwo"}
    provider = open_provider("swift", {**base, **settings})
    assert isinstance(provider, SwiftProvider)
    return provider


def test_keystone_v3_sends_project_and_domains_and_picks_the_region(
    identity: _IdentityServer, swift_server: Any
) -> None:
    provider = _open(
        identity,
        auth_url=identity.url + "/v3",
        auth_version="3",
        project_domain_name="ProjDomain",
        user_domain_name="UserDomain",
    )
    provider.connect()
    assert provider.client.storage_url == swift_server.storage_url
    assert provider.capabilities.multipart
    provider.list_containers()
    path, request = identity.requests[-1]
    assert path == "/v3/auth/tokens"
    auth = request["auth"]
    user = auth["identity"]["password"]["user"]
    assert (user["name"], user["password"], user["domain"]["name"]) == ("alice", "s3cret", "UserDomain")
    assert auth["scope"]["project"] == {"name": "media", "domain": {"name": "ProjDomain"}}


def test_keystone_v2_sends_the_tenant(identity: _IdentityServer, swift_server: Any) -> None:
    provider = _open(identity, auth_url=identity.url + "/v2.0", auth_version="2")
    provider.connect()
    assert provider.client.storage_url == swift_server.storage_url
    _path, request = identity.requests[-1]
    assert request["auth"]["tenantName"] == "media"
    assert request["auth"]["passwordCredentials"] == {"username": "alice", "password": "s3cret"}


def test_missing_endpoint_names_region_and_type(identity: _IdentityServer) -> None:
    provider = _open(identity, auth_url=identity.url + "/v3", auth_version="3", endpoint_type="internal")
    with pytest.raises(AuthFailed, match="internal object-store endpoint in region 'RegionTwo'"):
        provider.connect()


def test_keystone_token_refreshed_once_after_401(identity: _IdentityServer) -> None:
    provider = _open(identity, auth_url=identity.url + "/v3", auth_version="3")
    provider.connect()
    issued = identity.tokens_issued
    auth = provider.client.auth
    stale = auth.current()
    auth._credentials = type(stale)(stale.storage_url, "AUTH_tkexpired")
    provider.list_containers()
    assert identity.tokens_issued == issued + 1
