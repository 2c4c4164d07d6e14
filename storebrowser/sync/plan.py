"""What a one-way sync (left to right) would change, worked out from a comparison.

Only-left keys are added, different ones updated, only-right ones deleted when asked
(never otherwise) and only when both listings were complete: a part of either side that
could not be listed would make its objects look missing. ``newer_only`` leaves alone a
key whose right side is newer. Keys that cannot be saved as local files (core's one
key-to-path mapping refuses them) are refused, not sent.

The plan becomes one engine job (``to_spec``: ``JobKind.SYNC``), run and resumed as every
transfer is.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from storebrowser.core.errors import InvalidName
from storebrowser.core.localpath import key_parts
from storebrowser.core.mtime import MTIME_KEY, MtimeStyle, format_mtime
from storebrowser.core.types import ObjectInfo
from storebrowser.sync.compare import Comparison, Pair, Verdict
from storebrowser.sync.listing import Entry
from storebrowser.sync.places import SyncPlace
from storebrowser.transfers.jobs import JobKind, JobSpec

_NS = 1_000_000_000


class Change(enum.Enum):
    ADD = "add"
    UPDATE = "update"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class SyncOptions:
    delete: bool = False
    newer_only: bool = False


@dataclass(slots=True)
class SyncPlan:
    left: SyncPlace
    right: SyncPlace
    changes: dict[Change, list[str]] = field(default_factory=lambda: {c: [] for c in Change})
    #: Keys left alone, and why (newer on the right).
    skipped: dict[str, str] = field(default_factory=dict)
    #: Keys that cannot be written on the right (a hostile key into a local folder), and why.
    refused: dict[str, str] = field(default_factory=dict)
    #: Why deletions were held back (a listing was incomplete), when they were.
    deletions_withheld: str = ""
    #: Bytes the sends carry (sizes on the left).
    send_bytes: int = 0
    #: What the left's listing said of each key sent (``PlanListing``).
    sent: dict[str, Entry] = field(default_factory=dict)

    @property
    def sends(self) -> list[str]:
        return self.changes[Change.ADD] + self.changes[Change.UPDATE]

    @property
    def deletes(self) -> list[str]:
        return self.changes[Change.DELETE]

    @property
    def empty(self) -> bool:
        return not self.sends and not self.deletes

    def to_json(self) -> dict[str, Any]:
        return {
            "left": self.left.to_json(),
            "right": self.right.to_json(),
            **{change.value: list(keys) for change, keys in self.changes.items()},
            "skipped": dict(self.skipped),
            "refused": dict(self.refused),
            "deletions_withheld": self.deletions_withheld,
            "bytes": self.send_bytes,
        }


def make_plan(comparison: Comparison, options: SyncOptions) -> SyncPlan:
    plan = SyncPlan(comparison.left, comparison.right)
    for pair in comparison.pairs[Verdict.ONLY_LEFT]:
        _send(plan, pair, Change.ADD)
    for pair in comparison.pairs[Verdict.DIFFERENT]:
        if options.newer_only and _right_is_newer(pair):
            plan.skipped[pair.key] = "newer on the right"
            continue
        _send(plan, pair, Change.UPDATE)
    only_right = [pair.key for pair in comparison.pairs[Verdict.ONLY_RIGHT]]
    if options.delete:
        if comparison.complete:
            plan.changes[Change.DELETE] = only_right
        else:  # said even when none was seen: what was not listed may hold extras
            gaps = comparison.left_listing.gaps + comparison.right_listing.gaps
            plan.deletions_withheld = (
                f"nothing deleted ({len(only_right)} deletions withheld): a listing was incomplete "
                f"({'; '.join(gaps[:3])})"
            )
    return plan


def _send(plan: SyncPlan, pair: Pair, change: Change) -> None:
    if plan.right.is_local:
        try:
            key_parts(pair.key)
        except InvalidName as error:
            plan.refused[pair.key] = error.message
            return
    plan.changes[change].append(pair.key)
    if pair.left is not None:
        plan.send_bytes += pair.left.size
        plan.sent[pair.key] = pair.left


def _right_is_newer(pair: Pair) -> bool:
    left, right = pair.left, pair.right
    if left is None or right is None or left.mtime_ns is None or right.mtime_ns is None:
        return False
    if left.mtime_exact and right.mtime_exact:
        return right.mtime_ns > left.mtime_ns
    return right.mtime_ns - left.mtime_ns >= _NS


def to_spec(plan: SyncPlan) -> JobSpec:
    """The plan as one engine job: the left end as ``account``/``container``/``key`` (no
    container: the local folder ``local``), the right as ``dst_*`` (likewise), the keys to
    send (``sources``) and to delete on the right (``keys``), relative to the places."""
    left, right = plan.left, plan.right
    if left.is_local and right.is_local:
        raise ValueError("a sync between two local folders is not offered")
    return JobSpec(
        JobKind.SYNC,
        left.account or right.account,
        left.container,
        key=left.prefix,
        local=left.local or right.local,
        dst_account=right.account,
        dst_container=right.container,
        dst_key=right.prefix,
        sources=tuple(plan.sends),
        keys=tuple(plan.deletes),
    )


class PlanListing:
    """What the left's listing said of the objects a plan sends (``transfers.jobs.Listed``),
    so that the sync job's downloads ask nothing more of them: a small object with an MD5
    is read with one GET, whose reply also gives the file its time."""

    def __init__(self, plan: SyncPlan) -> None:
        self._keys = plan.sends
        self._entries = plan.sent

    def listed(self, source: int) -> ObjectInfo | None:
        entry = self._entries.get(self._keys[source]) if source < len(self._keys) else None
        if entry is None or entry.local:
            return None
        if entry.size == 0 and not entry.mtime_exact:
            return None  # no read, so no reply to give its time: looked up (one HEAD)
        modified, metadata = None, {}
        if entry.mtime_ns is not None and entry.mtime_exact:  # a stored time the listing gave (Azure)
            metadata = {MTIME_KEY: format_mtime(entry.mtime_ns, MtimeStyle.UNIX_SECONDS)}
        elif entry.mtime_ns is not None:  # the listed upload time
            modified = datetime.fromtimestamp(entry.mtime_ns / _NS, UTC)
        return ObjectInfo(entry.where, entry.size, modified, etag=entry.etag, metadata=metadata,
                          content_md5=entry.md5)  # fmt: skip


def listing_of(plan: SyncPlan) -> PlanListing | None:
    """For a plan whose left end is a container (its sends are downloads or copies)."""
    return None if plan.left.is_local else PlanListing(plan)
