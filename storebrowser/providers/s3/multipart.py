"""S3 multipart uploads: the parts themselves (the parallel driver is ``transfers/parts.py``),
and server-side copies of objects too big for one CopyObject (over 5 GiB)."""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, BinaryIO

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import NotFound, StorageError
from storebrowser.core.retry import NO_RETRY, RetryPolicy, call_with_retry, retried_by_caller
from storebrowser.core.types import ObjectInfo, PartRecord, ProgressCallback
from storebrowser.providers.base import MultipartUpload
from storebrowser.providers.s3.errors import s3_errors
from storebrowser.providers.s3.listing import strip_etag
from storebrowser.providers.s3.orphans import UnansweredStarts
from storebrowser.providers.s3.part_check import PartChecksums
from storebrowser.providers.s3.progress import SendProgressStream

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import CopySourceTypeDef

log = logging.getLogger(__name__)

GiB = 1024**3
#: The largest object one CopyObject may copy; bigger ones are copied in parts.
MAX_SINGLE_COPY = 5 * GiB
COPY_PART_SIZE = 512 * 1024 * 1024


class S3MultipartUpload(MultipartUpload):
    """One CreateMultipartUpload; parts carry a checksum the server checks (CRC32 where it
    proved it does, else Content-MD5: ``part_check``)."""

    def __init__(
        self,
        client: S3Client,
        container: str,
        key: str,
        part_size: int,
        upload_id: str,
        part_args: Mapping[str, Any] | None = None,
        checksums: PartChecksums | None = None,
        *,
        clients: Callable[[], S3Client] | None = None,
    ) -> None:
        super().__init__(container, key, part_size)
        #: ``clients``: the provider's client for each request, asked at the time (the one
        #: that makes a single attempt under a caller that retries: ``ClientFactory``).
        self._clients = clients or (lambda: client)
        self.upload_id = upload_id
        #: What each part carries besides its bytes: an SSE-C key (never in ``state()``).
        self._part_args = dict(part_args or {})
        self._checksums = checksums or PartChecksums(crc32=False)

    @property
    def _client(self) -> S3Client:
        return self._clients()

    def _where(self, what: str) -> Any:
        return s3_errors(f"{what} {self.key!r}", container=self.container, key=self.key)

    def state(self) -> dict[str, Any]:
        return {
            "container": self.container,
            "key": self.key,
            "part_size": self.part_size,
            "upload_id": self.upload_id,
            **({"customer_key": True} if self._part_args else {}),
        }

    def upload_part(
        self,
        number: int,
        data: bytes,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken = NEVER,
    ) -> PartRecord:
        cancel.raise_if_cancelled()
        checksum = self._checksums.args(number, data, self._send_part)
        body = SendProgressStream.of_bytes(data, progress, cancel).binary()
        with self._where(f"Uploading part {number} of"):
            reply = self._send_part(number, body, checksum, len(data))
        value = next(iter(checksum.values()))
        return PartRecord(number=number, size=len(data), token=reply["ETag"], checksum=value)

    def _send_part(
        self, number: int, body: bytes | BinaryIO, checksum: Mapping[str, str], length: int | None = None
    ) -> Any:
        """One UploadPart (botocore's exceptions pass: the probe reads their codes)."""
        args: dict[str, Any] = {**checksum, **self._part_args}  # ContentMD5 or ChecksumCRC32
        args["ContentLength"] = len(body) if isinstance(body, bytes) else length
        return self._client.upload_part(
            Bucket=self.container, Key=self.key, UploadId=self.upload_id, PartNumber=number,
            Body=body, **args,
        )  # fmt: skip

    def complete(self, parts: Sequence[PartRecord], *, whole_md5: bytes | None = None) -> ObjectInfo:
        ordered = sorted(parts, key=lambda part: part.number)
        with self._where("Finishing the upload of"):
            reply = self._client.complete_multipart_upload(
                Bucket=self.container,
                Key=self.key,
                UploadId=self.upload_id,
                MultipartUpload={"Parts": [{"PartNumber": p.number, "ETag": p.token} for p in ordered]},
            )
        return ObjectInfo(key=self.key, size=sum(p.size for p in ordered), etag=strip_etag(reply.get("ETag")))

    def abort(self) -> None:
        # NoSuchUpload: aborted (or completed) already, which is all that was asked.
        with contextlib.suppress(NotFound), self._where("Aborting the upload of"):
            self._client.abort_multipart_upload(Bucket=self.container, Key=self.key, UploadId=self.upload_id)

    def uploaded_parts(self) -> list[PartRecord]:
        parts: list[PartRecord] = []
        params: dict[str, Any] = {
            "Bucket": self.container,
            "Key": self.key,
            "UploadId": self.upload_id,
        }
        while True:
            with self._where("Listing the parts of"):
                reply = self._client.list_parts(**params)
            parts += [
                PartRecord(number=p["PartNumber"], size=int(p["Size"]), token=p["ETag"])
                for p in reply.get("Parts", [])
            ]
            if not reply.get("IsTruncated"):
                return parts
            params["PartNumberMarker"] = reply["NextPartNumberMarker"]


