"""The S3 provider's container settings: access (``access``), CORS (``cors``), lifecycle
(``lifecycle``) and encryption (``encryption``), on the provider's client."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from storebrowser.core.access import AccessLevel, AccessPlan, AccessReport
from storebrowser.core.cors import CorsRule, CorsSettings
from storebrowser.core.encryption import (
    DefaultEncryption,
    Encryption,
    EncryptionInfo,
    EncryptionMode,
    check_customer_key,
)
from storebrowser.core.lifecycle import LifecycleRule
from storebrowser.providers.container_settings import ContainerSettings, count_objects
from storebrowser.providers.s3 import access, cors, encryption, lifecycle, reading

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from storebrowser.providers.s3.client import S3Settings

#: Why S3 has no expiry per object (a capability reason).
NO_OBJECT_EXPIRY = (
    "S3 has no expiry per object; a lifecycle rule expires the objects under a prefix "
    "(storebrowser-cli expire, or the Lifecycle tab)."
)


class S3ContainerSettings(ContainerSettings):
    settings: S3Settings
    _customer_key: str | None = None

    if TYPE_CHECKING:

        @property
        def _client(self) -> S3Client: ...

    # -- access -------------------------------------------------------------------------

    def access_report(self, container: str, key: str | None = None) -> AccessReport:
        facts = access.read_bucket(self._client, container)
        if key is None:
            return access.bucket_report(facts, container, is_aws=self.settings.is_aws)
        acl = access.read_object_acl(self._client, container, key)
        return access.object_report(facts, acl, container, key, is_aws=self.settings.is_aws)

    def plan_access(self, container: str, key: str | None, level: AccessLevel) -> AccessPlan:
        facts = access.read_bucket(self._client, container)
        if key is not None:
            acl = access.read_object_acl(self._client, container, key)
            return access.plan_object(facts, acl, container, key, level)
        count = count_objects(self, container) if level.public else None
        return access.plan_bucket(facts, container, level, count)

    def apply_access(self, plan: AccessPlan) -> AccessReport:
        if plan.refusal is not None:
            raise self._lacks("access_control", plan.refusal)
        if plan.key is None:
            access.apply_bucket(self._client, plan)
        else:
            access.apply_object(self._client, plan)
        return self.access_report(plan.container, plan.key)

    def listing_url(self, container: str) -> str:
        return self.object_url(container, "") + "?list-type=2&max-keys=1"

    def verify_tls(self) -> bool:
        return self.settings.verify_tls

    # -- CORS and lifecycle ---------------------------------------------------------------

    def get_cors(self, container: str) -> CorsSettings:
        return CorsSettings(cors.get_rules(self._client, container))

    def check_cors(self, rules: Sequence[CorsRule]) -> None:
        super().check_cors(rules)
        cors.check(rules)

    def set_cors(self, container: str, rules: Sequence[CorsRule]) -> CorsSettings:
        self.check_cors(rules)
        cors.set_rules(self._client, container, rules)
        return self.get_cors(container)

    def get_lifecycle(self, container: str) -> tuple[LifecycleRule, ...]:
        return lifecycle.get_rules(self._client, container)

    def set_lifecycle(self, container: str, rules: Sequence[LifecycleRule]) -> tuple[LifecycleRule, ...]:
        self.check_lifecycle(rules)
        lifecycle.set_rules(self._client, container, rules)
        return self.get_lifecycle(container)

    def expire_prefix(
        self, container: str, prefix: str, *, after: timedelta | None = None, at: datetime | None = None
    ) -> LifecycleRule:
        rule = lifecycle.expire_rule(prefix, after=after, at=at)
        kept = [found for found in self.get_lifecycle(container) if found.id != rule.id]
        self.set_lifecycle(container, [*kept, rule])
        return rule

    # -- encryption -------------------------------------------------------------------------

    def object_encryption(self, container: str, key: str) -> EncryptionInfo:
        return encryption.object_info(reading.head(self._client, container, key, self._customer_key))

    def default_encryption(self, container: str) -> DefaultEncryption:
        return encryption.bucket_default(self._client, container)

    def check_encryption(self, sse: Encryption | None) -> None:
        super().check_encryption(sse)
        if sse is not None and sse.mode is EncryptionMode.SSE_C:
            encryption.upload_args(sse, self._customer_key)  # CustomerKeyRequired without a key

    def use_customer_key(self, key: str | None) -> None:
        self._customer_key = None if key is None else check_customer_key(key)
