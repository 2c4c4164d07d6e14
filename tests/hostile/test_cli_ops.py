"""The CLI on hostile keys: each command addresses exactly the object named (read back
with another client) or refuses it in one line; downloads write nothing outside the
folder chosen (issue 17, defect 2 and the hostile-key suite).

The issue's own cases are here as they were typed: ``put p.txt 'C/../other/'``,
``backup --name '../x.tar.gz'``, ``cat 'C/../escape1.txt'``, ``ls .``, ``mb .``, ``rb .``.
Every provider operation runs on every backend in test_provider_ops.py (and the engine's
moves in test_engine_ops.py); here the CLI runs where names are refused (local, Azure)
and where the HTTP stack used to lose them (Swift). S3 is left out for time: botocore
sends keys as they are, the provider suite proves it on s3api and moto, and each S3
command of the CLI pays ~0.5 s for a fresh boto3 session (tests/cli/test_cli_servers.py
runs the S3 commands).
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.cli import progress
from tests.hostile.cli_support import CliRun, cli_account, files_under, one_clear_line, run_cli
from tests.hostile.conftest import Store, open_store
from tests.hostile.keys import BY_NAME, REFUSED, Hostile, refused, sample, stored
from tests.servers.base import http_request

CLI_BACKENDS = ["local", "swift", "azure"]
#: Where the service cannot store names with dot segments (the CLI refuses, in one line).
NO_DOTS = {"local", "azure"}


@pytest.fixture(scope="module", params=CLI_BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from open_store(request, tmp_path_factory)


@pytest.fixture(scope="module")
def account(store: Store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with cli_account(store.kind, store.settings, tmp_path_factory.mktemp("cli-home")) as name:
        yield name


@pytest.fixture(autouse=True)
def _prompt_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI looks whether its jobs are done every 0.25 s; sooner here, for time."""
    monkeypatch.setattr(progress, "REFRESH_S", 0.01)


def _ok(run: CliRun) -> CliRun:
    assert run.code == 0, run.err
    return run


def _expect(store: Store, hostile: Hostile, run: CliRun, box: str) -> str | None:
    """Why ``run`` (which wrote ``hostile``) did not store it exactly or refuse it cleanly."""
    if hostile.name in REFUSED[store.name]:
        return one_clear_line(run)
    if run.code != 0:
        return f"exit {run.code}: {run.err.strip()}"
    got = store.raw.read(box, hostile.key)
    return None if got == hostile.data else f"another client reads {got[:60]!r}"


def test_put_and_backup_name_exactly(store: Store, box: str, account: str, tmp_path: Path) -> None:
    containers = store.raw.containers()
    source = tmp_path / "p.txt"
    keys = [BY_NAME[name] for name in ("dotdot", "only-dot", "escape", "newline")]
    problems = []
    for hostile in keys:
        source.write_bytes(hostile.data)
        if why := _expect(store, hostile, run_cli("put", str(source), f"{box}/{hostile.key}"), box):
            problems.append(f"{hostile.name}: {why}")
    assert not problems, "\n".join(problems)
    written = {h.key for h in keys if h.name not in REFUSED[store.name]}

    # Into a "folder" with a dot segment: the file keeps its name under it.
    into = run_cli("put", str(source), f"{box}/../other/")
    # A backup named with one: the size and SHA-256 printed are those of what is stored.
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "a.txt").write_text("backed up")
    backup = run_cli("--json", "backup", "--name", "../x.tar.gz", str(folder), f"{box}/")
    if store.name in NO_DOTS:
        assert one_clear_line(into) is None and one_clear_line(backup) is None, (into, backup)
    else:
        _ok(into)
        assert store.raw.read(box, "../other/p.txt") == source.read_bytes()
        report = json.loads(_ok(backup).out)
        stored_bytes = store.raw.read(box, "../x.tar.gz")
        assert report["object"] == f"{box}/../x.tar.gz"
        assert report["size"] == len(stored_bytes)
        assert report["sha256"] == hashlib.sha256(stored_bytes).hexdigest()
        with tarfile.open(fileobj=io.BytesIO(stored_bytes)) as tar:
            assert tar.getnames() == ["site", "site/a.txt"]
        written |= {"../other/p.txt", "../x.tar.gz"}
    assert store.raw.keys(box) == written
    assert store.raw.containers() == containers  # nothing in a container 'other' or 'x.tar.gz'


