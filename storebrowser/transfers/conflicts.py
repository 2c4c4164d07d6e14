"""Conflict policies: what happens when the target of an item exists already."""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storebrowser.transfers.jobs import ConflictPolicy, Item, JobKind

#: Asked for ``ConflictPolicy.ASK``: the item, its job's kind and the existing target
#: (a path or a key); returns any policy but ASK. Runs on a worker thread, so a UI must
#: hand the question to its own thread and wait for the answer.
AskCallback = Callable[[Item, JobKind, str], ConflictPolicy]


class Skip(Exception):  # a decision, not an error
    """The item is left alone; ``reason`` becomes its note."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Decision:
    policy: ConflictPolicy
    target: str  # the path or key to write, possibly renamed


def decide(
    policy: ConflictPolicy,
    item: Item,
    kind: JobKind,
    target: str,
    exists: Callable[[str], bool],
    ask: AskCallback | None,
) -> Decision:
    """Settle ``policy`` for ``target``; raises ``Skip`` when the item is to be skipped."""
    if not exists(target):
        return Decision(policy, target)
    if policy is ConflictPolicy.ASK:
        if ask is None:
            raise Skip(f"{target} exists and nobody was asked what to do; skipped.")
        policy = ask(item, kind, target)
        if policy is ConflictPolicy.ASK:
            raise ValueError("the ask callback must answer with a policy other than ASK")
    if policy is ConflictPolicy.SKIP:
        raise Skip(f"Skipped: {target} exists.")
    if policy is ConflictPolicy.RENAME:
        return Decision(policy, free_name(target, exists))
    return Decision(policy, target)


def numbered(name: str, n: int) -> str:
    """``report.pdf`` -> ``report (n).pdf``; ``archive.tar.gz`` keeps both suffixes."""
    head, tail = posixpath.split(name)
    stem, dot, ext = tail.partition(".") if not tail.startswith(".") else (tail, "", "")
    new_tail = f"{stem} ({n}){dot}{ext}"
    return posixpath.join(head, new_tail) if head else new_tail


def free_name(target: str, exists: Callable[[str], bool]) -> str:
    for n in itertools.count(1):
        candidate = numbered(target, n)
        if not exists(candidate):
            return candidate
    raise AssertionError("unreachable")


def path_exists(target: str) -> bool:
    return Path(target).exists() or Path(target).is_symlink()
