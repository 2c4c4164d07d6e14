"""The steps of an edit round trip, each a blocking call for a worker thread (or the CLI).

1. ``plan_open``: what the object is now (one HEAD: ETag, size, metadata, content
   settings), where its copy goes, and whether it fits on the disk.
2. ``download_spec``: the engine job that brings it (verified, ``.part`` renamed into
   place), run by the caller's engine so it shows as a transfer.
3. ``finish_open``: the object is still the version planned (a second HEAD; else
   ``ChangedWhileOpening`` and the caller opens again), the copy's hash, the record.
4. ``check_back``: hash the copy; the same hash is ``UNCHANGED`` (nothing sent, whatever
   the file's time says); otherwise ``Provider.replace_object`` on the condition that the
   object is still the version opened: ``UPLOADED``, or ``CONFLICT`` with both ETags, or
   ``FAILED`` saying where the copy is kept.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.errors import NotFound, PreconditionFailed, StorageError
from storebrowser.core.properties import ObjectProperties, same_etag
from storebrowser.editing.cache import EditCache
from storebrowser.editing.state import EditState, OpenedFile, OpenedFiles, file_sha256, now_text
from storebrowser.providers.base import Provider
from storebrowser.transfers.jobs import ConflictPolicy, JobKind, JobSpec
from storebrowser.transfers.sending import limited_body


class ChangedWhileOpening(StorageError):
    """The object changed between the HEAD before its download and the one after."""


class CopyHoldsChanges(StorageError):
    """Opening again would download over a copy holding changes not on the server."""


@dataclass(frozen=True, slots=True)
class OpenPlan:
    account: str
    container: str
    key: str
    properties: ObjectProperties
    #: The copy's path; the engine downloads a single object into its folder by its name.
    local: Path

    @property
    def size(self) -> int:
        return self.properties.info.size


class Outcome(enum.Enum):
    UNCHANGED = "unchanged"
    UPLOADED = "uploaded"
    CONFLICT = "conflict"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Checked:
    """What ``check_back`` found and did; ``opened`` is the record as it now stands."""

    outcome: Outcome
    opened: OpenedFile
    #: How the write was guarded (``providers.replacing``), when one was made.
    guard: str = ""

    @property
    def message(self) -> str:
        return self.opened.note


def plan_open(
    provider: Provider, cache: EditCache, store: OpenedFiles, account: str, container: str, key: str
) -> OpenPlan:
    """``InvalidName`` for a key the cache cannot hold, ``CopyHoldsChanges``,
    ``NotEnoughSpace``, ``NotFound``."""
    local = cache.local_path(account, container, key)  # a hostile key stops here
    _refuse_unsaved(store, local, container, key)
    properties = provider.get_properties(container, key)
    cache.check_room(properties.info.size, container, key)
    local.parent.mkdir(parents=True, exist_ok=True)
    return OpenPlan(account, container, key, properties, local)


def _refuse_unsaved(store: OpenedFiles, local: Path, container: str, key: str) -> None:
    """The copy already there may hold the user's work: never download over it."""
    record = unsaved_copy(store, local)
    if record is not None:
        raise CopyHoldsChanges(
            f"Your copy {local} holds changes that are not on the server ({record.state.value}); "
            "settle it first (View > Opened Files; storebrowser-cli edit continues with it).",
            container=container, key=key,
        )  # fmt: skip


def unsaved_copy(store: OpenedFiles, local: Path) -> OpenedFile | None:
    """The record of the copy at ``local`` when the copy may hold work not on the server."""
    record = store.get(str(local))
    if record is None or not local.is_file():
        return None
    if record.state.holds_changes or file_sha256(local) != record.sha256:
        return record
    return None


def download_spec(plan: OpenPlan) -> JobSpec:
    return JobSpec(JobKind.DOWNLOAD_OBJECT, plan.account, plan.container, key=plan.key,
                   local=str(plan.local.parent), conflict=ConflictPolicy.OVERWRITE)  # fmt: skip


