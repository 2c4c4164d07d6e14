"""Storage Class…, Restore from Archive… and Tags… in the window, against moto and
Azurite: the questions are answered by the test (or the real dialogs driven as a person
does), the job runs on the engine, and what the servers hold is read back through their
SDKs. The failures of a job are listed by object, exported and retried."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import boto3
from azure.storage.blob import BlobServiceClient  # here, not while a worker imports the SDK too
from botocore.config import Config

from storebrowser.core.capabilities import Capabilities
from storebrowser.core.places import Location
from storebrowser.core.tags import TagEdit
from storebrowser.core.tiers import StorageClasses
from storebrowser.transfers import JobKind, State
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.ui.actions import SelectionState, enablement
from storebrowser.ui.application import Explorer
from storebrowser.ui.commands.tiers import Tiers
from storebrowser.ui.tiers.dialogs import ClassDialog, RestoreDialog
from storebrowser.ui.tiers.results import JobResultsDialog
from storebrowser.ui.tiers.tags_dialog import TagsDialog
from tests.ui.servers import server_account, unique_name
from tests.ui.test_operations import pick, wait_listed

WAIT = 30_000


def _moto_sdk(settings: dict[str, Any]) -> Any:
    return boto3.client("s3", endpoint_url=settings["endpoint_url"], region_name=settings["region"],
                        aws_access_key_id=settings["access_key_id"],
                        aws_secret_access_key=settings["secret_access_key"],
                        config=Config(s3={"addressing_style": "path"}))  # fmt: skip


def _open(qtbot, request, add_account, make_explorer, backend: str) -> tuple[Explorer, str, dict[str, Any]]:
    account = server_account(request, backend)
    add_account(account.name, account.kind, account.settings)
    return make_explorer(), account.name, account.settings


def _moto_place(qtbot, request, add_account, make_explorer) -> tuple[Explorer, str, Any, str]:
    """The explorer, the moto account's name, boto3 on the server and a fresh bucket."""
    explorer, account, settings = _open(qtbot, request, add_account, make_explorer, "s3_moto")
    sdk = _moto_sdk(settings)
    bucket = unique_name()
    sdk.create_bucket(Bucket=bucket)
    return explorer, account, sdk, bucket


def _show(qtbot, explorer: Explorer, account: str, container: str) -> None:
    explorer.window.navigate(Location(account, container))
    wait_listed(qtbot, explorer.window)


def _tiers(explorer: Explorer) -> Tiers:
    tiers = explorer.operations.findChild(Tiers)
    assert tiers is not None
    return tiers


def _last_job(qtbot, explorer: Explorer, kind: JobKind, count: int = 1) -> JobSnapshot:
    engine = explorer.jobs.engine
    assert engine is not None

    def jobs() -> list[JobSnapshot]:
        return [j for j in engine.snapshot().jobs if j.kind is kind]

    qtbot.waitUntil(lambda: len(jobs()) >= count and jobs()[-1].state.finished, timeout=WAIT)
    return jobs()[-1]


