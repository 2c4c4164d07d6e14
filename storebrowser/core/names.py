"""Name rules shared by providers: what one file or folder name may be on this system,
and the error every provider's container-name rules raise (each provider package keeps its
own rules in ``names.py``; its registry kind answers ``check_container_name``).

Each message quotes the rule, so a person can fix the name without looking it up.
"""

from __future__ import annotations

import os

from storebrowser.core.errors import InvalidName

#: Characters Windows refuses in file names.
WINDOWS_FORBIDDEN = frozenset('<>:"|?*\\')
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}
)
NAME_MAX_BYTES = 255


def container_name_error(name: str, rule: str) -> InvalidName:
    """The error for a container name a provider's rules refuse, quoting the rule."""
    return InvalidName(f"{name!r} is not a valid container name: {rule}", container=name)


IS_WINDOWS = os.name == "nt"


def local_name_problem(name: str, *, windows: bool = IS_WINDOWS) -> str | None:
    """Why ``name`` cannot be one file or folder name here, or ``None`` when it can.

    On POSIX only '/', NUL and the length limit bind; ``windows=True`` adds the rules of
    NTFS and the Win32 API (forbidden characters, device names, trailing dots/spaces).
    """
    if name in ("", ".", ".."):
        return "may not be empty, '.' or '..'"
    if "/" in name or "\x00" in name:
        return "may not contain '/' or a NUL character"
    if len(name.encode("utf-8")) > NAME_MAX_BYTES:
        return f"is at most {NAME_MAX_BYTES} bytes long"
    if windows:
        return _windows_name_problem(name)
    return None


def _windows_name_problem(name: str) -> str | None:
    if bad := sorted(WINDOWS_FORBIDDEN.intersection(name)):
        return f"may not contain {' '.join(bad)} on Windows"
    if any(ord(c) < 32 for c in name):
        return "may not contain control characters on Windows"
    if name.split(".", 1)[0].upper() in WINDOWS_RESERVED:
        return "may not be a device name on Windows (CON, PRN, AUX, NUL, COM1…)"
    if name.endswith((" ", ".")):
        return "may not end with a space or a dot on Windows"
    return None
