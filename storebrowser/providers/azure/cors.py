"""Azure CORS: rules of the storage account's blob service (service properties), so
they apply to every container of the account at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from storebrowser.core.cors import CorsRule, CorsSettings, check_methods
from storebrowser.core.errors import InvalidConfiguration
from storebrowser.providers.azure.errors import azure_errors

if TYPE_CHECKING:
    from azure.storage.blob import BlobServiceClient

METHODS = ("DELETE", "GET", "HEAD", "MERGE", "POST", "OPTIONS", "PUT", "PATCH")
MAX_RULES = 5
NOTE = "Azure keeps CORS rules for the whole storage account's blob service: they apply to every container."


def get_rules(service: BlobServiceClient) -> CorsSettings:
    with azure_errors("Reading the CORS rules of the account"):
        found = service.get_service_properties().get("cors") or []
    return CorsSettings(tuple(_rule(raw) for raw in found), scope="account", note=NOTE)


def _split(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(v for v in value if v)
    return tuple(part.strip() for part in str(value or "").split(",") if part.strip())


def _rule(raw: Any) -> CorsRule:
    return CorsRule(
        allowed_origins=_split(raw.allowed_origins),
        allowed_methods=_split(raw.allowed_methods),
        allowed_headers=_split(raw.allowed_headers),
        expose_headers=_split(raw.exposed_headers),
        max_age_seconds=raw.max_age_in_seconds,
    )


def check(rules: Sequence[CorsRule]) -> None:
    if len(rules) > MAX_RULES:
        raise InvalidConfiguration(f"{len(rules)} CORS rules: Azure keeps {MAX_RULES} at most per account.")
    check_methods(rules, METHODS, "Azure")
    for number, rule in enumerate(rules, 1):
        if rule.id:
            where = rule.where(number)
            raise InvalidConfiguration(f"{where}: Azure keeps no ID for a CORS rule; leave ID out.")
        for origin in rule.allowed_origins:
            if origin != "*" and "*" in origin:
                raise InvalidConfiguration(
                    f"{rule.where(number)}: Azure takes '*' or whole origins; {origin!r} holds a wildcard."
                )


def set_rules(service: BlobServiceClient, rules: Sequence[CorsRule]) -> None:
    from azure.storage.blob import CorsRule as SdkRule

    converted = [
        SdkRule(list(rule.allowed_origins), list(rule.allowed_methods),
                allowed_headers=list(rule.allowed_headers), exposed_headers=list(rule.expose_headers),
                max_age_in_seconds=rule.max_age_seconds or 0)
        for rule in rules
    ]  # fmt: skip
    with azure_errors("Changing the CORS rules of the account"):
        service.set_service_properties(cors=converted)
