"""S3 user metadata: the rules, the encoding of non-ASCII values, and system properties.

Our choice, so nothing is silently mangled:
- Keys travel as ``x-amz-meta-<key>`` header names. S3 treats them case-insensitively
  and gives them back lower-cased, so an upper-case key would come back changed: it is
  refused with a message naming the lower-case form. Keys are HTTP token characters.
- Values travel in HTTP headers, which carry US-ASCII only. A value with other
  characters is sent RFC 2047-encoded (``=?UTF-8?B?...?=``), the form the AWS console
  writes and shows, and decoded again on read; control characters are refused.
- AWS allows 2 KB of user metadata (keys + values as sent); checked before sending.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from typing import Any

from storebrowser.core.errors import InvalidMetadata
from storebrowser.core.mime import guess_type
from storebrowser.core.properties import (
    CACHE_CONTROL,
    CONTENT_DISPOSITION,
    CONTENT_ENCODING,
    CONTENT_LANGUAGE,
    CONTENT_TYPE,
)

#: AWS: "the user-defined metadata is limited to 2 KB in size", keys and values as sent.
MAX_USER_METADATA_BYTES = 2048
_TOKEN = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
_ENCODED_WORD = re.compile(r"^=\?utf-8\?b\?([A-Za-z0-9+/=]*)\?=$", re.IGNORECASE)

#: System properties a metadata change (copy onto itself with REPLACE) must carry over:
#: HEAD reply field -> CopyObject / CreateMultipartUpload parameter.
CARRIED_PROPERTIES: dict[str, str] = {
    "CacheControl": "CacheControl",
    "ContentDisposition": "ContentDisposition",
    "ContentEncoding": "ContentEncoding",
    "ContentLanguage": "ContentLanguage",
    "Expires": "Expires",
    "WebsiteRedirectLocation": "WebsiteRedirectLocation",
    "StorageClass": "StorageClass",
    "ServerSideEncryption": "ServerSideEncryption",
    "SSEKMSKeyId": "SSEKMSKeyId",
    "BucketKeyEnabled": "BucketKeyEnabled",
}


#: Our system properties as HEAD reply fields, which are also the CopyObject parameters.
SYSTEM_FIELDS: dict[str, str] = {
    CONTENT_TYPE: "ContentType",
    CACHE_CONTROL: "CacheControl",
    CONTENT_DISPOSITION: "ContentDisposition",
    CONTENT_ENCODING: "ContentEncoding",
    CONTENT_LANGUAGE: "ContentLanguage",
}
SYSTEM_PROPERTIES = frozenset(SYSTEM_FIELDS)


def encode_metadata(
    metadata: Mapping[str, str] | None, *, stored: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Check ``metadata`` against the rules above and return it ready for boto3.

    ``stored``: the object's metadata as read (still encoded). A value it holds already
    travels back exactly as read, byte for byte: an edit of one entry must not rewrite the
    others (a value with trailing blanks would otherwise come back RFC 2047-encoded)."""
    encoded: dict[str, str] = {}
    stored = stored or {}
    for key, value in (metadata or {}).items():
        if key in stored and decode_value(stored[key]) == value:
            encoded[key] = stored[key]
            continue
        _check_key(key)
        encoded[key] = encode_value(key, value)
    size = sum(len(k) + len(v) for k, v in encoded.items())
    if size > MAX_USER_METADATA_BYTES:
        raise InvalidMetadata(
            f"User metadata is {size} bytes as sent; S3 allows at most "
            f"{MAX_USER_METADATA_BYTES} bytes (keys and values together, non-ASCII values "
            "count in their encoded form). Shorten or remove some entries."
        )
    return encoded


def _check_key(key: str) -> None:
    if not key or not key.isascii() or not _TOKEN.match(key):
        raise InvalidMetadata(
            f"Metadata key {key!r} is not valid for S3: keys are sent as HTTP header names, "
            "so use ASCII letters, digits and - _ . (no spaces or other characters)."
        )
    if key != key.lower():
        raise InvalidMetadata(
            f"Metadata key {key!r} has upper-case letters: S3 stores keys in lower case and "
            f"would give it back as {key.lower()!r}. Use {key.lower()!r}."
        )


def encode_value(key: str, value: str) -> str:
    if any((ord(c) < 32 and c != "\t") or ord(c) == 127 for c in value):
        raise InvalidMetadata(
            f"The value of metadata key {key!r} contains a control character (such as a "
            "line break); HTTP headers cannot carry it."
        )
    if value.isascii() and not _ENCODED_WORD.match(value) and value == value.strip():
        return value
    # Non-ASCII, or something that would not survive the trip as it is: leading/trailing
    # blanks are trimmed by HTTP, and a literal "=?utf-8?b?...?=" would be decoded on read.
    return "=?UTF-8?B?" + base64.b64encode(value.encode("utf-8")).decode("ascii") + "?="


def decode_value(value: str) -> str:
    match = _ENCODED_WORD.match(value)
    if not match:
        return value
    try:
        return base64.b64decode(match.group(1), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return value  # not ours and not valid: show it as the server has it


def decode_metadata(metadata: Mapping[str, str] | None) -> dict[str, str]:
    return {key: decode_value(value) for key, value in (metadata or {}).items()}


def carried_properties(head: Mapping[str, Any]) -> dict[str, Any]:
    """The system properties of a HEAD reply as CopyObject parameters."""
    carried = {param: head[field] for field, param in CARRIED_PROPERTIES.items() if field in head}
    if carried.get("ServerSideEncryption") == "AES256":
        carried.pop("SSEKMSKeyId", None)
    if "Expires" in carried and not hasattr(carried["Expires"], "tzinfo"):
        carried.pop("Expires")  # an unparseable Expires header: nothing worth copying
    return carried


def system_from_head(head: Mapping[str, Any]) -> dict[str, str]:
    """The system properties that are set, from a HEAD reply."""
    return {name: str(head[field]) for name, field in SYSTEM_FIELDS.items() if head.get(field)}


def replaced_properties(
    head: Mapping[str, Any], system: Mapping[str, str | None] | None, key: str
) -> dict[str, Any]:
    """CopyObject parameters for a REPLACE that keeps every system property of ``head``
    but those ``system`` changes (a cleared Content-Type becomes the guessed one)."""
    params = carried_properties(head)
    params["ContentType"] = head.get("ContentType") or guess_type(key)
    for name, value in (system or {}).items():
        if value:
            params[SYSTEM_FIELDS[name]] = value
        elif name == CONTENT_TYPE:
            params["ContentType"] = guess_type(key)
        else:
            params.pop(SYSTEM_FIELDS[name], None)
    return params
