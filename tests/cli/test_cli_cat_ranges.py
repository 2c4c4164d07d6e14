"""``cat --start/--end`` as a script sees it, on each real server: a range proven (Azure
by the MD5 of each read; S3 and Swift by the whole object when it is at most 4 MiB) says
nothing; a range of a larger S3 or Swift object is written all the same, with one line
on stderr that it is not checked (one JSON object with --json). stdout holds the bytes
only. (Damaged reads: tests/transfers/test_range_read.py.)"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli
from tests.cli.conftest import ok as _ok
from tests.cli.test_cli_servers import moto  # noqa: F401 - the fixture
from tests.cli.test_cli_tiers import azure  # noqa: F401 - the fixture

ACCOUNTS = ["moto", "swift", "azure"]
#: The most `cat` reads whole to prove a range (``range_read.PROVE_WHOLE_UP_TO``, said in its help).
PROVE_WHOLE_UP_TO = 4 * 1024 * 1024


def _put(run: RunCli, tmp_path: Path, size: int) -> tuple[str, bytes]:
    container = f"catrange-{uuid.uuid4().hex[:10]}"
    data = os.urandom(size)
    (tmp_path / f"{size}.bin").write_bytes(data)
    _ok(run("mb", container))
    _ok(run("put", str(tmp_path / f"{size}.bin"), f"{container}/"))
    return f"{container}/{size}.bin", data


@pytest.mark.parametrize("account", ACCOUNTS)
def test_a_range_of_a_large_object_is_proven_on_azure_and_said_unchecked_elsewhere(
    account: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    run: RunCli = request.getfixturevalue(account)
    small_name, small = _put(run, tmp_path, 300 * 1024)
    proven = run("cat", small_name, "--start", "1000", "--end", "-1000")
    assert proven.returncode == 0, proven.stderr.decode()
    assert proven.stdout == small[1000:-1000] and proven.stderr == b""  # proven: nothing to say

    name, data = _put(run, tmp_path, PROVE_WHOLE_UP_TO + 1)
    text = run("cat", name, "--start", "10", "--end", "20")
    as_json = run("--json", "cat", name, "--start", "-5")
    assert text.returncode == 0 and as_json.returncode == 0, (text.stderr, as_json.stderr)
    assert text.stdout == data[10:20] and as_json.stdout == data[-5:]
    if account == "azure":
        assert text.stderr == b"" and as_json.stderr == b""
        return
    line = text.stderr.decode()
    assert line.count("\n") == 1 and line.startswith(
        f"storebrowser-cli: bytes 10-19 of {name} are not checked: "
    )
    assert "the service proves no part of an object" in line
    said = json.loads(as_json.stderr)
    size = PROVE_WHOLE_UP_TO + 1
    assert said == {"object": name, "start": size - 5, "end": size, "checked": False, "note": said["note"]}
    assert said["note"].startswith("not checked: ")
