"""Container-name rules per provider kind, checked before anything is sent.

Each message quotes the rule, so a person can fix the name without looking it up.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Callable

from storebrowser.core.errors import InvalidName

_S3_CHARS = re.compile(r"^[a-z0-9.-]+$")
_AZURE_CHARS = re.compile(r"^[a-z0-9-]+$")
_AZURE_SPECIAL = frozenset({"$root", "$web", "$logs"})
#: Characters Windows refuses in file names.
WINDOWS_FORBIDDEN = frozenset('<>:"|?*\\')
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} | {f"LPT{i}" for i in range(1, 10)}
)
NAME_MAX_BYTES = 255


def _fail(name: str, rule: str) -> InvalidName:
    return InvalidName(f"{name!r} is not a valid container name: {rule}", container=name)


def _check_s3(name: str) -> None:
    rule = (
        "S3 bucket names are 3-63 characters of lowercase letters, digits, dots and "
        "hyphens, start and end with a letter or digit"
    )
    if not 3 <= len(name) <= 63 or not _S3_CHARS.match(name):
        raise _fail(name, rule + ".")
    if not (name[0].isalnum() and name[-1].isalnum()):
        raise _fail(name, rule + ".")
    if ".." in name or ".-" in name or "-." in name:
        raise _fail(name, "S3 bucket names may not have two dots, or a dot next to a hyphen.")
    if _is_ip_address(name):
        raise _fail(name, "S3 bucket names may not look like an IP address (192.168.5.4).")
    if name.startswith(("xn--", "sthree-")) or name.endswith(("-s3alias", "--ol-s3")):
        raise _fail(
            name,
            "S3 reserves names starting with 'xn--' or 'sthree-' and ending with '-s3alias' or '--ol-s3'.",
        )


def _is_ip_address(name: str) -> bool:
    try:
        ipaddress.IPv4Address(name)
    except ValueError:
        return False
    return True


def _check_azure(name: str) -> None:
    if name in _AZURE_SPECIAL:
        return
    rule = (
        "Azure container names are 3-63 characters of lowercase letters, digits and "
        "hyphens, start with a letter or digit, and every hyphen sits between letters "
        "or digits (no '--', no hyphen at the end)."
    )
    if not 3 <= len(name) <= 63 or not _AZURE_CHARS.match(name):
        raise _fail(name, rule)
    if name.startswith("-") or name.endswith("-") or "--" in name:
        raise _fail(name, rule)


def _check_swift(name: str) -> None:
    if not name:
        raise _fail(name, "Swift container names may not be empty.")
    if "/" in name:
        raise _fail(
            name,
            "Swift container names may not contain '/' (object names may; use a "
            "pseudo-folder inside the container instead).",
        )
    if len(name.encode("utf-8")) > 256:
        raise _fail(name, "Swift container names are at most 256 bytes of UTF-8.")
    if "\x00" in name:
        raise _fail(name, "Swift container names may not contain a NUL character.")


def _check_local(name: str) -> None:
    problem = local_name_problem(name)
    if problem:
        raise _fail(name, f"a local folder name {problem}.")


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


_CHECKS: dict[str, Callable[[str], None]] = {
    "s3": _check_s3,
    "azure": _check_azure,
    "swift": _check_swift,
    "local": _check_local,
}


def validate_container_name(kind: str, name: str) -> None:
    """Raise ``InvalidName`` quoting the rule when ``name`` is not valid for ``kind``."""
    try:
        check = _CHECKS[kind]
    except KeyError:
        raise ValueError(f"no container-name rules for provider kind {kind!r}") from None
    check(name)
