"""Blob properties both ways: user-metadata rules, content settings, ``ObjectInfo``."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from storebrowser.core.archive import ArchiveState, ArchiveStatus
from storebrowser.core.errors import InvalidMetadata
from storebrowser.core.mime import guess_type
from storebrowser.core.properties import CONTENT_TYPE, SYSTEM_PROPERTIES, ObjectProperties, object_changed
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.azure.errors import azure_errors, error_code, status_code

if TYPE_CHECKING:
    from azure.storage.blob import BlobProperties, ContentSettings

#: Content settings our system properties are, by the SDK's names (the same as ours).
CONTENT_SETTINGS = frozenset(SYSTEM_PROPERTIES)

#: Azure sends metadata as ``x-ms-meta-<key>`` headers and requires keys to be C#
#: identifiers; the service answers a bad key with a bare 400, so we check first.
_CSHARP_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
METADATA_LIMIT = 8 * 1024
KEY_RULE = (
    "Azure metadata keys must be valid C# identifiers: ASCII letters, digits and underscores, "
    "not starting with a digit (no '-', '.', spaces or accents)"
)


def check_metadata(metadata: Mapping[str, str] | None, *, key: str | None = None) -> dict[str, str]:
    """Refuse metadata Azure would refuse, quoting the rule; return it as a plain dict."""
    if not metadata:
        return {}
    where = f" on {key!r}" if key else ""
    for name, value in metadata.items():
        if not _CSHARP_IDENTIFIER.match(name):
            raise InvalidMetadata(f"Metadata key {name!r}{where} is not allowed. {KEY_RULE}.", key=key)
        if not value.isascii() or any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise InvalidMetadata(
                f"The value of metadata key {name!r}{where} is not allowed: Azure takes printable "
                "ASCII only (encode other text, e.g. as URL-escaped or base64).",
                key=key,
            )
    lowered = [name.lower() for name in metadata]
    if len(set(lowered)) != len(lowered):
        raise InvalidMetadata(f"Metadata keys{where} differ only by case; Azure treats them as one.", key=key)
    total = sum(len(name) + len(value) for name, value in metadata.items())
    if total > METADATA_LIMIT:
        raise InvalidMetadata(
            f"The metadata{where} holds {total} bytes; Azure allows 8 KiB of keys and values in all.",
            key=key,
        )
    return dict(metadata)


def new_content_settings(key: str, content_type: str | None, **others: Any) -> ContentSettings:
    from azure.storage.blob import ContentSettings

    return ContentSettings(content_type=content_type or guess_type(key), **others)


def changed_content_settings(current: ContentSettings, **changes: Any) -> ContentSettings:
    """A copy of ``current`` with ``changes`` applied.

    ``Set Blob Properties`` replaces ALL content settings (an omitted Content-MD5 is
    cleared), so every field not being changed is sent again as it was.
    """
    from azure.storage.blob import ContentSettings

    fields: dict[str, Any] = {
        "content_type": current.content_type,
        "content_encoding": current.content_encoding,
        "content_language": current.content_language,
        "content_disposition": current.content_disposition,
        "cache_control": current.cache_control,
        "content_md5": current.content_md5,
    }
    fields.update(changes)
    return ContentSettings(**fields)


def system_changes(system: Mapping[str, str | None], key: str) -> dict[str, str | None]:
    """``system`` as content-settings changes: ``""`` clears, a cleared Content-Type
    becomes the one guessed from the name (as at upload)."""
    changes: dict[str, str | None] = {name: value or None for name, value in system.items()}
    if CONTENT_TYPE in changes and not changes[CONTENT_TYPE]:
        changes[CONTENT_TYPE] = guess_type(key)
    return changes


def object_properties(properties: BlobProperties, key: str) -> ObjectProperties:
    settings = properties.content_settings
    system = {name: getattr(settings, name) or "" for name in SYSTEM_PROPERTIES} if settings else {}
    return ObjectProperties(object_info(properties, key=key), system, properties.version_id)


def write_if_unchanged(
    write: Callable[..., Mapping[str, Any]],
    etag: str,
    *,
    action: str,
    container: str,
    key: str,
    shown: str | None,
) -> str:
    """``write(etag=..., match_condition=IfNotModified)``: the service refuses it (412) when
    the blob's ETag is no longer ``etag``, and nothing changes. Returns the new ETag."""
    from azure.core import MatchConditions

    with azure_errors(action, container=container, key=key):
        try:
            reply = write(etag=etag, match_condition=MatchConditions.IfNotModified)
        except Exception as error:
            if status_code(error) == 412 or error_code(error) == "ConditionNotMet":
                raise object_changed(container, key, shown) from None
            raise
    return str(reply["etag"])


def object_info(properties: BlobProperties, *, key: str | None = None) -> ObjectInfo:
    """An ``ObjectInfo`` from a listing entry or from ``get_blob_properties``."""
    settings = properties.content_settings
    return ObjectInfo(
        key=key if key is not None else properties.name,
        size=properties.size or 0,
        modified=properties.last_modified,
        etag=strip_etag(properties.etag),
        content_type=settings.content_type if settings else None,
        metadata=dict(properties.metadata or {}),
        storage_class=_tier_name(properties.blob_tier),
        content_md5=hex_md5(settings.content_md5 if settings else None),
        archive=archive_status(properties),
    )


#: The offline tier: a blob in it must be rehydrated before it can be read.
ARCHIVE = "Archive"
_PENDING_PREFIX = "rehydrate-pending-to-"


def archive_status(properties: BlobProperties) -> ArchiveStatus | None:
    """From a listing entry or Get Blob Properties; ``None`` for an online blob."""
    return archive_of(
        _tier_name(getattr(properties, "blob_tier", None)),
        str(getattr(properties, "archive_status", None) or ""),
        getattr(properties, "rehydrate_priority", None) or None,
    )


def archive_of(tier: str | None, pending: str, priority: str | None) -> ArchiveStatus | None:
    """From the blob's tier, its ``ArchiveStatus`` and its ``RehydratePriority`` (as the
    service writes them; ``listing_xml`` reads them from a listing's XML)."""
    if pending.lower().startswith(_PENDING_PREFIX):
        target = pending[len(_PENDING_PREFIX) :].capitalize()
        return ArchiveStatus(ArchiveState.RESTORING, target=target, priority=priority)
    if tier == ARCHIVE:
        return ArchiveStatus(ArchiveState.ARCHIVED)
    return None


def hex_md5(value: bytes | bytearray | None) -> str | None:
    """Content-MD5 as hex. Azure computes it for blobs put in one request; a blob
    committed from blocks has one only when the writer set it (as azcopy does)."""
    return bytes(value).hex() if value and len(value) == 16 else None


def strip_etag(etag: str | None) -> str | None:
    return etag.strip('"') if etag else None


def _tier_name(tier: Any) -> str | None:
    if tier is None:
        return None
    return str(getattr(tier, "value", tier))
