"""Find in the window: how soon the first match is on screen after the page that holds it
is listed (issue 20: within 0.5 s), and the longest event-loop stall meanwhile.

The object table's model runs Find as the window does (``ObjectTableModel.open`` with
criteria: ``ui/objects/found.FoundFeed`` on a worker, pages merged on the GUI thread) in a
shown QTableView under an offscreen QApplication. "Listed" is when the search hands the
feed its first page holding a match (on the worker), "shown" when the view has the row and
has painted once after it. Used by ``bench.find --window``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from bench.listing import Heartbeat, cpu_seconds, share_gil


@dataclass
class WindowFind:
    listed: float = float("nan")  # s from the start: the first page holding a match, on the worker
    shown: float = float("nan")  # s from the start: that row in the view, painted
    complete: float = float("nan")
    found: int = 0
    stall: float = 0.0
    cpu: float = 0.0

    def line(self) -> str:
        return (f"  {'find in the window':<34} {self.complete:7.2f} s  client cpu {self.cpu:6.2f} s  "
                f"{self.found:,} found  first match listed {self.listed:.3f} s, shown {self.shown:.3f} s "
                f"(+{self.shown - self.listed:.3f} s)  longest stall {self.stall * 1000:.0f} ms")  # fmt: skip


def _watch_first_listed(started: list[float], result: WindowFind) -> Any:
    """Wrap the feed's page conversion to note when its first match leaves the worker."""
    from storebrowser.core.types import EntryColumns, LazyEntries
    from storebrowser.ui.objects import found

    original = found._entries

    def noting(columns: EntryColumns) -> LazyEntries:
        if result.listed != result.listed and len(columns.keys):  # NaN: not yet
            result.listed = time.perf_counter() - started[0]
        return original(columns)

    found._entries = noting
    return original


def find_in_window(provider: Any, container: str, needle: str) -> WindowFind:
    """Search ``container`` for names containing ``needle`` as the window does."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    from storebrowser.find.criteria import Criteria
    from storebrowser.qtbridge.tasks import TaskRunner
    from storebrowser.ui import file_types
    from storebrowser.ui.objects import found
    from storebrowser.ui.objects.model import ObjectTableModel

    app = QApplication.instance() or QApplication([])
    share_gil(None)
    file_types.warm_up()  # the app reads the MIME database on a worker as it starts
    runner = TaskRunner()
    model = ObjectTableModel(runner)
    table = QTableView()
    table.setModel(model)
    table.resize(1100, 700)
    table.show()
    loop = QEventLoop()
    loop.processEvents()
    result, started = WindowFind(), [0.0]
    original = _watch_first_listed(started, result)

    def first_rows() -> None:
        if result.shown != result.shown:
            table.viewport().repaint()  # painted once with the row in it
            result.shown = time.perf_counter() - started[0]

    def page() -> None:
        if model.complete or model.error:
            loop.quit()

    model.rowsInserted.connect(first_rows)
    model.pageLoaded.connect(page)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(loop.quit)
    watchdog.start(30 * 60 * 1000)
    heartbeat = Heartbeat()
    heartbeat.start()
    cpu = cpu_seconds()
    started[0] = time.perf_counter()
    try:
        model.open(provider, container, "", Criteria.parse(contains=needle))
        loop.exec()
    finally:
        found._entries = original
    result.complete = time.perf_counter() - started[0]
    result.cpu = cpu_seconds() - cpu
    result.stall = heartbeat.stop()
    if model.error:
        raise RuntimeError(f"the search failed: {model.error}")
    result.found = model.loaded_count
    runner.wait_idle()
    table.close()
    del app
    return result
