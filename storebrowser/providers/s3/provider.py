"""The S3 provider: Amazon S3 and S3-compatible services through boto3."""

from __future__ import annotations

import contextlib
import io
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import quote

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.capabilities import Capabilities
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.encryption import Encryption, EncryptionMode
from storebrowser.core.errors import (
    AccessDenied,
    ChecksumMismatch,
    InvalidMetadata,
    PreconditionFailed,
    StorageError,
    Unsupported,
)
from storebrowser.core.mime import guess_type
from storebrowser.core.mtime import MtimeStyle
from storebrowser.core.properties import CONTENT_TYPE, ObjectProperties, object_changed, same_etag
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import (
    ContainerInfo,
    ObjectInfo,
    Page,
    ProgressCallback,
    WebsiteConfig,
)
from storebrowser.providers.base import DEFAULT_CHUNK, Provider
from storebrowser.providers.s3 import (
    buckets,
    classes,
    copying,
    listing,
    multipart,
    proof,
    reading,
    tagging,
    versions,
)
from storebrowser.providers.s3 import encryption as s3_encryption
from storebrowser.providers.s3.client import ClientFactory, S3Settings
from storebrowser.providers.s3.container_settings import NO_OBJECT_EXPIRY, S3ContainerSettings
from storebrowser.providers.s3.copying import CopyJob, CopyLimits
from storebrowser.providers.s3.errors import s3_errors
from storebrowser.providers.s3.keys import xml_safe
from storebrowser.providers.s3.listing import object_from_head, strip_etag
from storebrowser.providers.s3.metadata import SYSTEM_PROPERTIES, encode_metadata, system_from_head
from storebrowser.providers.s3.orphans import UnansweredStarts
from storebrowser.providers.s3.part_uploads import S3PartUploads
from storebrowser.providers.s3.progress import SendProgressStream
from storebrowser.providers.s3.regions import AWS_REGIONS
from storebrowser.providers.s3.replacing import S3Replacing
from storebrowser.providers.s3.tiering import S3Tiering
from storebrowser.providers.s3.versioned import S3Versions
from storebrowser.providers.streams import read_exactly
from storebrowser.providers.urlpath import plain_url_path, url_with_encoded_dot_segments

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

#: S3 refuses presigned URLs that live longer than seven days (SigV4).
MAX_PRESIGN = timedelta(days=7)
#: A single PUT takes at most 5 GiB; a stream of unknown length is held in memory up to
#: this before ``put_object`` refuses it (``upload`` sends such streams in parts).
MAX_BUFFERED_PUT = 256 * 1024 * 1024
#: Connections beyond the transfers' own, for listing, previews and HEADs meanwhile.
EXTRA_CONNECTIONS = 8


