"""CORS rules: which web pages (origins) may call the storage from a browser.

One shape for every service, written as S3's JSON (``aws s3api put-bucket-cors`` takes
the same file): ``{"CORSRules": [{"AllowedOrigins": [...], "AllowedMethods": [...],
"AllowedHeaders": [...], "ExposeHeaders": [...], "MaxAgeSeconds": 3000}]}``. Reading
a file refuses what a service would refuse, saying the line and the rule; each provider
adds its own limits (``Provider.check_cors``). ``preflight_expected`` says what the
rules should answer a browser's preflight, to set beside the live answer.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storebrowser.core.errors import InvalidConfiguration
from storebrowser.core.jsonlines import JsonProblem, line_of, load_located, problem_at

#: The methods a CORS rule may name on S3 (Azure adds a few: its provider allows them).
METHODS = ("GET", "PUT", "POST", "DELETE", "HEAD")
#: S3 keeps at most this many rules (Azure 5, Swift 1: their providers say).
MAX_RULES = 100
MAX_AGE_LIMIT = 2**31 - 1
_FIELDS = {
    "ID": "id",
    "AllowedOrigins": "allowed_origins",
    "AllowedMethods": "allowed_methods",
    "AllowedHeaders": "allowed_headers",
    "ExposeHeaders": "expose_headers",
    "MaxAgeSeconds": "max_age_seconds",
}
_HEADER = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]*\*?[A-Za-z0-9!#$%&'*+.^_`|~-]*$")
_ORIGIN = re.compile(r"^(\*|[a-z][a-z0-9+.-]*://[^\s/]+|null)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CorsRule:
    allowed_origins: tuple[str, ...]
    allowed_methods: tuple[str, ...]
    allowed_headers: tuple[str, ...] = ()
    expose_headers: tuple[str, ...] = ()
    max_age_seconds: int | None = None
    id: str | None = None
    #: Where the rule starts in the file it was read from (0: not from a file).
    line: int = field(default=0, compare=False)

    def where(self, number: int) -> str:
        """``"rule 2 (line 9)"``: how messages name this rule."""
        return f"rule {number} (line {self.line})" if self.line else f"rule {number}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.id:
            data["ID"] = self.id
        data["AllowedOrigins"] = list(self.allowed_origins)
        data["AllowedMethods"] = list(self.allowed_methods)
        if self.allowed_headers:
            data["AllowedHeaders"] = list(self.allowed_headers)
        if self.expose_headers:
            data["ExposeHeaders"] = list(self.expose_headers)
        if self.max_age_seconds is not None:
            data["MaxAgeSeconds"] = self.max_age_seconds
        return data


@dataclass(frozen=True, slots=True)
class CorsSettings:
    """The rules as the service keeps them, and where they apply."""

    rules: tuple[CorsRule, ...]
    #: What the rules cover: "container", or "account" (Azure: every container).
    scope: str = "container"
    note: str = ""


def cors_json(rules: Sequence[CorsRule]) -> str:
    """The rules as the file ``parse_cors`` reads."""
    return json.dumps({"CORSRules": [rule.to_json() for rule in rules]}, indent=2)


def parse_cors(text: str, source: str = "the CORS file") -> tuple[CorsRule, ...]:
    """Rules from S3-style JSON (or a bare list of rules); ``InvalidConfiguration``
    naming the line and the rule for anything a service would refuse."""
    try:
        data = load_located(text, source)
    except JsonProblem as problem:
        raise InvalidConfiguration(str(problem)) from None
    if isinstance(data, dict):
        unknown = sorted(set(data) - {"CORSRules"})
        if unknown:
            raise problem_at(source, line_of(data), f"unknown field {unknown[0]!r}: the file holds "
                           '{"CORSRules": [...]}')  # fmt: skip
        data = data.get("CORSRules", [])
    if not isinstance(data, list):
        raise problem_at(source, line_of(data), 'expected {"CORSRules": [...]} or a list of rules')
    rules = tuple(_rule(item, number, source) for number, item in enumerate(data, 1))
    check_rules(rules, source)
    return rules


def _rule(item: Any, number: int, source: str) -> CorsRule:
    line = line_of(item)
    if not isinstance(item, dict):
        raise problem_at(source, line, f"rule {number} is not an object {{...}}")
    unknown = sorted(set(item) - set(_FIELDS))
    if unknown:
        raise problem_at(source, line, f"rule {number}: unknown field {unknown[0]!r}; a rule has "
                       f"{', '.join(_FIELDS)}")  # fmt: skip
    values: dict[str, Any] = {"line": line}
    for name, attribute in _FIELDS.items():
        if name not in item:
            continue
        value = item[name]
        if attribute == "max_age_seconds":
            if not isinstance(value, int) or isinstance(value, bool):
                raise problem_at(source, line, f"rule {number}: MaxAgeSeconds must be a whole number")
            values[attribute] = value
        elif attribute == "id":
            if not isinstance(value, str):
                raise problem_at(source, line, f"rule {number}: ID must be a string")
            values[attribute] = value
        else:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise problem_at(source, line, f"rule {number}: {name} must be a list of strings")
            values[attribute] = tuple(value)
    for required in ("AllowedOrigins", "AllowedMethods"):
        if not values.get(_FIELDS[required]):
            raise problem_at(source, line, f"rule {number} has no {required}: every rule names at least one")
    return CorsRule(**values)


def check_rules(rules: Sequence[CorsRule], source: str = "the CORS rules") -> None:
    """The rules every service shares; ``InvalidConfiguration`` for the first broken."""
    if len(rules) > MAX_RULES:
        raise InvalidConfiguration(f"{source}: {len(rules)} rules; a service keeps at most {MAX_RULES}.")
    seen_ids: set[str] = set()
    for number, rule in enumerate(rules, 1):
        _check_rule(rule, number, source, seen_ids)


def _check_rule(rule: CorsRule, number: int, source: str, seen_ids: set[str]) -> None:
    def refuse(text: str) -> InvalidConfiguration:
        return problem_at(source, rule.line, f"rule {number}: {text}")

    if not rule.allowed_origins:
        raise refuse("no AllowedOrigins: every rule names at least one")
    if not rule.allowed_methods:
        raise refuse("no AllowedMethods: every rule names at least one")
    for origin in rule.allowed_origins:
        if origin.count("*") > 1 or not _ORIGIN.match(origin.replace("*", "x") if origin != "*" else origin):
            raise refuse(f"the origin {origin!r} is not scheme://host[:port] or '*' (one '*' at most)")
    for method in rule.allowed_methods:
        if method != "*" and (method != method.upper() or not method.isalpha()):
            raise refuse(f"the method {method!r} must be an HTTP method in capitals, such as GET, or '*'")
    for header in (*rule.allowed_headers, *rule.expose_headers):
        if not header or not _HEADER.match(header):
            raise refuse(f"{header!r} is no header name (letters, digits and - only; one '*' at most)")
    if "*" in rule.expose_headers:
        raise refuse("ExposeHeaders cannot be '*': name the headers a page may read")
    if rule.max_age_seconds is not None and not 0 <= rule.max_age_seconds <= MAX_AGE_LIMIT:
        raise refuse(f"MaxAgeSeconds {rule.max_age_seconds} is out of range (0 to {MAX_AGE_LIMIT})")
    if rule.id is not None:
        if len(rule.id) > 255:
            raise refuse("the ID is longer than 255 characters")
        if rule.id in seen_ids:
            raise refuse(f"the ID {rule.id!r} is used twice")
        seen_ids.add(rule.id)


def check_methods(rules: Sequence[CorsRule], allowed: Sequence[str], service: str) -> None:
    """A service's own list of methods; ``InvalidConfiguration`` naming the rule."""
    for number, rule in enumerate(rules, 1):
        for method in rule.allowed_methods:
            if method not in allowed:
                raise InvalidConfiguration(
                    f"{rule.where(number)}: {service} does not take the method {method!r} in a "
                    f"CORS rule; it takes {', '.join(allowed)}."
                )


