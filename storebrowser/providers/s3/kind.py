"""Registry entry of the S3 provider (imports no SDK)."""

from __future__ import annotations

from storebrowser.core.encryption import CUSTOMER_KEY_FIELD
from storebrowser.providers.registry import (
    ConnectionField,
    FieldType,
    ProviderKind,
    Settings,
    register,
)
from storebrowser.providers.s3.equivalent import aws_command
from storebrowser.providers.s3.names import check_container_name


def _validate(settings: Settings) -> list[str]:
    has_keys = bool(settings.get("access_key_id") or settings.get("secret_access_key"))
    if has_keys and not (settings.get("access_key_id") and settings.get("secret_access_key")):
        return ["Give both the access key ID and the secret access key."]
    if has_keys and settings.get("profile"):
        return ["Give either access keys or an AWS profile name, not both."]
    if settings.get("anonymous") and (has_keys or settings.get("profile")):
        return ["Anonymous access takes no keys and no profile."]
    if settings.get("environment") and (has_keys or settings.get("profile") or settings.get("anonymous")):
        return ["Credentials from the environment take no keys, no profile and no anonymous access."]
    return []


KIND = register(
    ProviderKind(
        name="s3",
        label="Amazon S3 / S3-compatible",
        factory="storebrowser.providers.s3.provider:S3Provider.from_settings",
        order=1,
        accent="#e8870e",
        container_name_rule=check_container_name,
        tool_command=aws_command,
        validate=_validate,
        lists_storage_class=True,
        lists_archive_status=True,
        group_titles=(
            ("keys", "Access keys"),
            ("profile", "AWS profile"),
            ("environment", "Credentials from the environment"),
        ),
        sign_in=(("access_key_id", "secret_access_key"), ("profile",), ("anonymous",), ("environment",)),
        fields=(
            ConnectionField("access_key_id", "Access key ID", group="keys"),
            ConnectionField("secret_access_key", "Secret access key", FieldType.SECRET, group="keys"),
            ConnectionField(
                "session_token",
                "Session token",
                FieldType.SECRET,
                group="keys",
                help="Only for temporary credentials.",
            ),
            ConnectionField(
                "profile",
                "AWS profile",
                group="profile",
                help="A profile from ~/.aws/config; roles, SSO and credential processes work.",
            ),
            ConnectionField(
                "region", "Region", help="For example us-east-1. Empty: from the profile or us-east-1."
            ),
            ConnectionField(
                "endpoint_url",
                "Endpoint URL",
                FieldType.URL,
                help="For S3-compatible services (MinIO, Ceph, Wasabi, Swift s3api…). Empty: AWS.",
            ),
            ConnectionField(
                "path_style",
                "Path-style addressing",
                FieldType.BOOL,
                default=False,
                help="Needed by many S3-compatible services.",
            ),
            ConnectionField("verify_tls", "Verify TLS certificates", FieldType.BOOL, default=True),
            ConnectionField("anonymous", "Anonymous (public buckets)", FieldType.BOOL, default=False),
            ConnectionField(
                "environment",
                "Credentials from the environment",
                FieldType.BOOL,
                default=False,
                group="environment",
                help="AWS_ACCESS_KEY_ID and friends, or the role of the machine or container this "
                "runs on (boto3's default chain).",
            ),
            ConnectionField(
                CUSTOMER_KEY_FIELD,
                "SSE-C customer key",
                FieldType.SECRET,
                help="Only for objects encrypted with your own key (SSE-C): 32 bytes as base64. Kept "
                "in the system keyring; uploads with SSE-C use it, reads of such objects need it.",
            ),
        ),
    )
)
