"""Reading S3 access settings as AWS applies them: which bucket-policy statements and ACL
grants let a reader without credentials in, and what Block Public Access turns off.

Pure functions on the JSON and the grants the API returns (no request here), so the
reasoning is tested on its own. The reading is deliberately modest: an Allow for
everyone (``"*"``) whose action and resource match; a Deny for everyone that matches
wins; a statement with conditions, ``NotPrincipal``, ``NotAction`` or ``NotResource``
makes the answer "it depends" rather than a guess.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
READ_OBJECT = "s3:GetObject"
LIST_BUCKET = "s3:ListBucket"
#: The Sids StoreBrowser writes, so a later change finds its own statements by name.
PUBLIC_READ_SID = "StoreBrowserPublicRead"
PUBLIC_LIST_SID = "StoreBrowserPublicList"
BPA_FLAGS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


@dataclass(frozen=True, slots=True)
class Statement:
    number: int  # 1-based, as a person counts them in the JSON
    sid: str
    allow: bool
    everyone: bool
    actions: tuple[str, ...]
    resources: tuple[str, ...]
    #: Why this statement's effect cannot be settled here (conditions, Not* elements).
    undecidable: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict)

    def name(self) -> str:
        return f"statement {self.number}" + (f" ({self.sid!r})" if self.sid else "")

    def grants(self, action: str, arn: str) -> bool:
        """The action and the resource match (principal and effect aside)."""
        return any(_action(pattern, action) for pattern in self.actions) and any(
            fnmatch.fnmatchcase(arn, pattern) for pattern in self.resources
        )

    def describe(self) -> str:
        verb = "allows" if self.allow else "denies"
        who = "everyone" if self.everyone else "some principals"
        return f"{self.name()} {verb} {who} {', '.join(self.actions)} on {', '.join(self.resources)}"


def _action(pattern: str, action: str) -> bool:
    return fnmatch.fnmatchcase(action.lower(), pattern.lower())


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def is_everyone(principal: Any) -> bool:
    """``"*"`` or ``{"AWS": "*"}``: anyone, signed in or not."""
    if principal == "*":
        return True
    return isinstance(principal, dict) and "*" in _strings(principal.get("AWS"))


def statements(policy: str | None) -> list[Statement]:
    """The policy's statements; a policy that is no JSON gives none (S3 never stores one)."""
    if not policy:
        return []
    try:
        data = json.loads(policy)
    except ValueError:
        return []
    found = data.get("Statement", []) if isinstance(data, dict) else []
    if isinstance(found, dict):
        found = [found]
    return [_statement(number, raw) for number, raw in enumerate(found, 1) if isinstance(raw, dict)]


