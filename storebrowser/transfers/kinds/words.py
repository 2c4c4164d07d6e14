"""Words for a person, not translated yet: what a kind says of itself (a job's title and
tooltip) as English templates and the values that fill them.

The UI translates each template (Qt's ``tr``, in the "Transfers" context) and formats it
with ``render``; without a translator ``render`` (and ``str()``) gives the English. The
helpers below are the pieces the kinds share: places, names, counts, lists of sources.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

Words: TypeAlias = "str | Phrase | Lines"


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
class Lines:
    """Words one a line: a list of sources, then "… and 5 more"."""

    parts: tuple[Words, ...]

    def __str__(self) -> str:
        return render(self)


def _as_is(text: str) -> str:
    return text


def render(words: Words, translate: Callable[[str], str] = _as_is) -> str:
    """The words as text: each template through ``translate``, then filled."""
    if isinstance(words, str):
        return words
    if isinstance(words, Lines):
        return "\n".join(render(part, translate) for part in words.parts)
    values = {name: render(value, translate) for name, value in words.values.items()}
    return translate(words.text).format(**values)


def place(container: str, key: str = "") -> str:
    """``photos/2024/``: a container and a key or prefix, as a path."""
    return f"{container}/{key}" if key else container


def folder_of(key: str) -> str:
    return key.rpartition("/")[0] + "/" if "/" in key else ""


def name_of(path: str) -> str:
    return posixpath.basename(path.rstrip("/")) or path


def counted(n: int, one: str, many: str) -> Phrase:
    """``1 file`` or ``1,234 files`` (``many`` has an ``{n}``)."""
    return Phrase(one) if n == 1 else Phrase(many, n=f"{n:,}")


def counted_or_chosen(count: int, chosen: int, one: str, many: str) -> Phrase:
    """A job of several sources: ``1,234 files`` once expanded (``count`` items), ``500
    items`` (as ``chosen``) until then."""
    return counted(count, one, many) if count else counted(chosen, "1 item", "{n} items")


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
        shown.append(Phrase("… and {n} more", n=f"{rest:,}"))
    return Lines(tuple(shown))
