"""The Qt-free transfer engine: jobs, a bounded pool of workers, parts in parallel,
retries, a SQLite journal for resume after a restart, and progress as snapshots.

Depends on ``core`` and the provider protocol only; the UI samples ``snapshot()`` on a
timer and never receives a call per chunk.
"""

from storebrowser.transfers.engine import TransferEngine
from storebrowser.transfers.jobs import (
    ConflictPolicy,
    Item,
    Job,
    JobKind,
    State,
)
from storebrowser.transfers.journal import Journal
from storebrowser.transfers.progress import EngineSnapshot, ItemSnapshot, JobSnapshot

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
