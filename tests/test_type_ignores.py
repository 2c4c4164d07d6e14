"""Every ``# type: ignore`` in storebrowser/ names its error code and says why, on its own
line after it or in the comment just above. mypy refuses one without a code
(``ignore-without-code``) or one that no longer hides anything (``warn_unused_ignores``);
this keeps the why."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "storebrowser"
IGNORE = re.compile(r"#\s*type:\s*ignore(?P<code>\[[^\]]+\])?(?P<after>.*)$")


def _unexplained() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = IGNORE.search(line)
            if match is None:
                continue
            reason_after = re.match(r"\s*#\s*\S", match["after"]) is not None
            reason_above = number > 0 and lines[number - 1].strip().startswith("#")
            if match["code"] is None or not (reason_after or reason_above):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{number + 1}: {line.strip()}")
    return found


def test_every_type_ignore_has_a_code_and_a_reason() -> None:
    assert _unexplained() == []


def test_the_check_sees_a_bare_ignore() -> None:
    assert IGNORE.search("x = f()  # type: ignore")["code"] is None
    match = IGNORE.search("x = f()  # type: ignore[arg-type]  # the stub says int")
    assert match["code"] == "[arg-type]" and re.match(r"\s*#\s*\S", match["after"])
    assert not re.match(r"\s*#\s*\S", IGNORE.search("x = f()  # type: ignore[misc]")["after"])
