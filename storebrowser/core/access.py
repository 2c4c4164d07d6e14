"""Who can read a container or an object without signing in: what the settings say, what
a live anonymous request gets, and a change of it planned before it is made.

Every service says it differently (S3: Block Public Access, bucket policy, ACLs; Azure:
the container's public access level; Swift: the container read ACL). Providers read
their settings into an ``AccessReport`` (the effect in one sentence, and how it comes
about line by line), plan a change as an ``AccessPlan`` (the exact change, shown before
it is made, or the reason the account cannot make it) and fetch the plain URL with no
credentials (``LiveCheck``), so the window and the CLI can put the two side by side.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class AccessLevel(enum.Enum):
    """The three changes offered. Values are the CLI's words."""

    PRIVATE = "private"
    PUBLIC_READ = "public-read"
    PUBLIC_LIST = "public-list"

    @property
    def label(self) -> str:
        return {
            AccessLevel.PRIVATE: "Private",
            AccessLevel.PUBLIC_READ: "Public read",
            AccessLevel.PUBLIC_LIST: "Public read and list",
        }[self]

    @property
    def public(self) -> bool:
        return self is not AccessLevel.PRIVATE


@dataclass(frozen=True, slots=True)
class Access:
    """What a reader without credentials can do.

    ``read``: read the object (for a container: every object in it); ``list``: list the
    container's names (``None`` for an object). ``None`` where conditions decide that no
    reading of the settings can settle (a policy condition on the caller's address).
    ``some_read`` names objects readable although ``read`` is False (a policy for a
    prefix, a referrer list): a phrase such as ``"objects under 'pub/'"``.
    """

    read: bool | None
    list: bool | None = None
    some_read: str = ""

    @property
    def level(self) -> AccessLevel | None:
        """The offered level this is, or ``None`` for a mix (a listing without reads) or
        when conditions decide."""
        if self.read is None:
            return None
        if self.read:
            return AccessLevel.PUBLIC_LIST if self.list else AccessLevel.PUBLIC_READ
        return None if self.list else AccessLevel.PRIVATE


def sentence(access: Access, container: str, key: str | None = None) -> str:
    """The effect in one sentence, as the panel's headline and the CLI's first line."""
    if key is not None:
        return _object_sentence(access, key)
    return _container_sentence(access, container)


def _depends(subject: str) -> str:
    return f"Whether anyone can read {subject} without signing in depends on conditions the settings name."


def _object_sentence(access: Access, key: str) -> str:
    if access.read is None:
        return _depends(key)
    if access.read:
        return f"Anyone who has its address can read {key}, without signing in."
    if access.some_read:
        return f"Only people with credentials can read {key}; {access.some_read}."
    return f"Only people with credentials for this account can read {key}."


def _container_sentence(access: Access, container: str) -> str:
    read, listing = access.read, access.list
    if read is None:
        return _depends(container)
    unknown_list = f"; whether anyone can list {container} is not known" if listing is None else ""
    if read and listing:
        return f"Anyone can list {container} and read every object in it, without signing in."
    if read:
        nobody = "" if listing is None else f"; nobody can list {container}"
        return f"Anyone who knows an object's name can read it, without signing in{nobody}{unknown_list}."
    tail = f"; except {access.some_read}" if access.some_read else ""
    if listing:
        return f"Anyone can list the names in {container} without signing in, but not read the objects{tail}."
    if listing is None:
        return f"Only people with credentials can read the objects in {container}{tail}{unknown_list}."
    return f"Only people with credentials for this account can list {container} or read its objects{tail}."


@dataclass(frozen=True, slots=True)
class AccessReport:
    """What the settings say about anonymous access to a container or one object."""

    container: str
    key: str | None
    access: Access
    #: How it comes about, one fact a line ("Block Public Access: off", "ACL: ...").
    how: tuple[str, ...] = ()
    #: What a person should know besides (settings outside this API, server quirks).
    notes: tuple[str, ...] = ()
    #: The changes offered here, and why each other one cannot be made (level -> reason).
    levels: tuple[AccessLevel, ...] = ()
    refusals: Mapping[AccessLevel, str] = field(default_factory=dict)
    #: The change applies to the container even when the report is about an object
    #: (Azure and Swift decide per container).
    per_container: bool = False

    @property
    def sentence(self) -> str:
        return sentence(self.access, self.container, self.key)

    def to_json(self) -> dict[str, Any]:
        return {
            "container": self.container,
            "key": self.key,
            "read": self.access.read,
            "list": self.access.list,
            "level": self.access.level.value if self.access.level else None,
            "sentence": self.sentence,
            "how": list(self.how),
            "notes": list(self.notes),
            "changes": [level.value for level in self.levels],
            "refused": {level.value: why for level, why in self.refusals.items()},
        }


