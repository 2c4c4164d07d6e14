"""The Compare and Sync window on plain objects: the four groups, the plan's boxes per
change and per folder, deletions unticked and confirmed, the one SYNC job it queues."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from storebrowser.sync.compare import compare
from storebrowser.sync.places import SyncPlace
from storebrowser.sync.plan import Change
from storebrowser.transfers.jobs import JobKind, JobSpec
from storebrowser.ui.sync.compare_window import CompareWindow


def _trees(root: Path) -> tuple[Path, Path]:
    left, right = root / "left", root / "right"
    for side in (left, right):
        for key in ("same.txt", "a/changed.txt", "a/b/same.txt"):
            path = side / key
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"0123")
    (left / "a" / "changed.txt").write_bytes(b"longer now")
    for key in ("new/one.txt", "new/two.txt"):
        (left / key).parent.mkdir(parents=True, exist_ok=True)
        (left / key).write_bytes(b"n")
    (right / "extra.txt").write_bytes(b"x")
    for path in right.rglob("*.txt"):
        twin = left / path.relative_to(right)
        if twin.exists():
            ns = twin.stat().st_mtime_ns
            os.utime(path, ns=(ns, ns))
    return left, right


class _Jobs:
    def __init__(self) -> None:
        self.specs: list[JobSpec] = []

    def submit(self, spec: JobSpec, **_kwargs: Any) -> None:
        self.specs.append(spec)


def _window(tmp_path: Path, answer: bool) -> tuple[CompareWindow, _Jobs, list[str]]:
    left, right = _trees(tmp_path)
    comparison = compare(SyncPlace(local=str(left)), SyncPlace(local=str(right)), lambda _name: None)  # type: ignore[arg-type,return-value]  # two local places: no provider is asked
    comparison.right = SyncPlace(account="acc", container="box")  # a container on the right, for the job
    jobs, asked = _Jobs(), []
    context = SimpleNamespace(parent=None, jobs=jobs, messages=SimpleNamespace(show_transfers=lambda: None))

    def confirm(title: str, question: str, button: str) -> bool:
        asked.append(question)
        return answer

    window = CompareWindow(context, str(left), "acc", confirm)  # type: ignore[arg-type]  # plain objects answer
    window.show_comparison(comparison)
    return window, jobs, asked


def test_groups_and_the_plan_ticked_but_for_deletions(qapp: QApplication, tmp_path: Path) -> None:
    window, jobs, asked = _window(tmp_path, answer=True)
    groups = [window.groups.topLevelItem(i).text(0) for i in range(window.groups.topLevelItemCount())]  # type: ignore[union-attr]
    assert groups == ["Only on the left (2)", "Only on the right (1)", "Different (1)", "The same (2)"]
    assert "The plan: 3 to send, 1 deletion offered (unticked)." in window.summary.text()  # the noun agrees
    chosen = window.plan_tree.chosen()
    assert chosen is not None
    assert (chosen.changes[Change.ADD], chosen.changes[Change.UPDATE]) == (
        ["new/one.txt", "new/two.txt"],
        ["a/changed.txt"],
    )
    assert chosen.deletes == []
    window.start_sync()
    assert asked == [] and [spec.kind for spec in jobs.specs] == [JobKind.SYNC]
    assert (
        jobs.specs[0].sources == ("new/one.txt", "new/two.txt", "a/changed.txt") and jobs.specs[0].keys == ()
    )


def test_a_folder_box_takes_its_changes_out_and_deletions_are_confirmed(
    qapp: QApplication, tmp_path: Path
) -> None:
    window, jobs, asked = _window(tmp_path, answer=False)
    adds = window.plan_tree.branch(Change.ADD)
    assert adds is not None
    folder = adds.child(0)
    assert folder is not None and folder.text(0) == "new/"
    folder.setCheckState(0, Qt.CheckState.Unchecked)  # the folder clears what is below it
    deletions = window.plan_tree.branch(Change.DELETE)
    assert deletions is not None
    deletions.setCheckState(0, Qt.CheckState.Checked)
    chosen = window.plan_tree.chosen()
    assert chosen is not None and chosen.changes[Change.ADD] == [] and chosen.deletes == ["extra.txt"]
    window.start_sync()  # asked, and answered No: nothing is queued
    assert len(asked) == 1 and "1 object or file" in asked[0] and jobs.specs == []


def test_newer_only_in_the_window_leaves_what_is_newer_on_the_right(
    qapp: QApplication, tmp_path: Path
) -> None:
    left, right = _trees(tmp_path)
    newer = right / "a" / "changed.txt"
    ns = (left / "a" / "changed.txt").stat().st_mtime_ns + 60 * 1_000_000_000
    os.utime(newer, ns=(ns, ns))
    listed: list[tuple[int, int]] = []
    comparison = compare(SyncPlace(local=str(left)), SyncPlace(local=str(right)), lambda _name: None,  # type: ignore[arg-type,return-value]  # two local places: no provider is asked
                         progress=lambda *counts: listed.append(counts))  # fmt: skip
    assert listed[-1] == (5, 4)  # the listings' counts, as the window shows them while comparing
    window = CompareWindow(SimpleNamespace(parent=None), str(left), "acc", lambda *_: True)  # type: ignore[arg-type]  # plain objects answer
    window.newer_only.setChecked(True)
    window.show_comparison(comparison)
    chosen = window.plan_tree.chosen()
    assert chosen is not None and chosen.changes[Change.UPDATE] == [] and chosen.skipped == {
        "a/changed.txt": "newer on the right"}  # fmt: skip
    assert "Newer on the right, left alone: 1." in window.summary.text()
    window._count(1_234, 5)
    window._show_progress()
    assert "1,234 on the left, 5 on the right" in window.summary.text()


def test_ticking_newer_only_after_a_compare_asks_for_another(qapp: QApplication, tmp_path: Path) -> None:
    window, _jobs, _asked = _window(tmp_path, answer=True)
    assert window.sync_button.isEnabled()
    window.newer_only.setChecked(True)  # the plan shown was made without it
    assert window.plan_tree.chosen() is None and not window.sync_button.isEnabled()
    assert window.summary.text() == "Compare again to apply Newer only."
