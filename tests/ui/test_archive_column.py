"""The object table's Archive status column (issue 21): what moto's and Azurite's
listings say of archived objects, shown per row, sorted in the model; shown by default on
S3 and Azure (hidden on Swift and local folders: tests/ui/test_columns.py). Pictures light
and dark to ``$STOREBROWSER_SHOTS`` when set."""

from __future__ import annotations

from typing import Any

from azure.storage.blob import BlobServiceClient, StandardBlobTier
from PySide6.QtCore import Qt

from storebrowser.core.places import Location
from storebrowser.table.order import Column
from storebrowser.ui.main_window import MainWindow
from tests.ui.servers import server_account, unique_name
from tests.ui.test_operations import wait_listed
from tests.ui.test_panel_pictures import save, scheme, shots  # noqa: F401 - fixtures
from tests.ui.test_tiers_window import _moto_sdk


def _cells(window: MainWindow, column: int) -> dict[str, str]:
    model = window.object_model
    return {model.data(model.index(row, Column.NAME)): model.data(model.index(row, column))
            for row in range(model.rowCount())}  # fmt: skip


def _names(window: MainWindow) -> list[str]:
    model = window.object_model
    return [model.data(model.index(row, Column.NAME)) for row in range(model.rowCount())]


def test_archived_objects_say_so_in_their_own_column_and_sort_by_it(
    qtbot, request, add_account, make_explorer, scheme: str, shots: Any  # noqa: F811
) -> None:
    s3 = server_account(request, "s3_moto")
    add_account(s3.name, s3.kind, s3.settings)
    sdk = _moto_sdk(s3.settings)
    bucket = unique_name()
    sdk.create_bucket(Bucket=bucket)
    for key, storage_class in (("cold.tar", "GLACIER"), ("deep.tar", "DEEP_ARCHIVE"),
                               ("ia.csv", "STANDARD_IA"), ("warm.txt", "STANDARD")):  # fmt: skip
        sdk.put_object(Bucket=bucket, Key=key, Body=b"x" * 100, StorageClass=storage_class)
    window = make_explorer().window
    window.resize(1320, 420)
    window.navigate(Location(s3.name, bucket))
    wait_listed(qtbot, window)
    assert not window.table.horizontalHeader().isSectionHidden(Column.ARCHIVE)
    assert window.object_model.headerData(Column.ARCHIVE, Qt.Orientation.Horizontal) == "Archive status"
    assert _cells(window, Column.ARCHIVE) == {"cold.tar": "Archived", "deep.tar": "Archived", "ia.csv": "",
                                              "warm.txt": ""}  # fmt: skip
    model = window.object_model
    cold = _names(window).index("cold.tar")
    tip = model.data(model.index(cold, Column.ARCHIVE), Qt.ItemDataRole.ToolTipRole)
    assert "Restore from Archive" in tip
    window.table.sortByColumn(Column.ARCHIVE, Qt.SortOrder.DescendingOrder)  # as a header click
    assert _names(window)[:2] == ["cold.tar", "deep.tar"]  # archived first, ties in name order
    save(window, shots / f"archive-column-{scheme}.png")


def test_azure_archive_tier_shows_archived(qtbot, request, add_account, make_explorer) -> None:
    azure = server_account(request, "azure")
    add_account(azure.name, azure.kind, azure.settings)
    service = BlobServiceClient.from_connection_string(azure.settings["connection_string"])
    name = unique_name()
    box = service.create_container(name)
    box.upload_blob("old.bak", b"x")
    box.upload_blob("new.bak", b"y")
    box.get_blob_client("old.bak").set_standard_blob_tier(StandardBlobTier.ARCHIVE)
    window = make_explorer().window
    window.navigate(Location(azure.name, name))
    wait_listed(qtbot, window)
    assert not window.table.horizontalHeader().isSectionHidden(Column.ARCHIVE)
    assert _cells(window, Column.ARCHIVE) == {"old.bak": "Archived", "new.bak": ""}
    assert _cells(window, Column.STORAGE_CLASS)["old.bak"] == "Archive"
    service.delete_container(name)
