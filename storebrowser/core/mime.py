"""The Content-Type an object gets when the uploader did not say (what browsers, Cyberduck
and Storage Explorer do: from the name's extension).

A compressed file is the compressed format it is: ``backup.tar.gz`` is
``application/gzip``, not ``application/x-tar`` (what the name says it holds) without the
``Content-Encoding: gzip`` that would make browsers and HTTP clients unpack it on the way.
"""

from __future__ import annotations

import mimetypes

DEFAULT_TYPE = "application/octet-stream"
#: mimetypes' encodings (from ``.gz``, ``.bz2``…) as the types of the compressed files.
COMPRESSED_TYPES = {
    "gzip": "application/gzip",
    "bzip2": "application/x-bzip2",
    "xz": "application/x-xz",
    "compress": "application/x-compress",
    "br": "application/x-brotli",
}


def guess_type(key: str) -> str:
    content_type, encoding = mimetypes.guess_type(key, strict=False)
    if encoding is not None:
        return COMPRESSED_TYPES.get(encoding, DEFAULT_TYPE)
    return content_type or DEFAULT_TYPE
