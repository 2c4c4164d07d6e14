"""The Qt-free transfer engine: jobs, a bounded pool of workers, parts in parallel,
retries, a SQLite journal for resume after a restart, and progress as snapshots.

Depends on ``core`` and the provider protocol only; the UI samples ``snapshot()`` on a
timer and never receives a call per chunk.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storebrowser.transfers.engine import TransferEngine
    from storebrowser.transfers.jobs import ConflictPolicy, Item, Job, JobKind, State
    from storebrowser.transfers.journal import Journal
    from storebrowser.transfers.progress import EngineSnapshot, ItemSnapshot, JobSnapshot

#: Where each name of ``__all__`` lives. Imported on first use (PEP 562): importing one
#: module of the package (``transfers.jobs`` for ``State``) does not load the engine, so a
#: command that runs no job starts without it.
_HOMES = {
    "TransferEngine": "engine",
    "ConflictPolicy": "jobs",
    "Item": "jobs",
    "Job": "jobs",
    "JobKind": "jobs",
    "State": "jobs",
    "Journal": "journal",
    "EngineSnapshot": "progress",
    "ItemSnapshot": "progress",
    "JobSnapshot": "progress",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "ConflictPolicy",
    "EngineSnapshot",
    "Item",
    "ItemSnapshot",
    "Job",
    "JobKind",
    "JobSnapshot",
    "Journal",
    "State",
    "TransferEngine",
]