def _statement(number: int, raw: Mapping[str, Any]) -> Statement:
    undecidable = ""
    if raw.get("Condition"):
        undecidable = f"conditions ({', '.join(sorted(raw['Condition']))}) decide"
    for element in ("NotPrincipal", "NotAction", "NotResource"):
        if element in raw:
            undecidable = f"it uses {element}, which this reading does not evaluate"
    return Statement(
        number=number,
        sid=str(raw.get("Sid", "")),
        allow=str(raw.get("Effect", "")).lower() == "allow",
        everyone=is_everyone(raw.get("Principal")) or "NotPrincipal" in raw,
        actions=_strings(raw.get("Action")),
        resources=_strings(raw.get("Resource")),
        undecidable=undecidable,
        raw=raw,
    )


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether everyone may do an action on a resource through the policy, and why."""

    allowed: bool | None
    because: tuple[str, ...] = ()
    via: tuple[Statement, ...] = ()


def verdict(found: Sequence[Statement], action: str, arn: str) -> Verdict:
    """A Deny for everyone wins, then an Allow; conditions make it ``None``."""
    relevant = [s for s in found if s.everyone and s.grants(action, arn)]
    denies = [s for s in relevant if not s.allow]
    allows = [s for s in relevant if s.allow]
    if any(not s.undecidable for s in denies):
        return Verdict(False, tuple(s.describe() for s in denies), tuple(denies))
    unsure = [s for s in relevant if s.undecidable]
    if unsure:
        return Verdict(None, tuple(f"{s.describe()}, but {s.undecidable}" for s in unsure), tuple(unsure))
    if allows:
        return Verdict(True, tuple(s.describe() for s in allows), tuple(allows))
    return Verdict(False)


def object_arn(bucket: str, key: str) -> str:
    return f"arn:aws:s3:::{bucket}/{key}"


def bucket_arn(bucket: str) -> str:
    return f"arn:aws:s3:::{bucket}"


def readable_prefixes(found: Sequence[Statement], bucket: str) -> list[str]:
    """Resource patterns inside the bucket that everyone may read (``pub/*``), for the
    "except objects under ..." of a container's sentence."""
    start = bucket_arn(bucket) + "/"
    return [
        resource[len(start) :]
        for s in found
        if s.allow and s.everyone and not s.undecidable and any(_action(a, READ_OBJECT) for a in s.actions)
        for resource in s.resources
        if resource.startswith(start) and resource[len(start) :] != "*"
    ]


def without(policy: str | None, drop: Iterable[Statement]) -> dict[str, Any]:
    """The policy as JSON data, less the statements ``drop``."""
    numbers = {s.number for s in drop}
    data = json.loads(policy) if policy else {"Version": "2012-10-17", "Statement": []}
    kept = data.get("Statement", [])
    if isinstance(kept, dict):
        kept = [kept]
    data["Statement"] = [raw for number, raw in enumerate(kept, 1) if number not in numbers]
    return data


def public_statements(bucket: str, *, listing: bool) -> list[dict[str, Any]]:
    """The statements StoreBrowser adds: read every object, and list the bucket."""
    added = [{"Sid": PUBLIC_READ_SID, "Effect": "Allow", "Principal": "*", "Action": READ_OBJECT,
              "Resource": f"{bucket_arn(bucket)}/*"}]  # fmt: skip
    if listing:
        added.append({"Sid": PUBLIC_LIST_SID, "Effect": "Allow", "Principal": "*", "Action": LIST_BUCKET,
                      "Resource": bucket_arn(bucket)})  # fmt: skip
    return added


# -- ACLs ------------------------------------------------------------------------------------


def grantee_name(grantee: Mapping[str, Any]) -> str:
    uri = grantee.get("URI")
    if uri == ALL_USERS:
        return "everyone (AllUsers)"
    if uri == AUTHENTICATED_USERS:
        return "any signed-in AWS user (AuthenticatedUsers)"
    return str(grantee.get("DisplayName") or grantee.get("ID") or grantee.get("EmailAddress") or uri)


def everyone_grants(grants: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [g for g in grants if g.get("Grantee", {}).get("URI") == ALL_USERS]


def acl_allows(grants: Sequence[Mapping[str, Any]], permission: str) -> bool:
    """Everyone (AllUsers) holds ``permission`` (or FULL_CONTROL)."""
    return any(g.get("Permission") in (permission, "FULL_CONTROL") for g in everyone_grants(grants))


def describe_grants(grants: Sequence[Mapping[str, Any]]) -> str:
    return "; ".join(f"{g.get('Permission')} to {grantee_name(g.get('Grantee', {}))}" for g in grants)


def with_everyone_read(acl: Mapping[str, Any]) -> dict[str, Any]:
    """The ACL (``get_*_acl`` answer) plus READ for everyone, owner and other grants kept."""
    grants = [g for g in acl.get("Grants", []) if not _is_everyone_read(g)]
    grants.append({"Grantee": {"Type": "Group", "URI": ALL_USERS}, "Permission": "READ"})
    return {"Owner": acl.get("Owner", {}), "Grants": grants}


def without_everyone(acl: Mapping[str, Any]) -> dict[str, Any]:
    """The ACL less every grant to everyone (AllUsers)."""
    grants = [g for g in acl.get("Grants", []) if g.get("Grantee", {}).get("URI") != ALL_USERS]
    return {"Owner": acl.get("Owner", {}), "Grants": grants}


def _is_everyone_read(grant: Mapping[str, Any]) -> bool:
    return grant.get("Grantee", {}).get("URI") == ALL_USERS and grant.get("Permission") == "READ"


def blocks(flags: Mapping[str, bool] | None) -> list[str]:
    """The Block Public Access flags that are on."""
    return [name for name in BPA_FLAGS if flags and flags.get(name)]


_GRANT_HEADERS = {"READ": "GrantRead", "WRITE": "GrantWrite", "READ_ACP": "GrantReadACP",
                  "WRITE_ACP": "GrantWriteACP", "FULL_CONTROL": "GrantFullControl"}  # fmt: skip


def grant_headers(acl: Mapping[str, Any]) -> dict[str, Any]:
    """The ACL as the ``x-amz-grant-*`` arguments of a Put*Acl (one per permission).
    Headers rather than an XML body: every server reads those alike (moto drops a group
    grant in an object ACL's body)."""
    found: dict[str, list[str]] = {}
    for grant in acl.get("Grants", []):
        grantee = grant.get("Grantee", {})
        if grantee.get("URI"):
            token = f'uri="{grantee["URI"]}"'
        elif grantee.get("ID"):
            token = f'id="{grantee["ID"]}"'
        elif grantee.get("EmailAddress"):
            token = f'emailAddress="{grantee["EmailAddress"]}"'
        else:
            continue
        found.setdefault(_GRANT_HEADERS[str(grant.get("Permission"))], []).append(token)
    return {header: ", ".join(tokens) for header, tokens in found.items()} or {"ACL": "private"}
