"""Compare two places: what is only on the left, only on the right, different, the same.

Both sides are listed at once. Pairs (by key relative to each place) are decided, in
this order, by what can be trusted:

1. Sizes differ: different.
2. Both sides have an MD5 they vouch for (a single-part S3 object's or a plain Swift
   object's ETag, an Azure Content-MD5, rclone's ``md5chksum``; a local file's when
   hashed): the MD5s decide. ``checksum`` hashes local files for this whenever the other
   side has an MD5. Without it, a small local file (``hash_up_to``) is hashed first only
   where that saves a lookup: the object's stored time is not in its listing (S3, Swift:
   ``details_pending``), and reading the file costs less than the HEAD.
3. Else the modification times (a file's own; an object's stored ``mtime``, rclone's key,
   from the listing where it carries metadata (Azure), else looked up with a HEAD while
   the listing goes on: ``EarlyLookups``): equal to the nanosecond
   means the same. When they differ, or an object has no stored time (its upload time
   says nothing about its file's), the MD5s decide where one can be had on both sides (a
   local file hashed), as rclone's sync does; else the pair is different. (A file rewritten
   at its size, its time restored, is seen only by a hash: rclone's and rsync's blind spot.)

Lookups and hashing run on a few threads, only for the pairs that need them.
"""

from __future__ import annotations

import enum
import hashlib
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import AuthFailed, NotFound, StorageError
from storebrowser.core.retry import RetryPolicy, call_with_retry
from storebrowser.providers.base import Provider
from storebrowser.sync.listing import Entry, Listing, apply_details, list_local, list_remote
from storebrowser.sync.places import SyncPlace

#: Lookups (HEAD) and local hashes at once.
WORKERS = 8
CONNECTIONS = 4
RETRY = RetryPolicy(attempts=4, base_delay=0.25, max_delay=4.0)


class Verdict(enum.Enum):
    ONLY_LEFT = "only_left"
    ONLY_RIGHT = "only_right"
    DIFFERENT = "different"
    SAME = "same"


@dataclass(slots=True)
class Pair:
    """One relative key and what is at it on each side; ``basis`` says what decided."""

    key: str
    left: Entry | None
    right: Entry | None
    verdict: Verdict = Verdict.SAME
    basis: str = ""

    def to_json(self) -> dict[str, Any]:
        value: dict[str, Any] = {"key": self.key, "basis": self.basis}
        for side, entry in (("left", self.left), ("right", self.right)):
            if entry is not None:
                value[side] = {"size": entry.size, "mtime_ns": entry.mtime_ns, "md5": entry.md5}
        return value


#: Local files up to this size are compared by content where the other side has an MD5.
HASH_UP_TO = 1 << 20


@dataclass(frozen=True, slots=True)
class CompareOptions:
    #: Hash local files wherever the other side has an MD5 (``--checksum``).
    checksum: bool = False
    #: Look up the stored times of pairs that differ too (``--newer-only`` needs them).
    times_of_different: bool = False
    #: Hash local files up to this size where the other side has an MD5 and its stored
    #: time would take a lookup (``Entry.details_pending``: S3, Swift), instead of that
    #: lookup (0: off). The issue's rule: a checksum both sides have decides, a hash
    #: computed locally counts; reading a small file costs less than the HEAD its stored
    #: time would take (measured by ``bench/sync.py``: a no-change sync of 2,000 small files
    #: on s3api 26 s with HEADs, 3.4 s hashing). Where the listing carries the time (Azure)
    #: the hash would save nothing (1.6 ms of CPU per MiB): small files go by size and
    #: time as larger ones do, the hash deciding when the times differ. ``checksum``
    #: hashes every file whose other side has an MD5.
    hash_up_to: int = HASH_UP_TO
    connections: int = CONNECTIONS
    workers: int = WORKERS


@dataclass(slots=True)
class Comparison:
    left: SyncPlace
    right: SyncPlace
    left_listing: Listing
    right_listing: Listing
    pairs: dict[Verdict, list[Pair]] = field(default_factory=lambda: {v: [] for v in Verdict})
    lookups: int = 0
    hashed: int = 0

    @property
    def complete(self) -> bool:
        return self.left_listing.complete and self.right_listing.complete

    @property
    def identical(self) -> bool:
        return not any(self.pairs[v] for v in Verdict if v is not Verdict.SAME)

    def counts(self) -> dict[str, int]:
        return {verdict.value: len(self.pairs[verdict]) for verdict in Verdict}

    def same_by(self) -> dict[str, int]:
        """How the same pairs were found the same: ``{"mtime": 10, "md5": 2}``."""
        bases: dict[str, int] = {}
        for pair in self.pairs[Verdict.SAME]:
            bases[pair.basis] = bases.get(pair.basis, 0) + 1
        return bases

    def to_json(self) -> dict[str, Any]:
        """Every difference (the same pairs as a count: there may be millions)."""
        return {
            "left": self.left.to_json(),
            "right": self.right.to_json(),
            "identical": self.identical,
            "complete": self.complete,
            "counts": self.counts(),
            "same_by": self.same_by(),
            "only_left": [p.key for p in self.pairs[Verdict.ONLY_LEFT]],
            "only_right": [p.key for p in self.pairs[Verdict.ONLY_RIGHT]],
            "different": [p.to_json() for p in self.pairs[Verdict.DIFFERENT]],
            "gaps": {"left": self.left_listing.gaps, "right": self.right_listing.gaps},
            "skipped": self.left_listing.skipped + self.right_listing.skipped,
            "lookups": self.lookups,
            "hashed": self.hashed,
        }