def finish_open(provider: Provider, plan: OpenPlan, store: OpenedFiles) -> OpenedFile:
    """Record the downloaded copy as opened at the planned version."""
    now = provider.get_properties(plan.container, plan.key)
    if not same_etag(now.etag, plan.properties.etag):
        raise ChangedWhileOpening(
            f"{plan.key!r} changed while it was downloaded; open it again.", container=plan.container,
            key=plan.key,
        )  # fmt: skip
    props = plan.properties
    opened = OpenedFile(
        account=plan.account, container=plan.container, key=plan.key, local=str(plan.local),
        etag=(props.etag or "").strip('"'), size=props.info.size, sha256=file_sha256(plan.local),
        metadata=dict(props.metadata), system=dict(props.system), storage_class=props.info.storage_class,
        version=props.version, opened_at=now_text(),
    )  # fmt: skip
    store.put(opened)
    return opened


def local_changed(opened: OpenedFile) -> bool:
    """The copy's content differs from what was opened or last uploaded (its hash)."""
    return file_sha256(Path(opened.local)) != opened.sha256


def check_back(
    provider: Provider, store: OpenedFiles, opened: OpenedFile, bandwidth: Bandwidth | None = None
) -> Checked:
    """Upload the copy back when its content changed; never over another writer's change.
    The upload is held to the upload limit of ``bandwidth`` (the engine's), with the jobs."""
    path = Path(opened.local)
    try:
        digest = file_sha256(path)
    except OSError as error:
        return _failed(store, opened, f"The copy {path} cannot be read ({error.strerror or error}).")
    if digest == opened.sha256:
        return Checked(Outcome.UNCHANGED, opened)
    store.put(opened.with_state(EditState.UPLOADING))
    return upload_back(provider, store, opened, digest, if_match=opened.etag, bandwidth=bandwidth)


def upload_back(
    provider: Provider,
    store: OpenedFiles,
    opened: OpenedFile,
    digest: str,
    *,
    if_match: str,
    bandwidth: Bandwidth | None = None,
) -> Checked:
    """``replace_object`` of the copy (hashed ``digest``) on the condition ``if_match``,
    held to the upload limit of ``bandwidth``."""
    path = Path(opened.local)
    try:
        with open(path, "rb") as source:
            size = path.stat().st_size
            body = limited_body(source, bandwidth)
            done = provider.replace_object(opened.container, opened.key, body, size=size,
                                           if_match=if_match, keep=opened.keep())  # fmt: skip
    except PreconditionFailed:
        return conflict(provider, store, opened)
    except (StorageError, OSError) as error:
        return _failed(store, opened, f"{error}")
    uploaded = opened.with_state(
        EditState.UPLOADED, f"Uploaded {now_text()}.", etag=(done.info.etag or "").strip('"'),
        size=size, sha256=digest, theirs=None,
    )  # fmt: skip
    store.put(uploaded)
    return Checked(Outcome.UPLOADED, uploaded, done.guard)


def conflict(provider: Provider, store: OpenedFiles, opened: OpenedFile) -> Checked:
    """The object is no longer the version opened: record both ETags, upload nothing."""
    try:
        theirs = (provider.stat(opened.container, opened.key).etag or "").strip('"')
        now = f"now ETag {theirs}"
    except NotFound:
        theirs, now = "", "now deleted"
    except StorageError:
        theirs, now = None, "now unknown"
    note = (
        f"Conflict: {opened.key!r} changed on the server since it was opened (opened ETag "
        f"{opened.etag}, {now}). Nothing was uploaded; your copy is kept at {opened.local}."
    )
    marked = opened.with_state(EditState.CONFLICT, note, theirs=theirs)
    store.put(marked)
    return Checked(Outcome.CONFLICT, marked)


def _failed(store: OpenedFiles, opened: OpenedFile, why: str) -> Checked:
    note = f"Upload back failed: {why.rstrip('.')}. Your copy is kept at {opened.local}."
    failed = opened.with_state(EditState.FAILED, note)
    store.put(failed)
    return Checked(Outcome.FAILED, failed)
