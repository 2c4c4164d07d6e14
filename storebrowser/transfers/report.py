"""A job's failures by object, for a person to read, export and act on: the key and the
service's reason for each, in a CSV file a spreadsheet opens."""

from __future__ import annotations

import csv
from pathlib import Path

from storebrowser.transfers.progress import JobSnapshot

FAILURE_COLUMNS = ("container", "object", "error")
#: A cell starting with one of these is a formula to a spreadsheet; keys are anyone's text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def failure_rows(job: JobSnapshot) -> list[tuple[str, str, str]]:
    return [(job.spec.container, item.key, item.error or "failed") for item in job.failed_items]


def write_failures_csv(path: Path, rows: list[tuple[str, str, str]]) -> None:
    """``rows`` under a header line, written whole into ``path`` (the file the user chose)."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(FAILURE_COLUMNS)
        writer.writerows([tuple(_cell(text) for text in row) for row in rows])


def _cell(text: str) -> str:
    """``text``, with a leading ``'`` where a spreadsheet would run it as a formula
    (OWASP's advice for CSV exports): such a key reads ``'=SUM(...)`` in the file."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
