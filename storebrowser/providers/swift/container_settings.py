"""The Swift provider's container settings: the read ACL (``access``), the container's
CORS headers (``cors``) and each object's own expiry (``expiry``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import quote

from storebrowser.core.access import AccessLevel, AccessPlan, AccessReport
from storebrowser.core.cors import CorsRule, CorsSettings
from storebrowser.core.encryption import EncryptionInfo
from storebrowser.providers.container_settings import ContainerSettings
from storebrowser.providers.swift import access, cors, expiry
from storebrowser.providers.swift.names import check_container_name

if TYPE_CHECKING:
    from storebrowser.providers.swift.client import SwiftClient

REASONS = (
    ("lifecycle", "Swift has no lifecycle rules; each object can be given its own expiry (X-Delete-At)."),
    ("upload_encryption", "Swift encrypts at rest, or not, as the cluster's operator set it up; an upload "
                          "cannot choose."),
)  # fmt: skip
ENCRYPTION_NOTE = (
    "Swift encrypts objects at rest only where the operator turned on its encryption middleware; "
    "the API does not say so per object."
)


class SwiftContainerSettings(ContainerSettings):
    client: SwiftClient

    def _read(self, container: str) -> tuple[dict[str, str], bool]:
        check_container_name(container)
        return access.read_settings(self.client, container)

    def access_report(self, container: str, key: str | None = None) -> AccessReport:
        headers, admin = self._read(container)
        if key is not None:
            self.stat(container, key)  # NotFound for a missing object, first
        return access.report(container, key, headers, admin)

    def plan_access(self, container: str, key: str | None, level: AccessLevel) -> AccessPlan:
        headers, admin = self._read(container)
        return access.plan(container, key, level, headers, admin)

    def apply_access(self, plan: AccessPlan) -> AccessReport:
        if plan.refusal is not None:
            raise self._lacks("access_control", plan.refusal)
        access.apply(self.client, plan)
        return self.access_report(plan.container, plan.key)

    def listing_url(self, container: str) -> str:
        check_container_name(container)
        return f"{self.client.storage_url}/{quote(container)}?format=json&limit=1"

    def get_cors(self, container: str) -> CorsSettings:
        headers, _admin = self._read(container)
        return cors.rules_from(headers)

    def check_cors(self, rules: Sequence[CorsRule]) -> None:
        super().check_cors(rules)
        cors.check(rules)

    def set_cors(self, container: str, rules: Sequence[CorsRule]) -> CorsSettings:
        self.check_cors(rules)
        check_container_name(container)
        cors.set_rules(self.client, container, rules)
        return self.get_cors(container)

    def object_expiry(self, container: str, key: str) -> datetime | None:
        check_container_name(container)
        return expiry.expiry(self.client, container, key)

    def set_object_expiry(
        self, container: str, key: str, *, after: timedelta | None = None, at: datetime | None = None
    ) -> datetime | None:
        check_container_name(container)
        return expiry.set_expiry(self.client, container, key, after=after, at=at)

    def object_encryption(self, container: str, key: str) -> EncryptionInfo:
        self.stat(container, key)  # NotFound for a missing object
        return EncryptionInfo(note=ENCRYPTION_NOTE)

    if TYPE_CHECKING:

        def stat(self, container: str, key: str) -> object: ...
