"""Drag and drop with real events: QDragEnterEvent / QDragMoveEvent / QDropEvent sent to
the views' viewports with real ``text/uri-list`` data, against the Swift all-in-one
and the local provider."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from storebrowser.core.places import Location
from storebrowser.transfers import JobKind, sending
from storebrowser.ui.application import account_entry
from storebrowser.ui.commands.upload_dialog import UploadOptions
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.objects.dragdrop import INTERNAL_MIME, URI_LIST, DraggedObjects
from storebrowser.ui.transfers import text
from tests.ui.servers import temporary_container
from tests.ui.test_operations import names_shown, select_names, wait_jobs, wait_listed

WAIT = 30_000
ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction


def drop_on(
    view: QAbstractItemView, point: QPoint, mime: QMimeData, *, shift: bool = False, alt: bool = False
) -> bool:
    """Enter, move and drop at ``point`` of the viewport, as a window system delivers
    them; True when the view accepted the drop."""
    modifiers = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    if alt:
        modifiers |= Qt.KeyboardModifier.AltModifier
    buttons = Qt.MouseButton.LeftButton
    target = view.viewport()
    enter = _drag_event(QDragEnterEvent, point, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    move = _drag_event(QDragMoveEvent, point, mime, buttons, modifiers)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(point), ACTIONS, mime, buttons, modifiers)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def _drag_event(kind, point: QPoint, mime: QMimeData, buttons, modifiers):
    """Qt 6.12 takes a QPointF (and calls the QPoint form deprecated); earlier, a QPoint."""
    try:
        return kind(QPointF(point), ACTIONS, mime, buttons, modifiers)
    except TypeError:
        return kind(point, ACTIONS, mime, buttons, modifiers)


def uri_list(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    assert mime.hasFormat(URI_LIST)
    return mime


def row_point(view: QAbstractItemView, index: QModelIndex) -> QPoint:
    view.scrollTo(index)
    return view.visualRect(index).center()


def empty_point(view: QAbstractItemView) -> QPoint:
    return QPoint(view.viewport().width() // 2, view.viewport().height() - 5)


@pytest.fixture
def swift(swift_account, make_explorer):
    name, other = swift_account
    with temporary_container(other) as first, temporary_container(other) as second:
        explorer = make_explorer()
        # A drop uploads with the defaults (an Alt-drop would ask; here it takes the defaults).
        explorer.operations.ask_upload_options = lambda _paths, _location: UploadOptions()
        yield explorer, name, first, second, other


def _tree_index(window: MainWindow, qtbot, location: Location) -> QModelIndex:
    model = window.tree_model
    window.tree.expand(model.index_of(Location(location.account)))
    qtbot.waitUntil(lambda: model.location_at(model.index_of(location)) == location, timeout=WAIT)
    return model.index_of(location)


def test_files_dropped_on_the_table_and_on_a_folder_row_upload_there(qtbot, swift, tmp_path: Path) -> None:
    explorer, account, container, _second, other = swift
    window = explorer.window
    sending.upload_bytes(other, container, "inbox/", b"")
    here = tmp_path / "desk"
    (here / "holiday" / "day1").mkdir(parents=True)
    (here / "notes.txt").write_bytes(b"notes")
    (here / "holiday" / "day1" / "beach.jpg").write_bytes(b"\xff\xd8\xff" + b"b" * 3000)
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)

    assert drop_on(window.table, empty_point(window.table), uri_list(here / "notes.txt", here / "holiday"))
    wait_jobs(qtbot, explorer, 1)  # two paths, one job
    assert other.read(container, "notes.txt") == b"notes"
    assert other.read(container, "holiday/day1/beach.jpg")[:3] == b"\xff\xd8\xff"  # structure kept
    qtbot.waitUntil(lambda: {"notes.txt", "holiday/", "inbox/"} <= names_shown(window), timeout=WAIT)

    model = window.object_model
    inbox = next(r for r in range(model.rowCount()) if model.info(r).name == "inbox/")
    assert drop_on(window.table, row_point(window.table, model.index(inbox, 0)), uri_list(here / "notes.txt"))
    wait_jobs(qtbot, explorer, 2)
    assert other.read(container, "inbox/notes.txt") == b"notes"


def test_three_files_and_a_folder_dropped_make_one_job_of_their_items(qtbot, swift, tmp_path: Path) -> None:
    explorer, account, container, _second, other = swift
    window = explorer.window
    here = tmp_path / "desk"
    (here / "trip" / "day2").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "c.bin"):
        (here / name).write_bytes(name.encode())
    (here / "trip" / "map.png").write_bytes(b"map")
    (here / "trip" / "day2" / "sea.jpg").write_bytes(b"sea")
    window.navigate(Location(account, container, "in/"))
    wait_listed(qtbot, window)
    dropped = [here / "a.txt", here / "b.txt", here / "c.bin", here / "trip"]
    assert drop_on(window.table, empty_point(window.table), uri_list(*dropped))
    wait_jobs(qtbot, explorer, 1)
    [job] = explorer.jobs.engine.snapshot().jobs
    assert job.kind is JobKind.UPLOAD_MANY and job.spec.key == "in/"
    assert job.spec.sources == tuple(str(p) for p in dropped)
    assert [i.key for i in job.items] == ["in/a.txt", "in/b.txt", "in/c.bin", "in/trip/map.png",
                                          "in/trip/day2/sea.jpg"]  # fmt: skip
    assert other.read(container, "in/trip/day2/sea.jpg") == b"sea"
    assert text.job_title(job) == f"Upload 5 files to {container}/in/"


def test_files_dropped_on_a_tree_container_upload_into_it(qtbot, swift, tmp_path: Path) -> None:
    explorer, account, _first, second, other = swift
    window = explorer.window
    (tmp_path / "a.txt").write_bytes(b"into the tree")
    index = _tree_index(window, qtbot, Location(account, second))
    assert drop_on(window.tree, row_point(window.tree, index), uri_list(tmp_path / "a.txt"))
    wait_jobs(qtbot, explorer, 1)
    assert other.read(second, "a.txt") == b"into the tree"


def test_a_drop_on_an_account_node_is_refused(qtbot, swift, tmp_path: Path) -> None:
    explorer, account, *_rest = swift
    window = explorer.window
    (tmp_path / "a.txt").write_bytes(b"x")
    account_index = window.tree_model.index_of(Location(account))
    assert not drop_on(window.tree, row_point(window.tree, account_index), uri_list(tmp_path / "a.txt"))


def test_dragging_objects_out_fetches_verified_files_when_asked(qtbot, swift, tmp_path: Path) -> None:
    explorer, account, container, _second, other = swift
    window = explorer.window
    sending.upload_bytes(other, container, "report.pdf", b"%PDF" + bytes(range(256)) * 400)
    sending.upload_bytes(other, container, "docs/readme.md", b"# read me")
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)
    select_names(window, "report.pdf")
    started: list[QMimeData] = []
    # The drag as the view starts it, without a window system to fly it.
    window.table.startDrag = lambda _actions: started.append(window.table._mime_source())
    window.table.startDrag(Qt.DropAction.CopyAction)
    mime = started[0]
    assert set(mime.formats()) >= {INTERNAL_MIME, URI_LIST}
    assert DraggedObjects.decode(mime.data(INTERNAL_MIME).data()) == DraggedObjects(
        account, container, ("report.pdf",)
    )
    urls = mime.urls()  # the drop target asks: the download runs now, the window answers
    assert len(urls) == 1
    fetched = Path(urls[0].toLocalFile())
    assert fetched.name == "report.pdf" and fetched.read_bytes() == other.read(container, "report.pdf")
    assert not list(fetched.parent.glob("*.part"))
    # A folder is too much to fetch during a drop: it drags inside the app only.
    select_names(window, "docs/")
    window.table.startDrag(Qt.DropAction.CopyAction)
    assert URI_LIST not in started[1].formats() and INTERNAL_MIME in started[1].formats()
    # Several objects dragged out are fetched by one job.
    sending.upload_bytes(other, container, "second.txt", b"two")
    window.object_model.refresh()
    qtbot.waitUntil(lambda: "second.txt" in names_shown(window), timeout=WAIT)
    select_names(window, "report.pdf", "second.txt")
    window.table.startDrag(Qt.DropAction.CopyAction)
    fetched_both = sorted(Path(url.toLocalFile()).name for url in started[2].urls())
    assert fetched_both == ["report.pdf", "second.txt"]
    jobs = explorer.jobs.engine.snapshot().jobs
    assert [j.kind for j in jobs] == [JobKind.DOWNLOAD_OBJECT, JobKind.DOWNLOAD_MANY]
    assert len(jobs[1].items) == 2


def test_tree_to_tree_drag_copies_on_the_server_and_shift_moves(qtbot, swift) -> None:
    explorer, account, first, second, other = swift
    window = explorer.window
    for key in ("photos/a.jpg", "photos/2024/b.jpg"):
        sending.upload_bytes(other, first, key, key.encode())
    source = _tree_index(window, qtbot, Location(account, first))
    window.tree.expand(source)
    photos = _tree_index(window, qtbot, Location(account, first, "photos/"))
    window.tree.setCurrentIndex(photos)
    mime = window.tree._mime_source()
    target = _tree_index(window, qtbot, Location(account, second))
    assert drop_on(window.tree, row_point(window.tree, target), mime)
    wait_jobs(qtbot, explorer, 1)
    assert other.read(second, "photos/2024/b.jpg") == b"photos/2024/b.jpg"
    job = explorer.jobs.engine.snapshot().jobs[0]
    assert all(item.note == "" for item in job.items)  # server-side (a streamed copy says so)
    assert other.read(first, "photos/a.jpg") == b"photos/a.jpg"  # a copy keeps the source

    window.tree.setCurrentIndex(_tree_index(window, qtbot, Location(account, first, "photos/")))
    mime = window.tree._mime_source()
    target = _tree_index(window, qtbot, Location(account, second))
    other.delete_objects(second, ["photos/a.jpg", "photos/2024/b.jpg"])
    assert drop_on(window.tree, row_point(window.tree, target), mime, shift=True)
    wait_jobs(qtbot, explorer, 2)
    assert other.read(second, "photos/a.jpg") == b"photos/a.jpg"
    assert not other.list_page(first, "photos/", None).entries  # moved: the source is gone


def test_a_folder_cannot_be_dropped_into_itself(qtbot, swift) -> None:
    explorer, account, first, _second, other = swift
    window = explorer.window
    sending.upload_bytes(other, first, "a/b/c.txt", b"c")
    window.navigate(Location(account, first, "a/"))
    wait_listed(qtbot, window)
    mime = QMimeData()
    mime.setData(INTERNAL_MIME, DraggedObjects(account, first, ("a/",)).encode())
    model = window.object_model
    row = next(r for r in range(model.rowCount()) if model.info(r).name == "b/")
    assert drop_on(window.table, row_point(window.table, model.index(row, 0)), mime)
    assert "cannot go into itself" in window.messages.text
    assert not explorer.jobs.engine.snapshot().jobs


def test_objects_dragged_to_another_account_are_streamed(qtbot, swift, add_account, store, tmp_path) -> None:
    explorer, account, container, _second, other = swift
    window = explorer.window
    local_root = tmp_path / "mine"
    (local_root / "box").mkdir(parents=True)
    (local_root / "box" / "song.ogg").write_bytes(b"OggS" + b"m" * 5000)
    add_account("Mine", "local", {"root": str(local_root)})
    window.set_accounts([account_entry(a) for a in store.accounts()])
    window.navigate(Location("Mine", "box"))
    wait_listed(qtbot, window)
    select_names(window, "song.ogg")
    mime = window.table._mime_source()
    target = _tree_index(window, qtbot, Location(account, container))
    assert drop_on(window.tree, row_point(window.tree, target), mime)
    wait_jobs(qtbot, explorer, 1)
    assert other.read(container, "song.ogg") == b"OggS" + b"m" * 5000
    job = explorer.jobs.engine.snapshot().jobs[0]
    assert job.items[0].note == "streamed between accounts"
