"""Where a walk cuts a large part into key ranges (``core.walk``), guessed from the keys
of one full page: ``split_points``."""

from __future__ import annotations

import math
import string

#: Ranges one split makes at most (a large last one splits again when it is listed).
MOST_RANGES = 32
#: Pages a range is expected to hold at least where the service ends a range itself
#: (Swift's ``end_marker``): the few more requests of short ranges cost little.
MIN_PAGES = 2
#: ... and where it cannot (S3): a range's last page is read to its end for nothing, so a
#: range of ``m`` pages costs up to one page more: ranges of 8 pages keep that under an
#: eighth (ranges of 2 doubled the requests and added half the CPU on both sides).
MIN_PAGES_OPEN_END = 8
#: The characters a split point steps through after a key's character of the same kind.
_ALPHABETS = (string.digits, string.ascii_lowercase, string.ascii_uppercase)


def split_points(
    prefix: str, first: str, last: str, upto: str | None, *, keys: int = 1, most: int = MOST_RANGES,
    min_pages: int = MIN_PAGES,
) -> list[str]:  # fmt: skip
    """Where to cut the keys after ``last`` (below ``prefix``, up to ``upto``) into ranges,
    ascending, guessed from a full page of ``keys`` keys that went from ``first`` to
    ``last``: at each character of ``last`` from where the page's keys began to differ
    back to the prefix, the next characters of its kind (digits, lower or upper case
    letters). Deeper points make smaller ranges near ``last``, shallower ones larger
    ranges further on: the sizes grow as the guesses become rougher, and a range that is
    still large is split again when listed.

    A range ends inside a page, whose rest is listed for nothing (an S3 listing has no
    end), so a range takes as many steps of a character as hold ``min_pages`` pages by
    the page's density: its keys per step of a character, times the fan-out going back.
    (Deeper than where the page's keys differ, as in ``.bin``, there is nothing to guess.)"""
    points: list[str] = []
    pairs = enumerate(zip(first, last, strict=False))  # where the page's keys begin to differ
    same = next((i for i, (a, b) in pairs if a != b), min(len(first), len(last)))
    deepest = min(same, len(last) - 1)
    span = _alphabet_of(last[deepest])
    low = first[deepest] if deepest < len(first) else (span[0] if span else last[deepest])
    per_step = keys / max(1, ord(last[deepest]) - ord(low) + 1)  # keys in a step of that character
    for at in range(deepest, len(prefix) - 1, -1):
        alphabet = _alphabet_of(last[at])
        if at < deepest:  # a step here holds a step of every character of the kind after it
            per_step *= len(_alphabet_of(last[at + 1]) or "x")
        if alphabet is None:
            continue
        stride = max(1, math.ceil(min_pages * keys / per_step))  # steps a range takes
        for char in alphabet[alphabet.index(last[at]) + stride :: stride]:
            point = last[:at] + char
            if upto is not None and point >= upto:
                break
            points.append(point)
            if len(points) == most:
                return points
    return points


def _alphabet_of(char: str) -> str | None:
    return next((chars for chars in _ALPHABETS if char in chars), None)
