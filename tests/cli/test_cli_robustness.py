"""The CLI's messages and exit codes under refusals, against the real servers."""

from __future__ import annotations

import uuid

from tests.cli.conftest import CliResult, RunCli
from tests.servers.azurite import AzuriteServer
from tests.servers.swift_aio import SwiftServer


def _ok(result: CliResult) -> str:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def _add(cli: RunCli, name: str, kind: str, settings: dict[str, str], secrets: dict[str, str]) -> None:
    sets = [arg for field, value in settings.items() for arg in ("--set", f"{field}={value}")]
    lines = "".join(f"{field}={value}\n" for field, value in secrets.items())
    _ok(cli("accounts", "add", name, "--kind", kind, *sets, "--secrets-stdin", "--secrets-in-file",
            stdin=lines.encode()))  # fmt: skip


def test_another_accounts_secret_that_is_a_word_does_not_garble_a_message(
    cli: RunCli, swift_server: SwiftServer
) -> None:
    s3 = {"endpoint_url": swift_server.s3_endpoint, "access_key_id": swift_server.s3_access_key,
          "region": swift_server.region, "path_style": "true"}  # fmt: skip
    _add(cli, "other", "s3", s3, {"secret_access_key": "signature"})  # a poor secret, but a secret
    _add(cli, "wrong", "s3", s3, {"secret_access_key": "not-the-right-key-4711"})
    result = cli("--account", "wrong", "ls")
    assert result.returncode == 1
    message = result.stderr.decode()
    assert "the signature did not match, so the secret access key is wrong" in message, message
    assert "not-the-right-key-4711" not in message


def test_rm_in_a_missing_azure_container_fails_like_s3_and_swift(
    cli: RunCli, azurite_server: AzuriteServer
) -> None:
    _add(cli, "az", "azure", {}, {"connection_string": azurite_server.connection_string})
    missing = f"nosuch-{uuid.uuid4().hex[:8]}"
    for keys in (["x"], ["x", "y/z"]):
        result = cli("--account", "az", "rm", *(f"{missing}/{key}" for key in keys))
        assert result.returncode == 1, result.stdout
        assert "deleted" not in result.stdout.decode()
        assert missing in result.stderr.decode()
