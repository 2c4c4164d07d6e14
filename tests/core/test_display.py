from __future__ import annotations

import unicodedata

import pytest

from storebrowser.core.display import display_text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("ünïcødé/日本語.txt", "ünïcødé/日本語.txt"),
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("x\ny\rz\tw", "x\\ny\\rz\\tw"),
        ("nul\x00del\x7f", "nul\\x00del\\x7f"),
        ("c1\x85\x9b", "c1\\x85\\x9b"),
        ("report\u202etxt.exe", "report\\u202etxt.exe"),
        ("isolate\u2066x\u2069", "isolate\\u2066x\\u2069"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("not-utf8-\udce9", "not-utf8-\\udce9"),
        ("back\\slash", "back\\slash"),
        # Joiners inside emoji and combining marks are text, not controls.
        ("👨\u200d👩\u200d👧 e\u0301", "👨\u200d👩\u200d👧 e\u0301"),
    ],
)
def test_controls_become_visible_escapes(raw: str, shown: str) -> None:
    assert display_text(raw) == shown


BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_no_control_bidi_separator_or_surrogate_is_left() -> None:
    every = "".join(chr(c) for c in range(0x3000)) + "\ud800\udfff"
    shown = display_text(every)
    shown.encode("utf-8")  # lone surrogates would raise here
    left = {c for c in shown if unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cs") or c in BIDI_CONTROLS}
    assert not left
