"""Swift storage policies: a container is created in one (``X-Storage-Policy``) and all
its objects live there; the policy of a container never changes.

So an object moves to another policy by a server-side copy into a container created in
that policy (``copy_object``), then, if wanted, a delete of the original: that is the
documented way, and the only one Swift has. The cluster names its policies in ``/info``
(``swift.policies``: name, aliases, default); names are case-insensitive.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storebrowser.core.errors import AlreadyExists, StorageError
from storebrowser.core.tiers import ClassScope, StorageClass, StorageClasses
from storebrowser.providers.swift.client import SwiftClient
from storebrowser.providers.swift.errors import status_of

POLICY_HEADER = "X-Storage-Policy"
#: Why an object's class cannot change in place, said wherever that is asked.
NOT_PER_OBJECT = (
    "Swift keeps every object of a container in the storage policy the container was created "
    "with; to move objects to another policy, copy them into a container of that policy."
)
NO_TAGS = "Swift has no object tags; use metadata instead."
ONE_POLICY = "this Swift cluster has one storage policy only."


def policies_from_info(info: Mapping[str, Any]) -> StorageClasses | None:
    """The policies ``/info`` lists (under ``swift``), the default first; ``None`` when
    it lists none (a cluster that hides /info)."""
    swift = info.get("swift") or {}
    listed = [p for p in swift.get("policies") or [] if isinstance(p, Mapping) and p.get("name")]
    if not listed:
        return None
    listed.sort(key=lambda policy: not policy.get("default"))
    return StorageClasses(
        scope=ClassScope.CONTAINER,
        noun="storage policy",
        classes=tuple(_policy(policy) for policy in listed),
    )


def _policy(policy: Mapping[str, Any]) -> StorageClass:
    name = str(policy["name"])
    names = (alias.strip() for alias in str(policy.get("aliases") or "").split(","))
    aliases = [alias for alias in names if alias and alias != name]
    default = bool(policy.get("default"))
    text = "The cluster's default storage policy" if default else "A storage policy of this cluster"
    if aliases:
        text += f" (also called {', '.join(aliases)})"
    return StorageClass(name, text + ".", default=default)


def create_container(client: SwiftClient, name: str, policy: str) -> None:
    """PUT the container in ``policy``; ``AlreadyExists`` when it exists (in whichever)."""
    reply: dict[str, Any] = {}
    what = f"Creating the container {name!r} in the storage policy {policy!r}"
    try:
        client.call(
            what,
            lambda c: c.put_container(name, headers={POLICY_HEADER: policy}, response_dict=reply),
            container=name,
        )
    except StorageError as error:
        if status_of(error.__cause__ or error) == 409:  # it exists, in another policy
            raise AlreadyExists(
                f"{what}: the container exists already, in another storage policy (a container's "
                "policy never changes).",
                container=name,
            ) from None
        raise
    if reply.get("status") == 202:  # Swift answers 202 Accepted when it existed
        raise AlreadyExists(f"The container {name!r} exists already.", container=name)


def container_policy(client: SwiftClient, name: str) -> str | None:
    headers = client.call(
        f"Looking up the storage policy of {name!r}", lambda c: c.head_container(name), container=name
    )
    policy = headers.get(POLICY_HEADER.lower())
    return str(policy) if policy else None
