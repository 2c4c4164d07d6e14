"""An account's colour (its tabs' and tree row's marker in the window): set with
``accounts add --set colour=#RRGGBB``, listed with the settings, checked in one line;
read back from the accounts file and accepted by every kind."""

from __future__ import annotations

import json
from pathlib import Path

from storebrowser.accounts.profiles import parse
from storebrowser.core.colours import PALETTE, account_colour
from storebrowser.providers.registry import get_kind
from tests.cli.conftest import RunCli, ok


def test_a_colour_is_set_listed_and_checked(cli: RunCli, tmp_path: Path) -> None:
    ok(
        cli(
            "accounts",
            "add",
            "here",
            "--kind",
            "local",
            "--set",
            f"root={tmp_path}",
            "--set",
            "colour=#16a34a",
        )
    )
    listed = json.loads(ok(cli("--json", "accounts", "list")))
    assert {row["name"]: row["settings"].get("colour") for row in listed}["here"] == "#16a34a"
    ok(cli("--account", "here", "ls"))  # the provider never minds it

    bad = cli(
        "accounts", "add", "there", "--kind", "local", "--set", f"root={tmp_path}", "--set", "colour=red"
    )
    assert bad.returncode == 2
    assert (
        bad.stderr.decode()
        .strip()
        .splitlines()[-1]
        .endswith("'colour' must be written #RRGGBB, such as #3b82f6.")
    )


def test_every_kind_takes_a_colour_and_a_default_is_stable() -> None:
    for name in ("local", "s3", "azure", "swift"):
        assert not any("colour" in problem for problem in get_kind(name).problems({"colour": "#123456"}))
        assert any("colour" in problem for problem in get_kind(name).problems({"colour": "blue"}))
    assert account_colour("Work", {"colour": "#123456"}) == "#123456"
    assert account_colour("Work") == account_colour("Work", {"colour": "nonsense"})
    assert account_colour("Work") in {colour for _name, colour in PALETTE}


def test_the_accounts_file_keeps_a_colour_and_refuses_a_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "accounts.toml"
    good = parse(path, '[accounts.here]\nkind = "local"\nroot = "/tmp"\ncolour = "#7c3aed"\n')
    assert not good.problems and good.accounts[0][0].settings["colour"] == "#7c3aed"
    bad = parse(path, '[accounts.here]\nkind = "local"\nroot = "/tmp"\ncolour = "purple"\n')
    assert not bad.accounts and "#RRGGBB" in str(bad.problems[0])
