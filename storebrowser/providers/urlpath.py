"""Object keys in URL paths: ``.`` and ``..`` segments percent-encoded.

HTTP stacks treat ``/./`` and ``/../`` in a path as directions and remove them before the
request leaves (urllib3's ``parse_url``, under requests; every browser), so a key such
as ``a/../b.txt`` would address ``b.txt`` instead, or another container, or the account.
Encoded as ``%2E`` they are plain characters to every client and intermediary that
follows RFC 3986 literally, and the server decodes them back into the exact key. Each
provider package decides where to apply this (and where its service cannot store such a
key at all); this module only knows the encoding.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from storebrowser.core.errors import InvalidName

_ENCODED = {".": "%2E", "..": "%2E%2E"}


def has_dot_segment(path: str) -> bool:
    """Whether ``path`` (or a key) has a segment that is exactly ``.`` or ``..``."""
    return "." in path and any(segment in _ENCODED for segment in path.split("/"))


def encode_dot_segments(path: str) -> str:
    """``path`` (already percent-encoded otherwise) with ``.``/``..`` segments as
    ``%2E``/``%2E%2E``; any other path is returned unchanged."""
    if not has_dot_segment(path):
        return path
    return "/".join(_ENCODED.get(segment, segment) for segment in path.split("/"))


def plain_url_path(key: str) -> str:
    """``key`` quoted for a plain (unsigned) object URL.

    Refused for a key with ``.``/``..`` segments: browsers resolve those even encoded
    (the WHATWG URL standard reads ``%2e`` as ``.``), so a public container would serve a
    browser another object. A signed URL fails safely instead (the path no longer
    matches its signature), so ``share_url`` encodes them and goes ahead.
    """
    if has_dot_segment(key):
        raise InvalidName(
            f"No plain URL can name {key!r}: browsers read '.' and '..' in an address as "
            "directions, even encoded, and would open another object. Use a time-limited "
            "URL with a command-line client, or download the object.",
            key=key,
        )
    return quote(key, safe="/~")


def url_with_encoded_dot_segments(url: str) -> str:
    """A whole URL (a signed one, say) with ``encode_dot_segments`` applied to its path."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=encode_dot_segments(parts.path)))
