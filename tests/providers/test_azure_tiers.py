"""Azure access tiers, rehydration and blob index tags on Azurite, read back through the
SDK directly; what is checked before any request, proven by the counting proxy.

What Azurite does: it takes Hot, Cool, Cold and Archive, refuses reads of an archived
blob (409 BlobArchived) as Azure does, and keeps index tags with Azure's rules. It has
no rehydration time: a blob set from Archive to an online tier is there at once (the
202 Azure answers, but never ``archive_status: rehydrate-pending-to-*``), so a
rehydration under way is not seen here. It refuses an empty tag value (400 Bad
Request), which Azure's rules allow (values of 0 to 256 characters).
"""

from __future__ import annotations

import io
from typing import Any

import pytest

from storebrowser.core.archive import ArchiveState
from storebrowser.core.errors import InvalidStorageClass, InvalidTags, NotArchived, ObjectArchived
from storebrowser.core.tiers import ClassScope
from storebrowser.providers.azure.provider import AzureProvider
from tests.providers.backends import CountedProvider
from tests.servers.azurite import AzuriteServer

MiB = 1024 * 1024


@pytest.fixture
def sdk(azurite_server: AzuriteServer) -> Any:
    from azure.storage.blob import BlobServiceClient

    return BlobServiceClient.from_connection_string(azurite_server.connection_string)


def _put_rich(sdk: Any, box: str, key: str, body: bytes) -> None:
    from azure.storage.blob import ContentSettings

    settings = ContentSettings(content_type="text/csv", cache_control="max-age=60", content_language="de",
                               content_disposition='attachment; filename="r.csv"')  # fmt: skip
    sdk.get_blob_client(box, key).upload_blob(
        body, content_settings=settings, metadata={"owner": "qa"}, tags={"project": "apollo"}
    )


def _kept(sdk: Any, box: str, key: str) -> dict[str, Any]:
    blob = sdk.get_blob_client(box, key)
    props = blob.get_blob_properties()
    settings = props.content_settings
    names = ("content_type", "cache_control", "content_language", "content_disposition", "content_md5")
    return {
        "settings": {name: getattr(settings, name) for name in names},
        "metadata": dict(props.metadata),
        "tags": blob.get_blob_tags(),
        "etag": props.etag,
    }


def test_the_tiers_offered(azure: AzureProvider) -> None:
    tiers = azure.storage_classes()
    assert tiers.scope is ClassScope.OBJECT and tiers.noun == "access tier"
    assert tiers.names() == ["Hot", "Cool", "Cold", "Archive"]
    assert [t.name for t in tiers.classes if t.archive] == ["Archive"]
    assert [p.name for p in tiers.priorities] == ["Standard", "High"] and not tiers.restore_days
    caps = azure.capabilities
    assert caps.storage_tiers and caps.archive_restore and caps.object_tags and not caps.container_classes


def test_a_tier_change_keeps_bytes_metadata_settings_and_tags(
    azure: AzureProvider, azure_box: str, sdk: Any
) -> None:
    _put_rich(sdk, azure_box, "r.csv", b"a,b\n1,2\n")
    before = _kept(sdk, azure_box, "r.csv")
    for tier in ("cool", "Cold", "HOT"):
        change = azure.set_storage_class(azure_box, "r.csv", tier)
        assert change.info.storage_class == tier.capitalize()
        assert sdk.get_blob_client(azure_box, "r.csv").get_blob_properties().blob_tier == tier.capitalize()
    assert _kept(sdk, azure_box, "r.csv") == before  # not even the ETag moved
    assert sdk.get_blob_client(azure_box, "r.csv").download_blob().readall() == b"a,b\n1,2\n"


def test_upload_in_a_tier_one_request_and_in_blocks(azure: AzureProvider, azure_box: str, sdk: Any) -> None:
    azure.put_object(azure_box, "small", io.BytesIO(b"x"), size=1, storage_class="cool")
    assert sdk.get_blob_client(azure_box, "small").get_blob_properties().blob_tier == "Cool"
    upload = azure.start_multipart(azure_box, "big", part_size=MiB, storage_class="Cold")
    assert upload.state()["tier"] == "Cold"  # a resumed upload commits in the same tier
    upload.complete([upload.upload_part(1, b"y" * 100)])
    assert sdk.get_blob_client(azure_box, "big").get_blob_properties().blob_tier == "Cold"


