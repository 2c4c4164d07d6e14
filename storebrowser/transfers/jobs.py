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
from typing import Any, BinaryIO, Protocol

from storebrowser.core.cancel import CancelToken
from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.tags import TagEdit
from storebrowser.core.types import ObjectInfo, PartRecord


class Direction(enum.Enum):
    UPLOAD = "upload"  # files of this computer -> the service
    DOWNLOAD = "download"  # the service -> files of this computer
    REMOTE = "remote"  # within the services: copy, move, delete, metadata


class Trait(enum.Flag):
    NONE = 0
    #: The job may expand into many items (a conflict answer can hold for them all).
    MANY_ITEMS = enum.auto()
    #: It carries several sources (``JobSpec.sources``): files and folders of this
    #: computer for an upload, keys and prefixes of ``container`` for a download or for
    #: a change in place (a class change, a restore, a tag edit).
    SOURCES = enum.auto()
    #: Progress (``done``/``total``) counts objects, not bytes.
    COUNTS_OBJECTS = enum.auto()
    #: Its failed objects are kept by key, with why, to be listed and retried: a failed
    #: job stays in the journal (a class change, a restore, a tag edit).
    KEEPS_FAILURES = enum.auto()


class JobKind(enum.Enum):
    """The kinds of job. A member is the kind's name in the journal and what the kind is
    (direction, traits), for code that needs no more; what it does is its class in
    ``transfers.kinds``, registered there."""

    _value_: str
    #: The journal name (declared: from the members' tuples a type checker infers Any).
    value: str
    direction: Direction
    traits: Trait

    def __new__(
        cls, value: str, direction: Direction = Direction.REMOTE, traits: Trait = Trait.NONE
    ) -> JobKind:  # the defaults only let type checkers see JobKind("upload_file") as a lookup
        member = object.__new__(cls)
        member._value_ = value
        member.direction = direction
        member.traits = traits
        return member

    UPLOAD_FILE = "upload_file", Direction.UPLOAD
    UPLOAD_FOLDER = "upload_folder", Direction.UPLOAD, Trait.MANY_ITEMS
    UPLOAD_STREAM = "upload_stream", Direction.UPLOAD
    DOWNLOAD_OBJECT = "download_object", Direction.DOWNLOAD
    DOWNLOAD_PREFIX = "download_prefix", Direction.DOWNLOAD, Trait.MANY_ITEMS  # "": the whole container
    UPLOAD_MANY = "upload_many", Direction.UPLOAD, Trait.MANY_ITEMS | Trait.SOURCES
    DOWNLOAD_MANY = "download_many", Direction.DOWNLOAD, Trait.MANY_ITEMS | Trait.SOURCES
    COPY = "copy", Direction.REMOTE
    MOVE = "move", Direction.REMOTE
    DELETE = "delete", Direction.REMOTE, Trait.COUNTS_OBJECTS
    SET_PROPERTIES = "set_properties", Direction.REMOTE, Trait.COUNTS_OBJECTS
    #: Objects (``sources``: keys, and prefixes ending ``/``) moved to ``storage_class``.
    SET_CLASS = "set_class", Direction.REMOTE, Trait.SOURCES | Trait.COUNTS_OBJECTS | Trait.KEEPS_FAILURES
    #: Archived objects (``sources``) brought back: for ``days`` (S3) or into
    #: ``storage_class`` (Azure), at ``priority``.
    RESTORE_ARCHIVED = (
        "restore_archived",
        Direction.REMOTE,
        Trait.SOURCES | Trait.COUNTS_OBJECTS | Trait.KEEPS_FAILURES,
    )
    #: One ``TagEdit`` (``tags``) applied to each object of ``sources``.
    SET_TAGS = "set_tags", Direction.REMOTE, Trait.SOURCES | Trait.COUNTS_OBJECTS | Trait.KEEPS_FAILURES
    #: A sync's plan (``transfers.kinds.sync`` says how its ends are named): ``sources``
    #: (keys relative to the left end) sent up, down or between containers, ``keys``
    #: deleted on the right. Its direction is its spec's (either end may be the local
    #: folder), so the member says REMOTE: the planned keys are not checked as landing.
    SYNC = "sync", Direction.REMOTE, Trait.MANY_ITEMS | Trait.SOURCES
    #: A prefix brought back to its state at a moment (``transfers.restoring``): the plan's
    #: steps, one per key (``keys``, journaled in rows); a failed key stays to be retried.
    RESTORE_AS_OF = (
        "restore_as_of", Direction.REMOTE, Trait.MANY_ITEMS | Trait.COUNTS_OBJECTS | Trait.KEEPS_FAILURES,
    )  # fmt: skip

    @property
    def counts_objects(self) -> bool:
        """Progress (``done``/``total``) counts objects, not bytes."""
        return Trait.COUNTS_OBJECTS in self.traits

    @property
    def is_tiering(self) -> bool:
        """A change of class, a restore or a tag edit: one request or two per object,
        each object an item whose outcome (or failure, with why) is kept."""
        return Trait.KEEPS_FAILURES in self.traits

    @property
    def is_download(self) -> bool:
        return self.direction is Direction.DOWNLOAD

    @property
    def moves_bytes(self) -> bool:
        """Its items' progress is bytes that travel (a silence means a stalled connection)."""
        return not self.counts_objects

    @property
    def is_upload(self) -> bool:
        return self.direction is Direction.UPLOAD

    @property
    def many_items(self) -> bool:
        """The job may expand into many items (a conflict answer can hold for them all)."""
        return Trait.MANY_ITEMS in self.traits

    @property
    def has_sources(self) -> bool:
        return Trait.SOURCES in self.traits


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
    """What the user asked for. Fields unused by a kind stay empty (its class in
    ``transfers.kinds`` names those it ``holds``).

    ``local`` is a file or folder; ``key`` an object key or a prefix (``""`` = the whole
    container); ``dst_*`` name the target of a copy or move; ``keys`` the objects of a
    batch delete (without ``keys`` a delete takes every object under the prefix ``key``,
    listed when the job starts; with ``remove_container`` the emptied container goes last).
    ``sources`` are what an UPLOAD_MANY or DOWNLOAD_MANY job carries: local files and
    folders (a folder path ending with a separator sends only its contents), or object
    keys and prefixes (ending ``/``) of ``container``. Journals written before it existed
    have no ``sources``: it defaults to empty. ``options`` holds what a kind needs beyond
    these fields (JSON-able; its class reads it): written only when not empty, so the
    journal rows of the kinds that have none stay as they were.
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
    options: dict[str, Any] = field(default_factory=dict)
    #: A prefix job (delete, download, copy) of what is *in* the folder ``key``, not of
    #: the folder itself: its own marker object (``key``) is left alone, and a download
    #: lands what is under it directly in ``local``. What Select All in a folder makes.
    contents_only: bool = False

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind.value
        data["conflict"] = self.conflict.value
        data["keys"] = list(self.keys)
        data["sources"] = list(self.sources)
        data["edit"] = self.edit.to_json() if self.edit is not None else None
        data["tags"] = self.tags.to_json() if self.tags is not None else None
        if not self.options:
            del data["options"]
        if not self.contents_only:  # written only when set: journals stay as they were
            del data["contents_only"]
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


class Listed(Protocol):
    """What a listing said of a job's sources, so that a job of listed objects asks the
    service nothing more about them (``table.selection.ListedRows``). Not journaled:
    after a restart the objects are looked up again."""

    def listed(self, source: int) -> ObjectInfo | None:
        """The object ``sources[source]`` (``key`` for a job of one), or ``None``."""
        ...


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
    #: What the job's kind keeps of this item beyond these fields (JSON-able, journaled).
    options: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "local": self.local, "total": self.total,
                                "keys": list(self.keys), "source": self.source}  # fmt: skip
        if self.options:
            data["options"] = self.options
        return data


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
    #: What the listing said of the sources (not journaled; see ``Listed``).
    listed: Listed | None = None

    @property
    def kind(self) -> JobKind:
        return self.spec.kind
