"""Azure blob snapshots as versions, on Azurite: take, list (whole per blob, even where
a page ends inside a blob's snapshots), read, promote, delete. Azurite has no blob
versioning and no soft delete, so those are not covered (see the versions note)."""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime, timedelta

import pytest
from azure.storage.blob import ContainerSasPermissions, generate_container_sas

from storebrowser.core.errors import AccessDenied, NotFound, StorageError, Unsupported
from storebrowser.core.ranges import ByteRange
from storebrowser.core.types import CURRENT_BLOB, VersioningStatus
from storebrowser.providers.azure.blob_versions import keeps_versions
from storebrowser.providers.azure.provider import AzureProvider
from storebrowser.providers.azure.sharing import blob_sas_url, version_url
from storebrowser.providers.azure.snapshotted import REPROBE_AFTER
from storebrowser.providers.registry import open_provider
from storebrowser.versions.plan import PlanAction, PlanItem, RestorePlan
from storebrowser.versions.restore import apply_plan
from tests.providers.versions_support import all_versions, put, versions_of
from tests.servers.azurite import AzuriteServer


def test_snapshots_are_the_versions_of_a_blob(azure: AzureProvider, azure_box: str) -> None:
    put(azure, azure_box, "docs/a.txt", b"first")
    first = azure.create_snapshot(azure_box, "docs/a.txt")
    time.sleep(1.1)  # Last-Modified is to the second
    put(azure, azure_box, "docs/a.txt", b"second")
    second = azure.create_snapshot(azure_box, "docs/a.txt")
    put(azure, azure_box, "docs/a.txt", b"third!")
    blob, newer, older = versions_of(azure, azure_box, "docs/a.txt")
    assert (blob.version_id, blob.is_latest, blob.size) == (CURRENT_BLOB, True, 6)
    assert [newer.version_id, older.version_id] == [second.version_id, first.version_id]
    assert not newer.is_latest and not older.is_latest and not older.is_delete_marker
    assert older.content_md5 == hashlib.md5(b"first").hexdigest()
    assert blob.modified and newer.modified and older.modified
    assert blob.modified >= newer.modified > older.modified
    assert azure.read_version(azure_box, "docs/a.txt", first.version_id) == b"first"
    assert azure.read_version(azure_box, "docs/a.txt", first.version_id, ByteRange(1, 3)) == b"ir"
    assert azure.read_version(azure_box, "docs/a.txt", CURRENT_BLOB) == b"third!"
    assert azure.stat_version(azure_box, "docs/a.txt", second.version_id).size == 6


def test_pages_never_split_a_blob_s_snapshots(azure: AzureProvider, azure_box: str) -> None:
    """Azurite's marker is a blob name: a page that ends inside a blob's snapshots would
    lose the rest of them."""
    for key, snaps in (("a", 3), ("b/x", 2), ("c", 0), ("d", 4)):
        put(azure, azure_box, key, key.encode())
        for _ in range(snaps):
            azure.create_snapshot(azure_box, key)
    whole = all_versions(azure, azure_box, "", None)
    assert [(e.key, e.is_latest) for e in whole].count(("d", False)) == 4
    assert len(whole) == 4 + 3 + 1 + 5
    for limit in (1, 2, 3, 5):
        assert all_versions(azure, azure_box, "", None, limit) == whole, limit
        by_folder = all_versions(azure, azure_box, "", "/", limit)
        assert [e.key for e in by_folder] == ["a"] * 4 + ["b/", "c"] + ["d"] * 5, limit


def test_promoting_a_snapshot_keeps_what_it_replaces(azure: AzureProvider, azure_box: str) -> None:
    put(azure, azure_box, "p.txt", b"good", content_type="text/plain", metadata={"owner": "ann"})
    good = azure.create_snapshot(azure_box, "p.txt")
    put(azure, azure_box, "p.txt", b"oops", content_type="application/json", metadata={"owner": "bob"})
    azure.restore_version(azure_box, "p.txt", good.version_id)
    assert azure.read(azure_box, "p.txt") == b"good"
    info = azure.stat(azure_box, "p.txt")
    assert (info.content_type, dict(info.metadata)) == ("text/plain", {"owner": "ann"})
    blob, kept, original = versions_of(azure, azure_box, "p.txt")
    assert azure.read_version(azure_box, "p.txt", kept.version_id) == b"oops"
    assert original.version_id == good.version_id
    # Back and forth: no snapshot is taken of what a snapshot holds already.
    azure.restore_version(azure_box, "p.txt", kept.version_id)
    azure.restore_version(azure_box, "p.txt", good.version_id)
    azure.restore_version(azure_box, "p.txt", good.version_id)
    assert len(versions_of(azure, azure_box, "p.txt")) == 3
    assert blob.is_latest and azure.read(azure_box, "p.txt") == b"good"


