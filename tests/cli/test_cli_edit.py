"""``storebrowser-cli edit`` as a script runs it, with a stand-in editor
(``tests/editing/editor.py``), against moto, Swift (native and s3api) and Azurite, each
through a counting proxy so the uploads are counted; changes "by someone else" are made
with the service's SDK."""

from __future__ import annotations

import json
import shlex
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from storebrowser.core.properties import CACHE_CONTROL, CONTENT_TYPE
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from tests.cli.conftest import CliResult, RunCli
from tests.editing.editor import ADDED
from tests.providers.backends import _counted_settings, _port
from tests.providers.conftest import unique_container_name
from tests.providers.other_clients import OtherClient, other_client
from tests.servers.counting_proxy import CountingProxy

EDITOR = Path(__file__).resolve().parents[1] / "editing" / "editor.py"
SECRET_ENV = "SB_TEST_EDIT_SECRET"
SECRET_FIELD = {"s3": "secret_access_key", "azure": "connection_string", "swift": "auth_token"}
BACKENDS = ["s3_moto", "s3_swift", "swift", "azure"]
KEY = "docs/notes.txt"
FIRST = b"first version\n"


@dataclass
class Store:
    name: str
    run: RunCli
    provider: Provider  # ours, straight at the server (not counted)
    other: OtherClient
    proxy: CountingProxy
    container: str

    def puts(self) -> list[str]:
        """The write requests the CLI sent into the container (its first contact probes
        the server with writes of its own elsewhere)."""
        return [
            line
            for line in self.proxy.request_lines
            if line.startswith(("PUT ", "POST ")) and f"/{self.container}/" in line
        ]

    def edit(self, mode: str, *args: str, signals: Path | None = None) -> CliResult:
        words = [sys.executable, str(EDITOR), mode, *([str(signals)] if signals else [])]
        editor = shlex.join(words)
        return self.run("edit", f"{self.container}/{KEY}", *args, env={"EDITOR": editor, "VISUAL": ""})


@pytest.fixture(params=BACKENDS)
def store(cli: RunCli, request: pytest.FixtureRequest) -> Iterator[Store]:
    name = request.param
    kind, server_url, settings_through = _counted_settings(name, request)
    provider: Provider = request.getfixturevalue(f"{name}_provider")
    container = unique_container_name()
    provider.create_container(container)
    system = {CACHE_CONTROL: "max-age=60"} if CACHE_CONTROL in provider.capabilities.system_properties else {}
    sending.upload_bytes(
        provider, container, KEY, FIRST, content_type="text/markdown", metadata={"owner": "qa"}
    )
    if system:
        provider.set_properties(container, KEY, system=system)
    with CountingProxy(_port(server_url)) as proxy:
        settings = settings_through(proxy)
        secret = str(settings.pop(SECRET_FIELD[kind]))
        sets = [part for key, value in settings.items() for part in ("--set", f"{key}={value}")]
        secret_arg = f"{SECRET_FIELD[kind]}={SECRET_ENV}"
        added = cli("accounts", "add", "ed", "--kind", kind, *sets, "--secret-env", secret_arg,
                    "--secrets-in-file", env={SECRET_ENV: secret})  # fmt: skip
        assert added.returncode == 0, added.stderr.decode()

        def run(*args: str, env: dict[str, str] | None = None) -> CliResult:
            return cli("--account", "ed", *args, env=env)

        proxy.reset()
        yield Store(name, run, provider, other_client(name, request, provider), proxy, container)


def _ok(result: CliResult) -> str:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def _kept(store: Store) -> None:
    """The object's metadata and content settings are the ones it had."""
    props = store.provider.get_properties(store.container, KEY)
    assert props.metadata == {"owner": "qa"}
    assert props.system.get(CONTENT_TYPE) == "text/markdown"
    if CACHE_CONTROL in store.provider.capabilities.system_properties:
        assert props.system.get(CACHE_CONTROL) == "max-age=60"


@pytest.mark.parametrize("mode", ["rename", "inplace"])
def test_a_saved_change_uploads_once_keeping_metadata(store: Store, mode: str) -> None:
    out = _ok(store.edit(mode, signals=None))
    assert "Uploaded" in out
    assert store.other.read(store.container, KEY) == FIRST + ADDED
    # s3api answers the PUT with If-Match 501 Not Implemented (nothing stored) and the
    # write goes again without it: two requests, one object written, once per session.
    assert len(store.puts()) == (2 if store.name == "s3_swift" else 1), store.puts()
    _kept(store)


def test_no_change_uploads_nothing(store: Store) -> None:
    result = store.edit("touch")
    out = _ok(result)
    assert "unchanged: nothing uploaded" in out
    assert store.puts() == []
    assert store.other.read(store.container, KEY) == FIRST


