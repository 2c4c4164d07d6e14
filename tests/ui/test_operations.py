"""Each explorer action does what it says, against every real test server: the
questions a person answers are answered by the test, the work runs for real, and the
result is read back through a second, independent provider."""

from __future__ import annotations

import contextlib
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from storebrowser.core.errors import NotFound
from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import JobKind, State
from storebrowser.transfers.jobs import ConflictPolicy
from storebrowser.transfers.sources import sources_problem
from storebrowser.ui.application import Explorer
from storebrowser.ui.commands.dialogs import NameDialog, ShareUrlDialog, folder_name_problem
from storebrowser.ui.commands.specs import download_spec
from storebrowser.ui.commands.upload_dialog import UploadOptions
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.messagebar import Level
from tests.ui.servers import SERVER_ACCOUNTS, server_account, unique_name

WAIT = 20_000


def select_names(window: MainWindow, *names: str) -> None:
    """As a person does: click into the table, then pick rows."""
    window.table.setFocus()
    window.table.clearSelection()
    model = window.object_model
    for row in range(model.rowCount()):
        if model.info(row).name in names:
            window.table.selectionModel().select(
                model.index(row, 0),
                window.table.selectionModel().SelectionFlag.Select
                | window.table.selectionModel().SelectionFlag.Rows,
            )


def names_shown(window: MainWindow) -> set[str]:
    return {window.object_model.info(row).name for row in range(window.object_model.rowCount())}


def wait_jobs(qtbot, explorer: Explorer, total: int) -> None:
    """Until the engine has ``total`` jobs in all and every one is finished."""
    engine = explorer.jobs.engine

    def settled() -> bool:
        jobs = engine.snapshot().jobs
        return len(jobs) >= total and all(job.state.finished for job in jobs)

    qtbot.waitUntil(settled, timeout=WAIT)
    jobs = engine.snapshot().jobs
    assert len(jobs) == total, [(j.kind, j.state, [i.key for i in j.items]) for j in jobs]
    skipped = [
        (i.key, i.note) for j in jobs for i in j.items if i.note.startswith("Skipped") or "exists" in i.note
    ]
    assert not skipped, skipped
    failed = [job.error for job in engine.snapshot().jobs if job.state is State.FAILED]
    assert not failed, failed


def wait_listed(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.object_model.provider is not None and not window.object_model.loading,
                    timeout=WAIT)  # fmt: skip


def pick(qtbot, window: MainWindow, *names: str) -> None:
    """Select ``names`` once the table shows all of them and no listing is under way: a job
    that finished a moment ago lists the place again, and that listing starts from an empty
    table, so selecting while it runs would pick nothing."""
    qtbot.waitUntil(lambda: not window.object_model.loading and set(names) <= names_shown(window),
                    timeout=WAIT)  # fmt: skip
    select_names(window, *names)
    assert len(window.table.selectionModel().selectedRows()) == len(names), names_shown(window)


def failed_visibly(window: MainWindow) -> bool:
    return window.messages.isVisible() and window.messages.level is Level.ERROR


def exists(provider: Provider, container: str, key: str) -> bool:
    try:
        provider.stat(container, key)
    except NotFound:
        return False
    return True


@pytest.mark.parametrize("which", ["local", *SERVER_ACCOUNTS])
def test_every_action_against_a_server(
    qtbot, request, which, add_account, make_explorer, tmp_path: Path
) -> None:
    if which == "local":
        name, kind, settings = "Here", "local", {"root": str(tmp_path / "root")}
    else:
        account = server_account(request, which)
        name, kind, settings = account.name, account.kind, account.settings
    add_account(name, kind, settings)
    other = open_provider(kind, settings)  # another client, to read results back
    other.connect()
    explorer = make_explorer()
    window, ops = explorer.window, explorer.operations
    container, second = unique_name(), unique_name()
    try:
        _scenario(qtbot, explorer, window, ops, other, name, container, second, tmp_path)
    finally:
        for leftover in (container, second):
            with contextlib.suppress(NotFound):
                other.delete_container(leftover, force=True)
        other.close()


