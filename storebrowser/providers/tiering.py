"""The part of the ``Provider`` protocol about storage classes, archive restores and
object tags (capabilities ``storage_tiers``, ``archive_restore``, ``object_tags``,
``container_classes``): what a provider without them answers (``Unsupported``, with the
reason its capability is off), and the helpers that say so. ``Provider`` inherits it;
a provider with classes or tags overrides these methods."""

from __future__ import annotations

from collections.abc import Mapping

from storebrowser.core.capabilities import Capabilities
from storebrowser.core.errors import Unsupported
from storebrowser.core.tiers import ClassChange, StorageClass, StorageClasses
from storebrowser.core.types import ObjectInfo


class StorageClassMethods:
    #: Declared by ``Provider``: what the service can do, and why not.
    capabilities: Capabilities

    def describe(self) -> str:
        """A short human name for messages (``Provider`` says it)."""
        return type(self).__name__

    def storage_classes(self) -> StorageClasses:
        """The classes (tiers, policies) this account can set, no I/O after ``connect``."""
        raise self._unsupported("storage classes")

    def check_storage_class(self, storage_class: str) -> StorageClass:
        """The class called ``storage_class`` (any case), or ``InvalidStorageClass`` naming
        those offered; no request. ``Unsupported`` where there are none."""
        return self.storage_classes().find(storage_class)

    def set_storage_class(
        self, container: str, key: str, storage_class: str, *, priority: str | None = None
    ) -> ClassChange:
        """Move one object to ``storage_class``, keeping its bytes, metadata, content
        settings and tags. Checked before any request; an archived object moving to an
        online class is a restore for good (Azure rehydration, at ``priority``)."""
        raise self._unsupported_because("storage_tiers", f"changing the {self._class_noun()} of an object")

    def restore_object(
        self,
        container: str,
        key: str,
        *,
        days: int | None = None,
        priority: str | None = None,
        storage_class: str | None = None,
    ) -> ObjectInfo:
        """Start bringing an archived object back: S3 a copy readable for ``days``, Azure
        a rehydration into ``storage_class`` (Hot when not given). ``priority`` from
        ``storage_classes().priorities``. ``NotArchived`` (no request sent but the look)
        when the object is readable as it is. Returns the object with its archive status."""
        raise self._unsupported_because("archive_restore", "restoring archived objects")

    def create_container_in_class(self, name: str, storage_class: str) -> None:
        """Create ``name`` with its objects stored in ``storage_class`` (a Swift storage
        policy); an object moves to another class by ``copy_object`` into a container of
        that class."""
        noun = self._class_noun()
        raise self._unsupported_because("container_classes", f"choosing the {noun} of a container")

    def container_storage_class(self, name: str) -> str | None:
        """The storage class ``name`` was created in (capability ``container_classes``)."""
        raise self._unsupported_because("container_classes", f"a {self._class_noun()} per container")

    def get_tags(self, container: str, key: str) -> dict[str, str]:
        raise self._unsupported_because("object_tags", "object tags")

    def check_tags(self, tags: Mapping[str, str], *, key: str | None = None) -> None:
        """``InvalidTags`` quoting the service's rule when ``tags`` break it; no request."""
        raise self._unsupported_because("object_tags", "object tags")

    def set_tags(self, container: str, key: str, tags: Mapping[str, str]) -> None:
        """Replace all the tags of the object (an empty mapping removes them); checked
        (``check_tags``) before the request."""
        raise self._unsupported_because("object_tags", "object tags")

    def _class_noun(self) -> str:
        try:
            return self.storage_classes().noun
        except Unsupported:
            return "storage class"

    # -- helpers of every provider --------------------------------------------------------

    def _unsupported(self, what: str) -> Unsupported:
        return Unsupported(f"{self.describe()} does not support {what}.")

    def _refuse_class(self, storage_class: str | None) -> None:
        """For a provider without a class per object: a class asked at upload is refused
        (never silently dropped)."""
        if storage_class is not None:
            raise self._unsupported_because("storage_tiers", "a storage class per object")

    def _unsupported_because(self, capability: str, what: str) -> Unsupported:
        """``Unsupported`` giving the reason the capability is off, when there is one."""
        reason = self.capabilities.reason(capability)
        return Unsupported(f"{self.describe()}: {reason}") if reason else self._unsupported(what)