def test_deleting_a_snapshot_removes_exactly_it(azure: AzureProvider, azure_box: str) -> None:
    put(azure, azure_box, "k", b"1")
    one = azure.create_snapshot(azure_box, "k")
    put(azure, azure_box, "k", b"2")
    two = azure.create_snapshot(azure_box, "k")
    azure.delete_version(azure_box, "k", one.version_id)
    assert [v.version_id for v in versions_of(azure, azure_box, "k")] == [CURRENT_BLOB, two.version_id]
    with pytest.raises(Unsupported, match="not a snapshot"):
        azure.delete_version(azure_box, "k", CURRENT_BLOB)


def test_an_unknown_snapshot_is_not_found(azure: AzureProvider, azure_box: str) -> None:
    put(azure, azure_box, "k", b"1")
    real = azure.create_snapshot(azure_box, "k")
    bogus = "2001-01-01T00:00:00.0000000Z"
    for call in (
        lambda: azure.stat_version(azure_box, "k", bogus),
        lambda: azure.read_version(azure_box, "k", bogus),
        lambda: azure.delete_version(azure_box, "k", bogus),
        lambda: azure.restore_version(azure_box, "k", bogus),
    ):
        with pytest.raises(NotFound, match="no snapshot"):
            call()
    assert [v.version_id for v in versions_of(azure, azure_box, "k")] == [CURRENT_BLOB, real.version_id]


def test_the_state_says_snapshots_and_there_is_no_switch(azure: AzureProvider, azure_box: str) -> None:
    assert azure.capabilities.versioning and azure.capabilities.snapshots
    state = azure.versioning_state(azure_box)
    assert state.status is VersioningStatus.SNAPSHOTS and "snapshot" in state.reason
    with pytest.raises(Unsupported, match="storage account"):
        azure.set_versioning(azure_box, True)


def test_azurite_returns_no_blob_versions_so_it_keeps_snapshots(azure: AzureProvider, azure_box: str) -> None:
    """Whether a container has blob versions is read from what its listing carries:
    empty, nothing tells (snapshots, asked again later); with a blob, Azurite's listing
    with include=versions carries no version id, so it stays snapshots (remembered)."""
    client = azure._container(azure_box)
    assert keeps_versions(client) is None
    assert azure.versioning_state(azure_box).status is VersioningStatus.SNAPSHOTS
    put(azure, azure_box, "a.txt", b"one")
    assert keeps_versions(client) is False
    state = azure.versioning_state(azure_box)
    assert state.status is VersioningStatus.SNAPSHOTS and "no blob versions" in state.reason
    [entry] = all_versions(azure, azure_box)
    assert (entry.version_id, entry.is_latest) == (CURRENT_BLOB, True)


def test_a_listed_blob_version_and_its_url() -> None:
    """What a listing with versions says of a blob, as the SDK's own model holds it (no
    service here has versions: Azurite 3.35 has none), and a version's source URL."""
    from azure.storage.blob import BlobProperties

    from storebrowser.providers.azure.snapshots import _entry, ordered

    def listed(version_id: str, current: bool, size: int) -> BlobProperties:
        item = BlobProperties(name="k.txt")
        item.version_id, item.is_current_version, item.size = version_id, current, size
        return item

    entries = ordered(_entry(item, versions=True) for item in (
        listed("2026-01-01T00:00:00.0000000Z", False, 1), listed("2026-03-01T00:00:00.0000000Z", True, 3),
        listed("2026-02-01T00:00:00.0000000Z", False, 2),
    ))  # fmt: skip
    assert [(e.version_id[:10], e.is_latest, e.size) for e in entries] == [
        ("2026-03-01", True, 3), ("2026-02-01", False, 2), ("2026-01-01", False, 1)
    ]  # fmt: skip
    assert version_url("https://a.blob/c/k.txt?sv=1&sig=x", "2026-01-01T00:00:00.0000000Z") == (
        "https://a.blob/c/k.txt?sv=1&sig=x&versionid=2026-01-01T00%3A00%3A00.0000000Z"
    )
    assert version_url("https://a.blob/c/k.txt", "v1") == "https://a.blob/c/k.txt?versionid=v1"


