"""Azure container-name rules, checked before anything is sent; the message quotes the
rule. The containers Azure itself names (``$root``, ``$web``, ``$logs``) are valid too."""

from __future__ import annotations

import re

from storebrowser.core.names import container_name_error

#: The one container an account's static website is served from.
WEB_CONTAINER = "$web"
_AZURE_CHARS = re.compile(r"^[a-z0-9-]+$")
_AZURE_SPECIAL = frozenset({"$root", WEB_CONTAINER, "$logs"})


def check_container_name(name: str) -> None:
    """Raise ``InvalidName`` quoting the rule when ``name`` is not a valid container name."""
    if name in _AZURE_SPECIAL:
        return
    rule = (
        "Azure container names are 3-63 characters of lowercase letters, digits and "
        "hyphens, start with a letter or digit, and every hyphen sits between letters "
        "or digits (no '--', no hyphen at the end)."
    )
    if not 3 <= len(name) <= 63 or not _AZURE_CHARS.match(name):
        raise container_name_error(name, rule)
    if name.startswith("-") or name.endswith("-") or "--" in name:
        raise container_name_error(name, rule)
