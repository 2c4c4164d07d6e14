"""Run engine jobs from the command line: one engine per command on the user's journal,
paused (and resumable with `jobs resume`) when interrupted."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from storebrowser.cli.context import Context, OperationFailed
from storebrowser.cli.progress import wait_for
from storebrowser.transfers.engine import DEFAULT_PART_SIZE, TransferEngine
from storebrowser.transfers.jobs import JobSpec, Listed, State
from storebrowser.transfers.journal import Journal
from storebrowser.transfers.progress import JobSnapshot


@contextlib.contextmanager
def run_engine(ctx: Context, *, start: bool = True) -> Iterator[TransferEngine]:
    lock = threading.Lock()

    def provider(name: str) -> Any:
        with lock:  # workers may ask at once; open each account once
            return ctx.provider(name)

    engine = TransferEngine(provider, Journal(), start=start, part_size=ctx.part_size or DEFAULT_PART_SIZE,
                            bandwidth=ctx.bandwidth, tuning=ctx.tuning)  # fmt: skip
    try:
        yield engine
    except KeyboardInterrupt:
        engine.shutdown(pause_running=True, timeout=30)
        raise OperationFailed(
            "interrupted: the transfer is paused; `storebrowser-cli jobs resume` continues it"
        ) from None
    engine.shutdown(pause_running=True, timeout=30)
    engine.journal.close()


def run_jobs(ctx: Context, specs: list[JobSpec], **streams: Any) -> list[JobSnapshot]:
    return run_listed_jobs(ctx, specs, [], streams)


def run_listed_jobs(
    ctx: Context, specs: list[JobSpec], listed: Sequence[Listed | None], streams: Mapping[str, Any]
) -> list[JobSnapshot]:
    """``listed``: what a listing said of each job's sources (``Job.listed``), by position."""
    with run_engine(ctx) as engine:
        ids = [
            engine.submit(spec, stream=streams.get(str(n)), listed=listed[n] if n < len(listed) else None)
            for n, spec in enumerate(specs)
        ]
        jobs = wait_for(engine, ids)
        forget_settled(engine, jobs)
    return jobs


def forget_settled(engine: TransferEngine, jobs: list[JobSnapshot]) -> None:
    """Done jobs need no journal entry, nor failed ones with nothing to resume from; a
    failed job with partial files or open uploads, or failed objects of a class change, a
    restore or a tag edit, stays for `jobs resume` (which retries them) or `jobs cancel`."""
    for job in jobs:
        if job.state is State.DONE or (job.state is State.FAILED and not engine.has_leftovers(job.id)):
            engine.forget(job.id)
