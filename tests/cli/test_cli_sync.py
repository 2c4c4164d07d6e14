"""check and sync as a script runs them, against moto, Swift (native and s3api) and
Azurite; what the servers hold afterwards is read with the services' SDKs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storebrowser.core.mtime import stored_mtime
from storebrowser.sync.compare import HASH_UP_TO
from tests.cli.conftest import RunCli, journal_count
from tests.cli.sync_support import (
    BACKENDS,
    add_account,
    counted_account,
    local_tree,
    make_tree,
    ok,
    provider_of,
    remote_tree,
    settings_of,
    write_requests,
)
from tests.providers.conftest import unique_container_name
from tests.servers.counting_proxy import CountingProxy


@pytest.fixture
def proxies() -> Iterator[list[CountingProxy]]:
    opened: list[CountingProxy] = []
    yield opened
    for proxy in opened:
        proxy.__exit__(None, None, None)


def _proxy(opened: list[CountingProxy], port: int) -> CountingProxy:
    proxy = CountingProxy(port).__enter__()
    opened.append(proxy)
    return proxy


def _json(result: bytes) -> dict[str, object]:
    value = json.loads(result)
    assert isinstance(value, dict)
    return value


@pytest.mark.parametrize("backend", BACKENDS)
def test_sync_up_then_check_same_and_the_tree_byte_for_byte(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, backend, *settings_of(backend, request))
    provider = provider_of(backend, request)
    container = unique_container_name()
    ok(run("mb", container))
    local = tmp_path / "tree"
    files = make_tree(local)
    right = f"{backend}:{container}/backup/"
    ok(run("sync", str(local), right, "--json"))
    assert remote_tree(provider, container, "backup/", request) == files
    # Every object keeps its file's modification time, to the nanosecond (rclone's key).
    for key in files:
        info = provider.stat(container, "backup/" + key)
        assert stored_mtime(info.metadata) == local.joinpath(*key.split("/")).stat().st_mtime_ns, key
    checked = run("check", str(local), right, "--json")
    assert checked.returncode == 0, checked.stderr.decode()
    report = _json(checked.stdout)
    assert report["identical"] is True and report["counts"] == {
        "only_left": 0, "only_right": 0, "different": 0, "same": len(files)}  # fmt: skip
    # Small files by their content where each time would cost a HEAD (S3, Swift:
    # HASH_UP_TO); by the stored times (checked above) where the listing carries them
    # (Azure), as a large file everywhere (the next test).
    listed_times = backend == "azure"
    assert report["same_by"] == {"mtime" if listed_times else "md5": len(files)}
    assert report["hashed"] == (0 if listed_times else len(files))
    by_content = _json(ok(run("check", str(local), right, "--checksum", "--json")))
    assert by_content["same_by"] == {"md5": len(files)} and by_content["hashed"] == len(files)
    # A second sync has nothing to do.
    again = _json(ok(run("sync", str(local), right, "--json")))
    assert (again["add"], again["update"], again["delete"]) == ([], [], [])


@pytest.mark.parametrize("backend", BACKENDS)
def test_dry_run_lists_exactly_the_changes_and_writes_nothing(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest, proxies: list[CountingProxy]
) -> None:
    run, proxy = counted_account(cli, backend, request, lambda port: _proxy(proxies, port))
    container = unique_container_name()
    ok(run("mb", container))
    local = tmp_path / "tree"
    make_tree(local)
    right = f"{backend}_counted:{container}"
    ok(run("sync", str(local), right))
    (local / "a.txt").write_bytes(b"alpha, changed\n")  # a new size
    same_size = local / "docs" / "readme.md"
    same_size.write_bytes(same_size.read_bytes().upper())  # same size, a new time
    (local / "docs" / "new.txt").write_bytes(b"new")
    (local / "empty.bin").unlink()
    proxy.reset()
    planned = _json(ok(run("sync", str(local), right, "--dry-run", "--delete", "--json")))
    assert write_requests(proxy) == []
    assert planned["add"] == ["docs/new.txt"]
    assert sorted(planned["update"]) == ["a.txt", "docs/readme.md"]  # type: ignore[call-overload]
    assert planned["delete"] == ["empty.bin"]
    differs = run("check", str(local), right, "--json")
    assert differs.returncode == 1, differs.stderr.decode()
    assert write_requests(proxy) == []
    # Without --delete, nothing is deleted; with it, the two end the same.
    ok(run("sync", str(local), right))
    assert run("check", str(local), right).returncode == 1  # empty.bin is still there
    ok(run("sync", str(local), right, "--delete"))
    assert run("check", str(local), right).returncode == 0


@pytest.mark.parametrize("backend", ["s3_moto", "azure"])
def test_sync_down_into_a_folder_then_check_same(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, backend, *settings_of(backend, request))
    container = unique_container_name()
    ok(run("mb", container))
    up = tmp_path / "up"
    files = make_tree(up)
    ok(run("sync", str(up), f"{backend}:{container}/p"))
    down = tmp_path / "down"
    ok(run("sync", f"{backend}:{container}/p", str(down)))
    assert local_tree(down) == files
    # Each file takes its object's stored time: the same to the nanosecond as the original.
    for key in files:
        path = key.split("/")
        assert down.joinpath(*path).stat().st_mtime_ns == up.joinpath(*path).stat().st_mtime_ns, key
    assert run("check", f"{backend}:{container}/p", str(down)).returncode == 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_sync_down_asks_no_head_of_the_objects_it_lists(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest, proxies: list[CountingProxy]
) -> None:
    """Each file's time comes from its GET's own reply (rclone's ``mtime``), its check from
    the listing's MD5: no HEAD per object. (An empty object still costs one: there is no
    read whose reply could say its time.)"""
    run, proxy = counted_account(cli, backend, request, lambda port: _proxy(proxies, port))
    container = unique_container_name()
    ok(run("mb", container))
    up = tmp_path / "up"
    files = make_tree(up)
    ok(run("sync", str(up), f"{backend}_counted:{container}/p"))
    down = tmp_path / "down"
    proxy.reset()
    ok(run("sync", f"{backend}_counted:{container}/p", str(down)))
    heads = [line for line in proxy.request_lines if line.startswith("HEAD ") and "/p/" in line]
    assert len(heads) <= 1 and all("empty.bin" in line for line in heads), heads
    assert local_tree(down) == files
    for key in files:
        path = key.split("/")
        assert down.joinpath(*path).stat().st_mtime_ns == up.joinpath(*path).stat().st_mtime_ns, key


def test_between_two_containers_of_one_account(
    cli: RunCli, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, "s3_moto", *settings_of("s3_moto", request))
    provider = provider_of("s3_moto", request)
    first, second = unique_container_name(), unique_container_name()
    ok(run("mb", first))
    local = tmp_path / "tree"
    files = make_tree(local)
    ok(run("sync", str(local), f"s3_moto:{first}"))
    ok(run("sync", f"s3_moto:{first}", f"s3_moto:{second}/copy/"))  # the second is created
    assert remote_tree(provider, second, "copy/", request) == files
    assert run("check", f"s3_moto:{first}", f"s3_moto:{second}/copy").returncode == 0
    assert run("check", str(local), f"s3_moto:{second}/copy").returncode == 0


def test_overlapping_places_and_a_missing_folder_are_refused(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    inside = cli("sync", str(tmp_path / "a"), str(tmp_path / "a" / "b"))
    assert inside.returncode == 2 and b"overlap" in inside.stderr and b"Traceback" not in inside.stderr
    missing = cli("check", str(tmp_path / "nope"), str(tmp_path / "a"))
    assert missing.returncode == 2 and b"no such folder" in missing.stderr


@pytest.mark.parametrize("backend", ["s3_moto", "swift", "azure"])
def test_check_against_a_container_or_folder_that_does_not_exist_says_so(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """As rclone check: nothing to compare against is an error (2), not "everything is
    only on the left"; a sync into it creates it (the other tests)."""
    run = add_account(cli, backend, *settings_of(backend, request))
    local = tmp_path / "tree"
    make_tree(local)
    absent = unique_container_name()
    for left, right, what in (
        (str(local), f"{backend}:{absent}", b"no such container"),
        (f"{backend}:{absent}", str(local), b""),
        (f"{backend}:{absent}", str(tmp_path / "nope"), b""),
    ):
        result = run("check", left, right)
        assert result.returncode == 2, (left, right, result.stdout)
        assert what in result.stderr and b"Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    (tmp_path / "empty").mkdir()
    assert run("check", str(tmp_path / "empty"), str(tmp_path / "nope")).stderr.strip().endswith(
        b"nope: no such folder"
    )


