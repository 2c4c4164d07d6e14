"""The hostile keys, and which of them each backend stores exactly or refuses.

Every key is stored with its own text as content, so reading the wrong object shows.
A backend in ``REFUSED`` refuses the key with a message and writes nothing (its service
cannot store it exactly, or, for moto, its test server cannot route it); every other
backend stores and addresses it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hostile:
    name: str
    key: str

    @property
    def data(self) -> bytes:
        return self.key.encode("utf-8")


KEYS: list[Hostile] = [
    Hostile("dot", "h/./dot.txt"),
    Hostile("dotdot", "h/../dotdot.txt"),
    Hostile("up", "../up.txt"),
    Hostile("only-dot", "."),
    Hostile("only-dotdot", ".."),
    Hostile("ends-dotdot", "h/.."),
    Hostile("double-slash", "h//double.txt"),
    Hostile("leading-slash", "/leading.txt"),
    Hostile("backslash", "h\\back\\slash.txt"),
    Hostile("escape", "h/esc\x1b[31mred\x1b]0;title\x07.txt"),
    Hostile("newline", "h/new\nline.txt"),
    Hostile("cr-tab", "h/cr\rtab\t.txt"),
    Hostile("c1-del", "h/c1\x85\x9bdel\x7f.txt"),
    Hostile("bidi", "h/report\u202etxt.exe"),
    Hostile("percent", "h/%2E%2E/pct%20.txt"),
    Hostile("query", "h/q?x=1&y#frag.txt"),
    Hostile("nfc", "h/caf\u00e9.txt"),
    Hostile("nfd", "h/cafe\u0301.txt"),
    Hostile("upper", "h/Case.TXT"),
    Hostile("lower", "h/case.txt"),
    Hostile("long", "h/" + "/".join(["L" * 200] * 5)),  # 1,006 bytes; parts a disk holds
    Hostile("too-long", "h/" + "/".join(["T" * 220] * 5)),  # 1,106 bytes
    Hostile("deep", "h/" + "d/" * 250 + "x.txt"),  # 252 parts
    Hostile("too-deep", "h/" + "d/" * 260 + "x.txt"),  # 262 parts
]
BY_NAME = {hostile.name: hostile for hostile in KEYS}

_DOTS = {"dot", "dotdot", "up", "only-dot", "only-dotdot", "ends-dotdot"}
REFUSED: dict[str, set[str]] = {
    # A folder cannot hold '.', '..', '' or '\' (Windows) as a name.
    "local": _DOTS | {"double-slash", "leading-slash", "backslash"},
    # Swift and s3api: 1,024 characters at most.
    "swift": {"too-long"},
    "s3_swift": {"too-long"},
    # moto's router cannot match a path with a line break in it (AWS stores such keys).
    "s3_moto": {"newline"},
    # Azure's naming rules (providers/azure/blob_names.py).
    "azure": _DOTS | {"backslash", "escape", "newline", "cr-tab", "c1-del", "too-long", "too-deep"},
}
BACKENDS = list(REFUSED)


def stored(backend: str) -> list[Hostile]:
    return [h for h in KEYS if h.name not in REFUSED[backend]]


def refused(backend: str) -> list[Hostile]:
    return [h for h in KEYS if h.name in REFUSED[backend]]


#: A few keys for the slower checks (parts, URLs, transfers): the ones that went wrong.
SAMPLE = ["dotdot", "up", "only-dot", "double-slash", "escape", "newline", "percent", "nfd"]


def sample(backend: str) -> list[Hostile]:
    return [BY_NAME[name] for name in SAMPLE if name not in REFUSED[backend]]


#: For the writes after the first (metadata, copy, delete): the sample and the other shapes
#: of path (a leading '/', a deep one), not every character class again.
WIDER = [*SAMPLE, "only-dotdot", "leading-slash", "query", "deep"]


def wider(backend: str) -> list[Hostile]:
    return [BY_NAME[name] for name in WIDER if name not in REFUSED[backend]]
