"""The export of a job's failures: every failed object with its reason, a header, and
keys a spreadsheet would run as formulas written so that it does not."""

from __future__ import annotations

import csv
from pathlib import Path

from storebrowser.transfers.jobs import JobKind, JobSpec, State
from storebrowser.transfers.progress import ItemSnapshot, JobSnapshot
from storebrowser.transfers.report import failure_rows, write_failures_csv


def test_the_failures_are_exported_by_object_with_why_and_no_formula_runs(tmp_path: Path) -> None:
    items = (
        ItemSnapshot(0, "ok.txt", "", State.DONE, 1, 1, None, "now in GLACIER"),
        ItemSnapshot(1, "gone, \"quoted\".txt", "", State.FAILED, 0, 1, "no object 'gone'", ""),
        ItemSnapshot(2, "=HYPERLINK(\"http://x\")", "", State.FAILED, 0, 1, "-denied", ""),
    )
    spec = JobSpec(JobKind.SET_CLASS, "acct", "bucket", sources=("",), storage_class="GLACIER")
    job = JobSnapshot("j", JobKind.SET_CLASS, State.FAILED, 1, 3, 0.0, None, None, items, spec)
    path = tmp_path / "failures.csv"
    write_failures_csv(path, failure_rows(job))
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["container", "object", "error"],
        ["bucket", "gone, \"quoted\".txt", "no object 'gone'"],
        ["bucket", "'=HYPERLINK(\"http://x\")", "'-denied"],
    ]
