"""Who can read an S3 bucket or object, on moto and on Swift's s3api, with the live
anonymous check beside the settings.

What moto enforces and what it only stores (found here, noted in tests/servers/README.md):
an anonymous GET of an object follows the object's ACL and the bucket policy (resource
patterns included); an anonymous listing is always allowed; Block Public Access is stored
but neither blocks a public ACL or policy nor refuses to store one. Swift's s3api answers
no anonymous S3 request at all, has no bucket policies and no Block Public Access.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from storebrowser.core.access import AccessLevel
from storebrowser.core.errors import PreconditionFailed, Unsupported
from storebrowser.providers.s3.provider import S3Provider
from storebrowser.transfers import sending
from tests.providers.conftest import unique_container_name
from tests.providers.s3_support import raw

MOTO_LISTS_FOR_ANYONE = "moto answers every anonymous listing 200: it does not enforce listing permissions"


@pytest.fixture
def moto(s3_moto_provider: S3Provider) -> S3Provider:
    return s3_moto_provider


@pytest.fixture
def moto_bucket(moto: S3Provider) -> Iterator[str]:
    name = unique_container_name()
    moto.create_container(name)
    sending.upload_bytes(moto, name, "a.txt", b"first")
    sending.upload_bytes(moto, name, "pub/b.txt", b"second")
    yield name
    moto.delete_container(name, force=True)


def _apply(provider: S3Provider, container: str, key: str | None, level: AccessLevel) -> None:
    plan = provider.plan_access(container, key, level)
    assert plan.refusal is None, plan.refusal
    provider.apply_access(plan)


def test_an_object_is_read_as_its_acl_and_the_policy_say_and_the_live_check_agrees(moto, moto_bucket) -> None:
    report = moto.access_report(moto_bucket, "a.txt")
    assert report.access.read is False
    assert moto.live_check(moto_bucket, "a.txt").agrees_with(report.access)

    plan = moto.plan_access(moto_bucket, "a.txt", AccessLevel.PUBLIC_READ)
    assert plan.changes == ("Object ACL: add a grant of READ to everyone (AllUsers).",)
    assert plan.exposes == "the object a.txt"
    report = moto.apply_access(plan)
    assert report.access.read is True and "Object ACL: grants READ to everyone (AllUsers)." in report.how
    check = moto.live_check(moto_bucket, "a.txt")
    assert check.observed("read") is True and check.agrees_with(report.access)
    assert moto.access_report(moto_bucket, "pub/b.txt").access.read is False  # the grant is per object

    _apply(moto, moto_bucket, "a.txt", AccessLevel.PRIVATE)
    report = moto.access_report(moto_bucket, "a.txt")
    assert report.access.read is False and moto.live_check(moto_bucket, "a.txt").observed("read") is False


def test_a_public_bucket_policy_and_back(moto, moto_bucket) -> None:
    plan = moto.plan_access(moto_bucket, None, AccessLevel.PUBLIC_READ)
    assert plan.exposes == f"the 2 objects in {moto_bucket}, and every one added later"
    assert plan.changes == (
        'Bucket policy: add the statement {"Sid": "StoreBrowserPublicRead", "Effect": "Allow", '
        f'"Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::{moto_bucket}/*"}}',
    )
    report = moto.apply_access(plan)
    assert (report.access.read, report.access.list) == (True, False)
    check = moto.live_check(moto_bucket)
    assert check.observed("read") is True
    # The one disagreement moto makes: the listing.
    assert check.observed("list") is True, MOTO_LISTS_FOR_ANYONE
    assert check.disagreements(report.access) == [
        "The settings say the server should refuse a listing without credentials, "
        "but it allowed one just now."
    ]
    for key in ("a.txt", "pub/b.txt"):  # the object's own view says the same
        report = moto.access_report(moto_bucket, key)
        assert report.access.read is True and moto.live_check(moto_bucket, key).agrees_with(report.access)
        assert "StoreBrowserPublicRead" in report.refusals[AccessLevel.PRIVATE]

    plan = moto.plan_access(moto_bucket, None, AccessLevel.PUBLIC_LIST)
    assert len(plan.changes) == 3  # remove ours, add read, add list
    report = moto.apply_access(plan)
    assert (report.access.read, report.access.list) == (True, True)
    assert moto.live_check(moto_bucket).agrees_with(report.access)

    _apply(moto, moto_bucket, None, AccessLevel.PRIVATE)
    report = moto.access_report(moto_bucket)
    assert report.access.read is False and report.how[1] == "Bucket policy: none."
    assert moto.live_check(moto_bucket).observed("read") is False


def test_a_policy_for_a_prefix_is_an_exception_object_by_object(moto, moto_bucket) -> None:
    statement = {"Sid": "Pub", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": f"arn:aws:s3:::{moto_bucket}/pub/*"}  # fmt: skip
    raw(moto).put_bucket_policy(Bucket=moto_bucket, Policy=json.dumps({"Version": "2012-10-17",
                                                                      "Statement": [statement]}))  # fmt: skip
    report = moto.access_report(moto_bucket)
    assert "except objects matching 'pub/*'" in report.sentence
    for key, readable in (("pub/b.txt", True), ("a.txt", False)):
        report = moto.access_report(moto_bucket, key)
        assert report.access.read is readable
        assert moto.live_check(moto_bucket, key).observed("read") is readable
    # Making the container private removes the statement, by name, and says so.
    plan = moto.plan_access(moto_bucket, None, AccessLevel.PRIVATE)
    assert plan.changes[0].startswith("Bucket policy: remove statement 1 ('Pub')")


def test_block_public_access_refuses_a_public_change_before_anything_is_sent(moto, moto_bucket) -> None:
    flags = dict.fromkeys(
        ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
    )
    raw(moto).put_public_access_block(Bucket=moto_bucket, PublicAccessBlockConfiguration=flags)
    report = moto.access_report(moto_bucket)
    assert report.how[0] == ("Block Public Access on this bucket: BlockPublicAcls, IgnorePublicAcls, "
                             "BlockPublicPolicy, RestrictPublicBuckets.")  # fmt: skip
    for level in (AccessLevel.PUBLIC_READ, AccessLevel.PUBLIC_LIST):
        plan = moto.plan_access(moto_bucket, None, level)
        assert plan.refusal is not None and "Block Public Access (" in plan.refusal and not plan.changes
        with pytest.raises(Unsupported):
            moto.apply_access(plan)
    assert moto.plan_access(moto_bucket, "a.txt", AccessLevel.PUBLIC_READ).refusal is not None
    with pytest.raises(Exception, match="NoSuchBucketPolicy"):
        raw(moto).get_bucket_policy(Bucket=moto_bucket)  # nothing was sent

    # moto stores Block Public Access but does not enforce it: a public ACL set behind the
    # app's back still opens the object. The panel says the settings and the answer disagree.
    raw(moto).put_object_acl(Bucket=moto_bucket, Key="a.txt", ACL="public-read")
    report = moto.access_report(moto_bucket, "a.txt")
    assert report.access.read is False and any("IgnorePublicAcls is on" in line for line in report.how)
    check = moto.live_check(moto_bucket, "a.txt")
    assert check.observed("read") is True, "moto does not enforce Block Public Access"
    assert not check.agrees_with(report.access)


def test_a_plan_made_from_settings_that_changed_since_is_not_applied(moto, moto_bucket) -> None:
    plan = moto.plan_access(moto_bucket, None, AccessLevel.PUBLIC_READ)
    raw(moto).put_bucket_acl(Bucket=moto_bucket, ACL="public-read")
    with pytest.raises(PreconditionFailed, match="changed since the change was shown"):
        moto.apply_access(plan)
    assert moto.access_report(moto_bucket).access.read is False


def test_swift_s3api_reports_what_it_has_and_refuses_what_it_lacks(s3_swift_provider, swift_server) -> None:
    s3 = s3_swift_provider
    name = unique_container_name()
    s3.create_container(name)
    try:
        sending.upload_bytes(s3, name, "a.txt", b"x")
        report = s3.access_report(name, "a.txt")
        assert report.access.read is False
        assert "Bucket policy: unknown (this server does not support it)." in report.how
        check = s3.live_check(name, "a.txt")
        assert check.observed("read") is False  # s3api answers no anonymous S3 request
        assert check.agrees_with(report.access)
        plan = s3.plan_access(name, None, AccessLevel.PUBLIC_READ)
        assert plan.refusal is not None and "does not support bucket policies" in plan.refusal
        assert s3.plan_access(name, None, AccessLevel.PRIVATE).nothing_to_do
    finally:
        s3.delete_container(name, force=True)
