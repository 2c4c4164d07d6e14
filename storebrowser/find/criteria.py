"""What a search looks for, parsed from what a person typed.

Names are matched case-insensitively unless asked otherwise. ``contains`` and a glob
without ``/`` (but at its end) look at an object's name (the last segment of its key,
as the table shows it); a glob with ``/`` and a regular expression look at the whole key. Sizes take the
units rclone and ``du`` take (``K``, ``M``, ``G``, ``T``, ``P``: powers of 1024). Dates
are ISO 8601 (a date alone is midnight UTC; a time without a zone is UTC) or an age
(``7d``, ``12h``, ``30m``, ``2w``) counted back from now.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from storebrowser.core.types import EntryColumns, key_name

#: Matches a text from its start (a glob) or anywhere (a regular expression, contains).
Matcher = Callable[[str], "re.Match[str] | None"]
_Test = Callable[[int], bool]


class BadCriteria(ValueError):
    """What the user typed cannot be a search; the message is one line saying why."""


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4, "P": 1024**5}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMGTP]?)(?:I?B)?\s*", re.IGNORECASE)
_AGE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", re.IGNORECASE)
_AGE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_size(text: str) -> int:
    """``100M`` -> 104857600; ``BadCriteria`` with the reason for ``10XB``."""
    match = _SIZE.fullmatch(text)
    if match is None:
        raise BadCriteria(
            f"bad size {text!r}: expected a number with an optional unit K, M, G, T or P "
            "(powers of 1024), such as 100M or 2G"
        )
    number, unit = match.groups()
    return int(float(number) * _UNITS[unit.upper()])


def parse_moment(text: str, now: datetime | None = None) -> datetime:
    """An ISO 8601 date or time (UTC unless it says), or an age such as ``7d`` back from now."""
    age = _AGE.fullmatch(text)
    if age is not None:
        seconds = float(age.group(1)) * _AGE_UNITS[age.group(2).lower()]
        return (now or datetime.now(UTC)) - timedelta(seconds=seconds)
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise BadCriteria(
            f"bad date {text!r}: expected an ISO 8601 date or time such as 2025-06-30 or "
            "2025-06-30T12:00, or an age such as 7d or 12h"
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _compile(pattern: str, what: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise BadCriteria(f"bad {what} {pattern!r}: {error}") from None


@dataclass(frozen=True, slots=True)
class Criteria:
    """A search; every field left ``None`` matches everything. Build it with ``parse``."""

    contains: str | None = None
    glob: str | None = None
    regex: str | None = None
    min_size: int | None = None
    max_size: int | None = None
    newer: datetime | None = None
    older: datetime | None = None
    storage_class: str | None = None
    content_type: str | None = None
    case_sensitive: bool = False
    #: What the name (last segment) and the whole key must match, every one of them.
    _on_name: tuple[Matcher, ...] = ()
    _on_key: tuple[Matcher, ...] = ()

    @classmethod
    def parse(
        cls,
        *,
        contains: str | None = None,
        glob: str | None = None,
        regex: str | None = None,
        min_size: str | None = None,
        max_size: str | None = None,
        newer: str | None = None,
        older: str | None = None,
        storage_class: str | None = None,
        content_type: str | None = None,
        case_sensitive: bool = False,
        now: datetime | None = None,
    ) -> Criteria:
        """The search typed; ``BadCriteria`` (one line) before any request when it cannot be."""
        flags = 0 if case_sensitive else re.IGNORECASE
        on_name: list[Matcher] = []
        on_key: list[Matcher] = []
        if contains:
            on_name.append(re.compile(re.escape(contains), flags).search)
        if glob:
            on_whole_key = "/" in glob.rstrip("/")
            (on_key if on_whole_key else on_name).append(re.compile(fnmatch.translate(glob), flags).match)
        if regex:
            on_key.append(_compile(regex, "regular expression", flags).search)
        low = parse_size(min_size) if min_size else None
        high = parse_size(max_size) if max_size else None
        if low is not None and high is not None and low > high:
            raise BadCriteria(f"the smallest size ({min_size}) is larger than the largest ({max_size})")
        since = parse_moment(newer, now) if newer else None
        until = parse_moment(older, now) if older else None
        if since is not None and until is not None and since >= until:
            raise BadCriteria(f"nothing can be newer than {newer} and older than {older}")
        return cls(
            contains=contains or None,
            glob=glob or None,
            regex=regex or None,
            min_size=low,
            max_size=high,
            newer=since,
            older=until,
            storage_class=(storage_class or "").strip() or None,
            content_type=(content_type or "").strip() or None,
            case_sensitive=case_sensitive,
            _on_name=tuple(on_name),
            _on_key=tuple(on_key),
        )

    @property
    def matches_all(self) -> bool:
        return self == Criteria(case_sensitive=self.case_sensitive)

    def describe(self) -> str:
        """What is looked for, in a few words (status lines, the CLI's summary)."""
        parts = [f"name contains {self.contains!r}"] if self.contains else []
        parts += [f"matches {self.glob!r}"] if self.glob else []
        parts += [f"matches /{self.regex}/"] if self.regex else []
        parts += [f"at least {self.min_size:,} bytes"] if self.min_size is not None else []
        parts += [f"at most {self.max_size:,} bytes"] if self.max_size is not None else []
        parts += [f"modified since {self.newer:%Y-%m-%d %H:%M}"] if self.newer else []
        parts += [f"modified before {self.older:%Y-%m-%d %H:%M}"] if self.older else []
        parts += [f"storage class {self.storage_class}"] if self.storage_class else []
        parts += [f"content type {self.content_type}"] if self.content_type else []
        return ", ".join(parts) or "everything"

    def select(self, page: EntryColumns) -> list[int]:
        """The indexes of the page's objects that match (folders never do: a flat listing
        has none, and a folder is not an object)."""
        tests = self._tests(page)
        return [i for i, is_prefix in enumerate(page.is_prefix) if not is_prefix and all(t(i) for t in tests)]

    def _tests(self, page: EntryColumns) -> list[_Test]:
        keys = page.keys
        tests: list[_Test] = []
        if self._on_name:
            on_name = self._on_name
            tests.append(lambda i: all(m(key_name(keys[i])) is not None for m in on_name))
        if self._on_key:
            on_key = self._on_key
            tests.append(lambda i: all(m(keys[i]) is not None for m in on_key))
        if self.min_size is not None or self.max_size is not None:
            tests.append(_in_range(page.sizes, self.min_size, self.max_size))
        if self.newer is not None or self.older is not None:
            tests.append(_in_range(page.modified, self.newer, self.older, end_open=True))
        if self.storage_class is not None:
            tests.append(_same_word(page.storage_classes, self.storage_class))
        if self.content_type is not None:
            tests.append(_type_is(page.content_types, self.content_type))
        return tests


def _in_range(values: Sequence[Any], low: Any, high: Any, *, end_open: bool = False) -> _Test:
    """Values from ``low`` to ``high`` (both kept, or ``high`` left out when ``end_open``);
    an unknown value (``None``: a listing without dates) is never in a range."""

    def test(i: int) -> bool:
        value = values[i]
        if value is None or (low is not None and value < low):
            return False
        return high is None or (value < high if end_open else value <= high)

    return test


def _same_word(values: Sequence[str | None], wanted: str) -> _Test:
    folded = wanted.casefold()
    return lambda i: (values[i] or "").casefold() == folded


def _type_is(values: Sequence[str | None], wanted: str) -> _Test:
    """``image/png`` is that type; ``image/`` or ``image`` any image (parameters ignored)."""
    folded = wanted.casefold().rstrip("/")
    whole = "/" in folded

    def test(i: int) -> bool:
        value = (values[i] or "").partition(";")[0].strip().casefold()
        return value == folded if whole else value.partition("/")[0] == folded

    return test
