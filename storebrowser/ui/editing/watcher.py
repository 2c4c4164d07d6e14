"""Watching opened copies by their FOLDER: most editors save by writing a new file and
renaming it over the old one, which a watch on the file itself loses (the watched inode
is gone). A burst of writes is one change: each file waits for a quiet second after the
last event before it is reported. Nothing here reads a file: whether the content changed
is a hash, computed on a worker by whoever listens to ``settled``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

#: Quiet time after the last event before a copy is checked.
DEBOUNCE_MS = 1000


class FolderWatcher(QObject):
    #: A watched copy's folder changed and has been quiet for ``debounce_ms``: its path.
    settled = Signal(str)

    def __init__(self, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.debounce_ms = debounce_ms
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._watcher.fileChanged.connect(self._file_changed)
        self._files: set[str] = set()
        self._timers: dict[str, QTimer] = {}

    @property
    def files(self) -> frozenset[str]:
        return frozenset(self._files)

    def watch(self, local: str) -> None:
        """Watch ``local`` (a file) through its folder, and the file itself where it is
        written in place (some systems report only that)."""
        self._files.add(local)
        folder = str(Path(local).parent)
        if folder not in self._watcher.directories():
            self._watcher.addPath(folder)
        self._rewatch_file(local)

    def forget(self, local: str) -> None:
        self._files.discard(local)
        timer = self._timers.pop(local, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()
        if local in self._watcher.files():
            self._watcher.removePath(local)
        folder = str(Path(local).parent)
        if not any(str(Path(f).parent) == folder for f in self._files):
            self._watcher.removePath(folder)

    def _folder_changed(self, folder: str) -> None:
        for local in [f for f in self._files if str(Path(f).parent) == folder]:
            self._rewatch_file(local)  # replaced by a rename: the new file is watched now
            self._bump(local)

    def _file_changed(self, local: str) -> None:
        if local in self._files:
            self._rewatch_file(local)
            self._bump(local)

    def _rewatch_file(self, local: str) -> None:
        if local not in self._watcher.files():
            self._watcher.addPath(local)  # fails quietly while the file is missing

    def _bump(self, local: str) -> None:
        timer = self._timers.get(local)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self._fire(local))
            self._timers[local] = timer
        timer.start(self.debounce_ms)

    def _fire(self, local: str) -> None:
        if local in self._files:
            self.settled.emit(local)
