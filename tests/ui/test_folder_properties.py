"""Properties of a folder or container shows its statistics (counted on a worker, kept
for the place), which agree with ``storebrowser-cli du``; Calculate Folder Sizes fills in
the Size column of folder rows from workers, set apart while counting, from the same
kept counts, and sorting by size then orders the folders. Against the Swift all-in-one;
the pictures (light and dark) on a local account."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt

from storebrowser.core.places import Location
from storebrowser.table.order import Column
from storebrowser.ui.commands.finding import Finding
from storebrowser.ui.commands.folder_sizes import FolderSizeCommands
from storebrowser.ui.format import human_size
from storebrowser.ui.properties.folder_stats import FolderProperties
from tests.cli.conftest import RunCli, cli, cli_env, ok, swift  # noqa: F401 - fixtures used by name
from tests.ui.test_find_window import ALL, BULK, swift_box  # noqa: F401 - fixtures used by name
from tests.ui.test_operations import select_names, wait_listed
from tests.ui.test_panel_pictures import save, scheme, shots  # noqa: F401 - fixtures used by name

WAIT = 30_000
#: What each top-level folder of the box holds, from what was uploaded.
EVERYTHING = {**ALL, **{key: (10, "") for key in BULK}}


def _bytes_below(prefix: str) -> int:
    return sum(size for key, (size, _) in EVERYTHING.items() if key.startswith(prefix))


def _properties(explorer) -> list[FolderProperties]:  # type: ignore[no-untyped-def]
    dialogs: list[FolderProperties] = []
    explorer.operations.show_dialog = lambda dialog: dialogs.append(dialog)  # not modal: the test reads it
    return dialogs


def _counted(dialogs: list[FolderProperties], n: int) -> bool:
    if len(dialogs) < n:
        return False
    stats = dialogs[n - 1].statistics.stats
    return stats is not None and stats.finished


def _sizes(window) -> dict[str, tuple[str, bool]]:  # type: ignore[no-untyped-def]
    """Folder name -> (its Size cell, shown in italics) as the table shows them."""
    model = window.object_model
    shown: dict[str, tuple[str, bool]] = {}
    for row in range(model.rowCount()):
        if model.info(row).is_prefix:
            index = model.index(row, Column.SIZE)
            font = model.data(index, Qt.ItemDataRole.FontRole)
            shown[model.info(row).name] = (model.data(index), font is not None and font.italic())
    return shown


def test_properties_of_a_folder_and_a_container_agree_with_du(
    qtbot, make_explorer, swift_box, swift: RunCli  # noqa: F811
) -> None:  # fmt: skip
    account, container, _other = swift_box
    explorer = make_explorer()
    window = explorer.window
    dialogs = _properties(explorer)
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    select_names(window, "b/")
    assert window.explorer_actions["properties"].isEnabled()
    window.explorer_actions["properties"].trigger()
    qtbot.waitUntil(lambda: _counted(dialogs, 1), timeout=WAIT)
    stats = dialogs[0].statistics.stats
    assert stats is not None and stats.complete and dialogs[0].tabs.tabText(0) == "Statistics"
    assert (stats.total.objects, stats.total.bytes) == (
        sum(k.startswith("b/") for k in EVERYTHING), _bytes_below("b/"))  # fmt: skip
    # Nothing selected: the container's own; the same sums as du's, to the folder and class.
    window.table.clearSelection()
    window.explorer_actions["properties"].trigger()
    qtbot.waitUntil(lambda: _counted(dialogs, 2), timeout=WAIT)
    mine = dialogs[1].statistics.stats
    assert mine is not None and mine.prefix == ""
    du = json.loads(ok(swift("du", container, "--by-class", "--json")))
    assert mine.as_dict() == du
    assert du["objects"] == len(EVERYTHING) and du["bytes"] == _bytes_below("")
    # Asked again: the kept count, nothing listed.
    window.explorer_actions["properties"].trigger()
    qtbot.waitUntil(lambda: len(dialogs) == 3, timeout=WAIT)
    assert not dialogs[2].statistics.counting and dialogs[2].statistics.stats is mine
    for dialog in dialogs:
        dialog.close()


def test_folder_sizes_fill_in_from_workers_and_sort_with_the_folders(
    qtbot, make_explorer, swift_box  # noqa: F811
) -> None:  # fmt: skip
    account, container, _other = swift_box
    explorer = make_explorer()
    window = explorer.window
    sizes = explorer.operations.findChild(FolderSizeCommands)
    finding = explorer.operations.findChild(Finding)
    assert sizes is not None and finding is not None
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    window.table.sortByColumn(Column.SIZE, Qt.SortOrder.DescendingOrder)
    folders = sorted(_sizes(window))
    assert folders == sorted({key.split("/")[0] + "/" for key in EVERYTHING if "/" in key})
    assert all(text == "" for text, _ in _sizes(window).values())
    # Every folder of the place: marked at once as being counted, then filled in.
    window.explorer_actions["folder_sizes"].trigger()
    assert set(_sizes(window).values()) == {("…", True)}
    qtbot.waitUntil(lambda: not sizes.counting, timeout=WAIT)
    shown = _sizes(window)
    assert shown == {name: (human_size(_bytes_below(name)), False) for name in folders}
    order = [window.object_model.info(row).name for row in range(len(folders))]
    assert order == sorted(folders, key=lambda name: -_bytes_below(name))  # biggest first
    # Sums so far change the cells in place; the folders sort again when a count is done.
    model = window.object_model
    rows = np.array(model._visible[: len(folders)], np.uint32)  # the folders lead: their row ids
    smallest_first = np.arange(len(folders), dtype=np.int64) * 1000
    model.show_folder_sizes(model.folder_sizes, rows, smallest_first, counting=True)
    assert [model.info(row).name for row in range(len(folders))] == order
    model.show_folder_sizes(model.folder_sizes, rows, smallest_first, counting=False)
    assert [model.info(row).name for row in range(len(folders))] == order[::-1]
    assert finding.stats_cache.get(Location(account, container)) is not None  # kept for Properties
    # A selected folder is counted alone; a kept count is used without listing.
    window.explorer_actions["refresh"].trigger()
    wait_listed(qtbot, window)
    assert finding.stats_cache.get(Location(account, container)) is None
    assert all(text == "" for text, _ in _sizes(window).values())
    select_names(window, "bulk/")
    window.explorer_actions["folder_sizes"].trigger()
    qtbot.waitUntil(lambda: not sizes.counting, timeout=WAIT)
    assert _sizes(window)["bulk/"] == (human_size(_bytes_below("bulk/")), False)
    assert _sizes(window)["b/"] == ("", False)
    kept = finding.stats_cache.get(Location(account, container, "bulk/"))
    assert kept is not None and kept.total.objects == len(BULK)
    # Leaving the place ends a count; its rows are gone with the listing.
    window.table.clearSelection()
    window.explorer_actions["folder_sizes"].trigger()
    assert sizes.counting
    window.navigate(Location(account, container, "b/"))
    assert not sizes.counting
    wait_listed(qtbot, window)
    assert _sizes(window) == {"sub/": ("", False)}
    # Listed again, the place shows the kept count of bulk/ at once, from a worker.
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    kept_size = (human_size(_bytes_below("bulk/")), False)
    qtbot.waitUntil(lambda: _sizes(window)["bulk/"] == kept_size, timeout=WAIT)
    assert _sizes(window)["b/"] == ("", False) and not sizes.counting
    # View > Stop ends a count: its cells show again what was known before it.
    window.explorer_actions["folder_sizes"].trigger()
    assert sizes.counting
    window.explorer_actions["stop"].trigger()
    assert not sizes.counting and _sizes(window)["b/"] == ("", False)
    assert _sizes(window)["bulk/"] == kept_size
    # The status line adds a counted folder's size, and gives none it does not know.
    select_names(window, "bulk/")
    assert window.selection_label.text() == f"1 selected ({kept_size[0]})"
    select_names(window, "b/")
    assert window.selection_label.text() == "1 selected"


def test_pictures_of_folder_properties_and_folder_sizes(
    qtbot, scheme, shots: Path, make_explorer, local_account, local_root: Path  # noqa: F811
) -> None:  # fmt: skip
    box = local_root / "photos"
    for year, count in (("2023", 3), ("2024", 12), ("2025", 6)):
        for month in range(1, count + 1):
            folder = box / year / f"{month:02}"
            folder.mkdir(parents=True, exist_ok=True)
            for n in range(3):
                (folder / f"IMG_{n:04}.psd").write_bytes(b"p" * (40_000 * (n + 1)))
    (box / "readme.txt").write_bytes(b"r" * 1200)
    explorer = make_explorer()
    window = explorer.window
    window.resize(1100, 640)
    sizes = explorer.operations.findChild(FolderSizeCommands)
    assert sizes is not None
    window.navigate(Location(local_account.name, "photos"))
    wait_listed(qtbot, window)
    window.table.sortByColumn(Column.SIZE, Qt.SortOrder.DescendingOrder)
    window.explorer_actions["folder_sizes"].trigger()
    save(window, shots / f"folder-sizes-counting-{scheme}.png")
    qtbot.waitUntil(lambda: not sizes.counting, timeout=WAIT)
    save(window, shots / f"folder-sizes-{scheme}.png")
    dialogs = _properties(explorer)
    select_names(window, "2024/")
    window.explorer_actions["properties"].trigger()
    qtbot.waitUntil(lambda: _counted(dialogs, 1), timeout=WAIT)
    dialogs[0].show()
    save(dialogs[0], shots / f"folder-properties-{scheme}.png")
    dialogs[0].close()
    # Into a folder and back: the kept sizes are shown again without counting.
    window.navigate(Location(local_account.name, "photos", "2024/"))
    wait_listed(qtbot, window)
    window.navigate(Location(local_account.name, "photos"))
    wait_listed(qtbot, window)
    qtbot.waitUntil(lambda: _sizes(window)["2024/"][0] != "", timeout=WAIT)
    assert not sizes.counting
    save(window, shots / f"folder-sizes-listed-again-{scheme}.png")
