"""The words of the transfers panel: job titles, states, durations, the summary line."""

from __future__ import annotations

import os
import posixpath
from pathlib import PurePath

from PySide6.QtCore import QCoreApplication

from storebrowser.transfers.jobs import JobKind, JobSpec, State
from storebrowser.transfers.progress import EngineSnapshot, ItemSnapshot, JobSnapshot
from storebrowser.ui.format import counted, human_size


class Transfers:
    """The translation context of this module's words (``Transfers.tr``, as lupdate reads it)."""

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("Transfers", text, disambiguation, n)


def _files(n: int) -> str:
    return counted(n, Transfers.tr("{n} file", "", n), Transfers.tr("{n} files", "", n))


def _objects(n: int) -> str:
    return counted(n, Transfers.tr("{n} object", "", n), Transfers.tr("{n} objects", "", n))


def _items(n: int) -> str:
    return counted(n, Transfers.tr("{n} item", "", n), Transfers.tr("{n} items", "", n))


def state_label(state: State) -> str:
    return {
        State.QUEUED: Transfers.tr("Queued"),
        State.RUNNING: Transfers.tr("Running"),
        State.PAUSED: Transfers.tr("Paused"),
        State.DONE: Transfers.tr("Done"),
        State.FAILED: Transfers.tr("Failed"),
        State.CANCELLED: Transfers.tr("Cancelled"),
    }[state]


def place(container: str, key: str = "") -> str:
    """``photos/2024/``: a container and a key or prefix, as a path."""
    return f"{container}/{key}" if key else container


def _folder_of(key: str) -> str:
    return key.rpartition("/")[0] + "/" if "/" in key else ""


def _name_of(path: str) -> str:
    return posixpath.basename(path.rstrip("/")) or path


def job_title(job: JobSnapshot) -> str:
    """``Upload 12 files to photos/2024/``, ``Download report.pdf``, ``Delete 3 objects…``."""
    spec, items = job.spec, job.items
    kind = spec.kind
    expanded = bool(items)
    if kind is JobKind.UPLOAD_FILE:
        key = items[0].key if expanded else spec.key
        return Transfers.tr("Upload {name} to {place}").format(
            name=PurePath(spec.local).name, place=place(spec.container, _folder_of(key))
        )
    if kind is JobKind.UPLOAD_FOLDER:
        if expanded:
            files = _files(len(items))
            return Transfers.tr("Upload {files} to {place}").format(
                files=files, place=place(spec.container, spec.key)
            )
        return Transfers.tr("Upload {name} to {place}").format(
            name=PurePath(spec.local).name, place=place(spec.container, spec.key)
        )
    if kind is JobKind.UPLOAD_STREAM:
        return Transfers.tr("Upload {name} to {place}").format(
            name=_name_of(spec.key), place=place(spec.container, _folder_of(spec.key))
        )
    if kind is JobKind.DOWNLOAD_OBJECT:
        return Transfers.tr("Download {name}").format(name=_name_of(spec.key))
    if kind is JobKind.DOWNLOAD_PREFIX:
        where = place(spec.container, spec.key)
        if expanded:
            objects = _objects(len(items))
            return Transfers.tr("Download {objects} from {place}").format(objects=objects, place=where)
        return Transfers.tr("Download {place}").format(place=where)
    if kind in (JobKind.UPLOAD_MANY, JobKind.DOWNLOAD_MANY):
        return _many_title(spec, len(items))
    if kind in (JobKind.COPY, JobKind.MOVE):
        return _copy_title(spec, len(items))
    if kind.is_tiering or kind is JobKind.SET_PROPERTIES:
        return _change_title(spec, len(items))
    objects = _objects(len(spec.keys))
    return Transfers.tr("Delete {objects} from {place}").format(objects=objects, place=spec.container)


def _change_title(spec: JobSpec, count: int) -> str:
    """``Storage class of 2,000 objects in logs/ → GLACIER``; items before the listing."""
    what = _objects(count) if count else _items(len(spec.sources or spec.keys))
    where = place(spec.container, common_folder(spec.sources or spec.keys))
    if spec.kind is JobKind.SET_CLASS:
        return Transfers.tr("Storage class of {what} in {place} → {name}").format(what=what, place=where,
                                                                        name=spec.storage_class)  # fmt: skip
    if spec.kind is JobKind.RESTORE_ARCHIVED:
        return Transfers.tr("Restore {what} in {place} from the archive").format(what=what, place=where)
    if spec.kind is JobKind.SET_TAGS:
        return Transfers.tr("Tags of {what} in {place}").format(what=what, place=where)
    return Transfers.tr("Properties of {what} in {place}").format(what=what, place=where)


