"""The catalogues are up to date with the code, and the main window reads German (and French).

The window is built twice, in English and in German, and the same widgets' words are
compared: a word still in English in the German window was not marked for translation
(or not translated). Names of things (the account, its containers, a few words German
shares with English) are allowed.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QToolBar,
    QWidget,
)

from storebrowser.core.places import Location
from storebrowser.ui import format, i18n
from storebrowser.ui.application import Explorer
from storebrowser.ui.places.tree_model import AccountEntry

ROOT = Path(__file__).resolve().parents[2]
WAIT = 15_000
#: The same in German: names, and words German took from English.
SAME_IN_GERMAN = {
    "StoreBrowser",
    "Name",
    "Navigation",
    "Region",
    "ETag",
    "Version",
    "Tags…",
    "Rate",
    "Text",
    "Hex",
    "Bytes [",
}
#: The same in French (the second language covers the main window and its menus).
SAME_IN_FRENCH = {
    "StoreBrowser", "Navigation", "Actions", "Type", "Message", "Pause", "ETag", "Version", "Versions…",
    "Image",
    "Hex",
}  # fmt: skip
#: The services' own names (the welcome page's buttons to add an account of each kind).
SERVICES = {"Amazon S3 / S3-compatible…", "Azure Blob Storage…", "OpenStack Swift / Rackspace Cloud Files…"}


def _translations_tool() -> Any:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "installer" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogues_are_up_to_date_with_the_code() -> None:
    """The .ts hold every word of the code (pyside6-lupdate), the .qm are compiled from them."""
    assert _translations_tool().stale() == []


def test_the_german_catalogue_is_complete() -> None:
    ts = (ROOT / "storebrowser" / "ui" / "i18n" / "storebrowser_de.ts").read_text(encoding="utf-8")
    assert ts.count("<message") > 600
    assert 'type="unfinished"' not in ts
    assert "<numerusform></numerusform>" not in ts


def test_the_catalogues_ship_in_the_package() -> None:
    folder = i18n.catalogue_dir()
    assert {path.name for path in folder.glob("*.qm")} == {
        f"storebrowser_{lang}.qm" for lang in i18n.LANGUAGES
    }
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"storebrowser.ui.i18n" = ["*.qm", "*.ts"]' in pyproject
    # The frozen app takes every data file of the package (the .qm with it).
    assert 'collect_data_files("storebrowser")' in (ROOT / "installer" / "storebrowser.spec").read_text()


def test_language_is_chosen_from_the_system_or_forced() -> None:
    assert i18n.chosen_language("de") == "de"
    assert i18n.chosen_language("fr_CA") == "fr"
    assert i18n.chosen_language() in {*i18n.LANGUAGES, i18n.SOURCE_LANGUAGE}


def test_language_option_is_refused_when_unknown() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "storebrowser", "--language", "xx", "--version"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "invalid choice: 'xx'" in result.stderr


@pytest.fixture
def english_again(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.uninstall(qapp)


def _words(window: QWidget) -> list[tuple[str, str]]:
    """``(where, text)`` of what the window shows, in a fixed order."""
    found: list[tuple[str, str]] = [("title", window.windowTitle())]
    for menu in window.findChildren(QMenu):
        found.append(("menu", menu.title()))
        found += [("menu item", a.text()) for a in menu.actions() if not a.isSeparator()]
        found += [("status tip", a.statusTip()) for a in menu.actions() if not a.isSeparator()]
    for bar in window.findChildren(QToolBar):
        found.append(("toolbar", bar.windowTitle()))
        found += [("tool", a.text()) for a in bar.actions() if not a.isSeparator()]
    found += [("dock", dock.windowTitle()) for dock in window.findChildren(QDockWidget)]
    found += [("button", b.text()) for b in window.findChildren(QAbstractButton)]
    found += [("label", label.text()) for label in window.findChildren(QLabel)]
    found += [("placeholder", e.placeholderText()) for e in window.findChildren(QLineEdit)]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None:
            found += [
                ("header", str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for column in range(model.columnCount())
            ]
    return found


def _shown(qtbot: Any, make_explorer: Any) -> list[tuple[str, str]]:
    explorer: Explorer = make_explorer()
    window = explorer.window
    window.navigate(Location("Local files", "documents"))
    qtbot.waitUntil(
        lambda: window.object_model.rowCount() > 0 and not window.object_model.loading, timeout=WAIT
    )
    words = _words(window)
    window.close()
    return words


@pytest.mark.parametrize(("lang", "same"), [("de", SAME_IN_GERMAN), ("fr", SAME_IN_FRENCH)])
def test_every_word_of_the_main_window_is_translated(
    qtbot: Any,
    qapp: QApplication,
    make_explorer: Any,
    local_account: AccountEntry,
    english_again: None,
    lang: str,
    same: set[str],
) -> None:
    english = _shown(qtbot, make_explorer)
    assert i18n.install(qapp, lang) == lang
    translated = _shown(qtbot, make_explorer)
    names = {"Local files", "documents", "photos", "drafts/"}
    shown_in_english = {text for _where, text in english}
    untranslated = sorted(
        {
            f"{where}: {text!r}"
            for where, text in translated
            if text in shown_in_english
            and re.search("[A-Za-z]", text)
            and text.replace("&", "") not in same | SERVICES | names
        }
    )
    assert untranslated == [], "\n".join(untranslated)
    if lang == "de":
        assert ("menu", "&Datei") in translated and ("header", "Größe") in translated
        assert any(where == "label" and "Einträge" in text for where, text in translated)  # a numerus form


@pytest.mark.parametrize(
    ("language", "count", "size"),
    [
        ("en", "1,234,567", "12.3 MB"),
        ("de", "1.234.567", "12,3 MB"),
        ("fr", "1\u202f234\u202f567", "12,3 MB"),
    ],
)
def test_numbers_are_written_the_languages_way(
    qapp: QApplication, english_again: None, language: str, count: str, size: str
) -> None:
    i18n.install(qapp, language)
    assert format.number(1_234_567) == count
    assert format.human_size(12_345_678) == size
    assert format.counted(2_000, "{n} item", "{n} items") == f"{format.number(2_000)} items"


def test_a_jobs_count_is_written_the_languages_way(qapp: QApplication, english_again: None) -> None:
    """A transfer's title counts in the window's language ("1.234 Dateien"), not ``{:,}``'s."""
    from storebrowser.transfers.kinds.words import FILES, Count, first_sources
    from storebrowser.ui.transfers.text import words

    i18n.install(qapp, "de")
    assert words(Count(1_234, FILES)) == "1.234 Dateien"
    assert words(first_sources(tuple(f"k{i}" for i in range(1_244)))).endswith("… und 1.234 weitere")

