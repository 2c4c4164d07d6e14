"""S3 storage classes: the ones offered, and a change of class as a copy in place.

S3 has no "set class" call: an object changes class by a CopyObject onto itself with the
new ``StorageClass`` (UploadPartCopy above 5 GiB), the way the AWS console does it. The
copy goes through ``copying.copy`` with REPLACE, so every system property (content
settings, encryption, website redirect...) and the user metadata are sent again as read;
tags stay by S3's TaggingDirective=COPY on a single copy, and are sent again on a copy
in parts (which starts from nothing). A copy resets the ACL to the bucket's default, so a
readable ACL that grants more than the owner's own goes with the copy, as grants.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from storebrowser.core.archive import ArchiveState
from storebrowser.core.errors import AccessDenied, InvalidStorageClass, StorageError, Unsupported
from storebrowser.core.tiers import (
    Choice,
    ClassChange,
    ClassScope,
    StorageClass,
    StorageClasses,
)
from storebrowser.core.tiers import archived_error as _archived_error
from storebrowser.providers.s3 import copying, reading
from storebrowser.providers.s3.archive import archive_name, archive_status
from storebrowser.providers.s3.copying import CopyJob, CopyLimits
from storebrowser.providers.s3.errors import s3_errors
from storebrowser.providers.s3.listing import object_from_head

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

#: AWS's classes for general-purpose buckets, cheapest to read first. REDUCED_REDUNDANCY
#: (deprecated, dearer than STANDARD) and the Outposts/Express/Snow ones are not offered.
S3_CLASSES = StorageClasses(
    scope=ClassScope.OBJECT,
    noun="storage class",
    classes=(
        StorageClass("STANDARD", "Frequently read data; the default.", default=True),
        StorageClass(
            "INTELLIGENT_TIERING",
            "Moves between access tiers as it is used; a small monitoring fee per object.",
        ),
        StorageClass(
            "STANDARD_IA", "Infrequently read: cheaper to keep, a fee per GB read; 30 days at least."
        ),
        StorageClass(
            "ONEZONE_IA", "Like STANDARD_IA but kept in one Availability Zone only; 30 days at least."
        ),
        StorageClass(
            "GLACIER_IR", "Glacier Instant Retrieval: archive prices, read at once; 90 days at least."
        ),
        StorageClass(
            "GLACIER",
            "Glacier Flexible Retrieval: archived, restored in minutes to hours to read; 90 days at least.",
            archive=True,
        ),
        StorageClass(
            "DEEP_ARCHIVE",
            "Glacier Deep Archive: cheapest, restored in 12 to 48 hours to read; 180 days at least.",
            archive=True,
        ),
    ),
    priorities=(
        Choice("Expedited", "Within 1-5 minutes, at the highest price; not for DEEP_ARCHIVE."),
        Choice("Standard", "Within 3-5 hours (12 hours from DEEP_ARCHIVE)."),
        Choice("Bulk", "Within 5-12 hours (48 hours from DEEP_ARCHIVE), at the lowest price."),
    ),
    restore_days=True,
)
#: What a server that takes no other class than STANDARD (Swift's s3api, MinIO...) says.
ONLY_STANDARD = "this server stores every object in the STANDARD storage class and offers no other."


def probe(client: S3Client) -> bool:
    """Whether the server takes storage classes other than STANDARD. S3 clones that do
    not refuse the header before anything else (s3api, MinIO), so a copy between two
    objects of a bucket that does not exist is enough: nothing can be written."""
    bucket = f"storebrowser-probe-{uuid.uuid4().hex[:12]}"
    try:
        with s3_errors("Asking the server for its storage classes"):
            client.copy_object(
                Bucket=bucket,
                Key="probe",
                CopySource={"Bucket": bucket, "Key": "source"},
                StorageClass="STANDARD_IA",
            )
    except InvalidStorageClass:
        return False
    except StorageError as error:
        if error.retryable:
            raise
    return True


def change_class(
    client: S3Client, bucket: str, key: str, storage_class: str, limits: CopyLimits
) -> ClassChange:
    """Copy ``key`` onto itself in ``storage_class``; see the module's docstring."""
    head = reading.head(client, bucket, key)
    status = archive_status(head)
    if status is not None and status.state is not ArchiveState.RESTORED:
        restoring = status.state is ArchiveState.RESTORING
        what = f"Changing the storage class of {key!r}"
        raise _archived_error(
            what, container=bucket, key=key, storage_class=archive_name(head), restoring=restoring
        )
    if (head.get("StorageClass") or "STANDARD") == storage_class:
        return ClassChange(object_from_head(key, head), note=f"already in {storage_class}", changed=False)
    grants, note = _grants(client, bucket, key)
    etag = str(head.get("ETag") or "").strip('"') or None
    job = CopyJob(bucket, key, bucket, key, head)
    overrides = {"StorageClass": storage_class, **grants}
    info = copying.copy(client, job, None, None, limits, if_match=etag, overrides=overrides)
    if info.storage_class is None:  # a copy in parts answers with the bare essentials
        info = reading.stat(client, bucket, key)
    return ClassChange(info, note)


#: ACL permissions as the request parameters that grant them (x-amz-grant-*).
_GRANT_PARAMS = {
    "READ": "GrantRead",
    "READ_ACP": "GrantReadACP",
    "WRITE_ACP": "GrantWriteACP",
    "FULL_CONTROL": "GrantFullControl",
}


def _grants(client: S3Client, bucket: str, key: str) -> tuple[dict[str, str], str]:
    """The object's ACL as grant parameters of the copy (which would otherwise reset it
    to the bucket's default), and a note when it could not be read (the copy goes on). An ACL that grants
    nothing beyond the owner's own is the default anyway: nothing is sent (buckets with
    ACLs disabled refuse grant parameters)."""
    try:
        with s3_errors(f"Reading the ACL of {key!r}", container=bucket, key=key):
            reply = client.get_object_acl(Bucket=bucket, Key=key)
    except (AccessDenied, Unsupported) as error:
        return {}, f"its ACL could not be read ({error.message}); it has the bucket's default ACL now"
    owner = (reply.get("Owner") or {}).get("ID")
    grants = reply.get("Grants", [])
    if all(g.get("Grantee", {}).get("ID") == owner and g.get("Permission") == "FULL_CONTROL" for g in grants):
        return {}, ""
    params: dict[str, list[str]] = {}
    for grant in grants:
        param, grantee = _GRANT_PARAMS.get(grant.get("Permission", "")), _grantee(grant.get("Grantee", {}))
        if param is None or grantee is None:  # refused rather than lost
            raise StorageError(
                f"Changing the storage class of {key!r}: its ACL holds a grant the copy cannot carry "
                f"({grant}); nothing was changed.",
                container=bucket,
                key=key,
            )
        params.setdefault(param, []).append(grantee)
    return {param: ", ".join(grantees) for param, grantees in params.items()}, ""


def _grantee(grantee: Mapping[str, Any]) -> str | None:
    if grantee.get("ID"):
        return f'id="{grantee["ID"]}"'
    if grantee.get("URI"):
        return f'uri="{grantee["URI"]}"'
    if grantee.get("EmailAddress"):
        return f'emailAddress="{grantee["EmailAddress"]}"'
    return None


def check_class_for_upload(classes: StorageClasses, storage_class: str | None) -> dict[str, Any]:
    """The PutObject / CreateMultipartUpload parameter for ``storage_class``, checked."""
    if storage_class is None:
        return {}
    return {"StorageClass": classes.find(storage_class).name}
