"""Who can read an Azure container: its public access level (private, blob, container).

Azure decides per container: ``blob`` lets anyone read a blob whose name they know,
``container`` also lets anyone list. Above it, the storage account may forbid public
access altogether (``AllowBlobPublicAccess``), a management setting the data-plane API
cannot read: then Azure refuses anonymous reads whatever the level, and refuses to set
a public level. Changing the level sends the container's stored access policies back as
they are (the same call sets both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from storebrowser.core.access import Access, AccessLevel, AccessPlan, AccessReport, exposure
from storebrowser.core.errors import AccessDenied, PreconditionFailed, StorageError
from storebrowser.providers.azure.errors import azure_errors

if TYPE_CHECKING:
    from azure.storage.blob import ContainerClient

LEVELS = (AccessLevel.PRIVATE, AccessLevel.PUBLIC_READ, AccessLevel.PUBLIC_LIST)
_SDK_LEVEL = {AccessLevel.PRIVATE: None, AccessLevel.PUBLIC_READ: "blob",
              AccessLevel.PUBLIC_LIST: "container"}  # fmt: skip
_NAMES = {None: "private", "blob": "blob (anonymous read of blobs)",
          "container": "container (anonymous read and list)"}  # fmt: skip
NOTES = (
    "Azure decides who can read per container: every blob in it is readable as the container is.",
    "Whether the storage account allows public access at all (AllowBlobPublicAccess) is a "
    "management setting this API cannot read; when it is off, Azure refuses the anonymous reads "
    "a public level allows (the live check shows it).",
    "SAS tokens and stored access policies open the container to whoever holds a token; they are "
    "not listed here.",
)
SAS_REFUSAL = (
    "a SAS cannot change a container's public access level; connect with the account key, a "
    "connection string or Azure AD"
)
NOT_PERMITTED = (
    "Azure refused: this storage account does not allow public access (AllowBlobPublicAccess is "
    "off). An owner can allow it in the Azure portal (Configuration) first, if that is meant."
)


def read_level(container: ContainerClient) -> tuple[str | None, dict[str, Any]]:
    """The public access level and the stored access policies (by id)."""
    name = container.container_name
    with azure_errors(f"Reading the access policy of {name!r}", container=name):
        found = container.get_container_access_policy()
    policies = {item.id: item.access_policy for item in found.get("signed_identifiers") or []}
    level = found.get("public_access")
    return (str(level) if level else None), policies


def _access(level: str | None, key: str | None) -> Access:
    listing = None if key is not None else level == "container"
    return Access(level in ("blob", "container"), listing)


def report(container: str, key: str | None, level: str | None, policies: dict[str, Any],
           refusal: str | None) -> AccessReport:  # fmt: skip
    how = [f"Container public access level: {_NAMES.get(level, level)}."]
    if policies:
        how.append(f"Stored access policies: {', '.join(sorted(policies))} (for SAS tokens).")
    if key is not None:
        how.append(f"{key} is readable as {container} is.")
    refused = dict.fromkeys(LEVELS, refusal) if refusal else {}
    return AccessReport(container, key, _access(level, key), tuple(how), NOTES, LEVELS, refused, True)


def plan(container: str, key: str | None, wanted: AccessLevel, level: str | None, policies: dict[str, Any],
         count: tuple[int, bool] | None, refusal: str | None) -> AccessPlan:  # fmt: skip
    if refusal is not None:
        return AccessPlan(container, key, wanted, refusal=refusal)
    after = _SDK_LEVEL[wanted]
    payload = {"before": level, "after": after, "policies": sorted(policies)}
    if after == level:
        return AccessPlan(container, key, wanted, payload=payload)
    change = f"Public access level of {container}: {_NAMES.get(level, level)} -> {_NAMES[after]}"
    if policies:
        change += f" (stored access policies {', '.join(sorted(policies))} kept)"
    exposed = exposure(container, None, wanted, *count) if wanted.public and count else ""
    return AccessPlan(container, key, wanted, (change,), exposed, payload=payload)


def apply(container: ContainerClient, plan_made: AccessPlan) -> None:
    name = container.container_name
    level, policies = read_level(container)
    if level != plan_made.payload["before"] or sorted(policies) != plan_made.payload["policies"]:
        raise PreconditionFailed(
            f"The access policy of {name!r} changed since the change was shown; nothing was sent. "
            "Look again.",
            container=name,
        )
    try:
        with azure_errors(f"Changing who can read {name!r}", container=name):
            container.set_container_access_policy(signed_identifiers=policies,
                                                  public_access=plan_made.payload["after"])  # fmt: skip
    except StorageError as error:
        if "PublicAccessNotPermitted" in error.message:
            raise AccessDenied(f"Changing who can read {name!r}: {NOT_PERMITTED}", container=name) from None
        raise
