"""User metadata and content type in extended attributes, where the file system has them.

Attribute names: ``user.storebrowser.meta.<key>`` and ``user.storebrowser.content-type``.
Linux only: ``os.setxattr`` does not exist elsewhere, and some file systems (tmpfs on
older kernels, FAT, some network mounts) refuse ``user.`` attributes; the provider
probes once and turns the capability off when they do not work.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

_META = "user.storebrowser.meta."
_CONTENT_TYPE = "user.storebrowser.content-type"
HAVE_XATTR_API = hasattr(os, "setxattr")


def probe(folder: Path) -> bool:
    """True when ``folder``'s file system stores user extended attributes."""
    if not HAVE_XATTR_API:
        return False
    probe_file = folder / f".storebrowser-xattr-probe-{os.getpid()}"
    try:
        probe_file.touch()
        os.setxattr(probe_file, "user.storebrowser.probe", b"1")
        return os.getxattr(probe_file, "user.storebrowser.probe") == b"1"
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            probe_file.unlink()


def read(path: Path) -> tuple[dict[str, str], str | None]:
    """``(user metadata, stored content type or None)`` of ``path``."""
    metadata: dict[str, str] = {}
    content_type: str | None = None
    for name in os.listxattr(path):
        if name.startswith(_META):
            metadata[name[len(_META) :]] = os.getxattr(path, name).decode("utf-8")
        elif name == _CONTENT_TYPE:
            content_type = os.getxattr(path, name).decode("utf-8")
    return metadata, content_type


def write(path: Path, metadata: Mapping[str, str] | None, content_type: str | None) -> None:
    """Replace the user metadata of ``path`` (unless ``None``); set the content type
    when given, remove it when ``""`` (the type is guessed from the name again)."""
    if content_type == "":
        with contextlib.suppress(OSError):  # ENODATA: there was none
            os.removexattr(path, _CONTENT_TYPE)
        content_type = None
    if metadata is None:
        if content_type is not None:
            os.setxattr(path, _CONTENT_TYPE, content_type.encode("utf-8"))
        return
    for name in os.listxattr(path):
        if name.startswith(_META) and name[len(_META) :] not in metadata:
            os.removexattr(path, name)
    for key, value in metadata.items():
        os.setxattr(path, _META + key, value.encode("utf-8"))
    if content_type is not None:
        os.setxattr(path, _CONTENT_TYPE, content_type.encode("utf-8"))
