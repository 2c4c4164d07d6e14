"""The object table model against real servers: paging, background loading, cancel,
filter and sort exactness (also for rows that arrive later), search, edits in place.

References are computed in plain Python from the provider's own listing (and the seeded
names), never from the model's code.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QStyle

from storebrowser.accounts.pool import ProviderPool
from storebrowser.core.archive import ArchiveState
from storebrowser.core.mime import guess_type
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.transfers import sending
from storebrowser.ui.file_types import file_type
from storebrowser.ui.objects.model import COLUMNS, Column, ObjectTableModel
from storebrowser.ui.places.tree_model import AccountEntry
from tests.providers.backends import s3_swift_settings
from tests.servers.swift_aio import SwiftServer
from tests.servers.swift_seed import Row, seed_listing

LOAD_TIMEOUT = 30_000

# -- a seeded container on the Swift all-in-one ---------------------------------------------

_WORDS = ("report", "Report", "photo", "IMG", "notes", "Ärger", "zeta", "alpha", "Beta", "data")
_SUFFIXES = (".txt", ".jpg", ".PDF", ".tar.gz", ".bin", "", ".JPG")
_TYPES = ("text/plain", "image/jpeg", "application/pdf", "application/octet-stream", "Application/X-Custom")


def seeded_rows(count: int = 3000) -> list[Row]:
    """Names in mixed case, 7 pseudo-folders, many equal sizes and dates (to see ties)."""
    rnd = random.Random(8)
    rows = []
    for i in range(count):
        if i % 97 == 0:
            name = f"dir-{i % 7}/inner-{i}.txt"
        else:
            name = f"{rnd.choice(_WORDS)}-{i:05d}{rnd.choice(_SUFFIXES)}"
        size = rnd.choice((0, 1, 100, 4096, rnd.randrange(10**7)))
        created = 1_600_000_000 + rnd.randrange(50) * 3600 + rnd.choice((0, 0.5, 0.12345))
        rows.append(Row(name, size, created, rnd.choice(_TYPES), hashlib.md5(name.encode()).hexdigest()))
    return rows


ROWS = seeded_rows()
#: For the tests that sort with Qt's model tester watching: it checks every row on every
#: change, so fewer rows keep them quick.
FEW_ROWS = seeded_rows(600)


def listed_names(names: list[str], prefix: str = "") -> list[str]:
    """What a delimiter listing of ``prefix`` shows: names, sub-folders rolled up."""
    shown = set()
    for name in names:
        if name.startswith(prefix):
            cut = name.find("/", len(prefix))
            shown.add(name[: cut + 1] if cut >= 0 else name)
    return sorted(shown)


def _seed(server: SwiftServer, rows: list[Row]) -> str:
    provider = open_provider("swift", _swift_settings(server))
    provider.connect()
    name = f"listing-{uuid.uuid4().hex[:10]}"
    provider.create_container(name)
    seed_listing(server, name, rows)
    provider.close()
    return name


@pytest.fixture(scope="module")
def seeded(swift_server: SwiftServer) -> str:
    """A container listing ``ROWS``."""
    return _seed(swift_server, ROWS)


@pytest.fixture(scope="module")
def seeded_few(swift_server: SwiftServer) -> str:
    """A container listing ``FEW_ROWS``."""
    return _seed(swift_server, FEW_ROWS)


def _swift_settings(server: SwiftServer) -> dict[str, Any]:
    return {"auth_url": server.auth_url, "username": server.user, "api_key": server.key}


@pytest.fixture(params=["swift", "s3_swift"])
def seeded_provider(request: pytest.FixtureRequest, swift_server: SwiftServer) -> Iterator[Provider]:
    """The seeded container through the native Swift API and through s3api."""
    settings = _swift_settings(swift_server) if request.param == "swift" else s3_swift_settings(swift_server)
    provider = open_provider("swift" if request.param == "swift" else "s3", settings)
    provider.connect()
    yield provider
    provider.close()


def provider_listing(provider: Provider, container: str, prefix: str = "") -> list[ObjectInfo]:
    """The reference: every entry, straight from the provider."""
    entries: list[ObjectInfo] = []
    token = None
    while True:
        page = provider.list_page(container, prefix, "/", token, 1000)
        entries += page.entries
        token = page.next_token
        if token is None:
            return entries


# -- helpers --------------------------------------------------------------------------------


@pytest.fixture
def make_model(qtmodeltester: Any, runner: TaskRunner) -> Callable[..., ObjectTableModel]:
    def make(**sizes: int) -> ObjectTableModel:
        model = ObjectTableModel(runner, **sizes)
        qtmodeltester.check(model)  # keeps watching every later change
        return model

    return make


def shown_keys(model: ObjectTableModel) -> list[str]:
    return [info.key for info in model.infos(range(model.rowCount()))]


def shown_names(model: ObjectTableModel) -> list[str]:
    return [model.data(model.index(row, Column.NAME)) for row in range(model.rowCount())]


def load_all(qtbot: Any, model: ObjectTableModel) -> None:
    qtbot.waitUntil(lambda: model.complete, timeout=LOAD_TIMEOUT)


def after_each_page(model: ObjectTableModel, check: Callable[[], None]) -> list[int]:
    """Run ``check`` whenever a page is in; returns the row counts seen."""
    seen: list[int] = []

    def on_page() -> None:
        seen.append(model.loaded_count)
        check()

    model.pageLoaded.connect(on_page)
    return seen


def sort_value(column: int) -> Callable[[ObjectInfo], Any]:
    if column == Column.NAME:
        return lambda info: info.name.casefold()
    if column == Column.SIZE:
        return lambda info: info.size
    if column == Column.MODIFIED:
        return lambda info: info.modified or datetime.min.replace(tzinfo=UTC)
    if column == Column.TYPE:
        return lambda info: _text(info.content_type or guess_type(info.name))
    if column == Column.STORAGE_CLASS:
        return lambda info: _text(info.storage_class or "")
    if column == Column.ARCHIVE:  # online, then archived, restoring, restored
        return lambda info: 0 if info.archive is None else 1 + list(ArchiveState).index(info.archive.state)
    return lambda info: info.etag or ""


def _text(value: str) -> tuple[str, str]:
    return value.casefold(), value


def reference_sort(infos: list[ObjectInfo], column: int, descending: bool) -> list[str]:
    """Folders first; by the column, stable; folders tie except by name."""
    value = sort_value(column)
    folders = [info for info in infos if info.is_prefix]
    objects = [info for info in infos if not info.is_prefix]
    if column == Column.NAME:
        folders = sorted(folders, key=value, reverse=descending)
    return [info.key for info in folders + sorted(objects, key=value, reverse=descending)]


def reference_filter(infos: list[ObjectInfo], text: str) -> list[str]:
    return [info.key for info in infos if text.casefold() in info.name.casefold()]


# -- paging ---------------------------------------------------------------------------------


def test_local_listing_grows_page_by_page(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], local_account: AccountEntry, pool: ProviderPool
) -> None:
    model = make_model(first_page=100, page_size=300)
    counts = after_each_page(model, lambda: None)
    with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
        model.open(pool.get("Local files"), "documents")
    assert model.rowCount() == 100 and not model.complete  # the first page shows at once
    load_all(qtbot, model)
    assert counts == [100, 400, 700, 1000, 1201]  # 1,200 files and the drafts/ folder
    assert model.rowCount() == model.loaded_count == 1201
    assert model.total_bytes == sum(i % 7 for i in range(1200))  # drafts/a.txt is inside
    assert model.data(model.index(0, Column.NAME)) == "drafts/"
    assert model.data(model.index(0, Column.TYPE)) == "Folder"
    assert not model.canFetchMore(QModelIndex()) and not model.loading


def test_a_listing_goes_on_in_the_background_while_the_window_answers(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], seeded_provider: Provider, seeded: str
) -> None:
    model = make_model(first_page=50, page_size=500)
    reference = provider_listing(seeded_provider, seeded)
    counts = after_each_page(model, lambda: None)
    ticks_while_loading = []
    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: ticks_while_loading.append(model.loading) if model.loading else None)
    heartbeat.start()
    with qtbot.waitSignal(model.loadingChanged, timeout=LOAD_TIMEOUT) as started:
        model.open(seeded_provider, seeded)
    assert started.args == [True] and model.loading
    load_all(qtbot, model)
    heartbeat.stop()
    # Nobody called fetchMore: the pages came on their own, and the event loop kept
    # running in between (the heartbeat ticked while the listing was loading).
    assert len(counts) >= 4 and counts == sorted(counts) and counts[0] == 50
    assert len(ticks_while_loading) > len(counts)
    assert shown_keys(model) == [info.key for info in reference]
    assert [info.key for info in reference] == listed_names([row.name for row in ROWS])
    assert not model.loading and model.complete and not model.canFetchMore(QModelIndex())


def test_rows_carry_what_the_listing_said(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], seeded_provider: Provider, seeded: str
) -> None:
    model = make_model()
    reference = provider_listing(seeded_provider, seeded)
    model.open(seeded_provider, seeded)
    load_all(qtbot, model)
    assert model.infos(range(model.rowCount())) == reference
    assert model.total_bytes == model.visible_bytes == sum(info.size for info in reference)
    row = next(i for i, info in enumerate(reference) if not info.is_prefix)
    info = reference[row]
    cell = {column: model.index(row, column) for column in Column}
    assert model.data(cell[Column.SIZE], Qt.ItemDataRole.ToolTipRole) == f"{info.size:,} bytes"
    assert model.data(cell[Column.SIZE], Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert model.data(cell[Column.ETAG]) == info.etag
    assert model.data(cell[Column.NAME], Qt.ItemDataRole.ToolTipRole) == info.key
    type_tip = model.data(cell[Column.TYPE], Qt.ItemDataRole.ToolTipRole)
    shown_type = file_type(info.content_type or guess_type(info.name), lambda: info.name)
    assert model.data(cell[Column.TYPE]) == shown_type.label  # "PDF document", or the type itself
    if info.content_type:  # Swift lists types: the tooltip says which
        assert type_tip == info.content_type
    else:  # S3 lists none: guessed from the name, and the tooltip says so
        assert shown_type.mime == guess_type(info.name) and "guessed" in type_tip
        assert model.data(cell[Column.STORAGE_CLASS]) == info.storage_class == "STANDARD"
    style = QApplication.style()
    folder_row = next(i for i, info in enumerate(reference) if info.is_prefix)
    folder_icon = model.data(model.index(folder_row, Column.NAME), Qt.ItemDataRole.DecorationRole)
    file_icon = model.data(cell[Column.NAME], Qt.ItemDataRole.DecorationRole)
    folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
    assert folder_icon.pixmap(16).toImage() == folder.pixmap(16).toImage()
    assert file_icon.cacheKey() == shown_type.icon.cacheKey()  # the icon of its type
    assert folder_icon.pixmap(16).toImage() != file_icon.pixmap(16).toImage()
    flags = model.flags(cell[Column.NAME])
    for flag in (Qt.ItemFlag.ItemIsEnabled, Qt.ItemFlag.ItemIsSelectable, Qt.ItemFlag.ItemIsDragEnabled):
        assert flags & flag
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == list(COLUMNS)


def test_cancel_stops_after_the_page_in_flight_then_fetch_more_pages_on(
    qtbot: Any, qtmodeltester: Any, runner: TaskRunner, swift_provider: Provider, seeded: str
) -> None:
    # Qt's model tester calls fetchMore itself after rows are inserted: attached at the
    # end here, so that each page below is one fetchMore of ours.
    model = ObjectTableModel(runner, first_page=100, page_size=400)
    with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
        model.open(swift_provider, seeded)
    assert not model.canFetchMore(QModelIndex())  # the next page is on its way already
    model.cancel_loading()
    qtbot.waitUntil(lambda: not model.loading, timeout=LOAD_TIMEOUT)
    runner.wait_idle()  # the dropped request has finished ...
    qtbot.wait(200)  # ... and its answer was delivered (and dropped)
    assert model.rowCount() == 100  # the page that was in flight was dropped
    assert model.canFetchMore(QModelIndex()) and not model.complete
    expected = listed_names([row.name for row in ROWS])
    while model.canFetchMore(QModelIndex()):
        before = model.rowCount()
        with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == min(before + 400, len(expected))  # one page, no more
        assert not model.loading
    assert model.complete and shown_keys(model) == expected
    qtmodeltester.check(model)


# -- filter and sort ------------------------------------------------------------------------


def test_filter_is_exact_while_pages_arrive(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], seeded_provider: Provider, seeded_few: str
) -> None:
    reference = provider_listing(seeded_provider, seeded_few)
    model = make_model(first_page=50, page_size=150)
    text = ["REPORT"]
    model.set_filter(text[0])

    def exact() -> None:
        loaded = reference[: model.loaded_count]
        assert shown_keys(model) == reference_filter(loaded, text[0])
        shown = set(shown_keys(model))
        assert model.visible_bytes == sum(info.size for info in loaded if info.key in shown)

    counts = after_each_page(model, exact)
    with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
        model.open(seeded_provider, seeded_few)
    for text[0] in ("report-0", "RT", "", "ärger", "Ä", "dir-"):  # narrower, broader, none, ...
        model.set_filter(text[0])
        exact()
    load_all(qtbot, model)
    exact()
    assert len(counts) >= 3
    assert model.filter_text == "dir-" and model.rowCount() == 7
    assert model.loaded_count == len(reference) and model.total_bytes == sum(i.size for i in reference)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", list(Column), ids=[c.name.lower() for c in Column])
def test_sort_is_exact_and_rows_arriving_later_land_in_place(
    qtbot: Any,
    make_model: Callable[..., ObjectTableModel],
    seeded_provider: Provider,
    seeded_few: str,
    column: Column,
    descending: bool,
) -> None:
    reference = provider_listing(seeded_provider, seeded_few)
    model = make_model(first_page=50, page_size=150)

    def exact() -> None:
        assert shown_keys(model) == reference_sort(reference[: model.loaded_count], column, descending)

    with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
        model.open(seeded_provider, seeded_few)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(column, order)
    exact()
    counts = after_each_page(model, exact)
    load_all(qtbot, model)
    exact()
    assert len(counts) >= 2
    model.sort(-1)  # back to the listing's order
    assert shown_keys(model) == [info.key for info in reference]


def test_sort_and_filter_together(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], swift_provider: Provider, seeded_few: str
) -> None:
    reference = provider_listing(swift_provider, seeded_few)
    model = make_model(first_page=50, page_size=150)
    model.sort(Column.SIZE, Qt.SortOrder.DescendingOrder)
    model.set_filter("a")

    def exact() -> None:
        loaded = reference[: model.loaded_count]
        wanted = set(reference_filter(loaded, model.filter_text))
        sorted_keys = reference_sort(loaded, *model_sort(model))
        assert shown_keys(model) == [key for key in sorted_keys if key in wanted]

    after_each_page(model, exact)
    model.open(swift_provider, seeded_few)
    load_all(qtbot, model)
    for text, column in (("p", Column.NAME), ("", Column.TYPE), ("Img", Column.MODIFIED), ("", Column.ETAG)):
        model.set_filter(text)
        exact()
        model.sort(column, Qt.SortOrder.AscendingOrder)
        exact()


def model_sort(model: ObjectTableModel) -> tuple[int, bool]:
    spec = model.sort_spec
    return spec.column, spec.descending


def test_the_selection_follows_its_rows_while_sorted_pages_arrive(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], swift_provider: Provider, seeded_few: str
) -> None:
    model = make_model(first_page=50, page_size=100)
    selection = QItemSelectionModel(model)
    with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
        model.open(swift_provider, seeded_few)
    model.sort(Column.SIZE, Qt.SortOrder.DescendingOrder)
    picked = [model.info(row).key for row in (3, 20, 45)]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (3, 20, 45):
        selection.select(model.index(row, 0), flags)
    selection.setCurrentIndex(model.index(20, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    load_all(qtbot, model)
    assert model.rowCount() > 500
    assert sorted(model.info(index.row()).key for index in selection.selectedRows()) == sorted(picked)
    assert model.info(selection.currentIndex().row()).key == picked[1]


# -- places ---------------------------------------------------------------------------------


def test_a_page_for_a_place_left_behind_is_dropped(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], local_account: AccountEntry, pool: ProviderPool
) -> None:
    model = make_model()
    model.open(pool.get("Local files"), "documents")
    with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
        model.open(pool.get("Local files"), "photos")
    qtbot.wait(300)
    # photos holds only the folder 2024/: nothing of documents' 1,201 rows got in
    assert [model.info(r).key for r in range(model.rowCount())] == ["2024/"]
    assert model.complete and not model.error and model.container == "photos"


def test_a_refresh_keeps_the_rows_shown_until_the_first_page_replaces_them(
    qtbot: Any,
    make_model: Callable[..., ObjectTableModel],
    local_account: AccountEntry,
    pool: ProviderPool,
    local_root: Path,
) -> None:
    """No blank table for the time of a request: the old rows stay, then the new listing
    replaces them whole (an object gone since is gone, a new one is there)."""
    model = make_model(first_page=100, page_size=300)
    model.open(pool.get("Local files"), "documents")
    load_all(qtbot, model)
    (local_root / "documents" / "file-0000.txt").unlink()
    (local_root / "documents" / "file-9999.txt").write_bytes(b"new")
    counts_at_reset: list[int] = []
    model.modelReset.connect(lambda: counts_at_reset.append(model.rowCount()))
    with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
        model.refresh()
        assert model.rowCount() == 1201 and model.loading  # still the old rows, while asked
    assert counts_at_reset == [0]  # one reset, when the first page came
    load_all(qtbot, model)
    keys = shown_keys(model)
    assert "file-0000.txt" not in keys and "file-9999.txt" in keys
    assert model.rowCount() == model.loaded_count == 1201


def test_a_refresh_that_fails_empties_the_table_and_says_why(
    qtbot: Any,
    make_model: Callable[..., ObjectTableModel],
    local_account: AccountEntry,
    pool: ProviderPool,
    local_root: Path,
) -> None:
    model = make_model()
    model.open(pool.get("Local files"), "photos")
    load_all(qtbot, model)
    (local_root / "photos" / "2024" / "cat.jpg").unlink()
    for folder in (local_root / "photos" / "2024", local_root / "photos"):
        folder.rmdir()
    with qtbot.waitSignal(model.failed, timeout=LOAD_TIMEOUT):
        model.refresh()
    assert model.rowCount() == 0 and model.error


def test_a_search_started_before_the_listing_answered_wins(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], local_account: AccountEntry, pool: ProviderPool
) -> None:
    model = make_model(first_page=100, page_size=300)
    model.open(pool.get("Local files"), "documents")
    model.search("file-11")
    load_all(qtbot, model)
    qtbot.wait(200)
    assert shown_names(model) == [f"file-11{i:02}.txt" for i in range(100)]


def test_search_asks_the_server_for_the_prefix(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], seeded_provider: Provider, seeded_few: str
) -> None:
    model = make_model(first_page=100, page_size=500)
    model.open(seeded_provider, seeded_few)
    load_all(qtbot, model)
    everything = model.loaded_count
    model.search("Report-0")
    assert model.search_text == "Report-0"
    load_all(qtbot, model)
    expected = listed_names([row.name for row in FEW_ROWS], "Report-0")
    assert 0 < len(expected) < everything
    # Only the matching keys were listed (a filter would have loaded them all), the
    # prefix is case-sensitive as on the server, and the delimiter still rolls up folders.
    assert model.loaded_count == len(expected) and shown_keys(model) == expected
    model.search("dir-")
    load_all(qtbot, model)
    assert shown_names(model) == [f"dir-{i}/" for i in range(7)]
    model.search("")
    load_all(qtbot, model)
    assert model.loaded_count == everything and model.search_text == ""


def test_a_missing_container_says_so(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], swift_provider: Provider
) -> None:
    model = make_model()
    with qtbot.waitSignal(model.failed, timeout=LOAD_TIMEOUT) as failed:
        model.open(swift_provider, "no-such-container")
    message = failed.args[0]
    assert "no-such-container" in message and "does not exist" in message
    assert "Traceback" not in message
    qtbot.waitUntil(lambda: not model.loading)
    assert model.error == message and not model.canFetchMore(QModelIndex()) and not model.complete
    assert model.rowCount() == 0


def test_a_missing_local_folder_says_so(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], local_account: AccountEntry, pool: ProviderPool
) -> None:
    model = make_model()
    with qtbot.waitSignals([model.failed, model.pageLoaded], timeout=LOAD_TIMEOUT):
        model.open(pool.get("Local files"), "no-such-container")
    assert "no folder 'no-such-container'" in model.error


# -- changes without listing again ------------------------------------------------------------


@dataclass
class Mirror:
    """The test's own idea of the listing, in listing order."""

    infos: list[ObjectInfo]

    def put(self, info: ObjectInfo) -> None:
        keys = [known.key for known in self.infos]
        if info.key in keys:
            self.infos[keys.index(info.key)] = info
        else:
            self.infos.append(info)

    def drop(self, keys: set[str]) -> None:
        self.infos = [info for info in self.infos if info.key not in keys]


