"""The preview follows the content: a PNG shows on the Image tab fitted to the panel (and
again after a resize), a PDF says "No preview for this kind of file" with its bytes on
the Hex tab, text shows as text; Space in the list shows and hides the preview. Against
the Swift all-in-one."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from storebrowser.core.places import Location
from storebrowser.core.preview import Looks, looks
from storebrowser.transfers import sending
from storebrowser.ui.properties.preview_panel import IMAGE, TEXT
from tests.ui.servers import temporary_container
from tests.ui.test_operations import select_names, wait_listed
from tests.ui.test_preview_panel import settled

WAIT = 30_000


def small_png(width: int = 320, height: int = 240) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f65ca"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_what_the_first_bytes_look_like() -> None:
    assert looks(small_png()) is Looks.IMAGE
    assert looks(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj") is Looks.BINARY
    assert looks(b"PK\x03\x04\x14\x00\x06\x00") is Looks.BINARY  # .docx, .zip
    assert looks(b"\x1f\x8b\x08\x00") is Looks.BINARY  # .gz
    assert looks("naïve text, ünïcode\n".encode()) is Looks.TEXT
    assert looks("latin-1: café\n".encode("latin-1")) is Looks.TEXT
    assert looks(bytes(range(256)) * 4) is Looks.BINARY


def test_the_tab_follows_the_content_and_images_fit_the_panel(
    qtbot, make_explorer, swift_account
) -> None:
    name, provider = swift_account
    with temporary_container(provider) as container:
        mislabelled = "text/plain"
        sending.upload_bytes(provider, container, "photo.png", small_png(), content_type=mislabelled)
        pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8
        sending.upload_bytes(provider, container, "report.pdf", pdf)
        sending.upload_bytes(provider, container, "notes.txt", b"Dear diary,\n")
        explorer = make_explorer()
        window, dock = explorer.window, explorer.preview
        window.resize(1200, 720)
        window.navigate(Location(name, container))
        wait_listed(qtbot, window)
        panel = dock.panel
        settled(qtbot, panel, dock.toggleViewAction().trigger)
        panel.tabs.setCurrentIndex(TEXT)

        settled(qtbot, panel, lambda: select_names(window, "photo.png"))
        assert panel.tabs.currentIndex() == IMAGE
        view = panel.image_view
        qtbot.waitUntil(lambda: view.isVisible() and view.width() > 100, timeout=WAIT)
        room = view.contentsRect().size()
        shown = view.shown_size()
        assert shown.width() == min(320, room.width()) or shown.height() == min(240, room.height())
        assert shown.width() > 100  # not the ~40 px of a picture scaled while its tab was hidden
        window.resize(1000, 520)  # the panel gets lower: the picture follows
        qtbot.waitUntil(lambda: view.contentsRect().height() < min(room.height(), 240), timeout=WAIT)
        smaller = view.shown_size()
        assert smaller.height() == view.contentsRect().height() and smaller.width() < shown.width()
        view.grab()  # painted at the new size without a complaint

        settled(qtbot, panel, lambda: select_names(window, "report.pdf"))
        assert panel.tabs.currentIndex() == TEXT
        assert panel.text_view.toPlainText() == ""
        assert "No preview for this kind of file" in panel.text_view.placeholderText()
        assert panel.hex_view.toPlainText().startswith("00000000  25 50 44 46")  # %PDF

        settled(qtbot, panel, lambda: select_names(window, "notes.txt"))
        assert panel.tabs.currentIndex() == TEXT and panel.text_view.toPlainText() == "Dear diary,\n"
        assert panel.text_view.placeholderText() == ""


def test_space_shows_and_hides_the_preview(qtbot, make_explorer, local_account) -> None:
    explorer = make_explorer()
    window, dock = explorer.window, explorer.preview
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    select_names(window, "file-0003.txt")
    window.table.setCurrentIndex(window.object_model.index(window.table.currentIndex().row(), 0))
    window.activateWindow()
    assert not dock.isVisible()
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    qtbot.waitUntil(dock.isVisible, timeout=WAIT)
    qtbot.wait(1200)  # a fresh key, not the second letter of a typed name
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not dock.isVisible(), timeout=WAIT)
    # A space inside a name being typed goes on searching.
    qtbot.wait(1200)
    qtbot.keyClicks(window.table, "file- ")
    assert not dock.isVisible()
