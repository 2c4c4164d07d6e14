"""The plan of a restore to a moment, from versions listings made up here: every edge a
key can be at (pure: no server; the servers' own listings are in test_restore_servers)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storebrowser.core.types import CURRENT_BLOB, ObjectVersion
from storebrowser.providers.azure import blob_versions, snapshots
from storebrowser.versions.plan import PlanAction, plan_items, version_at

T = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
BEFORE, AFTER = T - timedelta(hours=1), T + timedelta(hours=1)


def v(key: str, vid: str, when: datetime, etag: str = "", *, latest: bool = False, marker: bool = False,
      size: int = 1, created: datetime | None = None) -> ObjectVersion:  # fmt: skip
    return ObjectVersion(
        key, vid, is_latest=latest, is_delete_marker=marker, size=0 if marker else size, modified=when,
        etag=None if marker else etag or f"etag-{vid}", created=created,
    )  # fmt: skip


def actions(entries: list[ObjectVersion]) -> dict[str, tuple[PlanAction, str | None]]:
    return {
        item.key: (item.action, item.target.version_id if item.target else None)
        for item in plan_items(entries, T)
    }


def test_every_edge_of_a_key() -> None:
    entries = [
        # unchanged since before T
        v("f/a-same", "1", BEFORE, latest=True),
        # changed after T: back to the version of then
        v("f/changed", "2", AFTER, latest=True),
        v("f/changed", "1", BEFORE),
        # deleted after T: comes back
        v("f/deleted", "dm", AFTER, latest=True, marker=True),
        v("f/deleted", "1", BEFORE),
        # a delete marker at T, recreated after: goes again
        v("f/dm-at-t", "3", AFTER, latest=True),
        v("f/dm-at-t", "dm", BEFORE, marker=True),
        v("f/dm-at-t", "1", BEFORE - timedelta(hours=1)),
        # a delete marker at T and still deleted: right already
        v("f/gone", "dm", BEFORE, latest=True, marker=True),
        v("f/gone", "1", BEFORE - timedelta(hours=1)),
        # created after T: goes
        v("f/new", "1", AFTER, latest=True),
        # in a sub-folder, changed twice after T and deleted
        v("f/sub/deep", "dm", AFTER + timedelta(hours=2), latest=True, marker=True),
        v("f/sub/deep", "4", AFTER + timedelta(hours=1)),
        v("f/sub/deep", "3", AFTER),
        v("f/sub/deep", "2", T),  # written exactly at T: that is its state at T
        v("f/sub/deep", "1", BEFORE),
    ]
    assert actions(entries) == {
        "f/a-same": (PlanAction.KEEP, "1"),
        "f/changed": (PlanAction.RESTORE, "1"),
        "f/deleted": (PlanAction.UNDELETE, "1"),
        "f/dm-at-t": (PlanAction.DELETE, None),
        "f/gone": (PlanAction.KEEP, None),
        "f/new": (PlanAction.DELETE, None),
        "f/sub/deep": (PlanAction.UNDELETE, "2"),
    }


def test_a_key_restored_already_is_right() -> None:
    """After a restore the current version is a copy (a new id) of the version of then:
    the same content, so running the plan again leaves it (resuming)."""
    entries = [
        v("k", "3", AFTER + timedelta(hours=1), "etag-1", latest=True),
        v("k", "2", AFTER),
        v("k", "1", BEFORE),
    ]
    assert actions(entries) == {"k": (PlanAction.KEEP, "1")}


def test_same_etag_but_another_size_is_not_the_same() -> None:
    entries = [v("k", "2", AFTER, "x", latest=True, size=2), v("k", "1", BEFORE, "x", size=1)]
    assert actions(entries) == {"k": (PlanAction.RESTORE, "1")}


def test_a_key_with_versions_but_none_current_counts_as_deleted() -> None:
    """Swift can leave a key with versions and no current one."""
    entries = [v("k", "2", AFTER), v("k", "1", BEFORE)]
    assert actions(entries) == {"k": (PlanAction.UNDELETE, "1")}


def test_azure_the_blob_and_its_snapshots() -> None:
    entries = [
        # changed after T, a snapshot of then: promoted
        v("blob", CURRENT_BLOB, AFTER, latest=True, created=BEFORE),
        v("blob", "2024-05-01T13:30:00.0000000Z", AFTER),
        v("blob", "2024-05-01T11:30:00.0000000Z", BEFORE),
        # changed after T without a snapshot of then: its content then is not kept
        v("lost", CURRENT_BLOB, AFTER, latest=True, created=BEFORE),
        v("lost", "2024-05-01T13:30:00.0000000Z", AFTER),
        # created after T: would be deleted
        v("new", CURRENT_BLOB, AFTER, latest=True, created=AFTER),
        # unchanged (its snapshot holds the same ETag)
        v("same", CURRENT_BLOB, BEFORE, "e", latest=True, created=BEFORE),
        v("same", "2024-05-01T11:00:00.0000000Z", BEFORE, "e"),
    ]
    assert actions(entries) == {
        "blob": (PlanAction.RESTORE, "2024-05-01T11:30:00.0000000Z"),
        "lost": (PlanAction.UNKNOWN, None),
        "new": (PlanAction.DELETE, None),
        "same": (PlanAction.KEEP, CURRENT_BLOB),
    }


def test_version_at_skips_folders_and_needs_a_time_zone() -> None:
    assert version_at([v("k", "1", AFTER)], T) is None
    with pytest.raises(ValueError, match="time zone"):
        plan_items([], T.replace(tzinfo=None))
    folder = ObjectVersion("f/", "", is_prefix=True)
    assert plan_items([folder, v("f/x", "1", BEFORE, latest=True)], T)[0].key == "f/x"


def test_azure_blob_versions_record_no_deletion_time() -> None:
    """A blob deleted under Azure blob versioning leaves its versions and no marker: with
    no version after the moment it may have been deleted before it (UNKNOWN); one after
    the moment shows it existed after it (UNDELETE). Where deletions are dated (S3
    markers, Swift), the first is UNDELETE as before."""
    entries = [
        v("gone-before?", "2024-05-01T10:00:00.0000000Z", BEFORE),
        v("gone-after", "2024-05-01T13:00:00.0000000Z", AFTER),
        v("gone-after", "2024-05-01T10:00:00.0000000Z", BEFORE),
    ]
    items = {item.key: item for item in plan_items(entries, T, deletions_dated=False)}
    assert items["gone-before?"].action is PlanAction.UNKNOWN
    assert items["gone-before?"].target == entries[0] and items["gone-before?"].current is None
    assert items["gone-after"].action is PlanAction.UNDELETE and items["gone-after"].target == entries[2]
    assert actions(entries)["gone-before?"] == (PlanAction.UNDELETE, entries[0].version_id)
    # What make_plan passes on for a container with blob versions, and for one with snapshots:
    assert not blob_versions.versioning_state().deletions_dated
    assert snapshots.versioning_state().deletions_dated
