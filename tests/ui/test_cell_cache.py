"""The object table keeps what it painted of a cell (``cells.CellRoles``): a repaint of
rows painted before formats nothing again, and what the view paints is never stale after
any change of the rows (a page, an object changed in place, hidden or shown, a rename, a
delete, a sort, a filter, a folder's count, another listing). Against the Swift
all-in-one, through the native API and s3api.

"What the view paints" is what Qt's delegate reads of each cell (``initStyleOption``,
through ``multiData``); it is compared with ``data``, which reads the columns afresh each
time, and with the provider's own listing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.transfers import sending
from storebrowser.ui.format import human_size
from storebrowser.ui.objects import cells
from storebrowser.ui.objects.model import COLUMNS, Column, ObjectTableModel
from tests.providers.backends import s3_swift_settings
from tests.servers.swift_aio import SwiftServer

LOAD_TIMEOUT = 30_000
#: Objects at the top of the container, and the objects of its one folder.
NAMES = [f"file-{n:02d}.txt" for n in range(12)]
IN_FOLDER = ["dir/a.bin", "dir/b.bin"]


@pytest.fixture(params=["swift", "s3_swift"])
def provider(request: pytest.FixtureRequest, swift_server: SwiftServer) -> Iterator[Provider]:
    server = swift_server
    settings = {"auth_url": server.auth_url, "username": server.user, "api_key": server.key}
    if request.param == "s3_swift":
        settings = s3_swift_settings(server)
    opened = open_provider("swift" if request.param == "swift" else "s3", settings)
    opened.connect()
    yield opened
    opened.close()


@pytest.fixture
def container(provider: Provider) -> Iterator[str]:
    name = f"cells-{uuid.uuid4().hex[:10]}"
    provider.create_container(name)
    for n, key in enumerate(NAMES + IN_FOLDER):
        sending.upload_bytes(provider, name, key, b"x" * (n + 1), content_type="text/plain")
    yield name
    provider.delete_container(name, force=True)


@pytest.fixture
def shown(qtbot: Any, runner: TaskRunner) -> Callable[..., tuple[ObjectTableModel, QTableView]]:
    def make(**sizes: int) -> tuple[ObjectTableModel, QTableView]:
        model = ObjectTableModel(runner, **sizes)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(900, 700)
        view.show()
        return model, view

    return make


def painted(view: QTableView, model: ObjectTableModel) -> list[list[str]]:
    """The text of every cell as the view's delegate reads it to paint it."""
    rows = []
    for row in range(model.rowCount()):
        texts = []
        for column in range(len(COLUMNS)):
            option = QStyleOptionViewItem()
            view.itemDelegate().initStyleOption(option, model.index(row, column))
            texts.append(option.text)
        rows.append(texts)
    return rows


def afresh(model: ObjectTableModel) -> list[list[str]]:
    """The text of every cell read from the columns now (``data``, nothing kept)."""
    return [
        [model.data(model.index(row, column)) or "" for column in range(len(COLUMNS))]
        for row in range(model.rowCount())
    ]


def check(view: QTableView, model: ObjectTableModel) -> list[list[str]]:
    """The view paints what the rows hold, twice in a row (the second from what is kept)."""
    first = painted(view, model)
    assert first == afresh(model)
    assert painted(view, model) == first
    return first


def by_name(cells_shown: list[list[str]]) -> dict[str, list[str]]:
    return {row[Column.NAME]: row for row in cells_shown}


def load_all(qtbot: Any, model: ObjectTableModel) -> None:
    qtbot.waitUntil(lambda: model.complete, timeout=LOAD_TIMEOUT)


