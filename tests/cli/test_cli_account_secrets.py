"""``accounts add`` and secrets that would be forgotten: each command is a session of its
own, so with no system keyring a secret kept "for this session" is gone when ``add``
ends. ``add`` refuses that, or asks (at a terminal) to keep it in the secrets file; a
missing secret is asked for at a terminal; required fields are checked per kind."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

from storebrowser.accounts import Account, AccountStore, SecretStore
from tests.cli.conftest import ROOT, RunCli
from tests.servers.swift_aio import SwiftServer


def _swift_args(swift_server: SwiftServer) -> list[str]:
    return ["--kind", "swift", "--set", f"auth_url={swift_server.auth_url}",
            "--set", f"username={swift_server.user}"]  # fmt: skip


def _names(cli: RunCli) -> set[str]:
    listed = cli("--json", "accounts", "list")
    assert listed.returncode == 0, listed.stderr
    return {row["name"] for row in json.loads(listed.stdout)}


def in_terminal(args: list[str], env: dict[str, str], answers: dict[bytes, bytes]) -> tuple[int, bytes]:
    """Run the CLI with a terminal (a pty) as its controlling tty; when the output ends
    with a key of ``answers``, type its value."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a session of its own with the pty as its terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "storebrowser.cli", *args], env)
    output = b""
    answered: set[bytes] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        for prompt, answer in answers.items():
            if prompt not in answered and output.rstrip().endswith(prompt):
                answered.add(prompt)
                os.write(fd, answer + b"\n")
    for _ in range(100):  # it ends once the terminal says it did; one still waiting for input is stopped
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output


def test_add_refuses_a_secret_that_would_be_forgotten(cli: RunCli, swift_server: SwiftServer) -> None:
    result = cli("accounts", "add", "sw", *_swift_args(swift_server), "--secrets-stdin",
                 stdin=f"api_key={swift_server.key}\n".encode())  # fmt: skip
    assert result.returncode == 2, result.stdout
    assert b"--secrets-in-file" in result.stderr
    assert b"Traceback" not in result.stderr
    assert "sw" not in _names(cli)


def test_add_at_a_terminal_asks_where_to_keep_it(
    cli: RunCli, cli_env: dict[str, str], swift_server: SwiftServer
) -> None:
    code, output = in_terminal(
        ["accounts", "add", "sw", *_swift_args(swift_server)],
        cli_env,
        {b"(empty to skip):": swift_server.key.encode(), b"[y/N]": b"y"},
    )
    assert code == 0, output
    assert swift_server.key.encode() not in output
    listed = cli("--account", "sw", "ls")  # another command, another session
    assert listed.returncode == 0, listed.stderr


def test_a_missing_secret_is_asked_for_at_a_terminal(
    cli: RunCli, cli_env: dict[str, str], swift_server: SwiftServer
) -> None:
    # Saved by a window on a computer without a keyring: the key lived for its session.
    config = Path(cli_env["XDG_CONFIG_HOME"]) / "StoreBrowser"
    store = AccountStore(config / "accounts.toml", SecretStore(None))
    store.save(Account("sw", "swift", {"auth_url": swift_server.auth_url, "username": swift_server.user}),
               {"api_key": swift_server.key})  # fmt: skip
    without = cli("--account", "sw", "ls")
    assert without.returncode == 1 and b"API key / password is not stored" in without.stderr
    code, output = in_terminal(["--account", "sw", "ls"], cli_env, {b"for sw:": swift_server.key.encode()})
    assert code == 0, output
    assert b"not stored" in output



def test_the_terminal_prompt_shows_a_strange_account_name_escaped(
    cli_env: dict[str, str], swift_server: SwiftServer
) -> None:
    config = Path(cli_env["XDG_CONFIG_HOME"]) / "StoreBrowser"
    store = AccountStore(config / "accounts.toml", SecretStore(None))
    name = "s\x1b[2Jw"
    store.save(Account(name, "swift", {"auth_url": swift_server.auth_url, "username": swift_server.user}),
               {"api_key": swift_server.key})  # fmt: skip
    prompt = b"for s\\x1b[2Jw:"
    code, output = in_terminal(["--account", name, "ls"], cli_env, {prompt: swift_server.key.encode()})
    assert code == 0, output
    assert prompt in output and b"\x1b[2J" not in output


def test_add_checks_the_fields_a_kind_requires(cli: RunCli) -> None:
    empty = cli("accounts", "add", "s3x", "--kind", "s3")
    assert empty.returncode == 2
    assert b"Give one way to sign in" in empty.stderr and b"Access key ID" in empty.stderr
    no_key = cli("accounts", "add", "s3y", "--kind", "s3", "--set", "endpoint_url=http://127.0.0.1:9",
                 "--set", "access_key_id=AKIDEXAMPLE")  # fmt: skip
    assert no_key.returncode == 2 and b"Secret access key" in no_key.stderr
    no_folder = cli("accounts", "add", "here", "--kind", "local")
    assert no_folder.returncode == 2 and b"Folder is required" in no_folder.stderr
    assert not {"s3x", "s3y", "here"} & _names(cli)
    chosen = cli("accounts", "add", "env", "--kind", "s3", "--set", "environment=true")
    assert chosen.returncode == 0, chosen.stderr
