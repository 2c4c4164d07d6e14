"""The Azure provider's container settings: the public access level (``access``), the
account's CORS rules (``cors``), and encryption (every blob is encrypted at rest; an
upload may name an encryption scope)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from storebrowser.core.access import Access, AccessLevel, AccessPlan, AccessReport
from storebrowser.core.cors import CorsRule, CorsSettings
from storebrowser.core.encryption import DefaultEncryption, Encryption, EncryptionInfo, EncryptionMode
from storebrowser.core.errors import AccessDenied, EncryptionNotApplied
from storebrowser.providers.azure import access, cors
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.container_settings import ContainerSettings, count_objects

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient, BlobServiceClient, ContainerClient

    from storebrowser.providers.azure.client import Connection

REASONS = (
    ("lifecycle", "Azure lifecycle management policies belong to the storage account's management API "
                  "(Azure Resource Manager), which the data-plane SDK StoreBrowser uses cannot reach: set "
                  "them in the Azure portal or with az storage account management-policy."),
    ("object_expiry", "Azure sets an expiry per blob only on accounts with a hierarchical namespace "
                      "(Data Lake Storage), through another API; use a lifecycle management policy."),
    ("cors", "Azure keeps CORS rules in the account's service properties, which only the account key "
             "(or a connection string with it) may change."),
    ("upload_encryption", "Azure encrypts every blob at rest; an upload can only choose an encryption "
                          "scope made in the portal (scope:NAME)."),
)  # fmt: skip
AT_REST = "Azure encrypts every blob at rest (Microsoft-managed keys unless a scope says otherwise)."


class AzureContainerSettings(ContainerSettings):
    _connection: Connection

    if TYPE_CHECKING:

        @property
        def service(self) -> BlobServiceClient: ...

        def _container(self, name: str) -> ContainerClient: ...

        def _blob(self, container: str, key: str) -> BlobClient: ...

    def _access_refusal(self) -> str | None:
        return access.SAS_REFUSAL if self._connection.auth == "SAS" else None

    def access_report(self, container: str, key: str | None = None) -> AccessReport:
        client = self._container(container)
        if key is not None:
            with azure_errors(f"Reading {key!r}", container=container, key=key):
                self._blob(container, key).get_blob_properties()  # NotFound first
        try:
            level, policies = access.read_level(client)
        except AccessDenied as error:
            how = (f"Container public access level: unknown ({error.message}).",)
            return AccessReport(container, key, Access(None, None), how, access.NOTES, access.LEVELS,
                                dict.fromkeys(access.LEVELS, str(error.message)), True)  # fmt: skip
        return access.report(container, key, level, policies, self._access_refusal())

    def plan_access(self, container: str, key: str | None, level: AccessLevel) -> AccessPlan:
        refusal = self._access_refusal()
        if refusal is not None:
            return AccessPlan(container, key, level, refusal=refusal)
        current, policies = access.read_level(self._container(container))
        count = count_objects(self, container) if level.public else None
        return access.plan(container, key, level, current, policies, count, None)

    def apply_access(self, plan: AccessPlan) -> AccessReport:
        if plan.refusal is not None:
            raise self._lacks("access_control", plan.refusal)
        access.apply(self._container(plan.container), plan)
        return self.access_report(plan.container, plan.key)

    def listing_url(self, container: str) -> str:
        return self._container(container).url.split("?", 1)[0] + "?restype=container&comp=list&maxresults=1"

    def get_cors(self, container: str) -> CorsSettings:
        self._require_cors()
        return cors.get_rules(self.service)

    def check_cors(self, rules: Sequence[CorsRule]) -> None:
        super().check_cors(rules)
        cors.check(rules)

    def set_cors(self, container: str, rules: Sequence[CorsRule]) -> CorsSettings:
        self.check_cors(rules)
        cors.set_rules(self.service, rules)
        return self.get_cors(container)

    def _require_cors(self) -> None:
        if not self.capabilities.cors:
            raise self._lacks("cors", "CORS rules")

    def object_encryption(self, container: str, key: str) -> EncryptionInfo:
        with azure_errors(f"Reading {key!r}", container=container, key=key):
            found = self._blob(container, key).get_blob_properties()
        note = "Encrypted with a customer-provided key." if found.encryption_key_sha256 else ""
        scope = found.encryption_scope
        return EncryptionInfo(server_encrypted=found.server_encrypted, scope=scope, note=note)

    def default_encryption(self, container: str) -> DefaultEncryption:
        with azure_errors(f"Reading the properties of {container!r}", container=container):
            found = self._container(container).get_container_properties()
        scope = getattr(found.encryption_scope, "default_encryption_scope", None)
        return DefaultEncryption(scope=scope or None, note=AT_REST)


def scope_of(encryption: Encryption | None) -> str | None:
    return encryption.key_id if encryption is not None and encryption.mode is EncryptionMode.SCOPE else None


def check_scope(reply: Mapping[str, Any], scope: str | None, container: str, key: str) -> None:
    """``EncryptionNotApplied`` when Azure did not confirm the scope asked (Azurite)."""
    if scope is not None and reply.get("encryption_scope") != scope:
        raise EncryptionNotApplied(
            f"{key!r} was stored, but the service did not confirm the encryption scope {scope!r} "
            f"(it answered {reply.get('encryption_scope') or 'nothing'}): the blob is encrypted with the "
            "account's keys instead. Delete it if that matters.",
            container=container,
            key=key,
        )
