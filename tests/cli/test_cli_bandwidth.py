"""``--bwlimit`` and an account's transfer settings on the command line: taken, kept in
the accounts file, and bad input answered with one line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import RunCli, ok


def test_bad_bwlimit_is_one_clear_line(cli: RunCli) -> None:
    for args in (
        ["--bwlimit", "fast"],
        ["--bwlimit", "1M:2M:3M"],
        ["--bwlimit", "1M", "--bwlimit-hours", "8-18"],
        ["--bwlimit", "1M", "--bwlimit-hours", "Funday 08:00-18:00"],
    ):
        result = cli(*args, "ls")
        assert result.returncode == 2
        last = result.stderr.decode().strip().splitlines()[-1]
        assert last.startswith("storebrowser-cli: error: --bwlimit: "), last
        assert "Traceback" not in result.stderr.decode()


def test_an_upload_under_a_limit_arrives(cli: RunCli, tmp_path: Path) -> None:
    ok(cli("mb", "box"))
    source = tmp_path / "f.bin"
    source.write_bytes(b"x" * 300_000)
    ok(cli("--bwlimit", "10M:off", "--bwlimit-hours", "Mon-Sun 00:00-23:59", "put", str(source), "box/"))
    assert "f.bin" in ok(cli("ls", "box")).decode()


def test_account_transfer_settings_are_kept_and_checked(cli: RunCli) -> None:
    shown = json.loads(ok(cli("--json", "accounts", "transfers", "Local files")))
    assert (shown["transfers"], shown["parts"], shown["set_here"]) == (4, 4, [])  # the kind's defaults
    ok(cli("accounts", "transfers", "Local files", "--transfers", "2", "--part-size", "8M"))
    shown = json.loads(ok(cli("--json", "accounts", "transfers", "Local files")))
    assert (shown["transfers"], shown["parts"], shown["part_size_mib"]) == (2, 4, 8)
    assert shown["set_here"] == ["part_size_mib", "transfers"]
    listed = {row["name"]: row for row in json.loads(ok(cli("--json", "accounts", "list")))}
    assert listed["Local files"]["transfers"] == {k: v for k, v in shown.items() if k != "account"}
    bad = cli("accounts", "transfers", "Local files", "--parts", "99")
    assert bad.returncode == 2
    assert bad.stderr.decode().strip().splitlines()[-1] == (
        "storebrowser-cli: error: The parts per object must be from 1 to 32."
    )
    ok(cli("accounts", "transfers", "Local files", "--transfers", "default"))
    shown = json.loads(ok(cli("--json", "accounts", "transfers", "Local files")))
    assert shown["set_here"] == ["part_size_mib"]