def _scenario(qtbot, explorer, window, ops, other, account, container, second, tmp_path) -> None:
    # New container (twice, for the copy later), from the account view.
    window.navigate(Location(account))
    qtbot.waitUntil(window.explorer_actions["new_container"].isEnabled, timeout=WAIT)
    for new in (second, container):
        ops.ask_name = lambda *_a, new=new, **_k: new
        # Where the service offers a place (a Swift storage policy): its default, the first.
        ops.ask_name_and_region = lambda _t, _l, _c, places, new=new, **_k: (new, places[0])
        window.explorer_actions["new_container"].trigger()
        qtbot.waitUntil(lambda new=new: window.location == Location(account, new) or failed_visibly(window),
                        timeout=WAIT)  # fmt: skip
        assert window.location == Location(account, new), window.messages.text
    assert {container, second} <= {c.name for c in other.list_containers()}
    wait_listed(qtbot, window)

    # Upload files and a folder (keeps its name and structure).
    files = tmp_path / "up"
    (files / "album" / "inner").mkdir(parents=True)
    (files / "notes.txt").write_bytes(b"some notes")
    (files / "album" / "one.jpg").write_bytes(b"\xff\xd8\xff" + b"1" * 500)
    (files / "album" / "inner" / "two.txt").write_bytes(b"two")
    ops.ask_files = lambda _title: [files / "notes.txt"]
    ops.ask_upload_options = lambda _paths, _location: UploadOptions()  # the dialog's defaults
    window.explorer_actions["upload_files"].trigger()
    ops.ask_folder = lambda _title: files / "album"
    window.explorer_actions["upload_folder"].trigger()
    wait_jobs(qtbot, explorer, 2)
    assert other.read(container, "notes.txt") == b"some notes"
    assert other.read(container, "album/inner/two.txt") == b"two"
    qtbot.waitUntil(lambda: names_shown(window) == {"notes.txt", "album/"}, timeout=WAIT)

    # New folder.
    ops.ask_name = lambda *_a, **_k: "empty folder"
    window.explorer_actions["new_folder"].trigger()
    qtbot.waitUntil(lambda: "empty folder/" in names_shown(window), timeout=WAIT)
    assert exists(other, container, "empty folder/")

    # Download a file and a folder.
    target = tmp_path / "down"
    target.mkdir()
    pick(qtbot, window, "notes.txt", "album/")
    ops.ask_folder = lambda _title: target
    window.explorer_actions["download"].trigger()
    wait_jobs(qtbot, explorer, 3)  # the file and the folder: one job
    download = explorer.jobs.engine.snapshot().jobs[-1]
    assert download.kind is JobKind.DOWNLOAD_MANY and len(download.items) == 3
    assert (target / "notes.txt").read_bytes() == b"some notes"
    assert (target / "album" / "inner" / "two.txt").read_bytes() == b"two"
    assert not list(target.rglob("*.part"))

    # Rename an object and a folder (server-side copy, then delete).
    pick(qtbot, window, "notes.txt")
    ops.ask_name = lambda *_a, **_k: "renamed.txt"
    window.explorer_actions["rename"].trigger()
    wait_jobs(qtbot, explorer, 4)
    qtbot.waitUntil(lambda: "renamed.txt" in names_shown(window), timeout=WAIT)
    assert not exists(other, container, "notes.txt")
    assert other.read(container, "renamed.txt") == b"some notes"
    pick(qtbot, window, "album/")
    ops.ask_name = lambda *_a, **_k: "photos"
    window.explorer_actions["rename"].trigger()
    wait_jobs(qtbot, explorer, 5)
    qtbot.waitUntil(lambda: "photos/" in names_shown(window) and "album/" not in names_shown(window),
                    timeout=WAIT)  # fmt: skip
    assert other.read(container, "photos/inner/two.txt") == b"two"

    # Copy to the other container, into a folder.
    pick(qtbot, window, "renamed.txt", "photos/")
    ops.ask_destination = lambda *_a: (second, "copies/")
    window.explorer_actions["copy_to"].trigger()
    wait_jobs(qtbot, explorer, 7)
    assert other.read(second, "copies/renamed.txt") == b"some notes"
    assert other.read(second, "copies/photos/one.jpg")[:3] == b"\xff\xd8\xff"

    # A time-limited URL, fetched with a plain HTTP client (where the service has them).
    # Swift asks first to give the account a temp-URL key when it has none.
    asked: list[str] = []
    ops.confirm = lambda _title, question, _button: asked.append(question) or True
    provider = window.pool.cached(account)
    if provider.capabilities.presigned_urls:
        pick(qtbot, window, "renamed.txt")
        urls: list[str] = []

        def make_url(dialog: QDialog) -> None:
            assert isinstance(dialog, ShareUrlDialog)
            dialog.make_button.click()
            qtbot.waitUntil(lambda: bool(dialog.url.text()), timeout=WAIT)
            urls.append(dialog.url.text())

        ops.show_dialog = make_url
        window.explorer_actions["share_url"].trigger()
        with urllib.request.urlopen(urls[0], timeout=10) as reply:  # 127.0.0.1 only
            assert reply.read() == b"some notes"

    # Delete objects and a folder with everything in it, after confirmation.
    asked.clear()
    pick(qtbot, window, "renamed.txt", "photos/")
    window.explorer_actions["delete"].trigger()
    wait_jobs(qtbot, explorer, 9)
    assert "with everything in it" in asked[-1]
    qtbot.waitUntil(lambda: names_shown(window) == {"empty folder/"}, timeout=WAIT)
    assert not exists(other, container, "renamed.txt")
    assert not exists(other, container, "photos/inner/two.txt")

    # Delete a non-empty container: its object count is shown, then a job empties it.
    window.navigate(Location(account))
    qtbot.waitUntil(lambda: window.container_model.rowCount() >= 2, timeout=WAIT)
    rows = [r for r in range(window.container_model.rowCount())
            if window.container_model.container_at(r).name == second]  # fmt: skip
    window.containers_table.selectRow(rows[0])
    window.explorer_actions["delete_container"].trigger()
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=WAIT)
    assert "holds 3 objects" in asked[-1]
    wait_jobs(qtbot, explorer, 10)
    qtbot.waitUntil(lambda: second not in {c.name for c in other.list_containers()}, timeout=WAIT)
    assert container in {c.name for c in other.list_containers()}


