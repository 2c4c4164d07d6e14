"""The Azure Blob Storage provider: the SDK mapped onto ``Provider``.

Concerns live beside this file: ``client`` (settings, auth), ``errors`` (the one error
mapping), ``properties`` (metadata rules, content settings), ``listing``, ``reading``
(checked ranges), ``blocks`` (staged-block uploads), ``copying``, ``website``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, BinaryIO

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.capabilities import Capabilities
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import (
    AccessDenied,
    InvalidName,
    NotEmpty,
    NotFound,
    PreconditionFailed,
    StorageError,
)
from storebrowser.core.mtime import MtimeStyle
from storebrowser.core.properties import ObjectProperties, object_changed, same_etag
from storebrowser.core.ranges import ByteRange
from storebrowser.core.tags import AZURE_TAG_RULES
from storebrowser.core.tiers import ClassChange, StorageClasses
from storebrowser.core.types import ContainerInfo, ObjectInfo, Page, ProgressCallback, WebsiteConfig
from storebrowser.providers.azure import copying, deleting, listing, snapshots, tagging, tiers, website
from storebrowser.providers.azure.blob_names import check_blob_name
from storebrowser.providers.azure.block_uploads import AzureBlockUploads
from storebrowser.providers.azure.client import (
    Connection,
    account_key_of,
    connection_from_settings,
    fit_transport,
    new_transport,
)
from storebrowser.providers.azure.container_settings import (
    REASONS,
    AzureContainerSettings,
    check_scope,
    scope_of,
)
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.azure.names import check_container_name
from storebrowser.providers.azure.properties import (
    CONTENT_SETTINGS,
    changed_content_settings,
    check_metadata,
    new_content_settings,
    object_info,
    object_properties,
    strip_etag,
    system_changes,
    write_if_unchanged,
)
from storebrowser.providers.azure.reading import RANGE_MD5_LIMIT, blob_proof, iter_blob, small_gets
from storebrowser.providers.azure.replacing import AzureReplacing
from storebrowser.providers.azure.sharing import blob_sas_url, version_url
from storebrowser.providers.azure.snapshotted import AzureSnapshots
from storebrowser.providers.base import DEFAULT_CHUNK, MiB, Provider
from storebrowser.providers.streams import ProgressStream

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient, BlobServiceClient, ContainerClient, ContentSettings

#: Connections before the transfer engine says how many it needs (``fit_transfers``):
#: the engine's default 4 workers x 4 parts, and a few for listing and previews.
DEFAULT_POOL_SIZE = 24
EXTRA_CONNECTIONS = 8
#: Content settings ``set_http_headers`` may change, by their SDK names.
HTTP_HEADERS = CONTENT_SETTINGS


class AzureProvider(AzureBlockUploads, AzureReplacing, AzureContainerSettings, AzureSnapshots, Provider):
    kind = "azure"
    mtime_style = MtimeStyle.RFC3339_NANO
    #: Azure takes blocks of any size; 1 MiB keeps requests worth their overhead.
    min_part_size = 1 * MiB
    max_parts = 50_000
    reads_whole_body = True  # upload_blob reads a single put's body at once

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._service: BlobServiceClient | None = None
        self._key: tuple[str, str] | None = None
        self._batch = deleting.BatchSupport()
        self.capabilities = self._capabilities()
        self._pool_size = DEFAULT_POOL_SIZE
        self._transport: Any = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> AzureProvider:
        return cls(connection_from_settings(settings))

    def describe(self) -> str:
        name = self._connection.account_name or self._connection.account_url
        if self._connection.only_container:
            return f"Azure container {self._connection.only_container} in account {name}"
        return f"Azure account {name}"

    def __repr__(self) -> str:
        return f"<AzureProvider {self.describe()} ({self._connection.auth})>"

    def connect(self) -> None:
        """Build the (thread-safe) client once and make one cheap call to prove the way in."""
        self._transport = new_transport(self._pool_size, self.read_timeout())
        service = self._connection.build(self._transport)
        only = self._connection.only_container
        try:
            with azure_errors(f"Connecting to {self.describe()}", container=only):
                # One retry only: a wrong endpoint should say so in seconds, not a minute.
                if only:
                    blobs = service.get_container_client(only).list_blobs(results_per_page=1, retry_total=1)
                    next(blobs.by_page(), None)
                else:
                    containers = service.list_containers(results_per_page=1, retry_total=1)
                    next(containers.by_page(), None)
        except AccessDenied:
            pass  # signed in fine, only not allowed to list: a SAS without 'l' still reads
        self._service = service
        self._key = account_key_of(service)
        self.capabilities = self._capabilities()

    def _capabilities(self) -> Capabilities:
        signs_with_key = self._key is not None
        return Capabilities(
            user_metadata=True,
            content_type=True,
            system_properties=CONTENT_SETTINGS,
            server_side_copy=True,
            listed_metadata=True,
            ranged_read=True,
            proven_reads=RANGE_MD5_LIMIT,
            multipart=True,
            # Service properties need account-wide rights; a key has them for sure.
            static_website=signs_with_key and self._connection.only_container is None,
            presigned_urls=signs_with_key,
            storage_tiers=True,
            archive_restore=True,
            object_tags=True,
            access_control=True,
            cors=signs_with_key and self._connection.only_container is None,
            upload_encryption=frozenset({"scope"}),
            reasons=REASONS,
            versioning=True,
            snapshots=True,
            versioning_note=snapshots.NOTE,
        )

    def close(self) -> None:
        if self._service is not None:
            self._service.close()

    def fit_transfers(self, connections: int, part_size: int) -> None:
        # Listing and previews share the pool with transfers: a few more than they need.
        self._pool_size = max(self._pool_size, connections + EXTRA_CONNECTIONS)
        if self._transport is not None:
            fit_transport(self._transport, self._pool_size, self.read_timeout(part_size))

    # -- clients ------------------------------------------------------------------------

    @property
    def service(self) -> BlobServiceClient:
        if self._service is None:
            raise RuntimeError("AzureProvider.connect() was not called")
        return self._service

    def _container(self, name: str) -> ContainerClient:
        check_container_name(name)
        only = self._connection.only_container
        if only and name != only:
            raise NotFound(f"This SAS only opens the container {only!r}, not {name!r}.", container=name)
        return self.service.get_container_client(name)

    def _blob(self, container: str, key: str) -> BlobClient:
        check_blob_name(key, container=container)
        return self._container(container).get_blob_client(key)

    # -- containers ---------------------------------------------------------------------

    def list_containers(self) -> list[ContainerInfo]:
        if self._connection.only_container:
            return [ContainerInfo(name=self._connection.only_container)]
        return listing.list_containers(self.service)

    def create_container(self, name: str, *, region: str | None = None) -> None:  # no regions here
        client = self._container(name)
        with azure_errors(f"Creating the container {name!r}", container=name):
            client.create_container()

    def delete_container(self, name: str, *, force: bool = False, cancel: CancelToken = NEVER) -> None:
        """Azure deletes a container with all its blobs in one call, so the emptiness
        check that our contract asks for comes first, as one listing request."""
        client = self._container(name)
        if not force and listing.has_any_blob(client):
            raise NotEmpty(
                f"The container {name!r} still holds blobs; delete them first, or confirm "
                "deleting the container with everything in it.",
                container=name,
            )
        cancel.raise_if_cancelled()
        with azure_errors(f"Deleting the container {name!r}", container=name):
            client.delete_container()

    # -- listing and reading ------------------------------------------------------------

    def list_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:
        return listing.list_blob_page(self._container(container), prefix, delimiter, token, limit)

    def stat(self, container: str, key: str) -> ObjectInfo:
        blob = self._blob(container, key)
        action = f"Reading the properties of {key!r} in {container!r}"
        with azure_errors(action, container=container, key=key):
            return object_info(blob.get_blob_properties(), key=key)

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
        piece = small_gets(chunk_size)  # the SDK's 8 MiB gets, or small ones while limited
        return iter_blob(self._blob(container, key), byte_range, cancel, receipt, piece=piece)

    def content_proof(
        self, container: str, key: str, listed: ObjectInfo | None = None, *, exact_layout: bool = False
    ) -> ContentProof:
        """``reading.blob_proof``: the blob's Content-MD5 where it has one, else the MD5 the
        service sends with each read. No request when listed."""
        return blob_proof(listed if listed is not None else self.stat(container, key))

    # -- writing ------------------------------------------------------------------------

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
        blob = self._blob(container, key)
        checked = check_metadata(metadata, key=key)
        tier = self._upload_tier(storage_class)
        self.check_encryption(encryption)
        scope = scope_of(encryption)
        cancel.raise_if_cancelled()
        body = ProgressStream(stream, progress, cancel)
        with azure_errors(f"Uploading {key!r} to {container!r}", container=container, key=key):
            scoped: dict[str, Any] = {"encryption_scope": scope} if scope else {}
            reply = blob.upload_blob(
                body,
                length=size,
                overwrite=True,
                validate_content=True,  # Content-MD5 per request: the service refuses changed bytes
                content_settings=new_content_settings(key, content_type),
                metadata=checked or None,
                **tier,
                **scoped,
            )
            check_scope(reply, scope, container, key)
        if size is None or reply.get("etag") is None:
            with azure_errors(f"Reading back {key!r} in {container!r}", container=container, key=key):
                return object_info(blob.get_blob_properties(), key=key)
        # The answer and what was sent say what a Get Blob Properties would: one request
        # per small blob, not two. (Its Content-MD5 is not the blob's when the SDK sent
        # blocks, so none is claimed; the tier is the one asked, else unknown.)
        return ObjectInfo(key=key, size=size, modified=reply.get("last_modified"),
                          etag=strip_etag(reply["etag"]),
                          content_type=new_content_settings(key, content_type).content_type,
                          metadata=checked or {}, storage_class=_asked_tier(tier))  # fmt: skip

    def delete_object(self, container: str, key: str) -> None:
        deleting.delete_blob(self._blob(container, key))

    def delete_objects(
        self, container: str, keys: Sequence[str], *, cancel: CancelToken = NEVER
    ) -> dict[str, StorageError]:
        client = self._container(container)
        refused: dict[str, StorageError] = {}
        for key in keys:
            try:
                check_blob_name(key, container=container)
            except InvalidName as error:
                refused[key] = error
        valid = [key for key in keys if key not in refused]
        return {**refused, **deleting.delete_many(self._batch, client, valid, cancel)}

    # -- properties -----------------------------------------------------------------------

    def get_properties(self, container: str, key: str) -> ObjectProperties:
        blob = self._blob(container, key)
        action = f"Reading the properties of {key!r} in {container!r}"
        with azure_errors(action, container=container, key=key):
            return object_properties(blob.get_blob_properties(), key)

    def _check_user_metadata(self, metadata: Mapping[str, str], key: str | None) -> None:
        check_metadata(metadata, key=key)

    def set_properties(
        self,
        container: str,
        key: str,
        *,
        metadata: Mapping[str, str] | None = None,
        system: Mapping[str, str | None] | None = None,
        if_match: str | None = None,
    ) -> ObjectInfo:
        """Set Blob Properties (content settings), then Set Blob Metadata, each on the
        condition that the ETag is the one read before (``IfNotModified``), the second
        chained on the ETag the first produced, so no other writer can slip in between.

        Set Blob Properties replaces ALL content settings (an omitted Content-MD5 is
        cleared), so every setting not being changed is sent again as it was. If the
        metadata write fails after the content settings were written, those are put back
        (on the condition that nobody changed the blob since our write) and the error says
        whether that worked: the edit is applied whole or not at all, unless that undo
        fails too.
        """
        self.check_properties(metadata, system, key=key)
        blob = self._blob(container, key)
        action = f"Changing the properties of {key!r} in {container!r}"
        with azure_errors(action, container=container, key=key):
            current = blob.get_blob_properties()
        shown = if_match if if_match is not None else strip_etag(current.etag)
        if if_match is not None and not same_etag(if_match, current.etag):
            raise object_changed(container, key, if_match, strip_etag(current.etag))
        write = partial(write_if_unchanged, action=action, container=container, key=key, shown=shown)
        etag = current.etag
        if system:
            settings = changed_content_settings(current.content_settings, **system_changes(system, key))
            etag = write(partial(blob.set_http_headers, settings), etag)
        if metadata is not None:
            try:
                write(partial(blob.set_blob_metadata, dict(metadata)), etag)
            except StorageError as error:
                if system:
                    raise self._undo_settings(blob, current.content_settings, etag, error) from None
                raise
        return self.stat(container, key)

    def _undo_settings(
        self, blob: BlobClient, settings: ContentSettings, etag: str, error: StorageError
    ) -> StorageError:
        """Put the content settings back after the metadata write failed; the error to raise."""
        key = blob.blob_name
        where = {"container": blob.container_name, "key": key}
        changed = isinstance(error, PreconditionFailed)
        why = "another client changed it meanwhile" if changed else error.message
        head = f"The user metadata of {key!r} could not be changed ({why}); its content settings"
        try:
            write_if_unchanged(partial(blob.set_http_headers, settings), etag,
                               action=f"Putting back the content settings of {key!r}",
                               shown=strip_etag(etag) or "", **where)  # fmt: skip
        except StorageError:
            message = f"{head} had been changed already and stay changed. Reload it and edit again."
        else:
            message = f"{head} were put back as they were: nothing was changed."
        return type(error)(message, **where)

    def get_http_headers(self, container: str, key: str) -> dict[str, str | None]:
        """The blob's content settings by SDK name (see ``HTTP_HEADERS``), for editing."""
        system = self.get_properties(container, key).system
        return {name: system.get(name) for name in sorted(HTTP_HEADERS)}

    def set_http_headers(self, container: str, key: str, **changes: str | None) -> ObjectInfo:
        """Change some content settings (``content_type``, ``cache_control``,
        ``content_disposition``, ``content_encoding``, ``content_language``); the others,
        Content-MD5 included, are kept (``set_properties``)."""
        if unknown := sorted(set(changes) - HTTP_HEADERS):
            raise ValueError(f"not content settings: {', '.join(unknown)}")
        return self.set_properties(container, key, system=changes)

    # -- access tiers, rehydration, index tags -------------------------------------------

    def storage_classes(self) -> StorageClasses:
        return tiers.AZURE_TIERS

    def _upload_tier(self, storage_class: str | None) -> dict[str, Any]:
        if storage_class is None:
            return {}
        return {"standard_blob_tier": tiers.sdk_tier(self.check_storage_class(storage_class).name)}

    def set_storage_class(
        self, container: str, key: str, storage_class: str, *, priority: str | None = None
    ) -> ClassChange:
        """Set Blob Tier; out of Archive it is a rehydration at ``priority`` (Standard)."""
        tier = self.check_storage_class(storage_class).name
        return tiers.set_tier(self._blob(container, key), tier, tiers.AZURE_TIERS.priority(priority))

    def restore_object(
        self,
        container: str,
        key: str,
        *,
        days: int | None = None,
        priority: str | None = None,
        storage_class: str | None = None,
    ) -> ObjectInfo:
        """Rehydrate into ``storage_class`` (Hot when not given), for good: no days."""
        target, wanted = tiers.rehydration_asked(days, storage_class, priority)
        return tiers.rehydrate(self._blob(container, key), target, wanted)

    def get_tags(self, container: str, key: str) -> dict[str, str]:
        return tagging.get_tags(self._blob(container, key))

    def check_tags(self, tags: Mapping[str, str], *, key: str | None = None) -> None:
        AZURE_TAG_RULES.check(tags, key=key)

    def set_tags(self, container: str, key: str, tags: Mapping[str, str]) -> None:
        tagging.set_tags(self._blob(container, key), tags)

    def copy_object(
        self,
        src_container: str,
        src_key: str,
        dst_container: str,
        dst_key: str,
        *,
        metadata: Mapping[str, str] | None = None,
        content_type: str | None = None,
        cancel: CancelToken = NEVER,
    ) -> ObjectInfo:
        source = self._blob(src_container, src_key)
        target = self._blob(dst_container, dst_key)
        checked = check_metadata(metadata, key=dst_key) if metadata is not None else None
        source_url = self._readable_url(source)
        copying.copy_blob(source_url, target, metadata=checked, cancel=cancel)
        if content_type is not None:
            return self.set_http_headers(dst_container, dst_key, content_type=content_type)
        return self.stat(dst_container, dst_key)

    def _readable_url(self, blob: BlobClient) -> str:
        """The source URL the service can read: a short SAS when we hold the key; with a
        SAS credential the client's URL carries it; with Azure AD same-account copies are
        authorised by the destination request."""
        if self._key is not None:
            return blob_sas_url(blob, self._key, timedelta(hours=1), "GET")
        return version_url(blob.url, blob.version_id) if blob.version_id else blob.url

    # -- sharing and websites -------------------------------------------------------------

    def share_url(self, container: str, key: str, *, expires_in: timedelta, method: str = "GET") -> str:
        """A URL that works without credentials until ``expires_in`` from now. PUT needs
        the header ``x-ms-blob-type: BlockBlob`` from whoever uses it."""
        if self._key is None:
            raise self._unsupported(
                f"time-limited URLs with {self._connection.auth} credentials "
                "(signing one needs the account key)"
            )
        return blob_sas_url(self._blob(container, key), self._key, expires_in, method)

    def set_website(self, container: str, config: WebsiteConfig) -> WebsiteConfig:
        self._require(self.capabilities.static_website, "static websites with these credentials")
        return website.set_website(self.service, container, config)

    def get_website(self, container: str) -> WebsiteConfig | None:
        self._require(self.capabilities.static_website, "static websites with these credentials")
        return website.get_website(self.service, container)

    def object_url(self, container: str, key: str) -> str:
        """The blob's address without any SAS the account was opened with."""
        return self._blob(container, key).url.split("?", 1)[0]

    def _require(self, capability: bool, what: str) -> None:
        if not capability:
            raise self._unsupported(what)


def _asked_tier(upload_tier: Mapping[str, Any]) -> str | None:
    """The tier name an upload asked (``_upload_tier``'s argument), ``None``: the default."""
    tier = upload_tier.get("standard_blob_tier")
    return None if tier is None else str(getattr(tier, "value", tier))