def _many_title(spec: JobSpec, count: int) -> str:
    """``Upload 500 items to photos/2024/`` until the files are counted, then
    ``Upload 1,234 files to photos/2024/``; downloads name the folder they come from."""
    if not count:
        what = _items(len(spec.sources))
    elif spec.kind.is_upload:
        what = _files(count)
    else:
        what = _objects(count)
    if spec.kind.is_upload:
        return Transfers.tr("Upload {what} to {place}").format(
            what=what, place=place(spec.container, spec.key)
        )
    where = place(spec.container, common_folder(spec.sources))
    return Transfers.tr("Download {what} from {place}").format(what=what, place=where)


#: ``common_folder`` answers, by the identity of the keys tuple (a job's snapshots share
#: its spec): the panel asks for every visible cell at every refresh, and a job of 100,000
#: sources takes ~10 ms to compute.
_COMMON: dict[int, tuple[tuple[str, ...], str]] = {}
_COMMON_KEPT = 64


def common_folder(keys: tuple[str, ...]) -> str:
    """The folder every key is in: ``a/b/`` for ``a/b/x`` and ``a/b/y/``."""
    known = _COMMON.get(id(keys))
    if known is not None and known[0] is keys:
        return known[1]
    shared = os.path.commonprefix(list(keys))  # noqa: RUF071 - by characters, then cut at a "/"
    folder = shared.rpartition("/")[0] + "/" if "/" in shared else ""
    if len(_COMMON) >= _COMMON_KEPT:
        _COMMON.pop(next(iter(_COMMON)))
    _COMMON[id(keys)] = (keys, folder)  # the tuple is kept, so its id is not reused meanwhile
    return folder


def _sources_text(spec: JobSpec) -> str:
    """The first sources of a job of many, one a line; how many more after that."""
    shown = [f"{spec.container}/{s}" if spec.kind.is_download else s for s in spec.sources[:10]]
    rest = len(spec.sources) - len(shown)
    return "\n".join(shown + ([Transfers.tr("… and {n} more").format(n=f"{rest:,}")] if rest > 0 else []))


def _copy_title(spec: JobSpec, count: int) -> str:
    target = place(spec.dst_container or spec.container, spec.dst_key)
    single = spec.key and not spec.key.endswith("/")
    what = _name_of(spec.key) if single or not count else _objects(count)
    if spec.kind is JobKind.MOVE:
        return Transfers.tr("Move {what} to {place}").format(what=what, place=target)
    return Transfers.tr("Copy {what} to {place}").format(what=what, place=target)


def job_tooltip(job: JobSnapshot) -> str:
    """Where from and where to, in full."""
    spec = job.spec
    remote = place(spec.container, spec.key)
    if spec.account:
        remote = f"{spec.account}: {remote}"
    if spec.kind is JobKind.UPLOAD_MANY:
        return Transfers.tr("{local}\n→ {remote}").format(local=_sources_text(spec), remote=remote)
    if spec.kind is JobKind.DOWNLOAD_MANY:
        return Transfers.tr("{remote}\n→ {local}").format(remote=_sources_text(spec), local=spec.local)
    if spec.kind.is_upload:
        return Transfers.tr("{local}\n→ {remote}").format(
            local=spec.local or Transfers.tr("(a stream)"), remote=remote
        )
    if spec.kind.is_download:
        return Transfers.tr("{remote}\n→ {local}").format(remote=remote, local=spec.local)
    if spec.kind in (JobKind.COPY, JobKind.MOVE):
        target = place(spec.dst_container or spec.container, spec.dst_key)
        return Transfers.tr("{remote}\n→ {target}").format(remote=remote, target=target)
    return Transfers.tr("{remote}: {keys}").format(
        remote=remote, keys=", ".join((spec.keys or spec.sources)[:10])
    )


def item_name(job: JobSnapshot, item: ItemSnapshot) -> str:
    """The item's key below the job's own prefix (the part that differs between items)."""
    many = job.kind is JobKind.DOWNLOAD_MANY or job.kind.is_tiering
    prefix = common_folder(job.spec.sources) if many else job.spec.key
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
        return Transfers.tr("{done} of {total} objects").format(done=f"{done:,}", total=f"{total or 0:,}")
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
