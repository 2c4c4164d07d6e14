"""The engine jobs the explorer's commands queue: an upload with the options chosen, a
download of a selection. Plain values, no Qt."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from storebrowser.core.places import Location
from storebrowser.core.types import ObjectInfo
from storebrowser.table.selection import Selection
from storebrowser.transfers.jobs import ConflictPolicy, JobKind, JobSpec, Listed
from storebrowser.ui.commands.upload_dialog import UploadOptions


def upload_spec(
    kind: JobKind,
    location: Location,
    options: UploadOptions,
    *,
    key: str | None = None,
    local: str = "",
    sources: tuple[str, ...] = (),
) -> JobSpec:
    """An upload into ``location`` (or the prefix ``key``) with the options chosen."""
    return JobSpec(kind, location.account, location.container,
                   key=location.prefix if key is None else key, local=local, sources=sources,
                   conflict=options.conflict, content_type=options.content_type,
                   metadata=dict(options.metadata), storage_class=options.storage_class,
                   encryption=options.encryption, expire_after=options.expire_after)  # fmt: skip


def download_spec(
    account: str, container: str, objects: Sequence[ObjectInfo], folder: Path, conflict: ConflictPolicy
) -> JobSpec:
    """One job that downloads ``objects`` (folders among them) into ``folder``: a folder
    lands as its last segment with what is under it, an object as its name.

    Folder markers (zero-byte objects named ``photos/``, made by the AWS console, Swift
    Horizon and our New Folder) are left out: as sources they would read as the folder
    itself and clash with their own contents, and there is no file to make of them."""
    if len(objects) > 1:
        objects = [info for info in objects if info.is_prefix or not info.key.endswith("/")] or objects[:1]
    if len(objects) == 1:
        info = objects[0]
        kind = JobKind.DOWNLOAD_PREFIX if info.is_prefix else JobKind.DOWNLOAD_OBJECT
        return JobSpec(kind, account, container, key=info.key, local=str(folder), conflict=conflict)
    sources = tuple(info.key for info in objects)
    return JobSpec(JobKind.DOWNLOAD_MANY, account, container, local=str(folder), sources=sources,
                   conflict=conflict)  # fmt: skip


#: Jobs a worker made of a selection, each with what the listing said of its sources.
Made = list[tuple[JobSpec, Listed | None]]


def selection_download(
    account: str, container: str, selection: Selection, folder: Path, conflict: ConflictPolicy
) -> tuple[JobSpec, Listed]:
    """``download_spec`` of a selection (on a worker: it reads every selected row), and
    what the listing said of its sources, so that the job asks no HEAD per object."""
    sources, listed = selection.download_sources()
    if len(sources) == 1:
        return download_spec(account, container, [listed.info(0)], folder, conflict), listed
    return JobSpec(JobKind.DOWNLOAD_MANY, account, container, local=str(folder), sources=sources,
                   conflict=conflict), listed  # fmt: skip


def copy_specs(
    account: str,
    container: str,
    selection: Selection,
    dst_container: str,
    folder: str,
    conflict: ConflictPolicy,
) -> Made:
    """A copy job per selected object or folder into ``dst_container``/``folder``
    (on a worker: it reads every selected row)."""
    made: Made = []
    for info in selection.infos():
        made.append((JobSpec(JobKind.COPY, account, container, key=info.key, dst_container=dst_container,
                             dst_key=folder + info.name, conflict=conflict), None))  # fmt: skip
    return made


def delete_specs(account: str, container: str, selection: Selection) -> Made:
    """One job of the selected objects' keys, one per selected folder with everything in
    it (on a worker: it reads every selected row)."""
    objects, folders = selection.split()
    keys, prefixes = selection.columns.keys_of(objects), selection.columns.keys_of(folders)
    made = [JobSpec(JobKind.DELETE, account, container, keys=tuple(keys))] if keys else []
    made += [JobSpec(JobKind.DELETE, account, container, key=prefix) for prefix in prefixes]
    return [(spec, None) for spec in made]
