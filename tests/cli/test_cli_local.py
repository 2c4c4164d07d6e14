"""The CLI on the local-folder account that every first run has."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import RunCli

DIGITS = b"0123456789"


def _ok(result: object) -> bytes:
    assert result.returncode == 0, result.stderr.decode()  # type: ignore[attr-defined]
    return result.stdout  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def box(cli: RunCli, tmp_path: object) -> str:
    _ok(cli("mb", "box"))
    return "box"


def _put_local(cli_env_data: str, key: str, data: bytes) -> None:
    from pathlib import Path

    path = Path(cli_env_data) / "StoreBrowser" / "Local files" / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_first_run_has_the_local_account(cli: RunCli) -> None:
    rows = json.loads(_ok(cli("--json", "accounts", "list")))
    assert [(r["name"], r["kind"]) for r in rows] == [("Local files", "local")]


@pytest.mark.parametrize(("start", "end"), [(0, 1), (5, None), (-3, None), (2, -2), (8, 20), (20, None)])
def test_cat_ranges_match_python_slicing(
    cli: RunCli, cli_env: dict[str, str], box: str, start: int, end: int | None
) -> None:
    _put_local(cli_env["XDG_DATA_HOME"], "box/digits.txt", DIGITS)
    args = ["cat", "box/digits.txt", f"--start={start}"] + ([] if end is None else [f"--end={end}"])
    assert _ok(cli(*args)) == DIGITS[start:end]


def test_ls_rm_and_rb_force(cli: RunCli, cli_env: dict[str, str], box: str) -> None:
    for key in ("box/a.txt", "box/dir/b.txt", "box/dir/c.txt"):
        _put_local(cli_env["XDG_DATA_HOME"], key, b"x")
    listing = _ok(cli("ls", "box")).decode()
    assert "PRE" in listing and "dir/" in listing and "a.txt" in listing
    keys = [e["key"] for e in json.loads(_ok(cli("--json", "ls", "box", "--recursive")))]
    assert keys == ["a.txt", "dir/b.txt", "dir/c.txt"]
    _ok(cli("rm", "--recursive", "box/dir/"))
    assert [e["key"] for e in json.loads(_ok(cli("--json", "ls", "box", "-r")))] == ["a.txt"]
    refused = cli("rb", "box")
    assert refused.returncode == 1 and b"still holds objects" in refused.stderr
    _ok(cli("rb", "box", "--force"))
    assert b"box" not in _ok(cli("ls"))


def test_cp_within_the_account(cli: RunCli, cli_env: dict[str, str], box: str) -> None:
    _put_local(cli_env["XDG_DATA_HOME"], "box/src.txt", DIGITS)
    out = json.loads(_ok(cli("--json", "cp", "box/src.txt", "box/copies/")))
    assert out == {"copied": "box/src.txt", "to": "box/copies/src.txt", "how": "server-side"}
    assert _ok(cli("cat", "box/copies/src.txt")) == DIGITS


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("cat", "box/missing"), 1, b"no object 'missing'"),
        (("ls", "no-such-container"), 1, b"no folder 'no-such-container'"),
        (("cat", "box"), 2, b"expected CONTAINER/KEY"),
        (("mb", "a/b"), 1, b"not a valid container name"),
        (("meta", "set", "box/x", "novalue"), 2, b"expected KEY=VALUE"),
        (("--account", "nobody", "ls"), 2, b"no account named 'nobody'"),
        (("url", "box/x", "--expires", "0"), 2, b"between 1 and"),
        (("frobnicate",), 2, b"invalid choice"),
    ],
)
def test_bad_input_gets_one_clear_line_and_the_right_code(
    cli: RunCli, cli_env: dict[str, str], box: str, args: tuple[str, ...], code: int, message: bytes
) -> None:
    _put_local(cli_env["XDG_DATA_HOME"], "box/x", b"x")
    result = cli(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stderr.decode().strip().splitlines()[-1].startswith("storebrowser-cli")


def test_a_secret_cannot_be_given_as_an_argument(cli: RunCli) -> None:
    result = cli("accounts", "add", "s3x", "--kind", "s3", "--set", "secret_access_key=hunter22")
    assert result.returncode == 2
    assert b"is a secret" in result.stderr
    assert b"hunter22" not in result.stderr + result.stdout


def test_accounts_add_with_secrets_from_env_and_stdin(cli: RunCli) -> None:
    added = cli(
        "accounts",
        "add",
        "work",
        "--kind",
        "s3",
        "--set",
        "access_key_id=AKIDEXAMPLE",
        "--set",
        "endpoint_url=http://127.0.0.1:9",
        "--secret-env",
        "secret_access_key=MY_SECRET",
        "--secrets-in-file",
        env={"MY_SECRET": "s3cr3t-value-123"},
    )
    out = _ok(added)
    assert b"unencrypted" in out  # the file store says what it is
    rows = json.loads(_ok(cli("--json", "accounts", "list")))
    assert {r["name"] for r in rows} == {"Local files", "work"}
    assert b"s3cr3t-value-123" not in json.dumps(rows).encode()
    via_stdin = cli(
        "accounts",
        "add",
        "az",
        "--kind",
        "azure",
        "--set",
        "account_name=dev",
        "--secrets-stdin",
        stdin=b"account_key=abcdEFGH1234==\n",
    )
    _ok(via_stdin)
    _ok(cli("accounts", "remove", "az"))
    assert "az" not in {r["name"] for r in json.loads(_ok(cli("--json", "accounts", "list")))}