def _edit_during_their_change(store: Store, tmp_path: Path, *args: str) -> CliResult:
    """Run ``edit`` whose editor waits while someone else writes the object."""
    signals = tmp_path / "signals"
    signals.mkdir()
    results: list[CliResult] = []
    worker = threading.Thread(
        target=lambda: results.append(store.edit("wait-rename", *args, signals=signals))
    )
    worker.start()
    while not (signals / "started").exists() and worker.is_alive():
        time.sleep(0.05)
    store.other.overwrite(store.container, KEY, b"their version\n", {"owner": "them"})
    (signals / "go").write_text("")
    worker.join()
    return results[0]


def test_their_change_is_a_conflict_and_nothing_is_lost(store: Store, tmp_path: Path) -> None:
    theirs = store.other.head(store.container, KEY).etag
    result = _edit_during_their_change(store, tmp_path)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Conflict" in stderr and "--on-conflict" in stderr and "Traceback" not in stderr
    now = store.other.head(store.container, KEY).etag
    assert now != theirs and now.strip('"') in stderr
    assert store.other.read(store.container, KEY) == b"their version\n"
    local = Path(stderr.split("kept at ")[1].split(". ")[0].rstrip("."))
    assert local.read_bytes() == FIRST + ADDED


def test_keep_mine_as_a_copy(store: Store, tmp_path: Path) -> None:
    out = _ok(_edit_during_their_change(store, tmp_path, "--on-conflict", "copy"))
    assert "my copy" in out
    assert store.other.read(store.container, KEY) == b"their version\n"
    assert store.other.read(store.container, "docs/notes (my copy).txt") == FIRST + ADDED


def test_overwrite_theirs(store: Store, tmp_path: Path) -> None:
    _ok(_edit_during_their_change(store, tmp_path, "--on-conflict", "overwrite"))
    assert store.other.read(store.container, KEY) == FIRST + ADDED


def test_take_theirs_sets_mine_aside(store: Store, tmp_path: Path) -> None:
    out = json.loads(_ok(_edit_json(store, tmp_path)))
    assert out["outcome"] == "unchanged" and "your version is kept at" in out["note"]
    assert Path(out["local"]).read_bytes() == b"their version\n"
    aside = Path(out["note"].split("kept at ")[1].rstrip("."))
    assert aside.read_bytes() == FIRST + ADDED
    assert store.other.read(store.container, KEY) == b"their version\n"


def _edit_json(store: Store, tmp_path: Path) -> CliResult:
    original: Callable[..., CliResult] = store.run
    store.run = lambda *args, env=None: original("--json", *args, env=env)
    try:
        return _edit_during_their_change(store, tmp_path, "--on-conflict", "theirs")
    finally:
        store.run = original


def test_an_editor_that_fails_uploads_nothing(store: Store) -> None:
    result = store.edit("fail")
    assert result.returncode == 1
    assert "status 3" in result.stderr.decode() and "kept at" in result.stderr.decode()
    assert store.puts() == []


@pytest.mark.parametrize("store", ["s3_moto"], indirect=True)
def test_a_hostile_key_writes_nothing_outside_the_cache(store: Store, cli_env: dict[str, str]) -> None:
    store.other.overwrite(store.container, "../../escape.txt", b"evil", {})
    result = store.run("edit", f"{store.container}/../../escape.txt", env={"EDITOR": "true"})
    stderr = result.stderr.decode()
    assert (
        result.returncode == 1 and "cannot be saved as a local file" in stderr and "Traceback" not in stderr
    )
    assert stderr.strip().startswith("storebrowser-cli:") and len(stderr.strip().splitlines()) == 1
    home = Path(cli_env["XDG_CACHE_HOME"]).parent
    assert not list(home.rglob("escape.txt"))


@pytest.mark.parametrize("store", ["azure"], indirect=True)
def test_json_says_what_happened(store: Store) -> None:
    editor = shlex.join([sys.executable, str(EDITOR), "inplace"])
    out = json.loads(_ok(store.run("--json", "edit", f"{store.container}/{KEY}", env={"EDITOR": editor})))
    assert out["outcome"] == "uploaded" and out["key"] == KEY
    assert out["guard"] == "the server's condition on the write (If-Match)"
    assert out["etag"] == store.other.head(store.container, KEY).etag.strip('"')


@pytest.mark.parametrize("store", ["swift"], indirect=True)
def test_after_a_failed_conflict_edit_continues_with_the_kept_copy(store: Store, tmp_path: Path) -> None:
    failed = _edit_during_their_change(store, tmp_path)
    assert failed.returncode == 1
    again = store.run("edit", f"{store.container}/{KEY}", "--on-conflict", "copy", env={"EDITOR": "true"})
    assert "Continuing with your copy" in again.stderr.decode()
    assert "my copy" in _ok(again)
    assert store.other.read(store.container, KEY) == b"their version\n"
    assert store.other.read(store.container, "docs/notes (my copy).txt") == FIRST + ADDED
