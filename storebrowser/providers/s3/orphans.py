"""Multipart uploads opened by a request whose answer was lost.

CreateMultipartUpload is not idempotent: when its answer is lost (a reset, a read
timeout) the server may still have opened an upload that nobody knows the id of, and
botocore's retries (or ours) open another. Such uploads hold their parts, and cost,
until someone aborts them. So every key whose start was retried or failed is noted, and
its unknown uploads are aborted once the start succeeds (all but the one we got), or when
the transfer is cancelled. Only uploads of exactly that key, begun since the first lost
answer, are touched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from storebrowser.core.errors import StorageError, Transient
from storebrowser.providers.s3.errors import s3_errors

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)

#: SigV4 refuses a clock further off than this, so once any request got through, the
#: server's "Initiated" and our clock agree at least that well.
CLOCK_SKEW = timedelta(minutes=15)


class UnansweredStarts:
    """Keys whose CreateMultipartUpload may have opened uploads we never heard of."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._since: dict[tuple[str, str], datetime] = {}

    def start(
        self, client: S3Client, container: str, key: str, create: Callable[[], Mapping[str, Any]]
    ) -> str:
        """Run ``create`` (CreateMultipartUpload); its upload id. Uploads opened by lost
        answers, this time or before, are aborted when this one is known."""
        began = datetime.now(UTC)
        try:
            reply = create()
        except Transient:
            self._note(container, key, began)
            raise
        upload_id = str(reply["UploadId"])
        if reply.get("ResponseMetadata", {}).get("RetryAttempts"):
            self._note(container, key, began)
        self.sweep(client, container, key, keep=upload_id)
        return upload_id

    def _note(self, container: str, key: str, began: datetime) -> None:
        with self._lock:
            self._since.setdefault((container, key), began)

    def sweep(self, client: S3Client, container: str, key: str, *, keep: str | None = None) -> None:
        """Abort the unknown uploads of ``key`` (not ``keep``), if its start lost an answer.
        Best effort: a failure leaves the note for the next sweep."""
        with self._lock:
            since = self._since.get((container, key))
        if since is None:
            return
        try:
            with s3_errors(f"Removing unfinished uploads of {key!r}", container=container, key=key):
                for upload_id in _uploads_of(client, container, key, since - CLOCK_SKEW):
                    if upload_id != keep:
                        client.abort_multipart_upload(Bucket=container, Key=key, UploadId=upload_id)
        except StorageError as error:
            log.info("unknown uploads of %r not removed yet: %s", key, error)
            return
        with self._lock:
            self._since.pop((container, key), None)


def _uploads_of(client: S3Client, container: str, key: str, since: datetime) -> list[str]:
    pages = client.get_paginator("list_multipart_uploads").paginate(Bucket=container, Prefix=key)
    return [
        str(upload["UploadId"])
        for page in pages
        for upload in page.get("Uploads", [])
        if upload["Key"] == key and upload["Initiated"] >= since
    ]
