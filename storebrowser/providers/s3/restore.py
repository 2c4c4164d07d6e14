"""RestoreObject: a readable copy of a GLACIER / DEEP_ARCHIVE object for some days, or an
Intelligent-Tiering object brought back from its archive tier for good. Everything that
can be known from the object's HEAD is checked before the request goes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from storebrowser.core.archive import ArchiveState
from storebrowser.core.errors import InvalidStorageClass, NotArchived, ObjectArchived
from storebrowser.core.tiers import StorageClasses
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.s3 import reading
from storebrowser.providers.s3.archive import ARCHIVE_CLASSES, archive_name, archive_status
from storebrowser.providers.s3.errors import s3_errors
from storebrowser.providers.s3.listing import object_from_head

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.literals import TierType
    from mypy_boto3_s3.type_defs import RestoreRequestTypeDef

#: Where Expedited retrieval is not offered.
_NO_EXPEDITED = frozenset({"DEEP_ARCHIVE", "DEEP_ARCHIVE_ACCESS"})
DEFAULT_PRIORITY = "Standard"


def restore(
    client: S3Client,
    bucket: str,
    key: str,
    classes: StorageClasses,
    *,
    days: int | None,
    priority: str | None,
) -> ObjectInfo:
    """Ask for the restore; the object as it is then (``archive`` RESTORING, or RESTORED
    where the server is quick). A restore under way already is left alone (nothing sent);
    a restored copy gets its days extended, as S3 does on a second request."""
    tier = classes.priority(priority) or DEFAULT_PRIORITY
    head = reading.head(client, bucket, key)
    status = archive_status(head)
    if status is None:
        raise NotArchived(
            f"{key!r} is in {head.get('StorageClass') or 'STANDARD'}, not archived: it can be read as it "
            "is, so there is nothing to restore.",
            container=bucket,
            key=key,
        )
    if status.state is ArchiveState.RESTORING:
        return object_from_head(key, head)
    request = _request(head, key, days, tier)
    try:
        with s3_errors(f"Restoring {key!r} from {archive_name(head)}", container=bucket, key=key):
            client.restore_object(Bucket=bucket, Key=key, RestoreRequest=request)
    except ObjectArchived as error:
        if not error.restoring:  # RestoreAlreadyInProgress: someone asked meanwhile
            raise
    return reading.stat(client, bucket, key)


def _request(head: Mapping[str, Any], key: str, days: int | None, tier: str) -> RestoreRequestTypeDef:
    in_class = head.get("StorageClass") in ARCHIVE_CLASSES
    where = archive_name(head)
    if in_class and days is None:
        raise InvalidStorageClass(
            f"Restoring {key!r} from {where}: S3 keeps the restored copy for a number of days "
            "(1 or more); say how many."
        )
    if in_class and days is not None and days < 1:
        raise InvalidStorageClass(
            f"Restoring {key!r}: {days} days asked; S3 keeps a restored copy 1 day at least."
        )
    if not in_class and days is not None:
        raise InvalidStorageClass(
            f"Restoring {key!r} from {where}: an Intelligent-Tiering restore moves the object back "
            "for good, so S3 takes no number of days; leave it out."
        )
    deep = head.get("StorageClass") in _NO_EXPEDITED or head.get("ArchiveStatus") in _NO_EXPEDITED
    if tier == "Expedited" and deep:
        raise InvalidStorageClass(
            f"Restoring {key!r} from {where}: Expedited retrieval is not offered from Deep Archive; "
            "choose Standard (within 12 hours) or Bulk (within 48 hours)."
        )
    # One of S3's priorities: classes.priority() accepted it.
    request: RestoreRequestTypeDef = {"GlacierJobParameters": {"Tier": cast("TierType", tier)}}
    if days is not None:
        request["Days"] = days
    return request
