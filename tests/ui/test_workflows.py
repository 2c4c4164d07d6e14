"""The workflows from the window against real servers: back up a folder here (tar.gz
streamed, no temporary file), download all, publish a website, copy as command."""

from __future__ import annotations

import hashlib
import io
import shlex
import tarfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from storebrowser.cli.app import build_parser
from storebrowser.core.places import Location
from storebrowser.transfers import sending
from storebrowser.ui.commands.command_dialog import CommandDialog
from storebrowser.ui.commands.publish_dialog import PublishDialog
from storebrowser.ui.commands.workflows import Workflows
from tests.ui.servers import temporary_container
from tests.ui.test_operations import select_names, wait_jobs, wait_listed

WAIT = 30_000


def workflows_of(explorer) -> Workflows:
    return explorer.operations.findChild(Workflows)


@pytest.fixture
def swift_explorer(swift_account, make_explorer):
    name, other = swift_account
    with temporary_container(other) as container:
        yield make_explorer(), name, container, other


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_back_up_a_folder_here_then_download_all(qtbot, swift_explorer, tmp_path: Path) -> None:
    explorer, account, container, other = swift_explorer
    window, ops = explorer.window, explorer.operations
    source = tmp_path / "project"
    (source / "src").mkdir(parents=True)
    (source / "README.md").write_text("# project\n")
    (source / "src" / "data.bin").write_bytes(bytes(range(256)) * 4096)  # 1 MiB
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    ops.ask_folder = lambda _title: source
    ops.ask_name = lambda _title, _label, _check, text="", **_k: "nightly/" + text
    window.explorer_actions["backup_here"].trigger()
    wait_jobs(qtbot, explorer, 1)
    backups = [e.key for e in other.list_page(container, "nightly/", None).entries]
    assert len(backups) == 1 and backups[0].startswith("nightly/backup-") and backups[0].endswith(".tar.gz")
    archive = other.read(container, backups[0])
    qtbot.waitUntil(
        lambda: "SHA-256 " + hashlib.sha256(archive).hexdigest() in window.messages.text, timeout=WAIT
    )
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        assert tar.extractfile("project/src/data.bin").read() == (source / "src" / "data.bin").read_bytes()

    # Download all of the container: the structure kept, verified, no .part left.
    sending.upload_bytes(other, container, "docs/deep/er/x.txt", b"deep")
    target = tmp_path / "restore"
    ops.ask_folder = lambda _title: target
    window.explorer_actions["download_all"].trigger()
    wait_jobs(qtbot, explorer, 2)
    restored = _tree(target / container)
    assert restored["docs/deep/er/x.txt"] == b"deep"
    assert restored[backups[0]] == archive
    assert not list(target.rglob("*.part"))


def test_publish_a_site_to_swift(qtbot, swift_explorer, tmp_path: Path) -> None:
    explorer, account, container, _other = swift_explorer
    window = explorer.window
    site = tmp_path / "site"
    (site / "css").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Hello from the window</h1>")
    (site / "error.html").write_text("<h1>generic</h1>")
    (site / "404error.html").write_text("<h1>Custom not found</h1>")  # staticweb: <status><suffix>
    (site / "css" / "style.css").write_text("h1 { color: teal }")
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    qtbot.waitUntil(window.explorer_actions["publish"].isEnabled, timeout=WAIT)
    flows = workflows_of(explorer)

    def answer(dialog: PublishDialog) -> int:
        dialog.folder.setText(str(site))
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        qtbot.waitUntil(ok.isEnabled, timeout=WAIT)  # the pages were listed on a worker
        assert dialog.index.currentText() == "index.html"
        dialog.error.setCurrentText("error.html")
        return QDialog.DialogCode.Accepted

    flows.ask_publish = answer
    window.explorer_actions["publish"].trigger()
    wait_jobs(qtbot, explorer, 1)
    qtbot.waitUntil(lambda: "published at" in window.messages.text, timeout=WAIT)
    url = window.messages.text.split(" published at ", 1)[1].strip()
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url, timeout=30) as reply:
        assert b"Hello from the window" in reply.read()
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(url + "no/such/page.html", timeout=30)
    assert missing.value.code == 404 and b"Custom not found" in missing.value.read()


def test_publish_dialog_needs_the_index_page(qtbot, runner, tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "home.html").write_text("x")
    dialog = PublishDialog(runner, ["web"], "web")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.folder.setText(str(tmp_path / "pages"))
    qtbot.waitUntil(lambda: dialog.index.count() == 1, timeout=WAIT)
    assert dialog.index.currentText() == "home.html" and ok.isEnabled()
    dialog.index.setCurrentText("index.html")
    assert not ok.isEnabled() and "not in the folder" in dialog.problem.text()


def test_copy_as_command_for_the_selection(qtbot, make_explorer, local_account) -> None:
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    select_names(window, "file-0002.txt", "drafts/")
    requests = workflows_of(explorer).requests()
    assert [r.action for r in requests] == ["get", "rm"]
    dialog = CommandDialog(requests, window)
    qtbot.addWidget(dialog)
    lines = [edit.text() for edit in dialog.lines]
    assert lines[0].startswith("storebrowser-cli --account 'Local files' get ")
    assert "documents/file-0002.txt" in lines[0] and "documents/drafts/" in lines[0]
    build_parser().parse_args(shlex.split(lines[1])[1:])
    assert lines[1].endswith("--recursive")