def test_a_repaint_formats_no_cell_it_painted_before(
    qtbot: Any,
    shown: Callable[..., tuple[ObjectTableModel, QTableView]],
    provider: Provider,
    container: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 25 (the paint's stall): a cell painted once is answered from what was kept,
    with the same values, until its row changes."""
    model, view = shown()
    model.open(provider, container)
    load_all(qtbot, model)
    formatted = {"cells": 0}
    cell_text = cells.cell_text

    def counted(*args: Any) -> str:
        formatted["cells"] += 1
        return cell_text(*args)

    monkeypatch.setattr(cells, "cell_text", counted)
    model.forget_cells()  # the view painted while the rows came: start from none kept
    first = painted(view, model)
    assert formatted["cells"] == model.rowCount() * len(COLUMNS)
    view.viewport().repaint()
    assert painted(view, model) == first == afresh(model)
    assert formatted["cells"] == 2 * model.rowCount() * len(COLUMNS)  # afresh's own, none painted


def test_what_is_painted_follows_every_change_of_the_rows(
    qtbot: Any, shown: Callable[..., tuple[ObjectTableModel, QTableView]], provider: Provider, container: str
) -> None:
    model, view = shown(first_page=4, page_size=4)
    pages: list[list[list[str]]] = []
    model.pageLoaded.connect(lambda: pages.append(check(view, model)))  # a new page each time
    model.open(provider, container)
    load_all(qtbot, model)
    assert len(pages) >= 3 and [row[Column.NAME] for row in pages[-1]] == ["dir/", *NAMES]

    # An object changed in place (same key, same row id): its new size is painted.
    info = sending.upload_bytes(provider, container, NAMES[3], b"y" * 5000, content_type="image/png")
    model.add_or_update(info)
    assert by_name(check(view, model))[NAMES[3]][Column.SIZE] == human_size(5000)

    # Changed while a filter hides it, then shown again.
    model.set_filter("file-0")
    check(view, model)
    info = sending.upload_bytes(provider, container, NAMES[11], b"z" * 7000)
    assert model.add_or_update(info) is None  # filtered out: not shown
    model.set_filter("")
    assert by_name(check(view, model))[NAMES[11]][Column.SIZE] == human_size(7000)

    # Sorted by size (the largest first), then back to the listing's order.
    model.sort(Column.SIZE, Qt.SortOrder.DescendingOrder)
    assert [row[Column.NAME] for row in check(view, model)][1:3] == [NAMES[11], NAMES[3]]
    model.sort(-1)
    check(view, model)

    # Renamed (a new key, the old one gone) and deleted.
    renamed = sending.upload_bytes(provider, container, "renamed.txt", b"r" * 3)
    provider.delete_object(container, NAMES[0])
    model.remove_keys([NAMES[0]])
    model.add_or_update(renamed)
    provider.delete_object(container, NAMES[1])
    model.remove_keys([NAMES[1]])
    names = [row[Column.NAME] for row in check(view, model)]
    assert NAMES[0] not in names and NAMES[1] not in names and "renamed.txt" in names


def test_a_folders_count_is_painted_as_it_goes(
    qtbot: Any, shown: Callable[..., tuple[ObjectTableModel, QTableView]], provider: Provider, container: str
) -> None:
    model, view = shown()
    model.open(provider, container)
    load_all(qtbot, model)
    assert by_name(check(view, model))["dir/"][Column.SIZE] == ""
    rows = model.folder_rows()
    model.show_folder_sizes(model.folder_sizes, rows, None, counting=True)
    assert by_name(check(view, model))["dir/"][Column.SIZE] == "…"
    model.show_folder_sizes(model.folder_sizes, rows, np.array([13], np.int64), counting=True)
    assert by_name(check(view, model))["dir/"][Column.SIZE] == human_size(13)
    model.stop_folder_sizes(model.folder_sizes, rows)  # stopped: unknown again
    assert by_name(check(view, model))["dir/"][Column.SIZE] == ""
    model.show_folder_sizes(model.folder_sizes, rows, np.array([27], np.int64), counting=False)
    assert by_name(check(view, model))["dir/"][Column.SIZE] == human_size(27)


def test_another_listing_is_painted_afresh(
    qtbot: Any, shown: Callable[..., tuple[ObjectTableModel, QTableView]], provider: Provider, container: str
) -> None:
    """A new listing starts its row ids from 0 again: nothing of the last one is painted."""
    model, view = shown()
    model.open(provider, container)
    load_all(qtbot, model)
    check(view, model)
    model.open(provider, container, "dir/")
    load_all(qtbot, model)
    assert [row[Column.NAME] for row in check(view, model)] == ["a.bin", "b.bin"]
    model.refresh()  # the same place again, its rows kept shown until the first page
    load_all(qtbot, model)
    assert [row[Column.NAME] for row in check(view, model)] == ["a.bin", "b.bin"]
    model.set_filter("a.")
    assert [row[Column.NAME] for row in check(view, model)] == ["a.bin"]


def test_no_more_cells_are_kept_than_the_limit(
    qtbot: Any,
    shown: Callable[..., tuple[ObjectTableModel, QTableView]],
    provider: Provider,
    container: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Scrolling through a million rows keeps at most ``KEPT_CELLS`` cells."""
    monkeypatch.setattr(cells, "KEPT_CELLS", 10)
    model, view = shown()
    model.open(provider, container)
    load_all(qtbot, model)
    check(view, model)
    assert 0 < len(model._kept) <= 10
