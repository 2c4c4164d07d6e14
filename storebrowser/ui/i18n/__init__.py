"""The window's languages: Qt catalogues compiled from the ``.ts`` files beside this module.

``storebrowser_<lang>.ts`` are the sources (Qt Linguist opens them), made and kept up to
date from the code by ``installer/translations.py`` (pyside6-lupdate), and compiled to
``storebrowser_<lang>.qm`` (pyside6-lrelease), which ship in the package. ``install``
loads the one for the system's language, or the one ``--language`` asks for, with Qt's
own catalogue for its standard buttons and dialogs.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: Languages with a catalogue; English is the source language and needs none.
LANGUAGES = ("de", "fr")
SOURCE_LANGUAGE = "en"
CATALOGUE = "storebrowser_{lang}"

_installed: list[QTranslator] = []  # referenced while installed: Qt does not own them


def catalogue_dir() -> Path:
    folder = files("storebrowser.ui.i18n")
    assert isinstance(folder, Path), "the package is on disk (a wheel, a checkout, the frozen app)"
    return folder


def chosen_language(forced: str | None = None) -> str:
    """``forced`` (``--language``), else the first of the system's UI languages we have."""
    if forced:
        return forced.split("_")[0].split("-")[0].lower()
    for name in QLocale.system().uiLanguages():
        lang = name.split("-")[0].split("_")[0].lower()
        if lang in LANGUAGES or lang == SOURCE_LANGUAGE:
            return lang
    return SOURCE_LANGUAGE


def install(app: QCoreApplication, forced: str | None = None) -> str:
    """Load the catalogues of the chosen language into ``app``; returns the language.

    Call before any window is built: widgets take their words when they are made."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    lang = chosen_language(forced)
    QLocale.setDefault(QLocale(lang))
    if lang not in LANGUAGES:
        return SOURCE_LANGUAGE
    ours = QTranslator(app)
    if ours.load(CATALOGUE.format(lang=lang), str(catalogue_dir())):
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    return lang


def uninstall(app: QCoreApplication) -> None:
    """Back to English (tests)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
