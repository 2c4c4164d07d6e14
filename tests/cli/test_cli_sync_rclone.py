"""StoreBrowser and rclone agree on what is unchanged: a tree uploaded by one is the same
for the other's check, and the other's sync has nothing to send (both keep the file's
modification time under rclone's ``mtime`` key, written the same way).

rclone is the Debian package (``installer/system-deps.sh test``); it is configured for
the test servers through ``RCLONE_CONFIG_<NAME>_*`` environment variables, so no secret
is ever in its arguments.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from storebrowser.sync.compare import HASH_UP_TO
from tests.cli.conftest import RunCli
from tests.cli.sync_support import BACKENDS, add_account, make_tree, ok, settings_of

pytestmark = pytest.mark.skipif(shutil.which("rclone") is None, reason="rclone is not installed")
REMOTE = "SBTEST"


def _rclone_env(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    prefix = f"RCLONE_CONFIG_{REMOTE}_"
    if backend.startswith("s3"):
        _kind, s = settings_of(backend, request)
        config = {"TYPE": "s3", "PROVIDER": "Other", "ENDPOINT": s["endpoint_url"], "REGION": s["region"],
                  "ACCESS_KEY_ID": s["access_key_id"], "SECRET_ACCESS_KEY": s["secret_access_key"],
                  "FORCE_PATH_STYLE": "true"}  # fmt: skip
    elif backend == "swift":
        server = request.getfixturevalue("swift_server")
        config = {"TYPE": "swift", "AUTH": server.auth_url, "USER": server.user, "KEY": server.key}
    else:
        azurite = request.getfixturevalue("azurite_server")
        # rclone 1.60 takes a whole endpoint URL only for the emulator (whose well-known
        # account and key Azurite runs with).
        config = {"TYPE": "azureblob", "USE_EMULATOR": "true", "ENDPOINT": azurite.blob_endpoint}
    # Not the machine's AWS_* settings (a CA bundle rclone's S3 transport refuses to load).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RCLONE_", "AWS_"))}
    env["RCLONE_CONFIG"] = str(tmp_path / "rclone.conf")  # none of the user's remotes
    return env | {prefix + key: value for key, value in config.items()}


def _rclone(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["rclone", *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_tree_uploaded_by_storebrowser_is_unchanged_for_rclone(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, backend, *settings_of(backend, request))
    env = _rclone_env(backend, request, tmp_path)
    container = f"sbrc-{os.urandom(6).hex()}"
    ok(run("mb", container))
    local = tmp_path / "tree"
    make_tree(local)
    ok(run("sync", str(local), f"{backend}:{container}/up"))
    checked = _rclone(env, "check", str(local), f"{REMOTE}:{container}/up")
    assert checked.returncode == 0, checked.stderr
    # rclone's sync compares sizes and modification times: it has nothing to send.
    dry = _rclone(env, "sync", "--dry-run", "-v", str(local), f"{REMOTE}:{container}/up")
    assert dry.returncode == 0, dry.stderr
    assert "Skipped" not in dry.stderr, dry.stderr


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_tree_uploaded_by_rclone_is_unchanged_for_storebrowser(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    run = add_account(cli, backend, *settings_of(backend, request))
    env = _rclone_env(backend, request, tmp_path)
    container = f"sbrc-{os.urandom(6).hex()}"
    ok(run("mb", container))
    local = tmp_path / "tree"
    files = make_tree(local)
    (local / "large.bin").write_bytes(b"L" * (HASH_UP_TO + 1))  # over the limit: by its time
    copied = _rclone(env, "copy", str(local), f"{REMOTE}:{container}/by-rclone")
    assert copied.returncode == 0, copied.stderr
    right = f"{backend}:{container}/by-rclone"
    checked = run("check", str(local), right, "--json")
    assert checked.returncode == 0, checked.stdout.decode() + checked.stderr.decode()
    assert json.loads(checked.stdout)["counts"]["same"] == len(files) + 1
    planned = json.loads(ok(run("sync", str(local), right, "--dry-run", "--json")))
    assert (planned["add"], planned["update"], planned["delete"]) == ([], [], [])
    # Small files are decided by their content where each time would cost a HEAD (S3,
    # Swift: HASH_UP_TO); the large one, and all on Azure (whose listing carries them), by
    # rclone's stored time, read as it was written (had it differed, the MD5 would have
    # decided: "md5 (times differ)").
    by_time = {"mtime": len(files) + 1} if backend == "azure" else {"md5": len(files), "mtime": 1}
    assert json.loads(checked.stdout)["same_by"] == by_time


@pytest.mark.parametrize("backend", ["s3_moto"])
def test_rclone_checks_the_content_of_an_object_we_uploaded_in_parts(
    cli: RunCli, backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """An object sent in parts has no MD5 for an ETag: we write rclone's ``md5chksum`` as
    rclone does, so its check compares the content instead of skipping it."""
    run = add_account(cli, backend, *settings_of(backend, request))
    env = _rclone_env(backend, request, tmp_path)
    container = f"sbrc-{os.urandom(6).hex()}"
    ok(run("mb", container))
    local = tmp_path / "tree"
    local.mkdir()
    (local / "big.bin").write_bytes(os.urandom(6 * 1024 * 1024))  # two parts of 5 MiB
    ok(run("--part-size", "5", "sync", str(local), f"{backend}:{container}/up"))
    checked = _rclone(env, "check", str(local), f"{REMOTE}:{container}/up")
    assert checked.returncode == 0, checked.stderr
    assert "hashes could not be checked" not in checked.stderr, checked.stderr
    assert "1 matching files" in checked.stderr, checked.stderr
