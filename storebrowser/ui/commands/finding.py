"""Find below a place (its matches stream into the object table) and folder statistics."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from storebrowser.core.places import Location
from storebrowser.find.criteria import Criteria
from storebrowser.providers.base import Provider
from storebrowser.ui.commands.find_dialog import FindDialog
from storebrowser.ui.commands.operations import CommandGroup, Operations
from storebrowser.ui.commands.stats_dialog import StatsDialog
from storebrowser.ui.properties.folder_stats import FolderProperties, StatsCache


class Finding(CommandGroup):
    def __init__(self, operations: Operations) -> None:
        super().__init__(operations)
        self.stats_cache = StatsCache()

    def handlers(self) -> dict[str, Callable[[], None]]:
        """What each action does, by action name."""
        # Properties with no object selected: Operations' handler shows nothing, this one the
        # folder's or container's statistics (both run on the action).
        return {"find": self.find, "folder_stats": self.folder_stats, "properties": self.place_properties}

    def find(self) -> None:
        location = self.places.location
        if location is None or location.is_account:
            return
        criteria = self.ask_criteria(location)
        if criteria is not None:
            self.places.show_found(location, criteria)

    def ask_criteria(self, location: Location) -> Criteria | None:
        """The search typed in the Find dialog (tests answer here)."""
        dialog = FindDialog(location.text(), parent=self.context.parent)
        return dialog.criteria if dialog.exec() == QDialog.DialogCode.Accepted else None

    def folder_stats(self) -> None:
        place = self.stats_place()
        if place is None:
            return

        def show(provider: Provider) -> None:
            context = self.context
            self.ops.show_dialog(
                StatsDialog(context.runner, provider, place, self.stats_cache, context.parent)
            )

        self.places.with_provider(place.account, show)

    def place_properties(self) -> None:
        """Properties of the folder or container selected (or shown): its statistics;
        nothing when objects are selected (their metadata editor opens)."""
        selected = self.places.selection().summary
        place = self.stats_place() if selected.count == selected.folders else None
        if place is None:
            return

        def show(provider: Provider) -> None:
            context = self.context
            dialog = FolderProperties(context.runner, provider, place, self.stats_cache, context.parent)
            self.ops.show_dialog(dialog)

        self.places.with_provider(place.account, show)

    def forget_counts(self) -> None:
        """Refresh: the counts of the container shown may be stale."""
        location = self.places.location
        if location is not None and location.container:
            self.stats_cache.forget(location)

    def stats_place(self) -> Location | None:
        """The one folder selected, else the one container selected, else the place shown."""
        location = self.places.location
        if location is None:
            return None
        selection = self.places.selection()  # no ObjectInfo per row: a million may be selected
        if location.container and selection.count == 1 and selection.summary.folders == 1:
            return location.folder(selection.keys()[0])
        containers = self.places.selected_containers()
        if len(containers) == 1:
            return Location(location.account, containers[0])
        return None if location.is_account else location
