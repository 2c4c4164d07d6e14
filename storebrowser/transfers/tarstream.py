"""A folder as a tar.gz stream of unknown length, made while it uploads: no temporary
file, memory bounded by the engine's part size and concurrency.

The archive is written by a thread into a pipe; the upload reads the other end. If the
archive cannot be finished (a file changed size while it was read, the disk failed),
the reader raises at the end instead of returning EOF, so the upload is aborted and no
truncated backup is ever stored.
"""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from storebrowser.core.errors import StorageError
from storebrowser.providers.streams import ReadStream

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

PIPE_CHUNK = 1024 * 1024
DEFAULT_BACKUP_NAME = "backup-%Y-%m-%d.tar.gz"


def backup_name(pattern: str, folder: Path, now: datetime) -> str:
    """``backup-%Y-%m-%d.tar.gz`` -> ``backup-2026-11-22.tar.gz``; ``{folder}`` is the
    folder's name."""
    name = now.strftime(pattern).replace("{folder}", folder.resolve().name)
    if not name or name.startswith("/") or name.endswith("/"):
        raise ValueError(f"--name {pattern!r} gives {name!r}, which is not an object name")
    return name


class _HashingPipe(io.RawIOBase):
    """The write end: counts and hashes what the archive becomes."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        view = memoryview(data)
        total = len(view)
        self.sha256.update(view)
        self.size += total
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        return total

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


class TarStream(ReadStream):
    """Read a tar.gz of ``folder`` as it is being made."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._folder = folder
        read_fd, write_fd = os.pipe()
        self._read_fd = read_fd
        self._sink = _HashingPipe(write_fd)
        self._error: BaseException | None = None
        self.skipped: list[str] = []
        self._writer = threading.Thread(target=self._write_archive, name="backup-tar", daemon=True)
        self._writer.start()

    @property
    def size(self) -> int:
        return self._sink.size

    @property
    def sha256(self) -> str:
        return self._sink.sha256.hexdigest()

    def read(self, size: int | None = -1) -> bytes:
        data = os.read(self._read_fd, PIPE_CHUNK if size is None or size < 0 else size)
        if not data:
            self._writer.join()
            if self._error is not None:
                raise StorageError(
                    f"The backup of {self._folder} could not be finished ({self._error}); nothing was stored."
                )
        return data

    def close(self) -> None:
        if not self.closed:
            os.close(self._read_fd)  # a writer still running gets EPIPE and stops
        super().close()

    def _write_archive(self) -> None:
        try:
            with tarfile.open(fileobj=self._sink, mode="w|gz") as archive:
                self._add_tree(archive)
        except BaseException as error:  # reported to the reader, which fails the upload
            self._error = error
        finally:
            self._sink.close()

    def _add_tree(self, archive: tarfile.TarFile) -> None:
        root = self._folder.resolve()
        base = root.name
        archive.add(root, arcname=base, recursive=False)
        for folder, dirs, files in os.walk(root, onerror=lambda e: self.skipped.append(str(e.filename))):
            dirs.sort()
            for name in sorted(dirs) + sorted(files):
                path = Path(folder, name)
                arcname = f"{base}/{path.relative_to(root).as_posix()}"
                if path.is_dir() and not path.is_symlink():
                    archive.add(path, arcname=arcname, recursive=False)
                elif path.is_symlink() or not path.is_file():
                    archive.add(path, arcname=arcname, recursive=False)  # the link itself
                else:
                    self._add_file(archive, path, arcname)

    def _add_file(self, archive: tarfile.TarFile, path: Path, arcname: str) -> None:
        try:
            source = path.open("rb")  # before the header: an unreadable file is skipped cleanly
        except OSError:
            self.skipped.append(str(path))
            return
        with source:
            info = archive.gettarinfo(arcname=arcname, fileobj=source)
            archive.addfile(info, source)  # a file that shrinks now fails the whole backup
