"""docs/ARCHITECTURE.md stays true: every file, folder and module it names exists, and the
README points to it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "ARCHITECTURE.md"
#: Where the page's paths start (a path is written from the repository's root).
ROOTS = ("storebrowser/", "tests/", "docs/", "bench/", "installer/", "resources/")
FILE_SUFFIXES = (".py", ".md", ".toml", ".spec")


def _spans(text: str) -> list[str]:
    return re.findall(r"`([^`\n]+)`", text)


def _named_paths(text: str) -> list[str]:
    """Code spans that are paths: from the repository's root, or a file name."""
    return [span for span in _spans(text) if span.startswith(ROOTS) or span.endswith(FILE_SUFFIXES)]


def _exists(span: str) -> bool:
    """A path from the root, a placeholder path (``providers/<name>/kind.py``: its folder
    exists, and so does that file in some provider), or a bare file name found in the
    package or the repository's root."""
    if "<" in span:
        head, _, tail = span.partition("<")
        tail = tail.partition(">")[2].lstrip("/")
        folder = ROOT / head
        return folder.is_dir() and (not tail or any((sub / tail).exists() for sub in folder.iterdir()))
    if span.startswith(ROOTS):
        return (ROOT / span).exists()
    return (ROOT / span).exists() or any(ROOT.joinpath("storebrowser").rglob(span))


def test_every_path_the_page_names_exists() -> None:
    paths = _named_paths(PAGE.read_text(encoding="utf-8"))
    assert len(paths) > 40, "the page names the files to touch; did the pattern stop matching?"
    missing = sorted({span for span in paths if not _exists(span)})
    assert not missing, f"docs/ARCHITECTURE.md names what does not exist: {missing}"


def test_the_checker_tells_a_missing_path() -> None:
    assert _exists("storebrowser/providers/<name>/kind.py")
    assert _exists("operations.py")
    assert not _exists("storebrowser/ui/nowhere.py")
    assert not _exists("storebrowser/providers/<name>/nothing.py")
    assert not _exists("nowhere.py")


def test_the_readme_points_to_the_page() -> None:
    assert "docs/ARCHITECTURE.md" in (ROOT / "README.md").read_text(encoding="utf-8")
