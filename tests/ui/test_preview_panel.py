"""The range preview: text, hex and an image of a large object from ranges only, the
bytes counted on the socket by a proxy in front of each real server; next range, a
range past the end, a zero-byte object, the size cap; a stale preview dropped; a server
that ignores ranges shown as the error it is; the dock following the table."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

from storebrowser.core.errors import NotFound
from storebrowser.core.places import Location
from storebrowser.core.preview import hexdump
from storebrowser.core.types import ObjectInfo
from storebrowser.providers.base import Provider
from storebrowser.providers.registry import open_provider
from storebrowser.transfers import sending
from storebrowser.ui.properties.preview_dock import PreviewDock
from storebrowser.ui.properties.preview_panel import HEX, IMAGE, PreviewPanel
from storebrowser.ui.properties.preview_range import DEFAULT_LENGTH, MAX_LENGTH
from tests.providers.backends import COUNTED_BACKENDS, CountedProvider
from tests.providers.test_s3_ranges import BODY as IGNORED_BODY
from tests.providers.test_s3_ranges import ignoring_server  # noqa: F401 - the fixture
from tests.servers.counting_proxy import HEADER_ALLOWANCE
from tests.ui.servers import unique_name
from tests.ui.test_operations import select_names, wait_listed

MiB = 1024 * 1024
WAIT = 30_000
LINE = b"the quick brown fox jumps over the lazy dog 0123456789\n"


def large_text(size: int) -> bytes:
    """Lines of text with a two-byte character cut by the end of the first 64 KiB."""
    data = bytearray((LINE * (size // len(LINE) + 1))[:size])
    data[DEFAULT_LENGTH - 1 : DEFAULT_LENGTH + 1] = "é".encode()
    return bytes(data)


def png_image(width: int = 360, height: int = 240) -> bytes:
    """A real PNG made by Qt, noisy enough to weigh more than a 64 KiB preview."""
    noise = QImage(os.urandom(width * height * 3), width, height, width * 3, QImage.Format.Format_RGB888)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    gradient.setColorAt(0, QColor("#1d4ed8"))
    gradient.setColorAt(1, QColor("#f97316"))
    painter.fillRect(0, 0, width, height, gradient)
    painter.setOpacity(0.15)
    painter.drawImage(0, 0, noise.copy())
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def make_panel(qtbot, runner) -> PreviewPanel:
    panel = PreviewPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    return panel


def settled(qtbot, panel: PreviewPanel, action) -> None:
    with qtbot.waitSignal(panel.settled, timeout=WAIT):
        action()


@pytest.fixture
def counted_box(counting_provider, request) -> Iterator[tuple[CountedProvider, str]]:
    counted = counting_provider(request.param)
    container = unique_name()
    counted.provider.create_container(container)
    yield counted, container
    with contextlib.suppress(NotFound):
        counted.provider.delete_container(container, force=True)


@pytest.mark.parametrize("counted_box", COUNTED_BACKENDS, indirect=True)
def test_a_large_object_is_previewed_from_ranges_only(qtbot, runner, counted_box) -> None:
    counted, container = counted_box
    provider, proxy = counted.provider, counted.proxy
    size = 8 * MiB
    data = large_text(size)
    info = sending.upload_bytes(provider, container, "big.txt", data)
    panel = make_panel(qtbot, runner)

    def counted_show(action, asked: int) -> None:
        proxy.reset()
        settled(qtbot, panel, action)
        assert not panel.error, panel.error
        assert asked <= proxy.bytes_from_server <= asked + HEADER_ALLOWANCE, proxy.request_lines

    # The first 64 KiB: text without the half character at the end, and hex at object offsets.
    counted_show(lambda: panel.show_object(provider, container, info), DEFAULT_LENGTH)
    assert panel.fetched is not None and panel.fetched.data == data[:DEFAULT_LENGTH]
    text = panel.text_view.toPlainText()
    assert text.startswith(LINE.decode()) and not text.endswith("\ufffd") and len(text) == DEFAULT_LENGTH - 1
    hex_lines = panel.hex_view.toPlainText().splitlines()
    assert hex_lines[0] == hexdump(data[:16]) and hex_lines[-1].startswith("0000fff0")
    assert panel.status.text() == f"Bytes [0:65,536] of {size:,}."

    # Next range: the following 64 KiB, its hex at its own offsets.
    counted_show(panel.next_button.click, DEFAULT_LENGTH)
    assert panel.fetched.data == data[DEFAULT_LENGTH : 2 * DEFAULT_LENGTH]
    assert (panel.start_field.text(), panel.end_field.text()) == ("65536", "131072")
    assert panel.hex_view.toPlainText().startswith("00010000  a9")

    # Python slice semantics: the last 100 bytes; an empty end is capped at 1 MiB.
    panel.start_field.setText("-100")
    panel.end_field.setText("")
    counted_show(panel.show_button.click, 100)
    assert panel.fetched.data == data[-100:] and panel.text_view.toPlainText() == data[-100:].decode()
    assert not panel.next_button.isEnabled()
    panel.start_field.setText("1000")
    counted_show(panel.load, MAX_LENGTH)
    assert panel.fetched.data == data[1000 : 1000 + MAX_LENGTH]
    assert "At most 1.0 MB are shown at once" in panel.status.text()

    # A range past the end: clamped with a message, or nothing asked at all.
    panel.start_field.setText(str(size - 10))
    panel.end_field.setText(str(size + 5000))
    counted_show(panel.load, 10)
    assert panel.fetched.data == data[-10:] and "clamped to 8,388,608" in panel.status.text()
    panel.start_field.setText("9000000")
    counted_show(panel.load, 0)
    assert proxy.requests == 0 and "past the end of the object" in panel.status.text()
    assert panel.text_view.toPlainText() == ""


@pytest.mark.parametrize("counted_box", COUNTED_BACKENDS, indirect=True)
def test_an_image_larger_than_the_preview(qtbot, runner, counted_box) -> None:
    """Decided: the first 64 KiB say it is an image that does not fit; "Show Whole Image"
    asks the range that holds all of it (it is under the 1 MiB cap). Where the service
    proves no part of an object (all but Azure), the first 64 KiB are proven by reading the
    whole image (under the cap): ``test_preview_checks``."""
    counted, container = counted_box
    provider, proxy = counted.provider, counted.proxy
    png = png_image()
    assert DEFAULT_LENGTH < len(png) < MAX_LENGTH
    info = sending.upload_bytes(provider, container, "picture.png", png)
    zero = sending.upload_bytes(provider, container, "empty.bin", b"")
    panel = make_panel(qtbot, runner)
    panel.tabs.setCurrentIndex(IMAGE)

    proxy.reset()
    settled(qtbot, panel, lambda: panel.show_object(provider, container, info))
    first = DEFAULT_LENGTH if counted.name == "azure" else len(png)
    assert first <= proxy.bytes_from_server <= first + HEADER_ALLOWANCE
    assert panel.image is None and "this range holds only part of it" in panel.image_note.text()
    assert panel.whole_image_button.isVisible()

    proxy.reset()
    settled(qtbot, panel, panel.whole_image_button.click)
    assert len(png) <= proxy.bytes_from_server <= len(png) + HEADER_ALLOWANCE
    assert panel.image is not None and (panel.image.width(), panel.image.height()) == (360, 240)
    assert "PNG image, 360 x 240 pixels" in panel.image_note.text()
    assert not panel.image_view.shown_size().isEmpty()

    # A zero-byte object: said so, nothing asked.
    proxy.reset()
    settled(qtbot, panel, lambda: panel.show_object(provider, container, zero))
    assert panel.status.text() == "The object is empty (0 bytes)." and proxy.requests == 0
    panel.tabs.setCurrentIndex(HEX)
    assert panel.hex_view.toPlainText() == ""


# -- a server that ignores ranges (test_s3_ranges' tiny S3 that answers with everything) -----


def test_a_server_that_ignores_ranges_is_shown_as_an_error(qtbot, runner, request) -> None:
    provider = open_provider(
        "s3",
        {
            "endpoint_url": request.getfixturevalue("ignoring_server"),
            "access_key_id": "a",
            "secret_access_key": "b",
            "path_style": True,
        },
    )
    try:
        panel = make_panel(qtbot, runner)
        listed = ObjectInfo("key", size=len(IGNORED_BODY))
        # The whole of a small object is what the first preview asks: a full reply is right.
        settled(qtbot, panel, lambda: panel.show_object(provider, "bucket", listed))
        assert not panel.error and panel.fetched is not None and panel.fetched.data == IGNORED_BODY
        # A range in the middle answered with everything: an error, not a download.
        panel.start_field.setText("10")
        panel.end_field.setText("20")
        settled(qtbot, panel, panel.show_button.click)
        assert "ignored the byte range [10:20]" in panel.error
        assert panel.status.text() == panel.error and panel.status.isVisible()
        assert panel.fetched is None and panel.text_view.toPlainText() == ""
    finally:
        provider.close()


# -- a stale preview ---------------------------------------------------------------------------


class Gated:
    """A real provider whose reads of ``slow_key`` wait until ``release`` is set, to make
    "the first answer comes last" happen on purpose."""

    def __init__(self, inner: Provider, slow_key: str) -> None:
        self.inner, self.slow_key = inner, slow_key
        self.release = threading.Event()
        self.cancelled: list[bool] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def iter_read(self, container: str, key: str, byte_range: Any, **kwargs: Any) -> Iterator[bytes]:
        if key == self.slow_key:
            assert self.release.wait(WAIT / 1000)
            self.cancelled.append(kwargs["cancel"].cancelled)
        yield from self.inner.iter_read(container, key, byte_range, **kwargs)


def test_a_new_selection_drops_a_stale_preview(qtbot, runner, local_provider) -> None:
    local_provider.create_container("box")
    slow = sending.upload_bytes(local_provider, "box", "slow.txt", b"slow " * 100)
    quick = sending.upload_bytes(local_provider, "box", "quick.txt", b"quick " * 100)
    gated = Gated(local_provider, "slow.txt")
    panel = make_panel(qtbot, runner)
    panel.show_object(gated, "box", slow)  # type: ignore[arg-type]
    settled(qtbot, panel, lambda: panel.show_object(gated, "box", quick))  # type: ignore[arg-type]
    assert panel.text_view.toPlainText().startswith("quick")
    gated.release.set()
    runner.wait_idle()
    qtbot.waitUntil(lambda: not runner.busy, timeout=WAIT)
    assert gated.cancelled == [True]  # the stale read was told to stop
    assert panel.info == quick and panel.text_view.toPlainText().startswith("quick")


# -- the dock in the window -------------------------------------------------------------------


def test_the_dock_follows_the_table_while_shown(qtbot, make_explorer, local_account) -> None:
    explorer = make_explorer()
    window = explorer.window
    dock = explorer.preview
    assert isinstance(dock, PreviewDock) and not dock.isVisible()
    toggle = dock.toggleViewAction()
    assert toggle in window.view_menu.actions() and toggle.shortcut().toString() == "F3"
    window.navigate(Location("Local files", "documents"))
    wait_listed(qtbot, window)
    select_names(window, "file-0005.txt")
    assert dock.panel.info is None  # hidden: nothing asked
    panel = dock.panel
    settled(qtbot, panel, toggle.trigger)
    assert dock.isVisible() and panel.info is not None and panel.info.key == "file-0005.txt"
    assert panel.text_view.toPlainText() == "x" * 5
    assert window.ui_state.get("preview_visible") is True

    row = next(
        r for r in range(window.object_model.rowCount()) if window.object_model.info(r).name == "drafts/"
    )
    settled(qtbot, panel, lambda: window.table.setCurrentIndex(window.object_model.index(row, 0)))
    assert panel.status.text() == "A folder: nothing to preview."
    settled(qtbot, panel, lambda: window.navigate(Location("Local files", "photos")))
    assert panel.info is None
    toggle.trigger()
    assert not dock.isVisible() and window.ui_state.get("preview_visible") is False
