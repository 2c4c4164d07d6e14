"""A permission denied on one object of a tier/tag job (issue 21): moto enforces a bucket
policy's Deny on every request to an object, signed or not (its ``s3:<Method>Object``:
a PUT of tags or an in-place copy is ``s3:PutObject``), so a Deny on one key refuses that
object alone. The job does the rest, lists the refusal by object with the service's
reason, exports it, and Retry Failed takes it again once the policy is gone."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from storebrowser.core.tags import TagEdit
from storebrowser.transfers import JobKind, State
from storebrowser.ui.tiers.results import JobResultsDialog
from tests.ui.test_operations import pick
from tests.ui.test_tiers_window import WAIT, _last_job, _moto_place, _show, _tiers


def _deny_put(bucket: str, key: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject",
        "Resource": f"arn:aws:s3:::{bucket}/{key}",
    }]})  # fmt: skip


def test_a_denied_object_fails_alone_is_listed_exported_and_retried(
    qtbot, request, add_account, make_explorer, tmp_path: Path
) -> None:
    explorer, account, sdk, bucket = _moto_place(qtbot, request, add_account, make_explorer)
    for key in ("a.txt", "locked.txt", "z.txt"):
        sdk.put_object(Bucket=bucket, Key=key, Body=key.encode())
    sdk.put_bucket_policy(Bucket=bucket, Policy=_deny_put(bucket, "locked.txt"))
    _show(qtbot, explorer, account, bucket)
    window, tiers = explorer.window, _tiers(explorer)
    tiers.ask_tags = lambda provider, container, objects: TagEdit({"team": "data"})  # type: ignore[method-assign]
    pick(qtbot, window, "a.txt", "locked.txt", "z.txt")
    window.explorer_actions["tags"].trigger()
    job = _last_job(qtbot, explorer, JobKind.SET_TAGS)
    assert job.state is State.FAILED and [item.key for item in job.failed_items] == ["locked.txt"]
    for key in ("a.txt", "z.txt"):  # the rest done
        assert sdk.get_object_tagging(Bucket=bucket, Key=key)["TagSet"] == [{"Key": "team", "Value": "data"}]
    assert sdk.get_object_tagging(Bucket=bucket, Key="locked.txt")["TagSet"] == []
    reason = job.failed_items[0].error or ""
    assert "denied" in reason.lower(), reason

    qtbot.waitUntil(lambda: "1 of 3 objects failed" in window.messages.text, timeout=WAIT)
    shown: list[JobResultsDialog] = []
    tiers.show_results = lambda dialog: (shown.append(dialog), dialog.show())  # type: ignore[method-assign]
    assert window.messages.button is not None
    window.messages.button.click()  # "Show Failures…"
    results = shown[0]
    qtbot.addWidget(results)
    assert results.table.rowCount() == 1 and results.table.item(0, 0).text() == "locked.txt"
    assert results.table.item(0, 2).text() == reason
    results.only_failures.setChecked(False)
    assert results.table.rowCount() == 3  # failures first, then the objects done
    export = tmp_path / "denied.csv"
    results.ask_export_path = lambda: export  # type: ignore[method-assign]
    results.export_button.click()
    qtbot.waitUntil(lambda: "written to" in results.status.text(), timeout=WAIT)
    with export.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[1:] == [[bucket, "locked.txt", reason]]

    sdk.delete_bucket_policy(Bucket=bucket)  # the permission granted: Retry Failed takes it
    results.retry_button.click()
    engine = explorer.jobs.engine
    assert engine is not None
    qtbot.waitUntil(lambda: next(j for j in engine.snapshot().jobs if j.id == job.id).state is State.DONE,
                    timeout=WAIT)  # fmt: skip
    tags = sdk.get_object_tagging(Bucket=bucket, Key="locked.txt")["TagSet"]
    assert tags == [{"Key": "team", "Value": "data"}]


def test_a_class_change_denied_on_one_object(qtbot, request, add_account, make_explorer) -> None:
    """The in-place copy of a class change is a PUT to the object: refused alone."""
    explorer, account, sdk, bucket = _moto_place(qtbot, request, add_account, make_explorer)
    for key in ("a.txt", "locked.txt"):
        sdk.put_object(Bucket=bucket, Key=key, Body=key.encode())
    sdk.put_bucket_policy(Bucket=bucket, Policy=_deny_put(bucket, "locked.txt"))
    _show(qtbot, explorer, account, bucket)
    window, tiers = explorer.window, _tiers(explorer)
    tiers.ask_class = lambda classes, what, current: ("STANDARD_IA", None)  # type: ignore[method-assign]
    pick(qtbot, window, "a.txt", "locked.txt")
    window.explorer_actions["storage_class"].trigger()
    job = _last_job(qtbot, explorer, JobKind.SET_CLASS)
    assert [item.key for item in job.failed_items] == ["locked.txt"]
    assert "denied" in (job.failed_items[0].error or "").lower()
    assert sdk.head_object(Bucket=bucket, Key="a.txt")["StorageClass"] == "STANDARD_IA"
    assert sdk.head_object(Bucket=bucket, Key="locked.txt").get("StorageClass", "STANDARD") == "STANDARD"
