"""Registry entry of the Azure Blob provider (imports no SDK)."""

from __future__ import annotations

from storebrowser.providers.azure.equivalent import az_command
from storebrowser.providers.azure.names import WEB_CONTAINER, check_container_name
from storebrowser.providers.registry import (
    ConnectionField,
    FieldType,
    ProviderKind,
    Settings,
    register,
)


def _validate(settings: Settings) -> list[str]:
    ways = [
        bool(settings.get("connection_string")),
        bool(settings.get("account_key")),
        bool(settings.get("sas_token")),
        bool(settings.get("use_azure_ad")),
    ]
    if sum(ways) != 1:
        return [
            "Give exactly one way in: a connection string, an account key, a SAS token/URL, "
            "or Azure AD sign-in."
        ]
    # A connection string and a full SAS URL say where the account is; the rest need it.
    sas_url = str(settings.get("sas_token") or "").strip().lower().startswith(("http://", "https://"))
    if not (settings.get("connection_string") or sas_url) and not (
        settings.get("account_name") or settings.get("blob_endpoint")
    ):
        return ["Give the storage account name (or the blob endpoint URL)."]
    return []


KIND = register(
    ProviderKind(
        name="azure",
        label="Azure Blob Storage",
        factory="storebrowser.providers.azure.provider:AzureProvider.from_settings",
        order=2,
        accent="#0078d4",
        container_name_rule=check_container_name,
        website_container=WEB_CONTAINER,
        website_note="Azure serves a website only from the $web container of the account.",
        tool_command=az_command,
        validate=_validate,
        lists_storage_class=True,
        lists_archive_status=True,
        group_titles=(
            ("connection string", "Connection string"),
            ("account", "Account name and key"),
            ("sas", "Shared access signature (SAS)"),
            ("azure ad", "Azure AD (Microsoft Entra ID)"),
        ),
        fields=(
            ConnectionField(
                "connection_string", "Connection string", FieldType.SECRET, group="connection string"
            ),
            ConnectionField("account_name", "Storage account name", group="account"),
            ConnectionField("account_key", "Account key", FieldType.SECRET, group="account"),
            ConnectionField(
                "sas_token",
                "SAS token or SAS URL",
                FieldType.SECRET,
                group="sas",
                help="An account SAS, or a container SAS URL (then only that container shows).",
            ),
            ConnectionField(
                "blob_endpoint",
                "Blob endpoint URL",
                FieldType.URL,
                help="Empty: https://<account>.blob.core.windows.net. Set it for Azurite, "
                "sovereign clouds or private endpoints.",
            ),
            ConnectionField(
                "use_azure_ad",
                "Sign in with Azure AD",
                FieldType.BOOL,
                default=False,
                group="azure ad",
                help="Uses azure-identity's default credential (install storebrowser[azure-ad]).",
            ),
        ),
    )
)
