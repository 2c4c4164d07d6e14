"""Jobs and their items: what to transfer, and where each piece stands.

A job is what the user asked for (upload this folder, download that prefix); it expands
into items, one per object or file, each with its own state and counters. The spec of a
job is plain data (JSON-able) so the journal can store it and rebuild the job after a
restart.
"""

from __future__ import annotations

import enum
import threading
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, BinaryIO

from storebrowser.core.cancel import CancelToken
from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.tags import TagEdit
from storebrowser.core.types import ObjectInfo, PartRecord


class JobKind(enum.Enum):
    UPLOAD_FILE = "upload_file"
    UPLOAD_FOLDER = "upload_folder"
    UPLOAD_STREAM = "upload_stream"
    DOWNLOAD_OBJECT = "download_object"
    DOWNLOAD_PREFIX = "download_prefix"  # a whole container is the prefix ""
    #: Several files and folders chosen at once (``sources``), into the prefix ``key``.
    UPLOAD_MANY = "upload_many"
    #: Several objects and prefixes of one container (``sources``), into the folder ``local``.
    DOWNLOAD_MANY = "download_many"
    COPY = "copy"
    MOVE = "move"
    DELETE = "delete"
    #: One metadata edit applied to many objects, each guarded by the ETag the user saw.
    SET_PROPERTIES = "set_properties"
    #: Objects (``sources``: keys, and prefixes ending ``/``) moved to ``storage_class``.
    SET_CLASS = "set_class"
    #: Archived objects (``sources``) brought back: for ``days`` (S3) or into
    #: ``storage_class`` (Azure), at ``priority``.
    RESTORE_ARCHIVED = "restore_archived"
    #: One ``TagEdit`` (``tags``) applied to each object of ``sources``.
    SET_TAGS = "set_tags"

    @property
    def counts_objects(self) -> bool:
        """Progress (``done``/``total``) counts objects, not bytes."""
        return self in (JobKind.DELETE, JobKind.SET_PROPERTIES) or self.is_tiering

    @property
    def is_tiering(self) -> bool:
        """A change of class, a restore or a tag edit: one request or two per object,
        each object an item whose outcome (or failure, with why) is kept."""
        return self in (JobKind.SET_CLASS, JobKind.RESTORE_ARCHIVED, JobKind.SET_TAGS)

    @property
    def is_download(self) -> bool:
        return self in (JobKind.DOWNLOAD_OBJECT, JobKind.DOWNLOAD_PREFIX, JobKind.DOWNLOAD_MANY)

    @property
    def moves_bytes(self) -> bool:
        """Its items' progress is bytes that travel (a silence means a stalled connection)."""
        return self.is_download or self.is_upload or self in (JobKind.COPY, JobKind.MOVE)

    @property
    def is_upload(self) -> bool:
        return self in (JobKind.UPLOAD_FILE, JobKind.UPLOAD_FOLDER, JobKind.UPLOAD_STREAM,
                        JobKind.UPLOAD_MANY)  # fmt: skip

    @property
    def many_items(self) -> bool:
        """The job may expand into many items (a conflict answer can hold for them all)."""
        return self in (JobKind.UPLOAD_FOLDER, JobKind.DOWNLOAD_PREFIX, JobKind.UPLOAD_MANY,
                        JobKind.DOWNLOAD_MANY)  # fmt: skip


