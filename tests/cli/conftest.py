from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.servers.swift_aio import SwiftServer

ROOT = Path(__file__).resolve().parents[2]
SWIFT_KEY_ENV = "SB_TEST_SWIFT_KEY"
CliResult = subprocess.CompletedProcess[bytes]
RunCli = Callable[..., CliResult]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """A user of our own: empty config, data and state folders, no keyring."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AZURE_", "OS_", "ST_"))}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONPATH=str(ROOT),
    )
    return env


@pytest.fixture
def cli(cli_env: dict[str, str]) -> RunCli:
    """Run ``storebrowser-cli ARGS`` as a separate process, as a script would."""

    def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> CliResult:
        return subprocess.run(
            [sys.executable, "-m", "storebrowser.cli", *args],
            input=stdin,
            env={**cli_env, **(env or {})},
            capture_output=True,
            timeout=120,
        )

    return run


def journal_count(cli_env: dict[str, str], query: str) -> int:
    """``select count(*) ...`` on the journal of the CLI user ``cli_env`` (0 before it exists)."""
    from tests.transfers.killtest import journal_count as count

    return count(Path(cli_env["XDG_STATE_HOME"]) / "StoreBrowser" / "transfers.sqlite3", query)


def ok(result: CliResult) -> bytes:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.fixture
def swift(cli: RunCli, swift_server: SwiftServer) -> RunCli:
    """The CLI with a Swift account 'sw' (secret from the environment, kept in a 0600 file)."""
    env = {SWIFT_KEY_ENV: swift_server.key}
    ok(
        cli(
            "accounts",
            "add",
            "sw",
            "--kind",
            "swift",
            "--set",
            f"auth_url={swift_server.auth_url}",
            "--set",
            f"username={swift_server.user}",
            "--secret-env",
            f"api_key={SWIFT_KEY_ENV}",
            "--secrets-in-file",
            env=env,
        )
    )

    def run(*args: str, **kwargs: object) -> CliResult:
        return cli("--account", "sw", *args, **kwargs)  # type: ignore[arg-type]

    return run
