"""Keep the translation catalogues up to date with the code (Qt's tools from PySide6).

    python installer/translations.py            # lupdate the .ts from the code, lrelease the .qm
    python installer/translations.py --check    # fail if either is out of date (the tests run it)

The ``.ts`` files (storebrowser/ui/i18n/) are the sources translators edit (Qt Linguist,
``pyside6-linguist``); the ``.qm`` files compiled from them are committed and shipped in
the package, so an install needs no Qt tools. Locations are left out of the ``.ts`` so a
change of line numbers does not make them stale.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "storebrowser"
CATALOGUES = PACKAGE / "ui" / "i18n"
LANGUAGES = ("de", "fr")


def tool(name: str) -> str:
    """``pyside6-lupdate`` beside the running Python (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this Python ({sys.executable})")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in PACKAGE.rglob("*.py"))


def ts_path(folder: Path, lang: str) -> Path:
    return folder / f"storebrowser_{lang}.ts"


def update(folder: Path) -> None:
    """The .ts files in ``folder`` from the code: new words added, gone ones dropped."""
    for lang in LANGUAGES:
        subprocess.run(
            [tool("pyside6-lupdate"), *sources(), "-locations", "none", "-no-obsolete",
             "-target-language", lang, "-ts", str(ts_path(folder, lang))],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip


def release(folder: Path) -> None:
    for lang in LANGUAGES:
        ts = ts_path(folder, lang)
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True, capture_output=True,
        )  # fmt: skip


def stale() -> list[str]:
    """What is out of date: a .ts the code has changed since, a .qm older than its .ts."""
    problems = []
    with tempfile.TemporaryDirectory() as temp:
        copy = Path(temp)
        for lang in LANGUAGES:
            shutil.copy(ts_path(CATALOGUES, lang), ts_path(copy, lang))
        update(copy)
        release(copy)
        for lang in LANGUAGES:
            ts, qm = ts_path(copy, lang), ts_path(copy, lang).with_suffix(".qm")
            if not filecmp.cmp(ts, ts_path(CATALOGUES, lang), shallow=False):
                problems.append(f"{ts.name}: the code's words changed (run installer/translations.py)")
            elif not filecmp.cmp(qm, ts_path(CATALOGUES, lang).with_suffix(".qm"), shallow=False):
                problems.append(f"{qm.name}: not compiled from its .ts (run installer/translations.py)")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether they are up to date")
    args = parser.parse_args()
    if args.check:
        problems = stale()
        print("\n".join(problems) or "translations up to date")
        return 1 if problems else 0
    update(CATALOGUES)
    release(CATALOGUES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
