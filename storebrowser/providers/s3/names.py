"""S3 bucket-name rules, checked before anything is sent; the message quotes the rule."""

from __future__ import annotations

import ipaddress
import re

from storebrowser.core.names import container_name_error

_S3_CHARS = re.compile(r"^[a-z0-9.-]+$")


def check_container_name(name: str) -> None:
    """Raise ``InvalidName`` quoting the rule when ``name`` is not a valid bucket name."""
    rule = (
        "S3 bucket names are 3-63 characters of lowercase letters, digits, dots and "
        "hyphens, start and end with a letter or digit"
    )
    if not 3 <= len(name) <= 63 or not _S3_CHARS.match(name):
        raise container_name_error(name, rule + ".")
    if not (name[0].isalnum() and name[-1].isalnum()):
        raise container_name_error(name, rule + ".")
    if ".." in name or ".-" in name or "-." in name:
        raise container_name_error(name, "S3 bucket names may not have two dots, or a dot next to a hyphen.")
    if _is_ip_address(name):
        raise container_name_error(name, "S3 bucket names may not look like an IP address (192.168.5.4).")
    if name.startswith(("xn--", "sthree-")) or name.endswith(("-s3alias", "--ol-s3")):
        raise container_name_error(
            name,
            "S3 reserves names starting with 'xn--' or 'sthree-' and ending with '-s3alias' or '--ol-s3'.",
        )


def _is_ip_address(name: str) -> bool:
    try:
        ipaddress.IPv4Address(name)
    except ValueError:
        return False
    return True
