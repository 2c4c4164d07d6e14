"""S3 bucket CORS: the rules as the service keeps them (GetBucketCors / PutBucketCors)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from storebrowser.core.cors import METHODS, CorsRule, check_methods
from storebrowser.providers.s3.errors import read_setting, s3_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import CORSConfigurationTypeDef


def get_rules(client: S3Client, bucket: str) -> tuple[CorsRule, ...]:
    found = read_setting(
        lambda: client.get_bucket_cors(Bucket=bucket).get("CORSRules", []),
        "Reading the CORS rules",
        container=bucket,
    )
    return tuple(_rule(raw) for raw in found or [])


def _rule(raw: Mapping[str, Any]) -> CorsRule:
    return CorsRule(
        allowed_origins=tuple(raw.get("AllowedOrigins", [])),
        allowed_methods=tuple(raw.get("AllowedMethods", [])),
        allowed_headers=tuple(raw.get("AllowedHeaders", [])),
        expose_headers=tuple(raw.get("ExposeHeaders", [])),
        max_age_seconds=raw.get("MaxAgeSeconds"),
        id=raw.get("ID"),
    )


def check(rules: Sequence[CorsRule]) -> None:
    check_methods(rules, METHODS, "S3")


def set_rules(client: S3Client, bucket: str, rules: Sequence[CorsRule]) -> None:
    with s3_errors("Changing the CORS rules", container=bucket):
        if not rules:
            client.delete_bucket_cors(Bucket=bucket)
        else:
            # to_json() gives S3's own JSON of a rule, the shape the stubs describe.
            configuration = cast("CORSConfigurationTypeDef", {"CORSRules": [r.to_json() for r in rules]})
            client.put_bucket_cors(Bucket=bucket, CORSConfiguration=configuration)
