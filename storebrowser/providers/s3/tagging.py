"""S3 object tagging: read, replace, and the form tags take in a request header."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from storebrowser.core.errors import StorageError, Unsupported
from storebrowser.core.tags import S3_TAG_RULES
from storebrowser.providers.s3.errors import s3_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import TagTypeDef

#: What a server that answers NotImplemented (Swift's s3api) is told it lacks.
NO_TAGGING = "this server does not implement S3 object tagging."


def get_tags(client: S3Client, bucket: str, key: str) -> dict[str, str]:
    with s3_errors(f"Reading the tags of {key!r}", container=bucket, key=key):
        reply = client.get_object_tagging(Bucket=bucket, Key=key)
    return {tag["Key"]: tag["Value"] for tag in reply.get("TagSet", [])}


def set_tags(client: S3Client, bucket: str, key: str, tags: Mapping[str, str]) -> None:
    """Replace all the tags; no tags is a DeleteObjectTagging. Checked before sending."""
    checked = S3_TAG_RULES.check(tags, key=key)
    with s3_errors(f"Changing the tags of {key!r}", container=bucket, key=key):
        if checked:
            tag_set: list[TagTypeDef] = [{"Key": name, "Value": value} for name, value in checked.items()]
            client.put_object_tagging(Bucket=bucket, Key=key, Tagging={"TagSet": tag_set})
        else:
            client.delete_object_tagging(Bucket=bucket, Key=key)


def tagging_header(tags: Mapping[str, str]) -> str:
    """``x-amz-tagging``: the tags as a URL query (PutObject, CreateMultipartUpload)."""
    return urlencode(dict(tags))


def probe(client: S3Client) -> bool:
    """Whether the server implements tagging: S3 clones without it (s3api) answer
    NotImplemented before they look for the bucket, which does not exist."""
    bucket = f"storebrowser-probe-{uuid.uuid4().hex[:12]}"
    try:
        with s3_errors("Asking the server about object tagging"):
            client.put_object_tagging(Bucket=bucket, Key="probe", Tagging={"TagSet": []})
    except Unsupported:
        return False
    except StorageError as error:
        if error.retryable:
            raise
    return True
