"""The Tags tab of the Properties, beside the metadata (issue 21), on Azurite: one
object's tags read, edited with the service's rules checked as typed, saved; several
objects' tags changed as ONE engine job; read back with the SDK. Where the service keeps
no tags the tab says why. Pictures light and dark to ``$STOREBROWSER_SHOTS`` when set."""

from __future__ import annotations

from typing import Any

from azure.storage.blob import BlobServiceClient
from PySide6.QtWidgets import QTabWidget

from storebrowser.core.places import Location
from storebrowser.transfers import JobKind, State
from storebrowser.transfers.progress import JobSnapshot
from storebrowser.ui.application import Explorer
from storebrowser.ui.properties.metadata_editor import MetadataEditor
from storebrowser.ui.tiers.tags_tab import TagsTab
from tests.ui.editing import open_editor
from tests.ui.servers import server_account, unique_name
from tests.ui.test_operations import wait_listed
from tests.ui.test_panel_pictures import save, scheme, shots  # noqa: F401 - fixtures

WAIT = 30_000


def _tags_tab(qtbot, editor: MetadataEditor) -> TagsTab:
    tabs = editor.findChild(QTabWidget, "propertiesTabs")
    assert tabs is not None
    assert [tabs.tabText(n) for n in range(tabs.count())][:2] == ["General", "Tags"]  # then Versions
    tabs.setCurrentIndex(1)
    tab = editor.findChild(TagsTab)
    assert tab is not None and tab.editor is not None
    qtbot.waitUntil(lambda: tab.editor is not None and tab.editor.loaded, timeout=WAIT)
    return tab


def _tag_jobs(explorer: Explorer) -> list[JobSnapshot]:
    engine = explorer.jobs.engine
    assert engine is not None
    return [job for job in engine.snapshot().jobs if job.kind is JobKind.SET_TAGS]


def _saved(qtbot, explorer: Explorer, count: int) -> JobSnapshot:
    qtbot.waitUntil(lambda: len(_tag_jobs(explorer)) == count and _tag_jobs(explorer)[-1].state.finished,
                    timeout=WAIT)  # fmt: skip
    return _tag_jobs(explorer)[-1]


def test_tags_beside_the_metadata_for_one_object_and_for_many_as_one_job(
    qtbot, request, add_account, make_explorer, scheme: str, shots: Any  # noqa: F811
) -> None:
    azure = server_account(request, "azure")
    add_account(azure.name, azure.kind, azure.settings)
    service = BlobServiceClient.from_connection_string(azure.settings["connection_string"])
    name = unique_name()
    box = service.create_container(name)
    box.upload_blob("r.csv", b"a,b", tags={"project": "apollo", "stage": "raw"})
    box.upload_blob("s.csv", b"c,d", tags={"keep": "1", "old": "x"})
    box.upload_blob("t.csv", b"e,f")
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location(azure.name, name))
    wait_listed(qtbot, window)

    one = open_editor(qtbot, explorer, "r.csv")
    tab = _tags_tab(qtbot, one)
    assert one.review_button.isHidden()  # the metadata's review is not the tags'
    tabs = one.findChild(QTabWidget, "propertiesTabs")
    tabs.setCurrentIndex(0)
    assert not one.review_button.isHidden()
    tabs.setCurrentIndex(1)
    assert tab.editor is not None and tab.editor.table.rows() == [("project", "apollo"), ("stage", "raw")]
    row = tab.editor.table.add_row("owner", "Zoë")
    assert "Azure tags may hold only ASCII letters" in tab.editor.problem.text()
    assert not tab.save_button.isEnabled()
    tab.editor.table.item(row, 1).setText("ana")
    assert tab.editor.problem.text() == "" and tab.save_button.isEnabled()
    one.resize(620, 560)
    save(one, shots / f"tags-tab-one-{scheme}.png")
    tab.save_button.click()
    job = _saved(qtbot, explorer, 1)
    assert job.state is State.DONE
    saved = box.get_blob_client("r.csv").get_blob_tags()
    assert saved == {"project": "apollo", "stage": "raw", "owner": "ana"}
    one.close()

    many = open_editor(qtbot, explorer, "s.csv", "t.csv")
    tab = _tags_tab(qtbot, many)
    assert tab.editor is not None and not tab.editor.single
    assert tab.save_button.text() == "Apply Tags to 2 Objects" and not tab.save_button.isEnabled()
    tab.editor.table.add_row("team", "data")
    tab.editor.unset.setPlainText("old\n")
    assert tab.save_button.isEnabled()
    many.resize(620, 600)
    save(many, shots / f"tags-tab-many-{scheme}.png")
    tab.save_button.click()
    job = _saved(qtbot, explorer, 2)  # ONE job for both objects
    assert job.state is State.DONE and sorted(item.key for item in job.items) == ["s.csv", "t.csv"]
    assert box.get_blob_client("s.csv").get_blob_tags() == {"keep": "1", "team": "data"}
    assert box.get_blob_client("t.csv").get_blob_tags() == {"team": "data"}
    qtbot.waitUntil(lambda: "Changed all 2 objects." in tab.progress.label.text(), timeout=WAIT)
    many.close()
    service.delete_container(name)


def test_the_tab_says_why_a_service_keeps_no_tags(qtbot, make_explorer, local_account) -> None:
    explorer = make_explorer()
    explorer.window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, explorer.window)
    editor = open_editor(qtbot, explorer, "file-0001.txt")
    tab = editor.findChild(TagsTab)
    assert tab is not None and tab.editor is None and tab.save_button.isHidden()
    assert tab.intro.text()  # the service's reason, or that it keeps none
    editor.close()