@dataclass(frozen=True, slots=True)
class AccessPlan:
    """A change of access, worked out before it is made.

    ``changes`` say exactly what will be sent (a policy statement, an ACL, a header, a
    level), one line each; ``exposes`` what becomes readable (with the object count
    where known); ``refusal`` is set instead when the account cannot make it, and
    nothing is sent. ``payload`` is the provider's own record of what to send and of the
    settings it read (so ``apply_access`` refuses when they changed meanwhile).
    """

    container: str
    key: str | None
    level: AccessLevel
    changes: tuple[str, ...] = ()
    exposes: str = ""
    refusal: str | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)

    @property
    def nothing_to_do(self) -> bool:
        return self.refusal is None and not self.changes

    @property
    def makes_public(self) -> bool:
        return self.level.public and bool(self.changes) and self.refusal is None

    def to_json(self) -> dict[str, Any]:
        return {
            "container": self.container,
            "key": self.key,
            "level": self.level.value,
            "changes": list(self.changes),
            "exposes": self.exposes,
            "refused": self.refusal,
        }


def exposure(container: str, key: str | None, level: AccessLevel, count: int | None, more: bool) -> str:
    """What becomes readable: ``"the object a.txt"``, ``"the 12 objects in photos"``."""
    if key is not None and level is not AccessLevel.PUBLIC_LIST:
        return f"the object {key}"
    if count is None:
        objects = f"every object in {container} (how many is not known)"
    elif count == 0:
        objects = f"every object put into {container} from now on (it is empty now)"
    else:
        number = f"more than {count:,}" if more else f"{count:,}"
        noun = "object" if count == 1 and not more else "objects"
        objects = f"the {number} {noun} in {container}, and every one added later"
    if level is AccessLevel.PUBLIC_LIST:
        return f"{objects}, and the list of their names"
    return objects


# -- the live check ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LiveAnswer:
    """One anonymous request and the server's answer (``status`` ``None``: no answer)."""

    what: str  # "read" or "list"
    url: str
    status: int | None
    error: str = ""

    @property
    def allowed(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def sentence(self) -> str:
        if self.status is None:
            return f"An anonymous {self._verb()} of {self.url} got no answer ({self.error})."
        outcome = "allowed" if self.allowed else "refused"
        return f"An anonymous {self._verb()} of {self.url} answered {self.status}: {outcome}."

    def _verb(self) -> str:
        return "listing" if self.what == "list" else "read"


@dataclass(frozen=True, slots=True)
class LiveCheck:
    """What requests without credentials got, to set beside the report."""

    answers: tuple[LiveAnswer, ...]
    #: Why a part could not be checked ("the container is empty: no object to read").
    gaps: tuple[str, ...] = ()

    def observed(self, what: str) -> bool | None:
        for answer in self.answers:
            if answer.what == what and answer.status is not None:
                return answer.allowed
        return None

    def disagreements(self, access: Access) -> list[str]:
        """Where the live answers contradict the settings' reading, as sentences."""
        found = []
        for what, said in (("read", access.read), ("list", access.list)):
            seen = self.observed(what)
            if what == "read" and access.some_read:
                continue  # some objects are readable: one read proves nothing either way
            if seen is None or said is None or seen == said:
                continue
            noun = "a listing" if what == "list" else "a read"
            settle = "allow" if said else "refuse"
            got = "allowed" if seen else "refused"
            found.append(f"The settings say the server should {settle} {noun} without credentials, "
                         f"but it {got} one just now.")  # fmt: skip
        return found

    def agrees_with(self, access: Access) -> bool:
        return not self.disagreements(access)

    def to_json(self) -> dict[str, Any]:
        return {
            "answers": [
                {"what": a.what, "url": a.url, "status": a.status, "allowed": a.allowed, "error": a.error}
                for a in self.answers
            ],
            "gaps": list(self.gaps),
        }


#: What to tell when the live answer and the settings disagree.
DISAGREEMENT_HINT = (
    "The live answer is what a reader gets now. The server may not apply these settings as "
    "the service documents them (an emulator), or a setting this account cannot read decides "
    "(an account-wide block, a firewall, a proxy in front)."
)
