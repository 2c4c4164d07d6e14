"""Where a command's CPU went, from py-spy's collapsed stacks (``py-spy record -f raw``):
each sample is put in the first category whose marker its stack holds, in the order
below (an import while listing counts as an import). Run on a folder of them:
``python -m bench.profile_split DIR`` (``bench/sync.py --profile DIR`` writes them).
Samples are of threads that were running (py-spy leaves idle ones out), so the shares
are shares of the process's CPU, at the sampling rate's resolution."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

#: (category, markers): a sample whose stack holds any marker is in the category.
CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("imports", ("_find_and_load",)),
    ("hashing", ("_hash_file", "_hash_files")),
    ("HEAD lookups", ("look_up (",)),
    ("local walk", ("list_local",)),
    ("listing", ("list_remote", "walk.py")),
    ("provider and client set-up", ("connect (", "open_provider", "create_client", "_open_provider")),
    ("plan", ("make_plan",)),
    ("job run", ("run_listed_jobs", "run_engine", "engine.py")),
    ("compare", ("compare.py",)),
    ("accounts and config", ("load_accounts", "accounts/")),
    ("output", ("emit (",)),
)


def split(lines: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in lines:
        stack, _, number = line.rstrip().rpartition(" ")
        if not number.isdigit() or not stack.strip():  # no stack read: not counted
            continue
        category = next((name for name, markers in CATEGORIES if any(m in stack for m in markers)), "other")
        counts[category] += int(number)
    return counts


def leaves(lines: list[str], most: int) -> list[tuple[str, int]]:
    """The functions the samples were in (the stacks' last frames), most frequent first."""
    counts: Counter[str] = Counter()
    for line in lines:
        stack, _, number = line.rstrip().rpartition(" ")
        if number.isdigit() and stack.strip():
            counts[stack.rpartition(";")[2]] += int(number)
    return counts.most_common(most)


def summarize(path: Path, top: int = 8) -> str:
    lines = path.read_text(errors="replace").splitlines()
    counts = split(lines)
    total = sum(counts.values()) or 1
    parts = ", ".join(f"{name} {100 * n / total:.0f}%" for name, n in counts.most_common())
    hottest = "\n".join(f"    {100 * n / total:4.1f}% {frame}" for frame, n in leaves(lines, top))
    return f"{path.stem}: {total} samples: {parts}\n{hottest}"


def summarize_folder(folder: Path) -> None:
    for path in sorted(folder.glob("*.txt")):
        print(summarize(path), flush=True)


if __name__ == "__main__":
    summarize_folder(Path(sys.argv[1]))
