"""Asking a person on the terminal (a script gets no)."""

from __future__ import annotations

import sys

from storebrowser.core.display import display_text


def agrees(question: str) -> bool:
    """Ask on the terminal; without one (a script) the answer is no."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return False
    sys.stderr.write(f"{display_text(question)} [y/N] ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")
