"""The provider protocol: what every storage service looks like to the rest of the app.

Every method blocks and is safe to call from worker threads at the same time. Paged
listing (``list_page``) is the primitive; iteration lives in ``core.listing``. Optional
operations raise ``Unsupported`` unless the matching ``Capabilities`` flag is on.
"""

from __future__ import annotations

import abc
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import timedelta
from typing import Any, BinaryIO, ClassVar

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.capabilities import Capabilities
from storebrowser.core.digests import ContentProof, ReceiptCallback, nothing_vouched, whole_md5
from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import AlreadyExists, ConsentRequired, StorageError
from storebrowser.core.metadiff import MetadataEdit
from storebrowser.core.mtime import MtimeStyle
from storebrowser.core.properties import (
    CONTENT_TYPE,
    ObjectProperties,
    check_system,
    object_changed,
    same_etag,
)
from storebrowser.core.ranges import ByteRange
from storebrowser.core.timeouts import MIN_READ_TIMEOUT, read_timeout_for
from storebrowser.core.types import (
    ContainerInfo,
    ObjectInfo,
    Page,
    PartRecord,
    ProgressCallback,
    WebsiteConfig,
)
from storebrowser.providers.container_settings import ContainerSettings
from storebrowser.providers.replacing import ObjectReplacing
from storebrowser.providers.tiering import StorageClassMethods
from storebrowser.providers.versions_api import DEFAULT_CHUNK as DEFAULT_CHUNK  # re-exported
from storebrowser.providers.versions_api import VersionsApi

MiB = 1024 * 1024
_CONNECT_LOCKS_GUARD = threading.Lock()


class MultipartUpload(abc.ABC):
    """A chunked upload in progress (S3 multipart, Azure staged blocks, Swift SLO).

    ``state()`` is JSON-able; the journal stores it and ``Provider.resume_multipart``
    turns it back into an upload after a restart. Parts are numbered from 1.
    """

    #: The service keeps an MD5 of the whole object given to ``complete`` (Azure: the
    #: Content-MD5 of a block list): the part loop hashes the bytes it sends, in order,
    #: and hands it over (``parts.PartSender.whole_md5``).
    takes_whole_md5: ClassVar[bool] = False

    def __init__(self, container: str, key: str, part_size: int) -> None:
        self.container = container
        self.key = key
        self.part_size = part_size

    @abc.abstractmethod
    def state(self) -> dict[str, Any]: ...

    @abc.abstractmethod
    def upload_part(
        self,
        number: int,
        data: bytes,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = NEVER,
    ) -> PartRecord: ...

    @abc.abstractmethod
    def complete(self, parts: Sequence[PartRecord], *, whole_md5: bytes | None = None) -> ObjectInfo:
        """Make the object of ``parts``. ``whole_md5``: the MD5 of all its bytes, kept by a
        service that ``takes_whole_md5`` (the others are given none)."""

    @abc.abstractmethod
    def abort(self) -> None:
        """Remove everything uploaded so far; safe to call twice."""

    def uploaded_parts(self) -> list[PartRecord] | None:
        """Parts the server holds already (for resume), in part-number order.

        ``None``: this service cannot list them (the caller trusts its own records).
        ``[]``: it can, and holds none. A provider that overrides this returns a list.
        """
        return None