ProviderFor = Callable[[str], Provider]


def list_place(
    place: SyncPlace,
    providers: ProviderFor,
    options: CompareOptions,
    cancel: CancelToken,
    *,
    may_be_missing: bool = False,
    on_page: Callable[[list[Entry]], None] | None = None,
    on_files: Callable[[int], None] | None = None,
) -> Listing:
    """Everything below ``place``. ``may_be_missing`` (the right end of a sync, which
    it creates): a folder or container that does not exist yet is empty. ``on_page``:
    a remote place's entries, page by page, as they are listed; ``on_files``: how many
    files a local folder's walk added, folder by folder."""
    if place.is_local:
        if may_be_missing and not os.path.lexists(place.local):
            return Listing(missing=True)
        return list_local(place.local, cancel, on_files=on_files)
    provider = providers(place.account)
    try:
        return list_remote(
            provider, place.container, place.prefix, connections=options.connections, cancel=cancel,
            on_page=on_page,
        )  # fmt: skip
    except NotFound as missing:
        if may_be_missing and missing.key is None:
            return Listing(missing=True)
        raise


def compare(
    left: SyncPlace,
    right: SyncPlace,
    providers: ProviderFor,
    options: CompareOptions = CompareOptions(),
    cancel: CancelToken = NEVER,
    progress: ListedProgress | None = None,
) -> Comparison:
    """``progress`` is told how many entries each side has listed so far, as it grows."""
    counter = _Counter(progress)
    with EarlyLookups(left, right, providers, options, cancel) as early:
        with ThreadPoolExecutor(2, thread_name_prefix="compare-list") as pool:
            left_job = pool.submit(_list_side, left, providers, options, cancel, early, counter, 0)
            right_job = pool.submit(_list_side, right, providers, options, cancel, early, counter, 1)
            comparison = Comparison(left, right, left_job.result(), right_job.result())
        comparison.lookups = early.wait()
    _Decider(comparison, providers, options, cancel).run()
    return comparison


#: ``(entries listed on the left, on the right)`` so far.
ListedProgress = Callable[[int, int], None]


class _Counter:
    def __init__(self, progress: ListedProgress | None) -> None:
        self.progress = progress
        self.counts = [0, 0]
        self.lock = threading.Lock()

    def add(self, side: int, count: int) -> None:
        if self.progress is None:
            return
        with self.lock:
            self.counts[side] += count
            left, right = self.counts
        self.progress(left, right)

    def done(self, side: int, total: int) -> None:
        with self.lock:
            self.counts[side] = total
        self.add(side, 0)


def _list_side(place: SyncPlace, providers: ProviderFor, options: CompareOptions, cancel: CancelToken,
               early: EarlyLookups, counter: _Counter, side: int) -> Listing:  # fmt: skip
    def on_page(entries: list[Entry]) -> None:
        early.remote_page(entries)
        counter.add(side, len(entries))

    listing = list_place(place, providers, options, cancel, may_be_missing=side == 1, on_page=on_page,
                         on_files=lambda count: counter.add(side, count))  # fmt: skip
    counter.done(side, len(listing.entries))
    if place.is_local:
        early.local_listed(listing)
    return listing