def test_removed_and_added_rows_keep_sort_and_filter_exact(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], local_account: AccountEntry, pool: ProviderPool
) -> None:
    provider = pool.get("Local files")
    model = make_model()
    model.open(provider, "documents")
    load_all(qtbot, model)
    mirror = Mirror(provider_listing(provider, "documents"))
    model.sort(Column.SIZE, Qt.SortOrder.DescendingOrder)
    model.set_filter("file-1")

    def exact() -> None:
        wanted = set(reference_filter(mirror.infos, "file-1"))
        keys = [key for key in reference_sort(mirror.infos, Column.SIZE, True) if key in wanted]
        assert shown_keys(model) == keys
        assert model.loaded_count == len(mirror.infos)
        assert model.total_bytes == sum(info.size for info in mirror.infos)

    gone = {f"file-1{i:03}.txt" for i in range(0, 200, 3)} | {"file-0001.txt", "drafts/"}
    model.remove_keys(sorted(gone))
    mirror.drop(gone)
    exact()
    for key, size in (("file-1999.txt", 50), ("file-1000.txt", 3), ("file-1001.txt", 0), ("zz.txt", 9)):
        info = sending.upload_bytes(provider, "documents", key, b"u" * size)
        row = model.add_or_update(info)
        mirror.put(info)
        exact()
        assert (row is None) == ("file-1" not in key)
        if row is not None:
            assert model.info(row).key == key and model.row_of_key(key) == row
    model.add_or_update(sending.upload_bytes(provider, "documents", "file-1-new/deep/x.txt", b"x"))
    mirror.put(ObjectInfo("file-1-new/", is_prefix=True))
    exact()
    assert model.row_of_key("file-1-new/") == 0  # folders first
    model.set_filter("")
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    assert shown_keys(model) == reference_sort(mirror.infos, Column.NAME, False)


