"""``storebrowser-cli bookmarks`` and ``@NAME`` as a place, against a real S3 server."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from tests.cli.conftest import CliResult, RunCli, ok
from tests.servers.moto_s3 import MotoServer

S3_SECRET_ENV = "SB_TEST_S3_SECRET"


@pytest.fixture
def mo(cli: RunCli, moto_server: MotoServer) -> RunCli:
    """The CLI with an S3 account 'mo' beside the local one: a command must say which."""
    ok(
        cli(
            "accounts", "add", "mo", "--kind", "s3",
            "--set", f"endpoint_url={moto_server.endpoint_url}",
            "--set", f"access_key_id={moto_server.access_key}",
            "--set", "path_style=true",
            "--set", f"region={moto_server.region}",
            "--secret-env", f"secret_access_key={S3_SECRET_ENV}",
            "--secrets-in-file",
            env={S3_SECRET_ENV: moto_server.secret_key},
        )
    )  # fmt: skip
    return cli


def _lines(result: CliResult) -> list[str]:
    return ok(result).decode().splitlines()


def test_bookmarks_round_trip_and_at_name_with_ls_and_get(mo: RunCli, tmp_path: Path) -> None:
    container = f"marks-{uuid.uuid4().hex[:10]}"
    (tmp_path / "up").mkdir()
    (tmp_path / "up" / "a.txt").write_bytes(b"alpha")
    ok(mo("--account", "mo", "mb", container))
    ok(mo("--account", "mo", "put", str(tmp_path / "up" / "a.txt"), f"{container}/photos/2024/"))

    ok(mo("bookmarks", "add", "pics", f"mo:{container}/photos/"))
    ok(mo("bookmarks", "add", "home", "mo:"))
    listed = json.loads(ok(mo("--json", "bookmarks")))
    assert listed == [
        {"name": "pics", "place": f"mo:{container}/photos/"},
        {"name": "home", "place": "mo:"},
    ]

    # No --account: the bookmark says which account (there are two).
    assert _lines(mo("ls", "@pics")) == [f"{'':>16}  {'PRE':>12}  photos/2024/"]
    assert any("a.txt" in line for line in _lines(mo("ls", "-r", "@pics")))
    assert container in _lines(mo("ls", "@home"))
    out = tmp_path / "down"
    out.mkdir()
    ok(mo("get", "@pics/2024/a.txt", str(out)))
    assert (out / "a.txt").read_bytes() == b"alpha"

    ok(mo("bookmarks", "rename", "pics", "photos"))
    assert "@photos" in ok(mo("bookmarks")).decode()
    ok(mo("bookmarks", "remove", "home"))
    assert [row["name"] for row in json.loads(ok(mo("--json", "bookmarks", "list")))] == ["photos"]


def test_an_unknown_bookmark_is_one_clear_line(mo: RunCli) -> None:
    ok(mo("bookmarks", "add", "pics", "mo:somewhere/"))
    result = mo("ls", "@nope")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "storebrowser-cli: no bookmark named @nope (bookmarks: @pics)"
    ]


def test_bookmark_and_account_must_agree(mo: RunCli) -> None:
    ok(mo("bookmarks", "add", "pics", "mo:somewhere/"))
    result = mo("--account", "Local files", "ls", "@pics")
    assert result.returncode == 2
    assert "is in the account 'mo'" in result.stderr.decode()


def test_bad_bookmarks_are_refused_with_a_reason(mo: RunCli) -> None:
    assert b"no account named 'ghost'" in mo("bookmarks", "add", "x", "ghost:c/").stderr
    assert b"the account first" in mo("bookmarks", "add", "x", "c/d/").stderr
    assert b"cannot hold '/'" in mo("bookmarks", "add", "a/b", "mo:c/").stderr
    ok(mo("bookmarks", "add", "x", "mo:c/"))
    assert b"already a bookmark named 'x'" in mo("bookmarks", "add", "x", "mo:d/").stderr
    assert b"no bookmark named 'y'" in mo("bookmarks", "remove", "y").stderr
