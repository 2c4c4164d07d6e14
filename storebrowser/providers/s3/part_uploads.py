"""Uploads in parts: starting one (its class and encryption checked first, a start whose
answer was lost swept up later), the key an SSE-C upload sends with every part, and taking
one up again from the journal's state. Mixed into ``S3Provider``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from storebrowser.core.encryption import Encryption, EncryptionMode
from storebrowser.providers.base import MultipartUpload
from storebrowser.providers.s3 import encryption as s3_encryption
from storebrowser.providers.s3 import multipart
from storebrowser.providers.s3.keys import refuse_parts, xml_safe
from storebrowser.providers.s3.part_check import PartChecksums

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from storebrowser.core.capabilities import Capabilities
    from storebrowser.providers.s3.orphans import UnansweredStarts


class S3PartUploads:
    if TYPE_CHECKING:  # provided by S3Provider
        capabilities: Capabilities
        _starts: UnansweredStarts
        _customer_key: str | None
        _part_checksums: PartChecksums

        @property
        def _client(self) -> S3Client: ...

        def _upload_args(
            self,
            key: str,
            content_type: str | None,
            metadata: Mapping[str, str] | None,
            storage_class: str | None = None,
            sse: Encryption | None = None,
        ) -> dict[str, Any]: ...

    def start_multipart(
        self,
        container: str,
        key: str,
        *,
        part_size: int,
        content_type: str | None = None,
        metadata: Mapping[str, str] | None = None,
        storage_class: str | None = None,
        encryption: Encryption | None = None,
    ) -> MultipartUpload:
        if not xml_safe(key):
            raise refuse_parts(key, container=container)
        extra = self._upload_args(key, content_type, metadata, storage_class, encryption)
        return multipart.start(
            self._client, container, key, part_size, extra, self._starts,
            part_args=self._part_args(encryption is not None and encryption.mode is EncryptionMode.SSE_C),
            on_created=lambda reply: s3_encryption.check_applied(reply, encryption, container, key),
            checksums=self._part_checksums, clients=lambda: self._client,
        )  # fmt: skip

    def _part_args(self, customer_key: bool) -> dict[str, str]:
        """What every part of an SSE-C upload carries: the key (never in the journal)."""
        if not customer_key:
            return {}
        return s3_encryption.upload_args(Encryption(EncryptionMode.SSE_C), self._customer_key)

    def discard_unanswered_uploads(self, container: str, key: str) -> None:
        self._starts.sweep(self._client, container, key)

    def can_upload_in_parts(self, key: str) -> bool:
        return self.capabilities.multipart and xml_safe(key)

    def resume_multipart(self, state: Mapping[str, Any]) -> MultipartUpload:
        part_args = self._part_args(bool(state.get("customer_key")))
        return multipart.resume(self._client, state, part_args=part_args, checksums=self._part_checksums,
                                clients=lambda: self._client)  # fmt: skip
