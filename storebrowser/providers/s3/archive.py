"""What a HEAD says about an archived object: its class, S3 Intelligent-Tiering's
archive tiers, and the restore status (``x-amz-restore``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from storebrowser.core.archive import ArchiveState, ArchiveStatus

#: Storage classes whose objects must be restored before they can be read.
ARCHIVE_CLASSES = frozenset({"GLACIER", "DEEP_ARCHIVE"})
#: ``x-amz-archive-status`` of an INTELLIGENT_TIERING object in an archive tier.
ARCHIVE_ACCESS_TIERS = frozenset({"ARCHIVE_ACCESS", "DEEP_ARCHIVE_ACCESS"})

_ONGOING = re.compile(r'ongoing-request\s*=\s*"(true|false)"', re.IGNORECASE)
_EXPIRY = re.compile(r'expiry-date\s*=\s*"([^"]+)"', re.IGNORECASE)


def archive_status(head: Mapping[str, Any]) -> ArchiveStatus | None:
    """``None`` when the object can be read as it is (and was never restored, or its
    Intelligent-Tiering restore moved it back for good)."""
    restore = str(head.get("Restore") or "")
    ongoing = _ONGOING.search(restore)
    if ongoing and ongoing.group(1).lower() == "true":
        return ArchiveStatus(ArchiveState.RESTORING)
    expiry = _EXPIRY.search(restore)
    if ongoing and expiry:
        return ArchiveStatus(ArchiveState.RESTORED, until=_parse_date(expiry.group(1)))
    if is_archived(head):
        return ArchiveStatus(ArchiveState.ARCHIVED)
    return None


def is_archived(head: Mapping[str, Any]) -> bool:
    """In an archive class or tier (restored or not)."""
    return head.get("StorageClass") in ARCHIVE_CLASSES or head.get("ArchiveStatus") in ARCHIVE_ACCESS_TIERS


def archive_name(head: Mapping[str, Any]) -> str:
    """What to call where the object is: ``GLACIER``, ``INTELLIGENT_TIERING (ARCHIVE_ACCESS)``."""
    storage_class = str(head.get("StorageClass") or "STANDARD")
    tier = head.get("ArchiveStatus")
    return f"{storage_class} ({tier})" if tier else storage_class


def _parse_date(text: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