class EarlyLookups:
    """HEADs asked while the remote side is still being listed, instead of after it (a
    local folder against a container whose listing carries no stored times: S3, Swift).
    Once the local folder is listed (it is quick), each remote page's objects that will
    need their stored time (same size as the file, no MD5 on both, not hashed instead:
    ``hash_up_to``) are looked up at once on ``workers`` threads. What this leaves
    (two containers, times of pairs that differ) the decider looks up afterwards."""

    def __init__(self, left: SyncPlace, right: SyncPlace, providers: ProviderFor, options: CompareOptions,
                 cancel: CancelToken) -> None:  # fmt: skip
        self.options, self.cancel = options, cancel
        remote = right if left.is_local and not right.is_local else left
        self.remote = remote if left.is_local != right.is_local else None
        self.providers = providers
        self.lock = threading.Lock()
        self.local: Listing | None = None
        self.waiting: list[Entry] = []
        self.futures: list[Future[None]] = []
        self.pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> EarlyLookups:
        if self.remote is not None:
            self.pool = ThreadPoolExecutor(self.options.workers, thread_name_prefix="compare-head")
        return self

    def __exit__(self, *error: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def local_listed(self, listing: Listing) -> None:
        with self.lock:
            self.local = listing
            waiting, self.waiting = self.waiting, []
            self._submit(waiting)

    def remote_page(self, entries: list[Entry]) -> None:
        if self.pool is None:
            return
        with self.lock:
            if self.local is None:
                self.waiting.extend(entries)
            else:
                self._submit(entries)

    def wait(self) -> int:
        """Waits for the lookups asked (the first failure, e.g. ``AuthFailed``, raised);
        returns how many were asked."""
        for future in self.futures:
            future.result()
        return len(self.futures)

    def _submit(self, entries: list[Entry]) -> None:
        if self.pool is None or self.remote is None or self.local is None:
            return
        place, files = self.remote, self.local.entries
        provider = self.providers(place.account)
        for entry in entries:
            if self._wanted(entry, files.get(entry.key)):
                self.futures.append(self.pool.submit(look_up, provider, place, entry, self.cancel))

    def _wanted(self, entry: Entry, file: Entry | None) -> bool:
        if file is None or not entry.details_pending or file.size != entry.size:
            return False
        small = self.options.hash_up_to and bool(entry.md5) and file.size <= self.options.hash_up_to
        return not small


def look_up(provider: Provider, place: SyncPlace, entry: Entry, cancel: CancelToken) -> None:
    """An object's stored time and checksum (a HEAD), into ``entry``."""
    try:
        info = call_with_retry(lambda: provider.stat(place.container, entry.where), RETRY, cancel=cancel)
    except AuthFailed:
        raise
    except StorageError:
        entry.details_pending = False  # gone or unreadable since listed: its time stays the listed one
        return
    apply_details(entry, info.metadata, info.content_md5)


class _Decider:
    def __init__(self, comparison: Comparison, providers: ProviderFor, options: CompareOptions,
                 cancel: CancelToken) -> None:  # fmt: skip
        self.comparison = comparison
        self.providers = providers
        self.options = options
        self.cancel = cancel

    def run(self) -> None:
        comparison = self.comparison
        lefts, rights = comparison.left_listing.entries, comparison.right_listing.entries
        pending: list[Pair] = []
        different: list[Pair] = []
        for key in sorted(lefts.keys() | rights.keys()):
            pair = Pair(key, lefts.get(key), rights.get(key))
            if pair.right is None:
                self._settle(pair, Verdict.ONLY_LEFT, "")
            elif pair.left is None:
                self._settle(pair, Verdict.ONLY_RIGHT, "")
            elif pair.left.size != pair.right.size:
                self._settle(pair, Verdict.DIFFERENT, "size")
                different.append(pair)
            elif pair.left.md5 and pair.right.md5:
                self._by_md5(pair, "md5")
            else:
                pending.append(pair)
        if self.options.hash_up_to:
            pending = self._hash_small_first(pending)
        needing_details = pending + (different if self.options.times_of_different else [])
        self._look_up(needing_details)
        if self.options.checksum:
            self._hash([p for p in pending if _hash_would_decide(p)])
        times_differ = [pair for pair in pending if not self._by_time(pair)]
        self._hash(times_differ)  # all at once, on the workers
        for pair in times_differ:
            self._by_md5_else_different(pair)

    def _hash_small_first(self, pending: list[Pair]) -> list[Pair]:
        """Pairs whose local file is small, whose other side has an MD5 and whose object's
        stored time is not listed: hashed here and decided by MD5 (reading a small file
        costs less than the HEAD); the rest stay (a listed time decides at no cost)."""
        limit = self.options.hash_up_to
        small = [
            p for p in pending
            if _hash_would_decide(p) and _time_needs_lookup(p) and p.left is not None and p.left.size <= limit
        ]  # fmt: skip
        self._hash(small)
        rest: list[Pair] = []
        for pair in pending:
            assert pair.left is not None and pair.right is not None
            if pair.left.md5 and pair.right.md5:
                self._by_md5(pair, "md5")
            else:
                rest.append(pair)
        return rest

    def _by_time(self, pair: Pair) -> bool:
        """Decided by an MD5 both have, or by equal times; False when the times differ
        and a local file could still be hashed to decide (``_by_md5_else_different``)."""
        left, right = pair.left, pair.right
        assert left is not None and right is not None
        if left.md5 and right.md5:
            self._by_md5(pair, "md5")
        elif _same_time(left, right):
            self._settle(pair, Verdict.SAME, "mtime")
        elif _hash_would_decide(pair):
            return False
        else:
            self._settle(pair, Verdict.DIFFERENT, "mtime")
        return True

    def _by_md5_else_different(self, pair: Pair) -> None:
        assert pair.left is not None and pair.right is not None
        if pair.left.md5 and pair.right.md5:
            self._by_md5(pair, "md5 (times differ)")
        else:  # the file could not be read now: sent again (its upload says why if it fails)
            self._settle(pair, Verdict.DIFFERENT, "mtime")

    def _by_md5(self, pair: Pair, basis: str) -> None:
        assert pair.left is not None and pair.right is not None
        same = pair.left.md5 == pair.right.md5
        self._settle(pair, Verdict.SAME if same else Verdict.DIFFERENT, basis)

    def _settle(self, pair: Pair, verdict: Verdict, basis: str) -> None:
        pair.verdict, pair.basis = verdict, basis
        self.comparison.pairs[verdict].append(pair)

    # -- lookups and hashes, a few at once --------------------------------------------

    def _look_up(self, pairs: Iterable[Pair]) -> None:
        wanted: list[tuple[SyncPlace, Entry]] = []
        for pair in pairs:
            for place, entry in ((self.comparison.left, pair.left), (self.comparison.right, pair.right)):
                if entry is not None and entry.details_pending and not place.is_local:
                    wanted.append((place, entry))
        self._each(wanted, self._look_up_one)
        self.comparison.lookups += len(wanted)

    def _look_up_one(self, job: tuple[SyncPlace, Entry]) -> None:
        place, entry = job
        look_up(self.providers(place.account), place, entry, self.cancel)

    def _hash(self, pairs: list[Pair]) -> None:
        files = [
            e for p in pairs for e in (p.left, p.right) if e is not None and e.md5 is None and _is_file(e)
        ]
        # Files in batches of about a megabyte: a task per small file cost more than its
        # read and hash (the reads and the hashing of large buffers let go of the GIL).
        self._each(_batches(files, HASH_BATCH_BYTES), _hash_files)
        self.comparison.hashed += len(files)

    def _each(self, jobs: list[Any], work: Callable[[Any], None]) -> None:
        if not jobs:
            return
        if len(jobs) == 1:
            work(jobs[0])
            return
        with ThreadPoolExecutor(min(self.options.workers, len(jobs)), thread_name_prefix="compare") as pool:
            for _ in pool.map(work, jobs):
                self.cancel.raise_if_cancelled()


def _is_file(entry: Entry) -> bool:
    return entry.local


def _hash_would_decide(pair: Pair) -> bool:
    """One side has an MD5 and the other is a local file that can be hashed."""
    left, right = pair.left, pair.right
    if left is None or right is None:
        return False
    return (bool(left.md5) and right.md5 is None and _is_file(right)) or (
        bool(right.md5) and left.md5 is None and _is_file(left)
    )


def _time_needs_lookup(pair: Pair) -> bool:
    """An object of the pair whose stored time its listing did not carry (a HEAD would)."""
    return any(entry is not None and entry.details_pending for entry in (pair.left, pair.right))


#: Bytes of local files one hashing task reads (its files, at least one).
HASH_BATCH_BYTES = 1 << 20
#: A file up to this size is read whole and hashed in one call.
READ_WHOLE_UP_TO = 1 << 20


def _batches(files: list[Entry], most_bytes: int) -> list[list[Entry]]:
    batches: list[list[Entry]] = []
    batch: list[Entry] = []
    size = 0
    for entry in files:
        if batch and size + entry.size > most_bytes:
            batches.append(batch)
            batch, size = [], 0
        batch.append(entry)
        size += entry.size
    if batch:
        batches.append(batch)
    return batches


def _hash_files(entries: list[Entry]) -> None:
    for entry in entries:
        _hash_file(entry)


def _hash_file(entry: Entry) -> None:
    try:
        if entry.size <= READ_WHOLE_UP_TO:
            with open(entry.where, "rb", buffering=0) as file:
                entry.md5 = hashlib.md5(file.readall(), usedforsecurity=False).hexdigest()
            return
        with open(entry.where, "rb") as file:
            entry.md5 = hashlib.file_digest(file, "md5").hexdigest()
    except OSError:
        entry.md5 = None  # unreadable now: decided by time (a sync's upload says why)


def _same_time(left: Entry, right: Entry) -> bool:
    """Equal to the nanosecond, and both exact (a file's own time, a stored ``mtime``). An
    object's upload time says nothing about its file's: never "the same" by it (the MD5
    decides where there is one; else the pair differs and is sent again)."""
    if left.mtime_ns is None or right.mtime_ns is None:
        return False
    return left.mtime_exact and right.mtime_exact and left.mtime_ns == right.mtime_ns
