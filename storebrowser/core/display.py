r"""Text from a store (keys, names, messages) made safe to show a person.

Object keys may hold any character: an escape sequence that recolours or rewrites a
terminal, a line break that splits a listing row in two, a right-to-left override that
shows ``report\u202etxt.exe`` as ``reportexe.txt``. ``display_text`` writes those
characters as visible escapes, in the form Python's ``repr`` uses (``\x1b``, ``\n``,
``\u202e``), so every line the CLI prints and every label the window shows is one line
that says what the key really holds. Data meant for programs (``--json``, the clipboard,
an edit field) keeps the exact text.

A backslash is left alone: keys written on Windows hold many, and ``a\b`` stays readable.
So ``\n`` on screen may be a line break or a backslash and an ``n``; where that matters,
``--json`` (or Copy Path in the window) gives the exact key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: C0 controls, DEL and C1 controls; the bidirectional controls (embeddings, overrides,
#: isolates, marks) that reorder what follows; the line and paragraph separators that
#: break lines in Qt and some terminals; lone surrogates (bytes of a local name that were
#: not UTF-8), which cannot even be encoded for output.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_text(text: str) -> str:
    """``text`` with control, bidi and separator characters written as escapes.

    Text without any (nearly all of it) is returned as it is, at the cost of one search.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_escape, text)


def display_lines(text: str) -> str:
    """``display_text`` for text of several lines (a message, a tooltip): its line breaks
    stay, everything else is escaped. For one line, a key or a name, use ``display_text``."""
    return "\n".join(display_text(line) for line in text.split("\n"))


def display_rows(rows: Iterable[str]) -> str:
    """Rows of one line each that quote keys and names, joined by line breaks: each row
    passes through ``display_text``, so a line break inside a key cannot start another."""
    return "\n".join(display_text(row) for row in rows)
