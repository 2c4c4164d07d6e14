"""The Swift / Rackspace Cloud Files provider: the protocol, on top of the modules here
(auth, client pool, listing, reading, deleting, slo, sharing, metadata, errors)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import timedelta
from typing import Any, BinaryIO

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.capabilities import Capabilities
from storebrowser.core.digests import ContentProof, ReceiptCallback
from storebrowser.core.encryption import Encryption
from storebrowser.core.errors import AlreadyExists, ConsentRequired, NotEmpty, NotFound, StorageError
from storebrowser.core.mime import guess_type
from storebrowser.core.mtime import MtimeStyle
from storebrowser.core.properties import ObjectProperties, object_changed, same_etag
from storebrowser.core.ranges import ByteRange
from storebrowser.core.tiers import StorageClasses
from storebrowser.core.types import ContainerInfo, ObjectInfo, Page, ProgressCallback, WebsiteConfig
from storebrowser.providers.base import DEFAULT_CHUNK, MiB, MultipartUpload, Provider
from storebrowser.providers.swift import deleting, listing, proof, reading, sharing, versions
from storebrowser.providers.swift.auth import Authenticator, SwiftSettings
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.container_settings import REASONS, SwiftContainerSettings
from storebrowser.providers.swift.errors import TempUrlKeyMissing
from storebrowser.providers.swift.metadata import (
    SYSTEM_PROPERTIES,
    MetadataLimits,
    check_content_type,
    check_metadata,
    info_from_headers,
    metadata_headers,
    post_headers,
    properties_from_headers,
)
from storebrowser.providers.swift.names import check_container_name
from storebrowser.providers.swift.policies import (
    NO_TAGS,
    NOT_PER_OBJECT,
    ONE_POLICY,
    container_policy,
    policies_from_info,
)
from storebrowser.providers.swift.policies import create_container as create_policy_container
from storebrowser.providers.swift.replacing import SwiftReplacing
from storebrowser.providers.swift.slo import (
    SloUpload,
    delete_replaced_segments,
    ensure_segment_container,
    new_segment_prefix,
    segment_container_of,
    segments_to_free,
)
from storebrowser.providers.swift.uploading import put_info, put_plain
from storebrowser.providers.swift.versioned import SwiftVersions
from storebrowser.providers.urlpath import plain_url_path

#: A forced container delete retries a 409 (listings lag behind deletes) this often.
CONTAINER_DELETE_ATTEMPTS = 5
#: Idle connections kept beyond the transfers' own, for listing and previews meanwhile.
EXTRA_CONNECTIONS = 8


class SwiftProvider(SwiftReplacing, SwiftContainerSettings, SwiftVersions, Provider):
    kind = "swift"
    token_is_key = token_takes_end = True  # marker and end_marker: a walk's key ranges
    mtime_style = MtimeStyle.UNIX_SECONDS
    #: SLO's minimum segment is 1 byte; 1 MiB keeps memory low and tests fast.
    min_part_size = 1 * MiB
    #: SLO's default max_manifest_segments; ``connect`` reads the cluster's.
    max_parts = 1000

    def __init__(self, settings: SwiftSettings, *, timeout: float | None = None) -> None:
        """``timeout``: for signing in, and for requests until ``fit_transfers`` says."""
        self.settings = settings
        timeout = timeout or self.read_timeout()
        self.client = SwiftClient(Authenticator(settings, timeout=timeout), timeout=timeout)
        self.info: dict[str, Any] = {}
        self.limits = MetadataLimits()
        self.bulk_delete_batch = 0  # 0: no bulk middleware, delete one by one
        self.capabilities = self._capabilities()
        #: Whether ``<container>_segments`` exists, per container (asked once).
        self._has_segments: dict[str, bool] = {}

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> SwiftProvider:
        return cls(SwiftSettings.from_mapping(settings))

    def describe(self) -> str:
        where = self.settings.auth_url or self.settings.storage_url
        return f"Swift at {where}"

    def __repr__(self) -> str:
        return f"SwiftProvider({self.settings!r})"

    def connect(self) -> None:
        self.client.auth.current()
        self.info = self.client.capabilities()
        self.limits = MetadataLimits.from_info(self.info)
        bulk = self.info.get("bulk_delete")
        self.bulk_delete_batch = int(bulk.get("max_deletes_per_request", 10_000)) if bulk else 0
        swift = self.info.get("swift") or {}
        self.client.listing_limit = int(swift.get("container_listing_limit", listing.MAX_PAGE))
        slo = self.info.get("slo") or {}
        if "max_manifest_segments" in slo:
            self.max_parts = int(slo["max_manifest_segments"])
        # Older clusters ask 1 MiB at least per segment (but the last); current ones 1 byte.
        self.min_part_size = max(type(self).min_part_size, int(slo.get("min_segment_size", 1)))
        self.capabilities = self._capabilities()

    def _capabilities(self) -> Capabilities:
        policies = policies_from_info(self.info)
        several = policies is not None and len(policies.classes) > 1
        reasons = [("storage_tiers", NOT_PER_OBJECT), ("object_tags", NO_TAGS)]
        if not several:
            reasons.append(("container_classes", ONE_POLICY))
        return Capabilities(
            user_metadata=True,
            content_type=True,
            system_properties=SYSTEM_PROPERTIES,
            server_side_copy=True,
            ranged_read=True,
            multipart="slo" in self.info,
            static_website="staticweb" in self.info,
            presigned_urls="tempurl" in self.info,
            container_counts=True,
            container_classes=several,
            access_control=True,
            cors=True,
            object_expiry=True,
            reasons=(*reasons, *REASONS),
            versioning="object_versioning" in self.info,
            versioning_note=versions.COST_NOTE if "object_versioning" in self.info else versions.NOT_OFFERED,
        )

    def close(self) -> None:
        self.client.close()

    def fit_transfers(self, connections: int, part_size: int) -> None:
        self.client.fit(connections + EXTRA_CONNECTIONS, self.read_timeout(part_size))

    # -- containers ---------------------------------------------------------------------

    def list_containers(self) -> list[ContainerInfo]:
        return listing.list_containers(self.client)

    def create_container(self, name: str, *, region: str | None = None) -> None:  # no regions here
        check_container_name(name)
        reply: dict[str, Any] = {}
        self.client.call(
            f"Creating the container {name!r}",
            lambda c: c.put_container(name, response_dict=reply),
            container=name,
        )
        if reply.get("status") == 202:  # Swift answers 202 Accepted when it existed
            raise AlreadyExists(f"The container {name!r} exists already.", container=name)

    def delete_container(self, name: str, *, force: bool = False, cancel: CancelToken = NEVER) -> None:
        check_container_name(name)
        if force and self.capabilities.versioning:
            versions.empty_versions(self.client, name, cancel)
        for attempt in range(CONTAINER_DELETE_ATTEMPTS):
            if force:
                self._empty_container(name, cancel)
            try:
                self.client.call(
                    f"Deleting the container {name!r}",
                    lambda c: c.delete_container(name),
                    container=name,
                    conflict_means_not_empty=True,
                )
                return
            except NotEmpty:
                if not force or attempt == CONTAINER_DELETE_ATTEMPTS - 1:
                    raise
                cancel.wait(0.2 * (attempt + 1))  # the listing may lag behind the deletes
                cancel.raise_if_cancelled()

    def _empty_container(self, name: str, cancel: CancelToken) -> None:
        """Delete every object, page by page (one pass; ``delete_container`` repeats it
        when the listing lagged behind)."""
        marker: str | None = None
        while True:
            cancel.raise_if_cancelled()
            entries = listing.raw_page(self.client, name, marker=marker)
            if not entries:
                return
            slo = {e["name"] for e in entries if listing.is_slo_entry(e)}
            failures = self._delete_keys(name, [e["name"] for e in entries], slo, cancel)
            if failures:
                raise next(iter(failures.values()))
            marker = entries[-1]["name"]

    # -- storage policies -----------------------------------------------------------------

    def storage_classes(self) -> StorageClasses:
        """The cluster's storage policies (scope CONTAINER): a container is created in one
        (``create_container_in_class``) and an object moves by a copy into a container of
        another (``copy_object``)."""
        policies = policies_from_info(self.info)
        if policies is None:
            raise self._unsupported("storage policies (the cluster's /info lists none)")
        return policies

    def create_container_in_class(self, name: str, storage_class: str) -> None:
        check_container_name(name)
        policy = self.check_storage_class(storage_class).name
        create_policy_container(self.client, name, policy)

    def container_storage_class(self, name: str) -> str | None:
        check_container_name(name)
        return container_policy(self.client, name)

    # -- objects ------------------------------------------------------------------------

    def list_page(
        self,
        container: str,
        prefix: str = "",
        delimiter: str | None = "/",
        token: str | None = None,
        limit: int = 1000,
    ) -> Page[ObjectInfo]:
        check_container_name(container)
        return listing.list_page(self.client, container, prefix, delimiter, token, limit)

    def stat(self, container: str, key: str) -> ObjectInfo:
        check_container_name(container)
        return info_from_headers(key, reading.head(self.client, container, key))

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
        check_container_name(container)
        return reading.iter_read(
            self.client, container, key, byte_range, chunk_size=chunk_size, cancel=cancel, receipt=receipt
        )

    def content_proof(
        self, container: str, key: str, listed: ObjectInfo | None = None, *, exact_layout: bool = False
    ) -> ContentProof:
        """A HEAD; an SLO's manifest or a DLO's segment listing for the segments' ETags."""
        check_container_name(container)
        return proof.content_proof(self.client, container, key)

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
        check_container_name(container)
        checked = check_metadata(metadata, self.limits)
        check_content_type(content_type)
        cancel.raise_if_cancelled()
        headers = {"Content-Type": content_type or guess_type(key), **metadata_headers(checked)}
        replaced = self._segments_replaced_by_write(container, key)
        answer = put_plain(
            self.client, container, key, stream,
            size=size, headers=headers, progress=progress, cancel=cancel,
        )  # fmt: skip
        delete_replaced_segments(self._delete_segments, key, replaced)
        return put_info(key, answer, headers, size) or self.stat(container, key)

    def delete_object(self, container: str, key: str) -> None:
        check_container_name(container)
        deleting.delete_one(self.client, container, key)

    def delete_objects(
        self, container: str, keys: Sequence[str], *, cancel: CancelToken = NEVER
    ) -> dict[str, StorageError]:
        check_container_name(container)
        if not keys:
            return {}
        slo = deleting.find_slo_keys(self.client, container, keys)
        if slo and deleting.keeps_versions(self.client, container):
            slo = set()  # each manifest stays as a version, with its segments
        return self._delete_keys(container, list(keys), slo, cancel)

    def _delete_keys(
        self, container: str, keys: list[str], slo: set[str], cancel: CancelToken
    ) -> dict[str, StorageError]:
        failures = deleting.delete_each(self.client, container, [k for k in keys if k in slo], slo, cancel)
        plain = [key for key in keys if key not in slo]
        if self.bulk_delete_batch:
            failures.update(
                deleting.bulk_delete(
                    self.client, container, plain, batch=self.bulk_delete_batch, cancel=cancel
                )
            )
        else:
            failures.update(deleting.delete_each(self.client, container, plain, set(), cancel))
        return failures

    # -- optional -----------------------------------------------------------------------

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
        """Server-side COPY. The copy of an SLO is a plain object holding all its bytes
        (up to the cluster's max_file_size), so deleting either never harms the other."""
        for name in (src_container, dst_container):
            check_container_name(name)
        headers: dict[str, str] = {}
        if metadata is not None:
            headers.update(metadata_headers(check_metadata(metadata, self.limits)))
        if content_type is not None:
            check_content_type(content_type)
            headers["Content-Type"] = content_type
        replaced = self._segments_replaced_by_write(dst_container, dst_key)
        self.client.call(
            f"Copying {src_key!r} to {dst_container!r}/{dst_key!r}",
            lambda c: c.copy_object(
                src_container, src_key, destination=f"/{dst_container}/{dst_key}",
                headers=headers, fresh_metadata=True if metadata is not None else None,
            ),
            container=src_container,
            key=src_key,
            slow=True,
        )  # fmt: skip
        delete_replaced_segments(self._delete_segments, dst_key, replaced)
        return self.stat(dst_container, dst_key)

    def get_properties(self, container: str, key: str) -> ObjectProperties:
        check_container_name(container)
        return properties_from_headers(key, reading.head(self.client, container, key))

    def _check_user_metadata(self, metadata: Mapping[str, str], key: str | None) -> None:
        check_metadata(metadata, self.limits)

    def set_properties(
        self,
        container: str,
        key: str,
        *,
        metadata: Mapping[str, str] | None = None,
        system: Mapping[str, str | None] | None = None,
        if_match: str | None = None,
    ) -> ObjectInfo:
        """A Swift POST replaces all user metadata and drops system headers it does not
        carry: send the whole new set, and the kept system headers read by a HEAD.

        The ETag guard is a comparison with that HEAD: the object server does not honour
        If-Match on POST, so a write landing between the HEAD and the POST (a few
        milliseconds) is not seen, and its metadata are replaced by ours. A POST leaves
        the ETag (the MD5 of the content) as it is, so the guard sees content changes,
        not another client's metadata-only change.
        """
        check_container_name(container)
        self.check_properties(metadata, system, key=key)
        checked = check_metadata(metadata, self.limits) if metadata is not None else None
        current = reading.head(self.client, container, key)
        if if_match is not None and not same_etag(if_match, current.get("etag")):
            raise object_changed(container, key, if_match, info_from_headers(key, current).etag)
        if metadata is None and not system:
            return info_from_headers(key, current)
        headers = post_headers(key, current, checked, system)
        self.client.call(
            f"Changing the metadata of {key!r}",
            lambda c: c.post_object(container, key, headers),
            container=container,
            key=key,
        )
        return self.stat(container, key)

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
        self._refuse_class(storage_class)
        self.check_encryption(encryption)
        if not self.capabilities.multipart:
            raise self._unsupported("Static Large Objects (no 'slo' in the cluster's /info)")
        check_container_name(container)
        checked = check_metadata(metadata, self.limits)
        check_content_type(content_type)
        segment_container = ensure_segment_container(self.client, container)
        self._has_segments[segment_container] = True
        return SloUpload(
            self.client, container, key, part_size,
            segment_container=segment_container,
            segment_prefix=new_segment_prefix(key, part_size),
            content_type=content_type or guess_type(key),
            metadata=checked,
            delete_segments=self._delete_segments,
        )  # fmt: skip

    def resume_multipart(self, state: Mapping[str, Any]) -> MultipartUpload:
        if not self.capabilities.multipart:
            raise self._unsupported("Static Large Objects")
        upload = SloUpload.from_state(self.client, state, self._delete_segments)
        # NotFound when the segments container is gone; no segments under the upload's
        # prefix means it was aborted (or never got a part): nothing to resume either.
        if not upload.uploaded_parts():
            raise NotFound(
                f"The uploaded parts of {upload.key!r} are gone (the upload was cancelled or "
                "its segments deleted); start the upload again.",
                container=upload.container,
                key=upload.key,
            )
        return upload

    def _segments_replaced_by_write(self, container: str, key: str) -> dict[str, tuple[str, str]]:
        """The segments of ``key`` if it is an SLO a write is about to replace. Asked only
        where ``<container>_segments`` exists, so writes elsewhere cost no extra HEAD."""
        segment_container = segment_container_of(container)
        if segment_container not in self._has_segments:
            try:
                self.client.call(
                    f"Looking for {segment_container!r}",
                    lambda c: c.head_container(segment_container),
                    container=segment_container,
                )
                self._has_segments[segment_container] = True
            except NotFound:
                self._has_segments[segment_container] = False
        if not self._has_segments[segment_container]:
            return {}
        return segments_to_free(self.client, container, key)

    def _delete_segments(self, container: str, names: list[str]) -> None:
        failures = self._delete_keys(container, names, set(), NEVER)
        if failures:
            raise next(iter(failures.values()))

    def share_url(self, container: str, key: str, *, expires_in: timedelta, method: str = "GET") -> str:
        """A temp URL; ``TempUrlKeyMissing`` until the account has a key (ask the user,
        then ``set_temp_url_key``)."""
        if not self.capabilities.presigned_urls:
            raise self._unsupported("time-limited URLs (no 'tempurl' in the cluster's /info)")
        check_container_name(container)
        sharing.check_signable(container, key)
        signing_key = sharing.temp_url_key(self.client, container)
        digests = (self.info.get("tempurl") or {}).get("allowed_digests") or ["sha256"]
        digest = "sha256" if "sha256" in digests else digests[0]
        return sharing.temp_url(
            self.client, signing_key, container, key,
            expires_in=expires_in, method=method, digest=digest,
        )  # fmt: skip

    def object_url(self, container: str, key: str) -> str:
        check_container_name(container)
        return sharing.public_url(self.client, container) + plain_url_path(key)

    def grant(self, request: ConsentRequired) -> None:
        if not isinstance(request, TempUrlKeyMissing):
            super().grant(request)
            return
        self.set_temp_url_key()

    def set_temp_url_key(self, key: str | None = None) -> None:
        """Give the account a temp-URL key. Changes the account for every client: call it
        only after the user agreed. Existing keys are replaced."""
        sharing.set_temp_url_key(self.client, key)

    def set_website(self, container: str, config: WebsiteConfig) -> WebsiteConfig:
        """Publish through staticweb. ``error_document`` is a suffix: a 404 serves
        ``404<error_document>`` (e.g. ``404error.html``)."""
        if not self.capabilities.static_website:
            raise self._unsupported("static websites (no 'staticweb' in the cluster's /info)")
        check_container_name(container)
        return sharing.set_website(self.client, container, config)

    def get_website(self, container: str) -> WebsiteConfig | None:
        if not self.capabilities.static_website:
            raise self._unsupported("static websites (no 'staticweb' in the cluster's /info)")
        check_container_name(container)
        return sharing.get_website(self.client, container)
