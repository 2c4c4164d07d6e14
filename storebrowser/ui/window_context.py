"""The explorer window as commands see it: the ``Places`` and ``Messages`` of their
``CommandContext``, answered by the window's models and widgets. The one place that turns
the window into services; commands never hold the window itself."""

from __future__ import annotations

from collections.abc import Callable

from storebrowser.accounts.model import Account
from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.find.criteria import Criteria
from storebrowser.providers.base import Provider
from storebrowser.table.selection import Selection
from storebrowser.ui.commands.context import CommandContext
from storebrowser.ui.main_window import MainWindow
from storebrowser.ui.messagebar import Level
from storebrowser.ui.transfers.jobs import JobQueue


class WindowServices:
    """``Places`` and ``Messages`` over the explorer window."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    # -- Places -----------------------------------------------------------------------

    @property
    def location(self) -> Location | None:
        return self._window.location

    def selected_objects(self) -> list[ObjectInfo]:
        return self._window.selected_objects()

    def selection(self) -> Selection:
        return self._window.selection()

    def selected_containers(self) -> list[str]:
        return self._window.selected_containers()

    def container_names(self, account: str) -> list[str]:
        return [c.name for c in self._window.tree_model.containers_of(account) or []]

    def account(self, name: str) -> Account | None:
        entry = self._window.tree_model.entry(name)
        return entry.account if entry is not None else None

    def navigate(self, location: Location) -> None:
        self._window.navigate(location)

    def with_provider(
        self, account: str, then: Callable[[Provider], None], *, place: Location | None = None
    ) -> None:
        self._window.with_provider(account, then, place=place)

    def relist(self) -> None:
        model = self._window.object_model
        if model.criteria is not None and model.provider is not None:
            model.open(model.provider, model.container, model.prefix, model.criteria)
        else:
            model.refresh()

    def show_found(self, location: Location, criteria: Criteria) -> None:
        model = self._window.object_model
        self._window.with_provider(
            location.account,
            lambda provider: model.open(provider, location.container, location.prefix, criteria),
            place=location,
        )

    def show_listed(self, info: ObjectInfo) -> None:
        self._window.object_model.add_or_update(info)

    def reload_containers(self, account: str) -> None:
        tree = self._window.tree_model
        tree.reload(tree.index_of(Location(account)))

    def reload_folders(self, location: Location) -> None:
        self._window.tree_model.reload_location(location)

    # -- Messages ---------------------------------------------------------------------

    def show_error(self, message: str, *, retry: Callable[[], None] | None = None) -> None:
        self._window.show_error(message, retry=retry)

    def show_info(self, message: str) -> None:
        self._window.show_info(message)

    def show_message(
        self, text: str, level: Level, *, action: str = "", callback: Callable[[], None] | None = None
    ) -> None:
        self._window.messages.show_message(text, level, action=action, callback=callback)

    def show_status(self, text: str, timeout_ms: int) -> None:
        self._window.statusBar().showMessage(text, timeout_ms)

    def show_transfers(self) -> None:
        self._window.show_transfers()


def window_context(window: MainWindow, jobs: JobQueue, bandwidth: Bandwidth | None = None) -> CommandContext:
    """The services commands run on, for the explorer ``window``."""
    answers = WindowServices(window)
    return CommandContext(
        pool=window.pool, runner=window.runner, jobs=jobs, places=answers, messages=answers, parent=window,
        bandwidth=bandwidth or Bandwidth(),
    )  # fmt: skip
