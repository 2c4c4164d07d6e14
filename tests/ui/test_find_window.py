"""Find in the window: matches stream into the object table (full keys from the place
down) while the event loop keeps turning; the found rows take the same actions as any
selection; folder statistics count on a worker, stop, and are kept per place. Against
the Swift all-in-one; the pictures (light and dark) on a local account."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from storebrowser.core.errors import NotFound
from storebrowser.core.places import Location
from storebrowser.find.criteria import Criteria
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from storebrowser.ui.commands.find_dialog import FindDialog
from storebrowser.ui.commands.finding import Finding
from storebrowser.ui.commands.stats_dialog import StatsDialog
from storebrowser.ui.objects import found
from tests.find.test_find_servers import KEYS, MARKERS
from tests.ui.servers import unique_name
from tests.ui.test_operations import select_names, wait_listed
from tests.ui.test_panel_pictures import save, scheme, shots  # noqa: F401 - fixtures used by name

WAIT = 30_000
ALL = {**KEYS, **MARKERS}
#: Objects in a folder of their own, so the search has many pages to stream.
BULK = [f"bulk/{n:03}.bin" for n in range(60)]


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(found, "PAGE_SIZE", 4)


@pytest.fixture
def swift_box(swift_account: tuple[str, Provider]) -> Iterator[tuple[str, str, Provider]]:
    account, other = swift_account
    container = unique_name()
    other.create_container(container)
    for key, (size, content_type) in ALL.items():
        sending.upload_bytes(other, container, key, b"x" * size, content_type=content_type)
    for key in BULK:
        sending.upload_bytes(other, container, key, b"b" * 10, content_type="application/octet-stream")
    yield account, container, other
    with contextlib.suppress(NotFound):
        other.delete_container(container, force=True)


def _finding(explorer) -> Finding:  # type: ignore[no-untyped-def]
    finding = explorer.operations.findChild(Finding)
    assert finding is not None
    return finding


def _shown_keys(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.object_model
    return [model.info(row).key for row in range(model.rowCount())]


def test_matches_stream_into_the_table_and_take_the_usual_actions(
    qtbot, make_explorer, swift_box, small_pages
) -> None:
    account, container, other = swift_box
    explorer = make_explorer()
    window, ops = explorer.window, explorer.operations
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    model = window.object_model
    # Shown counts as pages come in, and event-loop turns meanwhile: the loop stays alive.
    counts: list[int] = []
    model.pageLoaded.connect(lambda: counts.append(model.rowCount()))
    ticks = [0]
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start(5)
    _finding(explorer).ask_criteria = lambda _location: Criteria.parse(glob="*.bin", max_size="10")
    window.explorer_actions["find"].trigger()
    qtbot.waitUntil(lambda: model.criteria is not None and model.complete, timeout=WAIT)
    timer.stop()
    assert sorted(_shown_keys(window)) == BULK
    assert len(set(counts)) > 3, counts  # the rows came in several showings, not at the end
    assert ticks[0] > 3
    assert model.scanned_count == len(ALL) + len(BULK)
    status = window.status_label.text()
    assert "60 found among" in status and f"{container}/" in status and "*.bin" in status
    # Full keys, the folder shown: the name column says where each match is.
    assert model.info(0).name.startswith("bulk/") or model.data(model.index(0, 0)).startswith("bulk/")

    # From a folder: names from there down; the actions see the real keys.
    window.navigate(Location(account, container, "b/"))
    wait_listed(qtbot, window)
    _finding(explorer).ask_criteria = lambda _location: Criteria.parse(glob="*.png")
    window.explorer_actions["find"].trigger()
    qtbot.waitUntil(lambda: model.criteria is not None and model.complete, timeout=WAIT)
    assert sorted(_shown_keys(window)) == ["b/1.png", "b/2.png", "b/3.png", "b/sub/4.png"]
    assert "sub/4.png" in {model.data(model.index(row, 0)) for row in range(model.rowCount())}
    select_names(window, "4.png")
    window.explorer_actions["copy_path"].trigger()
    assert QGuiApplication.clipboard().text() == f"{container}/b/sub/4.png"
    ops.confirm = lambda *_args: True
    window.explorer_actions["delete"].trigger()
    qtbot.waitUntil(lambda: "b/sub/4.png" not in _shown_keys(window) and model.complete, timeout=WAIT)
    with pytest.raises(NotFound):
        other.stat(container, "b/sub/4.png")
    assert model.criteria is not None  # the search was run again, not the folder listed
    assert sorted(_shown_keys(window)) == ["b/1.png", "b/2.png", "b/3.png"]


def test_stop_ends_a_search_and_refresh_lists_the_place(qtbot, make_explorer, swift_box, small_pages) -> None:
    account, container, _other = swift_box
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    model = window.object_model
    stopped: list[bool] = []

    def stop_at_first_page() -> None:
        if model.criteria is not None and not stopped:
            stopped.append(True)
            window.explorer_actions["stop"].trigger()

    model.pageLoaded.connect(stop_at_first_page)
    _finding(explorer).ask_criteria = lambda _location: Criteria.parse()
    window.explorer_actions["find"].trigger()
    qtbot.waitUntil(lambda: bool(stopped) and not model.loading, timeout=WAIT)
    assert not model.complete and model.rowCount() < len(ALL) + len(BULK)
    assert "(stopped)" in window.status_label.text()
    assert not model.canFetchMore()  # a stopped search does not restart by scrolling
    window.explorer_actions["refresh"].trigger()
    wait_listed(qtbot, window)
    assert model.criteria is None and "bulk/" in _shown_keys(window)


def test_folder_statistics_count_on_a_worker_and_are_kept(qtbot, make_explorer, swift_box) -> None:
    account, container, _other = swift_box
    explorer = make_explorer()
    window, ops = explorer.window, explorer.operations
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    dialogs: list[StatsDialog] = []
    ops.show_dialog = lambda dialog: dialogs.append(dialog)  # not modal here: the test reads it
    select_names(window, "b/")
    window.explorer_actions["folder_stats"].trigger()
    qtbot.waitUntil(lambda: bool(dialogs) and dialogs[0].stats is not None and dialogs[0].stats.finished,
                    timeout=WAIT)  # fmt: skip
    stats = dialogs[0].stats
    assert stats is not None and stats.complete
    below_b = {k: size for k, (size, _) in ALL.items() if k.startswith("b/")}
    assert (stats.total.objects, stats.total.bytes) == (len(below_b), sum(below_b.values()))
    assert set(stats.by_folder) == {"", "sub/"}
    texts = [dialogs[0].table.topLevelItem(i).text(0) for i in range(dialogs[0].table.topLevelItemCount())]
    assert texts[0] == "Total" and "sub/" in texts
    # Asked again: the kept count, no counting; Count Again counts anew.
    window.explorer_actions["folder_stats"].trigger()
    qtbot.waitUntil(lambda: len(dialogs) == 2, timeout=WAIT)
    assert not dialogs[1].counting and dialogs[1].stats is stats
    dialogs[1].again_button.click()
    assert dialogs[1].counting
    dialogs[1].stop_button.click()
    assert not dialogs[1].counting and dialogs[1].again_button.isEnabled()
    # Refresh forgets the counts of the container.
    window.explorer_actions["refresh"].trigger()
    assert _finding(explorer).stats_cache.get(Location(account, container, "b/")) is None
    for dialog in dialogs:
        dialog.close()


def test_the_find_dialog_refuses_bad_input_with_the_reason(qtbot) -> None:
    dialog = FindDialog("Swift:photos/")
    qtbot.addWidget(dialog)
    dialog.min_size.setText("10XB")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.criteria is None
    assert "bad size '10XB'" in dialog.problem.text()
    dialog.min_size.setText("10M")
    dialog.name_mode.setCurrentIndex(2)
    dialog.name.setText("(")
    dialog.accept()
    assert "bad regular expression" in dialog.problem.text()
    dialog.name.setText(r"\.psd$")
    dialog.accept()
    assert dialog.criteria is not None and dialog.criteria.regex == r"\.psd$"
    assert dialog.criteria.min_size == 10 * 1024**2


def test_pictures_of_a_search_in_progress_and_of_folder_statistics(
    qtbot, scheme, shots: Path, make_explorer, local_account, local_root: Path, small_pages  # noqa: F811
) -> None:
    box = local_root / "photos"
    for year in ("2023", "2024", "2025"):
        for month in range(1, 13):
            folder = box / year / f"{month:02}"
            folder.mkdir(parents=True)
            for n in range(4):
                (folder / f"IMG_{n:04}.psd").write_bytes(b"p" * (1000 * (n + 1)))
                (folder / f"IMG_{n:04}.jpg").write_bytes(b"j" * 300)
    explorer = make_explorer()
    window = explorer.window
    window.resize(1100, 640)
    window.navigate(Location(local_account.name, "photos"))
    wait_listed(qtbot, window)
    model = window.object_model
    taken: list[bool] = []

    def picture_while_searching() -> None:
        if model.criteria is not None and model.rowCount() >= 12 and model.loading and not taken:
            taken.append(True)
            save(window, shots / f"find-in-progress-{scheme}.png")

    model.pageLoaded.connect(picture_while_searching)
    _finding(explorer).ask_criteria = lambda _location: Criteria.parse(glob="*.psd", min_size="2K")
    window.explorer_actions["find"].trigger()
    qtbot.waitUntil(lambda: model.criteria is not None and model.complete, timeout=WAIT)
    assert taken, "the search ended before a picture of it in progress was taken"
    save(window, shots / f"find-done-{scheme}.png")
    dialogs: list[StatsDialog] = []
    explorer.operations.show_dialog = lambda dialog: dialogs.append(dialog)
    window.explorer_actions["refresh"].trigger()
    wait_listed(qtbot, window)
    window.explorer_actions["folder_stats"].trigger()
    qtbot.waitUntil(lambda: bool(dialogs) and dialogs[0].stats is not None and dialogs[0].stats.finished,
                    timeout=WAIT)  # fmt: skip
    dialogs[0].show()
    save(dialogs[0], shots / f"folder-stats-{scheme}.png")
    dialog = FindDialog(f"{local_account.name}:photos/")
    qtbot.addWidget(dialog)
    dialog.name.setText("*.psd")
    dialog.min_size.setText("10XB")
    dialog.accept()
    dialog.show()
    save(dialog, shots / f"find-dialog-{scheme}.png")
    dialogs[0].close()
