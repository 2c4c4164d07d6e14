"""The objects a metadata editor shows, as read: what they have in common, whether an
edit is acceptable to the provider for each of them, and what it will change. No Qt and
no I/O here, so it is checked on every keystroke."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from storebrowser.core.errors import InvalidMetadata, Unsupported
from storebrowser.core.metadiff import Change, FieldChange, MetadataEdit
from storebrowser.core.properties import HTTP_HEADERS, SYSTEM_PROPERTIES, ObjectProperties
from storebrowser.providers.base import Provider


@dataclass(frozen=True, slots=True)
class ReviewLine:
    """One change of the review: ``section`` is ``"system"`` or ``"user"``; ``keys`` are
    the objects it applies to; ``old`` is ``None`` where their old values differ."""

    section: str
    change: FieldChange
    keys: tuple[str, ...]
    various_old: bool = False

    def describe(self, total: int) -> str:
        if total == 1:
            return self.change.describe()
        change = self.change
        old = "(various)" if self.various_old else change.old
        if change.change is Change.ADDED:
            text = f"+ {change.key}: {change.new}"
        elif change.change is Change.REMOVED:
            text = f"- {change.key} (was {old})"
        else:
            text = f"~ {change.key}: {old} → {change.new}"
        return f"{text} ({len(self.keys)} of {total} objects)"


class Selection:
    """``objects``: the properties of each selected object as read (at least one)."""

    def __init__(self, objects: Sequence[ObjectProperties]) -> None:
        if not objects:
            raise ValueError("a selection holds at least one object")
        self.objects = tuple(objects)

    @property
    def single(self) -> bool:
        return len(self.objects) == 1

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.info.key for p in self.objects)

    @property
    def etags(self) -> dict[str, str]:
        """The ETag shown for each object that has one: the guard of the edit."""
        return {p.info.key: p.etag for p in self.objects if p.etag}

    def user_metadata(self) -> list[Mapping[str, str]]:
        return [p.metadata for p in self.objects]

    def common(self, values: Sequence[str | None]) -> str | None:
        """The value all share, ``None`` when they differ (``""`` when all lack it)."""
        distinct = {v or "" for v in values}
        return distinct.pop() if len(distinct) == 1 else None

    def system_value(self, name: str) -> str | None:
        return self.common([p.system.get(name, "") for p in self.objects])

    def fact(self, name: str) -> str | None:
        """A listing fact all objects share (``etag``, ``storage_class``, ``content_md5``,
        ``version``), ``None`` where they differ."""
        if name == "version":
            return self.common([p.version for p in self.objects])
        return self.common([getattr(p.info, name) for p in self.objects])

    @property
    def total_size(self) -> int:
        return sum(p.info.size for p in self.objects)

    def system_edit(self, edited: Mapping[str, str]) -> dict[str, str]:
        """``edited``: the fields the user typed in (name -> text; ``""`` clears).
        For one object an unchanged value is left out; for several a typed value goes to
        all, since their values may differ."""
        if not self.single:
            return {name: value.strip() for name, value in edited.items()}
        current = self.objects[0].system
        return {
            name: value.strip() for name, value in edited.items() if value.strip() != current.get(name, "")
        }

    def problem(self, provider: Provider, edit: MetadataEdit) -> str | None:
        """Why the provider would refuse ``edit`` for any of the objects (its rule, in its
        own words), or ``None``. No request is made."""
        system = dict(edit.set_system) or None
        try:
            for props in self.objects:
                metadata = edit.apply_user(props.metadata) if edit.touches_user else None
                provider.check_properties(metadata, system, key=props.info.key)
        except (InvalidMetadata, Unsupported) as error:
            return str(error)
        return None

    def review(self, edit: MetadataEdit) -> list[ReviewLine]:
        """What ``edit`` changes, system properties first, equal changes merged across
        the objects."""
        merged: dict[tuple[str, str, Change, str | None], list[tuple[str, str | None]]] = {}
        for props in self.objects:
            system, user = edit.preview(props.metadata, props.system)
            for section, changes in (("system", system), ("user", user)):
                for change in changes:
                    slot = (section, change.key, change.change, change.new)
                    merged.setdefault(slot, []).append((props.info.key, change.old))
        lines = []
        for (section, name, kind, new), hits in sorted(merged.items(), key=_order):
            olds = {old for _key, old in hits}
            label = HTTP_HEADERS.get(name, name) if section == "system" else name
            old = next(iter(olds)) if len(olds) == 1 else None
            change = FieldChange(label, kind, old, new)
            lines.append(ReviewLine(section, change, tuple(k for k, _old in hits), len(olds) > 1))
        return lines


def _order(item: tuple[tuple[str, str, Change, str | None], object]) -> tuple[int, int, str]:
    section, name, _kind, _new = item[0]
    if section == "system":
        return 0, SYSTEM_PROPERTIES.index(name) if name in SYSTEM_PROPERTIES else 99, name
    return 1, 0, name
