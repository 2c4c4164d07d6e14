"""Words for a person, not translated yet: what a kind says of itself (a job's title and
tooltip) as English templates and the values that fill them.

Each template is marked where it is written (``QT_TRANSLATE_NOOP("Transfers", ...)``,
from ``core.words``), so Qt's lupdate files it in the catalogues under the "Transfers"
context, where the panel's other words are. The UI translates each template in that
context and formats it with ``render``; a ``Count`` is translated with its number, so a
catalogue's numerus forms choose the noun. Without a translator ``render`` (and
``str()``) gives the English. The helpers below are the pieces the kinds share: places,
names, counts, lists of sources.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

from storebrowser.core.words import QT_TRANSLATE_NOOP

Words: TypeAlias = "str | Phrase | Lines | Count | Number"

# ``translate(template, n)``: a template in the "Transfers" context, with the count it
# is said of (``-1`` when it has none), as ``QCoreApplication.translate`` takes them.
# (Plain comments here: lupdate would take a ``#:`` one for the next template's note.)
Translate: TypeAlias = Callable[[str, int], str]


@dataclass(frozen=True, slots=True, init=False)
class Phrase:
    """``Phrase("Upload {name} to {place}", name="a.txt", place="photos/")``."""

    text: str
    values: Mapping[str, Words]

    def __init__(self, text: str, /, **values: Words) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "values", values)

    def __str__(self) -> str:
        return render(self)


@dataclass(frozen=True, slots=True)
class Number:
    """A number with no noun (``… and {n} more``), written the reader's way when rendered."""

    n: int

    def __str__(self) -> str:
        return render(self)


@dataclass(frozen=True, slots=True)
class Noun:
    """A counted noun, ``{n} file`` for one and ``{n} files`` for more (the English forms;
    a catalogue has each as a numerus message, with its language's plural forms)."""

    one: str
    many: str


# The number after "" marks a numerus message for lupdate (see core.words); 1 and 2 say
# which English form each is.
FILES = Noun(
    QT_TRANSLATE_NOOP("Transfers", "{n} file", "", 1), QT_TRANSLATE_NOOP("Transfers", "{n} files", "", 2)
)
OBJECTS = Noun(
    QT_TRANSLATE_NOOP("Transfers", "{n} object", "", 1), QT_TRANSLATE_NOOP("Transfers", "{n} objects", "", 2)
)
ITEMS = Noun(
    QT_TRANSLATE_NOOP("Transfers", "{n} item", "", 1), QT_TRANSLATE_NOOP("Transfers", "{n} items", "", 2)
)


@dataclass(frozen=True, slots=True)
class Count:
    """``1 file``, ``1,234 files``: a number and its noun, translated with the number."""

    n: int
    noun: Noun

    @property
    def text(self) -> str:
        """The English form for ``n`` (the template the UI translates with ``n``)."""
        return self.noun.one if self.n == 1 else self.noun.many

    def __str__(self) -> str:
        return render(self)


@dataclass(frozen=True, slots=True)
class Lines:
    """Words one a line: a list of sources, then "… and 5 more"."""

    parts: tuple[Words, ...]

    def __str__(self) -> str:
        return render(self)


def _as_is(text: str, n: int) -> str:
    return text


def _english_number(n: int) -> str:
    return f"{n:,}"


def render(
    words: Words, translate: Translate = _as_is, number: Callable[[int], str] = _english_number
) -> str:
    """The words as text: each template through ``translate``, then filled; a count is
    written by ``number`` (the window passes its language's way: German ``1.234``)."""
    if isinstance(words, str):
        return words
    if isinstance(words, Lines):
        return "\n".join(render(part, translate, number) for part in words.parts)
    if isinstance(words, Count):
        return translate(words.text, words.n).format(n=number(words.n))
    if isinstance(words, Number):
        return number(words.n)
    values = {name: render(value, translate, number) for name, value in words.values.items()}
    return translate(words.text, -1).format(**values)


def place(container: str, key: str = "") -> str:
    """``photos/2024/``: a container and a key or prefix, as a path."""
    return f"{container}/{key}" if key else container


def folder_of(key: str) -> str:
    return key.rpartition("/")[0] + "/" if "/" in key else ""


def name_of(path: str) -> str:
    return posixpath.basename(path.rstrip("/")) or path


def counted(n: int, noun: Noun) -> Count:
    """``1 file`` or ``1,234 files``."""
    return Count(n, noun)


def counted_or_chosen(count: int, chosen: int, noun: Noun) -> Count:
    """A job of several sources: ``1,234 files`` once expanded (``count`` items), ``500
    items`` (as ``chosen``) until then."""
    return Count(count, noun) if count else Count(chosen, ITEMS)


#: ``common_folder`` answers, by the identity of the keys tuple (a job's snapshots share
#: its spec): the panel asks for every visible cell at every refresh, and a job of 100,000
#: sources takes ~10 ms to compute.
_COMMON: dict[int, tuple[tuple[str, ...], str]] = {}
_COMMON_KEPT = 64


def common_folder(keys: tuple[str, ...]) -> str:
    """The folder every key is in: ``a/b/`` for ``a/b/x`` and ``a/b/y/``."""
    known = _COMMON.get(id(keys))
    if known is not None and known[0] is keys:
        return known[1]
    shared = os.path.commonprefix(list(keys))  # noqa: RUF071 - by characters, then cut at a "/"
    folder = shared.rpartition("/")[0] + "/" if "/" in shared else ""
    if len(_COMMON) >= _COMMON_KEPT:
        _COMMON.pop(next(iter(_COMMON)))
    _COMMON[id(keys)] = (keys, folder)  # the tuple is kept, so its id is not reused meanwhile
    return folder


def first_sources(sources: tuple[str, ...], container: str | None = None) -> Lines:
    """The first sources of a job of many, one a line (keys as ``container/key`` when
    ``container`` is given); how many more after that."""
    shown: list[Words] = [f"{container}/{s}" if container is not None else s for s in sources[:10]]
    rest = len(sources) - len(shown)
    if rest > 0:
        shown.append(Phrase(QT_TRANSLATE_NOOP("Transfers", "… and {n} more"), n=Number(rest)))
    return Lines(tuple(shown))
