"""What a key's versions say of it, from the entries alone (no I/O): whether it exists
now, and whether two versions hold the same bytes. Shared by the versions package (its
plans) and the transfer kind that applies a plan (``transfers.restoring``)."""

from __future__ import annotations

from storebrowser.core.types import ObjectVersion


def is_current(group: list[ObjectVersion]) -> bool:
    """Whether the key of ``group`` exists now (its latest entry is content, not a delete
    marker; Swift can also leave a key with versions but none current)."""
    return bool(group) and group[0].is_latest and not group[0].is_delete_marker


def same_content(a: ObjectVersion, b: ObjectVersion) -> bool:
    """The same bytes, as far as the service tells: the same version, or the same size and
    ETag (S3, Swift: the MD5 of a plain object; an Azure snapshot keeps its blob's ETag),
    or the same size and Content-MD5. A copy made in parts has another ETag: then this
    says no, and restoring it again costs a copy but changes nothing."""
    if a.version_id == b.version_id:
        return True
    if a.size != b.size or a.is_delete_marker or b.is_delete_marker:
        return False
    if a.etag is not None and a.etag == b.etag:
        return True
    return a.content_md5 is not None and a.content_md5 == b.content_md5
