"""Storage classes (S3), access tiers (Azure) and storage policies (Swift); archived
objects and their restore.

Each service names these its own way, and each offers its own set: a provider describes
what it offers as ``StorageClasses`` (names, one line each for a person, which of them
are archives), so the UI and the CLI never hard-code a service's list. An object in an
archive class (S3 GLACIER / DEEP_ARCHIVE, Azure Archive) cannot be read until it is
restored (S3: a temporary copy for some days) or rehydrated (Azure: moved to an online
tier for good); ``core.archive.ArchiveStatus`` says where that stands.
"""

from __future__ import annotations

import enum
import shlex
from collections.abc import Sequence
from dataclasses import dataclass

from storebrowser.core.errors import InvalidStorageClass, ObjectArchived
from storebrowser.core.types import ObjectInfo


class ClassScope(enum.Enum):
    """What a class belongs to, and so how an object changes class."""

    #: Each object has its own, changed in place (S3 storage class, Azure access tier).
    OBJECT = "object"
    #: A container's objects share the one chosen when it was created (Swift storage
    #: policy); an object changes class by a copy into a container of another class.
    CONTAINER = "container"


@dataclass(frozen=True, slots=True)
class Choice:
    """A name the service takes and one line saying what it means for a person."""

    name: str
    description: str


@dataclass(frozen=True, slots=True)
class StorageClass:
    name: str
    description: str
    #: Objects in it must be restored before they can be read (GLACIER, Archive).
    archive: bool = False
    #: What new objects get when no class is asked.
    default: bool = False


@dataclass(frozen=True, slots=True)
class StorageClasses:
    """What one account offers: the classes it can set, and how a restore is asked."""

    scope: ClassScope
    classes: tuple[StorageClass, ...]
    #: The service's word, for labels and messages: "storage class", "access tier"...
    noun: str = "storage class"
    #: How fast a restore runs (S3 retrieval tiers, Azure rehydrate priorities); empty
    #: when nothing is ever archived.
    priorities: tuple[Choice, ...] = ()
    #: A restore is a copy kept for a number of days (S3); else the object moves back
    #: to an online class for good (Azure).
    restore_days: bool = False
    #: Classes a restore may bring an object back to (Azure); empty: it keeps its class.
    restore_targets: tuple[str, ...] = ()

    def names(self) -> list[str]:
        return [entry.name for entry in self.classes]

    def find(self, name: str) -> StorageClass:
        """The class called ``name`` (any case); ``InvalidStorageClass`` naming the ones
        offered when there is none."""
        return self.classes[_index(name, self.names(), self.noun)]

    def default(self) -> StorageClass | None:
        return next((entry for entry in self.classes if entry.default), None)

    def is_archive(self, name: str | None) -> bool:
        """Whether ``name`` (a class as listed) is an archive class of this service."""
        return bool(name) and any(e.archive and e.name.lower() == str(name).lower() for e in self.classes)

    def priority(self, name: str | None) -> str | None:
        """The service's spelling of the restore priority ``name``; ``None`` stays ``None``."""
        if name is None:
            return None
        if not self.priorities:
            raise InvalidStorageClass("This service has no restore priorities.")
        names = [choice.name for choice in self.priorities]
        return names[_index(name, names, "restore priority")]


def _index(name: str, names: Sequence[str], noun: str) -> int:
    for index, known in enumerate(names):
        if known == name:
            return index
    folded = [known.lower() for known in names]
    if name.lower() in folded:
        return folded.index(name.lower())
    offered = ", ".join(names) or "none"
    article = "an" if noun[:1] in "aeiou" else "a"
    raise InvalidStorageClass(
        f"{name!r} is not {article} {noun} this service offers; choose one of: {offered}."
    )


@dataclass(frozen=True, slots=True)
class ClassChange:
    """What one class change did: the object as it is now, whether anything was sent
    (``False``: it was in that class already), and what a person should know about it
    (an ACL that could not be carried over, a rehydration under way...), or ``""``."""

    info: ObjectInfo
    note: str = ""
    changed: bool = True


def archived_error(
    what: str, *, container: str | None, key: str | None, storage_class: str | None, restoring: bool = False
) -> ObjectArchived:
    """The one message for reading (or copying) an archived object, on every service."""
    where = f"in {storage_class}" if storage_class else "in an archive tier"
    name = repr(key) if key else "the object"
    if restoring:
        message = (
            f"{what}: {name} is archived ({where}) and its restore is under way; it can be "
            "read once the restore is done (minutes to hours, by the priority asked)."
        )
    else:
        place = shlex.quote(f"{container}/{key}") if container and key else "CONTAINER/KEY"
        command = f"`storebrowser-cli thaw {place}`"
        message = (
            f"{what}: {name} is archived ({where}) and must be restored before it can be read "
            f"or copied: use Restore from Archive… (or {command}), then read it once the "
            "restore is done."
        )
    return ObjectArchived(message, container=container, key=key, storage_class=storage_class,
                          restoring=restoring)  # fmt: skip
