"""A place names a folder or an object, never a string prefix unless asked (issue 17,
defect 7): ``restore C/up`` took ``up2/`` and ``up3/`` too, and ``rm -r C/up`` deleted
them. On the local account; the rules live in the CLI (cli/places.py), the same for all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import CliResult, RunCli

KEYS = ["up/a.txt", "up/deeper/b.txt", "up2/c.txt", "up3/d.txt", "upx.txt", "other/e.txt"]


def _ok(result: CliResult) -> bytes:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def box(cli: RunCli, cli_env: dict[str, str]) -> Path:
    _ok(cli("mb", "box"))
    folder = Path(cli_env["XDG_DATA_HOME"]) / "StoreBrowser" / "Local files" / "box"
    for key in KEYS:
        (folder / key).parent.mkdir(parents=True, exist_ok=True)
        (folder / key).write_text(key)
    return folder


def _listed(cli: RunCli, *args: str) -> list[str]:
    return [row["key"] for row in json.loads(_ok(cli("--json", "ls", *args)))]


def test_restore_takes_the_folder_not_its_namesakes(cli: RunCli, box: Path, tmp_path: Path) -> None:
    _ok(cli("restore", "box/up", str(tmp_path / "a")))
    assert _files(tmp_path / "a") == {"up/a.txt", "up/deeper/b.txt"}
    _ok(cli("restore", "box/up/", str(tmp_path / "b")))
    assert _files(tmp_path / "b") == {"up/a.txt", "up/deeper/b.txt"}
    _ok(cli("restore", "box/up", str(tmp_path / "c"), "--prefix"))
    assert _files(tmp_path / "c") == {"up/a.txt", "up/deeper/b.txt", "up2/c.txt", "up3/d.txt", "upx.txt"}


def test_restore_of_an_object_or_of_nothing(cli: RunCli, box: Path, tmp_path: Path) -> None:
    _ok(cli("restore", "box/upx.txt", str(tmp_path / "one")))
    assert _files(tmp_path / "one") == {"upx.txt"}
    missing = cli("restore", "box/u", str(tmp_path / "none"))
    assert missing.returncode == 1
    assert b"no folder or object" in missing.stderr and b"--prefix" in missing.stderr
    assert not (tmp_path / "none").exists()


def test_ls_shows_the_folder_the_object_or_the_prefix(cli: RunCli, box: Path) -> None:
    assert _listed(cli, "box/up") == ["up/a.txt", "up/deeper/"]
    assert _listed(cli, "box/up", "-r") == ["up/a.txt", "up/deeper/b.txt"]
    assert _listed(cli, "box/upx.txt") == ["upx.txt"]
    assert _listed(cli, "box/up", "--prefix") == ["up/", "up2/", "up3/", "upx.txt"]
    assert cli("ls", "box/u").returncode == 1


def test_rm_recursive_deletes_the_folder_only(cli: RunCli, box: Path) -> None:
    out = _ok(cli("rm", "-r", "box/up")).decode().splitlines()
    assert sorted(out) == ["deleted box/up/a.txt", "deleted box/up/deeper/b.txt"]
    assert _files(box) == {"up2/c.txt", "up3/d.txt", "upx.txt", "other/e.txt"}
    _ok(cli("rm", "-r", "--prefix", "box/up"))
    assert _files(box) == {"other/e.txt"}


def test_get_takes_the_object_else_the_folder(cli: RunCli, box: Path, tmp_path: Path) -> None:
    _ok(cli("get", "box/up", "box/upx.txt", str(tmp_path / "out")))
    assert _files(tmp_path / "out") == {"up/a.txt", "up/deeper/b.txt", "upx.txt"}
    # An object that is not there fails its own item; the others still come.
    partly = cli("get", "box/other/e.txt", "box/nosuch.txt", str(tmp_path / "partly"))
    assert partly.returncode == 1 and b"nosuch.txt" in partly.stdout + partly.stderr
    assert _files(tmp_path / "partly") == {"e.txt"}
