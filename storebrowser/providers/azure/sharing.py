"""Time-limited SAS URLs for one blob, signed with the account key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import quote

from storebrowser.core.errors import Unsupported

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient

#: Clocks drift: a URL valid from "now" fails on a server a minute behind.
CLOCK_SKEW = timedelta(minutes=5)
#: Azure refuses SAS expiries further than this from the service SAS rules' point of view
#: only for user-delegation keys; for account-key SAS we still cap it to stay sane.
LONGEST = timedelta(days=365)


def blob_sas_url(blob: BlobClient, key: tuple[str, str], expires_in: timedelta, method: str) -> str:
    """``blob.url`` plus a service SAS: read for GET/HEAD, create+write for PUT (of the
    snapshot the client names, if it names one)."""
    from azure.storage.blob import BlobSasPermissions, generate_blob_sas

    verb = method.upper()
    if verb in ("GET", "HEAD"):
        permission = BlobSasPermissions(read=True)
    elif verb == "PUT":
        permission = BlobSasPermissions(create=True, write=True)
    else:
        raise Unsupported(f"Azure SAS URLs here are for GET or PUT, not {method}.")
    if not timedelta(0) < expires_in <= LONGEST:
        raise ValueError(f"expires_in must be between 0 and {LONGEST.days} days, not {expires_in}")
    now = datetime.now(UTC)
    account_name, account_key = key
    token = generate_blob_sas(
        account_name=account_name,
        container_name=blob.container_name,
        blob_name=blob.blob_name,
        account_key=account_key,
        permission=permission,
        start=now - CLOCK_SKEW,
        expiry=now + expires_in,
        snapshot=blob.snapshot,
        # A version's own SAS (sr=bv): signed for the version, which the token does not
        # name, so the URL names it (``blob.url`` does not either).
        version_id=blob.version_id,
    )
    url = f"{blob.url}{'&' if '?' in blob.url else '?'}{token}"
    return version_url(url, blob.version_id) if blob.version_id else url


def version_url(url: str, version_id: str) -> str:
    """``url`` (of a blob, signed for its version or not) naming that version."""
    return f"{url}{'&' if '?' in url else '?'}versionid={quote(version_id, safe='')}"
