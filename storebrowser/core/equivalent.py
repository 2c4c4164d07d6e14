"""The command line that does what the window just did ("Copy as Command"): what a line
is made of, and the ``storebrowser-cli`` line itself.

Each provider kind adds the line of the service's own tool where it is simple (``aws s3``,
``az storage blob``, ``swift``: ``tool_command`` of its registry kind; all lines together from
``providers.equivalent.equivalents``). Secrets never appear: the other tools' lines read them
from the environment variables those tools document.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from storebrowser.core.display import display_text


@dataclass(frozen=True, slots=True)
class Request:
    """One action on one account. ``keys`` are object keys (a folder ends with ``/``);
    ``local`` is a folder (get, restore, backup, publish) or files (put)."""

    action: str  # ls, get, put, rm, url, restore, backup, mb, rb, publish, cp
    account: str
    kind: str
    settings: Mapping[str, Any]
    container: str = ""
    prefix: str = ""
    keys: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    dst_container: str = ""
    dst_prefix: str = ""
    options: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Equivalent:
    tool: str  # "storebrowser-cli", "aws", "az", "swift"
    command: str
    note: str = ""


def quote(parts: Sequence[str]) -> str:
    """``parts`` as one shell line, each quoted where the shell would read it otherwise."""
    return " ".join(shell_word(p) for p in parts)


def shell_word(text: str) -> str:
    """``text`` as one shell word. Text with control or bidi characters (a key may hold
    them) goes in bash's ``$'...'`` with those characters as escapes: the line shows
    what it holds, and the shell still passes the exact text."""
    if display_text(text) == text:
        return shlex.quote(text)
    return "$'" + "".join(_ansi_c(char) for char in text) + "'"


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _ansi_c(char: str) -> str:
    if char in "\\'":
        return "\\" + char
    if display_text(char) == char:
        return char
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)  # \xHH is a byte to bash: above ASCII, \uHHHH (UTF-8 in the locale)
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def storebrowser_cli_line(r: Request) -> str:
    """The ``storebrowser-cli`` line for ``r``."""
    base = ["storebrowser-cli", "--account", r.account]
    place = f"{r.container}/{r.prefix}" if r.container else ""
    objects = [f"{r.container}/{key}" for key in r.keys]
    folder = r.local[0] if r.local else "."
    recursive = ["--recursive"] if any(k.endswith("/") for k in r.keys) else []
    build: dict[str, list[str]] = {
        "ls": ["ls", *([place] if place else [])],
        "get": ["get", *objects, folder],
        "put": ["put", *r.local, place],
        "rm": ["rm", *objects, *recursive],
        "url": ["url", *objects[:1], "--expires", r.options.get("expires", "3600")],
        "restore": ["restore", place, folder],
        "backup": ["backup", folder, place, *(["--name", r.options["name"]] if "name" in r.options else [])],
        "mb": ["mb", r.container],
        "rb": ["rb", r.container, "--force"],
        "publish": [
            "publish",
            r.container,
            folder,
            "--index",
            r.options.get("index", "index.html"),
            *(["--error", r.options["error"]] if r.options.get("error") else []),
        ],
        "cp": ["cp", *objects[:1], f"{r.dst_container}/{r.dst_prefix}"],
    }
    if r.action not in build:
        raise ValueError(f"no command for {r.action!r}")
    return quote([*base, *build[r.action]])
