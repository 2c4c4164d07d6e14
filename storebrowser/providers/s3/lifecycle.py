"""S3 lifecycle configuration: the rules as the service keeps them, and the rule that
expires one prefix (what ``expire`` asks of S3, which has no expiry per object)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, cast

from storebrowser.core.errors import InvalidConfiguration
from storebrowser.core.lifecycle import LifecycleRule, rule_from_json
from storebrowser.providers.s3.errors import read_setting, s3_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import BucketLifecycleConfigurationTypeDef

#: The ID of the rule ``expire`` writes for a prefix starts so, then a digest of the prefix.
EXPIRE_ID = "storebrowser-expire-"
DAY = timedelta(days=1)


def get_rules(client: S3Client, bucket: str) -> tuple[LifecycleRule, ...]:
    found = read_setting(
        lambda: client.get_bucket_lifecycle_configuration(Bucket=bucket).get("Rules", []),
        "Reading the lifecycle rules",
        container=bucket,
    )
    source = f"the lifecycle rules of {bucket}"
    return tuple(rule_from_json(raw, number, source) for number, raw in enumerate(found or [], 1))


def set_rules(client: S3Client, bucket: str, rules: Sequence[LifecycleRule]) -> None:
    with s3_errors("Changing the lifecycle rules", container=bucket):
        if not rules:
            client.delete_bucket_lifecycle(Bucket=bucket)
        else:
            # to_json() gives S3's own JSON of a rule, the shape the stubs describe.
            listed = [rule.to_json() for rule in rules]
            configuration = cast("BucketLifecycleConfigurationTypeDef", {"Rules": listed})
            client.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration=configuration)


def expire_rule(prefix: str, *, after: timedelta | None, at: datetime | None) -> LifecycleRule:
    """The rule that deletes what is under ``prefix``: ``after`` whole days from each
    object's creation, or ``at`` a midnight UTC."""
    ident = EXPIRE_ID + hashlib.sha256(prefix.encode()).hexdigest()[:16]
    if after is not None:
        if after % DAY or after < DAY:
            raise InvalidConfiguration(
                "S3 lifecycle rules count whole days from each object's creation: give 1d, 2d, ... "
                "(not hours or minutes)."
            )
        return LifecycleRule(id=ident, prefix=prefix, expire_days=after // DAY)
    if at is None:
        raise InvalidConfiguration("Give a duration or a moment for the expiry.")
    moment = at.astimezone(UTC)
    if (moment.hour, moment.minute, moment.second, moment.microsecond) != (0, 0, 0, 0):
        raise InvalidConfiguration(
            f"S3 lifecycle rules expire at midnight UTC only; {at.isoformat()} is not. Give a date such "
            "as 2027-01-31T00:00:00Z."
        )
    return LifecycleRule(id=ident, prefix=prefix, expire_date=moment.date())
