"""The kinds of provider: their connection fields and what the rest of the app asks of a
kind (container-name rules, the website container, the service's own command line).

Dialogs and the CLI are generated from these schemas. Nothing here imports an SDK: each
kind names its factory as ``"module:callable"``, imported only when an account opens.
Each provider package registers its kind in its ``kind.py``; ``kinds()`` finds them all.
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
import pkgutil
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from storebrowser import providers
from storebrowser.core.colours import APP_SETTINGS, COLOUR_SETTING, colour_problem
from storebrowser.core.equivalent import Equivalent, Request
from storebrowser.core.tuning import Tuning
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


def _any_container_name(_name: str) -> None:
    """A kind without rules of its own: the service answers for the name."""


#: Four objects at once, four parts of each, the service's own part size: what the engine
#: did before accounts could say otherwise.
DEFAULT_TUNING = Tuning(transfers=4, parts=4)


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
    #: Where lists of kinds (the Add menu, ``accounts kinds``) put this one.
    order: int = 100
    #: The standard icon that stands for the kind: "folder" (on this computer) or "network".
    icon: str = "network"
    #: The colour people know the service by (``#rrggbb``), which tints its icon so that
    #: the services tell apart at a glance; empty: the style's plain icon.
    accent: str = ""
    #: Raises ``InvalidName`` quoting the rule for a name the service would refuse.
    container_name_rule: Callable[[str], None] = _any_container_name
    #: The one container a static website is served from, when the service fixes it
    #: (Azure's ``$web``), and what a person should know about it.
    website_container: str = ""
    website_note: str = ""
    #: The service's own tool's command line for a request (``aws``, ``az``, ``swift``).
    tool_command: Callable[[Request], Equivalent | None] | None = None
    #: The ways to sign in, each the fields that together make one (keys; a profile;
    #: anonymous access): a new account fills one of them (``missing``). Empty: the
    #: ``required`` fields and ``validate`` say all there is.
    sign_in: tuple[tuple[str, ...], ...] = ()
    #: Its listings say each object's storage class (S3) or access tier (Azure): the
    #: object list shows that column by default.
    lists_storage_class: bool = False
    #: Its service has archive tiers and its listings say which objects are in one (S3's
    #: GLACIER classes, Azure's Archive tier): the Archive status column shows by default.
    lists_archive_status: bool = False
    #: How hard transfers push by default (objects at once, parts at once, part size):
    #: an account may set its own (``Account.tuning``).
    tuning: Tuning = DEFAULT_TUNING

    def field(self, name: str) -> ConnectionField:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(f"{self.name} has no connection field {name!r}")

    def group_title(self, group: str) -> str | None:
        """The title of ``group``'s box, or ``None`` when the kind gives none."""
        return dict(self.group_titles).get(group)

    @property
    def remote(self) -> bool:
        """The data lives on a service, not on this computer (what ``icon`` says)."""
        return self.icon != "folder"

    def check_container_name(self, name: str) -> None:
        """Raise ``InvalidName`` quoting the rule when ``name`` is no container name here."""
        self.container_name_rule(name)

    @property
    def secret_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.secret)

    def problems(self, settings: Settings) -> list[str]:
        """Missing required fields and kind-specific problems, as sentences."""
        found = [f"{f.label} is required." for f in self.fields if f.required and not settings.get(f.name)]
        unknown = sorted(set(settings) - {f.name for f in self.fields} - set(APP_SETTINGS))
        found += [f"Unknown setting {name!r} for {self.label}." for name in unknown]
        if COLOUR_SETTING in settings and (wrong := colour_problem(settings[COLOUR_SETTING])):
            found.append(wrong)
        if self.validate is not None:
            found += self.validate(settings)
        return found

    def missing(self, settings: Settings) -> list[str]:
        """What a NEW account lacks: ``problems`` plus a way to sign in. (Accounts saved
        before a kind named its ways keep opening: only ``problems`` stops those.)"""
        found = self.problems(settings)
        if self.sign_in and not any(all(settings.get(name) for name in way) for way in self.sign_in):
            ways = [" and ".join(self.field(name).label for name in way) for way in self.sign_in]
            found.append(f"Give one way to sign in: {'; or '.join(ways)}.")
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
_found_all = False
#: Workers open accounts at the same time: one of them finds the kinds, the rest wait.
_finding = threading.Lock()


def register(kind: ProviderKind) -> ProviderKind:
    if kind.name in _KINDS and _KINDS[kind.name] != kind:
        raise ValueError(f"provider kind {kind.name!r} registered twice")
    _KINDS[kind.name] = kind
    return kind


def _load_builtin_kinds() -> None:
    """Import the ``kind.py`` of every provider package: it registers the kind and imports
    no SDK. A new provider is a new package; nothing here names it."""
    global _found_all
    for package in pkgutil.iter_modules(providers.__path__):
        module = f"{providers.__name__}.{package.name}.kind"
        if package.ispkg and importlib.util.find_spec(module) is not None:
            importlib.import_module(module)
    ordered = sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.name))
    _KINDS.clear()
    _KINDS.update((kind.name, kind) for kind in ordered)
    _found_all = True


def kinds() -> dict[str, ProviderKind]:
    """Every kind, in their ``order``."""
    if not _found_all:
        with _finding:
            if not _found_all:
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