def test_a_version_s_sas_url_names_the_version() -> None:
    """The token of a version's SAS (sr=bv) is signed for it but does not name it: a URL
    without versionid would be the blob's, and its signature would not match."""
    from azure.storage.blob import BlobClient

    version = "2026-01-01T00:00:00.0000000Z"
    blob = BlobClient("https://a.blob.core.windows.net", "c", "k.txt", version_id=version)
    url = blob_sas_url(blob, ("a", "a2V5"), timedelta(hours=1), "GET")
    assert "sr=bv" in url and url.endswith("&versionid=2026-01-01T00%3A00%3A00.0000000Z")
    assert url.count("versionid=") == 1


def test_a_listed_blob_without_a_version_id_is_the_current_blob() -> None:
    """A blob written before versioning was on (or while it was off) is listed with no
    version id among versions: it is the blob itself, current, not version "None"."""
    from azure.storage.blob import BlobProperties

    from storebrowser.core.versioned import is_current
    from storebrowser.providers.azure.snapshots import _entry, ordered

    plain = BlobProperties(name="k.txt")
    plain.version_id, plain.size = None, 5
    older = BlobProperties(name="k.txt")
    older.version_id, older.is_current_version, older.size = "2026-01-01T00:00:00.0000000Z", False, 1
    entries = ordered(_entry(item, versions=True) for item in (older, plain))
    assert [(e.version_id, e.is_latest, e.size) for e in entries] == [
        (CURRENT_BLOB, True, 5), ("2026-01-01T00:00:00.0000000Z", False, 1)
    ]  # fmt: skip
    assert is_current(entries)


