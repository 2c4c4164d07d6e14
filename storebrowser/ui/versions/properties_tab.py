"""The Versions tab of Properties, for one object of a container that keeps versions (or
an Azure blob's snapshots): its versions newest first with what can be done with each
(Download Version…, Revert to This Version, Delete Version…: the one-object versions
pane), and Preview, the byte-range preview of Properties reading the chosen version.

Registered for a window by ``install_versions_tab`` (``ui.properties.tabs``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.properties.preview_panel import PreviewPanel
from storebrowser.ui.properties.tabs import Shown, register_tab
from storebrowser.ui.versions.pane import VersionsPane
from storebrowser.ui.versions.rows import VersionRow


class VersionsTab(QWidget):
    def __init__(self, context: CommandContext, shown: Shown, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = shown
        info = shown.objects[0]
        self.pane = VersionsPane(context, self, one_object=True)
        self.pane.offer_preview()
        self.pane.buttons["undelete"].setVisible(False)  # the object shown exists now
        self.pane.changed.connect(context.places.relist)
        self.pane.previewAsked.connect(self.preview_version)
        self.preview = PreviewPanel(context.runner, self)
        self.preview.bandwidth = context.bandwidth
        self.preview.setVisible(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.pane)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        folder = info.key.rpartition("/")[0] + "/" if "/" in info.key else ""
        self.pane.show_place(Location(shown.account, shown.container, folder), only_key=info.key)

    def preview_version(self, row: VersionRow) -> None:
        """The first bytes of the version of ``row``, read by range."""
        entry = row.entry
        info = ObjectInfo(entry.key, size=entry.size, modified=entry.modified, etag=entry.etag)
        self.preview.setVisible(True)
        self.preview.show_object(self.shown.provider, self.shown.container, info, version_id=entry.version_id)


def versions_tab(context: CommandContext, shown: Shown, parent: QWidget) -> tuple[str, QWidget] | None:
    """A tab for one object where the service keeps versions or snapshots."""
    caps = shown.provider.capabilities
    if len(shown.objects) != 1 or shown.objects[0].is_prefix or not (caps.versioning or caps.snapshots):
        return None
    return QCoreApplication.translate("VersionsTab", "Versions"), VersionsTab(context, shown, parent)


def install_versions_tab(context: CommandContext) -> None:
    """Properties opened over the window of ``context`` gets the Versions tab."""
    register_tab(context.parent, lambda shown, parent: versions_tab(context, shown, parent))
