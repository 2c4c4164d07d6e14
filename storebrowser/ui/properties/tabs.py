"""Tabs that other features add to Properties, beside its own page: a feature registers a
maker for a window (``register_tab``), and Properties asks each maker of its window for a
tab for the objects it shows (``with_tabs``). A maker answers ``None`` where it has
nothing to show (several objects, a service without the capability), and Properties is
then its one page, as before any tab was registered.

Properties itself knows no feature: the versions tab (``ui/versions``) and the tags tab
(``ui/tiers``) are registered for their window when the window is built.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget

from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider


@dataclass(frozen=True, slots=True)
class Shown:
    """What Properties shows: the objects of one container, and the dialog itself (a
    ``MetadataEditor``, which imports this module: typed as the dialog it is) for a tab that
    works with it (its runner, its job queue, its buttons)."""

    provider: Provider
    account: str
    container: str
    objects: Sequence[ObjectInfo]
    editor: QDialog


# ``maker(shown, parent)``: a tab's title and page, or ``None``.
TabMaker = Callable[[Shown, QWidget], "tuple[str, QWidget] | None"]

# Per window: a window closed takes its makers with it (and their hold on its commands).
_MAKERS: weakref.WeakKeyDictionary[QWidget, list[TabMaker]] = weakref.WeakKeyDictionary()


def register_tab(window: QWidget, maker: TabMaker) -> None:
    """Properties opened over ``window`` asks ``maker`` for a tab."""
    _MAKERS.setdefault(window, []).append(maker)


def with_tabs(page: QWidget, shown: Shown, window: QWidget | None) -> QWidget:
    """``page`` alone, or in a tab beside the tabs the makers of ``window`` give."""
    if window is None:
        return page
    made = [made for maker in _MAKERS.get(window, ()) if (made := maker(shown, page)) is not None]
    if not made:
        return page
    widget = QTabWidget()
    widget.setObjectName("propertiesTabs")
    widget.addTab(page, QCoreApplication.translate("PropertiesTabs", "General"))
    for title, tab in made:
        widget.addTab(tab, title)
    return widget
