"""Helpers of the transfers panel tests: a slowed-down provider, the panel in a window,
finding and answering its dialogs, what is left on the server of an upload."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton

from storebrowser.core.errors import NotFound
from storebrowser.providers.base import Provider
from storebrowser.qtbridge.engine import EngineBridge
from storebrowser.transfers import JobKind, Journal, State, TransferEngine
from storebrowser.transfers.jobs import JobSpec
from storebrowser.ui.transfers.dialogs import QuitGuard
from storebrowser.ui.transfers.dock import TransfersDock
from tests.transfers.helpers import Counting, CountingUpload

MiB = 1024 * 1024
WAIT_MS = 120_000
#: Where the pictures go to be looked at (else the test's tmp_path).
SHOTS = Path(os.environ["STOREBROWSER_SHOTS"]) if os.environ.get("STOREBROWSER_SHOTS") else None


# -- a slow provider: real calls, a pause before each part, progress calls counted ------------


class _ChunkCountingUpload(CountingUpload):
    def upload_part(self, number: int, data: bytes, **kwargs: Any) -> Any:
        report = kwargs.get("progress")
        owner = self._owner
        if report is not None:

            def counted(delta: int) -> None:
                with owner.lock:
                    owner.chunks += 1  # type: ignore[attr-defined]
                report(delta)

            kwargs["progress"] = counted
        return super().upload_part(number, data, **kwargs)


class Slow(Counting):
    def __init__(self, inner: Provider, delay: float) -> None:
        super().__init__(inner)
        self.delay = delay
        self.chunks = 0
        self.before_part = lambda _n: time.sleep(self.delay)
        self.before_read = lambda _r: time.sleep(self.delay)

    def start_multipart(self, *args: Any, **kwargs: Any) -> _ChunkCountingUpload:
        return _ChunkCountingUpload(self._inner.start_multipart(*args, **kwargs), self)

    def resume_multipart(self, state: Any) -> _ChunkCountingUpload:
        return _ChunkCountingUpload(self._inner.resume_multipart(state), self)


# -- the panel in a window --------------------------------------------------------------------


class Window(QMainWindow):
    """What the main window does: the dock at the bottom, the quit guard in closeEvent."""

    def __init__(self, bridge: EngineBridge) -> None:
        super().__init__()
        self.resize(1100, 360)
        self.dock = TransfersDock(bridge, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.quit_guard = QuitGuard(bridge, self)
        self.dock.summary.connect(self.statusBar().showMessage)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.quit_guard.allow_close():
            event.accept()
        else:
            event.ignore()


@dataclass
class Panel:
    bridge: EngineBridge
    window: Window
    journal_path: Path

    @property
    def dock(self) -> TransfersDock:
        return self.window.dock

    @property
    def engine(self) -> TransferEngine:
        assert self.bridge.engine is not None
        return self.bridge.engine

    def submit(self, qtbot: Any, spec: JobSpec) -> str:
        ids: list[str] = []
        self.bridge.submit(spec, on_submitted=ids.append)
        qtbot.waitUntil(lambda: bool(ids) and self.row_of(ids[0]) >= 0, timeout=WAIT_MS)
        return ids[0]

    def row_of(self, job_id: str) -> int:
        return self.dock.model.job_row(job_id)

    def select(self, job_id: str) -> None:
        view = self.dock.view
        view.clearSelection()
        view.setCurrentIndex(self.dock.model.index(self.row_of(job_id), 0))

    def state(self, job_id: str) -> State:
        """As the engine itself says (not the panel)."""
        return self.engine.snapshot().job(job_id).state

    def job(self, job_id: str) -> Any:
        """As the latest snapshot says."""
        assert self.bridge.latest is not None
        return self.bridge.latest.job(job_id)

    def shown_state(self, job_id: str) -> State:
        return self.dock.model.job_at(self.dock.model.index(self.row_of(job_id), 0)).state

    def wait_state(self, qtbot: Any, job_id: str, *states: State) -> None:
        qtbot.waitUntil(
            lambda: self.row_of(job_id) >= 0 and self.shown_state(job_id) in states, timeout=WAIT_MS
        )


def random_file(path: Path, size: int) -> bytes:
    data = os.urandom(size)
    path.write_bytes(data)
    return data


def upload(container: str, path: Path, key: str) -> JobSpec:
    return JobSpec(JobKind.UPLOAD_FILE, "acct", container, key=key, local=str(path))


def find_box(qtbot: Any, parent: QMainWindow, name: str) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [box for box in parent.findChildren(QMessageBox, name) if box.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    return found[0]


def click(box: QMessageBox, button: str) -> None:
    found = box.findChild(QPushButton, button)
    assert found is not None, f"no button {button!r}"
    found.click()


def shot(widget: Any, tmp_path: Path, name: str) -> Path:
    folder = SHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert widget.grab().save(str(path))
    return path


def upload_state(journal_path: Path, job_id: str) -> dict[str, Any]:
    """The open multipart upload of a job's item, as its journal has it."""
    [job] = [j for j in Journal(journal_path).load_jobs() if j.id == job_id]
    state = job.items[0].upload_state
    assert state is not None, "no upload in parts was started"
    return state


def parts_on_server(provider: Provider, state: dict[str, Any]) -> list[object]:
    """What is left of an upload on the server: [] once it was aborted."""
    try:
        left = provider.resume_multipart(state).uploaded_parts()
    except NotFound:
        return []
    return list(left or [])
