"""What a repaint of the object table costs while a worker converts pages in Python.

While a listing arrives, a worker thread converts each page in Python and holds the GIL
meanwhile; every call Qt makes into Python during a repaint (``data``, ``multiData``,
``index``, ``flags``, ...) must take the GIL back, waiting up to the switch interval each
time. This measures, in an offscreen QTableView showing synthetic rows: the calls into
Python per repaint (counted with ``sys.setprofile``), and the wall time of a repaint,
median and longest of ``--repaints``, with no worker, then with a worker packing pages
(``pack_columns``, the real conversion) at Python's switch interval (5 ms) and at the
app's (``qtbridge.tasks.share_the_gil``). Wall times depend on the machine's load; the
call count does not. A benchmark, not a test: it prints figures and asserts nothing.

Run from the project root: ``QT_QPA_PLATFORM=offscreen python -m bench.repaint
[--rows 100000] [--repaints 40]``. Run the same file against older code (for example from
``git archive`` of an older commit) to compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from collections import Counter
from typing import Any


def calls_per_repaint(view: Any) -> Counter[str]:
    """Calls from Qt into Python functions during one repaint, by name."""
    counted: Counter[str] = Counter()
    here = sys._getframe()

    def profile(frame: Any, event: str, _arg: Any) -> None:
        if event == "call" and frame.f_back is here:
            counted[frame.f_code.co_name] += 1

    view.viewport().repaint()  # shiboken's lazy enum types are made on a first repaint
    sys.setprofile(profile)
    view.viewport().repaint()
    sys.setprofile(None)
    return counted


def repaint_times(app: Any, view: Any, count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        view.viewport().repaint()
        times.append(time.perf_counter() - started)
        app.processEvents()
        time.sleep(0.01)
    return times


def busy_worker(stop: threading.Event) -> None:
    """Convert pages in Python until told to stop (a listing's packing worker)."""
    from bench.actions import synthetic_pages

    while not stop.is_set():
        synthetic_pages(2_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repaints", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication, QTableView

    from bench.actions import synthetic_pages
    from storebrowser.qtbridge.tasks import TaskRunner
    from storebrowser.ui.objects.model import ObjectTableModel

    app = QApplication.instance() or QApplication([])
    model = ObjectTableModel(TaskRunner())
    pages, types, classes = synthetic_pages(args.rows)
    model._rows.reset("data/")  # what open() would do; no listing runs
    model._rows.types, model._rows.classes = types, classes
    for packed in pages:
        model._rows.append(packed)
        model._page_ends.append(len(model._rows))
    model._merge_pending()
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.resize(1100, 700)
    view.show()
    app.processEvents()
    calls = calls_per_repaint(view)
    named = ", ".join(f"{name} {count}" for name, count in calls.most_common())
    print(f"calls into Python per repaint: {sum(calls.values())} ({named})")
    try:
        from storebrowser.qtbridge.tasks import SWITCH_INTERVAL_S
    except ImportError:  # older code: Python's default
        SWITCH_INTERVAL_S = 0.005
    runs = [("no worker", None), ("worker, switch interval 5 ms", 0.005)]
    runs.append((f"worker, switch interval {SWITCH_INTERVAL_S * 1000:g} ms", SWITCH_INTERVAL_S))
    runs.append(("no worker (again)", None))
    print(f"{'repaint wall time':36} {'median ms':>10} {'longest ms':>11}")
    for label, interval in runs:
        stop = threading.Event()
        worker = None
        if interval is not None:
            sys.setswitchinterval(interval)
            worker = threading.Thread(target=busy_worker, args=(stop,), daemon=True)
            worker.start()
            time.sleep(0.2)
        times = repaint_times(app, view, args.repaints)
        stop.set()
        if worker is not None:
            worker.join()
        print(f"{label:36} {statistics.median(times) * 1000:10.1f} {max(times) * 1000:11.1f}")


if __name__ == "__main__":
    main()
