"""What ``CONTAINER/PATH`` names when a command takes a place (ls, restore, get, rm -r).

A place is the whole container, a folder or one object, never "every key that starts
with these letters": ``restore C/up`` means the folder ``up/``, not ``up2/`` and
``up3/`` beside it. The rules, the same for every command:

- ``C`` or ``C/``: the whole container.
- ``C/up/``: the folder ``up/``.
- ``C/up``: the folder ``up/`` when it holds anything, else the object ``up``
  (``get`` asks the other way round: the object ``up`` when it exists, else the folder;
  a command that fetches objects takes the object someone most likely means).
  Neither there: an error that says so, and how to ask for a string prefix (``get``
  goes on with the object, whose item then fails with the service's answer, so the
  other objects asked for still come).
- ``--prefix``: every key starting with exactly what was typed, as S3 tools do.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from storebrowser.cli.context import OperationFailed, split_location
from storebrowser.core.errors import NotFound
from storebrowser.providers.base import Provider


class PlaceKind(enum.Enum):
    CONTAINER = "container"
    FOLDER = "folder"
    OBJECT = "object"
    PREFIX = "prefix"


@dataclass(frozen=True)
class Place:
    container: str
    #: ``""`` for the container, ``.../`` for a folder, the key of an object, or a prefix.
    key: str
    kind: PlaceKind

    @property
    def takes_many(self) -> bool:
        return self.kind is not PlaceKind.OBJECT


def resolve_place(
    provider: Provider, location: str, *, prefix: bool = False, object_first: bool = False
) -> Place:
    """The place ``location`` names (rules above); ``NotFound`` for a missing container.

    ``object_first``: the object when it exists, the folder when only that does, else the
    object all the same (for ``get``)."""
    container, path = split_location(location)
    if prefix:
        return Place(container, path, PlaceKind.PREFIX)
    if not path:
        provider.list_page(container, "", "/", None, 1)  # a missing container: one clear error
        return Place(container, "", PlaceKind.CONTAINER)
    if path.endswith("/"):
        return Place(container, path, PlaceKind.FOLDER)
    lookups = (_object, _folder) if object_first else (_folder, _object)
    for lookup in lookups:
        place = lookup(provider, container, path)
        if place is not None:
            return place
    if object_first:
        return Place(container, path, PlaceKind.OBJECT)
    raise OperationFailed(
        f"{container}/{path}: there is no folder or object of that name (to take every key "
        f"that starts with {path!r}, add --prefix)"
    )


def _folder(provider: Provider, container: str, path: str) -> Place | None:
    page = provider.list_page(container, path + "/", None, None, 1)
    return Place(container, path + "/", PlaceKind.FOLDER) if page.entries else None


def _object(provider: Provider, container: str, path: str) -> Place | None:
    try:
        provider.stat(container, path)
    except NotFound:  # (a missing container is said by the folder lookup)
        return None
    return Place(container, path, PlaceKind.OBJECT)
