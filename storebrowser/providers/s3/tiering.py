"""``S3Provider``'s storage classes, archive restores and tags: the protocol's methods
over ``s3.classes``, ``s3.restore`` and ``s3.tagging``, apart from provider.py by concern."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from storebrowser.core.errors import InvalidStorageClass
from storebrowser.core.tags import S3_TAG_RULES
from storebrowser.core.tiers import ClassChange, StorageClasses
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.providers.s3 import classes, restore, tagging
from storebrowser.providers.s3.client import ClientFactory
from storebrowser.providers.s3.copying import CopyLimits

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class S3Tiering(Provider):
    """The class, restore and tag methods of ``S3Provider``, which gives the clients and
    the copy's limits."""

    _clients: ClientFactory

    @property
    def _client(self) -> S3Client:
        raise NotImplementedError

    def _copy_limits(self, dst_key: str) -> CopyLimits:
        raise NotImplementedError

    def storage_classes(self) -> StorageClasses:
        if not self.capabilities.storage_tiers:
            raise self._unsupported_because("storage_tiers", "storage classes")
        return classes.S3_CLASSES

    def set_storage_class(
        self, container: str, key: str, storage_class: str, *, priority: str | None = None
    ) -> ClassChange:
        """A copy in place into ``storage_class`` (see ``classes``); an archived object
        must be restored first, and then the change makes it an online object for good."""
        wanted = self.check_storage_class(storage_class).name
        if priority is not None:
            raise InvalidStorageClass(
                "S3 changes a storage class at once; a priority is for restores from the archive."
            )
        client = self._clients.client(slow=True)  # a copy answers only when done
        return classes.change_class(client, container, key, wanted, self._copy_limits(key))

    def restore_object(
        self,
        container: str,
        key: str,
        *,
        days: int | None = None,
        priority: str | None = None,
        storage_class: str | None = None,
    ) -> ObjectInfo:
        """RestoreObject: a copy readable for ``days`` (GLACIER, DEEP_ARCHIVE), at the
        retrieval tier ``priority`` (Standard when not given)."""
        known = self.storage_classes()
        if storage_class is not None:
            raise InvalidStorageClass(
                "An S3 restore keeps the object in its storage class (a readable copy for some days); "
                "to move it for good, change its class once it is restored."
            )
        return restore.restore(self._client, container, key, known, days=days, priority=priority)

    def get_tags(self, container: str, key: str) -> dict[str, str]:
        if not self.capabilities.object_tags:
            raise self._unsupported_because("object_tags", "object tags")
        return tagging.get_tags(self._client, container, key)

    def check_tags(self, tags: Mapping[str, str], *, key: str | None = None) -> None:
        if not self.capabilities.object_tags:
            raise self._unsupported_because("object_tags", "object tags")
        S3_TAG_RULES.check(tags, key=key)

    def set_tags(self, container: str, key: str, tags: Mapping[str, str]) -> None:
        self.check_tags(tags, key=key)
        tagging.set_tags(self._client, container, key, tags)
