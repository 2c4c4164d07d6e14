"""The Content-Type an object gets when the uploader did not say (what browsers, Cyberduck
and Storage Explorer do: from the name's extension)."""

from __future__ import annotations

import mimetypes

DEFAULT_TYPE = "application/octet-stream"


def guess_type(key: str) -> str:
    return mimetypes.guess_type(key, strict=False)[0] or DEFAULT_TYPE
