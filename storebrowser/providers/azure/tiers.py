"""Azure access tiers (Set Blob Tier) and rehydration from the Archive tier.

A tier change leaves the blob's content, metadata, content settings and index tags as
they are (it is a property of the blob, not a copy). Moving a blob out of Archive is a
rehydration: the blob stays unreadable, ``archive_status`` saying
``rehydrate-pending-to-<tier>``, until the service has moved it (hours; less at High
priority), and its tier cannot be changed again meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storebrowser.core.archive import ArchiveState
from storebrowser.core.errors import InvalidStorageClass, NotArchived
from storebrowser.core.tiers import (
    Choice,
    ClassChange,
    ClassScope,
    StorageClass,
    StorageClasses,
    archived_error,
)
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.azure.properties import ARCHIVE, archive_status, object_info

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient, BlobProperties

AZURE_TIERS = StorageClasses(
    scope=ClassScope.OBJECT,
    noun="access tier",
    classes=(
        StorageClass("Hot", "Frequently read data: dearest to keep, cheapest to read.", default=True),
        StorageClass("Cool", "Infrequently read: cheaper to keep, dearer to read; 30 days at least."),
        StorageClass("Cold", "Rarely read: cheaper still to keep; 90 days at least."),
        StorageClass(
            ARCHIVE,
            "Offline: cheapest; rehydrated in up to 15 hours to read; 180 days at least.",
            archive=True,
        ),
    ),
    priorities=(
        Choice("Standard", "Within 15 hours."),
        Choice("High", "Under an hour for blobs below 10 GB, at a higher price."),
    ),
    restore_days=False,
    restore_targets=("Hot", "Cool", "Cold"),
)
DEFAULT_TARGET = "Hot"


def sdk_tier(name: str) -> Any:
    """The SDK's ``StandardBlobTier`` for a tier name (uploads want the enum, not a string)."""
    from azure.storage.blob import StandardBlobTier

    return StandardBlobTier(name)


def set_tier(blob: BlobClient, tier: str, priority: str | None) -> ClassChange:
    """Set Blob Tier; ``priority`` only where the blob leaves Archive (a rehydration)."""
    key = blob.blob_name
    action = f"Changing the access tier of {key!r} to {tier}"
    where = {"container": blob.container_name, "key": key}
    with azure_errors(action, **where):
        before = blob.get_blob_properties()
    status = archive_status(before)
    if status is not None and status.state is ArchiveState.RESTORING:
        raise archived_error(action, storage_class=ARCHIVE, restoring=True, **where)
    if _tier(before) == tier:
        return ClassChange(object_info(before, key=key), note=f"already in {tier}", changed=False)
    leaving_archive = status is not None and tier != ARCHIVE
    if priority is not None and not leaving_archive:
        raise InvalidStorageClass(
            f"{action}: a rehydrate priority is only for a blob leaving the Archive tier; "
            f"{key!r} is in {_tier(before)}."
        )
    options: dict[str, Any] = {"rehydrate_priority": priority or "Standard"} if leaving_archive else {}
    with azure_errors(action, **where):
        blob.set_standard_blob_tier(tier, **options)
        info = object_info(blob.get_blob_properties(), key=key)
    note = "rehydrating: readable once the service has moved it" if info.archive is not None else ""
    return ClassChange(info, note)


def rehydrate(blob: BlobClient, target: str, priority: str) -> ObjectInfo:
    """Bring an archived blob back to ``target``; a rehydration under way is left alone."""
    key = blob.blob_name
    where = {"container": blob.container_name, "key": key}
    with azure_errors(f"Rehydrating {key!r}", **where):
        before = blob.get_blob_properties()
    status = archive_status(before)
    if status is None:
        raise NotArchived(
            f"{key!r} is in the {_tier(before) or 'default'} tier, not archived: it can be read as it "
            "is, so there is nothing to rehydrate.",
            **where,
        )
    if status.state is ArchiveState.RESTORING:
        return object_info(before, key=key)
    return set_tier(blob, target, priority).info


def _tier(properties: BlobProperties) -> str | None:
    tier = getattr(properties, "blob_tier", None)
    return str(getattr(tier, "value", tier)) if tier else None


def rehydration_asked(days: int | None, storage_class: str | None, priority: str | None) -> tuple[str, str]:
    """The tier and priority of a restore as asked, checked before any request: Azure
    takes no days (a rehydration is for good) and rehydrates into an online tier only."""
    if days is not None:
        raise InvalidStorageClass(
            "Azure rehydrates a blob into an online tier for good, so it takes no number of "
            "days; leave it out."
        )
    target = AZURE_TIERS.find(storage_class or DEFAULT_TARGET).name
    if target not in AZURE_TIERS.restore_targets:
        raise InvalidStorageClass(
            f"A blob is rehydrated into {', '.join(AZURE_TIERS.restore_targets)}, not {target}."
        )
    return target, AZURE_TIERS.priority(priority) or "Standard"
