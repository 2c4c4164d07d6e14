"""What a metadata edit will change, before anything is sent (Picard's tagdiff shape).

An edit is a set of operations (set these keys, remove those, change these system
properties) rather than a finished mapping, so the same edit applies to several selected
objects while each keeps the keys the user did not touch.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Change(enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class FieldChange:
    key: str
    change: Change
    old: str | None
    new: str | None

    def describe(self) -> str:
        if self.change is Change.ADDED:
            return f"+ {self.key}: {self.new}"
        if self.change is Change.REMOVED:
            return f"- {self.key} (was {self.old})"
        return f"~ {self.key}: {self.old} → {self.new}"


def diff(old: Mapping[str, str], new: Mapping[str, str]) -> list[FieldChange]:
    """Added, removed and changed keys, in key order; unchanged keys are left out."""
    changes: list[FieldChange] = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if before is None:
            changes.append(FieldChange(key, Change.ADDED, None, after))
        elif after is None:
            changes.append(FieldChange(key, Change.REMOVED, before, None))
        else:
            changes.append(FieldChange(key, Change.CHANGED, before, after))
    return changes


@dataclass(frozen=True, slots=True)
class MetadataEdit:
    """Operations to apply to an object's properties.

    ``set_user``/``remove_user`` act on user metadata; ``set_system`` on system
    properties such as ``content_type`` or ``cache_control`` (an empty string clears;
    names from ``core.properties.SYSTEM_PROPERTIES``). System properties not named are
    kept, as are user keys neither set nor removed.
    """

    set_user: Mapping[str, str] = field(default_factory=dict)
    remove_user: frozenset[str] = frozenset()
    set_system: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if both := sorted(set(self.set_user) & self.remove_user):
            raise ValueError(f"keys both set and removed: {', '.join(both)}")

    @property
    def empty(self) -> bool:
        return not (self.set_user or self.remove_user or self.set_system)

    def apply_user(self, current: Mapping[str, str]) -> dict[str, str]:
        result = {k: v for k, v in current.items() if k not in self.remove_user}
        result.update(self.set_user)
        return result

    @property
    def touches_user(self) -> bool:
        return bool(self.set_user or self.remove_user)

    def apply_system(self, current: Mapping[str, str]) -> dict[str, str]:
        result = dict(current)
        result.update(self.set_system)
        return {name: value for name, value in result.items() if value}

    def to_json(self) -> dict[str, Any]:
        return {
            "set_user": dict(self.set_user),
            "remove_user": sorted(self.remove_user),
            "set_system": dict(self.set_system),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MetadataEdit:
        return cls(
            set_user=dict(data.get("set_user", {})),
            remove_user=frozenset(data.get("remove_user", ())),
            set_system=dict(data.get("set_system", {})),
        )

    def preview(
        self, user: Mapping[str, str], system: Mapping[str, str]
    ) -> tuple[list[FieldChange], list[FieldChange]]:
        """``(system changes, user changes)`` this edit makes to one object."""
        return diff(system, self.apply_system(system)), diff(user, self.apply_user(user))


def edit_from(
    original: Mapping[str, str],
    edited: Mapping[str, str],
    *,
    system_before: Mapping[str, str] | None = None,
    system_after: Mapping[str, str] | None = None,
) -> MetadataEdit:
    """The edit that turns ``original`` user metadata into ``edited`` (for one object
    edited in a table, then applied to several), and ``system_before`` into
    ``system_after`` when given (a property left out of ``system_after`` is cleared)."""
    before = system_before or {}
    after = system_after if system_after is not None else before
    system = {
        name: after.get(name) or ""
        for name in sorted(set(before) | set(after))
        if (before.get(name) or "") != (after.get(name) or "")
    }
    return MetadataEdit(
        set_user={k: v for k, v in edited.items() if original.get(k) != v},
        remove_user=frozenset(set(original) - set(edited)),
        set_system=system,
    )
