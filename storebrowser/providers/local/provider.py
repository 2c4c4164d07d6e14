"""The local-folder provider."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import itertools
import os
import shutil
import threading
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.capabilities import Capabilities
from storebrowser.core.digests import ContentProof, ReadReceipt, ReceiptCallback
from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import (
    ChecksumMismatch,
    InvalidMetadata,
    InvalidName,
    NotEmpty,
    NotFound,
    Transient,
    Unsupported,
)
from storebrowser.core.localpath import key_to_local_path
from storebrowser.core.mime import guess_type
from storebrowser.core.properties import CONTENT_TYPE, object_changed, same_etag
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import ContainerInfo, ObjectInfo, Page, ProgressCallback
from storebrowser.providers.base import DEFAULT_CHUNK, Provider
from storebrowser.providers.local import xattrs
from storebrowser.providers.local.errors import os_errors
from storebrowser.providers.local.names import check_container_name
from storebrowser.providers.local.walk import (
    TEMP_PREFIX,
    Entry,
    EntryKind,
    SortedDirCache,
    is_empty_folder,
    walk,
)
from storebrowser.providers.streams import ProgressStream

FOLDER_TYPE = "application/x-directory"
#: Container settings that mean something only where a server hands out objects.
SERVED_SETTINGS = ("access_control", "cors", "lifecycle", "object_expiry", "upload_encryption")
NOT_SERVED = (
    "a local folder is served to nobody: it has no public access, CORS, lifecycle rules, expiry or "
    "server-side encryption; the file system's permissions say who may read its files."
)
_MAX_META_KEY_BYTES = 200  # xattr names are at most 255 bytes, our prefix included
_MAX_META_VALUE_BYTES = 64 * 1024
#: Edits compare the ETag and write under this lock, so two of ours cannot interleave
#: (another process writing the same file is not held back: there is no such lock).
_EDIT_LOCK = threading.Lock()


class LocalProvider(Provider):
    kind = "local"
    token_is_key = True  # the last key listed: a walk may start its ranges after any key

    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser()
        self._cache = SortedDirCache()
        self._xattrs = False
        self.capabilities = self._capabilities()

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> LocalProvider:
        return cls(Path(settings["root"]))

    def describe(self) -> str:
        return f"The local folder {self.root}"

    def connect(self) -> None:
        with os_errors(f"Opening the folder {self.root}"):
            self.root.mkdir(parents=True, exist_ok=True)
        self._xattrs = xattrs.probe(self.root)
        self.capabilities = self._capabilities()

    def _capabilities(self) -> Capabilities:
        return Capabilities(
            user_metadata=self._xattrs,
            content_type=self._xattrs,
            # Only the Content-Type: nothing serves a local file with Cache-Control &c.
            system_properties=frozenset({CONTENT_TYPE}) if self._xattrs else frozenset(),
            server_side_copy=True,
            ranged_read=True,
            reasons=tuple((name, NOT_SERVED) for name in SERVED_SETTINGS),
            versioning_note="a folder on this computer keeps no earlier versions of its files",
        )

    # -- paths --------------------------------------------------------------------------

    def _container_path(self, name: str) -> Path:
        check_container_name(name)
        path = self.root / name
        if not path.is_dir():
            raise NotFound(f"There is no folder {name!r} in {self.root}.", container=name)
        return path

    def _object_path(self, container: str, key: str) -> Path:
        return key_to_local_path(self._container_path(container), key)

    # -- containers ---------------------------------------------------------------------

    def list_containers(self) -> list[ContainerInfo]:
        with os_errors(f"Listing {self.root}"):
            names = [name for name, is_dir in self._cache.names(self.root) if is_dir]
        return [ContainerInfo(name=name[:-1]) for name in names]

    def create_container(self, name: str, *, region: str | None = None) -> None:  # no regions here
        check_container_name(name)
        with os_errors(f"Creating the folder {name!r}", container=name):
            (self.root / name).mkdir()

    def delete_container(self, name: str, *, force: bool = False, cancel: CancelToken = NEVER) -> None:
        path = self._container_path(name)
        with os_errors(f"Deleting the folder {name!r}", container=name):
            if not force and not is_empty_folder(path):
                raise NotEmpty(
                    f"The folder {name!r} still holds objects; delete them first, or "
                    "confirm deleting the container with everything in it.",
                    container=name,
                )
            shutil.rmtree(path)

    # -- listing ------------------------------------------------------------------------

    def list_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:
        if delimiter not in ("/", None):
            raise Unsupported(f"{self.describe()} can only list with '/' as the delimiter.")
        root = self._container_path(container)
        folder_key, _, name_prefix = prefix.rpartition("/")
        folder = key_to_local_path(root, folder_key + "/") if folder_key else root
        base_key = folder_key + "/" if folder_key else ""
        with os_errors(f"Listing {container!r}", container=container):
            if not folder.is_dir():
                return Page([], None)
            entries = self._entries(folder, base_key, name_prefix, token, delimiter is None)
            taken = list(itertools.islice(entries, limit + 1))
            page = [self._info(entry) for entry in taken[:limit]]
        next_token = page[-1].key if len(taken) > limit else None
        return Page(page, next_token)

    def _entries(
        self, folder: Path, base_key: str, name_prefix: str, after: str | None, recursive: bool
    ) -> Iterator[Entry]:
        if base_key and not name_prefix and not recursive and is_empty_folder(folder):
            # Listing "a/" of an empty folder "a": its marker object, as S3 shows it.
            if after is None or base_key > after:
                yield Entry(base_key, folder, EntryKind.MARKER)
            return
        yield from walk(self._cache, folder, base_key, name_prefix, after, recursive=recursive)

    def _info(self, entry: Entry) -> ObjectInfo:
        if entry.kind is EntryKind.PREFIX:
            return ObjectInfo(entry.key, is_prefix=True)
        return self._stat_path(entry.key, entry.path, with_xattrs=False)

    # -- objects ------------------------------------------------------------------------

    def stat(self, container: str, key: str) -> ObjectInfo:
        path = self._object_path(container, key)
        # Pipes, sockets and devices are not objects (listings skip them): reading a pipe
        # would wait for a writer forever.
        if path.is_dir() != key.endswith("/") or not (path.is_file() or path.is_dir()):
            raise NotFound(f"There is no object {key!r} in {container!r}.", container=container, key=key)
        with os_errors(f"Reading {key!r}", container=container, key=key):
            return self._stat_path(key, path, with_xattrs=self._xattrs)

    def _stat_path(self, key: str, path: Path, *, with_xattrs: bool) -> ObjectInfo:
        st = path.stat()
        modified = datetime.fromtimestamp(st.st_mtime, UTC)
        if key.endswith("/"):
            return ObjectInfo(key, 0, modified, _etag(0, st.st_mtime_ns, st.st_ctime_ns), FOLDER_TYPE)
        metadata: dict[str, str] = {}
        content_type: str | None = None
        if with_xattrs:
            metadata, content_type = xattrs.read(path)
        return ObjectInfo(
            key=key,
            size=st.st_size,
            modified=modified,
            etag=_etag(st.st_size, st.st_mtime_ns, st.st_ctime_ns),
            content_type=content_type or guess_type(key),
            metadata=metadata,
        )

    def iter_read(
        self,
        container: str,
        key: str,
        byte_range: ByteRange = ByteRange(),
        *,
        chunk_size: int = DEFAULT_CHUNK,
        cancel: CancelToken = NEVER,
        receipt: ReceiptCallback | None = None,
    ) -> Iterator[bytes]:
        info = self.stat(container, key)
        start, end = byte_range.resolve(info.size)
        path = self._object_path(container, key)
        if key.endswith("/") or start >= end:
            return
        if receipt is not None:
            receipt(ReadReceipt(info.etag))
        with os_errors(f"Reading {key!r}", container=container, key=key), path.open("rb") as f:
            f.seek(start)
            remaining = end - start
            while remaining > 0:
                cancel.raise_if_cancelled()
                chunk = f.read(min(chunk_size, remaining))
                if not chunk:
                    break  # the file shrank while we read; the caller checks sizes
                remaining -= len(chunk)
                yield chunk

    def content_proof(
        self, container: str, key: str, listed: ObjectInfo | None = None, *, exact_layout: bool = False
    ) -> ContentProof:
        """The SHA-256 of the file, read now (the ETag is a cheap validator, not a hash).
        The file must not change while it is hashed: its ETag is compared after."""
        info = self.stat(container, key)
        if info.content_md5 or key.endswith("/"):
            return super().content_proof(container, key, listed)
        with os_errors(f"Reading {key!r}", container=container, key=key):
            digest = _sha256_of(self._object_path(container, key))
        if self.stat(container, key).etag != info.etag:
            raise Transient(f"{key!r} changed while it was hashed; try again.", container=container, key=key)
        return ContentProof(info, "hashed from the source file", algorithm="sha256", whole=digest)

    def put_object(
        self,
        container: str,
        key: str,
        stream: BinaryIO,
        *,
        size: int | None,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = NEVER,
        storage_class: str | None = None,
        encryption: Encryption | None = None,
    ) -> ObjectInfo:
        self._refuse_class(storage_class)
        self.check_encryption(encryption)  # none is offered here: refused, never dropped
        self._check_metadata(metadata, content_type)
        path = self._object_path(container, key)
        what = f"Saving {key!r}"
        with os_errors(what, container=container, key=key):
            if key.endswith("/"):
                return self._put_folder_marker(container, key, path, stream)
            _make_folder(path.parent)
            with self._temp_beside(path) as temp:
                written = _copy_stream(ProgressStream(stream, progress, cancel), temp)
                if size is not None and written != size:
                    raise ChecksumMismatch(
                        f"{what}: expected {size} bytes but the source gave {written}.",
                        container=container,
                        key=key,
                    )
                if self._xattrs:
                    xattrs.write(temp, metadata or {}, content_type)
                os.replace(temp, path)
        return self.stat(container, key)

    def _put_folder_marker(self, container: str, key: str, path: Path, stream: BinaryIO) -> ObjectInfo:
        if stream.read(1):
            raise InvalidName(
                f"{key!r} ends with '/', which is a folder here; a local folder cannot hold "
                "data under a folder name.",
                container=container,
                key=key,
            )
        _make_folder(path)
        return self.stat(container, key)

    @contextlib.contextmanager
    def _temp_beside(self, path: Path) -> Iterator[Path]:
        """A temporary file next to ``path``, removed unless it was renamed into place."""
        temp = path.with_name(f"{TEMP_PREFIX}{uuid.uuid4().hex}")
        try:
            yield temp
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()

    def object_url(self, container: str, key: str) -> str:
        return self._object_path(container, key).as_uri()

    def delete_object(self, container: str, key: str) -> None:
        path = self._object_path(container, key)
        root = self._container_path(container)
        with os_errors(f"Deleting {key!r}", container=container, key=key):
            if key.endswith("/"):
                if path.is_dir() and is_empty_folder(path):
                    path.rmdir()
            else:
                with contextlib.suppress(FileNotFoundError):
                    if path.is_dir():
                        return  # "x" names a folder here, not an object
                    path.unlink()
            _prune_empty_parents(path.parent, root)

    def copy_object(
        self,
        src_container: str,
        src_key: str,
        dst_container: str,
        dst_key: str,
        *,
        metadata: Mapping[str, str] | None = None,
        content_type: str | None = None,
    ) -> ObjectInfo:
        self._check_metadata(metadata, content_type)
        source = self.stat(src_container, src_key)
        src = self._object_path(src_container, src_key)
        dst = self._object_path(dst_container, dst_key)
        if src_key.endswith("/") or dst_key.endswith("/"):
            raise InvalidName("Folder markers cannot be copied; copy the objects under them.")
        with os_errors(f"Copying {src_key!r}", container=dst_container, key=dst_key):
            _make_folder(dst.parent)
            with self._temp_beside(dst) as temp:
                shutil.copyfile(src, temp)
                if self._xattrs:
                    xattrs.write(
                        temp,
                        source.metadata if metadata is None else metadata,
                        content_type or source.content_type,
                    )
                os.replace(temp, dst)
        return self.stat(dst_container, dst_key)

    def set_properties(
        self,
        container: str,
        key: str,
        *,
        metadata: Mapping[str, str] | None = None,
        system: Mapping[str, str | None] | None = None,
        if_match: str | None = None,
    ) -> ObjectInfo:
        """Write the extended attributes; the file's ctime moves, and with it the ETag."""
        self.check_properties(metadata, system, key=key)
        if metadata is not None and not self._xattrs:
            raise self._unsupported("metadata (this file system has no extended attributes)")
        content_type: str | None = None  # keep it
        if system and CONTENT_TYPE in system:
            content_type = system[CONTENT_TYPE] or ""  # "": removed, guessed from the name again
        path = self._object_path(container, key)
        with _EDIT_LOCK:
            current = self.stat(container, key)
            if if_match is not None and not same_etag(if_match, current.etag):
                raise object_changed(container, key, if_match, current.etag)
            if metadata is None and content_type is None:
                return current
            if key.endswith("/"):
                raise InvalidName(f"{key!r} is a folder here; a local folder has no metadata.", key=key)
            with os_errors(f"Changing metadata of {key!r}", container=container, key=key):
                xattrs.write(path, metadata, content_type)
        return self.stat(container, key)

    def _check_user_metadata(self, metadata: Mapping[str, str], key: str | None) -> None:
        self._check_metadata(metadata, None)

    def _check_metadata(self, metadata: Mapping[str, str] | None, content_type: str | None) -> None:
        if not metadata and content_type is None:
            return
        if not self._xattrs:
            raise self._unsupported("metadata (this file system has no extended attributes)")
        for key, value in (metadata or {}).items():
            if not key or "\x00" in key or len(key.encode()) > _MAX_META_KEY_BYTES:
                raise InvalidMetadata(
                    f"Metadata key {key!r} is not valid here: keys are 1-{_MAX_META_KEY_BYTES} "
                    "bytes of UTF-8 without NUL."
                )
            if "\x00" in value or len(value.encode()) > _MAX_META_VALUE_BYTES:
                raise InvalidMetadata(f"The value of {key!r} is not valid here: at most 64 KiB, no NUL.")


