"""Every interactive widget of the main window and of every dialog has a name a screen
reader can say, and a dialog's Tab goes top to bottom, left to right.

The dialogs are found by looking for the QDialog subclasses in the code, so a new dialog
without a recipe here fails ``test_every_dialog_is_checked``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from storebrowser.accounts import AccountStore
from storebrowser.accounts.secrets import Storage
from storebrowser.core.equivalent import Request
from storebrowser.core.places import Location
from storebrowser.core.tiers import Choice, ClassScope, StorageClass, StorageClasses
from storebrowser.providers.registry import get_kind
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.transfers.jobs import JobKind, JobSpec, State
from storebrowser.transfers.progress import ItemSnapshot, JobSnapshot
from storebrowser.ui import a11y
from storebrowser.ui.application import Explorer
from storebrowser.ui.places.tree_model import AccountEntry

ROOT = Path(__file__).resolve().parents[2]
WAIT = 15_000
CLASSES = StorageClasses(
    ClassScope.OBJECT,
    (StorageClass("Hot", "Read often", default=True), StorageClass("Archive", "Hours to read", archive=True)),
    noun="access tier",
    priorities=(Choice("Standard", "Hours"), Choice("High", "Faster")),
    restore_targets=("Hot",),
)


def unnamed(window: QWidget) -> list[str]:
    labels = a11y.buddy_labels(window)
    return [
        f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}"
        for w in a11y.interactive_widgets(window)
        if w.isVisibleTo(window) and not a11y.spoken_name(w, labels)
    ]


def out_of_order(dialog: QWidget) -> list[str]:
    """Tab stops whose order is not the visual one (empty when it is)."""
    stops = a11y.tab_stops(dialog)
    seen = a11y.visual_order(dialog, stops)
    if stops and seen[0] in stops:  # Tab goes round: the same cycle from any start
        start = stops.index(seen[0])
        stops = stops[start:] + stops[:start]
    if stops == seen:
        return []
    return [f"Tab goes {[_label(w) for w in stops]}", f"but one sees {[_label(w) for w in seen]}"]


def _label(widget: QWidget) -> str:
    return a11y.spoken_name(widget) or type(widget).__name__


def dialog_classes() -> set[str]:
    found = set()
    for path in (ROOT / "storebrowser" / "ui").rglob("*.py"):
        for match in re.finditer(r"^class (\w+)\((\w+)\):", path.read_text(encoding="utf-8"), re.M):
            found.add((match.group(1), match.group(2)))
    dialogs = {name for name, base in found if base == "QDialog"}
    grown = True
    while grown:  # subclasses of those
        more = {name for name, base in found if base in dialogs} - dialogs
        dialogs |= more
        grown = bool(more)
    return {name for name in dialogs if not name.startswith("_")}


@pytest.fixture
def explorer(qtbot: Any, make_explorer: Callable[[], Explorer], local_account: AccountEntry) -> Explorer:
    built = make_explorer()
    built.window.navigate(Location("Local files", "documents"))
    qtbot.waitUntil(lambda: built.window.object_model.rowCount() > 0, timeout=WAIT)
    return built


def _job() -> JobSnapshot:
    items = (ItemSnapshot(0, "a.txt", "", State.FAILED, 0, 1, "denied", ""),)
    spec = JobSpec(JobKind.SET_CLASS, "Local files", "documents", sources=("a.txt",), storage_class="Hot")
    return JobSnapshot("j", JobKind.SET_CLASS, State.FAILED, 0, 1, 0.0, None, None, items, spec)


def build_dialogs(
    explorer: Explorer, store: AccountStore, runner: TaskRunner, tmp: Path
) -> Iterator[QDialog]:
    """One of each dialog, on the local account where it needs a place."""
    from storebrowser.editing.state import EditState, OpenedFile
    from storebrowser.ui.access.dialog import SettingsDialog
    from storebrowser.ui.accounts.dialog import AccountsDialog
    from storebrowser.ui.accounts.import_dialog import ImportDialog
    from storebrowser.ui.accounts.sign_in import SignInDialog
    from storebrowser.ui.accounts.tasks import StoreView
    from storebrowser.ui.commands.command_dialog import CommandDialog
    from storebrowser.ui.commands.dialogs import CopyToDialog, NameDialog, ShareUrlDialog
    from storebrowser.ui.commands.find_dialog import FindDialog
    from storebrowser.ui.commands.publish_dialog import PublishDialog
    from storebrowser.ui.commands.stats_dialog import StatsCache, StatsDialog
    from storebrowser.ui.commands.upload_dialog import UploadDialog
    from storebrowser.ui.editing.conflict_dialog import ConflictDialog
    from storebrowser.ui.help import ShortcutsDialog
    from storebrowser.ui.properties.folder_stats import FolderProperties
    from storebrowser.ui.properties.metadata_editor import MetadataEditor
    from storebrowser.ui.properties.quick_look import QuickLook
    from storebrowser.ui.sync.compare_window import CompareWindow
    from storebrowser.ui.tiers import dialogs as tiers
    from storebrowser.ui.tiers.policy_dialog import PolicyMoveDialog, PolicyPlaces
    from storebrowser.ui.tiers.results import JobResultsDialog
    from storebrowser.ui.tiers.tags_dialog import TagsDialog
    from storebrowser.ui.versions import restore_dialog
    from storebrowser.ui.versions.commands import VersionsDialog

    window, context = explorer.window, explorer.operations.context
    provider = window.pool.get("Local files")
    place = Location("Local files", "documents")
    info = provider.stat("documents", "file-0001.txt")
    (tmp / "up.txt").write_text("x")
    no = lambda *_args, **_kwargs: None  # noqa: E731
    yield SettingsDialog(
        runner, provider, "documents", None, confirm=no, ask_key=no, keep_key=no, parent=window
    )
    yield ShortcutsDialog(window)
    yield MetadataEditor(runner, provider, "Local files", "documents", [info], parent=window)
    yield TagsDialog(provider, runner, "documents", ["file-0001.txt"], "1 object", parent=window)
    yield JobResultsDialog(_job(), "Storage class", runner, retry=no, parent=window)
    yield tiers.ClassDialog(CLASSES, "2 objects", "Hot", parent=window)
    yield tiers.RestoreDialog(CLASSES, "2 objects", parent=window)
    yield PolicyMoveDialog(PolicyPlaces("documents", "gold", (("photos", "silver"),)), "2 objects", window)
    yield AccountsDialog(store, runner, window)
    s3 = get_kind("s3")
    yield SignInDialog("S3", [s3.field(name) for name in s3.secret_fields], Storage.KEYRING, window)
    view = StoreView((), (), Storage.KEYRING, "", tmp / "secrets")
    yield ImportDialog(store, runner, lambda: explorer.window.welcome.import_source(), view, window)
    yield VersionsDialog(context, place, "file-0001.txt")
    yield restore_dialog.RestoreDialog(context, place, window)
    yield PublishDialog(runner, ["documents", "photos"], "documents", parent=window)
    yield CommandDialog([Request("ls", "Local files", "local", {}, "documents")], window)
    yield StatsDialog(runner, provider, place, StatsCache(), window)
    yield FolderProperties(runner, provider, place, StatsCache(), window)
    yield FindDialog("Local files:documents/", window)
    yield UploadDialog([tmp / "up.txt"], "Local files:documents/", provider, runner=runner, parent=window)
    yield NameDialog("New Folder", "Name of the new folder:", lambda _text: None, parent=window)
    yield ShareUrlDialog("file-0001.txt", window)
    yield CopyToDialog(["documents", "photos"], "documents", "", 2, window)
    local = str(tmp / "file-0001.txt")
    opened = OpenedFile("Local files", "documents", "file-0001.txt", local, "e1", 1, "0" * 64,
                        state=EditState.CONFLICT, theirs="e2")  # fmt: skip
    yield ConflictDialog(opened, window)
    yield QuickLook(runner, window)
    yield CompareWindow(context, place.text(), place.account, lambda *_args: False, window)


@pytest.fixture
def accessible(qapp: QApplication) -> Iterator[None]:
    """What the app installs at start: names and tab order filled in as windows show."""
    helper = a11y.Accessibility(qapp)
    yield
    qapp.removeEventFilter(helper)
    helper.deleteLater()


def test_every_dialog_is_checked(
    qtbot: Any, explorer: Explorer, store: AccountStore, runner: TaskRunner, tmp_path: Path
) -> None:
    dialogs = list(build_dialogs(explorer, store, runner, tmp_path))
    for dialog in dialogs:
        qtbot.addWidget(dialog)  # closed and deleted on this thread, never by a worker's GC
    built = {type(d).__name__ for d in dialogs}
    assert dialog_classes() <= built | {"RestoreDialog"}
    runner.wait_idle()


def test_the_main_window_names_every_control(qtbot: Any, accessible: None, explorer: Explorer) -> None:
    window = explorer.window
    window.hide()
    window.show()  # shown again: the application's helper looks at it
    qtbot.waitUntil(lambda: not explorer.window.object_model.loading, timeout=WAIT)
    assert unnamed(window) == [], unnamed(window)
    assert (
        window.tree.accessibleName() and window.table.accessibleName() and window.filter_box.accessibleName()
    )
    assert all(b.accessibleName() for b in window.pathbar.crumb_buttons())


def test_every_dialog_names_its_controls_and_tabs_in_visual_order(
    qtbot: Any, accessible: None, explorer: Explorer, store: AccountStore, runner: TaskRunner, tmp_path: Path
) -> None:
    problems: dict[str, list[str]] = {}
    dialogs = list(build_dialogs(explorer, store, runner, tmp_path))  # kept: deleted by qtbot, here
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        found = unnamed(dialog)
        if not dialog.property(a11y.EXPLICIT_TAB_ORDER):
            found += out_of_order(dialog)
        if found:
            problems[type(dialog).__name__] = found
        dialog.close()
    runner.wait_idle()
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_a_transfer_progress_bar_is_read_as_words(qapp: QApplication) -> None:
    from storebrowser.ui.transfers.model import progress_words

    assert progress_words(JobKind.UPLOAD_FILE, State.RUNNING, 45, 100) == "45% — 45 B of 100 B, Running"
    assert progress_words(JobKind.DELETE, State.QUEUED, 0, None).endswith("Queued")
