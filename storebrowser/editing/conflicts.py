"""Settling a conflict (the object changed on the server since the copy was opened),
never losing either version:

- ``keep_as_copy``: the copy goes up as a new object beside the original, named
  ``name (my copy).ext`` (``(my copy 2)``... when taken); the original stays theirs, and
  the record follows the new object, so later saves go there.
- ``overwrite``: the copy replaces their version, on the condition that it is still the
  one seen in the conflict (a third writer makes it a conflict again). The window asks for
  a confirmation first.
- ``set_mine_aside``: before their version is downloaded over the copy ("take theirs"),
  the copy is renamed ``name (mine).ext`` beside it, and stays.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path, PurePosixPath

from storebrowser.core.bandwidth import Bandwidth
from storebrowser.core.errors import NotFound, StorageError
from storebrowser.core.properties import CONTENT_TYPE
from storebrowser.core.types import ObjectInfo
from storebrowser.editing.session import Checked, Outcome, conflict, upload_back
from storebrowser.editing.state import EditState, OpenedFile, OpenedFiles, file_sha256, now_text
from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from storebrowser.transfers.version_download import download_version_to


class Resolution(enum.Enum):
    COPY = "copy"
    OVERWRITE = "overwrite"
    THEIRS = "theirs"


def sibling_name(name: str, label: str, attempt: int) -> str:
    """``notes.txt`` -> ``notes (my copy).txt``, ``notes (my copy 2).txt``..."""
    path = PurePosixPath(name)
    suffix = f" {attempt}" if attempt > 1 else ""
    return f"{path.stem} ({label}{suffix}){path.suffix}"


def copy_key(provider: Provider, container: str, key: str) -> str:
    """A key beside ``key`` that no object has yet."""
    folder, _, name = key.rpartition("/")
    for attempt in range(1, 1000):
        candidate = (
            f"{folder}/{sibling_name(name, 'my copy', attempt)}"
            if folder
            else sibling_name(name, "my copy", attempt)
        )
        try:
            provider.stat(container, candidate)
        except NotFound:
            return candidate
    raise StorageError(f"No free name beside {key!r} for your copy.", container=container, key=key)


def keep_as_copy(
    provider: Provider, store: OpenedFiles, opened: OpenedFile, bandwidth: Bandwidth | None = None
) -> Checked:
    path = Path(opened.local)
    try:
        target = copy_key(provider, opened.container, opened.key)
        digest = file_sha256(path)
        info = _put_copy(provider, opened, target, bandwidth)
    except (StorageError, OSError) as error:
        still = opened.with_state(
            EditState.CONFLICT, f"Keeping your copy failed: {error}. It is kept at {path}."
        )
        store.put(still)
        return Checked(Outcome.FAILED, still)
    note = f"Your version is saved as {target!r}; {opened.key!r} keeps theirs ({now_text()})."
    moved = opened.with_state(EditState.UPLOADED, note, key=target, etag=(info.etag or "").strip('"'),
                              sha256=digest, size=info.size, theirs=None)  # fmt: skip
    store.put(moved)
    return Checked(Outcome.UPLOADED, moved)


def overwrite(
    provider: Provider, store: OpenedFiles, opened: OpenedFile, bandwidth: Bandwidth | None = None
) -> Checked:
    """Replace their version with the copy (``opened.theirs`` is the one seen), held to
    the upload limit of ``bandwidth``."""
    if opened.theirs is None:
        return conflict(provider, store, opened)  # we do not know theirs: look again first
    digest = file_sha256(Path(opened.local))
    if opened.theirs == "":
        return _recreate(provider, store, opened, digest, bandwidth)
    return upload_back(provider, store, opened, digest, if_match=opened.theirs, bandwidth=bandwidth)


def _recreate(
    provider: Provider, store: OpenedFiles, opened: OpenedFile, digest: str, bandwidth: Bandwidth | None
) -> Checked:
    """Their change was a delete: put the copy back (if nobody made the object meanwhile)."""
    try:
        provider.stat(opened.container, opened.key)
        return conflict(provider, store, opened)
    except NotFound:
        pass
    try:
        info = _put_copy(provider, opened, opened.key, bandwidth)
    except (StorageError, OSError) as error:
        failed = opened.with_state(
            EditState.FAILED, f"Upload back failed: {error}. Your copy is kept at {opened.local}."
        )
        store.put(failed)
        return Checked(Outcome.FAILED, failed)
    done = opened.with_state(EditState.UPLOADED, f"Uploaded again {now_text()}.",
                             etag=(info.etag or "").strip('"'), sha256=digest, theirs=None)  # fmt: skip
    store.put(done)
    return Checked(Outcome.UPLOADED, done)


def _put_copy(provider: Provider, opened: OpenedFile, key: str, bandwidth: Bandwidth | None) -> ObjectInfo:
    """The copy uploaded as ``key`` with the opened object's metadata and Content-Type."""
    path = Path(opened.local)
    with open(path, "rb") as source:
        return sending.upload(
            provider, opened.container, key, source, size=path.stat().st_size,
            content_type=opened.system.get(CONTENT_TYPE), metadata=opened.metadata, bandwidth=bandwidth,
        )  # fmt: skip


def set_mine_aside(opened: OpenedFile) -> Path:
    """Rename the copy to ``name (mine).ext`` beside it (a free name); returns where."""
    path = Path(opened.local)
    for attempt in range(1, 1000):
        aside = path.with_name(sibling_name(path.name, "mine", attempt))
        if not aside.exists():
            os.replace(path, aside)
            return aside
    raise StorageError(f"No free name beside {path} to keep your copy.", key=opened.key)


def fetch_theirs(provider: Provider, opened: OpenedFile, bandwidth: Bandwidth | None = None) -> Path:
    """Their version beside the copy as ``name (theirs).ext``, to compare the two, checked
    by content as every download is (``.part`` renamed into place only once it matches,
    replacing an earlier comparison's; nothing left on a failure), held to the download
    limit of ``bandwidth`` (the engine's)."""
    path = Path(opened.local)
    target = path.with_name(sibling_name(path.name, "theirs", 1))
    download_version_to(provider, opened.container, opened.key, None, target, bandwidth=bandwidth)
    return target
