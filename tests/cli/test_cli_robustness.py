"""The CLI's messages and exit codes under refusals, against the real servers."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

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


def test_a_busy_azure_put_has_connections_enough(
    cli: RunCli, azurite_server: AzuriteServer, tmp_path: Path
) -> None:
    """4 files at once, 4 parts each: 16 requests, more than the SDK's own pool of 10,
    which discarded connections (and printed a warning, even without --debug)."""
    _add(cli, "az", "azure", {}, {"connection_string": azurite_server.connection_string})
    container = f"busy-{uuid.uuid4().hex[:8]}"
    _ok(cli("--account", "az", "mb", container))
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(4):
        (folder / f"f{n}.bin").write_bytes(os.urandom(4 * 1024 * 1024 + 1 + n))
    result = cli("--account", "az", "--debug", "--part-size", "1", "put", str(folder), f"{container}/")
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert b"Connection pool is full" not in result.stderr  # seen with --debug only, if at all


def _log_from(debug: bool, env: dict[str, str]) -> str:
    """What stderr shows of SDK warnings once the CLI has set up its logging."""
    flags = "(['--debug'] if " + str(debug) + " else [])"
    code = (
        "import logging; from storebrowser.cli.app import main; "
        f"main({flags} + ['accounts', 'list']); "
        "logging.getLogger('urllib3.connectionpool').warning('Connection pool is full'); "
        "logging.getLogger('azure.core.pipeline').warning('Unable to stream download.'); "
        "logging.getLogger('storebrowser.transfers').warning('ours')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_library_warnings_reach_stderr_only_with_debug(cli_env: dict[str, str]) -> None:
    quiet = _log_from(False, cli_env)
    assert "ours" in quiet and "pool is full" not in quiet and "stream download" not in quiet
    loud = _log_from(True, cli_env)
    assert "ours" in loud and "pool is full" in loud and "stream download" in loud
