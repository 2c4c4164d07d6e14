"""versioning, versions, cat/get/rm --version, revert, undelete [--as-of], snapshot: the CLI
as a script runs it, against moto, Swift (native and s3api) and Azurite; what the servers
hold afterwards is read with the SDKs."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storebrowser.core.types import CURRENT_BLOB
from storebrowser.providers.base import Provider
from storebrowser.versions.history import iter_versions
from tests.cli.conftest import CliResult, RunCli, journal_count
from tests.providers.backends import s3_moto_settings, s3_swift_settings
from tests.providers.conftest import unique_container_name
from tests.providers.versions_support import put, versions_of
from tests.versions.sdk_state import current_objects
from tests.versions.test_restore_servers import AT_THE_MOMENT, _history, moment

SECRET_ENV = "SB_TEST_VERSIONS_SECRET"
#: backend -> (the in-process provider fixture, the CLI account's kind, settings, secret)
Backend = tuple[str, str, dict[str, Any], tuple[str, str]]


def _ok(result: CliResult) -> bytes:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def _fails(result: CliResult, code: int, message: str) -> str:
    stderr = result.stderr.decode()
    assert result.returncode == code, stderr
    assert message in stderr and "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("storebrowser-cli")
    return stderr


def _backend(name: str, request: pytest.FixtureRequest) -> Backend:
    if name == "s3_moto":
        settings = s3_moto_settings(request.getfixturevalue("moto_server"))
    elif name == "s3_swift":
        settings = s3_swift_settings(request.getfixturevalue("swift_server"))
    elif name == "swift":
        server = request.getfixturevalue("swift_server")
        settings = {"auth_url": server.auth_url, "username": server.user, "api_key": server.key}
    else:
        settings = {"connection_string": request.getfixturevalue("azurite_server").connection_string}
    secret_field = {"s3_moto": "secret_access_key", "s3_swift": "secret_access_key", "swift": "api_key"}
    field = secret_field.get(name, "connection_string")
    kind = "s3" if name.startswith("s3") else name
    return f"{name}_provider", kind, settings, (field, str(settings.pop(field)))


@pytest.fixture
def account(cli: RunCli, request: pytest.FixtureRequest) -> Callable[[str], tuple[RunCli, Provider]]:
    """``account("s3_moto")`` -> (the CLI with that account, a provider on the same server)."""

    def make(name: str) -> tuple[RunCli, Provider]:
        fixture, kind, settings, (field, secret) = _backend(name, request)
        sets = [part for key, value in settings.items() for part in ("--set", f"{key}={value}")]
        added = cli("accounts", "add", name, "--kind", kind, *sets, "--secret-env", f"{field}={SECRET_ENV}",
                    "--secrets-in-file", env={SECRET_ENV: secret})  # fmt: skip
        _ok(added)

        def run(*args: str, **kwargs: Any) -> CliResult:
            return cli("--account", name, *args, **kwargs)

        return run, request.getfixturevalue(fixture)

    return make


@pytest.mark.parametrize("backend", ["s3_moto", "swift"])
def test_versions_of_one_object_on_the_command_line(
    account: Callable[[str], tuple[RunCli, Provider]], backend: str, tmp_path: Path
) -> None:
    run, provider = account(backend)
    container = unique_container_name()
    _ok(run("mb", container))
    state = json.loads(_ok(run("versioning", container, "--json")))
    assert (state["status"], "never" in state["reason"]) == ("never", True)
    assert json.loads(_ok(run("versioning", container, "on", "--json")))["status"] == "enabled"
    put(provider, container, "docs/a.txt", b"version one")
    put(provider, container, "docs/a.txt", b"version two!")
    _ok(run("rm", f"{container}/docs/a.txt"))
    rows = json.loads(_ok(run("versions", f"{container}/docs/", "-r", "--json")))
    assert [(r["key"], r["is_latest"], r["is_delete_marker"], r["size"]) for r in rows] == [
        ("docs/a.txt", True, True, 0),
        ("docs/a.txt", False, False, 12),
        ("docs/a.txt", False, False, 11),
    ]
    assert {"version_id", "modified", "etag"} <= set(rows[0])
    assert rows[2]["etag"] == hashlib.md5(b"version one").hexdigest()
    first = rows[2]["version_id"]
    assert _ok(run("cat", f"{container}/docs/a.txt", "--version", first)) == b"version one"
    assert _ok(run("cat", f"{container}/docs/a.txt", "--version", first, "--start", "8")) == b"one"
    got = json.loads(_ok(run("--json", "get", f"{container}/docs/a.txt", str(tmp_path), "--version", first)))
    label = "Swift ETag" if backend == "swift" else "S3 ETag"
    assert got["verified"] == f"verified: MD5 of the whole object ({label})"
    assert (tmp_path / "a.txt").read_bytes() == b"version one" and not list(tmp_path.glob("*.part"))
    text = _ok(run("versions", container)).decode()
    assert "PRE" in text and "docs/" in text
    # undelete brings the last version back, byte for byte
    _ok(run("undelete", f"{container}/docs/a.txt"))
    assert provider.read(container, "docs/a.txt") == b"version two!"
    _ok(run("revert", f"{container}/docs/a.txt", "--version", first))
    assert provider.read(container, "docs/a.txt") == b"version one"
    # deleting a version for good asks; a script without --yes is refused
    _fails(run("rm", f"{container}/docs/a.txt", "--version", first), 1, "not deleted")
    assert first in [v.version_id for v in versions_of(provider, container, "docs/a.txt")]
    _ok(run("rm", f"{container}/docs/a.txt", "--version", first, "--yes"))
    assert first not in [v.version_id for v in versions_of(provider, container, "docs/a.txt")]
    _fails(run("cat", f"{container}/docs/a.txt", "--version", first), 1, "no version")
    _ok(run("rb", container, "--force"))


@pytest.mark.parametrize("backend", ["s3_moto", "s3_swift", "swift"])
def test_undelete_as_of_brings_a_folder_back_to_the_moment(
    account: Callable[[str], tuple[RunCli, Provider]], backend: str, request: pytest.FixtureRequest
) -> None:
    run, provider = account(backend)
    container = unique_container_name()
    provider.create_container(container)
    provider.set_versioning(container, True)
    try:
        when = _history(provider, container)
        as_of = when.isoformat()
        before = current_objects(provider, container, "", request)
        where = f"{container}/f/"
        dry = json.loads(_ok(run("undelete", where, "-r", "--as-of", as_of, "--dry-run", "--json")))
        (plan,) = dry["plans"]
        assert plan["counts"] == {"keep": 1, "restore": 3, "undelete": 2, "delete": 2, "unknown": 0}
        assert current_objects(provider, container, "", request) == before  # a dry run changes nothing
        deleted = ("f/deleted.txt", "f/sub/deleted-deep.txt")
        then = {key: _last_kept(provider, container, key) for key in deleted}
        text = _ok(run("undelete", f"{container}/f/", "-r", "--as-of", as_of)).decode()
        assert "bring back" in text and "3 to restore" in text
        assert current_objects(provider, container, "f/", request) == AT_THE_MOMENT
        # Their delete markers were removed: the version of then is current itself (no copy).
        assert {key: versions_of(provider, container, key)[0].version_id for key in deleted} == then
        assert current_objects(provider, container, "outside/", request) == {"outside/o.txt": b"outside new"}
        again = json.loads(_ok(run("undelete", f"{container}/f/", "-r", "--as-of", as_of, "--json")))
        assert again["plans"][0]["counts"]["keep"] == 8
    finally:
        provider.delete_container(container, force=True)


def _last_kept(provider: Provider, container: str, key: str) -> str:
    """The id of the newest version of ``key`` that is not a delete marker."""
    return next(v.version_id for v in versions_of(provider, container, key) if not v.is_delete_marker)


def test_azure_snapshots_and_undelete_as_of(
    account: Callable[[str], tuple[RunCli, Provider]], request: pytest.FixtureRequest
) -> None:
    run, provider = account("azure")
    container = unique_container_name()
    _ok(run("mb", container))
    try:
        assert "snapshots" in _ok(run("versioning", container)).decode()
        _fails(run("versioning", container, "on"), 1, "storage account")
        for key, data in (("f/same", b"same"), ("f/changed", b"old"), ("f/sub/deep", b"deep")):
            put(provider, container, key, data)
        snapshot = ("--json", "snapshot", f"{container}/f/changed", f"{container}/f/sub/deep")
        taken = json.loads(_ok(run(*snapshot)))
        assert [row["key"] for row in taken] == ["f/changed", "f/sub/deep"]
        when = moment()
        put(provider, container, "f/changed", b"new")
        put(provider, container, "f/sub/deep", b"deep new")
        put(provider, container, "f/new", b"made after the moment")
        rows = json.loads(_ok(run("versions", f"{container}/f/changed", "--json")))
        assert [r["version_id"] for r in rows] == [CURRENT_BLOB, taken[0]["version_id"]]
        # Without the extra yes, the blob made since stays and the command says so.
        stderr = _fails(run("undelete", f"{container}/f/", "-r", "--as-of", when.isoformat()), 1, "f/new")
        assert "--permanently-delete" in stderr
        assert current_objects(provider, container, "f/", request)["f/new"] == b"made after the moment"
        _ok(run("undelete", f"{container}/f/", "-r", "--as-of", when.isoformat(), "--permanently-delete"))
        assert current_objects(provider, container, "f/", request) == {
            "f/same": b"same",
            "f/changed": b"old",
            "f/sub/deep": b"deep",
        }
    finally:
        _ok(run("rb", container, "--force"))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("undelete", "C/k", "--as-of", "yesterday"), 2, "not an ISO-8601 date"),
        (("versions", "box"), 1, "keeps no versions"),
        (("versioning", "box"), 0, ""),
        (("revert", "box/k", "--version", "1"), 1, "keeps no versions"),
        (("get", "box/a", "box/b", "DIR", "--version", "1"), 2, "takes one CONTAINER/KEY"),
    ],
)
def test_bad_input_and_no_versions_get_one_clear_line(
    cli: RunCli, args: tuple[str, ...], code: int, message: str
) -> None:
    _ok(cli("mb", "box"))
    result = cli(*args)
    if code == 0:
        assert b"unsupported" in _ok(result) and b"keeps no earlier versions" in result.stdout
        return
    _fails(result, code, message)


def test_an_unknown_version_is_one_clear_line(account: Callable[[str], tuple[RunCli, Provider]]) -> None:
    run, provider = account("s3_moto")
    container = unique_container_name()
    provider.create_container(container)
    provider.set_versioning(container, True)
    put(provider, container, "k", b"x")
    try:
        _fails(run("revert", f"{container}/k", "--version", "nope"), 1, "has no version 'nope'")
        _fails(run("rm", f"{container}/k", "--version", "nope", "--yes"), 1, "has no version 'nope'")
    finally:
        provider.delete_container(container, force=True)


def _version_counts(provider: Provider, container: str, prefix: str) -> Counter[str]:
    return Counter(entry.key for entry in iter_versions(provider, container, prefix) if not entry.is_prefix)


@pytest.mark.parametrize("backend", ["s3_moto", "swift"])
def test_a_restore_as_of_killed_midway_and_resumed_ends_as_at_the_moment(
    account: Callable[[str], tuple[RunCli, Provider]],
    cli_env: dict[str, str],
    request: pytest.FixtureRequest,
    backend: str,
) -> None:
    """The CLI restore is one engine job: SIGKILLed after some keys are journaled done,
    `jobs resume` finishes it; the prefix is then its state at the moment (read with the
    SDK), every key changed or made since got exactly one new version or marker, and every
    key deleted since lost its delete marker: its version of then is current itself (the
    key running at the kill, done again on resume, was found done and left alone)."""
    run, provider = account(backend)
    container = unique_container_name()
    provider.create_container(container)
    provider.set_versioning(container, True)
    try:
        for n in range(40):
            put(provider, container, f"k/{n:02d}", f"then {n}".encode())
        then_ids = {entry.key: entry.version_id for entry in iter_versions(provider, container, "k/")}
        when = moment()
        for n in range(24):  # changed since
            put(provider, container, f"k/{n:02d}", f"changed {n}".encode())
        for n in range(24, 32):  # deleted since
            provider.delete_object(container, f"k/{n:02d}")
        for n in range(8):  # made since
            put(provider, container, f"k/new{n}", b"new")
        at_the_moment = {f"k/{n:02d}": f"then {n}".encode() for n in range(40)}
        before = _version_counts(provider, container, "k/")
        args = [sys.executable, "-m", "storebrowser.cli", "--account", backend, "undelete", "-r",
                f"{container}/k/", "--as-of", when.isoformat()]  # fmt: skip
        child = subprocess.Popen(args, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        done = "select count(*) from items where state = 'done'"
        deadline = time.monotonic() + 60
        seen = 0
        while seen < 5 and child.poll() is None and time.monotonic() < deadline:
            seen = max(seen, journal_count(cli_env, done))
            time.sleep(0.005)
        if child.poll() is not None:
            assert seen, "the restore ran without journaling its keys: not an engine job"
            pytest.skip("the restore finished before it could be killed")
        child.send_signal(signal.SIGKILL)  # no chance to pause: the journal is all that is left
        child.communicate(timeout=60)
        done_at_kill = journal_count(cli_env, done)
        assert 5 <= done_at_kill < 40, done_at_kill
        assert current_objects(provider, container, "k/", request) != at_the_moment
        listed = json.loads(_ok(run("--json", "jobs", "list")))
        assert [row["kind"] for row in listed] == ["restore_as_of"]
        _ok(run("jobs", "resume"))
        assert current_objects(provider, container, "k/", request) == at_the_moment
        after = _version_counts(provider, container, "k/")
        undeleted = {f"k/{n:02d}" for n in range(24, 32)}
        changed = {f"k/{n:02d}" for n in range(24)} | {f"k/new{n}" for n in range(8)}
        assert {key: after[key] - before[key] for key in after} == {
            key: 1 if key in changed else -1 if key in undeleted else 0 for key in before
        }
        latest = {entry.key: entry.version_id for entry in iter_versions(provider, container, "k/")}
        assert {key: latest[key] for key in undeleted} == {key: then_ids[key] for key in undeleted}
        assert json.loads(_ok(run("--json", "jobs", "list"))) == []
    finally:
        provider.delete_container(container, force=True)
