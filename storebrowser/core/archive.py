"""Where an archived object stands (``ObjectInfo.archive``): archived, being restored,
or restored for a while. The classes themselves are in ``core.tiers``."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class ArchiveState(enum.Enum):
    #: In an archive class and not restored: reading it fails until it is.
    ARCHIVED = "archived"
    #: A restore (rehydration) is under way; it takes minutes to days.
    RESTORING = "restoring"
    #: A readable copy is there (S3: until ``ArchiveStatus.until``), while the object
    #: itself stays archived.
    RESTORED = "restored"


@dataclass(frozen=True, slots=True)
class ArchiveStatus:
    """Where an archived object stands. ``None`` in ``ObjectInfo.archive`` means not
    archived, or not known: S3 listings carry the class but not the restore status (a
    ``stat`` asks)."""

    state: ArchiveState
    #: S3: when the restored copy goes away (UTC).
    until: datetime | None = None
    #: Azure: the tier a rehydration moves the blob to.
    target: str | None = None
    #: Azure: the rehydrate priority (High, Standard).
    priority: str | None = None

    @property
    def readable(self) -> bool:
        return self.state is ArchiveState.RESTORED

    def describe(self) -> str:
        """A few words for a status column: "restoring to Hot (High priority)"."""
        if self.state is ArchiveState.RESTORED:
            return f"restored until {self.until:%Y-%m-%d %H:%M} UTC" if self.until else "restored"
        if self.state is ArchiveState.RESTORING:
            text = f"restoring to {self.target}" if self.target else "restoring"
            return f"{text} ({self.priority} priority)" if self.priority else text
        return "archived"

    def to_json(self) -> dict[str, str | None]:
        return {
            "state": self.state.value,
            "text": self.describe(),
            "until": self.until.isoformat() if self.until else None,
            "target": self.target,
            "priority": self.priority,
        }
