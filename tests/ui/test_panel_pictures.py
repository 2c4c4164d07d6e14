"""Pictures of the metadata editor (one object, several, the review), the upload options
and the preview (text, hex, image, and docked in the window), light and dark, to look at.

Written to ``$STOREBROWSER_SHOTS`` when set (else the test's temporary folder). Each
picture is checked for being more than a blank box; looking at them is a person's job.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from storebrowser.core.places import Location
from storebrowser.core.properties import CACHE_CONTROL, CONTENT_DISPOSITION
from storebrowser.transfers import sending
from storebrowser.ui.commands.upload_dialog import UploadDialog
from storebrowser.ui.properties.preview_panel import HEX, IMAGE, TEXT, PreviewPanel
from storebrowser.ui.theme import dark_palette
from tests.providers.other_clients import other_client
from tests.ui.editing import add_metadata, edit_cell, open_editor, remove_metadata, row_of, type_into
from tests.ui.servers import server_account, temporary_container
from tests.ui.test_operations import select_names, wait_listed
from tests.ui.test_preview_panel import large_text, png_image, settled


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("STOREBROWSER_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp: QApplication) -> Iterator[str]:
    before = QPalette(qapp.palette())
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(before)


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    assert widget.grab().save(str(path), "PNG"), path
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 8, f"{path} looks blank"


@pytest.fixture
def s3_box(request, add_account, pool) -> Iterator[tuple[str, str]]:
    account = server_account(request, "s3_moto")
    add_account(account.name, account.kind, account.settings)
    provider = pool.get(account.name)
    with temporary_container(provider) as container:
        for name, owner in (("report.pdf", "finance"), ("summary.pdf", "finance"), ("notes.txt", "qa")):
            sending.upload_bytes(provider, container, name, b"%PDF-1.7 " * 200, metadata={
                "owner": owner, "project": "apollo", "reviewed-by": "ana",
            })  # fmt: skip
        provider.set_properties(container, "report.pdf", system={CACHE_CONTROL: "max-age=3600",
                                CONTENT_DISPOSITION: 'attachment; filename="report.pdf"'})  # fmt: skip
        yield account.name, container


def test_pictures_of_the_metadata_editor(qtbot, request, scheme, shots, make_explorer, s3_box) -> None:
    account, container = s3_box
    explorer = make_explorer()
    window = explorer.window
    window.navigate(Location(account, container))
    wait_listed(qtbot, window)

    one = open_editor(qtbot, explorer, "report.pdf")
    edit_cell(qtbot, one.table.view, one.model.index(row_of(one, "owner"), 1), "legal")
    type_into(qtbot, one.system_fields[CACHE_CONTROL], "no-cache")
    save(one, shots / f"editor-one-{scheme}.png")
    one.review_button.click()
    save(one, shots / f"editor-one-review-{scheme}.png")
    one.back_button.click()
    add_metadata(qtbot, one, "Reviewed By", "x")
    assert "sent as HTTP header names" in one.problem.text() or "lower case" in one.problem.text()
    save(one, shots / f"editor-one-refused-{scheme}.png")
    remove_metadata(one, "Reviewed By")
    one.review_button.click()
    other_client("s3_moto", request, one.provider).overwrite(
        container, "report.pdf", b"%PDF new", {"owner": "finance", "project": "apollo"}
    )
    one.apply_button.click()
    qtbot.waitUntil(one.messages.isVisible, timeout=30_000)
    save(one, shots / f"editor-one-stale-{scheme}.png")
    one.reject()

    several = open_editor(qtbot, explorer, "report.pdf", "summary.pdf", "notes.txt")
    edit_cell(qtbot, several.table.view, several.model.index(row_of(several, "project"), 1), "artemis")
    save(several, shots / f"editor-several-{scheme}.png")
    several.review_button.click()
    save(several, shots / f"editor-several-review-{scheme}.png")
    several.reject()


def test_pictures_of_the_preview(qtbot, scheme, shots, runner, local_provider, make_explorer,
                                 local_account) -> None:  # fmt: skip
    local_provider.create_container("box")
    text = "Grüße aus Köln — a UTF-8 text file\n".encode() + large_text(300_000)
    text_info = sending.upload_bytes(local_provider, "box", "notes.txt", text)
    image_info = sending.upload_bytes(local_provider, "box", "picture.png", png_image())
    panel = PreviewPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(900, 460)
    panel.show()
    settled(qtbot, panel, lambda: panel.show_object(local_provider, "box", text_info))
    panel.tabs.setCurrentIndex(TEXT)
    save(panel, shots / f"preview-text-{scheme}.png")
    panel.tabs.setCurrentIndex(HEX)
    save(panel, shots / f"preview-hex-{scheme}.png")
    panel.tabs.setCurrentIndex(IMAGE)
    settled(qtbot, panel, lambda: panel.show_object(local_provider, "box", image_info))
    save(panel, shots / f"preview-image-part-{scheme}.png")
    settled(qtbot, panel, panel.whole_image_button.click)
    save(panel, shots / f"preview-image-{scheme}.png")
    panel.start_field.setText("12kb")
    settled(qtbot, panel, panel.load)
    assert panel.error
    save(panel, shots / f"preview-error-{scheme}.png")

    explorer = make_explorer()
    window = explorer.window
    window.resize(1200, 800)
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    select_names(window, "file-0006.txt")
    dock = explorer.preview
    settled(qtbot, dock.panel, dock.toggleViewAction().trigger)
    dock.panel.tabs.setCurrentIndex(HEX)
    save(window, shots / f"window-with-preview-{scheme}.png")


def test_picture_of_the_upload_options(qtbot, scheme, shots, runner, local_provider, tmp_path: Path) -> None:
    paths = [tmp_path / name for name in ("report.pdf", "photo.jpg", "notes.md", "site")]
    dialog = UploadDialog(paths, "Local files:documents/", local_provider, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "report.pdf" in dialog.guessed.text(), timeout=10_000)
    add_metadata(qtbot, dialog, "project", "apollo")
    save(dialog, shots / f"upload-options-{scheme}.png")
    dialog.fixed_button.click()
    type_into(qtbot, dialog.content_type, "not a type")
    save(dialog, shots / f"upload-options-refused-{scheme}.png")
