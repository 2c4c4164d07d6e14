"""A file's modification time kept in object metadata, written as rclone writes it.

rclone keeps the modification time of an uploaded file under the user-metadata key
``mtime``; how the value is written depends on the service (checked against rclone's
source: ``backend/s3/s3.go`` and ``backend/swift/swift.go`` write
``swift.TimeToFloatString``, ``backend/azureblob/azureblob.go`` formats
``2006-01-02T15:04:05.000000000Z07:00``):

- S3 (``X-Amz-Meta-Mtime``) and Swift (``X-Object-Meta-Mtime``): seconds since the epoch
  in fixed point, up to nine decimals, trailing zeros dropped (``1354040105.123456789``,
  ``1354040105.5``, ``1354040105``).
- Azure (metadata ``mtime``): RFC 3339 with exactly nine decimals
  (``2012-11-27T18:15:05.123456789Z``).

Writing the same key the same way means a tree uploaded by StoreBrowser is unchanged for
rclone and the other way round. Times are kept as integer nanoseconds throughout: a float
cannot hold a nanosecond timestamp exactly, and a difference of one would read as a change.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import UTC, datetime

#: The user-metadata key (rclone's), as services hand it back: lower case.
MTIME_KEY = "mtime"
_NS = 1_000_000_000


class MtimeStyle(enum.Enum):
    """How a service's metadata value holds the time (see the module's note)."""

    UNIX_SECONDS = "unix-seconds"
    RFC3339_NANO = "rfc3339-nano"


def format_mtime(ns: int, style: MtimeStyle) -> str:
    """``ns`` (nanoseconds since the epoch) as rclone writes it for ``style``."""
    if style is MtimeStyle.UNIX_SECONDS:
        return _unix_seconds(ns)
    seconds, fraction = divmod(ns, _NS)
    moment = datetime.fromtimestamp(seconds, UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{fraction:09d}Z"


def _unix_seconds(ns: int) -> str:
    if ns < 0:
        return "-" + _unix_seconds(-ns)
    seconds, fraction = divmod(ns, _NS)
    decimals = f"{fraction:09d}".rstrip("0")
    return f"{seconds}.{decimals}" if decimals else str(seconds)


_FIXED_POINT = re.compile(r"^(-?)(\d+)(?:\.(\d*))?$")
_RFC3339 = re.compile(r"^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:\d{2})$")


def parse_mtime(text: str) -> int | None:
    """Nanoseconds since the epoch from either style (and RFC 3339 with any offset and
    up to nine decimals, as rclone reads it); ``None`` when it is neither."""
    text = text.strip()
    fixed = _FIXED_POINT.match(text)
    if fixed:
        sign, whole, decimals = fixed.groups()
        ns = int(whole) * _NS + int(((decimals or "")[:9]).ljust(9, "0"))
        return -ns if sign else ns
    stamp = _RFC3339.match(text)
    if not stamp:
        return None
    day, clock, decimals, offset = stamp.groups()
    zone = "+00:00" if offset in ("Z", "z") else offset
    try:
        moment = datetime.fromisoformat(f"{day}T{clock}{zone}")
    except ValueError:
        return None
    return int(moment.timestamp()) * _NS + int(((decimals or "")[:9]).ljust(9, "0"))


def stored_mtime(metadata: Mapping[str, str]) -> int | None:
    """The modification time kept in an object's metadata (``mtime``, any case), if any."""
    for key, value in metadata.items():
        if key.lower() == MTIME_KEY:
            return parse_mtime(value)
    return None


def with_mtime(metadata: Mapping[str, str] | None, ns: int, style: MtimeStyle) -> dict[str, str]:
    """``metadata`` plus the modification time, unless it names one itself (a person's
    own ``mtime`` wins)."""
    merged = dict(metadata or {})
    if not any(key.lower() == MTIME_KEY for key in merged):
        merged[MTIME_KEY] = format_mtime(ns, style)
    return merged