def test_many_removed_rows_and_a_selection(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], local_account: AccountEntry, pool: ProviderPool
) -> None:
    model = make_model()
    model.open(pool.get("Local files"), "documents")
    load_all(qtbot, model)
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    selection = QItemSelectionModel(model)
    keep = model.info(10).key
    selection.select(model.index(10, 0), QItemSelectionModel.SelectionFlag.Select)
    gone = [model.info(row).key for row in range(11, model.rowCount(), 2)]
    model.remove_keys(gone)
    assert model.rowCount() == 1201 - len(gone)
    assert not set(gone) & set(shown_keys(model))
    assert [model.info(index.row()).key for index in selection.selectedIndexes()] == [keep]


def test_a_folders_own_marker_is_not_a_row_of_it(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], seeded_provider: Provider
) -> None:
    """The zero-byte ``photos/`` object the AWS console, Horizon and New Folder make is
    listed inside ``photos/`` as an object; it is the folder itself, not a nameless row."""
    container = f"marker-{uuid.uuid4().hex[:10]}"
    seeded_provider.create_container(container)
    try:
        for key in ("photos/", "photos/a.jpg", "photos/sub/", "photos/sub/b.jpg"):
            sending.upload_bytes(seeded_provider, container, key, b"" if key.endswith("/") else b"data")
        model = make_model()
        model.open(seeded_provider, container, "photos/")
        load_all(qtbot, model)
        assert sorted(shown_names(model)) == ["a.jpg", "sub/"] and model.loaded_count == 2
        model.open(seeded_provider, container, "")  # at the top, photos/ is a folder row
        load_all(qtbot, model)
        assert shown_names(model) == ["photos/"]
    finally:
        seeded_provider.delete_container(container, force=True)


