"""The blob names Azure can store exactly, checked before any request.

From the service's naming rules ("Naming and Referencing Containers, Blobs, and
Metadata"): at most 1,024 characters and 254 path segments; no control characters; no
path segment ending in a dot. The service drops a trailing dot (``file.`` is stored as
``file``), and the HTTP stack reads ``.``/``..`` segments as directions, so such a name
would reach another blob; a ``\\`` is kept by neither the service's signatures nor the
emulator (which turns it into ``/``). Refusing with the rule beats a misleading
"failed to authenticate" or a write under another name.
"""

from __future__ import annotations

import unicodedata

from storebrowser.core.errors import InvalidName

MAX_NAME_CHARS = 1024
MAX_SEGMENTS = 254


def blob_name_problem(name: str) -> str | None:
    """Why Azure cannot store ``name`` as it is, or ``None`` when it can."""
    if not name:
        return "a blob name may not be empty"
    if len(name) > MAX_NAME_CHARS:
        return f"Azure blob names are at most {MAX_NAME_CHARS:,} characters; this one has {len(name):,}"
    segments = name.split("/")
    if len(segments) > MAX_SEGMENTS:
        return f"Azure blob names have at most {MAX_SEGMENTS} parts between '/'; this one has {len(segments)}"
    if any(unicodedata.category(char) == "Cc" for char in name):
        return "Azure does not take control characters (line breaks, tabs, escape codes) in blob names"
    if "\\" in name:
        return "Azure does not keep '\\' in blob names (it may become '/')"
    if any(segment.endswith(".") for segment in segments):
        return (
            "Azure drops a dot at the end of a name or of a part between '/', and reads '.' and "
            "'..' as directions, so this would reach another blob"
        )
    return None


def check_blob_name(name: str, *, container: str | None = None) -> None:
    """Raise ``InvalidName`` quoting the rule when Azure cannot store ``name`` exactly."""
    problem = blob_name_problem(name)
    if problem is not None:
        raise InvalidName(f"{name!r} cannot be an Azure blob name: {problem}.", container=container, key=name)
