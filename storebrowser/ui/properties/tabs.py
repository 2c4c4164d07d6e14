"""Tabs beside the metadata in the Properties (the metadata editor): features add theirs
here (``register_tab``) without the editor knowing them, e.g. the tags (``ui.tiers``).

A tab is made for each opening of the editor by its factory, given the editor (its
provider, runner, job queue, account, container and the objects listed); the factory
returns the tab's title and widget, or ``None`` when it has nothing for these objects.
With no tab registered the editor shows its metadata page as it always did.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QTabWidget, QWidget

#: Makes a tab for an opening of the editor (a ``MetadataEditor``, which imports this
#: module: typed as the dialog it is): (title, widget), or ``None``.
TabFactory = Callable[[QDialog], "tuple[str, QWidget] | None"]

_FACTORIES: list[TabFactory] = []


def register_tab(factory: TabFactory) -> None:
    """Add a tab to every Properties opened from now on (once per factory)."""
    if factory not in _FACTORIES:
        _FACTORIES.append(factory)


def with_tabs(editor: QDialog, metadata_page: QWidget) -> QWidget:
    """``metadata_page`` alone, or in a tab widget with the registered tabs after it."""
    tabs = [tab for factory in _FACTORIES if (tab := factory(editor)) is not None]
    if not tabs:
        return metadata_page
    widget = QTabWidget(editor)
    widget.setObjectName("propertyTabs")
    widget.addTab(metadata_page, QCoreApplication.translate("PropertyTabs", "Metadata"))
    for title, page in tabs:
        widget.addTab(page, title)
    return widget