def test_a_blob_with_no_version_id_is_kept_before_a_version_replaces_it(
    azure: AzureProvider, azure_box: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Versions listed, but versioning off now (the account setting is not readable): a
    blob with no version id would be lost to a promotion or a restore's deletion. Azurite
    has no versions, so the container is taken as one with versions here; its blobs carry
    no version id, as blobs written while versioning is off, and its copies make none.
    Azurite refuses a version's SAS (sr=bv), so the copy's source is the blob's own URL."""
    put(azure, azure_box, "k", b"only copy")
    plain = azure._readable_url(azure._blob(azure_box, "k"))
    monkeypatch.setattr(azure, "_readable_url", lambda _blob: plain)
    vars(azure)["_blob_versions"] = {azure_box: True}
    azure.restore_version(azure_box, "k", "2026-01-01T00:00:00.0000000Z")  # Azurite serves the blob
    snapshots = azure._container(azure_box).list_blobs(name_starts_with="k", include=["snapshots"])
    kept = [item.snapshot for item in snapshots if item.snapshot]
    assert len(kept) == 1 and azure.read_version(azure_box, "k", kept[0]) == b"only copy"
    # The copy made no version: the container is taken as snapshots from now on.
    assert azure.versioning_state(azure_box).status is VersioningStatus.SNAPSHOTS
    vars(azure)["_blob_versions"] = {azure_box: True}
    with pytest.raises(StorageError, match="no blob version"):
        azure.check_delete_keeps(azure_box, "k")
    plan = RestorePlan(azure_box, "", datetime.now(UTC), (PlanItem("k", PlanAction.DELETE, None, None),))
    report = apply_plan(azure, plan)
    assert "lose it for good" in str(report.failed["k"]) and azure.read(azure_box, "k") == b"only copy"
    azure.check_delete_keeps(azure_box, "gone")  # nothing to lose
    vars(azure)["_blob_versions"] = {azure_box: False}
    azure.check_delete_keeps(azure_box, "k")  # snapshots: a restore asks before deleting


def _sas_provider(server: AzuriteServer, box: str, permission: ContainerSasPermissions) -> AzureProvider:
    """A provider with a container SAS of ``permission`` only."""
    token = generate_container_sas(
        server.account_name, box, account_key=server.account_key, permission=permission,
        expiry=datetime.now(UTC) + timedelta(hours=1),
    )  # fmt: skip
    provider = open_provider("azure", {"sas_token": f"{server.blob_endpoint}/{box}?{token}"})
    assert isinstance(provider, AzureProvider)
    provider.connect()
    return provider


def test_a_sas_that_cannot_list_keeps_to_snapshots(
    azurite_server: AzuriteServer, azure: AzureProvider, azure_box: str
) -> None:
    """Looking for blob versions lists the container: without List permission (a SAS to
    read) that fails, and the container is taken as snapshots, as before versions were
    looked for, without remembering it. (Azurite refuses a snapshot's read through a
    container SAS, so the read itself is not shown here.)"""
    put(azure, azure_box, "k", b"then")
    reader = _sas_provider(azurite_server, azure_box, ContainerSasPermissions(read=True))
    assert reader.read(azure_box, "k") == b"then"
    assert reader.versioning_state(azure_box).status is VersioningStatus.SNAPSHOTS
    assert azure_box not in vars(reader).get("_blob_versions", {})
    with pytest.raises(AccessDenied):  # where it must know (before a restore deletes)
        reader.check_delete_keeps(azure_box, "k")


def test_a_missing_or_malformed_version_is_not_found_by_name(azure: AzureProvider, azure_box: str) -> None:
    """A version id no version can have is refused before any request (no probe either);
    a missing one names the version, not the blob. Azurite has no versions (it serves the
    blob for any version id), so the container is taken as one with versions and the
    blob asked for does not exist."""
    put(azure, azure_box, "k", b"1")
    calls = (azure.stat_version, azure.read_version, azure.delete_version, azure.restore_version)
    for bad in ("null", "None", "2026-01-01"):
        for call in calls:
            with pytest.raises(NotFound, match=f"^'k' has no version '{bad}'"):
                call(azure_box, "k", bad)
    assert azure_box not in vars(azure).get("_blob_versions", {})  # never probed
    vars(azure)["_blob_versions"] = {azure_box: True}
    missing = "2026-01-01T00:00:00.0000000Z"
    for call in calls:
        with pytest.raises(NotFound, match=f"version '{missing}': 'gone' has no version '{missing}'.$"):
            call(azure_box, "gone", missing)


def test_deleting_a_version_without_the_permission_says_which(
    azurite_server: AzuriteServer, azure: AzureProvider, azure_box: str
) -> None:
    """Deleting an earlier version needs its own permission; its refusal says which.
    Azurite has no versions: the container is taken as one with versions, and the SAS
    lacks Delete altogether."""
    put(azure, azure_box, "k", b"kept")
    reader = _sas_provider(azurite_server, azure_box, ContainerSasPermissions(read=True, list=True))
    vars(reader)["_blob_versions"] = {azure_box: True}
    with pytest.raises(AccessDenied, match=r"^Deleting an earlier blob version needs .*'x' permission\.$"):
        reader.delete_version(azure_box, "k", "2026-01-01T00:00:00.0000000Z")
    assert azure.read(azure_box, "k") == b"kept"


def test_no_version_ids_is_looked_at_again_and_versions_anywhere_count_everywhere(
    azure: AzureProvider, azure_box: str
) -> None:
    """A container's first blobs may all be from before versioning was on: "none" is
    asked again after a while. Versioning is an account setting: a container that showed
    version ids makes every one count as having versions. (Azurite has none: another
    container is said to have shown them.)"""
    put(azure, azure_box, "a.txt", b"one")
    assert azure.versioning_state(azure_box).status is VersioningStatus.SNAPSHOTS
    probed: dict[str, float] = vars(azure)["_blob_versions_probed"]
    first = probed[azure_box]
    azure.versioning_state(azure_box)
    assert probed[azure_box] == first  # remembered for a while
    probed[azure_box] = aged = first - REPROBE_AFTER - 1
    assert azure.versioning_state(azure_box).status is VersioningStatus.SNAPSHOTS
    assert probed[azure_box] > aged  # looked at again
    vars(azure)["_blob_versions"]["elsewhere"] = True
    probed[azure_box] = aged
    assert azure.versioning_state(azure_box).status is VersioningStatus.ENABLED
    assert azure.versioning_state("never-probed").status is VersioningStatus.ENABLED