def test_sync_down_with_delete_removes_the_folders_it_empties_and_no_other(
    cli: RunCli, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, "s3_moto", *settings_of("s3_moto", request))
    container = unique_container_name()
    ok(run("mb", container))
    up = tmp_path / "up"
    (up / "old" / "deep").mkdir(parents=True)
    (up / "old" / "deep" / "a.txt").write_bytes(b"a")
    (up / "keep.txt").write_bytes(b"k")
    ok(run("sync", str(up), f"s3_moto:{container}"))
    down = tmp_path / "down"
    ok(run("sync", f"s3_moto:{container}", str(down)))
    (down / "mine").mkdir()  # an empty folder of the user's own: not the sync's to remove
    ok(run("rm", f"{container}/old/deep/a.txt"))
    ok(run("sync", f"s3_moto:{container}", str(down), "--delete"))
    assert not (down / "old").exists()
    assert (down / "mine").is_dir() and (down / "keep.txt").read_bytes() == b"k"
    assert run("check", f"s3_moto:{container}", str(down)).returncode == 0


def test_overlapping_prefixes_of_one_container_are_refused(
    cli: RunCli, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, "s3_moto", *settings_of("s3_moto", request))
    refused = run("sync", "s3_moto:c/photos", "s3_moto:c/photos/2024")
    assert refused.returncode == 2 and b"overlap" in refused.stderr


