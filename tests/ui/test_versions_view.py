"""View > Show Versions and the Versions… dialog through the window, against real
servers (moto's S3 and the Swift all-in-one), the outcome read back with another client:
put v1, put v2, delete shows three rows in order, the object dimmed as deleted; Undelete,
Revert, a verified Download and a confirmed Delete of one version."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel

from storebrowser.core.places import Location
from storebrowser.transfers import sending
from storebrowser.ui.application import Explorer
from storebrowser.ui.versions.model import cell_text
from storebrowser.ui.versions.pane import VersionsPane
from storebrowser.ui.versions.rows import RowKind
from tests.ui.versions_support import WAIT, server_box, show_versions


def _rows(pane: VersionsPane) -> list[tuple[str, RowKind]]:
    return [(row.key, row.kind) for row in pane.model.rows]


def _listed(qtbot, pane: VersionsPane) -> None:
    qtbot.waitUntil(
        lambda: pane.place is not None and not pane.model.loading and bool(pane.model.rows), timeout=WAIT
    )


def _select(pane: VersionsPane, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    pane.table.selectionModel().select(pane.model.index(row, 0), flags)


def _relisted(qtbot, pane: VersionsPane, before: list[tuple[str, RowKind]]) -> None:
    qtbot.waitUntil(lambda: not pane.model.loading and _rows(pane) != before, timeout=WAIT)


@pytest.mark.parametrize("which", ["s3_moto", "swift"])
def test_versions_of_a_folder_and_of_one_object(
    qtbot, request, which: str, add_account, make_explorer, tmp_path: Path
) -> None:
    with server_box(request, add_account, which) as box:
        _scenario(qtbot, make_explorer(), box.other, box.account, box.container, tmp_path)


def _scenario(qtbot, explorer: Explorer, other, account: str, container: str, tmp_path: Path) -> None:
    sending.upload_bytes(other, container, "docs/a.txt", b"v1")
    sending.upload_bytes(other, container, "docs/a.txt", b"v2")
    other.delete_object(container, "docs/a.txt")
    sending.upload_bytes(other, container, "docs/b.txt", b"b old")
    sending.upload_bytes(other, container, "docs/b.txt", b"b new")
    sending.upload_bytes(other, container, "docs/sub/c.txt", b"c")
    window, versions = explorer.window, explorer.versions
    assert versions is not None
    page = show_versions(qtbot, explorer, Location(account, container, "docs/"))
    toggle = window.explorer_actions["show_versions"]
    _listed(qtbot, page)
    # One folder level: the subfolder as a row, never its versions.
    assert _rows(page) == [
        ("docs/a.txt", RowKind.DELETED), ("docs/a.txt", RowKind.EARLIER), ("docs/a.txt", RowKind.EARLIER),
        ("docs/b.txt", RowKind.CURRENT), ("docs/b.txt", RowKind.EARLIER),
        ("docs/sub/", RowKind.FOLDER),
    ]  # fmt: skip
    deleted = page.model.rows[0]
    assert cell_text(deleted, 2) == "2 B" and cell_text(deleted, 3).startswith("deleted ")

    # Undelete brings v2 back, byte for byte.
    _select(page, 1)
    assert page.buttons["undelete"].isEnabled()
    before = _rows(page)
    page.buttons["undelete"].click()
    _relisted(qtbot, page, before)
    assert other.read(container, "docs/a.txt") == b"v2"
    assert _rows(page)[0] == ("docs/a.txt", RowKind.CURRENT)

    # Versions… of b.txt: revert to the old version, download one verified, delete one.
    b_row = next(i for i, row in enumerate(page.model.rows) if row.key == "docs/b.txt")
    _select(page, b_row)
    page.buttons["versions"].click()
    (dialog,) = versions.dialogs
    pane = dialog.pane
    _listed(qtbot, pane)
    assert _rows(pane) == [("docs/b.txt", RowKind.CURRENT), ("docs/b.txt", RowKind.EARLIER)]
    _select(pane, 1)
    pane.confirm = lambda *_args: True
    before = _rows(pane)
    pane.buttons["revert"].click()
    _relisted(qtbot, pane, before)
    assert other.read(container, "docs/b.txt") == b"b old"

    saved = tmp_path / "b-old.txt"
    pane.ask_save_path = lambda _suggested: saved
    _select(pane, 1)  # "b new", now an earlier version
    pane.buttons["download"].click()
    qtbot.waitUntil(saved.exists, timeout=WAIT)
    assert saved.read_bytes() == b"b new"
    qtbot.waitUntil(lambda: "verified" in window.messages.text, timeout=WAIT)

    asked: list[str] = []
    pane.confirm = lambda _title, question, _button: asked.append(question) or True
    doomed = pane.model.rows[1].entry.version_id
    before = _rows(pane)
    _select(pane, 1)
    pane.buttons["delete"].click()
    _relisted(qtbot, pane, before)
    assert doomed in asked[0] and "for good" in asked[0]
    assert doomed not in {v.version_id for v in other.list_versions_page(container, "docs/b").entries}

    # A refused question changes nothing.
    pane.confirm = lambda *_args: False
    _select(pane, 1)
    kept = [row.entry.version_id for row in pane.model.rows]
    pane.buttons["delete"].click()
    assert [v.version_id for v in other.list_versions_page(container, "docs/b").entries] == kept

    # Off again: the objects.
    toggle.trigger()
    assert window.stack.currentWidget() is window.table
