"""The journal: jobs, items and finished parts in SQLite, so a restart resumes.

One connection shared under a lock (writes are tiny: one per finished part or item, and
for many small files of an upload or download the rows of finished items wait, up to
``ITEM_BATCH`` of them, to go in the next transaction: ``save_item(deferred=True)``,
see there); a job's spec is written once, when it is queued (later saves change its state
only), and the keys of a job of many keys go in rows of ``KEY_BATCH`` (``job_keys``),
not in one JSON text of a million keys written again at every change. WAL mode with
``synchronous=NORMAL`` survives a killed process, which is the case that matters here.
The schema is versioned with ``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storebrowser.core.types import PartRecord
from storebrowser.transfers.jobs import ConflictPolicy, Direction, Item, Job, JobKind, JobSpec, State

#: Deferred item rows written together once this many wait (or with any other write).
ITEM_BATCH = 64
SCHEMA_VERSION = 2  # 2: job_keys (a version 1 journal keeps its keys in the spec; both load)
KEY_BATCH = 1000

_UPDATE_ITEM = (
    "UPDATE items SET spec=?, state=?, error=?, note=?, remote_etag=?, upload_state=?"
    " WHERE job_id=? AND idx=?"
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    spec TEXT NOT NULL,
    state TEXT NOT NULL,
    position REAL NOT NULL,
    expanded INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE TABLE IF NOT EXISTS items (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    spec TEXT NOT NULL,
    state TEXT NOT NULL,
    error TEXT,
    note TEXT NOT NULL DEFAULT '',
    remote_etag TEXT,
    upload_state TEXT,
    PRIMARY KEY (job_id, idx)
);
CREATE TABLE IF NOT EXISTS parts (
    job_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    number INTEGER NOT NULL,
    size INTEGER NOT NULL,
    token TEXT NOT NULL,
    checksum TEXT,
    PRIMARY KEY (job_id, idx, number),
    FOREIGN KEY (job_id, idx) REFERENCES items(job_id, idx) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS job_keys (
    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    batch INTEGER NOT NULL,
    keys TEXT NOT NULL,
    PRIMARY KEY (job_id, batch)
);
"""


def default_path() -> Path:
    import platformdirs

    return platformdirs.user_state_path("StoreBrowser") / "transfers.sqlite3"


