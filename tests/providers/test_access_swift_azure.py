"""Who can read a Swift or an Azure container: the settings beside an anonymous request
through the real proxy (the Swift all-in-one's, Azurite), for every level; both servers
enforce what they store, so the two agree every time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from storebrowser.core.access import AccessLevel
from storebrowser.core.errors import NotFound
from storebrowser.providers import probe
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import sending
from tests.providers.conftest import unique_container_name

LEVELS = [AccessLevel.PUBLIC_READ, AccessLevel.PUBLIC_LIST, AccessLevel.PRIVATE, AccessLevel.PUBLIC_LIST]


@pytest.fixture(params=["swift", "azure"])
def served(request: pytest.FixtureRequest) -> Provider:
    return request.getfixturevalue(f"{request.param}_provider")


@pytest.fixture
def box(served: Provider) -> Iterator[str]:
    name = unique_container_name()
    served.create_container(name)
    sending.upload_bytes(served, name, "a.txt", b"hello")
    yield name
    served.delete_container(name, force=True)


def test_every_level_reads_as_the_anonymous_answers_say(served: Provider, box: str) -> None:
    report = served.access_report(box)
    assert report.access.level is AccessLevel.PRIVATE
    check = served.live_check(box)
    assert (check.observed("read"), check.observed("list")) == (False, False)
    for level in LEVELS:
        plan = served.plan_access(box, None, level)
        assert plan.refusal is None and len(plan.changes) == 1
        if level.public:
            assert plan.exposes.startswith(f"the 1 object in {box}")
        report = served.apply_access(plan)
        assert report.access.level is level
        check = served.live_check(box)
        assert check.disagreements(report.access) == [], (level, check)
        assert check.observed("read") is level.public
        assert check.observed("list") is (level is AccessLevel.PUBLIC_LIST)
        assert served.plan_access(box, None, level).nothing_to_do
        # The object's own view: the container decides, and the live read agrees.
        mine = served.access_report(box, "a.txt")
        assert mine.per_container and mine.access.read is level.public
        assert served.live_check(box, "a.txt").agrees_with(mine.access)


def test_an_object_s_change_is_the_container_s_and_says_so(served: Provider, box: str) -> None:
    plan = served.plan_access(box, "a.txt", AccessLevel.PUBLIC_READ)
    assert plan.container == box and box in plan.changes[0]
    served.apply_access(plan)
    assert served.access_report(box).access.read is True


def test_an_empty_container_is_checked_for_listing_only(served: Provider) -> None:
    name = unique_container_name()
    served.create_container(name)
    try:
        check = served.live_check(name)
        assert [a.what for a in check.answers] == ["list"]
        assert check.gaps == (f"{name} is empty: there was no object to try a read on.",)
        assert "it is empty now" in served.plan_access(name, None, AccessLevel.PUBLIC_READ).exposes
    finally:
        served.delete_container(name, force=True)


# -- Swift only ------------------------------------------------------------------------------------


def test_swift_referrer_entries_are_named_and_the_proxy_agrees(
    swift_provider: Provider, swift_server
) -> None:
    name = unique_container_name()
    swift_provider.create_container(name)
    try:
        sending.upload_bytes(swift_provider, name, "a.txt", b"x")
        swift_provider.client.call(
            "acl", lambda c: c.post_container(name, {"X-Container-Read": ".r:example.com"})
        )
        report = swift_provider.access_report(name)
        assert report.access.read is False
        assert "requests whose Referer names example.com (a header any client can send)" in report.sentence
        assert any(line.startswith(".r:example.com: requests whose Referer") for line in report.how)
        url = swift_provider.object_url(name, "a.txt")
        assert swift_provider.live_check(name, "a.txt").observed("read") is False
        assert probe.anonymous("GET", url, {"Referer": "http://example.com/page"}).status == 200
        # Public read keeps nobody's entry but the referrers it replaces.
        plan = swift_provider.plan_access(name, None, AccessLevel.PUBLIC_READ)
        assert plan.changes == (f"X-Container-Read of {name}: .r:example.com -> .r:*",)
    finally:
        swift_provider.delete_container(name, force=True)


def test_a_swift_user_who_is_no_admin_cannot_see_the_acl_and_is_told(swift_provider, swift_server) -> None:
    name = unique_container_name()
    swift_provider.create_container(name)
    user, key = swift_server.other_users[1]  # test:tester3, no admin of account test
    swift_provider.client.call("acl", lambda c: c.post_container(name, {"X-Container-Read": user}))
    other = open_provider("swift", {"auth_url": swift_server.auth_url, "username": user, "api_key": key})
    other.connect()
    try:
        report = other.access_report(name)
        assert report.access.read is None and report.sentence.startswith("Whether anyone can read")
        plan = other.plan_access(name, None, AccessLevel.PUBLIC_READ)
        assert plan.refusal is not None and "only an admin of this Swift account" in plan.refusal
    finally:
        other.close()
        swift_provider.delete_container(name, force=True)


def test_x_delete_after_really_expires_the_object(swift_provider: Provider) -> None:
    name = unique_container_name()
    swift_provider.create_container(name)
    try:
        sending.upload_bytes(swift_provider, name, "gone.txt", b"bye", metadata={"kept": "yes"})
        sending.upload_bytes(swift_provider, name, "stays.txt", b"hi")
        moment = swift_provider.set_object_expiry(name, "gone.txt", after=timedelta(seconds=2))
        assert moment is not None and swift_provider.object_expiry(name, "gone.txt") == moment
        # A Swift POST replaces the metadata: the expiry went with everything else kept.
        assert swift_provider.stat(name, "gone.txt").metadata == {"kept": "yes"}
        later = datetime.now(UTC) + timedelta(days=1)
        swift_provider.set_object_expiry(name, "stays.txt", at=later)
        assert swift_provider.set_object_expiry(name, "stays.txt") is None  # removed again
        _wait_until_gone(swift_provider, name, "gone.txt")
        assert swift_provider.read(name, "stays.txt") == b"hi"
    finally:
        swift_provider.delete_container(name, force=True)


def _wait_until_gone(provider: Provider, container: str, key: str) -> None:
    """The object server hides an expired object from reads; the expirer removes it later."""
    import time

    for _attempt in range(120):
        try:
            provider.read(container, key)
        except NotFound:
            return
        time.sleep(0.5)
    pytest.fail(f"{key} was still readable a minute after it should have expired")


# -- Azure only ------------------------------------------------------------------------------------


def test_azure_keeps_stored_access_policies_across_a_change(azure_provider, azure_box) -> None:
    from azure.storage.blob import AccessPolicy, ContainerSasPermissions

    client = azure_provider.service.get_container_client(azure_box)
    policy = AccessPolicy(permission=ContainerSasPermissions(read=True),
                          expiry=datetime.now(UTC) + timedelta(days=1))  # fmt: skip
    client.set_container_access_policy(signed_identifiers={"readers": policy})
    plan = azure_provider.plan_access(azure_box, None, AccessLevel.PUBLIC_LIST)
    assert "(stored access policies readers kept)" in plan.changes[0]
    azure_provider.apply_access(plan)
    found = client.get_container_access_policy()
    assert found["public_access"] == "container"
    assert [item.id for item in found["signed_identifiers"]] == ["readers"]


def test_azure_with_a_sas_is_told_it_cannot_change_the_level(azurite_server, azure_box) -> None:
    from azure.storage.blob import AccountSasPermissions, ResourceTypes, generate_account_sas

    token = generate_account_sas(
        azurite_server.account_name, azurite_server.account_key,
        resource_types=ResourceTypes(service=True, container=True, object=True),
        permission=AccountSasPermissions(read=True, list=True), expiry=datetime.now(UTC) + timedelta(hours=1),
    )  # fmt: skip
    settings = {"account_name": azurite_server.account_name, "blob_endpoint": azurite_server.blob_endpoint}
    sas = open_provider("azure", {**settings, "sas_token": token})
    sas.connect()
    try:
        plan = sas.plan_access(azure_box, None, AccessLevel.PUBLIC_READ)
        assert plan.refusal is not None and "a SAS cannot change" in plan.refusal
    finally:
        sas.close()