def test_storage_class_of_objects_and_a_folder_then_the_failures_listed_exported_retried(
    qtbot, request, add_account, make_explorer, tmp_path: Path
) -> None:
    explorer, account, sdk, bucket = _moto_place(qtbot, request, add_account, make_explorer)
    for key in ("a.txt", "b.txt", "logs/1", "logs/2"):
        sdk.put_object(Bucket=bucket, Key=key, Body=key.encode(), Metadata={"owner": "qa"}, Tagging="keep=1")
    _show(qtbot, explorer, account, bucket)
    window, tiers = explorer.window, _tiers(explorer)
    asked: list[tuple[StorageClasses, str, str | None]] = []

    def answer(classes: StorageClasses, what: str, current: str | None) -> tuple[str, None]:
        asked.append((classes, what, current))
        return "STANDARD_IA", None

    tiers.ask_class = answer  # type: ignore[method-assign]
    pick(qtbot, window, "a.txt", "logs/")
    storage_class = window.explorer_actions["storage_class"]
    assert storage_class.isEnabled(), storage_class.toolTip()
    storage_class.trigger()
    job = _last_job(qtbot, explorer, JobKind.SET_CLASS)
    classes, what, current = asked[0]
    assert "GLACIER" in classes.names() and what == "1 object and 1 folder with everything in it"
    assert current == "STANDARD"
    assert job.state is State.DONE and sorted(i.key for i in job.items) == ["a.txt", "logs/1", "logs/2"]
    for key in ("a.txt", "logs/1", "logs/2"):
        head = sdk.head_object(Bucket=bucket, Key=key)
        assert head["StorageClass"] == "STANDARD_IA" and head["Metadata"] == {"owner": "qa"}
    assert sdk.head_object(Bucket=bucket, Key="b.txt").get("StorageClass", "STANDARD") == "STANDARD"
    qtbot.waitUntil(lambda: "now in STANDARD_IA" in window.messages.text, timeout=WAIT)

    # One object gone since it was listed: it fails alone, named, with the service's reason.
    pick(qtbot, window, "a.txt", "b.txt")  # once listed again after the job
    sdk.delete_object(Bucket=bucket, Key="b.txt")
    window.explorer_actions["storage_class"].trigger()
    job = _last_job(qtbot, explorer, JobKind.SET_CLASS, count=2)
    assert job.state is State.FAILED and [i.key for i in job.failed_items] == ["b.txt"]
    qtbot.waitUntil(lambda: "1 of 2 objects failed" in window.messages.text, timeout=WAIT)
    shown: list[JobResultsDialog] = []
    tiers.show_results = lambda dialog: (shown.append(dialog), dialog.show())  # type: ignore[method-assign]
    assert window.messages.button is not None
    window.messages.button.click()  # "Show Failures…"
    results = shown[0]
    qtbot.addWidget(results)
    assert results.table.rowCount() == 1 and results.table.item(0, 0).text() == "b.txt"
    assert "no object 'b.txt'" in results.table.item(0, 2).text()
    results.only_failures.setChecked(False)
    assert results.table.rowCount() == 2 and results.table.item(1, 2).text() == "already in STANDARD_IA"
    export = tmp_path / "failures.csv"
    results.ask_export_path = lambda: export  # type: ignore[method-assign]
    results.export_button.click()
    qtbot.waitUntil(lambda: "written to" in results.status.text(), timeout=WAIT)
    with export.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["container", "object", "error"] and rows[1][:2] == [bucket, "b.txt"]
    sdk.put_object(Bucket=bucket, Key="b.txt", Body=b"back")
    results.retry_button.click()
    engine = explorer.jobs.engine
    assert engine is not None
    qtbot.waitUntil(lambda: next(j for j in engine.snapshot().jobs if j.id == job.id).state is State.DONE,
                    timeout=WAIT)  # fmt: skip
    qtbot.waitUntil(lambda: "now in STANDARD_IA" in window.messages.text, timeout=WAIT)  # told again
    assert sdk.head_object(Bucket=bucket, Key="b.txt")["StorageClass"] == "STANDARD_IA"


def test_restore_from_archive_and_the_archive_status_in_properties(
    qtbot, request, add_account, make_explorer
) -> None:
    explorer, account, sdk, bucket = _moto_place(qtbot, request, add_account, make_explorer)
    sdk.put_object(Bucket=bucket, Key="cold.txt", Body=b"cold", StorageClass="GLACIER")
    sdk.put_object(Bucket=bucket, Key="warm.txt", Body=b"warm")
    _show(qtbot, explorer, account, bucket)
    window, tiers = explorer.window, _tiers(explorer)
    from tests.ui.editing import open_editor

    pick(qtbot, window, "cold.txt")  # the table listed (again, after a job) before the editor picks
    editor = open_editor(qtbot, explorer, "cold.txt")
    facts = {editor.facts.itemAt(n, editor.facts.ItemRole.LabelRole).widget().text(): n
             for n in range(editor.facts.rowCount())}  # fmt: skip
    row = facts["Archive:"]
    assert editor.facts.itemAt(row, editor.facts.ItemRole.FieldRole).widget().text() == "archived"
    editor.close()
    asked: list[StorageClasses] = []

    def answer(classes: StorageClasses, what: str) -> tuple[int, str, None]:
        asked.append(classes)
        return 2, "Bulk", None

    tiers.ask_restore = answer  # type: ignore[method-assign]
    pick(qtbot, window, "cold.txt", "warm.txt")
    window.explorer_actions["restore_archive"].trigger()
    job = _last_job(qtbot, explorer, JobKind.RESTORE_ARCHIVED)
    assert job.state is State.DONE and asked[0].restore_days
    notes = {item.key: item.note for item in job.items}
    assert notes["warm.txt"] == "not archived: it can be read as it is"
    assert notes["cold.txt"].startswith("restored until")  # moto restores at once
    assert 'ongoing-request="false"' in sdk.head_object(Bucket=bucket, Key="cold.txt")["Restore"]
    pick(qtbot, window, "cold.txt")  # the table listed (again, after a job) before the editor picks
    editor = open_editor(qtbot, explorer, "cold.txt")
    texts = [editor.facts.itemAt(n, editor.facts.ItemRole.FieldRole).widget().text()
             for n in range(editor.facts.rowCount())]  # fmt: skip
    assert any(text.startswith("restored until") for text in texts), texts
    editor.close()


