"""What an object IS: its listing facts, its system properties, its version; and the
rules every provider applies to system property values before anything is sent.

System properties are named here once (``CONTENT_TYPE`` ...) and travel as HTTP headers
on every service, so their values are checked the same way everywhere: US-ASCII, no
control characters, and a Content-Type that parses as ``type/subtype; name=value``.
Which of them a provider can set is ``Capabilities.system_properties``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from storebrowser.core.errors import InvalidMetadata, PreconditionFailed
from storebrowser.core.types import ObjectInfo, frozen_mapping

CONTENT_TYPE = "content_type"
CACHE_CONTROL = "cache_control"
CONTENT_DISPOSITION = "content_disposition"
CONTENT_ENCODING = "content_encoding"
CONTENT_LANGUAGE = "content_language"

#: Every system property an editor may show, in the order it shows them.
SYSTEM_PROPERTIES: tuple[str, ...] = (
    CONTENT_TYPE,
    CACHE_CONTROL,
    CONTENT_DISPOSITION,
    CONTENT_ENCODING,
    CONTENT_LANGUAGE,
)
#: The HTTP header each one travels as (S3, Swift and Azure's ``x-ms-blob-*`` alike).
HTTP_HEADERS: Mapping[str, str] = {
    CONTENT_TYPE: "Content-Type",
    CACHE_CONTROL: "Cache-Control",
    CONTENT_DISPOSITION: "Content-Disposition",
    CONTENT_ENCODING: "Content-Encoding",
    CONTENT_LANGUAGE: "Content-Language",
}
#: Longest value we send; HTTP servers commonly cap a header line at 8 KiB.
MAX_VALUE_LENGTH = 4096

_TOKEN = r"[A-Za-z0-9!#$%&'*+.^_`|~-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"'
_CONTENT_TYPE = re.compile(rf"^{_TOKEN}/{_TOKEN}(?:\s*;\s*{_TOKEN}=(?:{_TOKEN}|{_QUOTED}))*\s*;?$")


@dataclass(frozen=True, slots=True)
class ObjectProperties:
    """One object as a metadata editor shows it.

    ``system`` holds only the system properties that are set (names from
    ``SYSTEM_PROPERTIES``); ``version`` is the service's version id where there is one.
    """

    info: ObjectInfo
    system: Mapping[str, str] = field(default_factory=dict)
    version: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "system", frozen_mapping({k: v for k, v in self.system.items() if v}))

    @property
    def metadata(self) -> Mapping[str, str]:
        """The user metadata (the same mapping as ``info.metadata``)."""
        return self.info.metadata

    @property
    def etag(self) -> str | None:
        return self.info.etag


def check_system(system: Mapping[str, str | None] | None, *, key: str | None = None) -> None:
    """Refuse unknown property names and values no HTTP header can carry, before sending.

    ``None`` or ``""`` means "clear" and is always fine. Which properties a provider can
    set is the provider's business (``Provider.check_properties``).
    """
    for name, value in (system or {}).items():
        if name not in HTTP_HEADERS:
            raise InvalidMetadata(
                f"{name!r} is not a system property; the ones there are: {', '.join(SYSTEM_PROPERTIES)}.",
                key=key,
            )
        if value:
            check_system_value(name, value, key=key)


def check_system_value(name: str, value: str, *, key: str | None = None) -> None:
    header = HTTP_HEADERS[name]
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise InvalidMetadata(
            f"The {header} value {value!r} holds a control character (a line break?); an HTTP "
            "header cannot carry it.",
            key=key,
        )
    if not value.isascii():
        hint = (
            " For a file name with other characters use filename*=UTF-8''<percent-encoded name> (RFC 6266)."
            if name == CONTENT_DISPOSITION
            else ""
        )
        raise InvalidMetadata(
            f"The {header} value {value!r} has non-ASCII characters; HTTP headers carry US-ASCII only.{hint}",
            key=key,
        )
    if len(value) > MAX_VALUE_LENGTH:
        raise InvalidMetadata(
            f"The {header} value is {len(value)} characters long; at most {MAX_VALUE_LENGTH} are sent.",
            key=key,
        )
    if value != value.strip():
        raise InvalidMetadata(
            f"The {header} value {value!r} starts or ends with blanks, which HTTP drops; remove them.",
            key=key,
        )
    if name == CONTENT_TYPE and not _CONTENT_TYPE.match(value):
        raise InvalidMetadata(
            f"{value!r} is not a valid Content-Type: write it as type/subtype, optionally "
            "followed by ; name=value parameters (e.g. text/plain; charset=utf-8).",
            key=key,
        )


def same_etag(a: str | None, b: str | None) -> bool:
    """ETags compared as the providers give them (quotes stripped)."""
    return (a or "").strip('"') == (b or "").strip('"')


def object_changed(
    container: str, key: str, seen_etag: str | None, current_etag: str | None = None
) -> PreconditionFailed:
    """The error for an edit refused because the object is no longer the one shown."""
    now = f", now {current_etag}" if current_etag and current_etag != seen_etag else ""
    return PreconditionFailed(
        f"{key!r} changed since it was shown (ETag {seen_etag}{now}); reload it and edit "
        "again. Nothing was changed.",
        container=container,
        key=key,
    )