class S3Provider(S3PartUploads, S3Replacing, S3ContainerSettings, S3Versions, S3Tiering, Provider):
    kind = "s3"
    mtime_style = MtimeStyle.UNIX_SECONDS
    rclone_md5_key = "md5chksum"
    min_part_size = 5 * 1024 * 1024
    max_parts = 10_000
    #: Objects larger than this are copied with UploadPartCopy (tests lower it).
    copy_threshold: int = multipart.MAX_SINGLE_COPY
    copy_part_size: int = multipart.COPY_PART_SIZE

    def __init__(self, settings: S3Settings) -> None:
        self.settings = settings
        # Room for the parts of a few transfers at once, plus listing and previews.
        self._clients = ClientFactory(settings, pool_size=4 * self.part_concurrency + 8,
                                      read_timeout=self.read_timeout())  # fmt: skip
        #: What the server offers beyond plain objects; AWS offers all, clones are asked.
        self._website = self._classes = self._tagging = settings.is_aws
        self._listing = listing.RestoreStatusAsk()
        #: Why the server keeps no versions ("" when it can).
        self._no_versioning = ""
        self.capabilities = self._capabilities()
        self._starts = UnansweredStarts()
        self._customer_key = settings.sse_customer_key

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> S3Provider:
        return cls(S3Settings.from_mapping(settings))

    def _capabilities(self) -> Capabilities:
        reasons = []
        if not self._classes:
            reasons.append(("storage_tiers", classes.ONLY_STANDARD))
            reasons.append(("archive_restore", classes.ONLY_STANDARD))
        if not self._tagging:
            reasons.append(("object_tags", tagging.NO_TAGGING))
        return Capabilities(
            user_metadata=True,
            content_type=True,
            system_properties=SYSTEM_PROPERTIES,
            server_side_copy=True,
            ranged_read=True,
            multipart=True,
            static_website=self._website,
            presigned_urls=not self.settings.anonymous,
            versioning=not self._no_versioning,
            versioning_note=self._no_versioning or versions.COST_NOTE,
            storage_tiers=self._classes,
            archive_restore=self._classes,
            object_tags=self._tagging,
            access_control=True,
            cors=True,
            lifecycle=True,
            upload_encryption=frozenset(mode.value for mode in S3_ENCRYPTION),
            reasons=(*reasons, ("object_expiry", NO_OBJECT_EXPIRY),
                     ("upload_encryption", "S3 encrypts with SSE-S3, SSE-KMS or SSE-C.")),
        )  # fmt: skip

    def describe(self) -> str:
        try:
            region = self._clients.region  # may read the profile; never a secret
        except StorageError:
            region = self.settings.region or "region unknown"
        return self.settings.describe(region)

    def close(self) -> None:
        self._clients.close()

    def fit_transfers(self, connections: int, part_size: int) -> None:
        # Listing and previews share the pool with transfers: a few more than they need.
        self._clients.fit(connections + EXTRA_CONNECTIONS, self.read_timeout(part_size))

    @property
    def _client(self) -> S3Client:
        return self._clients.client()

    def connect(self) -> None:
        """Check the credentials (ListBuckets) and whether the server does websites."""
        client = self._client
        if not self.settings.anonymous:
            # Keys that lack s3:ListAllMyBuckets are still good for the buckets they may use.
            with contextlib.suppress(AccessDenied):
                listing.list_buckets(client)
        if not self.settings.is_aws:
            probe = f"storebrowser-probe-{uuid.uuid4().hex[:12]}"  # a bucket that does not exist
            self._website = buckets.probe_website(client, probe)
            self._classes = classes.probe(client)
            self._tagging = tagging.probe(client)
            self._no_versioning = versions.probe_versioning(client, probe)
        self.capabilities = self._capabilities()

    # -- containers ---------------------------------------------------------------------

    def list_containers(self) -> list[ContainerInfo]:
        return listing.list_buckets(self._client)

    def create_container(self, name: str, *, region: str | None = None) -> None:
        """``region``: where AWS keeps the new bucket (one of ``container_regions()``);
        asked of that region's endpoint, as AWS wants. Default: the account's region."""
        region = region or self._clients.region
        buckets.create_bucket(self._clients.client(region), name, region)

    def container_regions(self) -> tuple[str, ...]:
        """AWS's regions, the account's first; an S3-compatible service has its own place."""
        if not self.settings.is_aws:
            return ()
        here = self._clients.region
        return (here, *(r for r in AWS_REGIONS if r != here))

    def delete_container(self, name: str, *, force: bool = False, cancel: CancelToken = NEVER) -> None:
        buckets.delete_bucket(self._client, name, force=force, cancel=cancel)

    # -- objects ------------------------------------------------------------------------

    def list_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:
        return self._listing.list_page(
            self._client, container, prefix, delimiter, token, limit, archives=self._classes
        )

    def start_after(self, key: str, upto: str | None = None) -> str | None:
        return listing.START_AFTER + key  # no end: the caller stops at ``upto``

    def stat(self, container: str, key: str) -> ObjectInfo:
        return reading.stat(self._client, container, key, self._customer_key)

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
        return reading.iter_read(
            self._client, container, key, byte_range, chunk_size=chunk_size, cancel=cancel,
            receipt=receipt, customer_key=self._customer_key,
        )  # fmt: skip

    def content_proof(
        self, container: str, key: str, listed: ObjectInfo | None = None, *, exact_layout: bool = False
    ) -> ContentProof:
        """A HEAD; a multipart object's parts as the first part's HEAD implies them (each
        part's HEAD with ``exact_layout``); a stored checksum where the ETag is no MD5."""
        return proof.content_proof(
            self._client, container, key, exact_layout=exact_layout, customer_key=self._customer_key
        )

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
        extra = self._upload_args(key, content_type, metadata, storage_class, encryption)
        cancel.raise_if_cancelled()
        if size is None or not stream.seekable():
            # botocore signs the body and may rewind it: it must be seekable and sized.
            data = read_exactly(stream, MAX_BUFFERED_PUT + 1)
            if len(data) > MAX_BUFFERED_PUT:
                raise StorageError(
                    f"{key!r} is too large to send in one request from a stream; upload it in parts.",
                    container=container,
                    key=key,
                )
            if size is not None and len(data) != size:
                raise _size_changed(container, key, size, len(data))
            stream, size = io.BytesIO(data), len(data)
        elif (remaining := _remaining(stream)) != size:
            # Content-Length must match what follows, or the request hangs or is corrupt.
            raise _size_changed(container, key, size, remaining)
        body = SendProgressStream(stream, progress, cancel).binary()
        with s3_errors(f"Uploading {key!r}", container=container, key=key):
            reply = self._client.put_object(Bucket=container, Key=key, Body=body, ContentLength=size, **extra)
        encryption_checked(reply, encryption, container, key)
        return ObjectInfo(
            key=key,
            size=size,
            etag=strip_etag(reply.get("ETag")),
            content_type=extra["ContentType"],
            metadata=metadata or {},
            storage_class=extra.get("StorageClass", "STANDARD"),
        )

    def _upload_args(
        self,
        key: str,
        content_type: str | None,
        metadata: Mapping[str, str] | None,
        storage_class: str | None = None,
        sse: Encryption | None = None,
    ) -> dict[str, Any]:
        self.check_encryption(sse)
        args = {"ContentType": content_type or guess_type(key), "Metadata": encode_metadata(metadata)}
        if storage_class is not None:
            args["StorageClass"] = self.check_storage_class(storage_class).name
        return {**args, **s3_encryption.upload_args(sse, self._customer_key)}

    def delete_object(self, container: str, key: str) -> None:
        with s3_errors(f"Deleting {key!r}", container=container, key=key):
            self._client.delete_object(Bucket=container, Key=key)

    def delete_objects(
        self, container: str, keys: Sequence[str], *, cancel: CancelToken = NEVER
    ) -> dict[str, StorageError]:
        return buckets.delete_objects(self._client, container, keys, cancel=cancel)

    # -- copy and metadata --------------------------------------------------------------

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
        head = reading.head(self._client, src_container, src_key)
        system = {CONTENT_TYPE: content_type} if content_type is not None else None
        return self._copy(CopyJob(src_container, src_key, dst_container, dst_key, head), metadata, system)

    def get_properties(self, container: str, key: str) -> ObjectProperties:
        head = reading.head(self._client, container, key, self._customer_key)
        version = head.get("VersionId")
        return ObjectProperties(
            object_from_head(key, head), system_from_head(head), version if version != "null" else None
        )

    def _check_user_metadata(self, metadata: Mapping[str, str], key: str | None) -> None:
        encode_metadata(metadata)

    def set_properties(
        self,
        container: str,
        key: str,
        *,
        metadata: Mapping[str, str] | None = None,
        system: Mapping[str, str | None] | None = None,
        if_match: str | None = None,
    ) -> ObjectInfo:
        """Copy the object onto itself (REPLACE) with the new properties, sending every
        unchanged system property again, on the condition that its ETag is still the one
        read (``CopySourceIfMatch``, on each part copy too above 5 GiB). The copy resets
        the object's ACL to the bucket's default, as any S3 CopyObject does, and an object
        copied in parts gets a new ETag."""
        self.check_properties(metadata, system, key=key)
        head = reading.head(self._client, container, key)
        current = strip_etag(head.get("ETag"))
        if if_match is not None and not same_etag(if_match, current):
            raise object_changed(container, key, if_match, current)
        if metadata is None and not system:
            return object_from_head(key, head)
        try:
            job = CopyJob(container, key, container, key, head)
            return self._copy(job, metadata, system, if_match=current)
        except PreconditionFailed:
            raise object_changed(container, key, if_match or current) from None

    def _copy(
        self,
        job: CopyJob,
        metadata: Mapping[str, str] | None,
        system: Mapping[str, str | None] | None,
        *,
        if_match: str | None = None,
    ) -> ObjectInfo:
        client = self._clients.client(slow=True)  # a copy answers only when done
        return copying.copy(client, job, metadata, system, self._copy_limits(job.dst_key), if_match=if_match)

    def _copy_limits(self, dst_key: str) -> CopyLimits:
        return CopyLimits(
            # A key XML cannot carry is copied in one request (up to 5 GiB) or not at all.
            threshold=self.copy_threshold if xml_safe(dst_key) else multipart.MAX_SINGLE_COPY,
            part_size=max(self.copy_part_size, self.min_part_size),
            concurrency=self.part_concurrency,
        )

    # -- multipart ----------------------------------------------------------------------

    # -- sharing and websites -----------------------------------------------------------

    def share_url(self, container: str, key: str, *, expires_in: timedelta, method: str = "GET") -> str:
        if self.settings.anonymous:
            raise self._unsupported("time-limited URLs without credentials to sign them")
        operations = {"GET": "get_object", "PUT": "put_object"}
        if method.upper() not in operations:
            raise Unsupported(f"Time-limited URLs are for GET or PUT, not {method!r}.")
        seconds = int(expires_in.total_seconds())
        if not 1 <= seconds <= MAX_PRESIGN.total_seconds():
            raise InvalidMetadata(
                f"A time-limited S3 URL lives between 1 second and 7 days; {expires_in} was "
                "asked. Choose a shorter time."
            )
        client = self._clients.client_for_bucket(container)
        with s3_errors(f"Signing a URL for {key!r}", container=container, key=key):
            url: str = client.generate_presigned_url(
                operations[method.upper()],
                Params={"Bucket": container, "Key": key},
                ExpiresIn=seconds,
            )
        # botocore signs the exact key; '.'/'..' as %2E survive requests and curl, and
        # the server decodes them back into the signed name.
        return url_with_encoded_dot_segments(url)

    def set_website(self, container: str, config: WebsiteConfig) -> WebsiteConfig:
        if not self.capabilities.static_website:
            raise self._unsupported("static websites (the server answers NotImplemented)")
        buckets.set_website(self._client, container, config)
        return WebsiteConfig(config.index_document, config.error_document, self._website_url(container))

    def get_website(self, container: str) -> WebsiteConfig | None:
        if not self.capabilities.static_website:
            raise self._unsupported("static websites (the server answers NotImplemented)")
        found = buckets.get_website(self._client, container)
        if found is None:
            return None
        return WebsiteConfig(found[0], found[1], self._website_url(container))

    def object_url(self, container: str, key: str) -> str:
        client = self._clients.client_for_bucket(container)
        path = plain_url_path(key)
        endpoint = client.meta.endpoint_url.rstrip("/")
        if self.settings.path_style or not self.settings.is_aws:
            return f"{endpoint}/{quote(container)}/{path}"
        return f"https://{container}.s3.{client.meta.region_name}.amazonaws.com/{path}"

    def _website_url(self, container: str) -> str | None:
        """AWS's website endpoint; S3-compatible services have no standard one."""
        if not self.settings.is_aws:
            return None
        region = self._clients.client_for_bucket(container).meta.region_name
        return f"http://{container}.s3-website.{region}.amazonaws.com/"


#: The encryption an upload may ask of S3.
S3_ENCRYPTION = (EncryptionMode.SSE_S3, EncryptionMode.SSE_KMS, EncryptionMode.SSE_C)
encryption_checked = s3_encryption.check_applied


def _remaining(stream: BinaryIO) -> int:
    """Bytes from the position of a seekable stream to its end; the position is kept."""
    position = stream.tell()
    end = stream.seek(0, io.SEEK_END)
    stream.seek(position)
    return end - position


def _size_changed(container: str, key: str, expected: int, got: int) -> ChecksumMismatch:
    return ChecksumMismatch(
        f"The source of {key!r} changed while uploading: expected {expected} bytes, read "
        f"{got}. Nothing was stored; try again.",
        container=container,
        key=key,
    )
