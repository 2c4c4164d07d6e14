"""The kinds of provider and their connection fields.

Dialogs and the CLI are generated from these schemas. Nothing here imports an SDK: each
kind names its factory as ``"module:callable"``, imported only when an account opens.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from storebrowser.providers.base import Provider

Settings = Mapping[str, Any]


class FieldType(enum.Enum):
    TEXT = "text"
    SECRET = "secret"
    BOOL = "bool"
    CHOICE = "choice"
    URL = "url"
    FOLDER = "folder"
    INT = "int"


@dataclass(frozen=True, slots=True)
class ConnectionField:
    name: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    default: Any = None
    help: str = ""
    choices: tuple[str, ...] = ()
    #: Fields in the same group are alternatives (e.g. keys vs. profile); dialogs show
    #: them together. Purely presentational.
    group: str = ""

    @property
    def secret(self) -> bool:
        return self.type is FieldType.SECRET


@dataclass(frozen=True, slots=True)
class ProviderKind:
    name: str
    label: str
    factory: str
    fields: tuple[ConnectionField, ...] = field(default_factory=tuple)
    #: Checks settings as a whole (required alternatives); returns problems to show.
    validate: Callable[[Settings], list[str]] | None = None
    #: (group, title) pairs: how a form titles the box of a field group.
    group_titles: tuple[tuple[str, str], ...] = ()

    def field(self, name: str) -> ConnectionField:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(f"{self.name} has no connection field {name!r}")

    def group_title(self, group: str) -> str | None:
        """The title of ``group``'s box, or ``None`` when the kind gives none."""
        return dict(self.group_titles).get(group)

    @property
    def secret_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.secret)

    def problems(self, settings: Settings) -> list[str]:
        """Missing required fields and kind-specific problems, as sentences."""
        found = [f"{f.label} is required." for f in self.fields if f.required and not settings.get(f.name)]
        unknown = sorted(set(settings) - {f.name for f in self.fields})
        found += [f"Unknown setting {name!r} for {self.label}." for name in unknown]
        if self.validate is not None:
            found += self.validate(settings)
        return found

    def open(self, settings: Settings) -> Provider:
        """Build a provider; imports the SDK now. ``ValueError`` lists what is wrong."""
        if problems := self.problems(settings):
            raise ValueError(" ".join(problems))
        module_name, _, attribute = self.factory.partition(":")
        factory: Any = importlib.import_module(module_name)
        for part in attribute.split("."):
            factory = getattr(factory, part)
        provider: Provider = factory(settings)
        return provider


_KINDS: dict[str, ProviderKind] = {}


def register(kind: ProviderKind) -> ProviderKind:
    if kind.name in _KINDS and _KINDS[kind.name] != kind:
        raise ValueError(f"provider kind {kind.name!r} registered twice")
    _KINDS[kind.name] = kind
    return kind


def _load_builtin_kinds() -> None:
    # Each package's ``kind.py`` registers on import and imports no SDK.
    for package in ("local", "s3", "azure", "swift"):
        importlib.import_module(f"storebrowser.providers.{package}.kind")


def kinds() -> dict[str, ProviderKind]:
    if not _KINDS:
        _load_builtin_kinds()
    return dict(_KINDS)


def get_kind(name: str) -> ProviderKind:
    try:
        return kinds()[name]
    except KeyError:
        known = ", ".join(sorted(kinds()))
        raise KeyError(f"unknown provider kind {name!r} (known: {known})") from None


def open_provider(kind: str, settings: Settings) -> Provider:
    return get_kind(kind).open(settings)
