"""Revert, undelete and restore-as-of against the real servers (moto, Swift's s3api, Swift,
Azurite), the outcome read back with the SDKs themselves."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from storebrowser.core.cancel import CancelToken
from storebrowser.core.errors import Cancelled, NotFound
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.providers.base import Provider
from storebrowser.versions.plan import PlanAction, PlanItem, make_plan
from storebrowser.versions.restore import (
    Outcome,
    UndeleteHow,
    VersioningOff,
    deleted_keys,
    restore_as_of,
    revert,
    undelete,
)
from tests.providers.versions_support import (  # noqa: F401
    put,
    versioned_fixture,
    versioned_provider_fixture,
    versions_of,
)
from tests.versions.sdk_state import current_objects

#: Servers give times to the second (s3api rounds up): the moment is kept this far from writes.
SETTLE = 1.1


def moment() -> datetime:
    time.sleep(SETTLE)
    when = datetime.now(UTC)
    time.sleep(SETTLE)
    return when


def _history(provider: Provider, container: str) -> datetime:
    """A folder with every kind of change around a moment; returns the moment."""
    for key, data in (
        ("f/same.txt", b"same"),
        ("f/changed.txt", b"old"),
        ("f/deleted.txt", b"gone later"),
        ("f/sub/deep.txt", b"deep old"),
        ("f/sub/deleted-deep.txt", b"deep gone later"),
        ("f/dm-at-t.txt", b"deleted before"),
        ("f/twice.txt", b"t1"),
        ("outside/o.txt", b"outside old"),
    ):
        put(provider, container, key, data)
    put(provider, container, "f/twice.txt", b"t2")
    # moto lists markers apart from versions, to the second: it could not tell which of a
    # marker and a version written within one second came first.
    time.sleep(SETTLE)
    provider.delete_object(container, "f/dm-at-t.txt")
    when = moment()
    put(provider, container, "f/changed.txt", b"new")
    provider.delete_object(container, "f/deleted.txt")
    put(provider, container, "f/sub/deep.txt", b"deep new")
    provider.delete_object(container, "f/sub/deleted-deep.txt")
    put(provider, container, "f/dm-at-t.txt", b"recreated")
    put(provider, container, "f/new.txt", b"new file")
    put(provider, container, "f/twice.txt", b"t3")
    provider.delete_object(container, "f/twice.txt")
    put(provider, container, "f/twice.txt", b"t4")
    put(provider, container, "outside/o.txt", b"outside new")
    return when


AT_THE_MOMENT = {
    "f/same.txt": b"same",
    "f/changed.txt": b"old",
    "f/deleted.txt": b"gone later",
    "f/sub/deep.txt": b"deep old",
    "f/sub/deleted-deep.txt": b"deep gone later",
    "f/twice.txt": b"t2",
}


def test_a_folder_restored_as_of_a_moment_is_what_it_was(
    versioned_provider: Provider, versioned: str, request: pytest.FixtureRequest
) -> None:
    provider = versioned_provider
    when = _history(provider, versioned)
    plan, report = restore_as_of(provider, versioned, "f/", when)
    assert {item.key: item.action for item in plan.items} == {
        "f/changed.txt": PlanAction.RESTORE,
        "f/deleted.txt": PlanAction.UNDELETE,
        "f/dm-at-t.txt": PlanAction.DELETE,
        "f/new.txt": PlanAction.DELETE,
        "f/same.txt": PlanAction.KEEP,
        "f/sub/deep.txt": PlanAction.RESTORE,
        "f/sub/deleted-deep.txt": PlanAction.UNDELETE,
        "f/twice.txt": PlanAction.RESTORE,
    }
    assert report.complete and len(report.done) == 7
    assert current_objects(provider, versioned, "f/", request) == AT_THE_MOMENT
    assert current_objects(provider, versioned, "outside/", request) == {"outside/o.txt": b"outside new"}
    # Nothing was deleted for good: the removed keys got delete markers over their versions.
    for key, data in (("f/new.txt", b"new file"), ("f/dm-at-t.txt", b"recreated")):
        top, below, *_ = versions_of(provider, versioned, key)
        assert top.is_delete_marker and not below.is_delete_marker
        assert provider.read_version(versioned, key, below.version_id) == data
    # Again: nothing left to do.
    again = make_plan(provider, versioned, "f/", when)
    assert not again.changes


def test_an_interrupted_restore_finishes_when_run_again(
    versioned_provider: Provider, versioned: str, request: pytest.FixtureRequest
) -> None:
    provider = versioned_provider
    when = _history(provider, versioned)
    cancel = CancelToken()
    done: list[PlanItem] = []

    def stop_after_three(item: PlanItem, outcome: Outcome) -> None:
        done.append(item)
        if len(done) == 3:
            cancel.cancel()

    first_plan = make_plan(provider, versioned, "f/", when)
    with pytest.raises(Cancelled):
        restore_as_of(provider, versioned, "f/", when, cancel=cancel, on_item=stop_after_three)
    resumed = make_plan(provider, versioned, "f/", when)
    assert {item.key for item in resumed.changes} == {item.key for item in first_plan.changes} - {
        item.key for item in done
    }
    _plan, report = restore_as_of(provider, versioned, "f/", when)
    assert report.complete and len(report.done) == len(resumed.changes)
    assert current_objects(provider, versioned, "f/", request) == AT_THE_MOMENT


def test_revert_and_undelete(versioned_provider: Provider, versioned: str) -> None:
    provider = versioned_provider
    put(provider, versioned, "k", b"v1")
    put(provider, versioned, "k", b"v2")
    provider.delete_object(versioned, "k")
    assert deleted_keys(provider, versioned, "", recursive=True) == ["k"]
    result = undelete(provider, versioned, "k")
    assert result.how is UndeleteHow.MARKER_REMOVED
    assert provider.read(versioned, "k") == b"v2"
    assert undelete(provider, versioned, "k").how is UndeleteHow.NOT_DELETED
    v1 = versions_of(provider, versioned, "k")[-1]
    revert(provider, versioned, "k", v1.version_id)
    assert provider.read(versioned, "k") == b"v1"
    # Deleted twice (S3 puts a second marker; Swift answers 404 and does not): under two
    # markers, the last version is copied back. (moto orders markers to the second.)
    time.sleep(SETTLE)
    provider.delete_object(versioned, "k")
    provider.delete_object(versioned, "k")
    markers_on_top = [v.is_delete_marker for v in versions_of(provider, versioned, "k")].index(False)
    expected = UndeleteHow.COPIED if markers_on_top > 1 else UndeleteHow.MARKER_REMOVED
    assert undelete(provider, versioned, "k").how is expected
    assert provider.read(versioned, "k") == b"v1"
    with pytest.raises(NotFound):
        undelete(provider, versioned, "never-was")


def test_restores_refuse_while_versioning_is_suspended(versioned_provider: Provider, versioned: str) -> None:
    provider = versioned_provider
    put(provider, versioned, "k", b"v1")
    put(provider, versioned, "k", b"v2")
    old = versions_of(provider, versioned, "k")[-1]
    provider.set_versioning(versioned, False)
    with pytest.raises(VersioningOff, match="suspended"):
        revert(provider, versioned, "k", old.version_id)
    assert provider.read(versioned, "k") == b"v2"


# -- Azure: snapshots ---------------------------------------------------------------------


def test_azure_restore_as_of_uses_snapshots_and_asks_before_deleting(
    azure: AzureProvider, azure_box: str, request: pytest.FixtureRequest
) -> None:
    # (A blob changed after the moment with no snapshot of then is UNKNOWN by its creation
    # time, which Azure keeps and Azurite resets on every overwrite: see test_plan.py.)
    for key, data in (("f/same", b"same"), ("f/changed", b"old"), ("f/sub/deep", b"deep")):
        put(azure, azure_box, key, data)
    azure.create_snapshot(azure_box, "f/changed")
    azure.create_snapshot(azure_box, "f/sub/deep")
    when = moment()
    put(azure, azure_box, "f/changed", b"new")
    put(azure, azure_box, "f/sub/deep", b"deep new")
    put(azure, azure_box, "f/new", b"new blob")
    plan, report = restore_as_of(azure, azure_box, "f/", when)
    assert plan.permanent_deletes
    assert {item.key: item.action for item in plan.items} == {
        "f/changed": PlanAction.RESTORE,
        "f/new": PlanAction.DELETE,
        "f/same": PlanAction.KEEP,
        "f/sub/deep": PlanAction.RESTORE,
    }
    assert [item.key for item in report.needs_confirmation] == ["f/new"] and not report.failed
    assert current_objects(azure, azure_box, "f/", request)["f/new"] == b"new blob"
    _plan, report = restore_as_of(azure, azure_box, "f/", when, allow_permanent_deletes=True)
    assert report.complete and [item.key for item in report.done] == ["f/new"]
    assert current_objects(azure, azure_box, "f/", request) == {
        "f/same": b"same",
        "f/changed": b"old",
        "f/sub/deep": b"deep",
    }
    # What the promotions replaced was kept as snapshots.
    replaced = versions_of(azure, azure_box, "f/changed")[1]
    assert azure.read_version(azure_box, "f/changed", replaced.version_id) == b"new"
