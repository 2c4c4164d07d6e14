"""Swift container-name rules, checked before anything is sent; the message quotes the rule."""

from __future__ import annotations

from storebrowser.core.names import container_name_error


def check_container_name(name: str) -> None:
    """Raise ``InvalidName`` quoting the rule when ``name`` is not a valid container name."""
    if not name:
        raise container_name_error(name, "Swift container names may not be empty.")
    if "/" in name:
        raise container_name_error(
            name,
            "Swift container names may not contain '/' (object names may; use a "
            "pseudo-folder inside the container instead).",
        )
    if name in (".", ".."):
        raise container_name_error(
            name,
            "Swift container names may not be '.' or '..': in a web address they mean "
            "'this account' and 'up', not a container.",
        )
    if len(name.encode("utf-8")) > 256:
        raise container_name_error(name, "Swift container names are at most 256 bytes of UTF-8.")
    if "\x00" in name:
        raise container_name_error(name, "Swift container names may not contain a NUL character.")
