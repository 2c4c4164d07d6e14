"""Acting on a million selected rows: the object table model filled with synthetic rows
(no server: what is measured is the GUI thread's share of an action, and the worker's).

Figures printed (milliseconds, best of ``--repeat``):
- select all: the selection model's Select All, then the window's count and bytes;
- delete confirmation ready: from the action to the question's text (the count and size);
- objects the old way: ``infos`` of every selected row on the GUI thread (what Delete,
  Download To, Copy To and a drag did before issue 25);
- selection snapshot (GUI) and job built (worker): the new way, when the code has it;
- sort by size, by modified, by name, by type, by ETag (each from the listing's order), by
  size and by name the other way round, back to the listing's order; filters matching 10%,
  0.1% and every row, clearing one, and one while sorted.

A benchmark, not a test: it prints figures and never asserts a time. Run from the project
root: ``QT_QPA_PLATFORM=offscreen python -m bench.actions [--objects 1000000]``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

PAGE = 10_000


def synthetic_pages(count: int, folders: int = 100) -> list[Any]:
    """Packed pages of ``count`` rows (the first ``folders`` are folders), as a listing
    of ``data/`` would deliver them."""
    from storebrowser.core.types import EntryColumns
    from storebrowser.table.packing import Interner, pack_columns

    types, classes = Interner(), Interner()
    rng = random.Random(25)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    pages = []
    for first in range(0, count, PAGE):
        rows = range(first, min(first + PAGE, count))
        keys = [f"data/sub{n:05d}/" if n < folders else f"data/IMG_{n:07d}.jpg" for n in rows]
        is_prefix = [n < folders for n in rows]
        entries = EntryColumns(
            keys=keys,
            sizes=[rng.randrange(1, 1 << 30) for _ in rows],
            modified=[start + timedelta(seconds=rng.randrange(1 << 26)) for _ in rows],
            etags=[f"{rng.getrandbits(128):032x}" for _ in rows],
            content_types=["image/jpeg"] * len(rows),
            storage_classes=["STANDARD"] * len(rows),
            is_prefix=is_prefix,
        )
        pages.append(pack_columns(entries, "data/", types, classes))
    return pages, types, classes


def best(
    repeat: int, action: Callable[[], object], before: Callable[[], object] = lambda: None
) -> tuple[float, float]:
    """(wall, CPU of this thread) in ms, the best of ``repeat``: on a shared machine the
    CPU time says what the work costs, the wall time what a person would wait."""
    walls, cpus = [], []
    for _ in range(repeat):
        before()
        wall, cpu = time.perf_counter(), time.thread_time()
        action()
        cpus.append(time.thread_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(walls) * 1000, min(cpus) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--objects", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-old", action="store_true", help="skip an ObjectInfo per row (15 s or more)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from storebrowser.qtbridge.tasks import TaskRunner
    from storebrowser.ui.objects.model import Column, ObjectTableModel
    from storebrowser.ui.objects.views import selected_spans

    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    model = ObjectTableModel(runner)
    started = time.perf_counter()
    pages, types, classes = synthetic_pages(args.objects)
    print(f"{args.objects:,} synthetic rows packed in {time.perf_counter() - started:.1f} s")
    model._prefix = "data/"  # what open() would set; no listing runs
    model._rows.reset("data/")
    model._rows.types, model._rows.classes = types, classes
    for packed in pages:
        model._rows.append(packed)
        model._page_ends.append(len(model._rows))
    model._merge_pending()
    view = QTableView()
    view.setModel(model)
    view.resize(900, 600)
    view.show()
    app.processEvents()
    figures: dict[str, tuple[float, float]] = {}

    def select_all() -> None:
        view.clearSelection()
        view.selectAll()

    figures["select all + count and bytes"] = best(
        args.repeat, lambda: model.summary(selected_spans(view)), select_all
    )
    spans = selected_spans(view)
    if not args.no_old:
        figures["objects the old way (infos on the GUI thread)"] = best(
            1, lambda: [model.info(row) for span in spans for row in span]
        )
    if hasattr(model, "selection"):
        from storebrowser.table.selection import delete_plan

        figures["selection snapshot (GUI)"] = best(args.repeat, lambda: model.selection(spans))
        selection = model.selection(spans)
        figures["delete confirmation ready (GUI)"] = best(
            args.repeat, lambda: delete_plan(model.selection(selected_spans(view)))
        )
        but_first = [range(1, model.rowCount())]  # not the whole place: its rows are summed
        figures["delete confirmation, all rows but one (GUI)"] = best(
            args.repeat, lambda: delete_plan(model.selection(but_first))
        )
        figures["keys of the selection (worker)"] = best(args.repeat, selection.keys)
        figures["download sources + listed (worker)"] = best(args.repeat, selection.download_sources)
    else:
        keys = best(1, lambda: tuple(model.info(row).key for s in spans for row in s))
        figures["delete confirmation ready (GUI)"] = figures.get(
            "objects the old way (infos on the GUI thread)", (0.0, 0.0)
        )
        figures["keys of the selection (GUI, old)"] = keys

    descending = Qt.SortOrder.DescendingOrder
    natural = lambda: model.sort(-1)  # noqa: E731
    figures["sort by size"] = best(args.repeat, lambda: model.sort(Column.SIZE, descending), natural)
    ascending = Qt.SortOrder.AscendingOrder
    figures["sort by size, then the other way round"] = best(
        args.repeat, lambda: model.sort(Column.SIZE, ascending), lambda: model.sort(Column.SIZE, descending)
    )
    figures["sort by modified"] = best(args.repeat, lambda: model.sort(Column.MODIFIED, descending), natural)
    figures["sort by name"] = best(args.repeat, lambda: model.sort(Column.NAME), natural)
    figures["sort by name, then the other way round"] = best(
        args.repeat, lambda: model.sort(Column.NAME, descending), lambda: model.sort(Column.NAME)
    )
    figures["sort by type"] = best(args.repeat, lambda: model.sort(Column.TYPE), natural)
    figures["sort by ETag"] = best(args.repeat, lambda: model.sort(Column.ETAG), natural)
    figures["back to the listing's order (from by size)"] = best(
        args.repeat, natural, lambda: model.sort(Column.SIZE, descending)
    )
    natural()
    unfiltered = lambda: model.set_filter("")  # noqa: E731
    tenth = lambda: model.set_filter("img_00")  # noqa: E731
    figures["filter 'img_00' (10% of the rows)"] = best(args.repeat, tenth, unfiltered)
    figures["filter 'img_0012' (0.1%)"] = best(args.repeat, lambda: model.set_filter("img_0012"), unfiltered)
    figures["filter '.jpg' (every object)"] = best(args.repeat, lambda: model.set_filter(".jpg"), unfiltered)
    figures["filter cleared (from 10%)"] = best(args.repeat, unfiltered, tenth)
    model.sort(Column.SIZE, descending)
    figures["filter 'img_00', sorted by size"] = best(args.repeat, tenth, unfiltered)
    model.set_filter("")
    natural()
    print(f"{'':48} {'wall ms':>9} {'CPU ms':>9}")
    for name, (wall, cpu) in figures.items():
        print(f"{name:48} {wall:9.1f} {cpu:9.1f}")


if __name__ == "__main__":
    main()
