"""What Swift vouches for about an object's bytes (``Provider.content_proof``).

- A plain object: its ETag is the MD5 of its content (Swift checks it on upload).
- An SLO: ``?multipart-manifest=get`` lists each segment's ETag (its content's MD5) and
  size; the SLO's own ETag is the MD5 of those ETags concatenated, which proves the
  manifest read is the one the object is served from. Segments that are ranges of
  another object or nested manifests have no MD5 of their bytes: checked by size only.
- A DLO: the segments are the objects under ``X-Object-Manifest``'s prefix, in name
  order; the DLO's ETag is the MD5 of their listed ETags, which proves the listing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote

from storebrowser.core.digests import ContentProof, Segment, nothing_vouched, whole_md5
from storebrowser.core.errors import NotFound, Transient
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.listing import iter_raw_entries
from storebrowser.providers.swift.metadata import info_from_headers, is_slo
from storebrowser.providers.swift.reading import head
from storebrowser.providers.swift.slo import MANIFEST_GET


def content_proof(client: SwiftClient, container: str, key: str, query: str | None = None) -> ContentProof:
    """Of the current object, or of a version (``query``: ``version-id=...``)."""
    headers = head(client, container, key, query)
    info = info_from_headers(key, headers)
    if info.content_md5:
        return whole_md5(info, info.content_md5, "Swift ETag")
    if is_slo(headers):
        entries = _manifest(client, container, key, query)
        return _segments_proof(info, [_slo_segment(entry) for entry in entries], "Swift SLO manifest")
    manifest = headers.get("x-object-manifest")
    if manifest:
        return _segments_proof(info, _dlo_segments(client, manifest), "Swift DLO segment listing")
    return nothing_vouched(info, "the ETag is not an MD5 of the content")


def _manifest(client: SwiftClient, container: str, key: str, query: str | None) -> list[dict[str, Any]]:
    asked = f"{MANIFEST_GET}&{query}" if query else MANIFEST_GET
    _headers, body = client.call(
        f"Reading the manifest of {key!r}",
        lambda c: c.get_object(container, key, query_string=asked),
        container=container,
        key=key,
    )
    entries = json.loads(body)
    return entries if isinstance(entries, list) else []


#: A segment as a manifest or listing gives it: (size, MD5 of its bytes or None, what it
#: adds to the manifest's ETag).
_Listed = tuple[int, str | None, str]


def _slo_segment(entry: Mapping[str, Any]) -> _Listed:
    if "data" in entry:  # inline bytes in the manifest
        raw = base64.b64decode(str(entry["data"]))
        md5 = hashlib.md5(raw, usedforsecurity=False).hexdigest()
        return len(raw), md5, md5
    etag = str(entry.get("hash", "")).strip('"').lower()
    size = int(entry.get("bytes", 0))
    if entry.get("range"):
        first, last = _range_bounds(str(entry["range"]), size)
        return last - first, None, f"{etag}:{entry['range']};"
    if str(entry.get("sub_slo", "")).lower() in ("true", "1"):
        return size, None, etag  # a nested manifest's ETag, not its content's MD5
    return size, etag, etag


def _range_bounds(text: str, size: int) -> tuple[int, int]:
    """``M-N``, ``M-`` or ``-N`` of a segment of ``size`` bytes as ``[start, end)``."""
    first, _, last = text.partition("-")
    if not first:
        return max(0, size - int(last)), size
    return int(first), min(size, int(last) + 1) if last else size


def _dlo_segments(client: SwiftClient, manifest: str) -> list[_Listed]:
    container, _, prefix = unquote(manifest).partition("/")
    try:
        entries: Iterable[dict[str, Any]] = list(iter_raw_entries(client, container, prefix))
    except NotFound:
        return []
    listed: list[_Listed] = []
    for entry in entries:
        etag = str(entry.get("hash", "")).lower()
        listed.append((int(entry.get("bytes", 0)), etag, etag))
    return listed


def _segments_proof(info: ObjectInfo, listed: list[_Listed], label: str) -> ContentProof:
    manifest_etag = hashlib.md5("".join(part for _, _, part in listed).encode("ascii"),
                                usedforsecurity=False).hexdigest()  # fmt: skip
    total = sum(size for size, _, _ in listed)
    if manifest_etag != (info.etag or "").lower() or total != info.size:
        # Changed between the HEAD and this read (a DLO's listing may also lag its writes).
        raise Transient(f"The segments of {info.key!r} do not match the object; it may be changing. "
                        "Try again.", key=info.key)  # fmt: skip
    segments = []
    start = 0
    for size, md5, _ in listed:
        segments.append(Segment(start, start + size, md5))
        start += size
    proof = ContentProof(info, label, segments=tuple(segments))
    if not proof.segment_digests:
        return nothing_vouched(info, f"no segment of the {label} has an MD5 of its bytes")
    return proof