#: A format spec that groups digits the English way: ``{n:,}``, ``{:,.1f}``, ``{size:,}``.
_ENGLISH_GROUPING = re.compile(r"\{[\w.\[\]()]*:[^{}:\s]*,[^{}\s]*\}")


def test_no_window_text_groups_digits_the_english_way() -> None:
    """Counts and byte sizes shown in the window go through ``ui.format.number`` (German
    ``1.234``, French ``1 234``): Python's ``{:,}`` writes ``1,234`` in every language, which
    a German reader takes for 1.234 with decimals. ``ui/format.py`` is its one place, as the
    English fallback of the C locale."""
    ui = Path(__file__).resolve().parents[2] / "storebrowser" / "ui"
    found = [
        f"{path.relative_to(ui)}:{number}: {line.strip()}"
        for path in sorted(ui.rglob("*.py"))
        if path.name != "format.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _ENGLISH_GROUPING.search(line)
    ]
    assert found == [], "use ui.format.number:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("language", "summary", "cells"),
    [
        ("en", "1 comes back, 2 go back to their content then", ("comes back", "did not exist", "deleted")),
        ("de", "1 kommt zurück, 2 erhalten den", ("kommt zurück", "gab es nicht", "gelöscht")),
        ("fr", "1 revient, 2 reviennent à leur", ("revient", "n\u2019existait pas", "supprimé")),
    ],
)
def test_a_restore_plan_is_said_in_the_language_shown(
    qapp: QApplication, english_again: None, language: str, summary: str, cells: tuple[str, str, str]
) -> None:
    """Restore Folder to a Date…'s summary and table cells, counts in each language's forms."""
    from datetime import UTC, datetime

    from storebrowser.core.types import ObjectVersion
    from storebrowser.ui.versions.restore_dialog import _plan_cells, plan_summary
    from storebrowser.versions.plan import PlanAction, PlanItem, RestorePlan

    old = ObjectVersion("a", "v1", size=3, modified=datetime(2026, 1, 1, tzinfo=UTC))
    items = (PlanItem("a", PlanAction.UNDELETE, old, None), PlanItem("b", PlanAction.RESTORE, old, old),
             PlanItem("c", PlanAction.RESTORE, old, old),
             PlanItem("d", PlanAction.DELETE, None, old))  # fmt: skip
    plan = RestorePlan("box", "f/", datetime(2026, 1, 2, tzinfo=UTC), items)
    i18n.install(qapp, language)
    assert summary in plan_summary(plan)
    undelete, delete = _plan_cells(items[0]), _plan_cells(items[3])
    assert (undelete[1], delete[2], undelete[3]) == cells