def test_reads_and_changes_address_exactly(store: Store, box: str, account: str) -> None:
    keys = sample(store.name)
    for hostile in keys:
        store.raw.write(box, hostile.key, hostile.data)
    store.raw.write(box, "escape1.txt", b"not this one")
    problems = []
    for hostile in keys[:3]:  # cat 'C/../escape1.txt' and its kind
        cat = run_cli("cat", f"{box}/{hostile.key}")
        if (cat.code, cat.out) != (0, hostile.data):
            problems.append(f"cat {hostile.name}: exit {cat.code}, {cat.out[:60]!r} {cat.err.strip()}")
    assert not problems, "\n".join(problems)
    if store.name not in NO_DOTS:
        assert one_clear_line(run_cli("cat", f"{box}/../escape1.txt")) is None  # not there: an error
    for hostile in refused(store.name)[:1]:
        assert one_clear_line(run_cli("cat", f"{box}/{hostile.key}")) is None, hostile

    listed = json.loads(_ok(run_cli("--json", "ls", "-r", box)).out)
    assert sorted(row["key"] for row in listed) == sorted([h.key for h in keys] + ["escape1.txt"])
    shown = _ok(run_cli("ls", "-r", box)).out
    assert b"\x1b" not in shown and len(shown.splitlines()) == len(keys) + 1

    first = keys[0]
    if store.provider.capabilities.user_metadata:
        _ok(run_cli("meta", "set", f"{box}/{first.key}", f"name={first.name}"))
        assert store.raw.metadata(box, first.key).get("name") == first.name
    _ok(run_cli("cp", f"{box}/{first.key}", f"{box}/copy/{first.key}"))
    assert store.raw.read(box, f"copy/{first.key}") == first.data
    deleted = _ok(run_cli("rm", *(f"{box}/{h.key}" for h in keys)))
    assert b"\x1b" not in deleted.out
    assert store.raw.keys(box) == {f"copy/{first.key}", "escape1.txt"}


def test_downloads_stay_in_the_folder(store: Store, box: str, account: str, tmp_path: Path) -> None:
    keys = stored(store.name)
    for hostile in keys:
        store.raw.write(box, hostile.key, hostile.data)
    target = tmp_path / "target"
    run = run_cli("--json", "restore", box, str(target))
    report = json.loads(run.out)
    files = files_under(target)
    # Every file holds the object whose key is its path: nothing landed under another name.
    assert all(data.decode() == path for path, data in files.items()), files.keys()
    assert set(files) | set(report["failed"]) == {h.key for h in keys}
    assert all(why.strip() for why in report["failed"].values())
    assert run.code == (1 if report["failed"] else 0), run.err
    assert {p.name for p in tmp_path.iterdir()} == {"target"}  # nothing written beside it
    some = [h for h in sample(store.name) if h.key.rpartition("/")[2] not in ("", ".", "..")][:3]
    got = run_cli("get", *(f"{box}/{h.key}" for h in some), str(tmp_path / "got"))
    assert got.code == 0, got.err
    assert files_under(tmp_path / "got") == {h.key.rpartition("/")[2]: h.data for h in some}


def test_urls_and_sites_name_exactly(store: Store, box: str, account: str, tmp_path: Path) -> None:
    capabilities = store.provider.capabilities
    if not (capabilities.presigned_urls or capabilities.static_website):
        pytest.skip(f"{store.name} makes no URLs and no sites")
    linked = sample(store.name)[:2] if capabilities.presigned_urls else []
    for hostile in linked:
        store.raw.write(box, hostile.key, hostile.data)
        url = _ok(run_cli("url", "--allow-account-change", f"{box}/{hostile.key}")).text.strip()
        reply = http_request("GET", url, timeout=30)
        assert (reply.status, reply.body) == (200, hostile.data), hostile
    if not capabilities.static_website:
        return
    site = tmp_path / "site"
    names = ["esc\x1b[1m.html", "new\nline.html", "report\u202elmth.exe", "cafe\u0301.html"]
    (site / "sub").mkdir(parents=True)
    for name in names:
        (site / "sub" / name).write_text(name)
    (site / "index.html").write_text("home")
    run = run_cli("publish", box, str(site))
    refused_names = {n for n in names if "\x1b" in n or "\n" in n} if store.name == "azure" else set()
    expected = {"index.html"} | {f"sub/{n}" for n in names if n not in refused_names}
    assert store.raw.keys(box) == expected | {h.key for h in linked}
    assert run.code == (1 if refused_names else 0), run.err
    for key in expected - {"index.html"}:
        assert store.raw.read(box, key) == key[4:].encode()


def test_dot_containers_are_refused(store: Store, account: str) -> None:
    containers = store.raw.containers()
    for command in (("ls", "."), ("mb", "."), ("rb", "..")):
        run = run_cli(*command)
        assert run.code == 1 and len(run.err.strip().splitlines()) == 1, (command, run.err)
        assert "not a valid container name" in run.err, run.err
    assert store.raw.containers() == containers
