"""What the CLI prints: one line per failure and never a traceback, for a local folder it
cannot use (issue 17, defect 4); keys with control characters escaped in every line of
text output, exact in --json (defect 6). On the local account: no server needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import CliResult, RunCli

ESCAPE_KEY = "esc\x1b[31mred\x1b]0;pwned\x07.txt"
NEWLINE_KEY = "new\nline.txt"
BIDI_KEY = "report\u202etxt.exe"
RAW_BYTES = (b"\x1b", b"\x07", b"\xe2\x80\xae")  # ESC, BEL, U+202E in UTF-8


def _ok(result: CliResult) -> bytes:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def _local(cli_env: dict[str, str]) -> Path:
    return Path(cli_env["XDG_DATA_HOME"]) / "StoreBrowser" / "Local files"


@pytest.fixture
def box(cli: RunCli, cli_env: dict[str, str]) -> Path:
    _ok(cli("mb", "box"))
    folder = _local(cli_env) / "box"
    (folder / "data.bin").write_bytes(b"data")
    return folder


def _one_clear_line(result: CliResult, *needles: str) -> str:
    """Exit 1 and one line on stderr naming the problem, no traceback."""
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("storebrowser-cli: ")
    for needle in needles:
        assert needle in lines[0], err
    return lines[0]


@pytest.mark.parametrize("command", ["get", "restore"])
def test_a_target_under_a_file_is_one_line(cli: RunCli, box: Path, tmp_path: Path, command: str) -> None:
    (tmp_path / "somefile.txt").write_text("a file, not a folder")
    target = str(tmp_path / "somefile.txt" / "sub")
    source = "box/data.bin" if command == "get" else "box"
    _one_clear_line(cli(command, source, target), target, "Not a directory")
    assert (tmp_path / "somefile.txt").read_text() == "a file, not a folder"


@pytest.mark.parametrize("command", ["get", "restore"])
def test_a_target_the_system_refuses_is_one_line(cli: RunCli, box: Path, command: str) -> None:
    source = "box/data.bin" if command == "get" else "box"
    _one_clear_line(cli(command, source, "/proc/nope/deeper"), "/proc/nope")


def test_a_name_that_is_not_utf8_is_refused_clearly(cli: RunCli, box: Path) -> None:
    # A terminal passes bytes; Python keeps the ones that are not UTF-8 as surrogates.
    result = cli("cat", "box/caf\udce9.txt")
    assert result.returncode == 2
    assert b"not valid UTF-8" in result.stderr
    assert b"Traceback" not in result.stderr


def _no_raw_controls(data: bytes) -> None:
    for raw in RAW_BYTES:
        assert raw not in data, data


def test_keys_are_escaped_in_text_and_exact_in_json(cli: RunCli, box: Path) -> None:
    for key in (ESCAPE_KEY, NEWLINE_KEY, BIDI_KEY):
        (box / key).write_bytes(b"x")
    listing = _ok(cli("ls", "box"))
    _no_raw_controls(listing)
    rows = listing.decode().splitlines()
    assert len(rows) == 4, rows  # a newline in a key does not make a row
    assert any(row.endswith("esc\\x1b[31mred\\x1b]0;pwned\\x07.txt") for row in rows)
    assert any(row.endswith("new\\nline.txt") for row in rows)
    assert any(row.endswith("report\\u202etxt.exe") for row in rows)
    exact = {row["key"] for row in json.loads(_ok(cli("--json", "ls", "box")))}
    assert exact == {"data.bin", ESCAPE_KEY, NEWLINE_KEY, BIDI_KEY}

    copied = _ok(cli("cp", f"box/{ESCAPE_KEY}", "box/copies/"))
    _no_raw_controls(copied)
    assert copied.count(b"\n") == 1
    deleted = _ok(cli("rm", f"box/{NEWLINE_KEY}", f"box/{BIDI_KEY}"))
    _no_raw_controls(deleted)
    assert deleted.decode().splitlines() == ["deleted box/new\\nline.txt", "deleted box/report\\u202etxt.exe"]


def test_errors_about_keys_are_escaped(cli: RunCli, box: Path) -> None:
    missing = cli("cat", f"box/missing-{ESCAPE_KEY}")
    assert missing.returncode == 1
    _no_raw_controls(missing.stderr)
    assert len(missing.stderr.decode().strip().splitlines()) == 1
    usage = cli("ls", "box", f"extra-{ESCAPE_KEY}")  # argparse: "unrecognized arguments: ..."
    assert usage.returncode == 2
    _no_raw_controls(usage.stderr)


def test_failed_items_of_a_download_are_escaped(cli: RunCli, box: Path, tmp_path: Path) -> None:
    # A folder in the way fails the item; the report names its key and the path, escaped.
    (box / "sub").mkdir()
    (box / "sub" / ESCAPE_KEY).write_bytes(b"y")
    out = tmp_path / "out"
    (out / "sub" / ESCAPE_KEY).mkdir(parents=True)
    result = cli("restore", "box", str(out))
    assert result.returncode == 1
    assert b"esc\\x1b[31mred" in result.stdout
    _no_raw_controls(result.stdout + result.stderr)
