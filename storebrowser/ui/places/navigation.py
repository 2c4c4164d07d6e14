"""Where the window is (account, container, pseudo-folder) and the Back/Forward history.

Plain Python: the window owns one ``History`` and asks it where Back, Forward and Up
lead. A location in text is the CLI's form, ``ACCOUNT:CONTAINER/PREFIX``, so what the
path bar shows can be pasted into a ``storebrowser-cli`` command and back.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Location:
    """An account (``container == ""``), a container, or a pseudo-folder in it.

    ``prefix`` is empty or ends with ``/``.
    """

    account: str
    container: str = ""
    prefix: str = ""

    def __post_init__(self) -> None:
        if self.prefix and not self.prefix.endswith("/"):
            raise ValueError(f"a folder prefix ends with '/': {self.prefix!r}")
        if self.prefix and not self.container:
            raise ValueError("a folder needs a container")

    @property
    def is_account(self) -> bool:
        return not self.container

    def parent(self) -> Location | None:
        """One level up: folder -> its folder -> container -> account -> None."""
        if self.prefix:
            head = self.prefix[:-1].rpartition("/")[0]
            return Location(self.account, self.container, head + "/" if head else "")
        if self.container:
            return Location(self.account)
        return None

    def child(self, name: str) -> Location:
        """Into a container (at account level) or a sub-folder ``name/``."""
        if not self.container:
            return Location(self.account, name)
        return Location(self.account, self.container, self.prefix + name.rstrip("/") + "/")

    def folder(self, prefix: str) -> Location:
        return Location(self.account, self.container, prefix)

    def crumbs(self) -> list[tuple[str, Location]]:
        """``(label, location)`` from the account down to here, for the path bar."""
        trail = [(self.account, Location(self.account))]
        if self.container:
            trail.append((self.container, Location(self.account, self.container)))
        walked = ""
        for segment in self.prefix.split("/")[:-1]:
            walked += segment + "/"
            trail.append((segment or "/", Location(self.account, self.container, walked)))
        return trail

    def text(self) -> str:
        return f"{self.account}:{self.container}/{self.prefix}" if self.container else f"{self.account}:"

    @classmethod
    def parse(cls, text: str, current_account: str) -> Location:
        """``[ACCOUNT:]CONTAINER[/PREFIX]`` as typed in the path bar; a prefix typed without
        its trailing ``/`` is taken as a folder. ``ValueError`` says what is wrong."""
        text = text.strip()
        account, sep, rest = text.partition(":")
        if not sep or "/" in account:
            account, rest = current_account, text
        account = account.strip() or current_account
        rest = rest.lstrip("/")
        container, _, prefix = rest.partition("/")
        if not container:
            return cls(account)
        if prefix and not prefix.endswith("/"):
            prefix += "/"
        return cls(account, container, prefix)


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