class State(enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (State.DONE, State.FAILED, State.CANCELLED)


class ConflictPolicy(enum.Enum):
    """What to do when the target exists (Cyberduck's transfer actions)."""

    OVERWRITE = "overwrite"
    SKIP = "skip"
    RENAME = "rename"  # save as "name (1).ext"
    RESUME = "resume"  # keep a partial download and fetch only the rest
    ASK = "ask"  # call the engine's ``ask`` callback, which returns one of the others


@dataclass(frozen=True, slots=True)
class JobSpec:
    """What the user asked for. Fields unused by a kind stay empty.

    ``local`` is a file or folder; ``key`` an object key or a prefix (``""`` = the whole
    container); ``dst_*`` name the target of a copy or move; ``keys`` the objects of a
    batch delete (without ``keys`` a delete takes every object under the prefix ``key``,
    listed when the job starts; with ``remove_container`` the emptied container goes last).
    ``sources`` are what an UPLOAD_MANY or DOWNLOAD_MANY job carries: local files and
    folders (a folder path ending with a separator sends only its contents), or object
    keys and prefixes (ending ``/``) of ``container``. Journals written before it existed
    have no ``sources``: it defaults to empty.
    """

    kind: JobKind
    account: str
    container: str
    key: str = ""
    local: str = ""
    dst_account: str = ""
    dst_container: str = ""
    dst_key: str = ""
    keys: tuple[str, ...] = ()
    conflict: ConflictPolicy = ConflictPolicy.OVERWRITE
    content_type: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    remove_container: bool = False
    edit: MetadataEdit | None = None
    etags: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    #: Uploads: the storage class (access tier) to store the objects in; ``None``: the
    #: service's default. Journals written before it existed have none.
    storage_class: str | None = None
    #: SET_CLASS out of an archive (Azure) and RESTORE_ARCHIVED: the restore priority.
    priority: str | None = None
    #: RESTORE_ARCHIVED on S3: how long the restored copy stays.
    days: int | None = None
    #: SET_TAGS: the change.
    tags: TagEdit | None = None
    #: Uploads: the server-side encryption asked, as ``Encryption.text()`` words (``s3``,
    #: ``kms:KEY``, ``c``, ``scope:NAME``): never a key. Journals before it have none.
    encryption: str | None = None
    #: Uploads: have the server delete each object this many seconds after it is written
    #: (Swift ``X-Delete-After``, by the server's clock), or at this moment (ISO 8601, UTC).
    #: Journals before them have neither.
    expire_after: int | None = None
    expire_at: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["conflict"] = self.conflict.value
        data["keys"] = list(self.keys)
        data["sources"] = list(self.sources)
        data["edit"] = self.edit.to_json() if self.edit is not None else None
        data["tags"] = self.tags.to_json() if self.tags is not None else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JobSpec:
        values = dict(data)
        values["kind"] = JobKind(values["kind"])
        values["conflict"] = ConflictPolicy(values["conflict"])
        values["keys"] = tuple(values.get("keys", ()))
        values["sources"] = tuple(values.get("sources", ()))
        edit = values.get("edit")
        values["edit"] = MetadataEdit.from_json(edit) if edit is not None else None
        tags = values.get("tags")
        values["tags"] = TagEdit.from_json(tags) if tags is not None else None
        return cls(**values)


@dataclass(slots=True)
class Item:
    """One object or file of a job. Mutated by the engine under its lock.

    ``done``/``total`` count bytes (objects, for a delete batch or a metadata edit). ``parts`` are finished
    parts: upload parts, or download ranges (``token`` is unused there).
    """

    job_id: str
    index: int
    key: str
    local: str = ""
    total: int | None = None
    state: State = State.QUEUED
    done: int = 0
    error: str | None = None
    note: str = ""
    #: A delete batch: the keys it deletes.
    keys: tuple[str, ...] = ()
    #: UPLOAD_MANY / DOWNLOAD_MANY: the index in ``spec.sources`` this item comes from.
    source: int = 0
    #: Downloads: the remote ETag and size when the ``.part`` file was started.
    remote_etag: str | None = None
    #: Uploads in parts: ``MultipartUpload.state()``.
    upload_state: dict[str, Any] | None = None
    parts: dict[int, PartRecord] = field(default_factory=dict)
    #: What the listing said of the object (prefix downloads): saves a HEAD per object.
    #: Not journaled; after a restart the object is looked up again.
    listed: ObjectInfo | None = None
    #: ``time.monotonic()`` when it last moved a byte (or started): a stall shows. Not journaled.
    progressed_at: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "local": self.local, "total": self.total,
                "keys": list(self.keys), "source": self.source}  # fmt: skip


@dataclass(slots=True)
class Job:
    spec: JobSpec
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    state: State = State.QUEUED
    items: list[Item] = field(default_factory=list)
    expanded: bool = False
    error: str | None = None
    #: Lower runs first; ``move_to_top`` makes it the smallest.
    position: float = 0.0
    cancel: CancelToken = field(default_factory=CancelToken)
    pause: threading.Event = field(default_factory=threading.Event)
    #: Items a worker is running now.
    running: int = 0
    #: Items before this index are not queued (a scan hint, reset when one is requeued).
    cursor: int = 0
    #: An upload of a pipe: the stream itself (not journaled; it cannot be replayed).
    stream: BinaryIO | None = None

    @property
    def kind(self) -> JobKind:
        return self.spec.kind
