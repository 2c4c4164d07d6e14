"""Static Large Objects: Swift's uploads in parts.

Segments go to ``<container>_segments`` (the convention of the swift CLI and Cyberduck)
under a prefix unique to the upload,
``<key>/slo/<timestamp>/<part_size>/<upload-id>/<n:08d>``, so two uploads of one key
never mix and ``uploaded_parts`` can list what a resumed upload already has. The
manifest (``?multipart-manifest=put``) lists path, etag and size of each segment and
carries the object's content type and metadata. The parallel part loop is
``transfers/parts.py``; this module only says how one part, the manifest and an abort
are done.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import InvalidName, NotFound, StorageError
from storebrowser.core.types import ObjectInfo, PartRecord, ProgressCallback
from storebrowser.providers.base import MultipartUpload
from storebrowser.providers.streams import ProgressStream
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.deleting import keeps_versions
from storebrowser.providers.swift.listing import iter_raw_entries
from storebrowser.providers.swift.metadata import info_from_headers, is_slo, metadata_headers
from storebrowser.providers.swift.reading import head

log = logging.getLogger(__name__)

SEGMENTS_SUFFIX = "_segments"
MANIFEST_PUT = "multipart-manifest=put"
MANIFEST_GET = "multipart-manifest=get"

#: Deletes plain objects ``(container, names)``; the provider's bulk-or-one-by-one delete.
SegmentDeleter = Callable[[str, list[str]], None]


def segment_container_of(container: str) -> str:
    return container + SEGMENTS_SUFFIX


def new_segment_prefix(key: str, part_size: int) -> str:
    return f"{key}/slo/{time.time():.6f}/{part_size}/{uuid.uuid4().hex}/"


class SloUpload(MultipartUpload):
    def __init__(
        self,
        client: SwiftClient,
        container: str,
        key: str,
        part_size: int,
        *,
        segment_container: str,
        segment_prefix: str,
        content_type: str,
        metadata: Mapping[str, str],
        delete_segments: SegmentDeleter,
    ) -> None:
        super().__init__(container, key, part_size)
        self._client = client
        self._delete_segments = delete_segments
        self._completed = False
        self.segment_container = segment_container
        self.segment_prefix = segment_prefix
        self.content_type = content_type
        self.metadata = dict(metadata)

    def state(self) -> dict[str, Any]:
        return {
            "container": self.container,
            "key": self.key,
            "part_size": self.part_size,
            "segment_container": self.segment_container,
            "segment_prefix": self.segment_prefix,
            "content_type": self.content_type,
            "metadata": dict(self.metadata),
        }

    @classmethod
    def from_state(
        cls, client: SwiftClient, state: Mapping[str, Any], delete_segments: SegmentDeleter
    ) -> SloUpload:
        try:
            return cls(
                client,
                str(state["container"]),
                str(state["key"]),
                int(state["part_size"]),
                segment_container=str(state["segment_container"]),
                segment_prefix=str(state["segment_prefix"]),
                content_type=str(state["content_type"]),
                metadata=dict(state.get("metadata") or {}),
                delete_segments=delete_segments,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise NotFound(
                f"This saved upload cannot be resumed: its state is incomplete ({error})."
            ) from error

    def segment_name(self, number: int) -> str:
        return f"{self.segment_prefix}{number:08d}"

    def upload_part(
        self,
        number: int,
        data: bytes,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = NEVER,
    ) -> PartRecord:
        name = self.segment_name(number)
        md5 = hashlib.md5(data, usedforsecurity=False).hexdigest()  # Swift checks it: 422 on mismatch
        cancel.raise_if_cancelled()
        self._client.call(
            f"Uploading part {number} of {self.key!r}",
            lambda c: c.put_object(
                self.segment_container, name, ProgressStream.of_bytes(data, progress, cancel),
                content_length=len(data), etag=md5,
            ),
            container=self.segment_container,
            key=name,
        )  # fmt: skip
        return PartRecord(number=number, size=len(data), token=name, checksum=md5)

    def complete(self, parts: Sequence[PartRecord], *, whole_md5: bytes | None = None) -> ObjectInfo:
        ordered = sorted(parts, key=lambda part: part.number)
        if [part.number for part in ordered] != list(range(1, len(ordered) + 1)):
            raise InvalidName(f"The parts of {self.key!r} are not numbered 1..n; cannot complete.")
        manifest = [
            {
                "path": f"/{self.segment_container}/{part.token}",
                "etag": part.checksum,
                "size_bytes": part.size,
            }
            for part in ordered
        ]
        headers = {"Content-Type": self.content_type, **metadata_headers(self.metadata)}
        replaced = segments_to_free(self._client, self.container, self.key)
        self._client.call(
            f"Saving the manifest of {self.key!r}",
            lambda c: c.put_object(
                self.container, self.key, json.dumps(manifest), headers=headers,
                query_string=MANIFEST_PUT,
            ),
            container=self.container,
            key=self.key,
        )  # fmt: skip
        # From here on the object exists and needs its segments: an abort (which the
        # part driver calls on any error) must not delete them.
        self._completed = True
        kept = {part["path"] for part in manifest}
        self._delete_replaced({path: where for path, where in replaced.items() if path not in kept})
        try:
            return info_from_headers(self.key, head(self._client, self.container, self.key))
        except StorageError:
            return ObjectInfo(
                self.key, sum(part.size for part in ordered), content_type=self.content_type,
                metadata=self.metadata,
            )  # fmt: skip

    def _delete_replaced(self, segments: Mapping[str, tuple[str, str]]) -> None:
        delete_replaced_segments(self._delete_segments, self.key, segments)

    def abort(self) -> None:
        if self._completed:
            return
        try:
            names = [part.token for part in self.uploaded_parts()]
        except NotFound:
            return  # no segments container: nothing was uploaded
        if names:
            self._delete_segments(self.segment_container, names)

    def uploaded_parts(self) -> list[PartRecord]:
        parts: list[PartRecord] = []
        for entry in iter_raw_entries(self._client, self.segment_container, self.segment_prefix):
            suffix = entry["name"][len(self.segment_prefix) :]
            if suffix.isdigit():
                parts.append(PartRecord(int(suffix), int(entry["bytes"]), entry["name"], entry.get("hash")))
        return parts


def ensure_segment_container(client: SwiftClient, container: str) -> str:
    """Create ``<container>_segments`` unless it exists (a PUT is idempotent in Swift)."""
    from storebrowser.providers.swift.names import check_container_name

    name = segment_container_of(container)
    check_container_name(name)
    client.call(f"Creating the segments container {name!r}", lambda c: c.put_container(name), container=name)
    return name


def manifest_segments(client: SwiftClient, container: str, key: str) -> dict[str, tuple[str, str]]:
    """The segments of ``key`` when it is an SLO: ``{"/c/name": ("c", "name")}``; empty
    when it is missing or not an SLO."""
    try:
        if not is_slo(head(client, container, key)):
            return {}  # checked first: a GET of a plain object would download it
        _headers, body = client.call(
            f"Reading the manifest of {key!r}",
            lambda c: c.get_object(container, key, query_string=MANIFEST_GET),
            container=container,
            key=key,
        )
    except NotFound:
        return {}
    segments: dict[str, tuple[str, str]] = {}
    for entry in json.loads(body):
        path = str(entry.get("name", ""))
        segment_container, _, name = path.lstrip("/").partition("/")
        if segment_container and name and not entry.get("sub_slo"):
            segments[path] = (segment_container, name)
    return segments


def segments_to_free(client: SwiftClient, container: str, key: str) -> dict[str, tuple[str, str]]:
    """The segments a write over ``key`` would leave unused: its manifest's, unless the
    container keeps versions, where the replaced manifest stays as a version and still
    needs every one of them (deleting them made earlier versions unreadable: 409)."""
    segments = manifest_segments(client, container, key)
    return {} if segments and keeps_versions(client, container) else segments


def delete_replaced_segments(
    deleter: SegmentDeleter, key: str, segments: Mapping[str, tuple[str, str]]
) -> None:
    """Segments of an SLO that was overwritten would be stored, and billed, forever.
    Best effort: the new object is stored already, and that is what counts."""
    by_container: dict[str, list[str]] = {}
    for container, name in segments.values():
        by_container.setdefault(container, []).append(name)
    for container, names in by_container.items():
        try:
            deleter(container, names)
        except StorageError:
            log.warning("could not delete %d old segments of %r in %r", len(names), key, container)