# -- preflight ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PreflightResult:
    """A browser's preflight (OPTIONS with ``Origin``), sent with no credentials."""

    url: str
    origin: str
    method: str
    status: int | None
    allow_origin: str = ""
    allow_methods: str = ""
    allow_headers: str = ""
    max_age: str = ""
    error: str = ""

    @property
    def allowed(self) -> bool:
        """The browser would go on: 2xx, the origin allowed, the method not excluded."""
        if self.status is None or not 200 <= self.status < 300:
            return False
        if self.allow_origin not in ("*", self.origin):
            return False
        methods = {m.strip().upper() for m in self.allow_methods.split(",") if m.strip()}
        return not methods or self.method.upper() in methods or "*" in methods

    def sentence(self) -> str:
        if self.status is None:
            return f"The preflight from {self.origin} got no answer ({self.error})."
        verdict = "allowed" if self.allowed else "refused"
        head = f"A preflight for {self.method} from {self.origin} answered {self.status}: {verdict}"
        if self.allow_origin:
            head += f" (Access-Control-Allow-Origin: {self.allow_origin})"
        return head + "."

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "origin": self.origin,
            "method": self.method,
            "status": self.status,
            "allowed": self.allowed,
            "allow_origin": self.allow_origin,
            "allow_methods": self.allow_methods,
            "allow_headers": self.allow_headers,
            "max_age": self.max_age,
            "error": self.error,
        }


def matching_rule(
    rules: Sequence[CorsRule], origin: str, method: str, headers: Sequence[str] = ()
) -> int | None:
    """The number (1-based) of the first rule that allows this preflight, or ``None``:
    what the rules say should happen, to compare with the live answer."""
    for number, rule in enumerate(rules, 1):
        if not any(_matches(origin, allowed) for allowed in rule.allowed_origins):
            continue
        if method.upper() not in rule.allowed_methods and "*" not in rule.allowed_methods:
            continue
        if all(any(_matches(h.lower(), a.lower()) for a in rule.allowed_headers) for h in headers):
            return number
    return None


def _matches(value: str, pattern: str) -> bool:
    return pattern == "*" or fnmatch.fnmatchcase(value, pattern)
