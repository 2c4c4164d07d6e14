"""What one tab keeps while another is shown: its place and Back/Forward history, the
filter typed, the sort and the selected keys. Plain Python: the window's widgets are
shared by the tabs, and a tab switch hands them the shown tab's state."""

from __future__ import annotations

from dataclasses import dataclass, field

from storebrowser.core.places import Location
from storebrowser.ui.places.navigation import History

#: A selection larger than this is not kept across a tab switch (its keys would be read
#: on the GUI thread).
KEPT_SELECTION = 1000


@dataclass(slots=True)
class Sort:
    """The object table's sort: a column (``-1``: the listing's order), descending or not."""

    column: int = 0
    descending: bool = False


@dataclass(slots=True)
class TabState:
    """One tab's state. ``history.current`` is its place (``None``: the welcome page)."""

    history: History = field(default_factory=History)
    filter_text: str = ""
    sort: Sort = field(default_factory=Sort)
    selected_keys: list[str] = field(default_factory=list)
    #: The row at the top of the table when the tab was left (scrolled back to it).
    top_key: str | None = None

    @property
    def location(self) -> Location | None:
        return self.history.current

    @classmethod
    def at(cls, location: Location | None, sort: Sort | None = None) -> TabState:
        state = cls(sort=sort or Sort())
        if location is not None:
            state.history.visit(location)
        return state


def tab_title(location: Location | None, welcome: str) -> str:
    """Short: the account, or the container and its last folder (``photos/2024``); the
    whole place is the tab's tooltip."""
    if location is None:
        return welcome
    if location.is_account:
        return location.account
    folders = [part for part in location.prefix.split("/") if part]
    if not folders:
        return location.container
    return f"{location.container}/{folders[-1]}"
