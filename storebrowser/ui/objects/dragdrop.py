"""Drag and drop: files from the desktop in, objects out to the desktop, and objects
between places inside the app.

Out of the app, the choice is "fetch when asked": the drag carries a ``text/uri-list``
that is produced only when the drop target asks for it (at the drop). Then the
selected objects are downloaded through the engine (verified, ``.part`` renamed into
place) into a staging folder while a nested event loop keeps the window painting and
answering, with a progress dialog and Cancel; the target gets the staged files and
copies them. That works with every file manager (no XDS/file-promise protocol, which
Qt does not speak on Linux), but a file manager may give up waiting for a long
download, so only selections up to ``DRAG_OUT_LIMIT`` bytes and ``DRAG_OUT_COUNT``
objects are offered outside; larger ones (and folders) stay inside the app and the
window says to use "Download To…". Staging folders are removed at the next start.

Inside the app a drag carries ``INTERNAL_MIME`` (JSON: account, container, keys): onto
a place of the same account it is a server-side copy (Shift: move), onto another
account a copy streamed through the engine.
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QEventLoop, QMetaType, QMimeData, Qt, QUrl
from PySide6.QtWidgets import QProgressDialog, QWidget

from storebrowser.core.types import ObjectInfo

INTERNAL_MIME = "application/x-storebrowser-objects"
URI_LIST = "text/uri-list"
MiB = 1024 * 1024
DRAG_OUT_LIMIT = 256 * MiB
DRAG_OUT_COUNT = 100
#: Staging folders older than this are removed at start (a drop may still read them).
STAGING_MAX_AGE_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class DraggedObjects:
    """What an internal drag carries."""

    account: str
    container: str
    keys: tuple[str, ...]

    def encode(self) -> bytes:
        return json.dumps(
            {"account": self.account, "container": self.container, "keys": list(self.keys)}
        ).encode()

    @classmethod
    def decode(cls, data: bytes | bytearray | memoryview) -> DraggedObjects | None:
        try:
            value = json.loads(bytes(data).decode())
            return cls(str(value["account"]), str(value["container"]), tuple(str(k) for k in value["keys"]))
        except (ValueError, KeyError, TypeError):
            return None


def dragged_objects(mime: QMimeData) -> DraggedObjects | None:
    if not mime.hasFormat(INTERNAL_MIME):
        return None
    return DraggedObjects.decode(mime.data(INTERNAL_MIME).data())


def local_paths(mime: QMimeData) -> list[Path]:
    """Local files and folders of a drop from a file manager (``text/uri-list``)."""
    if mime.hasFormat(INTERNAL_MIME) or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def fits_outside(objects: Sequence[ObjectInfo]) -> bool:
    """Whether a drag of these may be offered to other programs (see the module doc)."""
    return (
        bool(objects)
        and len(objects) <= DRAG_OUT_COUNT
        and not any(o.is_prefix for o in objects)
        and sum(o.size for o in objects) <= DRAG_OUT_LIMIT
    )


#: Downloads ``objects`` into a folder; calls ``done(error or None)`` when finished.
Fetcher = Callable[[Sequence[ObjectInfo], Path, Callable[[str | None], None]], None]


class ObjectsMimeData(QMimeData):
    """The internal format at once; ``text/uri-list`` only when a target asks for it."""

    def __init__(
        self,
        dragged: DraggedObjects,
        objects: Sequence[ObjectInfo],
        staging_root: Path,
        fetch: Fetcher | None,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__()
        self.dragged = dragged
        self._objects = list(objects)
        self._staging_root = staging_root
        self._fetch = fetch if fits_outside(objects) else None
        self._widget = parent_widget
        self._urls: list[QUrl] | None = None
        self.setData(INTERNAL_MIME, dragged.encode())

    def formats(self) -> list[str]:
        found = list(super().formats())
        if self._fetch is not None and URI_LIST not in found:
            found.append(URI_LIST)
        return found

    def hasFormat(self, mimetype: str) -> bool:
        return mimetype in self.formats()

    def retrieveData(self, mimetype: str, preferred: QMetaType | QMetaType.Type) -> object:
        if mimetype == URI_LIST and self._fetch is not None:
            urls = self.fetched_urls()
            if not urls:
                return None
            wanted = preferred.value if isinstance(preferred, QMetaType.Type) else preferred.id()
            if wanted == QMetaType.Type.QVariantList.value:
                return list(urls)  # what QMimeData.urls() asks for
            return QByteArray("".join(url.toString() + "\r\n" for url in urls).encode())
        return super().retrieveData(mimetype, preferred)

    def fetched_urls(self) -> list[QUrl]:
        """Download once into a fresh staging folder; the window keeps answering while
        it waits (nested event loop), and Cancel gives the target nothing."""
        if self._urls is not None or self._fetch is None:
            return self._urls or []
        staging = self._staging_root / uuid.uuid4().hex
        staging.mkdir(parents=True, exist_ok=True)
        loop = QEventLoop()
        outcome: list[str | None] = []

        def done(error: str | None) -> None:
            outcome.append(error)
            loop.quit()

        progress = QProgressDialog(
            self.tr("Downloading {n} objects for the drop…").format(n=len(self._objects)),
            self.tr("Cancel"),
            0,
            0,
            self._widget,
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(lambda: done("cancelled"))
        self._fetch(self._objects, staging, done)
        if not outcome:
            loop.exec()
        progress.reset()
        if outcome[0] is not None:
            self._urls = []
            return []
        self._urls = [QUrl.fromLocalFile(str(staging / o.name)) for o in self._objects]
        return self._urls


def clean_staging(root: Path, now: float | None = None) -> int:
    """Remove staging folders of earlier drags (blocking: run it on a worker)."""
    now = time.time() if now is None else now
    removed = 0
    if not root.is_dir():
        return 0
    for folder in root.iterdir():
        try:
            old = now - folder.stat().st_mtime > STAGING_MAX_AGE_S
        except OSError:
            continue
        if old:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
