"""What the sync tests share: CLI accounts on the real servers (optionally behind a
counting proxy), a local tree to sync, and the tree read back with the services' SDKs."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storebrowser.providers.base import Provider
from tests.cli.conftest import CliResult, RunCli
from tests.providers.backends import _counted_settings
from tests.servers.counting_proxy import CountingProxy
from tests.transfers.helpers import backend_settings
from tests.versions.sdk_state import current_objects

SECRET_ENV = "SB_TEST_SYNC_SECRET"
BACKENDS = ["s3_moto", "s3_swift", "swift", "azure"]
#: The secret field of each backend's settings (what goes through the environment).
SECRET_FIELDS = ("secret_access_key", "api_key", "connection_string", "auth_token")


def ok(result: CliResult) -> bytes:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


settings_of = backend_settings  # (kind, settings) of a backend on its test server


def add_account(cli: RunCli, name: str, kind: str, settings: dict[str, Any]) -> RunCli:
    """A CLI account ``name``; its secret goes through the environment, never an argument."""
    settings = dict(settings)
    field = next(f for f in SECRET_FIELDS if f in settings)
    secret = str(settings.pop(field))
    sets = [part for key, value in settings.items() for part in ("--set", f"{key}={value}")]
    ok(cli("accounts", "add", name, "--kind", kind, *sets, "--secret-env", f"{field}={SECRET_ENV}",
           "--secrets-in-file", env={SECRET_ENV: secret}))  # fmt: skip

    def run(*args: str, **kwargs: Any) -> CliResult:
        return cli("--account", name, *args, **kwargs)

    return run


def counted_account(
    cli: RunCli, name: str, request: pytest.FixtureRequest, proxy_of: Callable[[int], CountingProxy]
) -> tuple[RunCli, CountingProxy]:
    """An account ``name`` whose requests all go through a counting proxy."""
    from urllib.parse import urlsplit

    kind, server_url, through = _counted_settings(name, request)
    port = urlsplit(server_url).port
    assert port is not None
    proxy = proxy_of(port)
    return add_account(cli, f"{name}_counted", kind, through(proxy)), proxy


def provider_of(name: str, request: pytest.FixtureRequest) -> Provider:
    provider: Provider = request.getfixturevalue(f"{name}_provider")
    return provider


def make_tree(root: Path) -> dict[str, bytes]:
    """A small tree: nested folders, an empty file, a name with a space and non-ASCII."""
    files = {
        "a.txt": b"alpha\n",
        "empty.bin": b"",
        "docs/readme.md": b"# readme\n" * 50,
        "docs/deep/er/x.dat": os.urandom(3000),
        "photos/\u00e9t\u00e9 1.jpg": os.urandom(10_000),
    }
    for key, data in files.items():
        path = root.joinpath(*key.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def local_tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def remote_tree(
    provider: Provider, container: str, prefix: str, request: pytest.FixtureRequest
) -> dict[str, bytes]:
    """The objects under ``prefix`` read with the service's SDK, by key relative to it."""
    objects = current_objects(provider, container, prefix, request)
    return {key[len(prefix) :]: data for key, data in objects.items()}


#: S3 sign-in asks a few questions of a bucket that does not exist (``S3Provider.connect``:
#: does the server know websites, versioning, tags): PUTs that cannot change anything.
PROBE_BUCKET = "/storebrowser-probe-"


def write_requests(proxy: CountingProxy) -> list[str]:
    """Requests that could change something: anything but GET and HEAD (and the probes of
    a bucket that does not exist)."""
    return [
        line
        for line in proxy.request_lines
        if not line.startswith(("GET ", "HEAD ")) and PROBE_BUCKET not in line
    ]