class Provider(StorageClassMethods, ContainerSettings, VersionsApi, ObjectReplacing, abc.ABC):
    """One account on one storage service (container settings: ``ContainerSettings``)."""

    #: Registry name of the kind: ``local``, ``s3``, ``azure``, ``swift``.
    kind: ClassVar[str]
    #: How uploads keep a file's modification time in metadata (``mtime``, as rclone
    #: writes it on this service: ``core.mtime``); ``None``: not kept (local files have
    #: their own).
    mtime_style: ClassVar[MtimeStyle | None] = None
    #: Where rclone keeps the MD5 of an object uploaded in parts, whose ETag is none
    #: (S3: ``md5chksum``, base64); uploads in parts write it too (``transfers.upload``).
    rclone_md5_key: ClassVar[str | None] = None
    #: Smallest part the service accepts (except the last) and most parts per object:
    #: the kind's defaults, which an account may replace by what its service says (Swift).
    min_part_size: int = 5 * MiB
    max_parts: int = 10_000
    #: Uploads larger than this go in parts when ``capabilities.multipart``.
    multipart_threshold: int = 64 * MiB
    part_size: int = 16 * MiB
    part_concurrency: int = 4
    #: ``put_object`` reads the whole body before it sends a byte (Azure's SDK does, for
    #: a single put): under a bandwidth limit, uploads above its smallest part go in parts,
    #: whose bodies are read as they are sent, so the limit holds them evenly.
    reads_whole_body: bool = False

    capabilities: Capabilities
    #: The shortest read timeout, whatever the part size (tests lower it to meet stalls fast).
    min_read_timeout: float = MIN_READ_TIMEOUT

    def fit_transfers(self, connections: int, part_size: int) -> None:
        """Make room for ``connections`` requests at once (the transfer engine's workers
        times the parts each runs at once) and wait for a silent connection as long as a
        part of ``part_size`` bytes (or the provider's own, if larger) may need. Cheap to
        call again; a provider without connection pools or timeouts ignores it."""

    def discard_unanswered_uploads(self, container: str, key: str) -> None:
        """Abort chunked uploads of ``key`` that a start request opened but whose answer was
        lost (S3's CreateMultipartUpload is not idempotent); the others have none."""

    def read_timeout(self, part_size: int = 0) -> float:
        """The read timeout that fits parts of ``part_size`` and of the provider's own size."""
        return read_timeout_for(max(part_size, self.part_size), floor=self.min_read_timeout)

    def connect(self) -> None:
        """First contact, on a worker thread: authenticate, probe what the server offers
        and settle ``capabilities``. Constructors do no I/O; call this before the rest."""

    def ensure_connected(self) -> None:
        """``connect()`` once per provider, whichever thread asks first."""
        lock = self.__dict__.get("_connect_lock")
        if lock is None:
            with _CONNECT_LOCKS_GUARD:
                lock = self.__dict__.setdefault("_connect_lock", threading.Lock())
        with lock:
            if not self.__dict__.get("_connected"):
                self.connect()
                self.__dict__["_connected"] = True

    # -- containers ---------------------------------------------------------------------

    @abc.abstractmethod
    def list_containers(self) -> list[ContainerInfo]: ...

    @abc.abstractmethod
    def create_container(self, name: str, *, region: str | None = None) -> None:
        """Create ``name``; ``AlreadyExists`` when it exists, ``InvalidName`` before sending.
        ``region``: one of ``container_regions()``; never given where that is empty."""

    def container_regions(self) -> tuple[str, ...]:
        """Where a new container may be kept, the account's own place first; a provider
        that answers some also takes ``create_container(name, region=...)``. Empty: the
        service decides."""
        return ()

    @abc.abstractmethod
    def delete_container(self, name: str, *, force: bool = False, cancel: CancelToken = NEVER) -> None:
        """Delete ``name``; ``NotEmpty`` unless ``force``, which deletes its objects first."""

    def ensure_container(self, name: str) -> bool:
        """Create ``name`` unless it exists; True when it was created."""
        try:
            self.create_container(name)
        except AlreadyExists:
            return False
        return True

    # -- objects ------------------------------------------------------------------------

    @abc.abstractmethod
    def list_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:
        """One page in key order; with a delimiter, pseudo-folders come as ``is_prefix``
        entries (each once per listing) mixed into key order. A provider may return the
        entries as ``LazyEntries`` (converted from the raw answer when first read), so
        that the caller can ask the next page before converting this one."""

    #: ``list_page``'s token is the last key listed (Swift's marker), so any key is one;
    #: ``token_takes_end``: it may also say where to end (``key\0upto``: Swift's end_marker).
    token_is_key = token_takes_end = False

    def start_after(self, key: str, upto: str | None = None) -> str | None:
        """A ``list_page`` token that starts a flat listing just after ``key`` (a walk
        split by key ranges: ``storebrowser/core/walk.py``), ending at ``upto`` where the
        service can (else the caller stops there), or ``None`` where the service's listing
        cannot start at a key of our choosing (opaque markers)."""
        if not self.token_is_key:
            return None
        return f"{key}\0{upto}" if upto is not None and self.token_takes_end else key

    @abc.abstractmethod
    def stat(self, container: str, key: str) -> ObjectInfo: ...

    @abc.abstractmethod
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
        """Stream ``data[byte_range]``; only the asked bytes travel (``RangeNotHonored``
        when the server ignores the range). A range past the end yields nothing.

        ``receipt``, when given, is called once before the first chunk with what the
        reply said of itself: the ETag of the version served and, where the service
        vouches for it (``ContentProof.range_md5_limit``), the MD5 of the range."""

    def content_proof(
        self, container: str, key: str, listed: ObjectInfo | None = None, *, exact_layout: bool = False
    ) -> ContentProof:
        """What the service vouches for about the object's bytes now, to check a download
        against (a request or two where needed; ``listed``, what a listing said, may spare
        one). ``exact_layout``: the segment bounds must be looked up, not inferred (asked
        again when a ``layout_guessed`` proof did not match)."""
        info = self.stat(container, key)
        if info.content_md5:
            return whole_md5(info, info.content_md5, "the MD5 the service vouches for")
        return nothing_vouched(info, "the service gives no digest for this object")

    @abc.abstractmethod
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
        """Upload in one request. ``transfers.sending`` picks parts when they pay.
        ``storage_class``: where capability ``storage_tiers`` is on, the class (tier) to
        store it in, checked before sending; elsewhere a class is ``Unsupported``.
        ``encryption``: one of ``capabilities.upload_encryption`` (``check_encryption``
        refuses the others before sending); ``EncryptionNotApplied`` when the server
        stored the object without confirming it."""

    @abc.abstractmethod
    def delete_object(self, container: str, key: str) -> None:
        """Delete one object; a missing object is not an error (S3 semantics)."""

    def delete_objects(
        self, container: str, keys: Sequence[str], *, cancel: CancelToken = NEVER
    ) -> dict[str, StorageError]:
        """Delete many; returns the keys that failed with why. Providers batch this."""
        failures: dict[str, StorageError] = {}
        for key in keys:
            cancel.raise_if_cancelled()
            try:
                self.delete_object(container, key)
            except StorageError as error:
                failures[key] = error
        return failures

    # -- optional, by capability --------------------------------------------------------

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
        """Server-side copy; keeps metadata and content type unless new ones are given."""
        raise self._unsupported("server-side copy")

    def get_properties(self, container: str, key: str) -> ObjectProperties:
        """What the object IS, in one request (HEAD / Get Blob Properties / stat): the
        listing facts, the system properties that are set, the version where any."""
        info = self.stat(container, key)
        return ObjectProperties(info, {CONTENT_TYPE: info.content_type or ""})

    def check_properties(
        self,
        metadata: Mapping[str, str] | None = None,
        system: Mapping[str, str | None] | None = None,
        *,
        key: str | None = None,
    ) -> None:
        """Refuse, before any request, what ``set_properties`` (or an upload) would send
        and this provider's rules forbid: ``InvalidMetadata`` quoting the rule broken, or
        ``Unsupported`` for user metadata / a system property it cannot store.

        ``metadata`` is the full user metadata the object would have; ``system`` maps
        property names (``core.properties``) to new values, ``None``/``""`` to clear.
        """
        if metadata and not self.capabilities.user_metadata:
            raise self._unsupported("user metadata")
        check_system(system, key=key)
        if unsupported := sorted(set(system or {}) - self.capabilities.system_properties):
            raise self._unsupported(f"setting {', '.join(unsupported)}")
        if metadata:
            self._check_user_metadata(metadata, key)

    def _check_user_metadata(self, metadata: Mapping[str, str], key: str | None) -> None:
        """The provider's own rules for user metadata (called by ``check_properties``)."""

    def set_properties(
        self,
        container: str,
        key: str,
        *,
        metadata: Mapping[str, str] | None = None,
        system: Mapping[str, str | None] | None = None,
        if_match: str | None = None,
    ) -> ObjectInfo:
        """Change what the object IS, keeping its content.

        ``metadata``: ``None`` keeps the user metadata, a mapping replaces all of it.
        ``system``: property -> new value (``None`` or ``""`` clears; a cleared
        Content-Type falls back to the one guessed from the name); properties not named
        are kept. ``if_match``: the ETag the user saw; when the object has another one
        now, ``PreconditionFailed`` is raised and nothing is changed. Everything is
        checked (``check_properties``) before the first request.
        """
        raise self._unsupported("changing metadata")

    def set_metadata(
        self,
        container: str,
        key: str,
        metadata: Mapping[str, str],
        *,
        content_type: str | None = None,
    ) -> ObjectInfo:
        """Replace the user metadata (and content type when given); keep the rest."""
        system = {CONTENT_TYPE: content_type} if content_type is not None else None
        return self.set_properties(container, key, metadata=metadata, system=system)

    def start_multipart(
        self,
        container: str,
        key: str,
        *,
        part_size: int,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
        storage_class: str | None = None,
        encryption: Encryption | None = None,
    ) -> MultipartUpload:
        raise self._unsupported("uploads in parts")

    def can_upload_in_parts(self, key: str) -> bool:
        """Whether ``key`` may go in parts (with ``capabilities.multipart`` on); a service
        may take some names in one request only."""
        return self.capabilities.multipart

    def resume_multipart(self, state: Mapping[str, Any]) -> MultipartUpload:
        """Rebuild an upload from ``MultipartUpload.state()``; ``NotFound`` when the
        server no longer has it (expired or aborted)."""
        raise self._unsupported("uploads in parts")

    def share_url(self, container: str, key: str, *, expires_in: timedelta, method: str = "GET") -> str:
        """A URL that works without credentials until it expires. May raise
        ``ConsentRequired`` when the account must be changed first (see ``grant``)."""
        raise self._unsupported("time-limited URLs")

    def object_url(self, container: str, key: str) -> str:
        """The object's plain address (no signature): it opens for anyone only where the
        container is public; a time-limited URL is ``share_url``. No I/O."""
        raise self._unsupported("object URLs")

    def grant(self, request: ConsentRequired) -> None:
        """Make the change a ``ConsentRequired`` asked for, once the user agreed."""
        raise self._unsupported(f"this change ({request.question})")

    def set_website(self, container: str, config: WebsiteConfig) -> WebsiteConfig:
        raise self._unsupported("static websites")

    def get_website(self, container: str) -> WebsiteConfig | None:
        raise self._unsupported("static websites")

    # -- built once on the primitives ---------------------------------------------------

    def read(self, container: str, key: str, byte_range: ByteRange = ByteRange()) -> bytes:
        """``data[byte_range]`` in memory; for previews and small objects."""
        return b"".join(self.iter_read(container, key, byte_range))

    def edit_properties(
        self, container: str, key: str, edit: MetadataEdit, *, if_match: str | None = None
    ) -> ObjectInfo:
        """Apply ``edit`` to the object as it is now: user keys it does not name are kept.

        ``if_match`` guards against a change since the user saw the object; without it the
        ETag read here guards the read-modify-write against a writer in between.
        """
        if edit.empty:
            return self.stat(container, key)
        # What the edit sets can be refused before reading the object; the total size
        # of the result only after (by set_properties).
        self.check_properties(edit.set_user, edit.set_system, key=key)
        if edit.touches_user:
            current = self.get_properties(container, key)
            if if_match is not None and not same_etag(if_match, current.etag):
                raise object_changed(container, key, if_match, current.etag)
            metadata: dict[str, str] | None = edit.apply_user(current.metadata)
            if_match = current.etag
        else:
            metadata = None  # nothing to read first: the server keeps the user metadata
        system = dict(edit.set_system) or None
        return self.set_properties(container, key, metadata=metadata, system=system, if_match=if_match)

    def close(self) -> None:
        """Release connections; the provider is not used afterwards."""

    # -- helpers ------------------------------------------------------------------------

    def describe(self) -> str:
        """A short human name for messages, e.g. 'S3 at s3.example.com'."""
        return type(self).__name__
