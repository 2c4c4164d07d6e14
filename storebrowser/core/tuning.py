"""How hard an account's transfers push: objects at once, parts of one object at once, and
the part size. A kind gives its defaults (``ProviderKind.tuning``); an account may set
any of them (``Account.tuning``, the ``transfers`` table of its entry in the accounts
file); the engine runs the account's jobs with the two laid over each other."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

MiB = 1024 * 1024
#: Bounds a person may set: enough to fill a fast link, few enough not to drown a server.
MAX_TRANSFERS = 32
MAX_PARTS = 32
MIN_PART_MIB = 1
MAX_PART_MIB = 5 * 1024

_NAMES = {"transfers": "transfers at once", "parts": "parts per object", "part_size": "part size"}
_SIZE = re.compile(r"^\s*(\d+)\s*(?:M|MiB|MB)?\s*$", re.IGNORECASE)


class BadTuning(ValueError):
    """A value a person typed that the engine cannot take; the message says the bounds."""


@dataclass(frozen=True, slots=True)
class Tuning:
    """``None``: not set here (the kind's default, or the engine's own)."""

    #: Objects of the account moving at once.
    transfers: int | None = None
    #: Parts of one object moving at once.
    parts: int | None = None
    #: Bytes per part; ``None``: the service's own size.
    part_size: int | None = None

    def over(self, defaults: Tuning) -> Tuning:
        """These values where set, else ``defaults``'."""
        return Tuning(
            self.transfers if self.transfers is not None else defaults.transfers,
            self.parts if self.parts is not None else defaults.parts,
            self.part_size if self.part_size is not None else defaults.part_size,
        )

    @property
    def empty(self) -> bool:
        return self.transfers is None and self.parts is None and self.part_size is None

    def to_table(self) -> dict[str, int]:
        """The accounts file's ``transfers`` table (part size in MiB)."""
        table = {"transfers": self.transfers, "parts": self.parts,
                 "part_size_mib": None if self.part_size is None else self.part_size // MiB}  # fmt: skip
        return {name: value for name, value in table.items() if value is not None}

    @classmethod
    def from_table(cls, table: object) -> Tuning:
        if not isinstance(table, Mapping):
            raise BadTuning("'transfers' must be a table with transfers, parts and part_size_mib.")
        unknown = sorted(set(table) - {"transfers", "parts", "part_size_mib"})
        if unknown:
            raise BadTuning(
                f"unknown transfer setting {unknown[0]!r} (known: transfers, parts, part_size_mib)."
            )
        transfers, parts, size = (_whole(table, name) for name in ("transfers", "parts", "part_size_mib"))
        return checked(transfers, parts, None if size is None else size * MiB)


def _whole(table: Mapping[str, object], name: str) -> int | None:
    value = table.get(name)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadTuning(f"{name!r} must be a whole number.")
    return value


def checked(transfers: int | None, parts: int | None, part_size: int | None) -> Tuning:
    """A ``Tuning``, or ``BadTuning`` naming the first value out of bounds."""
    _bounded("transfers", transfers, 1, MAX_TRANSFERS)
    _bounded("parts", parts, 1, MAX_PARTS)
    if part_size is not None and not MIN_PART_MIB * MiB <= part_size <= MAX_PART_MIB * MiB:
        raise BadTuning(f"The part size must be from {MIN_PART_MIB} to {MAX_PART_MIB} MiB.")
    return Tuning(transfers, parts, part_size)


def _bounded(name: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise BadTuning(f"The {_NAMES[name]} must be from {low} to {high}.")


def parse_count(name: str, text: str) -> int | None:
    """A count typed by a person (``transfers`` or ``parts``); empty or ``default``: not set."""
    cleaned = text.strip()
    if cleaned.lower() in ("", "default"):
        return None
    if not cleaned.isdigit():
        raise BadTuning(f"The {_NAMES[name]} must be a whole number (or 'default'), not {cleaned!r}.")
    return int(cleaned)


def parse_part_size(text: str) -> int | None:
    """A part size in MiB (``16``, ``16M``, ``16MiB``); empty or ``default``: not set."""
    cleaned = text.strip()
    if cleaned.lower() in ("", "default"):
        return None
    match = _SIZE.match(cleaned)
    if match is None:
        raise BadTuning(f"The part size is a number of MiB, such as 16 (or 'default'), not {cleaned!r}.")
    return int(match.group(1)) * MiB
