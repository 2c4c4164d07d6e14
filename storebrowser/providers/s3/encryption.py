"""Server-side encryption on S3: the arguments an upload sends (SSE-S3, SSE-KMS, SSE-C),
the check that the server did it, what a HEAD says of an object, the bucket's default,
and reads of objects encrypted with a customer key (SSE-C).

The customer key travels base64 with its MD5 already computed, so botocore sends it as
given: every form of it that could reach a log line is the one the redactor knows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from botocore.exceptions import BotoCoreError, ClientError

from storebrowser.core.encryption import (
    DefaultEncryption,
    Encryption,
    EncryptionInfo,
    EncryptionMode,
    customer_key_md5,
)
from storebrowser.core.errors import CustomerKeyRequired, EncryptionNotApplied, InvalidConfiguration
from storebrowser.providers.s3.errors import map_error, needs_customer_key, read_setting

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

T = TypeVar("T")
#: What S3 echoes in the answer to a write that encrypted as asked.
_ECHO = {
    EncryptionMode.SSE_S3: ("ServerSideEncryption", ("AES256",)),
    EncryptionMode.SSE_KMS: ("ServerSideEncryption", ("aws:kms", "aws:kms:dsse")),
    EncryptionMode.SSE_C: ("SSECustomerAlgorithm", ("AES256",)),
}


def customer_args(key: str) -> dict[str, str]:
    return {
        "SSECustomerAlgorithm": "AES256",
        "SSECustomerKey": key,
        "SSECustomerKeyMD5": customer_key_md5(key),
    }


def upload_args(encryption: Encryption | None, customer_key: str | None) -> dict[str, str]:
    """The request arguments for ``encryption`` (none for ``None``)."""
    if encryption is None:
        return {}
    if encryption.mode is EncryptionMode.SSE_S3:
        return {"ServerSideEncryption": "AES256"}
    if encryption.mode is EncryptionMode.SSE_KMS:
        return {
            "ServerSideEncryption": "aws:kms",
            **({"SSEKMSKeyId": encryption.key_id} if encryption.key_id else {}),
        }
    if encryption.mode is EncryptionMode.SSE_C:
        if customer_key is None:
            raise CustomerKeyRequired(
                "No customer key (SSE-C) is kept for this account. Give one in the account's settings "
                "(it is kept in the system keyring), then upload again."
            )
        return customer_args(customer_key)
    raise InvalidConfiguration(f"S3 has no {encryption.describe()}; choose SSE-S3, SSE-KMS or SSE-C.")


def check_applied(reply: Mapping[str, Any], encryption: Encryption | None, container: str, key: str) -> None:
    """``EncryptionNotApplied`` when the answer to a write does not confirm ``encryption``."""
    if encryption is None or encryption.mode not in _ECHO:
        return
    field, expected = _ECHO[encryption.mode]
    if reply.get(field) in expected:
        return
    said = reply.get(field) or "nothing"
    raise EncryptionNotApplied(
        f"{key!r} was stored, but the server did not confirm {encryption.describe()} (it answered "
        f"{said} for {field}): it does not apply it, so the object is not encrypted as asked"
        + ("; it is readable without your key" if encryption.mode is EncryptionMode.SSE_C else "")
        + ". Delete it if that matters.",
        container=container,
        key=key,
    )


def object_info(head: Mapping[str, Any]) -> EncryptionInfo:
    return EncryptionInfo(
        algorithm=head.get("ServerSideEncryption"),
        kms_key_id=head.get("SSEKMSKeyId"),
        customer_algorithm=head.get("SSECustomerAlgorithm"),
        customer_key_md5=head.get("SSECustomerKeyMD5"),
        bucket_key=head.get("BucketKeyEnabled"),
    )


def bucket_default(client: S3Client, bucket: str) -> DefaultEncryption:
    found = read_setting(
        lambda: client.get_bucket_encryption(Bucket=bucket).get("ServerSideEncryptionConfiguration"),
        "Reading the default encryption",
        container=bucket,
    )
    for rule in found.get("Rules", []) if found else []:
        default: Mapping[str, Any] = rule.get("ApplyServerSideEncryptionByDefault") or {}
        if default.get("SSEAlgorithm"):
            return DefaultEncryption(default["SSEAlgorithm"], default.get("KMSMasterKeyID"),
                                     rule.get("BucketKeyEnabled"))  # fmt: skip
    return DefaultEncryption(note="No default encryption is set on this bucket (AWS encrypts new objects "
                                  "with SSE-S3 anyway since 2023; other servers may not).")  # fmt: skip


def with_customer_key(
    call: Callable[[Mapping[str, Any]], T], customer_key: str | None, what: str, container: str, key: str
) -> T:
    """``call({})``; when the object turns out to need a customer key, ``call`` again with
    the account's (``CustomerKeyRequired`` when there is none, or it is not this object's)."""
    try:
        return call({})
    except (ClientError, BotoCoreError) as error:
        if not needs_customer_key(error):
            raise map_error(error, what, container=container, key=key) from error
    if customer_key is None:
        raise CustomerKeyRequired(
            f"{key!r} is encrypted with a customer-provided key (SSE-C) and no key is kept for this "
            "account: give it (it is kept in the system keyring) and try again.",
            container=container,
            key=key,
        )
    try:
        return call(customer_args(customer_key))
    except (ClientError, BotoCoreError) as error:
        if needs_customer_key(error):
            raise CustomerKeyRequired(
                f"{key!r} is encrypted with a customer-provided key (SSE-C) other than the one kept "
                "for this account: give the right key and try again.",
                container=container,
                key=key,
            ) from None
        raise map_error(error, what, container=container, key=key) from error
