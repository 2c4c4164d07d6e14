"""Never a wrong byte, as a script sees it: `get`/`restore --conflict resume` over a
``.part`` file with a hole, `jobs list`/`jobs resume` after retries ran out."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from storebrowser.core.errors import Transient
from storebrowser.core.ranges import ByteRange
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import JobKind, Journal, State, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from tests.cli.conftest import RunCli
from tests.cli.conftest import ok as _ok
from tests.servers.swift_aio import SwiftServer
from tests.transfers.helpers import FAST_RETRY, Counting

MiB = 1024 * 1024


def _segmented(swift: RunCli, tmp_path: Path) -> tuple[str, bytes]:
    """A 5.5 MiB object stored as an SLO of 1 MiB segments; returns its container."""
    container = f"cliint-{uuid.uuid4().hex[:10]}"
    data = os.urandom(5 * MiB + MiB // 2)
    source = tmp_path / "big.bin"
    source.write_bytes(data)
    _ok(swift("mb", container))
    _ok(swift("--part-size", "1", "put", str(source), f"{container}/d/"))
    return container, data


@pytest.mark.parametrize("command", ["get", "restore"])
def test_resume_over_a_part_file_with_a_hole_ends_byte_identical(swift: RunCli, tmp_path: Path, command: str):
    container, data = _segmented(swift, tmp_path)
    out = tmp_path / "out"
    part = (out / "big.bin.part") if command == "get" else (out / "d" / "big.bin.part")
    part.parent.mkdir(parents=True)
    # As a killed or failed run leaves it: full length, an early part never written.
    part.write_bytes(data[:MiB] + bytes(MiB) + data[2 * MiB :])
    source = f"{container}/d/big.bin" if command == "get" else f"{container}/d/"
    report = json.loads(
        _ok(swift("--json", "--part-size", "1", command, source, str(out), "--conflict", "resume"))
    )
    landed = out / "big.bin" if command == "get" else out / "d" / "big.bin"
    assert landed.read_bytes() == data
    assert report["notes"] == ["verified: MD5 of 6 segments (Swift SLO manifest)"]
    assert not list(out.rglob("*.part"))


def test_a_download_whose_retries_ran_out_is_listed_and_resumed(
    swift: RunCli, cli_env: dict[str, str], swift_server: SwiftServer, tmp_path: Path
):
    container, data = _segmented(swift, tmp_path)
    out = tmp_path / "out"
    provider = open_provider(
        "swift",
        {"auth_url": swift_server.auth_url, "username": swift_server.user, "api_key": swift_server.key},
    )
    provider.connect()
    failing = Counting(provider)

    def reset_the_third(byte_range: ByteRange) -> None:
        if byte_range.start == 2 * MiB:
            raise Transient("connection reset by peer (test)")

    failing.before_read = reset_the_third
    # The journal the CLI uses, and the account name it knows.
    journal = Journal(Path(cli_env["XDG_STATE_HOME"]) / "StoreBrowser" / "transfers.sqlite3")
    engine = TransferEngine(
        {"sw": failing},  # type: ignore[dict-item]
        journal,
        part_size=MiB,
        part_concurrency=1,
        retry=FAST_RETRY,
    )
    job = engine.submit(JobSpec(JobKind.DOWNLOAD_PREFIX, "sw", container, key="d/", local=str(out)))
    assert engine.wait_idle(120)
    assert engine.snapshot().job(job).state is State.FAILED
    engine.shutdown()
    journal.close()
    assert (out / "d" / "big.bin.part").exists()

    listed = json.loads(_ok(swift("--json", "jobs", "list")))
    assert [(row["id"], row["state"]) for row in listed] == [(job, "failed")]
    report = json.loads(_ok(swift("--json", "jobs", "resume")))
    assert report["done"] == 1 and report["failed"] == {}
    assert (out / "d" / "big.bin").read_bytes() == data
    assert not list(out.rglob("*.part"))
    assert json.loads(_ok(swift("--json", "jobs", "list"))) == []
