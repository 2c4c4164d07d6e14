"""Swift container CORS: three container metadata headers the proxy answers preflights
from. One rule per container: the origins, how long a browser may keep the answer, and
the headers a page may read. Swift lets an allowed origin use every method and send
every header, so a rule says so (``"*"``) rather than promising a limit Swift ignores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storebrowser.core.cors import METHODS, CorsRule, CorsSettings
from storebrowser.core.errors import InvalidConfiguration
from storebrowser.providers.swift.client import SwiftClient

ORIGIN = "x-container-meta-access-control-allow-origin"
MAX_AGE = "x-container-meta-access-control-max-age"
EXPOSE = "x-container-meta-access-control-expose-headers"
NOTE = "Swift keeps one CORS rule per container; an allowed origin may use every method and header."


def rules_from(headers: Mapping[str, str]) -> CorsSettings:
    origins = tuple((headers.get(ORIGIN) or "").split())
    if not origins:
        return CorsSettings((), note=NOTE)
    max_age = headers.get(MAX_AGE)
    rule = CorsRule(
        allowed_origins=origins,
        allowed_methods=("*",),
        allowed_headers=("*",),
        expose_headers=tuple((headers.get(EXPOSE) or "").replace(",", " ").split()),
        max_age_seconds=int(max_age) if max_age and max_age.isdigit() else None,
    )
    return CorsSettings((rule,), note=NOTE)


def check(rules: Sequence[CorsRule]) -> None:
    if len(rules) > 1:
        raise InvalidConfiguration(
            f"{rules[1].where(2)}: Swift keeps one CORS rule per container; merge the origins into one rule."
        )
    for rule in rules:
        where = rule.where(1)
        if rule.id:
            raise InvalidConfiguration(f"{where}: Swift keeps no ID for its CORS rule; leave ID out.")
        if rule.allowed_methods != ("*",) and not set(METHODS) <= set(rule.allowed_methods):
            raise InvalidConfiguration(
                f'{where}: Swift lets an allowed origin use every method; write "AllowedMethods": ["*"].'
            )
        if rule.allowed_headers not in ((), ("*",)):
            raise InvalidConfiguration(
                f'{where}: Swift lets an allowed origin send every header; write "AllowedHeaders": ["*"] '
                "or leave it out."
            )
        for origin in rule.allowed_origins:
            if origin != "*" and "*" in origin:
                raise InvalidConfiguration(
                    f"{where}: Swift compares origins exactly; {origin!r} holds a wildcard. List the origins."
                )


def headers_for(rules: Sequence[CorsRule]) -> dict[str, str]:
    """The POST headers that set ``rules`` (none: empty values, which remove them)."""
    if not rules:
        return {ORIGIN: "", MAX_AGE: "", EXPOSE: ""}
    rule = rules[0]
    return {
        ORIGIN: " ".join(rule.allowed_origins),
        MAX_AGE: "" if rule.max_age_seconds is None else str(rule.max_age_seconds),
        EXPOSE: " ".join(rule.expose_headers),
    }


def set_rules(client: SwiftClient, container: str, rules: Sequence[CorsRule]) -> None:
    headers = headers_for(rules)
    client.call(
        f"Changing the CORS rule of {container!r}",
        lambda c: c.post_container(container, headers),
        container=container,
    )
