"""Properties of one object in a versioned container has a Versions tab (moto's S3): its
versions newest first; Preview reads the chosen version's bytes by range; Revert makes it
current (read back with another client). Several objects, or a container of a service
without versions, have no such tab."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTabWidget

from storebrowser.core.places import Location
from storebrowser.ui.application import Explorer
from storebrowser.ui.properties.metadata_editor import MetadataEditor
from storebrowser.ui.theme import dark_palette
from storebrowser.ui.versions.properties_tab import VersionsTab
from storebrowser.ui.versions.rows import RowKind
from tests.providers.versions_support import put
from tests.ui.editing import open_editor
from tests.ui.test_main_window import wait_listed
from tests.ui.test_panel_pictures import save
from tests.ui.test_versions_view import _listed, _rows, _select
from tests.ui.versions_support import WAIT, server_box


def _tab(editor: MetadataEditor) -> VersionsTab | None:
    tabs = editor.findChild(QTabWidget, "propertiesTabs")
    if tabs is None:
        return None
    found = [tabs.widget(n) for n in range(tabs.count()) if isinstance(tabs.widget(n), VersionsTab)]
    return found[0] if found else None


def _open(qtbot, explorer: Explorer, place: Location, *names: str) -> MetadataEditor:
    explorer.window.navigate(place)
    wait_listed(qtbot, explorer.window)
    return open_editor(qtbot, explorer, *names)


def test_the_versions_tab_previews_and_reverts_a_version(qtbot, request, add_account, make_explorer) -> None:
    with server_box(request, add_account, "s3_moto") as box:
        put(box.other, box.container, "docs/a.txt", b"first words")
        put(box.other, box.container, "docs/a.txt", b"second words, longer")
        put(box.other, box.container, "docs/b.txt", b"b")
        explorer = make_explorer()
        editor = _open(qtbot, explorer, Location(box.account, box.container, "docs/"), "a.txt")
        tab = _tab(editor)
        assert tab is not None
        pane = tab.pane
        _listed(qtbot, pane)
        assert _rows(pane) == [("docs/a.txt", RowKind.CURRENT), ("docs/a.txt", RowKind.EARLIER)]
        assert pane.buttons["preview"].isVisibleTo(tab)
        _select(pane, 1)
        with qtbot.waitSignal(tab.preview.settled, timeout=WAIT):
            pane.buttons["preview"].click()
        assert tab.preview.text_view.toPlainText() == "first words"
        assert tab.preview.version_id == pane.model.rows[1].entry.version_id
        assert pane.model.rows[1].entry.version_id[:8] in tab.preview.title.text()
        pane.confirm = lambda *_args: True
        pane.buttons["revert"].click()
        qtbot.waitUntil(lambda: box.other.read(box.container, "docs/a.txt") == b"first words", timeout=WAIT)
        qtbot.waitUntil(lambda: len(pane.model.rows) == 3 and not pane.model.loading, timeout=WAIT)
        editor.close()
        wait_listed(qtbot, explorer.window)  # listed again after the revert
        several = open_editor(qtbot, explorer, "a.txt", "b.txt")
        assert _tab(several) is None
        several.close()


@pytest.fixture(params=["light", "dark"])
def look(request, qapp: QApplication) -> Iterator[str]:
    """The palette a picture is taken in (as ``test_panel_pictures``' scheme)."""
    before = QPalette(qapp.palette())
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


def test_pictures_of_the_versions_tab(
    qtbot, request, look: str, add_account, make_explorer, tmp_path
) -> None:
    """Written to ``$STOREBROWSER_SHOTS`` when set, to be looked at."""
    shots = Path(os.environ.get("STOREBROWSER_SHOTS") or tmp_path)
    drafts = (b"Dear all,\nthe first draft.\n", b"Dear all,\nthe second draft, longer.\n", b"Final.\n")
    with server_box(request, add_account, "s3_moto") as box:
        for words in drafts:
            put(box.other, box.container, "letters/draft.txt", words)
        editor = _open(qtbot, make_explorer(), Location(box.account, box.container, "letters/"), "draft.txt")
        tab = _tab(editor)
        assert tab is not None
        tabs = editor.findChild(QTabWidget, "propertiesTabs")
        tabs.setCurrentWidget(tab)
        editor.resize(760, 640)
        _listed(qtbot, tab.pane)
        _select(tab.pane, 2)
        with qtbot.waitSignal(tab.preview.settled, timeout=WAIT):
            tab.pane.buttons["preview"].click()
        save(editor, shots / f"versions-tab-{look}.png")
        editor.close()
