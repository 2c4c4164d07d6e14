"""The preview says plainly when the bytes it shows were not checked by content: a range of
an S3 or Swift object larger than the preview's cap (nothing proves part of an object
there), never on Azure (each read comes with its MD5) nor for an object under the cap
(read whole and proven). Bytes damaged on the way twice are an error, and nothing of them
is shown. Real servers; damage made in our provider's reads (test_range_read)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from storebrowser.providers.base import Provider
from storebrowser.transfers import sending
from storebrowser.ui.properties.preview_panel import PreviewPanel
from storebrowser.ui.properties.preview_range import DEFAULT_LENGTH, MAX_LENGTH
from tests.transfers.helpers import Damaging, opened_box

WAIT = 30_000


@pytest.fixture(params=["s3_moto", "swift", "azure"])
def box(request: pytest.FixtureRequest) -> Iterator[tuple[str, Provider, str]]:
    with opened_box(request.param, request, "preview") as (provider, container):
        yield request.param, provider, container


def _panel(qtbot, runner) -> PreviewPanel:
    panel = PreviewPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    return panel


def _show(qtbot, panel: PreviewPanel, provider: Provider, container: str, key: str) -> None:
    info = provider.stat(container, key)
    with qtbot.waitSignal(panel.settled, timeout=WAIT):
        panel.show_object(provider, container, info)


def test_the_preview_says_when_its_bytes_are_not_checked(qtbot, runner, box) -> None:
    name, provider, container = box
    large, small = os.urandom(MAX_LENGTH + 1), os.urandom(100 * 1024)
    sending.upload_bytes(provider, container, "large.bin", large)
    sending.upload_bytes(provider, container, "small.bin", small)
    panel = _panel(qtbot, runner)

    _show(qtbot, panel, provider, container, "large.bin")
    assert panel.fetched is not None and panel.fetched.data == large[:DEFAULT_LENGTH] and not panel.error
    if name == "azure":
        assert panel.check_note.isHidden() and panel.check_note.text() == ""
    else:
        assert panel.check_note.isVisible()
        assert panel.check_note.text().startswith("Not checked: this service cannot prove part of an object")
        assert "1.0 MB" in panel.check_note.text()
        assert panel.check_note.toolTip().startswith("not checked: ")
        shots = os.environ.get("STOREBROWSER_SHOTS")
        if shots:  # to look at: how the note reads beside the bytes (once laid out)
            qtbot.wait(100)
            panel.grab().save(os.path.join(shots, f"preview-unchecked-{name}.png"))

    _show(qtbot, panel, provider, container, "small.bin")
    assert panel.fetched is not None and panel.fetched.data == small[:DEFAULT_LENGTH]
    assert panel.check_note.isHidden() and panel.fetched.note.startswith("verified: ")


def test_a_preview_damaged_twice_on_the_way_shows_an_error_and_no_bytes(qtbot, runner, box) -> None:
    _name, provider, container = box
    sending.upload_bytes(provider, container, "small.txt", b"plain text, damaged on the way\n" * 100)
    panel = _panel(qtbot, runner)
    _show(qtbot, panel, Damaging(provider), container, "small.txt")  # type: ignore[arg-type]
    assert "but the server's" in panel.error and "(read twice)" in panel.error
    assert (
        panel.fetched is None and panel.text_view.toPlainText() == "" and panel.hex_view.toPlainText() == ""
    )
    assert panel.check_note.isHidden()
