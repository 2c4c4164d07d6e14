"""Tabs that other features add to Properties, beside its own page: a feature registers a
maker for a window (``register_tab``), and Properties asks each maker of its window for a
tab for the objects it shows (``with_tabs``). A maker answers ``None`` where it has
nothing to show (several objects, a service without the capability), and Properties is
then its one page, as before any tab was registered.

Properties itself knows no feature: the versions tab lives in ``ui/versions`` and
registers itself for its window when the window is built; the tags tab (``ui/tiers``)
registers itself for every window (``window=None``).
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
# For every window, asked first (once per maker).
_EVERYWHERE: list[TabMaker] = []


def register_tab(window: QWidget | None, maker: TabMaker) -> None:
    """Properties opened over ``window`` (``None``: over any window) asks ``maker`` for a tab."""
    if window is None:
        if maker not in _EVERYWHERE:
            _EVERYWHERE.append(maker)
        return
    _MAKERS.setdefault(window, []).append(maker)


def with_tabs(page: QWidget, shown: Shown, window: QWidget | None) -> QWidget:
    """``page`` alone, or in a tab beside the tabs the makers of ``window`` give."""
    makers = [*_EVERYWHERE, *(_MAKERS.get(window, ()) if window is not None else ())]
    made = [made for maker in makers if (made := maker(shown, page)) is not None]
    if not made:
        return page
    widget = QTabWidget()
    widget.setObjectName("propertiesTabs")
    widget.addTab(page, QCoreApplication.translate("PropertiesTabs", "General"))
    for title, tab in made:
        widget.addTab(tab, title)
    return widget