# -- painting ---------------------------------------------------------------------------------


def test_the_delegate_reads_a_cell_in_one_call(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], local_account: AccountEntry, pool: ProviderPool
) -> None:
    """Qt's delegate asks a cell's roles through ``multiData``: answered in one Python call
    per cell (issue 25, item 4: fewer calls into Python per repaint), with what ``data``
    says, so a painted cell and ``data`` never disagree."""
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    model = make_model()
    model.open(pool.get("Local files"), "documents")
    load_all(qtbot, model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.sort(Column.SIZE, Qt.SortOrder.DescendingOrder)  # row 0 is the folder drafts/
    calls = {"data": 0}
    data = model.data

    def counted(*args: Any) -> object:
        calls["data"] += 1
        return data(*args)

    model.data = counted  # type: ignore[method-assign]  # counts what Qt asks through data()
    for row in (0, 1, model.rowCount() - 1):
        for column in range(len(COLUMNS)):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            view.itemDelegate().initStyleOption(option, index)
            assert option.text == (data(index, Qt.ItemDataRole.DisplayRole) or "")
            right = column == Column.SIZE
            assert bool(option.displayAlignment & Qt.AlignmentFlag.AlignRight) == right
            assert option.icon.isNull() == (column != Column.NAME)
    assert calls["data"] == 0


def test_a_complete_listing_has_its_names_ranked_and_a_sort_by_name_follows_them(
    qtbot: Any, make_model: Callable[..., ObjectTableModel], seeded_provider: Provider, seeded_few: str
) -> None:
    """Issue 25: once every page is in, a worker ranks the names (``table.name_rank``);
    a sort by name is then an integer sort, and must order exactly as Python does."""
    reference = provider_listing(seeded_provider, seeded_few)
    model = make_model(first_page=50, page_size=150)
    with qtbot.waitSignal(model.pageLoaded, timeout=LOAD_TIMEOUT):
        model.open(seeded_provider, seeded_few)
    load_all(qtbot, model)
    qtbot.waitUntil(lambda: model._rows.name_ranks is not None, timeout=LOAD_TIMEOUT)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        model.sort(Column.NAME, order)
        descending = order == Qt.SortOrder.DescendingOrder
        assert shown_keys(model) == reference_sort(reference, Column.NAME, descending), descending
