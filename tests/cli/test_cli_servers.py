"""The CLI as a script runs it, against the real servers on 127.0.0.1."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import boto3
import pytest

from tests.cli.conftest import SWIFT_KEY_ENV, CliResult, RunCli
from tests.cli.conftest import ok as _ok
from tests.servers.moto_s3 import MotoServer
from tests.servers.swift_aio import SwiftServer

S3_SECRET_ENV = "SB_TEST_S3_SECRET"


def _name() -> str:
    return f"clitest-{uuid.uuid4().hex[:12]}"


def _s3(moto_server: MotoServer) -> Any:
    """boto3 straight at the moto server: another client than ours, to read back."""
    return boto3.client("s3", endpoint_url=moto_server.endpoint_url, region_name=moto_server.region,
                        aws_access_key_id="testing", aws_secret_access_key="testing")  # fmt: skip


@pytest.fixture
def moto(cli: RunCli, moto_server: MotoServer) -> RunCli:
    env = {S3_SECRET_ENV: moto_server.secret_key}
    _ok(
        cli(
            "accounts",
            "add",
            "mo",
            "--kind",
            "s3",
            "--set",
            f"endpoint_url={moto_server.endpoint_url}",
            "--set",
            f"access_key_id={moto_server.access_key}",
            "--set",
            "path_style=true",
            "--set",
            f"region={moto_server.region}",
            "--secret-env",
            f"secret_access_key={S3_SECRET_ENV}",
            "--secrets-in-file",
            env=env,
        )
    )

    def run(*args: str, **kwargs: object) -> CliResult:
        return cli("--account", "mo", *args, **kwargs)  # type: ignore[arg-type]

    return run


def _mixed_folder(root: Path) -> dict[str, bytes]:
    files = {
        "notes.txt": b"plain text\n" * 100,
        "empty.bin": b"",
        "deep/er/than/that.json": b'{"a": 1}',
        "ünïcødé name.txt": "ünï".encode(),
        "big/random.bin": os.urandom(3 * 1024 * 1024 + 12345),  # > 1 MiB parts: several
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def _member_bytes(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    stream = tar.extractfile(member)
    assert stream is not None
    return stream.read()


def test_backup_streams_in_parts_and_restores_byte_identical(swift: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "project"
    files = _mixed_folder(source)
    container = _name()
    report = json.loads(
        _ok(
            swift(
                "--json", "--part-size", "1", "backup", str(source), container, "--name", "{folder}-%Y.tar.gz"
            )
        )
    )
    assert report["container_created"] is True
    assert report["object"].startswith(f"{container}/project-") and report["size"] > 3 * 1024 * 1024
    restored = tmp_path / "restored"
    _ok(swift("restore", container, str(restored)))
    archive = next(restored.glob("project-*.tar.gz"))
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == report["sha256"]
    # Read the members, not extractall: its safe ``filter=`` is missing from Debian 12's 3.11.2.
    with tarfile.open(archive) as tar:
        unpacked = {m.name: _member_bytes(tar, m) for m in tar.getmembers() if m.isfile()}
    for name, data in files.items():
        assert unpacked[f"project/{name}"] == data
    # The backup went up as a Static Large Object: a manifest with segments.
    listing = json.loads(_ok(swift("--json", "ls", f"{container}_segments", "-r")))
    assert len(listing) >= 3


def test_put_get_and_restore_keep_the_structure(swift: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "site"
    files = _mixed_folder(source)
    container = _name()
    _ok(swift("mb", container))
    _ok(
        swift(
            "--part-size",
            "1",
            "put",
            f"{source}/",
            f"{container}/copy",
            "--meta",
            "owner=qa",
            "--content-type",
            "application/x-test",
        )
    )
    meta = json.loads(_ok(swift("--json", "meta", "get", f"{container}/copy/notes.txt")))
    # Uploads of local files also keep the file's time under rclone's key (issue 23).
    stored_mtime = float(meta["metadata"].pop("mtime"))
    assert stored_mtime == pytest.approx((source / "notes.txt").stat().st_mtime)
    assert meta["metadata"] == {"owner": "qa"} and meta["content_type"] == "application/x-test"
    _ok(swift("restore", f"{container}/copy/", str(tmp_path / "out")))
    for name, data in files.items():
        assert (tmp_path / "out" / "copy" / name).read_bytes() == data
    _ok(swift("get", f"{container}/copy/notes.txt", str(tmp_path / "single")))
    assert (tmp_path / "single" / "notes.txt").read_bytes() == files["notes.txt"]


def test_rb_force_empties_and_removes(swift: RunCli, tmp_path: Path) -> None:
    container = _name()
    _ok(swift("mb", container))
    (tmp_path / "f.txt").write_text("x")
    _ok(swift("put", str(tmp_path / "f.txt"), f"{container}/a/"))
    refused = swift("rb", container)
    assert refused.returncode == 1 and b"Traceback" not in refused.stderr
    _ok(swift("rb", container, "--force"))
    assert container not in _ok(swift("ls")).decode().split()


@pytest.mark.parametrize(("start", "end"), [(0, 1), (5, None), (-3, None), (2, -2), (9, 100), (50, None)])
def test_cat_matches_python_slicing_on_s3(
    moto: RunCli, moto_server: MotoServer, start: int, end: int | None
) -> None:
    container = _name()
    _ok(moto("mb", container))
    s3 = _s3(moto_server)
    data = bytes(range(256)) * 4
    s3.put_object(Bucket=container, Key="blob.bin", Body=data)
    args = ["cat", f"{container}/blob.bin", f"--start={start}"] + ([] if end is None else [f"--end={end}"])
    assert _ok(moto(*args)) == data[start:end]


def test_a_hostile_key_on_restore_writes_nothing_outside(
    moto: RunCli, moto_server: MotoServer, tmp_path: Path
) -> None:
    container = _name()
    _ok(moto("mb", container))
    s3 = _s3(moto_server)
    s3.put_object(Bucket=container, Key="../../escaped.txt", Body=b"evil")
    s3.put_object(Bucket=container, Key="fine.txt", Body=b"good")
    target = tmp_path / "deep" / "restore"
    result = moto("restore", container, str(target))
    assert result.returncode == 1
    assert b"cannot be saved as a local file" in result.stderr or b"cannot be saved" in result.stdout
    assert (target / "fine.txt").read_bytes() == b"good"
    assert not list(tmp_path.rglob("escaped.txt"))


def test_put_and_get_of_several_sources_are_one_job_each(
    moto: RunCli, moto_server: MotoServer, tmp_path: Path
) -> None:
    container = _name()
    _ok(moto("mb", container))
    files = _mixed_folder(tmp_path / "proj")
    (tmp_path / "a.txt").write_bytes(b"a")
    (tmp_path / "b.bin").write_bytes(os.urandom(2 * 1024 * 1024 + 7))
    sources = [str(tmp_path / "a.txt"), str(tmp_path / "b.bin"), str(tmp_path / "proj")]
    put = json.loads(_ok(moto("--json", "--part-size", "1", "put", *sources, f"{container}/in")))
    assert put["jobs"] == 1 and put["items"] == put["done"] == 2 + len(files) and put["failed"] == {}
    s3 = _s3(moto_server)
    assert s3.get_object(Bucket=container, Key="in/b.bin")["Body"].read() == (tmp_path / "b.bin").read_bytes()
    for name, data in files.items():
        assert s3.get_object(Bucket=container, Key=f"in/proj/{name}")["Body"].read() == data

    out = tmp_path / "out"
    got = json.loads(_ok(moto("--json", "get", f"{container}/in/a.txt", f"{container}/in/b.bin",
                              f"{container}/in/proj/deep/", str(out))))  # fmt: skip
    assert got["jobs"] == 1 and got["items"] == got["done"] == 3
    assert (out / "a.txt").read_bytes() == b"a"
    assert (out / "b.bin").read_bytes() == (tmp_path / "b.bin").read_bytes()
    assert (out / "deep" / "er" / "than" / "that.json").read_bytes() == files["deep/er/than/that.json"]
    assert not list(out.rglob("*.part"))


def test_several_sources_landing_on_one_name_are_refused(moto: RunCli, tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(folder)
    put = moto("put", str(tmp_path / "one" / "x.txt"), str(tmp_path / "two" / "x.txt"), "c/")
    assert put.returncode == 2 and b"would both be uploaded as c/x.txt" in put.stderr
    get = moto("get", "c/a/x.txt", "c/b/x.txt", str(tmp_path / "out"))
    assert get.returncode == 2 and b"would both land in" in get.stderr
    across = moto("get", "c/a/x.txt", "d/x.txt", str(tmp_path / "out"))  # two containers, two jobs
    assert across.returncode == 2 and b"c/a/x.txt and d/x.txt would both land in" in across.stderr
    assert not (tmp_path / "out").exists()


def test_bad_meta_and_missing_container(moto: RunCli, tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("x")
    bad_meta = moto("put", str(tmp_path / "f.txt"), "anything/", "--meta", "novalue")
    assert bad_meta.returncode == 2 and b"expected KEY=VALUE" in bad_meta.stderr
    missing = moto("put", str(tmp_path / "f.txt"), f"{_name()}/")
    assert missing.returncode == 1
    assert len(missing.stderr.decode().strip().splitlines()) == 1


def test_publish_to_swift_serves_index_and_error_pages(swift: RunCli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>Hello from StoreBrowser</h1>")
    (site / "error.html").write_text("<h1>Generic error</h1>")
    (site / "404error.html").write_text("<h1>Custom not found</h1>")  # staticweb: <status><suffix>
    (site / "css").mkdir()
    (site / "css" / "style.css").write_text("h1 { color: teal }")
    container = _name()
    out = json.loads(_ok(swift("--json", "publish", container, str(site), "--error", "error.html")))
    url = out["url"]
    with urllib.request.urlopen(url, timeout=30) as reply:
        assert b"Hello from StoreBrowser" in reply.read()
    with urllib.request.urlopen(url + "css/style.css", timeout=30) as reply:
        assert reply.headers["Content-Type"].startswith("text/css")
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(url + "no/such/page.html", timeout=30)
    assert missing.value.code == 404 and b"Custom not found" in missing.value.read()


def test_secrets_never_reach_arguments_or_output(swift: RunCli, swift_server: SwiftServer) -> None:
    for args in (("--json", "accounts", "list"), ("--debug", "ls"), ("accounts", "test", "sw")):
        result = swift(*args)
        assert result.returncode == 0, result.stderr
        assert swift_server.key.encode() not in result.stdout + result.stderr
    # The stored settings file has no secret either (it is in the 0600 secrets file).
    assert swift_server.key not in io.StringIO(_ok(swift("--json", "accounts", "list")).decode()).read()


def _journal_parts(cli_env: dict[str, str]) -> int:
    import sqlite3

    path = Path(cli_env["XDG_STATE_HOME"]) / "StoreBrowser" / "transfers.sqlite3"
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(path)) as db:
        try:
            return int(db.execute("select count(*) from parts").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _interrupted_put(
    swift: RunCli, cli_env: dict[str, str], swift_server: SwiftServer, tmp_path: Path
) -> tuple[str, bytes]:
    """Start a large put in a child process, Ctrl-C it once parts are journaled."""
    big = tmp_path / "big.bin"
    data = os.urandom(48 * 1024 * 1024)
    big.write_bytes(data)
    container = _name()
    _ok(swift("mb", container))
    env = {**cli_env, SWIFT_KEY_ENV: swift_server.key}
    args = [
        sys.executable,
        "-m",
        "storebrowser.cli",
        "--account",
        "sw",
        "--part-size",
        "1",
        "put",
        str(big),
        f"{container}/big.bin",
    ]
    # Ctrl-C as at a terminal: whatever SIGINT disposition and mask the test process has
    # (a child inherits both through fork and exec), the CLI starts with Python's handler.
    child = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_default_sigint
    )
    deadline = time.monotonic() + 60
    while _journal_parts(cli_env) < 3 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if child.poll() is not None:
        pytest.skip("the upload finished before it could be interrupted")
    child.send_signal(signal.SIGINT)
    _out, err = child.communicate(timeout=60)
    parent = (signal.getsignal(signal.SIGINT), signal.pthread_sigmask(signal.SIG_BLOCK, []))
    assert child.returncode == 1 and b"jobs resume" in err, (child.returncode, err[-2000:], parent)
    return container, data


def test_an_interrupted_put_is_listed_and_resumed(
    swift: RunCli, cli_env: dict[str, str], swift_server: SwiftServer, tmp_path: Path
) -> None:
    container, data = _interrupted_put(swift, cli_env, swift_server, tmp_path)
    listed = json.loads(_ok(swift("--json", "jobs", "list")))
    assert [row["target"] for row in listed] == [f"{container}/big.bin"]
    _ok(swift("jobs", "resume"))
    _ok(swift("get", f"{container}/big.bin", str(tmp_path / "back")))
    assert (tmp_path / "back" / "big.bin").read_bytes() == data
    assert json.loads(_ok(swift("--json", "jobs", "list"))) == []


def test_an_interrupted_put_can_be_cancelled_leaving_no_segments(
    swift: RunCli, cli_env: dict[str, str], swift_server: SwiftServer, tmp_path: Path
) -> None:
    container, _data = _interrupted_put(swift, cli_env, swift_server, tmp_path)
    [job] = json.loads(_ok(swift("--json", "jobs", "list")))
    _ok(swift("jobs", "cancel", job["id"]))
    assert json.loads(_ok(swift("--json", "jobs", "list"))) == []
    assert json.loads(_ok(swift("--json", "ls", container, "-r"))) == []
    segments = swift("--json", "ls", f"{container}_segments", "-r")
    assert segments.returncode == 1 or json.loads(segments.stdout) == []


def test_url_on_swift_asks_before_giving_the_account_a_temp_url_key(
    swift: RunCli, swift_server: SwiftServer, tmp_path: Path
) -> None:
    from swiftclient.client import Connection

    sdk = Connection(authurl=swift_server.auth_url, user=swift_server.user, key=swift_server.key)
    sdk.post_account({"X-Remove-Account-Meta-Temp-URL-Key": "x", "X-Remove-Account-Meta-Temp-URL-Key-2": "x"})
    container = _name()
    (tmp_path / "shared.txt").write_bytes(b"shared")
    _ok(swift("mb", container))
    _ok(swift("put", str(tmp_path / "shared.txt"), f"{container}/"))
    refused = swift("url", f"{container}/shared.txt")  # no terminal: the answer is no
    assert refused.returncode == 1 and b"temp-URL key" in refused.stderr
    assert not sdk.head_account().get("x-account-meta-temp-url-key")
    url = _ok(swift("url", f"{container}/shared.txt", "--allow-account-change")).decode().strip()
    with urllib.request.urlopen(url, timeout=30) as reply:
        assert reply.read() == b"shared"
    _ok(swift("rb", container, "--force"))
