"""The transfers model, its words and its progress bars, on snapshots made by hand (the
engine's own frozen snapshot types): which signals each refresh sends, and what it shows."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTreeView

from storebrowser.transfers.jobs import JobKind, JobSpec, State
from storebrowser.transfers.kinds import kind_of
from storebrowser.transfers.progress import EngineSnapshot, ItemSnapshot, JobSnapshot
from storebrowser.ui.icons import KIND_DRAWINGS, kind_icon
from storebrowser.ui.transfers import text
from storebrowser.ui.transfers.model import PROGRESS_ROLE, Column, TransfersModel
from storebrowser.ui.transfers.progress_delegate import STEPS, ProgressDelegate, bar_palette

MB = 1_000_000


def item(
    index: int, state: State = State.QUEUED, done: int = 0, total: int | None = MB, **kw: object
) -> ItemSnapshot:
    return ItemSnapshot(index, f"photos/{index:05}.jpg", f"/home/u/{index:05}.jpg", state, done, total,
                        kw.get("error"), str(kw.get("note", "")))  # type: ignore[arg-type]  # fmt: skip


def job(
    job_id: str, items: tuple[ItemSnapshot, ...] = (), state: State = State.RUNNING,
    kind: JobKind = JobKind.UPLOAD_FOLDER, error: str | None = None, **spec: object,
) -> JobSnapshot:  # fmt: skip
    done = sum(i.done for i in items)
    totals = [i.total for i in items]
    total = None if not items or None in totals else sum(t or 0 for t in totals)
    settings: dict[str, object] = {"key": "photos/", "local": "/home/u/holiday"} | spec
    return JobSnapshot(job_id, kind, state, done, total, 0.0, None, error, items,
                       JobSpec(kind, "acct", "bucket", **settings))  # type: ignore[arg-type]  # fmt: skip


def engine(*jobs: JobSnapshot) -> EngineSnapshot:
    return EngineSnapshot(tuple(jobs), 0, None, 0.0, None)


class Signals:
    """What the model told its views."""

    def __init__(self, model: TransfersModel) -> None:
        self.changed: list[tuple[int, int, bool]] = []  # first row, last row, is a child row
        self.inserted = self.removed = self.moved = self.resets = 0
        model.dataChanged.connect(
            lambda a, b, _roles=(): self.changed.append((a.row(), b.row(), a.parent().isValid()))
        )
        model.rowsInserted.connect(  # jobs; a view (or the model tester) fetching items aside
            lambda parent, *_: setattr(self, "inserted", self.inserted + (not parent.isValid()))
        )
        model.rowsRemoved.connect(lambda *_: setattr(self, "removed", self.removed + 1))
        model.rowsMoved.connect(lambda *_: setattr(self, "moved", self.moved + 1))
        model.modelReset.connect(lambda: setattr(self, "resets", self.resets + 1))

    def clear(self) -> None:
        self.changed.clear()
        self.inserted = self.removed = self.moved = self.resets = 0


def test_jobs_come_move_change_and_go_with_the_fewest_signals(qtmodeltester, qapp):
    model = TransfersModel()
    qtmodeltester.check(model)  # stays attached and checks every change below
    signals = Signals(model)
    a, b, c = (job(n, (item(0), item(1))) for n in "abc")
    model.update(engine(a, b, c))
    qapp.processEvents()  # the model tester's fetchMore of the items lands
    assert model.rowCount() == 3 and signals.inserted == 1 and signals.changed == []  # one run of three
    assert model.rowCount(model.index(1, 0)) == 2

    signals.clear()
    model.update(engine(a, b, c))
    assert signals.changed == []  # nothing moved: nothing said

    signals.clear()
    b2 = job("b", (item(0, State.RUNNING, 300_000), item(1)))
    model.update(engine(a, b2, c))
    assert sorted(signals.changed) == [(0, 0, True), (1, 1, False)]  # its row, and its item's

    signals.clear()
    model.update(engine(c, a, b2))  # c moved to the top
    assert signals.moved == 1 and signals.inserted == signals.removed == signals.resets == 0
    assert [model.job_at(model.index(r, 0)).id for r in range(3)] == ["c", "a", "b"]

    signals.clear()
    model.update(engine(c, b2))  # a was cleared
    assert signals.removed == 1 and model.job_row("b") == 1 and model.job_row("a") == -1

    signals.clear()
    z = job("z", (item(0),))
    model.update(engine(z, c, b2))  # loaded from the journal, ahead of the others
    assert signals.inserted == 1 and [model.job_at(model.index(r, 0)).id for r in range(3)] == ["z", "c", "b"]
    qtmodeltester.check(model)


def test_a_job_of_thousands_of_items_costs_nothing_until_it_is_opened(qtmodeltester, qapp):
    model = TransfersModel()
    signals = Signals(model)
    items = tuple(item(n) for n in range(5000))
    model.update(engine(job("big", items)))
    parent = model.index(0, 0)
    assert model.hasChildren(parent) and model.rowCount(parent) == 0 and model.canFetchMore(parent)

    signals.clear()
    busy = list(items)
    busy[10] = item(10, State.RUNNING, 5)
    model.update(engine(job("big", tuple(busy))))
    assert signals.changed == [(0, 0, False)]  # the job row only: its items are not rows yet

    model.fetchMore(parent)
    assert model.rowCount(parent) == 5000 and not model.canFetchMore(parent)
    signals.clear()
    later = list(busy)
    later[10] = item(10, State.DONE, MB)
    later[11] = item(11, State.RUNNING, 7)
    later[4000] = item(4000, State.FAILED, 0, error="denied")
    model.update(engine(job("big", tuple(later))))
    assert sorted(signals.changed) == [(0, 0, False), (10, 11, True), (4000, 4000, True)]
    child = model.index(4000, Column.MESSAGE, parent)
    assert child.data() == "denied" and model.job_at(child).id == "big"
    qtmodeltester.check(model)


def test_a_job_of_one_item_is_a_leaf_that_speaks_for_it(qapp):
    model = TransfersModel()
    failed = item(0, State.FAILED, error="There is no object 'x' in 'bucket'.")
    model.update(engine(job("one", (failed,), State.FAILED, JobKind.DOWNLOAD_OBJECT, key="x",
                            error="1 of 1 items failed; the first: …")))  # fmt: skip
    index = model.index(0, 0)
    assert not model.hasChildren(index)
    assert model.index(0, Column.MESSAGE).data() == "There is no object 'x' in 'bucket'."
    assert model.index(0, Column.NAME).data() == "Download x"


def test_the_columns_say_what_a_person_wants_to_know(qapp):
    model = TransfersModel()
    running = dataclasses.replace(
        job("j", (item(0, State.DONE, MB), item(1, State.RUNNING, MB // 2), item(2))),
        rate=2_500_000.0, eta=0.6,
    )  # fmt: skip
    model.update(engine(running))
    row = [model.index(0, c).data() for c in Column]
    assert row == [
        "Upload 3 files to bucket/photos/",
        "50%",
        "Running",
        "1.5 MB of 3.0 MB",
        "2.5 MB/s",
        "1 s",
        "",
    ]
    assert model.index(0, Column.PROGRESS).data(PROGRESS_ROLE) == 50.0
    model.fetchMore(model.index(0, 0))
    first = [model.index(0, c, model.index(0, 0)).data() for c in Column]
    assert first[:4] == ["00000.jpg", "100%", "Done", "1.0 MB of 1.0 MB"]
    assert model.index(2, Column.SIZE, model.index(0, 0)).data() == "1.0 MB"  # queued: its size
    assert model.index(0, Column.SIZE, model.index(0, 0)).data(Qt.ItemDataRole.TextAlignmentRole)


@pytest.mark.parametrize(
    ("kind", "spec", "count", "title"),
    [
        (
            JobKind.UPLOAD_FILE,
            {"key": "2024/", "local": "/x/report.pdf"},
            0,
            "Upload report.pdf to bucket/2024/",
        ),
        (JobKind.UPLOAD_FOLDER, {"key": "pics/", "local": "/x/pics"}, 0, "Upload pics to bucket/pics/"),
        (JobKind.UPLOAD_FOLDER, {"key": "pics/", "local": "/x/pics"}, 1, "Upload 1 file to bucket/pics/"),
        (JobKind.UPLOAD_STREAM, {"key": "b/backup.tar.gz"}, 0, "Upload backup.tar.gz to bucket/b/"),
        (JobKind.DOWNLOAD_OBJECT, {"key": "a/report.pdf"}, 0, "Download report.pdf"),
        (JobKind.DOWNLOAD_PREFIX, {"key": ""}, 2, "Download 2 objects from bucket"),
        (JobKind.DOWNLOAD_PREFIX, {"key": "a/"}, 0, "Download bucket/a/"),
        (JobKind.COPY, {"key": "a.txt", "dst_key": "b.txt"}, 1, "Copy a.txt to bucket/b.txt"),
        (
            JobKind.MOVE,
            {"key": "a/", "dst_container": "other", "dst_key": "z/"},
            2,
            "Move 2 objects to other/z/",
        ),
        (JobKind.DELETE, {"keys": ("a", "b", "c")}, 1, "Delete 3 objects from bucket"),
        (JobKind.UPLOAD_MANY, {"key": "in/", "sources": ("/x/a", "/x/b")}, 0, "Upload 2 items to bucket/in/"),
        (JobKind.UPLOAD_MANY, {"key": "in/", "sources": ("/x/a", "/x/b")}, 5, "Upload 5 files to bucket/in/"),
        (JobKind.DOWNLOAD_MANY, {"sources": ("a/b/x", "a/b/y/")}, 0, "Download 2 items from bucket/a/b/"),
        (JobKind.DOWNLOAD_MANY, {"sources": ("x", "y/")}, 3, "Download 3 objects from bucket"),
        # A metadata edit was titled "Delete 2 objects from bucket" before the tiering jobs.
        (JobKind.SET_PROPERTIES, {"keys": ("d/a", "d/b")}, 2, "Properties of 2 objects in bucket/d/"),
        (JobKind.SET_CLASS, {"sources": ("logs/",), "storage_class": "GLACIER"}, 0,
         "Storage class of 1 item in bucket/logs/ → GLACIER"),
        (JobKind.SET_CLASS, {"sources": ("logs/",), "storage_class": "GLACIER"}, 3,
         "Storage class of 3 objects in bucket/logs/ → GLACIER"),
        (JobKind.RESTORE_ARCHIVED, {"sources": ("a", "b")}, 2,
         "Restore 2 objects in bucket from the archive"),
        (JobKind.SET_TAGS, {"sources": ("t/x", "t/y")}, 2, "Tags of 2 objects in bucket/t/"),
    ],
)
def test_job_titles(qapp, kind, spec, count, title):
    snap = job("t", tuple(item(n) for n in range(count)), kind=kind, **{"key": "", "local": ""} | spec)
    assert text.job_title(snap) == title


def test_a_job_of_many_sources_says_where_from_and_names_its_items_below_their_folder(qapp):
    many = [f"/home/u/{n}.jpg" for n in range(12)]
    upload = job("u", (), kind=JobKind.UPLOAD_MANY, key="in/", local="", sources=tuple(many))
    assert text.job_tooltip(upload).splitlines() == [*many[:10], "… and 2 more", "→ acct: bucket/in/"]
    download = job("d", (item(0),), kind=JobKind.DOWNLOAD_MANY, key="", local="/home/u/out",
                   sources=("photos/00000.jpg", "photos/more/"))  # fmt: skip
    assert text.job_tooltip(download) == "bucket/photos/00000.jpg\nbucket/photos/more/\n→ /home/u/out"
    assert text.item_name(download, download.items[0]) == "00000.jpg"


def test_the_summary_line(qapp):
    running = dataclasses.replace(
        job("r", (item(0, State.RUNNING, 45_200_000, 120_000_000),)), rate=12_300_000.0
    )
    queued = job("q", (item(0, total=None),), State.QUEUED)
    failed = job("f", (item(0, State.FAILED),), State.FAILED)
    assert (
        text.summary(engine(running, failed))
        == "1 running, 1 failed — 45.2 MB of 120.0 MB, 12.3 MB/s, 6 s left"
    )
    assert (
        text.summary(engine(running, queued)) == "1 running, 1 queued — 45.2 MB, 12.3 MB/s"
    )  # a total unknown
    assert text.summary(engine(job("d", (item(0, State.DONE, MB),), State.DONE))) == "Transfers finished"
    assert text.summary(engine()) == ""
    durations = [text.duration(s) for s in (None, 4.4, 59.6, 125, 3600 * 2 + 60 * 5)]
    assert durations == ["", "4 s", "1 min", "2 min 5 s", "2 h 5 min"]


_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#202124",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Button: "#303134",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.Highlight: "#3d6fb4",
}


def _dark(palette: QPalette) -> QPalette:
    dark = QPalette(palette)
    for role, color in _DARK.items():
        dark.setColor(role, QColor(color))
    return dark


def test_bars_by_state_suit_light_and_dark_themes(qapp):
    light = QApplication.palette()
    dark = _dark(light)
    red, green = (
        bar_palette(light, s).color(QPalette.ColorRole.Highlight) for s in (State.FAILED, State.DONE)
    )
    assert red.hslHue() == 0 and green.hslHue() == 130
    assert bar_palette(light, State.RUNNING).color(QPalette.ColorRole.Highlight) == light.color(
        QPalette.ColorRole.Highlight
    )
    for palette in (light, dark):
        failed = bar_palette(palette, State.FAILED)
        chunk, ink = (
            failed.color(r) for r in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText)
        )
        assert abs(chunk.lightness() - ink.lightness()) > 100  # the percent stays readable on it
    assert bar_palette(dark, State.DONE).color(QPalette.ColorRole.Highlight).lightness() < green.lightness()


def test_the_bar_is_busy_while_the_total_is_unknown(qapp):
    model = TransfersModel()
    model.update(engine(job("u", (item(0, State.RUNNING, 5, None), item(1, State.RUNNING, 5, None))),
                        job("k", (item(0, State.RUNNING, 250_000), item(1)))))  # fmt: skip
    delegate = ProgressDelegate()
    option = QStyleOptionViewItem()
    unknown = delegate.bar_option(option, model.index(0, Column.PROGRESS))
    known = delegate.bar_option(option, model.index(1, Column.PROGRESS))
    assert (unknown.minimum, unknown.maximum, unknown.text) == (0, 0, "")
    assert (known.maximum, known.progress, known.text) == (STEPS, 125, "12%")


def test_render_the_panel_in_a_dark_theme(qtbot, qapp, tmp_path, request):
    """Look at it: STOREBROWSER_SHOTS=<folder> keeps the picture."""
    light = QApplication.palette()
    QApplication.setPalette(_dark(light))  # as a dark desktop sets it: icons follow too
    request.addfinalizer(lambda: QApplication.setPalette(light))
    view = QTreeView()
    qtbot.addWidget(view)
    model = TransfersModel(view)
    view.setModel(model)
    view.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(view))
    view.resize(1000, 200)
    for column, width in ((Column.NAME, 300), (Column.PROGRESS, 130), (Column.SIZE, 150)):
        view.header().resizeSection(column, width)
    running = job("r", (item(0, State.DONE, MB), item(1, State.RUNNING, MB // 3), item(2)))
    denied = item(0, State.FAILED, 0, error="Access denied")
    failed = job("f", (denied,), State.FAILED, JobKind.DOWNLOAD_OBJECT, key="x")
    done = job("d", (item(0, State.DONE, MB),), State.DONE, JobKind.DOWNLOAD_OBJECT, key="y.pdf")
    paused = job(
        "p", (item(0, State.PAUSED, MB // 4),), State.PAUSED, JobKind.UPLOAD_FILE, local="/z/iso.iso"
    )
    model.update(engine(dataclasses.replace(running, rate=2e6), failed, done, paused))
    view.expand(model.index(0, 0))
    view.show()
    qtbot.waitExposed(view)
    folder = Path(os.environ["STOREBROWSER_SHOTS"]) if os.environ.get("STOREBROWSER_SHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert view.grab().save(str(folder / "transfers-dark.png"))
    image = view.viewport().grab().toImage()
    bar = view.visualRect(model.index(1, Column.PROGRESS))  # the failed job's bar
    red = image.pixelColor(bar.center().x() - bar.width() // 3, bar.center().y())
    assert red.red() > red.green() + 40  # drawn red


def test_the_common_folder_of_many_sources_is_remembered_per_spec_and_never_mixed_up() -> None:
    many = tuple(f"photos/2024/img-{n:06}.jpg" for n in range(100_000))
    assert text.common_folder(many) == "photos/2024/"
    assert text.common_folder(many) == "photos/2024/"  # the remembered answer
    other = tuple(f"docs/{n}.txt" for n in range(3))
    assert text.common_folder(other) == "docs/"
    for n in range(200):  # more specs than are remembered: old ones are computed again
        keys = (f"f{n}/a", f"f{n}/b")
        assert text.common_folder(keys) == f"f{n}/"
    assert text.common_folder(many) == "photos/2024/"
    assert text.common_folder(("a", "b/")) == ""


def test_every_kind_names_an_icon_that_is_drawn(qapp) -> None:
    for kind in JobKind:
        assert kind_of(kind).icon in KIND_DRAWINGS, kind
        assert not kind_icon(kind).isNull(), kind
    pictures = {kind: kind_icon(kind).pixmap(16, 16).toImage() for kind in JobKind}
    assert pictures[JobKind.UPLOAD_MANY] == pictures[JobKind.UPLOAD_FILE]
    assert pictures[JobKind.DOWNLOAD_MANY] == pictures[JobKind.DOWNLOAD_OBJECT]
    assert pictures[JobKind.COPY] != pictures[JobKind.MOVE]
    assert pictures[JobKind.MOVE] != pictures[JobKind.DELETE]