def _copy_stream(source: ProgressStream, target: Path) -> int:
    written = 0
    with target.open("xb") as out:
        while chunk := source.read(DEFAULT_CHUNK):
            out.write(chunk)
            written += len(chunk)
        out.flush()
        os.fsync(out.fileno())  # the rename must never expose a file the disk has not got
    return written


def _sha256_of(path: Path) -> str:
    with path.open("rb") as source:
        return hashlib.file_digest(source, "sha256").hexdigest()


def _make_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        # mkdir says "exists" when a FILE sits where a folder must go.
        raise NotADirectoryError(20, "a file is in the way", str(path)) from None


def _prune_empty_parents(folder: Path, root: Path) -> None:
    """Remove folders left empty, as a pseudo-folder vanishes with its last object.

    Best effort: another thread may have removed the folder already (deletes of one
    folder's objects run in parallel) or written into it since it was seen empty."""
    while folder != root and root in folder.parents:
        try:
            if not is_empty_folder(folder):
                return
            folder.rmdir()
        except FileNotFoundError:
            pass  # pruned by a parallel delete: go on with its parent
        except OSError as error:
            if error.errno in (errno.ENOTEMPTY, errno.EEXIST):
                return  # something arrived meanwhile: the folder stays
            raise
        folder = folder.parent


def _etag(size: int, mtime_ns: int, ctime_ns: int) -> str:
    """A cheap validator, not an MD5: hashing every file to list a folder would read the
    whole disk. The ctime makes a metadata change (extended attributes) a new ETag too,
    as on Azure, so an edit guarded by the ETag sees it."""
    return hashlib.blake2s(f"{size}:{mtime_ns}:{ctime_ns}".encode(), digest_size=8).hexdigest()