def test_a_refused_question_changes_nothing(qtbot, make_explorer, local_account, pool) -> None:
    explorer = make_explorer()
    window, ops = explorer.window, explorer.operations
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    pick(qtbot, window, "file-0001.txt")
    ops.confirm = lambda *_a: False
    window.explorer_actions["delete"].trigger()
    ops.ask_name = lambda *_a, **_k: None
    window.explorer_actions["rename"].trigger()
    window.explorer_actions["new_folder"].trigger()
    assert not explorer.jobs.engine.snapshot().jobs
    assert exists(pool.get("Local files"), "documents", "file-0001.txt")


def test_name_dialog_says_what_is_wrong_while_typing(qtbot) -> None:
    dialog = NameDialog("New Folder", "Name:", folder_name_problem)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and "Type a name" in dialog.problem.text()
    dialog.edit.setText("a/b")
    assert not ok.isEnabled() and "'/'" in dialog.problem.text()
    dialog.edit.setText("reports 2024")
    assert ok.isEnabled() and dialog.problem.text() == ""


def test_invalid_container_name_is_refused_before_sending(qtbot, make_explorer, request, add_account) -> None:
    account = server_account(request, "s3_moto")
    add_account(account.name, account.kind, account.settings)
    explorer = make_explorer()
    window, ops = explorer.window, explorer.operations
    window.navigate(Location(account.name))
    qtbot.waitUntil(window.explorer_actions["new_container"].isEnabled, timeout=WAIT)
    problems: list[str | None] = []

    def ask(_title, _label, check, **_kwargs):
        problems.append(check("Bad_Name"))
        return None

    ops.ask_name = ask
    window.explorer_actions["new_container"].trigger()
    assert problems and problems[0] and "lowercase" in problems[0].lower()


def test_a_download_of_a_selection_leaves_folder_markers_out(tmp_path: Path) -> None:
    """Inside photos/, S3 lists the console's zero-byte photos/ marker beside the objects."""
    marker, inside = ObjectInfo("photos/"), ObjectInfo("photos/a.jpg", 3)
    sub = ObjectInfo("photos/b/", is_prefix=True)
    spec = download_spec("acct", "c", [marker, inside, sub], tmp_path, ConflictPolicy.OVERWRITE)
    assert spec.kind is JobKind.DOWNLOAD_MANY and spec.sources == ("photos/a.jpg", "photos/b/")
    assert sources_problem(spec) is None
    alone = download_spec("acct", "c", [marker, inside], tmp_path, ConflictPolicy.OVERWRITE)
    assert (alone.kind, alone.key) == (JobKind.DOWNLOAD_OBJECT, "photos/a.jpg")
