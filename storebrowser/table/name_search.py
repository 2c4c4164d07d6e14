"""Type-ahead in the object table: find names without a ``data()`` call per row.

Qt answers ``keyboardSearch`` through ``QAbstractItemModel.match``, which asks every row
for its text in Python: seconds of frozen window on a million rows when nothing matches.
``find_names`` searches the columns instead; ``rows_with_name`` finds the few rows that
can match in the name blob at C speed. The table's filter asks ``names_containing``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from enum import IntEnum
from itertools import chain, islice, repeat
from operator import contains

import numpy as np
from numpy.typing import NDArray

from storebrowser.table.columns import ObjectColumns

#: A byte of a non-ASCII character in UTF-8.
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_CHUNK = 1 << 16
#: ``find_names`` first tries this many rows from the start by folding names one by one.
_HEAD_SCAN = 2000
#: Up to this many matching rows, ``find_names`` looks each one up instead of scanning.
_FEW = 64


class NameMatch(IntEnum):
    """How ``find_names`` compares a case-folded name with the needle."""

    STARTS = 0
    CONTAINS = 1
    EQUALS = 2


_NAME_TESTS: dict[NameMatch, Callable[[str, str], bool]] = {
    NameMatch.STARTS: str.startswith,
    NameMatch.CONTAINS: str.__contains__,
    NameMatch.EQUALS: str.__eq__,
}


def find_names(
    columns: ObjectColumns,
    visible: Sequence[int],
    start: int,
    needle: str,
    how: NameMatch,
    *,
    wrap: bool,
    hits: int,
) -> list[int]:
    """Positions in ``visible`` whose case-folded name matches ``needle`` (case-folded),
    from ``start`` on (then from the top with ``wrap``); at most ``hits`` (-1: all).

    For type-ahead, which Qt would answer with a Python ``data()`` call per row (seconds
    on a million rows when nothing matches). Where few rows match, they are found in the
    name blob and the scan is a set lookup per row; otherwise names are folded one by one
    as the scan goes. The rows right after ``start`` are tried first, one by one:
    type-ahead usually finds its row there."""
    count = len(visible)
    start = min(max(start, 0), count)
    after, before = range(start, count), range(start) if wrap else range(0)
    wanted = count if hits < 0 else hits
    test, name = _NAME_TESTS[how], columns.folded_name
    head = chain(after[:_HEAD_SCAN], before[: max(0, _HEAD_SCAN - len(after))])
    found = list(islice((pos for pos in head if test(name(visible[pos]), needle)), wanted))
    rest = chain(after[_HEAD_SCAN:], before[max(0, _HEAD_SCAN - len(after)) :])
    if len(found) == wanted or len(after) + len(before) <= _HEAD_SCAN:
        return found
    candidates = None
    if how is not NameMatch.EQUALS:
        candidates = rows_with_name(columns, needle, at_start=how is NameMatch.STARTS, limit=count // 16)
    if candidates is not None and len(candidates) <= _FEW:
        return found + _positions_of(visible, candidates, start, wrap, seen=found)[: wanted - len(found)]
    if candidates is not None:
        passing = (pos for pos in rest if visible[pos] in candidates)
    else:  # many matches (so probably one soon) or non-ASCII names
        passing = (pos for pos in rest if test(name(visible[pos]), needle))
    return found + list(islice(passing, wanted - len(found)))


def _positions_of(
    visible: Sequence[int], rows: Iterable[int], start: int, wrap: bool, *, seen: list[int]
) -> list[int]:
    """Where ``rows`` are shown, in search order from ``start``; one C-speed ``index``
    per row, so a handful of matches costs nothing next to a scan of every position."""
    count, skip = len(visible), set(seen)
    positions = []
    for row in rows:
        try:
            positions.append(visible.index(row))
        except ValueError:  # filtered out or deleted
            continue
    positions = [pos for pos in positions if pos not in skip and (wrap or pos >= start)]
    return sorted(positions, key=lambda pos: (pos - start) % count)


def rows_with_name(columns: ObjectColumns, needle: str, *, at_start: bool, limit: int) -> set[int] | None:
    """Row ids whose case-folded name contains ``needle`` (begins with it: ``at_start``);
    ``None`` when more than ``limit`` rows match or hold non-ASCII names.

    Found at C speed in one lower-cased copy of the name blob (~70 ms for a million
    names): ``bytes.lower`` folds ASCII letters only and keeps every offset. Names
    with other characters may fold differently (``ß`` -> ``ss``, the Kelvin sign ->
    ``k``), so those rows are judged one by one with ``casefold``.
    """
    if not len(columns) or not needle:
        return set()
    if columns.has_odd_names or "\0" in needle:
        return None
    others = _non_ascii_rows(columns, limit)
    if others is None:
        return None
    found = _ascii_matches(columns, needle, at_start, limit) if needle.isascii() else set()
    if found is None:
        return None
    found -= others
    test = str.startswith if at_start else str.__contains__
    found.update(row for row in others if test(columns.folded_name(row), needle))
    return found if len(found) <= limit else None


def _non_ascii_rows(columns: ObjectColumns, limit: int) -> set[int] | None:
    """Rows whose name has a non-ASCII byte; ``None`` when more than ``limit``."""
    blob, ends = columns.name_blob, columns.name_ends
    rows: set[int] = set()
    if blob.isascii():
        return rows
    # isascii() runs at memory speed, the regex at a tenth of it: only chunks that
    # hold a non-ASCII byte are searched.
    for first in range(0, len(blob), _CHUNK):
        if blob[first : first + _CHUNK].isascii():
            continue
        at, stop = first, min(first + _CHUNK, len(blob))
        while (hit := _NON_ASCII.search(blob, at, stop)) is not None:
            row = bisect_right(ends, hit.start()) - 1
            rows.add(row)
            if len(rows) > limit:
                return None
            at = ends[row + 1]  # on to the next name
    return rows


def _ascii_matches(columns: ObjectColumns, needle: str, at_start: bool, limit: int) -> set[int] | None:
    blob, pattern = columns.name_blob.lower(), needle.encode("ascii")
    found: set[int] = set()
    if at_start:
        if blob.startswith(pattern):
            found.add(0)
        pattern = b"\0" + pattern  # the end of the previous name, then ours
    shift = 1 if at_start else 0  # from the match to a byte of the row's name
    ends = columns.name_ends
    at = blob.find(pattern)
    while at != -1:
        found.add(bisect_right(ends, at + shift) - 1)
        if len(found) > limit:
            return None
        at = blob.find(pattern, at + 1)
    return found


def names_containing(columns: ObjectColumns, needle: str) -> NDArray[np.bool_]:
    """One flag per row id: its case-folded name contains ``needle`` (case-folded).

    For the filter of a million rows, with loops in C only: every name folded at once;
    where the needle occurs in few names, its occurrences are found in the folded names
    joined, each mapped to its row by a binary search of the NULs between names (numpy);
    where it occurs in many, each name is tested through ``map``.
    """
    if columns.has_odd_names or "\0" in needle:  # NULs inside names: the names one by one
        return _flags(map(contains, columns.folded_names(), repeat(needle)))
    text = columns.name_blob.decode("utf-8", "surrogatepass").casefold()  # NUL after each
    if text.count(needle) * 8 > len(columns):
        return _flags(map(contains, text[:-1].split("\0"), repeat(needle)))
    folded = text.encode("utf-8", "surrogatepass")
    ends = np.flatnonzero(np.frombuffer(folded, dtype=np.uint8) == 0)
    found = re.finditer(re.escape(needle.encode("utf-8", "surrogatepass")), folded)
    starts = np.fromiter(map(re.Match.start, found), dtype=np.int64)
    flags = np.zeros(len(columns), dtype=bool)
    flags[np.searchsorted(ends, starts)] = True  # the first NUL after a match ends its name
    return flags


def _flags(tests: Iterable[bool]) -> NDArray[np.bool_]:
    return np.frombuffer(bytes(tests), dtype=bool)  # bytes() of bools: a C loop
