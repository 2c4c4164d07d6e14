"""The words of the transfers panel: job titles, states, durations, the summary line."""

from __future__ import annotations

from storebrowser.transfers.jobs import JobKind, State
from storebrowser.transfers.kinds import kind_of, render
from storebrowser.transfers.kinds.words import Words
from storebrowser.transfers.kinds.words import common_folder as common_folder  # its old home
from storebrowser.transfers.progress import EngineSnapshot, ItemSnapshot, JobSnapshot
from storebrowser.ui.format import human_size, number
from storebrowser.ui.words import TranslationContext


class Transfers(TranslationContext):
    """The translation context of this module's words (``Transfers.tr``, as lupdate reads it)
    and of the transfer kinds' templates (marked ``QT_TRANSLATE_NOOP("Transfers", ...)``)."""


def state_label(state: State) -> str:
    return {
        State.QUEUED: Transfers.tr("Queued"),
        State.RUNNING: Transfers.tr("Running"),
        State.PAUSED: Transfers.tr("Paused"),
        State.DONE: Transfers.tr("Done"),
        State.FAILED: Transfers.tr("Failed"),
        State.CANCELLED: Transfers.tr("Cancelled"),
    }[state]


def _template(text: str, n: int) -> str:
    """A kind's template in this context; with its count for numerus forms ("{n} files")."""
    return Transfers.tr(text, None, n)


def words(phrase: Words) -> str:
    """What a kind says of a job (``transfers.kinds``), translated."""
    return render(phrase, _template, number)


def job_title(job: JobSnapshot) -> str:
    """``Upload 12 files to photos/2024/``, ``Download report.pdf``, ``Delete 3 objects…``."""
    return words(kind_of(job.kind).title(job))


def job_tooltip(job: JobSnapshot) -> str:
    """Where from and where to, in full."""
    return words(kind_of(job.kind).tooltip(job.spec))


def item_name(job: JobSnapshot, item: ItemSnapshot) -> str:
    """The item's key below the job's own prefix (the part that differs between items)."""
    prefix = kind_of(job.kind).item_prefix(job.spec)
    if prefix.endswith("/") and item.key.startswith(prefix) and item.key != prefix:
        return item.key[len(prefix) :]
    return item.key


def duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = round(seconds)
    if whole < 60:
        return Transfers.tr("{s} s").format(s=whole)
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return (
            Transfers.tr("{m} min {s} s").format(m=minutes, s=secs)
            if secs
            else Transfers.tr("{m} min").format(m=minutes)
        )
    hours, minutes = divmod(minutes, 60)
    return Transfers.tr("{h} h {m} min").format(h=hours, m=minutes)


def counts_objects(kind: JobKind) -> bool:
    """A delete batch, a metadata edit, a class change... count objects, not bytes."""
    return kind.counts_objects


def amount(kind: JobKind, done: int, total: int | None) -> str:
    """``45.2 MB of 120 MB``; ``3 of 5 objects`` for a delete."""
    if counts_objects(kind):
        return Transfers.tr("{done} of {total} objects").format(done=number(done), total=number(total or 0))
    return byte_amount(done, total)


def byte_amount(done: int, total: int | None) -> str:
    if total is None:
        return human_size(done) if done else ""
    return Transfers.tr("{done} of {total}").format(done=human_size(done), total=human_size(total))


def rate(kind: JobKind, state: State, bytes_per_second: float) -> str:
    if state is not State.RUNNING or counts_objects(kind) or bytes_per_second <= 0:
        return ""
    return Transfers.tr("{size}/s").format(size=human_size(round(bytes_per_second)))


def summary(snap: EngineSnapshot) -> str:
    """The status bar line: ``2 running, 1 queued — 45.2 MB of 120 MB, 12.3 MB/s, 6 s left``."""
    jobs = snap.jobs
    counts = {state: sum(1 for j in jobs if j.state is state) for state in State}
    parts = [
        text.format(n=counts[state])
        for state, text in (
            (State.RUNNING, Transfers.tr("{n} running")),
            (State.QUEUED, Transfers.tr("{n} queued")),
            (State.PAUSED, Transfers.tr("{n} paused")),
            (State.FAILED, Transfers.tr("{n} failed")),
        )
        if counts[state]
    ]
    active = [j for j in jobs if j.state in (State.RUNNING, State.QUEUED) and not counts_objects(j.kind)]
    if not active:
        if not parts and jobs:
            return Transfers.tr("Transfers finished")
        return ", ".join(parts)
    done = sum(j.done for j in active)
    totals = [j.total for j in active]
    total = None if any(t is None for t in totals) else sum(t or 0 for t in totals)
    speed = sum(j.rate for j in active)
    figures = [byte_amount(done, total) or human_size(0)]
    if speed > 0:
        figures.append(Transfers.tr("{size}/s").format(size=human_size(round(speed))))
        if total is not None:
            figures.append(
                Transfers.tr("{time} left").format(time=duration(max(0.0, (total - done) / speed)))
            )
    return Transfers.tr("{states} — {figures}").format(states=", ".join(parts), figures=", ".join(figures))