def test_hostile_keys_are_refused_when_writing_locally(
    cli: RunCli, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, "s3_moto", *settings_of("s3_moto", request))
    provider = provider_of("s3_moto", request)
    container = unique_container_name()
    provider.create_container(container)
    client = provider._client  # type: ignore[attr-defined]  # the SDK: our uploads refuse such keys
    for key, body in (("p/ok.txt", b"fine"), ("p/../../escape.txt", b"evil"), ("p/a//b.txt", b"odd")):
        client.put_object(Bucket=container, Key=key, Body=body)
    down = tmp_path / "deep" / "down"
    result = run("sync", f"s3_moto:{container}/p", str(down), "--json")
    assert result.returncode == 1 and b"cannot be saved as local files" in result.stderr
    assert local_tree(tmp_path / "deep") == {"down/ok.txt": b"fine"}
    assert not (tmp_path / "escape.txt").exists()
    dry = run("sync", f"s3_moto:{container}/p", str(down), "--dry-run", "--json")
    assert dry.returncode == 1  # the plan is shown, and the refusals fail the command
    planned = _json(dry.stdout)
    assert sorted(planned["refused"]) == ["../../escape.txt", "a//b.txt"]  # type: ignore[call-overload]


def test_links_out_of_the_folder_are_not_followed(
    cli: RunCli, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, "s3_moto", *settings_of("s3_moto", request))
    container = unique_container_name()
    ok(run("mb", container))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(b"not to be sent")
    local = tmp_path / "tree"
    local.mkdir()
    (local / "kept.txt").write_bytes(b"kept")
    os.symlink(outside / "secret.txt", local / "link.txt")
    os.symlink(outside, local / "linked-folder")
    planned = _json(ok(run("sync", str(local), f"s3_moto:{container}", "--dry-run", "--json")))
    assert planned["add"] == ["kept.txt"]


