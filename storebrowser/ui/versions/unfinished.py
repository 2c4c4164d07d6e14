"""Restores to a date that were started and have not finished (stopped, failed, or the
app ended), remembered in the window's state file so that the next run offers to finish
them. Finishing is running the restore again: a new plan finds the keys done already as
unchanged, so nothing is done twice."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from storebrowser.core.places import Location
from storebrowser.qtbridge.tasks import TaskRunner
from storebrowser.ui.uistate import UiState

STATE_KEY = "unfinished_restores"


@dataclass(frozen=True, slots=True)
class Unfinished:
    account: str
    container: str
    prefix: str
    #: The moment restored to, ISO 8601 with its offset.
    as_of: str

    @property
    def place(self) -> Location:
        return Location(self.account, self.container, self.prefix)

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.as_of)

    @classmethod
    def of(cls, place: Location, moment: datetime) -> Unfinished:
        return cls(place.account, place.container, place.prefix, moment.isoformat())


class UnfinishedRestores:
    """The list in ``UiState``, written to disk on a worker at each change (a crash keeps
    what was started)."""

    def __init__(self, state: UiState, runner: TaskRunner) -> None:
        self._state, self._runner = state, runner

    def all(self) -> list[Unfinished]:
        found = []
        for value in self._state.get(STATE_KEY, []) or []:
            try:
                restore = Unfinished(**value)
                restore.moment  # noqa: B018 - a damaged date is dropped here, not later
            except (TypeError, ValueError):
                continue
            found.append(restore)
        return found

    def started(self, restore: Unfinished) -> None:
        self._write([*[r for r in self.all() if r.place != restore.place], restore])

    def finished(self, restore: Unfinished) -> None:
        """A complete restore of a place ends what was left of any earlier one there."""
        self._write([r for r in self.all() if r.place != restore.place])

    def _write(self, restores: list[Unfinished]) -> None:
        values: list[dict[str, Any]] = [asdict(r) for r in restores]
        self._state.set(STATE_KEY, values)
        snapshot = self._state.snapshot()
        self._runner.run(lambda: self._state.save(snapshot), lambda _result: None)
