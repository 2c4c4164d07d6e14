"""The tabs saved on exit and read at the next start, in the window's state file
(``ui.uistate``): each tab's place and sort, and which tab was shown. Only places: the
listing is asked again when a tab is shown, never taken from a cache. A tab whose account
is gone is skipped and named, so the window can say so in one line."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from storebrowser.core.places import Location
from storebrowser.ui.tabs.state import Sort, TabState
from storebrowser.ui.uistate import UiState

TABS_KEY = "tabs"
CURRENT_KEY = "current_tab"


@dataclass(frozen=True, slots=True)
class SavedTab:
    location: Location
    sort: Sort


@dataclass(slots=True)
class Session:
    tabs: list[SavedTab] = field(default_factory=list)
    current: int = 0
    #: Accounts of tabs skipped because the account is no longer there.
    gone: list[str] = field(default_factory=list)


def save_session(state: UiState, tabs: Sequence[TabState], current: int) -> None:
    """Write the tabs into ``state`` (saved to disk with the rest of the layout)."""
    records: list[dict[str, Any]] = []
    shown = 0
    for index, tab in enumerate(tabs):
        if tab.location is None:
            continue  # the welcome page: nothing to come back to
        if index == current:
            shown = len(records)
        records.append(
            {"place": tab.location.text(), "sort": tab.sort.column, "descending": tab.sort.descending}
        )
    state.set(TABS_KEY, records)
    state.set(CURRENT_KEY, shown)


def read_session(state: UiState, accounts: Collection[str]) -> Session | None:
    """The saved tabs whose account still exists; ``None`` when none were saved."""
    records = state.get(TABS_KEY)
    if not isinstance(records, list) or not records:
        return None
    session = Session()
    current = state.get(CURRENT_KEY, 0)
    for index, record in enumerate(records):
        saved = _saved_tab(record)
        if saved is None:
            continue
        if saved.location.account not in accounts:
            if saved.location.account not in session.gone:
                session.gone.append(saved.location.account)
            continue
        if index == current:
            session.current = len(session.tabs)
        session.tabs.append(saved)
    return session


def _saved_tab(record: object) -> SavedTab | None:
    """One record as written by ``save_session``; anything else (a hand-edited or older
    file) is passed over."""
    if not isinstance(record, dict) or not isinstance(place := record.get("place"), str):
        return None
    try:
        location = Location.parse(place, "")
    except ValueError:
        return None
    if not location.account:
        return None
    column = record.get("sort", 0)
    descending = record.get("descending", False)
    sort = Sort(column if isinstance(column, int) else 0, descending is True)
    return SavedTab(location, sort)