@pytest.mark.parametrize("backend", ["swift", "s3_moto"])
def test_a_sync_killed_halfway_and_resumed_ends_identical(
    cli: RunCli, cli_env: dict[str, str], backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    kind, settings = settings_of(backend, request)
    run = add_account(cli, backend, kind, settings)
    provider = provider_of(backend, request)
    container = unique_container_name()
    ok(run("mb", container))
    local = tmp_path / "tree"
    files = {f"f{n:03d}.bin": os.urandom(64 * 1024) for n in range(60)}
    files["big/whole.bin"] = os.urandom(24 * 1024 * 1024)  # in 5 MiB parts: resumed part by part
    for key, data in files.items():
        local.joinpath(*key.split("/")).parent.mkdir(parents=True, exist_ok=True)
        local.joinpath(*key.split("/")).write_bytes(data)
    field = next(f for f in ("secret_access_key", "api_key") if f in settings)
    env = {**cli_env, "SB_TEST_SYNC_SECRET": str(settings[field])}
    args = [sys.executable, "-m", "storebrowser.cli", "--account", backend, "--part-size", "5",
            "sync", str(local), f"{backend}:{container}"]  # fmt: skip
    child = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    done = "select count(*) from items where state = 'done'"
    while journal_count(cli_env, done) < 10 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if child.poll() is not None:
        pytest.skip("the sync finished before it could be killed")
    child.kill()  # no chance to pause: the journal is all that is left
    child.communicate(timeout=60)
    assert run("check", str(local), f"{backend}:{container}").returncode == 1
    listed = json.loads(ok(run("--json", "jobs", "list")))
    assert [(row["kind"], row["target"]) for row in listed] == [("sync", f"{container}/")]
    ok(run("jobs", "resume"))
    assert remote_tree(provider, container, "", request) == files
    assert run("check", str(local), f"{backend}:{container}").returncode == 0
    assert json.loads(ok(run("--json", "jobs", "list"))) == []


def _bases(check_json: bytes) -> list[tuple[str, str]]:
    """The different pairs of a ``check --json`` and what told them apart."""
    return [(d["key"], d["basis"]) for d in _json(check_json)["different"]]  # type: ignore[attr-defined,index]


@pytest.mark.parametrize("backend", ["s3_moto", "swift"])
def test_checksum_sees_a_change_that_kept_its_time_and_newer_only_leaves_newer_objects(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, backend, *settings_of(backend, request))
    container = unique_container_name()
    ok(run("mb", container))
    local = tmp_path / "tree"
    make_tree(local)
    right = f"{backend}:{container}"
    ok(run("sync", str(local), right))
    # Same size, same time, other bytes: the times cannot tell; the MD5 can. A small file
    # is compared by content anyway; a large one (over HASH_UP_TO) only with --checksum.
    large = local / "large.bin"
    large.write_bytes(b"L" * (HASH_UP_TO + 1))
    ok(run("sync", str(local), right))
    stamp = large.stat().st_mtime_ns
    for changed in (local / "docs" / "readme.md", large):
        changed.write_bytes(changed.read_bytes().replace(b"readme", b"README").replace(b"LL", b"Ll", 1))
        os.utime(changed, ns=(stamp, stamp))
    by_default = run("check", str(local), right, "--json")
    assert by_default.returncode == 1
    assert _bases(by_default.stdout) == [("docs/readme.md", "md5")]
    by_md5 = run("check", str(local), right, "--checksum", "--json")
    assert by_md5.returncode == 1
    assert _bases(by_md5.stdout) == [("docs/readme.md", "md5"), ("large.bin", "md5")]
    ok(run("sync", str(local), right, "--checksum"))
    # A file older than its object (changed there since): --newer-only leaves it.
    older = local / "a.txt"
    older.write_bytes(b"an older, longer text")
    os.utime(older, ns=(stamp - 10**12, stamp - 10**12))
    plain = _json(ok(run("sync", str(local), right, "--dry-run", "--json")))
    assert plain["update"] == ["a.txt"]
    newer_only = _json(ok(run("sync", str(local), right, "--dry-run", "--newer-only", "--json")))
    assert newer_only["update"] == [] and newer_only["skipped"] == {"a.txt": "newer on the right"}


def test_a_bookmark_is_a_place_for_check_and_sync(
    cli: RunCli, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, "s3_moto", *settings_of("s3_moto", request))
    container = unique_container_name()
    ok(run("mb", container))
    ok(cli("bookmarks", "add", "backup", f"s3_moto:{container}/here/"))
    local = tmp_path / "tree"
    make_tree(local)
    ok(cli("sync", str(local), "@backup"))
    assert cli("check", str(local), "@backup/").returncode == 0


def test_within_one_account_the_copy_is_on_the_server(
    cli: RunCli, tmp_path: Path, request: pytest.FixtureRequest, proxies: list[CountingProxy]
) -> None:
    run, proxy = counted_account(cli, "s3_moto", request, lambda port: _proxy(proxies, port))
    first, second = unique_container_name(), unique_container_name()
    ok(run("mb", first))
    local = tmp_path / "tree"
    local.mkdir()
    (local / "big.bin").write_bytes(os.urandom(2 * 1024 * 1024))
    ok(run("sync", str(local), f"s3_moto_counted:{first}"))
    proxy.reset()
    ok(run("sync", f"s3_moto_counted:{first}", f"s3_moto_counted:{second}"))
    # Neither the 2 MiB down nor up: a CopyObject request, listings and HEADs only.
    assert proxy.bytes_from_server < 256 * 1024 and proxy.bytes_to_server < 256 * 1024
    assert run("check", f"s3_moto_counted:{first}", f"s3_moto_counted:{second}").returncode == 0


def test_checksum_does_not_take_a_swift_slo_etag_for_an_md5(
    cli: RunCli, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, "swift", *settings_of("swift", request))
    container = unique_container_name()
    ok(run("mb", container))
    local = tmp_path / "tree"
    local.mkdir()
    (local / "big.bin").write_bytes(os.urandom(12 * 1024 * 1024))  # an SLO of 5 MiB segments
    (local / "small.txt").write_bytes(b"plain")
    ok(run("--part-size", "5", "sync", str(local), f"swift:{container}"))
    checked = run("check", str(local), f"swift:{container}", "--checksum", "--json")
    assert checked.returncode == 0, checked.stdout.decode()
    # The plain object by its MD5; the SLO (whose ETag is of its segments') by its stored time.
    assert _json(checked.stdout)["same_by"] == {"md5": 1, "mtime": 1}
