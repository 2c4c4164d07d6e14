"""Run engine jobs to the end from a terminal: a progress line on a TTY, quiet otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

from storebrowser.core.display import display_text
from storebrowser.transfers.jobs import State
from storebrowser.transfers.progress import STALLED, JobSnapshot

if TYPE_CHECKING:  # imported by the commands that run jobs (cli/jobrun.py), not by every command
    from storebrowser.transfers.engine import TransferEngine

REFRESH_S = 0.25


def human_bytes(count: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if count < 1024 or unit == "TiB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    raise AssertionError("unreachable")


def wait_for(
    engine: TransferEngine, job_ids: Sequence[str], *, stream: IO[str] | None = None
) -> list[JobSnapshot]:
    """Block until the jobs finish (or pause); draw progress on ``stream`` if it is a TTY."""
    stream = stream or sys.stderr
    draw = stream.isatty()
    while True:
        jobs = [j for j in engine.snapshot().jobs if j.id in job_ids]
        if all(j.state.finished or j.state is State.PAUSED for j in jobs):
            break
        if draw:
            stream.write("\r" + display_text(_line(jobs)) + "\x1b[K")
            stream.flush()
        time.sleep(REFRESH_S)
    if draw:
        stream.write("\r\x1b[K")
        stream.flush()
    return jobs


def _line(jobs: list[JobSnapshot]) -> str:
    done = sum(j.done for j in jobs)
    totals = [j.total for j in jobs]
    total = None if any(t is None for t in totals) else sum(t or 0 for t in totals)
    rate = sum(j.rate for j in jobs)
    items = sum(len(j.items) for j in jobs)
    finished = sum(1 for j in jobs for i in j.items if i.state.finished)
    percent = f"{100 * done / total:5.1f}% " if total else ""
    eta = [j.eta for j in jobs if j.eta is not None]
    tail = f", {max(eta):.0f} s left" if eta else ""
    size = human_bytes(done) + (f" of {human_bytes(total)}" if total else "")
    stalled = sum(1 for j in jobs for i in j.items if i.state is State.RUNNING and i.note.startswith(STALLED))
    if stalled:  # the items say it in full (``stall_note``); the line says how many
        tail += f", {stalled} stalled, retrying"
    return f"{percent}{size}, {finished}/{items} items, {human_bytes(rate)}/s{tail}"
