"""The transfers panel tells what is going on: a job waiting for the "already there" answer
says so (and the question comes forward), not "Running 0%"; Pause and Cancel act on the
running job when no row is selected; the empty panel is small; and a selection's count
in the status bar goes with the selection when the window moves elsewhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from storebrowser.core.places import Location
from storebrowser.transfers import State
from storebrowser.ui.transfers.model import Column
from tests.ui.test_operations import wait_listed

WAIT = 20_000


def test_a_job_waiting_for_an_answer_says_so(qtbot, make_explorer, local_account, tmp_path: Path) -> None:
    explorer = make_explorer()
    window, dock = explorer.window, explorer.transfers
    assert dock.height() <= dock.compact_height() + 8 and dock.height() < 150  # empty: small
    place = Location("Local files", "photos", "2024/")
    window.navigate(place)
    wait_listed(qtbot, window)
    again = tmp_path / "cat.jpg"
    again.write_bytes(b"\xff\xd8\xff another cat")
    explorer.operations.upload_paths([again], place)  # cat.jpg is there: the policy asks
    qtbot.waitUntil(lambda: dock.question is not None, timeout=WAIT)
    box = dock.question
    assert isinstance(box, QMessageBox) and box.isVisible()
    model = dock.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT)
    row = {column: model.data(model.index(0, column)) for column in Column}
    assert row[Column.STATE] == "Waiting" and row[Column.MESSAGE] == "Waiting for your answer"
    assert window.transfers_label.text().startswith("Waiting for your answer")

    # Nothing selected: Pause and Cancel act on the running job; Resume has nothing to do.
    dock.view.clearSelection()
    qtbot.waitUntil(dock.cancel_action.isEnabled, timeout=WAIT)
    assert dock.pause_action.isEnabled() and not dock.resume_action.isEnabled()
    dock.cancel_action.trigger()
    qtbot.waitUntil(lambda: dock.question is None, timeout=WAIT)  # the question went with the job
    job = model.job_at(model.index(0, 0))
    qtbot.waitUntil(lambda: model.job_at(model.index(0, 0)).state is State.CANCELLED, timeout=WAIT)
    assert job is not None and not model.waiting(job.id)
    assert model.data(model.index(0, Column.STATE)) == "Cancelled"
    assert not window.transfers_label.text().startswith("Waiting")


def test_the_selection_count_goes_with_the_selection(
    qtbot, make_explorer, local_account, add_account, tmp_path
) -> None:
    add_account("Second", "local", {"root": str(tmp_path / "second")})
    window = make_explorer().window
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    window.table.setFocus()
    window.table.selectAll()
    qtbot.waitUntil(lambda: "selected" in window.selection_label.text(), timeout=WAIT)
    window.navigate(Location("Second"))
    assert window.selection_label.text() == ""


def test_two_jobs_asking_in_turn_each_row_says_when_it_waits(
    qtbot, make_explorer, local_account, tmp_path
) -> None:
    explorer = make_explorer()
    window, dock, model = explorer.window, explorer.transfers, explorer.transfers.model
    place = Location("Local files", "photos", "2024/")
    for name in ("one", "two"):  # two jobs (two workers), each finds cat.jpg there
        (tmp_path / name).mkdir()
        again = tmp_path / name / "cat.jpg"
        again.write_bytes(b"\xff\xd8\xff " + name.encode())
        explorer.operations.upload_paths([again], place)

    def waiting() -> list[bool]:
        jobs = [model.job_at(model.index(row, 0)) for row in range(model.rowCount())]
        return [model.waiting(job.id) for job in jobs if job is not None]

    # One question at a time (the asker's rule): one row waits, the other job queues behind it.
    qtbot.waitUntil(lambda: len(waiting()) == 2 and sum(waiting()) == 1, timeout=WAIT)
    first = waiting()
    dock.question.reject()  # Skip: that job ends, the other asks next
    qtbot.waitUntil(lambda: waiting() == [not wait for wait in first], timeout=WAIT)
    assert window.transfers_label.text().startswith("Waiting for your answer")
    dock.question.reject()
    qtbot.waitUntil(lambda: waiting() == [False, False] and dock.question is None, timeout=WAIT)
    assert not window.transfers_label.text().startswith("Waiting")