def test_tag_editor_checks_the_rules_as_typed_and_tags_many_as_one_job(
    qtbot, request, add_account, make_explorer, runner
) -> None:
    explorer, account, settings = _open(qtbot, request, add_account, make_explorer, "azure")
    service = BlobServiceClient.from_connection_string(settings["connection_string"])
    name = unique_name()
    box = service.create_container(name)
    box.upload_blob("r.csv", b"a,b", tags={"project": "apollo"})
    box.upload_blob("s.csv", b"c,d")
    _show(qtbot, explorer, account, name)
    provider = explorer.window.pool.get(account)
    dialog = TagsDialog(provider, runner, name, ["r.csv"], "r.csv")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT)
    assert dialog.table.rows() == [("project", "apollo")]
    row = dialog.table.add_row("stage", "Zoë")
    assert "Azure tags may hold only ASCII letters" in dialog.problem.text()
    assert not dialog.ok_button.isEnabled()
    dialog.table.item(row, 1).setText("raw")
    assert dialog.problem.text() == "" and dialog.ok_button.isEnabled()
    assert dialog.edit() == TagEdit({"project": "apollo", "stage": "raw"}, replace=True)
    for n in range(9):
        dialog.table.add_row(f"k{n}", "v")
    assert "11 tags: Azure allows at most 10" in dialog.problem.text()

    window, tiers = explorer.window, _tiers(explorer)
    tiers.ask_tags = lambda provider, container, objects: TagEdit({"team": "data"}, ("project",))  # type: ignore[method-assign]
    pick(qtbot, window, "r.csv", "s.csv")
    assert window.explorer_actions["tags"].isEnabled()
    window.explorer_actions["tags"].trigger()
    job = _last_job(qtbot, explorer, JobKind.SET_TAGS)
    assert job.state is State.DONE
    assert box.get_blob_client("r.csv").get_blob_tags() == {"team": "data"}
    assert box.get_blob_client("s.csv").get_blob_tags() == {"team": "data"}
    service.delete_container(name)


def test_the_dialogs_ask_in_each_services_words(qtbot, request, add_account, make_explorer) -> None:
    explorer, account, _settings = _open(qtbot, request, add_account, make_explorer, "azure")
    classes = explorer.window.pool.get(account).storage_classes()
    dialog = ClassDialog(classes, "2 objects", "Cool")
    qtbot.addWidget(dialog)
    assert dialog.storage_class() == "Cool" and not dialog.priority.isHidden()
    dialog.choices.setCurrentRow(classes.names().index("Archive"))
    assert "is an archive class" in dialog.note.text() and dialog.chosen_priority() in ("Standard", "High")
    restore = RestoreDialog(classes, "2 objects")
    qtbot.addWidget(restore)
    assert restore.days.isHidden() and not restore.target.isHidden()
    assert restore.chosen_days() is None and restore.chosen_target() == "Hot"


def test_the_actions_say_why_a_service_cannot(qtbot) -> None:
    from storebrowser.core.places import Location as Place

    none = Capabilities()
    state = SelectionState(Place("Swift", "c"), none, "Swift", selected=2)
    verdicts = enablement(state)
    assert verdicts["storage_class"] == (False, "Swift does not support changing storage classes.")
    assert verdicts["tags"] == (False, "Swift does not support object tags.")
    assert enablement(SelectionState(Place("Swift", "c"), none, "Swift"))["tags"][0] is False



def test_the_class_chosen_at_upload_arrives(
    qtbot, request, add_account, make_explorer, tmp_path: Path
) -> None:
    from storebrowser.ui.commands.upload_dialog import UploadDialog
    from tests.ui.test_operations import wait_jobs

    explorer, account, sdk, bucket = _moto_place(qtbot, request, add_account, make_explorer)
    _show(qtbot, explorer, account, bucket)
    note = tmp_path / "n.txt"
    note.write_bytes(b"n")
    provider = explorer.window.pool.get(account)
    dialog = UploadDialog([note], bucket, provider)
    qtbot.addWidget(dialog)
    combo = dialog.storage_class
    assert not combo.isHidden() and combo.currentData() is None  # the service's default first
    combo.setCurrentIndex(combo.findData("GLACIER"))
    options = dialog.options()
    assert options.storage_class == "GLACIER"
    explorer.operations.upload_paths([note], Location(account, bucket), options=options)
    wait_jobs(qtbot, explorer, 1)
    assert sdk.head_object(Bucket=bucket, Key="n.txt")["StorageClass"] == "GLACIER"
