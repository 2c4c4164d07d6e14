"""The window's Back/Forward history of places (``core.places.Location``).

Plain Python: the window owns one ``History`` and asks it where Back and Forward lead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storebrowser.core.places import Location


@dataclass(slots=True)
class History:
    """Browser-style history: visiting a new place drops the forward stack."""

    back_stack: list[Location] = field(default_factory=list)
    forward_stack: list[Location] = field(default_factory=list)
    current: Location | None = None
    limit: int = 100

    def visit(self, location: Location) -> None:
        if location == self.current:
            return
        if self.current is not None:
            self.back_stack.append(self.current)
            del self.back_stack[: -self.limit]
        self.current = location
        self.forward_stack.clear()

    def back(self) -> Location | None:
        if not self.back_stack or self.current is None:
            return None
        self.forward_stack.append(self.current)
        self.current = self.back_stack.pop()
        return self.current

    def forward(self) -> Location | None:
        if not self.forward_stack or self.current is None:
            return None
        self.back_stack.append(self.current)
        self.current = self.forward_stack.pop()
        return self.current

    @property
    def can_back(self) -> bool:
        return bool(self.back_stack)

    @property
    def can_forward(self) -> bool:
        return bool(self.forward_stack)

    def forget_account(self, account: str) -> None:
        """An account was removed: no Back into it."""
        self.back_stack = [loc for loc in self.back_stack if loc.account != account]
        self.forward_stack = [loc for loc in self.forward_stack if loc.account != account]