def start(
    client: S3Client,
    container: str,
    key: str,
    part_size: int,
    extra: Mapping[str, Any],
    starts: UnansweredStarts | None = None,
    *,
    part_args: Mapping[str, Any] | None = None,
    on_created: Callable[[Mapping[str, Any]], None] | None = None,
    checksums: PartChecksums | None = None,
    clients: Callable[[], S3Client] | None = None,
) -> S3MultipartUpload:
    """CreateMultipartUpload; ``starts`` keeps note of lost answers across calls (a copy
    in parts sweeps within its own call only). ``on_created`` sees the answer (whether
    the encryption asked was taken); ``part_args`` go with every part; ``clients``, when
    given, gives the client of each later request (see ``S3MultipartUpload``)."""
    starts = starts or UnansweredStarts()

    answers: list[Mapping[str, Any]] = []

    def create() -> Mapping[str, Any]:
        with s3_errors(f"Starting the upload of {key!r}", container=container, key=key):
            reply: Mapping[str, Any] = client.create_multipart_upload(Bucket=container, Key=key, **extra)
        answers.append(reply)
        return reply

    upload_id = starts.start(client, container, key, create)
    upload = S3MultipartUpload(client, container, key, part_size, upload_id, part_args, checksums,
                               clients=clients)  # fmt: skip
    if on_created is not None:
        try:
            on_created(answers[-1])
        except StorageError:
            upload.abort()  # refused before any part was sent: nothing is left behind
            raise
    return upload


def resume(
    client: S3Client,
    state: Mapping[str, Any],
    *,
    part_args: Mapping[str, Any] | None = None,
    checksums: PartChecksums | None = None,
    clients: Callable[[], S3Client] | None = None,
) -> S3MultipartUpload:
    """Rebuild from ``state()``; ListParts proves the upload still exists (else NotFound)."""
    try:
        upload = S3MultipartUpload(
            client,
            str(state["container"]),
            str(state["key"]),
            int(state["part_size"]),
            str(state["upload_id"]),
            part_args,
            checksums,
            clients=clients,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StorageError(
            f"The saved state of an S3 upload is incomplete ({error!r} is missing or wrong); "
            "start the upload again."
        ) from error
    upload.uploaded_parts()
    return upload


def copy_in_parts(
    client: S3Client,
    source: CopySourceTypeDef,
    size: int,
    container: str,
    key: str,
    extra: Mapping[str, Any],
    *,
    part_size: int = COPY_PART_SIZE,
    concurrency: int = 4,
    condition: Mapping[str, Any] | None = None,
) -> ObjectInfo:
    """Server-side copy with UploadPartCopy, parts in parallel; aborted on any failure.

    ``condition`` (``CopySourceIfMatch``...) goes with every part copy, so a source that
    changes midway fails the copy instead of mixing its old and new bytes."""
    upload = start(client, container, key, part_size, extra)
    count = max(1, math.ceil(size / part_size))
    # Under the engine's retry ``client`` tries each request once; a part that meets a 503
    # is then tried again here, as an uploaded part is, rather than the engine copying every
    # part again. A client that retries itself is not retried twice.
    per_part = RetryPolicy() if retried_by_caller() else NO_RETRY

    def copy_part(number: int) -> PartRecord:
        return call_with_retry(lambda: copy_one_part(number), per_part)

    def copy_one_part(number: int) -> PartRecord:
        first = (number - 1) * part_size
        last = min(size, first + part_size) - 1
        with s3_errors(f"Copying part {number} into {key!r}", container=container, key=key):
            reply = client.upload_part_copy(
                Bucket=container,
                Key=key,
                UploadId=upload.upload_id,
                PartNumber=number,
                CopySource=source.copy(),
                CopySourceRange=f"bytes={first}-{last}",
                **(condition or {}),
            )
        return PartRecord(number, last - first + 1, reply["CopyPartResult"]["ETag"])

    try:
        with ThreadPoolExecutor(max(1, concurrency), thread_name_prefix="s3-copy") as pool:
            parts = list(pool.map(copy_part, range(1, count + 1)))
        return upload.complete(parts)
    except BaseException:
        try:
            upload.abort()
        except StorageError:  # the copy's own error matters more; the abort is best effort
            log.warning("could not abort the copy into %s/%s", container, key, exc_info=True)
        raise
