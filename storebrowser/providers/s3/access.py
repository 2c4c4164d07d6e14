"""Who can read an S3 bucket or object: Block Public Access, the bucket policy, the ACLs
and Object Ownership read together as AWS applies them; a change planned as the exact
policy statements and ACL grants it adds or removes, refused where the bucket cannot
take it; and made only if the settings are still the ones the plan was made from.

Public access is given by a bucket policy (``policy.public_statements``): AWS's own
advice, and the only way once ACLs are disabled. An object alone is made public by a
grant in its ACL.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storebrowser.core.access import Access, AccessLevel, AccessPlan, AccessReport, exposure
from storebrowser.core.errors import AccessDenied, PreconditionFailed, StorageError, Unsupported
from storebrowser.providers.s3 import policy
from storebrowser.providers.s3.errors import read_setting, s3_errors
from storebrowser.providers.s3.policy import Statement

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

CONTAINER_LEVELS = (AccessLevel.PRIVATE, AccessLevel.PUBLIC_READ, AccessLevel.PUBLIC_LIST)
OBJECT_LEVELS = (AccessLevel.PRIVATE, AccessLevel.PUBLIC_READ)
NOT_AWS_NOTE = (
    "This is how AWS applies these settings; an S3-compatible server may apply them otherwise "
    "(the live check shows what this one does)."
)
AWS_NOTE = (
    "An account-wide Block Public Access (set in S3 Control) can block public access too; "
    "these keys' S3 calls cannot read it."
)


@dataclass(frozen=True, slots=True)
class Fact:
    """A setting as read: its value (``None``: not set), or why it could not be read."""

    value: Any = None
    problem: str = ""
    unsupported: bool = False


def _fact(call: Callable[[], Any], what: str, container: str) -> Fact:
    try:
        return Fact(read_setting(call, what, container=container))
    except Unsupported:
        return Fact(problem="this server does not support it", unsupported=True)
    except AccessDenied:
        return Fact(problem="these keys may not read it")


@dataclass(frozen=True, slots=True)
class BucketFacts:
    blocks: Fact
    policy: Fact
    acl: Fact
    ownership: Fact

    @property
    def flags(self) -> list[str]:
        return policy.blocks(self.blocks.value)

    @property
    def statements(self) -> list[Statement]:
        return policy.statements(self.policy.value)

    @property
    def acls_disabled(self) -> bool:
        rules = (self.ownership.value or {}).get("Rules", [])
        return any(rule.get("ObjectOwnership") == "BucketOwnerEnforced" for rule in rules)


def read_bucket(client: S3Client, bucket: str) -> BucketFacts:
    def blocks() -> Any:
        return client.get_public_access_block(Bucket=bucket).get("PublicAccessBlockConfiguration")

    def bucket_policy() -> Any:
        return client.get_bucket_policy(Bucket=bucket)["Policy"]

    def acl() -> Any:
        reply = client.get_bucket_acl(Bucket=bucket)
        return {"Owner": reply.get("Owner", {}), "Grants": reply.get("Grants", [])}

    def ownership() -> Any:
        return client.get_bucket_ownership_controls(Bucket=bucket).get("OwnershipControls")

    return BucketFacts(
        _fact(blocks, "Reading Block Public Access", bucket),
        _fact(bucket_policy, "Reading the bucket policy", bucket),
        _fact(acl, "Reading the bucket ACL", bucket),
        _fact(ownership, "Reading Object Ownership", bucket),
    )


def read_object_acl(client: S3Client, bucket: str, key: str) -> Fact:
    def acl() -> Any:
        reply = client.get_object_acl(Bucket=bucket, Key=key)
        return {"Owner": reply.get("Owner", {}), "Grants": reply.get("Grants", [])}

    with s3_errors(f"Reading {key!r}", container=bucket, key=key):
        client.head_object(Bucket=bucket, Key=key)  # NotFound for a missing key, first
    return _fact(acl, f"Reading the ACL of {key!r}", bucket)


# -- the report ------------------------------------------------------------------------------


def _block_lines(facts: BucketFacts) -> list[str]:
    if facts.blocks.problem:
        return [f"Block Public Access: unknown ({facts.blocks.problem})."]
    flags = facts.flags
    if not flags:
        return ["Block Public Access: off on this bucket."]
    return [f"Block Public Access on this bucket: {', '.join(flags)}."]


def _policy_lines(facts: BucketFacts, verdicts: list[policy.Verdict]) -> list[str]:
    if facts.policy.problem:
        return [f"Bucket policy: unknown ({facts.policy.problem})."]
    if not facts.policy.value:
        return ["Bucket policy: none."]
    reasons = [reason for v in verdicts for reason in v.because]
    if not reasons:
        return [f"Bucket policy: {len(facts.statements)} statements, none of them for everyone here."]
    return [f"Bucket policy: {reason}." for reason in dict.fromkeys(reasons)]


def _acl_line(what: str, acl: Fact) -> str:
    if acl.problem:
        return f"{what} ACL: unknown ({acl.problem})."
    grants = policy.everyone_grants((acl.value or {}).get("Grants", []))
    if not grants:
        return f"{what} ACL: no grant to everyone."
    return f"{what} ACL: grants {policy.describe_grants(grants)}."


def _through_acl(acl: Fact, permission: str, flags: list[str], how: list[str]) -> bool | None:
    if acl.problem and not acl.unsupported:
        return None
    granted = policy.acl_allows((acl.value or {}).get("Grants", []), permission)
    if granted and "IgnorePublicAcls" in flags:
        how.append("IgnorePublicAcls is on: S3 ignores that grant to everyone.")
        return False
    return granted


def _through_policy(facts: BucketFacts, found: policy.Verdict, how: list[str]) -> bool | None:
    if facts.policy.problem and not facts.policy.unsupported:
        return None
    if found.allowed and "RestrictPublicBuckets" in facts.flags:
        how.append(
            "RestrictPublicBuckets is on: S3 ignores the public policy for readers without credentials."
        )
        return False
    return found.allowed


def _either(*ways: bool | None) -> bool | None:
    if any(way is True for way in ways):
        return True
    return None if any(way is None for way in ways) else False


def _notes(is_aws: bool) -> tuple[str, ...]:
    return (AWS_NOTE,) if is_aws else (NOT_AWS_NOTE,)


def object_report(facts: BucketFacts, acl: Fact, bucket: str, key: str, *, is_aws: bool) -> AccessReport:
    found = policy.verdict(facts.statements, policy.READ_OBJECT, policy.object_arn(bucket, key))
    how = _block_lines(facts) + _policy_lines(facts, [found]) + [_acl_line("Object", acl)]
    if facts.acls_disabled:
        how.append("Object Ownership: bucket owner enforced, so ACLs are disabled.")
    by_policy = _through_policy(facts, found, how)
    by_acl = False if facts.acls_disabled else _through_acl(acl, "READ", facts.flags, how)
    read = False if found.allowed is False and found.via else _either(by_policy, by_acl)
    if found.via and found.allowed is False:
        how.append("A Deny for everyone wins over any Allow or grant.")
    return AccessReport(bucket, key, Access(read), tuple(how), _notes(is_aws), OBJECT_LEVELS,
                        object_refusals(facts, acl, found))  # fmt: skip


def bucket_report(facts: BucketFacts, bucket: str, *, is_aws: bool) -> AccessReport:
    found = facts.statements
    reading = policy.verdict(found, policy.READ_OBJECT, policy.object_arn(bucket, "*"))
    listing = policy.verdict(found, policy.LIST_BUCKET, policy.bucket_arn(bucket))
    how = _block_lines(facts) + _policy_lines(facts, [reading, listing]) + [_acl_line("Bucket", facts.acl)]
    read = _through_policy(facts, reading, how)
    listed = _either(_through_policy(facts, listing, how), _through_acl(facts.acl, "READ", facts.flags, how))
    prefixes = [] if "RestrictPublicBuckets" in facts.flags else policy.readable_prefixes(found, bucket)
    some = ", ".join(f"objects matching {p!r}" for p in prefixes)
    how.append("Objects can also be made public one by one with their own ACLs; select one to see.")
    return AccessReport(bucket, None, Access(read, listed, some), tuple(how), _notes(is_aws),
                        CONTAINER_LEVELS, bucket_refusals(facts))  # fmt: skip


# -- refusals ----------------------------------------------------------------------------------


def bucket_refusals(facts: BucketFacts) -> dict[AccessLevel, str]:
    refused: dict[AccessLevel, str] = {}
    if facts.policy.problem and not facts.policy.unsupported:
        why = (
            "these keys may not read the bucket policy (s3:GetBucketPolicy), so a change could not "
            "keep its other statements"
        )
        return dict.fromkeys(CONTAINER_LEVELS, why)
    public = (AccessLevel.PUBLIC_READ, AccessLevel.PUBLIC_LIST)
    if facts.policy.unsupported:
        why = (
            "this server does not support bucket policies (it answered NotImplemented), which is how "
            "a bucket is made public"
        )
        refused.update(dict.fromkeys(public, why))
    flags = facts.flags
    for flag, effect in (("BlockPublicPolicy", "S3 refuses a public policy"),
                         ("RestrictPublicBuckets", "S3 ignores a public policy")):  # fmt: skip
        if flag in flags:
            why = (f"Block Public Access ({flag}) is on for this bucket: {effect}. Turn it off first "
                   "(S3 console, or aws s3api delete-public-access-block) if you mean it")  # fmt: skip
            refused.update(dict.fromkeys(public, why))
    return refused


def object_refusals(facts: BucketFacts, acl: Fact, found: policy.Verdict) -> dict[AccessLevel, str]:
    refused: dict[AccessLevel, str] = {}
    if facts.acls_disabled:
        refused[AccessLevel.PUBLIC_READ] = (
            "ACLs are disabled on this bucket (Object Ownership: bucket owner enforced); make the "
            "container public instead, or add a bucket-policy statement for this key"
        )
    for flag in ("BlockPublicAcls", "IgnorePublicAcls"):
        if flag in facts.flags:
            refused[AccessLevel.PUBLIC_READ] = (
                f"Block Public Access ({flag}) is on for this bucket: S3 refuses or ignores a public ACL"
            )
    if acl.problem and not acl.unsupported:
        refused[AccessLevel.PUBLIC_READ] = f"the object's ACL cannot be read ({acl.problem})"
    if found.allowed and found.via and "RestrictPublicBuckets" not in facts.flags:
        names = ", ".join(s.name() for s in found.via)
        refused[AccessLevel.PRIVATE] = (
            f"it is readable through the bucket policy ({names}), which covers more than this object; "
            "make the container private, or change the policy"
        )
    return refused


# -- plans ---------------------------------------------------------------------------------------


def plan_bucket(
    facts: BucketFacts, bucket: str, level: AccessLevel, count: tuple[int, bool] | None
) -> AccessPlan:
    refusal = bucket_refusals(facts).get(level)
    if refusal is not None:
        return AccessPlan(bucket, None, level, refusal=refusal)
    changes: list[str] = []
    drop = [s for s in facts.statements if s.allow and s.everyone]
    data = policy.without(facts.policy.value, drop)
    for statement in drop:
        changes.append(f"Bucket policy: remove {statement.name()}: {json.dumps(statement.raw)}")
    if level.public:
        for added in policy.public_statements(bucket, listing=level is AccessLevel.PUBLIC_LIST):
            data["Statement"].append(added)
            changes.append(f"Bucket policy: add the statement {json.dumps(added)}")
    new_policy: str | None = json.dumps(data) if data["Statement"] else None
    if changes and new_policy is None:
        changes.append("Bucket policy: delete it (no statement is left).")
    acl = facts.acl.value or {}
    new_acl = None
    if policy.everyone_grants(acl.get("Grants", [])):
        new_acl = policy.without_everyone(acl)
        changes.append(f"Bucket ACL: remove the grants to everyone "
                       f"({policy.describe_grants(policy.everyone_grants(acl['Grants']))}).")  # fmt: skip
    payload = {"policy_before": facts.policy.value, "acl_before": acl, "policy": new_policy,
               "acl": new_acl, "policy_changes": bool(drop) or level.public}  # fmt: skip
    if _already(facts, bucket, level) and new_acl is None:
        return AccessPlan(bucket, None, level, payload=payload)
    exposed = exposure(bucket, None, level, *count) if level.public and count else ""
    return AccessPlan(bucket, None, level, tuple(changes), exposed, payload=payload)


def _already(facts: BucketFacts, bucket: str, level: AccessLevel) -> bool:
    """The bucket's public statements are exactly the ones this level adds."""
    public = [s for s in facts.statements if s.allow and s.everyone]
    listing = level is AccessLevel.PUBLIC_LIST
    wanted = policy.public_statements(bucket, listing=listing) if level.public else []
    return [dict(s.raw) for s in public] == wanted


def plan_object(facts: BucketFacts, acl: Fact, bucket: str, key: str, level: AccessLevel) -> AccessPlan:
    found = policy.verdict(facts.statements, policy.READ_OBJECT, policy.object_arn(bucket, key))
    refusal = object_refusals(facts, acl, found).get(level)
    if level is AccessLevel.PUBLIC_LIST:
        refusal = "listing is a property of the container, not of one object"
    if refusal is not None:
        return AccessPlan(bucket, key, level, refusal=refusal)
    current = acl.value or {"Grants": []}
    has_grant = bool(policy.everyone_grants(current.get("Grants", [])))
    payload = {"acl_before": current}
    if level.public and not has_grant:
        new = policy.with_everyone_read(current)
        change = "Object ACL: add a grant of READ to everyone (AllUsers)."
        exposed = exposure(bucket, key, level, None, False)
        return AccessPlan(bucket, key, level, (change,), exposed, payload={**payload, "acl": new})
    if not level.public and has_grant:
        grants = policy.describe_grants(policy.everyone_grants(current["Grants"]))
        new = policy.without_everyone(current)
        return AccessPlan(bucket, key, level, (f"Object ACL: remove the grants to everyone ({grants}).",),
                          payload={**payload, "acl": new})  # fmt: skip
    return AccessPlan(bucket, key, level, payload=payload)


def apply_bucket(client: S3Client, plan: AccessPlan) -> None:
    bucket, payload = plan.container, plan.payload
    facts = read_bucket(client, bucket)
    if facts.policy.value != payload["policy_before"] or (facts.acl.value or {}) != payload["acl_before"]:
        raise _changed(bucket, "bucket policy or ACL")
    if payload["policy_changes"]:
        with s3_errors("Changing the bucket policy", container=bucket):
            if payload["policy"] is None:
                client.delete_bucket_policy(Bucket=bucket)
            else:
                client.put_bucket_policy(Bucket=bucket, Policy=payload["policy"])
    if payload["acl"] is not None:
        with s3_errors("Changing the bucket ACL", container=bucket):
            client.put_bucket_acl(Bucket=bucket, **policy.grant_headers(payload["acl"]))


def apply_object(client: S3Client, plan: AccessPlan) -> None:
    bucket, key = plan.container, plan.key
    assert key is not None
    current = read_object_acl(client, bucket, key)
    if (current.value or {"Grants": []}) != plan.payload["acl_before"]:
        raise _changed(bucket, f"ACL of {key!r}")
    if "acl" in plan.payload:
        with s3_errors(f"Changing the ACL of {key!r}", container=bucket, key=key):
            client.put_object_acl(Bucket=bucket, Key=key, **policy.grant_headers(plan.payload["acl"]))


def _changed(bucket: str, what: str) -> StorageError:
    return PreconditionFailed(
        f"The {what} of {bucket!r} changed since the change was shown; nothing was sent. Look again.",
        container=bucket,
    )
