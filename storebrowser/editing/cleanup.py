"""Keeping the cache small: copies not opened for some days go, unless they may hold a
change that is not on the server (an upload that failed, a conflict, a copy whose hash
differs from the one recorded). What resumes after a restart: the records whose copy is
still there."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from storebrowser.editing.session import unsaved_copy
from storebrowser.editing.state import OpenedFile, OpenedFiles, file_sha256

#: The setting's default: copies not opened for this many days are removed at start.
DEFAULT_KEEP_DAYS = 14


def still_cached(store: OpenedFiles) -> list[OpenedFile]:
    """The records whose copy exists (to watch again); the others are forgotten."""
    kept = []
    for record in store.all():
        if Path(record.local).is_file():
            kept.append(record)
        else:
            store.remove(record.local)
    return kept


def clean_stale(store: OpenedFiles, days: int = DEFAULT_KEEP_DAYS, now: datetime | None = None) -> list[str]:
    """Remove copies opened more than ``days`` ago and holding nothing unsaved; returns
    the paths removed."""
    limit = (now or datetime.now(UTC)) - timedelta(days=days)
    removed = []
    for record in store.all():
        if record.state.holds_changes or _opened_at(record) > limit:
            continue
        path = Path(record.local)
        if path.is_file() and file_sha256(path) != record.sha256:
            continue  # changed since the last upload: not ours to throw away
        path.unlink(missing_ok=True)
        store.remove(record.local)
        removed.append(record.local)
    return removed


def _opened_at(record: OpenedFile) -> datetime:
    try:
        return datetime.fromisoformat(record.opened_at)
    except ValueError:
        return datetime.now(UTC)  # unreadable: treat as just opened, keep it


def let_go(store: OpenedFiles, local: str) -> bool:
    """Stop Watching: the copy and its record go, unless the copy may hold work that is not
    on the server (then both stay, for the next start or a later settling). True: gone."""
    path = Path(local)
    if unsaved_copy(store, path) is not None:
        return False
    path.unlink(missing_ok=True)
    store.remove(local)
    return True
