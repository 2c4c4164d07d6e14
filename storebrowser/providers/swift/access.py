"""Who can read a Swift container: its read ACL (``X-Container-Read``), entry by entry.

``.r:*`` lets any referrer (so anyone) read objects; ``.rlistings`` adds listings for
whoever the referrer entries let in; ``.r:example.com`` lets in requests whose Referer
names that domain (a header any client can send); ``.r:-host`` keeps a referrer out;
other entries name accounts and users, who sign in. Swift decides per container, so an
object is readable exactly as its container is. Only the account's admins see the ACL.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storebrowser.core.access import Access, AccessLevel, AccessPlan, AccessReport, exposure
from storebrowser.core.errors import AccessDenied, PreconditionFailed
from storebrowser.providers.swift.client import SwiftClient

READ_ACL = "x-container-read"
LEVELS = (AccessLevel.PRIVATE, AccessLevel.PUBLIC_READ, AccessLevel.PUBLIC_LIST)
_REFERRER = (".r:", ".ref:", ".referer:", ".referrer:")
NOT_ADMIN = (
    "only an admin of this Swift account sees and changes a container's read ACL, and this user is not one"
)
NOTES = (
    "Swift decides who can read per container: every object in it is readable as the container is.",
    "Temporary URLs (tempurl) open single objects to whoever holds the link until it expires; "
    "they are listed nowhere.",
)


def entries(acl: str | None) -> list[str]:
    return [entry.strip() for entry in (acl or "").split(",") if entry.strip()]


def _referrer(entry: str) -> str | None:
    """The referrer an entry names (``*``, ``example.com``, ``-evil.org``), or ``None``."""
    for prefix in _REFERRER:
        if entry.lower().startswith(prefix):
            return entry[len(prefix) :]
    return None


def describe_entry(entry: str) -> str:
    referrer = _referrer(entry)
    if entry == ".rlistings":
        return ".rlistings: listings for those the referrer entries let in"
    if referrer == "*":
        return f"{entry}: any referrer, so anyone, may read objects"
    if referrer is not None and referrer.startswith("-"):
        return f"{entry}: requests whose Referer names {referrer[1:]} are kept out"
    if referrer is not None:
        return (f"{entry}: requests whose Referer names {referrer} may read objects (a header any "
                "client can send)")  # fmt: skip
    return f"{entry}: a user or account of this cluster (signed in)"


def read_settings(client: SwiftClient, container: str) -> tuple[dict[str, str], bool]:
    """The container's headers, and whether this user may see its ACL (an admin)."""
    headers: dict[str, str] = client.call(
        f"Reading the settings of {container!r}", lambda c: c.head_container(container), container=container
    )
    try:
        client.call("Reading the account", lambda c: c.head_account())
    except AccessDenied:
        return headers, False
    return headers, True


def access_of(acl: str | None) -> Access:
    found = entries(acl)
    referrers = [r for e in found if (r := _referrer(e)) is not None]
    everyone = "*" in referrers
    some = [r for r in referrers if r not in ("*",) and not r.startswith("-")]
    listing = everyone and ".rlistings" in found
    phrase = f"requests whose Referer names {', '.join(some)} (a header any client can send)" if some else ""
    return Access(everyone, listing, "" if everyone else phrase)


def report(container: str, key: str | None, headers: Mapping[str, str], admin: bool) -> AccessReport:
    if not admin:
        hidden = (f"Container read ACL: not shown ({NOT_ADMIN}).",)
        refused = dict.fromkeys(LEVELS, NOT_ADMIN)
        unknown = Access(None, None)
        return AccessReport(container, key, unknown, hidden, NOTES, LEVELS, refused, per_container=True)
    acl = headers.get(READ_ACL)
    said = repr(acl) if acl else "none, so only the account's own users may read"
    how = [f"Container read ACL (X-Container-Read): {said}."]
    how += [describe_entry(entry) + "." for entry in entries(acl)]
    if key is not None:
        how.append(f"{key} is readable as {container} is.")
    found = access_of(acl)
    access = Access(found.read, None if key is not None else found.list, found.some_read)
    return AccessReport(container, key, access, tuple(how), NOTES, LEVELS, per_container=True)


def new_acl(acl: str | None, level: AccessLevel) -> str:
    """``acl`` with its public entries set for ``level``; users and accounts kept."""
    kept, blocked = [], []
    for entry in entries(acl):
        referrer = _referrer(entry)
        if referrer is None and entry != ".rlistings":
            kept.append(entry)
        elif referrer is not None and referrer.startswith("-"):
            blocked.append(entry)
    if level is AccessLevel.PRIVATE:
        return ",".join(kept)
    public = [".r:*", ".rlistings"] if level is AccessLevel.PUBLIC_LIST else [".r:*"]
    return ",".join([*kept, *public, *blocked])


def plan(
    container: str, key: str | None, level: AccessLevel, headers: Mapping[str, str], admin: bool
) -> AccessPlan:
    if not admin:
        return AccessPlan(container, key, level, refusal=NOT_ADMIN)
    before = headers.get(READ_ACL, "")
    after = new_acl(before, level)
    payload: dict[str, Any] = {"before": before, "after": after}
    if entries(before) == entries(after):
        return AccessPlan(container, key, level, payload=payload)
    change = f"X-Container-Read of {container}: {before or '(none)'} -> {after or '(none)'}"
    count = headers.get("x-container-object-count")
    exposed = exposure(container, None, level, int(count) if count else None, False) if level.public else ""
    return AccessPlan(container, key, level, (change,), exposed, payload=payload)


def apply(client: SwiftClient, plan_made: AccessPlan) -> None:
    container = plan_made.container
    headers, _admin = read_settings(client, container)
    if headers.get(READ_ACL, "") != plan_made.payload["before"]:
        raise PreconditionFailed(
            f"The read ACL of {container!r} changed since the change was shown; nothing was sent. "
            "Look again.",
            container=container,
        )
    value = plan_made.payload["after"]
    client.call(
        f"Changing who can read {container!r}",
        lambda c: c.post_container(container, {"X-Container-Read": value}),
        container=container,
    )
