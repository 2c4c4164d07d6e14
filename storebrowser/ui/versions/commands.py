"""View > Show Versions (the versions of the place shown, instead of its objects) and
Versions… (one object's versions in a dialog), on a ``CommandContext``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from storebrowser.core.display import display_text
from storebrowser.core.places import Location
from storebrowser.core.types import key_name
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.versions.pane import VersionsPane


class VersionsDialog(QDialog):
    """One object's versions, newest first, with what can be done with each."""

    def __init__(self, context: CommandContext, place: Location, key: str) -> None:
        super().__init__(context.parent)
        self.setWindowTitle(self.tr("Versions of {0}").format(display_text(key_name(key))))
        self.resize(900, 420)
        self.pane = VersionsPane(context, self, one_object=True)
        title = QLabel(self.tr("{0} in {1}").format(display_text(key), place.container), self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.pane)
        layout.addWidget(close)
        self.pane.show_place(Location(place.account, place.container, place.prefix), only_key=key)


class VersionsCommands(QObject):
    """``handlers()`` for the actions; ``page`` is the window's versions page, shown by
    ``show_page(page)`` and left by ``show_page(None)``."""

    def __init__(
        self,
        context: CommandContext,
        toggle: QAction,
        show_page: Callable[[QWidget | None], None],
    ) -> None:
        super().__init__(context.parent)
        self.context = context
        self.toggle = toggle
        self._show_page = show_page
        toggle.setCheckable(True)
        self.page = VersionsPane(context, context.parent, one_object=False)
        self.page.changed.connect(context.places.relist)
        self.page.folderOpened.connect(context.places.navigate)
        self.page.versionsAsked.connect(self.open_versions_of)
        self.dialogs: list[VersionsDialog] = []

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {"show_versions": self.follow_toggle, "versions": self.open_versions}

    def follow_toggle(self) -> None:
        """Show the place's versions while the toggle is on, its objects when off."""
        place = self.context.places.location
        if self.toggle.isChecked() and place is not None and not place.is_account:
            self._show_page(self.page)
            if self.page.place != place or not self.page.model.rows:
                self.page.show_place(place)
        else:
            self.page.model.stop()
            self._show_page(None)

    def place_shown(self) -> None:
        """The window moved to another place (or listed it again): follow it."""
        if self.toggle.isChecked():
            self.page.place = None
            self.follow_toggle()

    def open_versions(self) -> None:
        selected = self.context.places.selected_objects()
        if len(selected) == 1 and not selected[0].is_prefix:
            self.open_versions_of(selected[0].key)

    def open_versions_of(self, key: str) -> VersionsDialog | None:
        place = self.context.places.location
        if not key or place is None or place.is_account:
            return None
        dialog = VersionsDialog(self.context, place, key)
        dialog.pane.changed.connect(self.context.places.relist)
        dialog.finished.connect(lambda _code: self.dialogs.remove(dialog))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog
