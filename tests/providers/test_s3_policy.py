"""How S3 access settings are read (pure: the JSON and grants the API returns), the
reasoning the access panel's S3 sentences rest on."""

from __future__ import annotations

import json

from storebrowser.core.access import AccessLevel
from storebrowser.providers.s3 import policy
from storebrowser.providers.s3.access import BucketFacts, Fact, bucket_report, object_report, plan_bucket

EVERYONE_READ = {"Grantee": {"Type": "Group", "URI": policy.ALL_USERS}, "Permission": "READ"}
OWNER = {"Grantee": {"Type": "CanonicalUser", "ID": "me"}, "Permission": "FULL_CONTROL"}


def _policy(*statements: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def _allow(action: str, resource: str, **extra: object) -> dict:
    return {"Effect": "Allow", "Principal": "*", "Action": action, "Resource": resource, **extra}


def _facts(
    policy_text: str | None = None, blocks: dict | None = None, acl: list | None = None
) -> BucketFacts:
    grants = Fact({"Owner": {"ID": "me"}, "Grants": acl or [OWNER]})
    return BucketFacts(Fact(blocks), Fact(policy_text), grants, Fact(None))


def test_an_allow_for_everyone_that_matches_grants_and_a_deny_wins() -> None:
    found = policy.statements(_policy(_allow("s3:GetObject", "arn:aws:s3:::b/pub/*")))
    assert policy.verdict(found, "s3:GetObject", policy.object_arn("b", "pub/a.txt")).allowed is True
    assert policy.verdict(found, "s3:GetObject", policy.object_arn("b", "private/a.txt")).allowed is False
    deny = {
        "Effect": "Deny",
        "Principal": {"AWS": "*"},
        "Action": "s3:*",
        "Resource": "arn:aws:s3:::b/pub/secret*",
    }
    found = policy.statements(_policy(_allow("s3:Get*", "arn:aws:s3:::b/*"), deny))
    assert policy.verdict(found, "s3:GetObject", policy.object_arn("b", "pub/secret.txt")).allowed is False
    assert policy.verdict(found, "s3:GetObject", policy.object_arn("b", "pub/open.txt")).allowed is True


def test_conditions_and_not_elements_make_it_depend() -> None:
    conditional = _allow(
        "s3:GetObject", "arn:aws:s3:::b/*", Condition={"IpAddress": {"aws:SourceIp": "1.2.3.4"}}
    )
    found = policy.statements(_policy(conditional))
    outcome = policy.verdict(found, "s3:GetObject", policy.object_arn("b", "x"))
    assert outcome.allowed is None and "conditions (IpAddress) decide" in outcome.because[0]


def test_a_principal_that_is_not_everyone_grants_no_anonymous_read() -> None:
    statement = {**_allow("s3:GetObject", "arn:aws:s3:::b/*"), "Principal": {"AWS": "arn:aws:iam::1:root"}}
    found = policy.statements(_policy(statement))
    assert policy.verdict(found, "s3:GetObject", policy.object_arn("b", "x")).allowed is False


def test_block_public_access_turns_grants_and_policies_off() -> None:
    public = _policy(_allow("s3:GetObject", "arn:aws:s3:::b/*"))
    facts = _facts(public, {"RestrictPublicBuckets": True})
    report = object_report(facts, Fact({"Grants": [OWNER]}), "b", "k", is_aws=True)
    assert report.access.read is False
    assert any("RestrictPublicBuckets is on" in line for line in report.how)
    report = object_report(_facts(None, {"IgnorePublicAcls": True}), Fact({"Grants": [OWNER, EVERYONE_READ]}),
                           "b", "k", is_aws=True)  # fmt: skip
    assert report.access.read is False
    assert report.refusals[AccessLevel.PUBLIC_READ].startswith("Block Public Access (IgnorePublicAcls)")


def test_a_bucket_acl_read_grant_lists_but_does_not_read() -> None:
    report = bucket_report(_facts(acl=[OWNER, EVERYONE_READ]), "b", is_aws=False)
    assert (report.access.read, report.access.list) == (False, True)
    assert report.sentence.startswith("Anyone can list the names in b")


def test_a_prefix_policy_reads_as_an_exception_in_the_container_sentence() -> None:
    report = bucket_report(_facts(_policy(_allow("s3:GetObject", "arn:aws:s3:::b/pub/*"))), "b", is_aws=False)
    assert report.access.read is False
    assert "except objects matching 'pub/*'" in report.sentence


def test_a_plan_names_each_statement_it_adds_and_removes_and_keeps_the_others() -> None:
    other = {"Sid": "Team", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "s3:*",
             "Resource": "arn:aws:s3:::b/*"}  # fmt: skip
    listing = _allow("s3:ListBucket", "arn:aws:s3:::b", Sid="Old")
    plan = plan_bucket(_facts(_policy(other, listing)), "b", AccessLevel.PUBLIC_READ, (3, False))
    assert plan.changes[0].startswith("Bucket policy: remove statement 2 ('Old')")
    assert '"Sid": "StoreBrowserPublicRead"' in plan.changes[1]
    kept = json.loads(plan.payload["policy"])["Statement"]
    assert [s.get("Sid") for s in kept] == ["Team", "StoreBrowserPublicRead"]
    assert plan.exposes == "the 3 objects in b, and every one added later"
    refused = plan_bucket(
        _facts(blocks={"BlockPublicPolicy": True}), "b", AccessLevel.PUBLIC_LIST, (1, False)
    )
    assert refused.refusal is not None and "BlockPublicPolicy" in refused.refusal and not refused.changes


def test_grants_travel_as_headers() -> None:
    acl = policy.with_everyone_read({"Owner": {"ID": "me"}, "Grants": [OWNER]})
    assert policy.grant_headers(acl) == {
        "GrantFullControl": 'id="me"',
        "GrantRead": f'uri="{policy.ALL_USERS}"',
    }
    assert policy.grant_headers(policy.without_everyone(acl)) == {"GrantFullControl": 'id="me"'}
