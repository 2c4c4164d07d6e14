"""Registry entry of the Swift / Rackspace Cloud Files provider (imports no SDK)."""

from __future__ import annotations

from storebrowser.providers.registry import (
    ConnectionField,
    FieldType,
    ProviderKind,
    Settings,
    register,
)
from storebrowser.providers.swift.equivalent import swift_command
from storebrowser.providers.swift.names import check_container_name


def _validate(settings: Settings) -> list[str]:
    preauth = bool(settings.get("storage_url") or settings.get("auth_token"))
    if preauth:
        if not (settings.get("storage_url") and settings.get("auth_token")):
            return ["A pre-authenticated connection needs both the storage URL and the token."]
        return []
    missing = [
        label
        for name, label in (
            ("auth_url", "Auth URL"),
            ("username", "User name"),
            ("api_key", "API key / password"),
        )
        if not settings.get(name)
    ]
    if missing:
        return [f"{', '.join(missing)} required (or a storage URL and token)."]
    if str(settings.get("auth_version", "1")) == "3" and not settings.get("project_name"):
        return ["Keystone v3 needs a project name."]
    return []


KIND = register(
    ProviderKind(
        name="swift",
        label="OpenStack Swift / Rackspace Cloud Files",
        factory="storebrowser.providers.swift.provider:SwiftProvider.from_settings",
        order=3,
        accent="#d2312d",
        container_name_rule=check_container_name,
        tool_command=swift_command,
        validate=_validate,
        group_titles=(
            ("auth", "User name and key"),
            ("preauth", "Pre-authenticated storage URL and token"),
        ),
        fields=(
            ConnectionField(
                "auth_url",
                "Auth URL",
                FieldType.URL,
                group="auth",
                help="For example https://identity.api.rackspacecloud.com/v2.0/ or your "
                "Keystone URL; any provider works.",
            ),
            ConnectionField(
                "auth_version",
                "Auth version",
                FieldType.CHOICE,
                default="1",
                choices=("1", "2", "3"),
                group="auth",
            ),
            ConnectionField("username", "User name", group="auth"),
            ConnectionField("api_key", "API key / password", FieldType.SECRET, group="auth"),
            ConnectionField("project_name", "Project (tenant) name", group="auth"),
            ConnectionField("project_domain_name", "Project domain", default="Default", group="auth"),
            ConnectionField("user_domain_name", "User domain", default="Default", group="auth"),
            # Region and endpoint pick the storage URL from the sign-in's catalogue, so
            # they belong to that box, not to the pre-authenticated URL.
            ConnectionField("region", "Region", help="For example DFW, ORD, LON.", group="auth"),
            ConnectionField(
                "endpoint_type",
                "Endpoint",
                FieldType.CHOICE,
                default="public",
                choices=("public", "internal"),
                help="internal = Rackspace ServiceNet / the cloud's internal network.",
                group="auth",
            ),
            ConnectionField("storage_url", "Storage URL (pre-authenticated)", FieldType.URL, group="preauth"),
            ConnectionField(
                "auth_token", "Auth token (pre-authenticated)", FieldType.SECRET, group="preauth"
            ),
        ),
    )
)
