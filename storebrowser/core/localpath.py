"""The ONE function that turns an object key into a local path.

Every download, restore and local-provider write goes through ``key_to_local_path``. It
refuses anything that could land outside the chosen folder (``..``, absolute paths,
drive letters, a symlink in the way) and names a common file system cannot hold, so a
hostile or odd key fails that one item with a message and writes nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from storebrowser.core.errors import InvalidName
from storebrowser.core.names import local_name_problem

_DRIVE = re.compile(r"^[A-Za-z]:")


def _refuse(key: str, why: str) -> InvalidName:
    return InvalidName(f"The object name {key!r} cannot be saved as a local file: {why}.", key=key)


def key_parts(key: str) -> list[str]:
    """Split a key into path segments, refusing what cannot be a relative local path.

    A trailing ``/`` (a folder marker) is allowed and dropped.
    """
    if not key or key == "/":
        raise _refuse(key, "it is empty")
    if "\x00" in key:
        raise _refuse(key, "it contains a NUL character")
    if key.startswith(("/", "\\")):
        raise _refuse(key, "it is an absolute path")
    if _DRIVE.match(key):
        raise _refuse(key, "it starts with a drive letter")
    if "\\" in key:
        raise _refuse(key, "it contains '\\', which Windows reads as a folder separator")
    body = key[:-1] if key.endswith("/") else key
    parts = body.split("/")
    for part in parts:
        if part == "..":
            raise _refuse(key, "it contains '..', which would leave the chosen folder")
        if part in ("", "."):
            raise _refuse(key, "it has an empty or '.' path segment ('//' or '/./')")
        if problem := local_name_problem(part):
            raise _refuse(key, f"the segment {part!r} {problem}")
    return parts


def key_to_local_path(root: Path, key: str, *, strip_prefix: str = "") -> Path:
    """Map ``key`` (minus ``strip_prefix``) to a path strictly inside ``root``.

    ``root`` should exist; a symlink inside it that points elsewhere is refused too.
    Raises ``InvalidName`` with a message a person can act on.
    """
    if strip_prefix:
        if not key.startswith(strip_prefix):
            raise _refuse(key, f"it does not start with {strip_prefix!r}")
        relative_key = key[len(strip_prefix) :]
    else:
        relative_key = key
    parts = key_parts(relative_key)
    real_root = Path(os.path.realpath(root))
    target = real_root.joinpath(*parts)
    _check_no_escape(key, real_root, target)
    return target


def _check_no_escape(key: str, real_root: Path, target: Path) -> None:
    """Refuse when an existing ancestor of ``target`` resolves outside ``real_root``."""
    probe = target.parent
    while probe != real_root and not probe.exists():
        probe = probe.parent
    resolved = Path(os.path.realpath(probe))
    if resolved != real_root and real_root not in resolved.parents:
        raise _refuse(key, "a link inside the chosen folder points outside it")
    if target.is_symlink():
        raise _refuse(key, "a link is in the way at the target path")
