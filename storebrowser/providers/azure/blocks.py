"""Large uploads as staged blocks: Put Block per part, Put Block List to commit.

Block ids are ``<upload id><part number>`` at a fixed width (Azure wants every id of a
blob the same length); the random upload id keeps two uploads of one key apart, and lets
a resumed upload find its own uncommitted blocks.
"""

from __future__ import annotations

import hashlib
import io
import logging
import secrets
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from storebrowser.core.cancel import NEVER, CancelToken
from storebrowser.core.errors import AlreadyExists, NotFound, StorageError
from storebrowser.core.types import ObjectInfo, PartRecord, ProgressCallback
from storebrowser.providers.azure.container_settings import check_scope
from storebrowser.providers.azure.errors import azure_errors
from storebrowser.providers.azure.properties import check_metadata, new_content_settings, object_info
from storebrowser.providers.azure.tiers import sdk_tier
from storebrowser.providers.base import MultipartUpload
from storebrowser.providers.streams import ProgressStream, ReadStream

if TYPE_CHECKING:
    from azure.storage.blob import BlobClient

log = logging.getLogger(__name__)

_ID_CHARS = 16  # hex digits of the per-upload random id
_NUMBER_DIGITS = 5  # 50,000 blocks at most


def block_id(upload_id: str, number: int) -> str:
    """The block id before base64 (the SDK encodes it): same width for every part."""
    return f"{upload_id}{number:0{_NUMBER_DIGITS}d}"


def part_number(upload_id: str, raw_id: str) -> int | None:
    """The part number of one of our block ids, ``None`` for anybody else's block."""
    if len(raw_id) != _ID_CHARS + _NUMBER_DIGITS or not raw_id.startswith(upload_id):
        return None
    tail = raw_id[_ID_CHARS:]
    return int(tail) if tail.isdigit() else None


class BlockUpload(MultipartUpload):
    """One staged-block upload of ``key``; nothing is visible until ``complete``, which
    sets the blob's Content-MD5 to the MD5 of the bytes sent (``whole_md5``), as rclone
    does: Azure computes none for a block list, and a download checks the whole file
    once against it instead of asking an MD5 with every small read."""

    takes_whole_md5 = True

    def __init__(
        self,
        blob: BlobClient,
        *,
        part_size: int,
        upload_id: str | None = None,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
        tier: str | None = None,
        encryption_scope: str | None = None,
    ) -> None:
        super().__init__(blob.container_name, blob.blob_name, part_size)
        #: The encryption scope every block and the commit name (Azure wants it on each).
        self.encryption_scope = encryption_scope
        self._scope: dict[str, Any] = {"encryption_scope": encryption_scope} if encryption_scope else {}
        self._blob = blob
        self.upload_id = upload_id or secrets.token_hex(_ID_CHARS // 2)
        self.content_type = content_type
        self.metadata = check_metadata(metadata, key=blob.blob_name)
        #: The access tier the blob is committed in (``None``: the account's default).
        self.tier = tier

    def _errors(self, action: str) -> Any:
        where = f"{action} {self.key!r} in {self.container!r}"
        return azure_errors(where, container=self.container, key=self.key)

    def state(self) -> dict[str, Any]:
        return {
            "container": self.container,
            "key": self.key,
            "part_size": self.part_size,
            "upload_id": self.upload_id,
            "content_type": self.content_type,
            "metadata": dict(self.metadata),
            "tier": self.tier,
            **({"encryption_scope": self.encryption_scope} if self.encryption_scope else {}),
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
        raw_id = block_id(self.upload_id, number)
        digest = hashlib.md5(data, usedforsecurity=False).digest()
        body = _BlockBody(data, progress, cancel)
        with self._errors("Uploading a block of"):
            # Content-MD5 of the block: the service refuses a block that arrived changed.
            self._blob.stage_block(raw_id, body, length=len(data), transactional_content_md5=digest,
                                   **self._scope)  # fmt: skip
        return PartRecord(number=number, size=len(data), token=raw_id, checksum=digest.hex())

    def uploaded_parts(self) -> list[PartRecord]:
        with self._errors("Looking up the blocks of"):
            _committed, uncommitted = self._blob.get_block_list("uncommitted")
        parts = []
        for block in uncommitted:
            number = part_number(self.upload_id, block.id)
            if number is not None:
                parts.append(PartRecord(number=number, size=block.size, token=block.id))
        return sorted(parts, key=lambda part: part.number)

    def complete(self, parts: Sequence[PartRecord], *, whole_md5: bytes | None = None) -> ObjectInfo:
        from azure.storage.blob import BlobBlock

        blocks = [BlobBlock(block_id=part.token) for part in sorted(parts, key=lambda part: part.number)]
        md5 = {"content_md5": bytearray(whole_md5)} if whole_md5 is not None else {}
        settings = new_content_settings(self.key, self.content_type, **md5)
        tier = {"standard_blob_tier": sdk_tier(self.tier)} if self.tier else {}
        with self._errors("Committing the blocks of"):
            reply = self._blob.commit_block_list(
                blocks, content_settings=settings, metadata=self.metadata or None, **tier, **self._scope
            )
            check_scope(reply, self.encryption_scope, self.container, self.key)
            return object_info(self._blob.get_blob_properties(), key=self.key)

    def abort(self) -> None:
        """Drop the staged blocks, where Azure lets us.

        Uncommitted blocks cannot be deleted one by one. When no blob exists under the key,
        we commit an empty block list (only if there is still none: If-None-Match: *), which
        discards every uncommitted block, and delete that empty blob at once. When a blob
        does exist we leave it alone: its uncommitted blocks do not change it, and Azure
        drops them after 7 days or with the next write of that blob.
        """
        from azure.core import MatchConditions

        try:
            with self._errors("Discarding the blocks of"):
                reply = self._blob.commit_block_list([], if_none_match="*")
                self._blob.delete_blob(etag=str(reply["etag"]), match_condition=MatchConditions.IfNotModified)
        except (AlreadyExists, NotFound):
            return  # a blob exists (or appeared meanwhile), or the empty one went already
        except StorageError as error:
            if "BlobAlreadyExists" in error.message or "ConditionNotMet" in error.message:
                return
            raise


class _BlockBody(ReadStream):
    """A block's bytes for the SDK: progress per read, and a cancel honoured only while
    bytes remain to be sent.

    Once the whole body is out, the service will store the block whatever we do; raising
    then (on the SDK's final empty read) would let the block land after ``abort`` had
    already discarded the others, leaving it behind.
    """

    def __init__(self, data: bytes, progress: ProgressCallback | None, cancel: CancelToken) -> None:
        super().__init__()
        self._inner = ProgressStream.of_bytes(data, progress)
        self._size = len(data)
        self._cancel = cancel

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._inner.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._inner.seek(offset, whence)

    def read(self, size: int | None = -1) -> bytes:
        if self._inner.tell() < self._size:
            self._cancel.raise_if_cancelled()
        return self._inner.read(size)