def test_an_archived_blob_says_so_and_comes_back_by_rehydration(
    azure: AzureProvider, azure_box: str, sdk: Any
) -> None:
    _put_rich(sdk, azure_box, "old.csv", b"frozen")
    before = _kept(sdk, azure_box, "old.csv")
    azure.set_storage_class(azure_box, "old.csv", "Archive")
    with pytest.raises(ObjectArchived, match=r"archived \(in Archive\).*thaw") as caught:
        azure.read(azure_box, "old.csv")
    assert caught.value.key == "old.csv" and not caught.value.restoring
    (entry,) = azure.list_page(azure_box).entries
    assert entry.archive is not None and entry.archive.state is ArchiveState.ARCHIVED
    info = azure.restore_object(azure_box, "old.csv", priority="high", storage_class="cool")
    assert info.storage_class == "Cool" and info.archive is None  # Azurite: at once
    assert azure.read(azure_box, "old.csv") == b"frozen"
    after = _kept(sdk, azure_box, "old.csv")
    assert {k: v for k, v in after.items() if k != "etag"} == {k: v for k, v in before.items() if k != "etag"}


def test_an_online_blob_has_nothing_to_rehydrate(azure: AzureProvider, azure_box: str) -> None:
    azure.put_object(azure_box, "hot", io.BytesIO(b"h"), size=1)
    with pytest.raises(NotArchived, match="not archived: it can be read as it is"):
        azure.restore_object(azure_box, "hot")


def test_refusals_before_any_request(counting_provider: Any, azure_box: str) -> None:
    counted: CountedProvider = counting_provider("azure")
    azure, proxy = counted.provider, counted.proxy
    with pytest.raises(InvalidStorageClass, match="'Glacier' is not an access tier"):
        azure.set_storage_class(azure_box, "k", "Glacier")
    with pytest.raises(InvalidStorageClass, match="no number of days"):
        azure.restore_object(azure_box, "k", days=3)
    with pytest.raises(InvalidStorageClass, match="rehydrated into Hot, Cool, Cold, not Archive"):
        azure.restore_object(azure_box, "k", storage_class="archive")
    with pytest.raises(InvalidStorageClass, match="not a restore priority"):
        azure.restore_object(azure_box, "k", priority="Expedited")
    with pytest.raises(InvalidStorageClass, match="not an access tier"):
        azure.put_object(azure_box, "k", io.BytesIO(b"x"), size=1, storage_class="Premium")
    with pytest.raises(InvalidTags, match="Azure tags may hold only ASCII"):
        azure.set_tags(azure_box, "k", {"name": "Zoë"})
    with pytest.raises(InvalidTags, match="at most 10"):
        azure.set_tags(azure_box, "k", {f"t{n}": "" for n in range(11)})
    assert proxy.requests == 0, proxy.request_lines


def test_a_priority_for_a_blob_not_leaving_archive_is_refused(
    counting_provider: Any, azure_box: str
) -> None:
    counted: CountedProvider = counting_provider("azure")
    counted.provider.put_object(azure_box, "hot", io.BytesIO(b"h"), size=1)
    counted.proxy.reset()
    with pytest.raises(InvalidStorageClass, match="only for a blob leaving the Archive tier"):
        counted.provider.set_storage_class(azure_box, "hot", "Cool", priority="High")
    assert not [line for line in counted.proxy.request_lines if "comp=tier" in line]


def test_index_tags_round_trip_and_are_replaced_whole(azure: AzureProvider, azure_box: str, sdk: Any) -> None:
    azure.put_object(azure_box, "t", io.BytesIO(b"t"), size=1, metadata={"m": "1"})
    assert azure.get_tags(azure_box, "t") == {}
    tags = {"Project": "a b+c-d.e/f:g=h_i", "x": "1"}  # not "": Azurite refuses empty values
    azure.set_tags(azure_box, "t", tags)
    assert sdk.get_blob_client(azure_box, "t").get_blob_tags() == tags
    azure.set_tags(azure_box, "t", {"only": "this"})
    assert azure.get_tags(azure_box, "t") == {"only": "this"}
    azure.set_tags(azure_box, "t", {})
    assert sdk.get_blob_client(azure_box, "t").get_blob_tags() == {}
    assert dict(azure.stat(azure_box, "t").metadata) == {"m": "1"}
