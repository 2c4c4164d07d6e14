"""JSON whose objects remember the line they start on, so that a rule broken inside a
settings file (CORS, lifecycle) is reported with its line, as a person reads the file.

``json`` gives a line only for a syntax error; ``load_located`` also tags every object
with the line of its ``{``. It runs the pure-Python scanner (the C one calls no hook):
slower, but settings files are a few kilobytes.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from typing import Any

from storebrowser.core.errors import InvalidConfiguration


class LocatedDict(dict[str, Any]):
    """A JSON object and the line (1-based) of its opening brace."""

    line: int = 0


class JsonProblem(ValueError):
    """Unreadable JSON, said with the line and the column, as one sentence."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class _LocatingDecoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__()
        plain = json.decoder.JSONObject  # type: ignore[attr-defined]  # CPython's, not in typeshed

        def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[LocatedDict, int]:
            text, end = s_and_end
            pairs, new_end = plain(s_and_end, *args)
            located = LocatedDict(pairs)
            located.line = text.count("\n", 0, end) + 1  # ``end`` is just past the "{"
            return located, new_end

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]  # as above


def load_located(text: str, source: str = "the JSON") -> Any:
    """``text`` parsed, every object a ``LocatedDict``; ``JsonProblem`` for bad JSON."""
    try:
        return _LocatingDecoder().decode(text)
    except json.JSONDecodeError as error:
        raise JsonProblem(
            f"{source} line {error.lineno}, column {error.colno}: not valid JSON ({error.msg}).",
            error.lineno,
        ) from None


def line_of(value: Any) -> int:
    """The line of a ``LocatedDict`` (0 when unknown)."""
    return value.line if isinstance(value, LocatedDict) else 0


def problem_at(source: str, line: int, text: str) -> InvalidConfiguration:
    """``"rules.json line 3: <text>."``: a broken rule where a person finds it."""
    where = f"{source} line {line}" if line else source
    return InvalidConfiguration(f"{where}: {text}.")