class Journal:
    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        #: Jobs whose spec is in the file (a later save updates their state only).
        self._recorded: set[str] = set()
        #: Item rows not written yet, by (job, index): the next transaction writes them.
        self._pending: dict[tuple[str, int], tuple[Any, ...]] = {}
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _migrate(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"The transfer journal {self.path} was written by a newer StoreBrowser "
                f"(schema {version}); update the app or move that file away."
            )
        with self._lock:  # executescript commits on its own; no BEGIN around it
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """A transaction, which first writes the item rows waiting (so rows land in the
        order they were saved: an item's before its job's end)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._write_pending()
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            self._pending.clear()

    def _write_pending(self) -> None:
        if self._pending:
            self._db.executemany(_UPDATE_ITEM, list(self._pending.values()))

    def flush(self) -> None:
        """Write the item rows still waiting."""
        with self._lock:
            waiting = bool(self._pending)
        if waiting:
            with self._tx():
                pass

    def close(self) -> None:
        self.flush()
        with self._lock:
            self._db.close()

    # -- writes -------------------------------------------------------------------------

    def save_job(self, job: Job) -> None:
        state = (job.state.value, job.position, int(job.expanded), job.error, job.id)
        with self._tx() as db:
            if job.id in self._recorded:
                changed = db.execute(
                    "UPDATE jobs SET state=?, position=?, expanded=?, error=? WHERE id=?", state
                ).rowcount
                if changed:
                    return
            spec = job.spec.to_json()
            keys, spec["keys"] = spec["keys"], []
            db.execute(
                "INSERT INTO jobs(id, spec, state, position, expanded, error) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET state=excluded.state,"
                " position=excluded.position, expanded=excluded.expanded, error=excluded.error",
                (job.id, json.dumps(spec), *state[:4]),
            )
            db.execute("DELETE FROM job_keys WHERE job_id=?", (job.id,))
            db.executemany(
                "INSERT INTO job_keys(job_id, batch, keys) VALUES (?, ?, ?)",
                ((job.id, n, json.dumps(keys[start : start + KEY_BATCH]))
                 for n, start in enumerate(range(0, len(keys), KEY_BATCH))),
            )  # fmt: skip
        self._recorded.add(job.id)

    def add_items(self, job: Job, items: list[Item]) -> None:
        """Store a job's expansion and mark it expanded, in one transaction."""
        with self._tx() as db:
            db.executemany(
                "INSERT OR REPLACE INTO items(job_id, idx, spec, state) VALUES (?, ?, ?, ?)",
                [(job.id, i.index, json.dumps(i.to_json()), i.state.value) for i in items],
            )
            db.execute("UPDATE jobs SET expanded=1 WHERE id=?", (job.id,))

    def save_item(self, item: Item, *, deferred: bool = False) -> None:
        """The item as it is now. ``deferred``: its row may wait for the next transaction
        (at most ``ITEM_BATCH`` rows wait): only for a change that a lost row does not make
        wrong, such as a small upload or download finished that a restart would simply
        run again (``may_wait`` says which)."""
        upload_state = json.dumps(item.upload_state) if item.upload_state is not None else None
        row = (json.dumps(item.to_json()), item.state.value, item.error, item.note,
               item.remote_etag, upload_state, item.job_id, item.index)  # fmt: skip
        with self._lock:
            self._pending[(item.job_id, item.index)] = row
            if deferred and len(self._pending) < ITEM_BATCH:
                return
        with self._tx():
            pass  # the transaction writes the rows waiting, this one among them

    def add_part(self, item: Item, part: PartRecord) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO parts(job_id, idx, number, size, token, checksum) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (item.job_id, item.index, part.number, part.size, part.token, part.checksum),
            )

    def drop_parts(self, item: Item, numbers: list[int]) -> None:
        with self._tx() as db:
            db.executemany(
                "DELETE FROM parts WHERE job_id=? AND idx=? AND number=?",
                [(item.job_id, item.index, number) for number in numbers],
            )

    def clear_parts(self, item: Item) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM parts WHERE job_id=? AND idx=?", (item.job_id, item.index))

    def delete_job(self, job_id: str) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM jobs WHERE id=?", (job_id,))
        self._recorded.discard(job_id)

    # -- reads --------------------------------------------------------------------------

    def parts_of(self, item: Item) -> dict[int, PartRecord]:
        with self._lock:
            rows = self._db.execute(
                "SELECT number, size, token, checksum FROM parts WHERE job_id=? AND idx=?",
                (item.job_id, item.index),
            ).fetchall()
        return {row[0]: PartRecord(row[0], row[1], row[2], row[3]) for row in rows}

    def load_jobs(self, *, unfinished_only: bool = True) -> list[Job]:
        """Jobs as they were journaled; running ones come back queued. Unfinished are the
        jobs not done nor cancelled, and failed jobs with something to resume (see
        ``has_leftovers``): their ``.part`` files or open uploads wait for a retry or a
        cancel, which removes them."""
        self.flush()
        with self._lock:
            job_rows = self._db.execute(
                "SELECT id, spec, state, position, expanded, error FROM jobs ORDER BY position"
            ).fetchall()
        jobs = []
        for job_id, spec, state, position, expanded, error in job_rows:
            job_state = State(state)
            if unfinished_only and job_state.finished and job_state is not State.FAILED:
                continue
            job = Job(self._spec(job_id, spec), id=job_id, position=position,
                      expanded=bool(expanded), error=error)  # fmt: skip
            self._recorded.add(job_id)
            job.state = State.QUEUED if job_state is State.RUNNING else job_state
            job.items = self._load_items(job_id)
            if unfinished_only and job_state is State.FAILED and not has_leftovers(job):
                continue
            jobs.append(job)
        return jobs

    def _spec(self, job_id: str, text: str) -> JobSpec:
        """A job's spec, with its keys from ``job_keys`` (a version 1 journal has them inline)."""
        data = json.loads(text)
        with self._lock:
            rows = self._db.execute(
                "SELECT keys FROM job_keys WHERE job_id=? ORDER BY batch", (job_id,)
            ).fetchall()
        if rows:
            data["keys"] = [key for (batch,) in rows for key in json.loads(batch)]
        return JobSpec.from_json(data)

    def _load_items(self, job_id: str) -> list[Item]:
        with self._lock:
            rows = self._db.execute(
                "SELECT idx, spec, state, error, note, remote_etag, upload_state FROM items "
                "WHERE job_id=? ORDER BY idx",
                (job_id,),
            ).fetchall()
        items = []
        for idx, spec, state, error, note, remote_etag, upload_state in rows:
            data: dict[str, Any] = json.loads(spec)
            item = Item(job_id, idx, data["key"], data["local"], data["total"],
                        keys=tuple(data.get("keys", ())), source=data.get("source", 0),
                        options=data.get("options", {}))  # fmt: skip
            item_state = State(state)
            item.state = State.QUEUED if item_state is State.RUNNING else item_state
            item.error, item.note, item.remote_etag = error, note, remote_etag
            item.upload_state = json.loads(upload_state) if upload_state else None
            item.parts = self.parts_of(item)
            if item.state is State.DONE:
                item.done = item.total or 0
            else:
                item.done = sum(part.size for part in item.parts.values())
            items.append(item)
        return items


def has_leftovers(job: Job) -> bool:
    """A failed item left something to resume from: journaled download parts (their
    ``.part`` file) or an open upload on the server; or the job is a class change, a
    restore or a tag edit, whose failed objects are kept by key, with why, to be listed
    and retried (nothing else remembers which of thousands failed)."""
    failed = [item for item in job.items if item.state is State.FAILED]
    return bool(failed) and (job.kind.is_tiering or any(item.parts or item.upload_state for item in failed))


def may_wait(spec: JobSpec) -> bool:
    """Whether the journal row of a finished item of this job may wait to be written
    with others (``Journal.save_item(deferred=True)``): when a crash loses it, a restart
    runs the item again, and for an upload or download that overwrites (or resumes, which
    finds it complete) that stores or writes the same bytes again, nothing else. Not for
    a pipe (it cannot be replayed), a move or delete (the source is gone), nor a job whose
    conflicts rename or ask (a second copy, or the question again)."""
    return (
        spec.kind.direction in (Direction.UPLOAD, Direction.DOWNLOAD)
        and spec.kind is not JobKind.UPLOAD_STREAM
        and spec.conflict in (ConflictPolicy.OVERWRITE, ConflictPolicy.RESUME)
    )
