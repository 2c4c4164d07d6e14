"""Listing a container of 1,000,000 objects: the object table model vs a raw SDK pager.

On the Swift all-in-one started here on 127.0.0.1 (``tests/servers``), through the native
Swift API (python-swiftclient) and through s3api (boto3). The real model runs under an
offscreen QApplication, shown in a QTableView (so painting counts), and the figures are:
time to the first rows, time to the complete listing next to a raw pager loop over the
same container (swiftclient ``get_container`` with ``marker``; boto3's
``list_objects_v2`` paginator), memory per object (RSS difference / rows), the longest
event-loop stall while listing (a 5 ms heartbeat timer: the largest gap between ticks),
and the time to sort by size and by name and to filter. A benchmark, not a test: it
prints figures and never asserts a time.

The container is seeded once, server-side: a container database written with Swift's
own ``ContainerBroker`` (``tests/servers/swift_seed.py``), kept in the cache folder
(``~/.cache/storebrowser-bench/``, ~35 s to build for 1,000,000 rows) and copied over the
database of a freshly created container at each run. The objects themselves do not
exist; a listing only reads the database.

Run from the project root: ``python -m bench.listing [--objects 1000000] [--only swift,s3]
[--extra-runs swift,s3 | --no-extra-runs] [--quick] [--model-only | --raw-only] [--no-expand]
[--no-gc-freeze]``. At 10,000,000 objects one process cannot do all of it in a reasonable
time: ``--model-only --no-extra-runs --no-expand`` and ``--raw-only`` split it in two.

After the listing, with the table shown: sorts by every kind of column and filters (each
with one repaint); Select All and the time until the delete question has its figures; the
download job of every row but the first (keys read from the columns, as the window's worker
does) and its expansion by the engine, with the HEAD requests it sends counted.

``gc.freeze()`` runs once the providers are connected (``--no-gc-freeze`` to compare):
full collections then skip the long-lived objects of the SDKs and Qt, as they should in
the app.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import hashlib
import math
import os
import random
import resource
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.gui_times import GuiTimes, gui_times

TARGETS = {
    "first rows": "<= 0.3 s",
    "complete vs raw": ">= 0.9x",
    "bytes per object": "<= 150",
    "longest stall": "<= 50 ms",
}
#: Targets of the actions after the listing (issue 25), by the start of their name.
ACTION_TARGETS = {
    "sort": 0.3,
    "filter": 0.3,
    "back to": 0.3,
    "select all -> delete confirmation": 0.2,
    "all but one: download job ready": 1.0,
}
_WORDS = ("IMG_", "report-", "Data_", "photo-", "scan ", "Invoice_", "log-", "backup-")
_TYPES = {
    ".jpg": "image/jpeg",
    ".pdf": "application/pdf",
    ".csv": "text/csv",
    ".png": "image/png",
    ".txt": "text/plain",
    ".json": "application/json",
    ".tar.gz": "application/x-tar",
    ".bin": "application/octet-stream",
}
FOLDERS = 100


# -- the data set ---------------------------------------------------------------------------


def bench_rows(count: int) -> Iterator[Any]:
    """Names in mixed case (so name order and case-folded order differ), 100 folders."""
    from tests.servers.swift_seed import Row

    rnd = random.Random(1)
    suffixes = list(_TYPES)
    for i in range(count):
        if i < FOLDERS * 10:
            name = f"archive-{i % FOLDERS:02d}/part-{i:07d}.bin"  # 100 folders of 10
        else:
            name = f"{rnd.choice(_WORDS)}{i:07d}{rnd.choice(suffixes)}"
        size = int(10 ** rnd.uniform(0, 9))
        created = 1_500_000_000 + rnd.randrange(200_000_000) + rnd.randrange(100_000) / 100_000
        content_type = _TYPES[name[name.index(".") :]]
        yield Row(name, size, created, content_type, hashlib.md5(name.encode()).hexdigest())


def prepared_db(
    count: int, cache: Path, container: str, rows: Callable[[int], Iterator[Any]] | None = None
) -> Path:
    """The container database for ``count`` rows (``bench_rows`` unless ``rows`` says),
    built once and kept in ``cache``."""
    from tests.servers.swift_seed import write_rows

    path = cache / f"swift-{container}.db"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        print(f"building {path} ({count:,} rows, once) ...", flush=True)
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        write_rows(partial, (rows or bench_rows)(count), container=container)
        partial.rename(path)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def seeded_container(server: Any, container: str, prepared: Path) -> None:
    """Create ``container`` on ``server`` listing what the ``prepared`` database holds."""
    import swiftclient

    from tests.servers.swift_seed import install_db

    connection = swiftclient.Connection(authurl=server.auth_url, user=server.user, key=server.key)
    connection.put_container(container)
    install_db(server, container, prepared)


def listed_count(count: int) -> int:
    """Entries of the root listing: objects outside the folders, plus the folders."""
    return count - min(count, FOLDERS * 10) + min(count, FOLDERS)


# -- measuring ------------------------------------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process (every thread): the client's share of the machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def settled_rss() -> int:
    """RSS once garbage is collected and the C heap has given back what it can."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # glibc only
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss()


@dataclass
class ModelRun:
    rows: int = 0
    first_rows: float = 0.0
    complete: float = 0.0
    cpu: float = 0.0
    stall: float = 0.0
    rss_bytes: int = 0
    column_bytes: int = 0
    actions: dict[str, float] = field(default_factory=dict)
    #: Time inside the GUI thread's handlers while listing (``gui_times``), as printed.
    gui: dict[str, str] = field(default_factory=dict)


class Heartbeat:
    """A 5 ms timer; the longest gap between two ticks is the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return self.longest


def run_model(
    provider: Any,
    container: str,
    expected: int,
    *,
    sort_by_name_first: bool = False,
    view: bool = True,
    expand_job: bool = True,
) -> ModelRun:
    """List ``container`` with the real model, in a shown QTableView unless ``view`` is off."""
    try:
        from storebrowser.ui.objects.views import ObjectTableView as TableView
    except ImportError:  # code from before the window's own view could be made alone
        from PySide6.QtWidgets import QTableView as TableView

    class Table(TableView):
        """The window's object table view, in a class of its own whose paint events
        ``gui_times`` may time."""

    with gui_times(Table) as times:
        table = Table()
        return _run_model(provider, container, expected, table, times, sort_by_name_first, view, expand_job)


def _run_model(
    provider: Any,
    container: str,
    expected: int,
    table: Any,
    times: GuiTimes,
    sort_by_name_first: bool,
    view: bool,
    expand_job: bool,
) -> ModelRun:
    import shiboken6
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from storebrowser.qtbridge.tasks import TaskRunner
    from storebrowser.ui.objects.model import Column, ObjectTableModel

    runner = TaskRunner()
    model = ObjectTableModel(runner)
    if view:
        table.setModel(model)
        table.verticalHeader().hide()
        table.resize(1100, 700)
        table.show()
    loop = QEventLoop()
    loop.processEvents()
    if sort_by_name_first:
        model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    result = ModelRun()
    heartbeat = Heartbeat()
    before = settled_rss()
    started = 0.0

    def first_rows() -> None:
        if not result.first_rows:
            result.first_rows = time.perf_counter() - started

    def page() -> None:
        if model.complete or model.error:
            result.complete = time.perf_counter() - started
            loop.quit()

    model.rowsInserted.connect(first_rows)
    model.pageLoaded.connect(page)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(loop.quit)
    watchdog.start(30 * 60 * 1000)
    heartbeat.start()
    cpu = cpu_seconds()
    started = time.perf_counter()
    model.open(provider, container)
    loop.exec()
    result.cpu = cpu_seconds() - cpu
    result.stall = heartbeat.stop()
    result.gui = dict(times.lines())
    if model.error:
        raise RuntimeError(f"the listing failed: {model.error}")
    result.rows = model.loaded_count
    if result.rows != expected:
        raise RuntimeError(f"listed {result.rows:,} rows, expected {expected:,}")
    heartbeat.start()
    ranked = wait_for_name_ranks(model, loop)
    ranking_stall = heartbeat.stop()
    result.rss_bytes = settled_rss() - before
    result.column_bytes = model._rows.nbytes() + model._visible.buffer_info()[1] * 4
    if view:
        result.actions = {"names ranked (worker, after complete)": ranked,
                          "  ... longest stall meanwhile": ranking_stall}  # fmt: skip
        result.actions.update(time_actions(model, table, loop))
        result.actions.update(time_selection(model, table, provider, container, expand_job))
    runner.wait_idle()
    table.close()
    for qt_object in (table, model, runner):  # the connected closures would keep them alive
        shiboken6.delete(qt_object)
    return result


def wait_for_name_ranks(model: Any, loop: Any, limit: float = 120.0) -> float:
    """Seconds from now until the worker's ranks of the names are in the columns (the
    model starts it when the listing is complete), so that the sorts below are timed as
    a person sorting a moment later would see them; NaN with code from before ranks."""
    from PySide6.QtCore import QEventLoop

    columns = model._rows
    if not hasattr(columns, "name_ranks"):
        return math.nan
    started = time.perf_counter()
    while columns.name_ranks is None and time.perf_counter() - started < limit:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        time.sleep(0.002)
    return time.perf_counter() - started


def time_actions(model: Any, view: Any, loop: Any) -> dict[str, float]:
    """Sort and filter the complete table; each time includes one repaint."""
    from PySide6.QtCore import Qt

    from storebrowser.ui.objects.model import Column

    def timed(action: Callable[[], None]) -> float:
        started = time.perf_counter()
        action()
        view.viewport().repaint()
        return time.perf_counter() - started

    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    times = {
        "sort by size": timed(lambda: model.sort(Column.SIZE, descending)),
        "sort by name": timed(lambda: model.sort(Column.NAME, ascending)),
        "sort by name, the other way round": timed(lambda: model.sort(Column.NAME, descending)),
        "sort by modified": timed(lambda: model.sort(Column.MODIFIED, descending)),
        "sort by type": timed(lambda: model.sort(Column.TYPE, ascending)),
        "sort by ETag": timed(lambda: model.sort(Column.ETAG, ascending)),
        "filter 'img_00'": timed(lambda: model.set_filter("img_00")),
        "filter 'img_001' (narrower)": timed(lambda: model.set_filter("img_001")),
        "filter cleared": timed(lambda: model.set_filter("")),
        "filter 'g' (most rows)": timed(lambda: model.set_filter("g")),
        "filter cleared again": timed(lambda: model.set_filter("")),
        "back to the listing's order": timed(lambda: model.sort(-1)),
    }
    loop.processEvents()
    return times


def time_selection(
    model: Any, view: Any, provider: Any, container: str, expand_job: bool = True
) -> dict[str, float]:
    """Select All, then what Delete and Download To do before their job is queued: the
    question's figures on the GUI thread; the download job of every row but the first (a
    selection that is not the whole place, so its keys are read) built as on the worker,
    then (unless ``expand_job`` is off: ~35 s a million rows) expanded by the engine's own
    code with every HEAD counted (``Provider.stat``)."""
    from pathlib import Path

    from storebrowser.table.selection import delete_plan
    from storebrowser.transfers.jobs import ConflictPolicy
    from storebrowser.ui.commands.specs import selection_download
    from storebrowser.ui.objects.views import selected_spans

    figures: dict[str, float] = {}
    started = time.perf_counter()
    view.selectAll()
    figures["select all"] = time.perf_counter() - started
    started = time.perf_counter()
    plan = delete_plan(model.selection(selected_spans(view)))
    figures["select all -> delete confirmation ready"] = time.perf_counter() - started
    if plan.objects + plan.folders != model.rowCount():
        raise RuntimeError(f"the delete question counts {plan.objects + plan.folders:,} rows")
    started = time.perf_counter()
    selection = model.selection([range(1, model.rowCount())])
    figures["all but one: selection taken (GUI)"] = time.perf_counter() - started
    started = time.perf_counter()
    folder, skip = Path("/nonexistent"), ConflictPolicy.SKIP
    spec, listed = selection_download("bench", container, selection, folder, skip)
    figures["all but one: download job ready (worker)"] = time.perf_counter() - started
    if expand_job:
        figures.update(expanded_job(spec, listed, provider))
    view.clearSelection()
    return figures


def expanded_job(spec: Any, listed: Any, provider: Any) -> dict[str, float]:
    """The engine's expansion of a download job, its time, items and HEAD requests."""
    from storebrowser.transfers.jobs import Job
    from storebrowser.transfers.kinds import expand

    figures: dict[str, float] = {}
    heads = 0
    stat = provider.stat

    def counted_stat(*args: Any) -> Any:
        nonlocal heads
        heads += 1
        return stat(*args)

    provider.stat = counted_stat
    try:
        started = time.perf_counter()
        items = expand(Job(spec, listed=listed), provider)
        figures["all but one: download job expanded (engine)"] = time.perf_counter() - started
    finally:
        del provider.stat
    figures["all but one: items"] = len(items)
    figures["all but one: HEAD requests"] = heads
    return figures


# -- raw pagers -----------------------------------------------------------------------------


@dataclass
class RawRun:
    seconds: float
    cpu: float
    count: int


def timed_raw(pager: Callable[[], int]) -> RawRun:
    cpu, started = cpu_seconds(), time.perf_counter()
    count = pager()
    return RawRun(time.perf_counter() - started, cpu_seconds() - cpu, count)


def raw_swift(server: Any, container: str) -> RawRun:
    import swiftclient

    connection = swiftclient.Connection(authurl=server.auth_url, user=server.user, key=server.key)
    connection.head_account()  # authenticated before the clock starts, as the model's provider

    def pager() -> int:
        marker, count = None, 0
        while True:
            _headers, entries = connection.get_container(
                container, marker=marker, limit=10_000, delimiter="/"
            )
            if not entries:
                return count
            count += len(entries)
            marker = entries[-1].get("name") or entries[-1]["subdir"]

    return timed_raw(pager)


def raw_s3(server: Any, container: str) -> RawRun:
    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3",
        endpoint_url=server.s3_endpoint,
        aws_access_key_id=server.s3_access_key,
        aws_secret_access_key=server.s3_secret_key,
        region_name=server.region,
        config=Config(s3={"addressing_style": "path"}),
    )
    client.list_buckets()

    def pager() -> int:
        pages = client.get_paginator("list_objects_v2").paginate(
            Bucket=container, Delimiter="/", PaginationConfig={"PageSize": 1000}
        )
        return sum(len(page.get("Contents", [])) + len(page.get("CommonPrefixes", [])) for page in pages)

    return timed_raw(pager)


def provider_pager(provider: Any, container: str) -> RawRun:
    """The provider's own ``list_page`` loop, no model: what the SDK adaptation costs.

    Every entry is read (so lazily converted pages are converted, as any caller that
    reads them pays), in the loop, before the next page is asked."""
    from storebrowser.ui.objects.listing import PAGE_SIZE

    def pager() -> int:
        token, count = None, 0
        while True:
            page = provider.list_page(container, "", "/", token, PAGE_SIZE)
            count += sum(1 for _entry in page.entries)
            token = page.next_token
            if token is None:
                return count

    return timed_raw(pager)


# -- the run --------------------------------------------------------------------------------


@dataclass
class BackendResult:
    backend: str
    raw: RawRun
    model: ModelRun
    sorted_run: ModelRun | None = None
    hidden_run: ModelRun | None = None
    provider_run: RawRun | None = None


def bench_backend(
    name: str,
    server: Any,
    container: str,
    expected: int,
    *,
    extra_runs: bool,
    freeze: bool,
    quick: bool = False,
    model_only: bool = False,
    raw_only: bool = False,
    expand_job: bool = True,
) -> BackendResult:
    from storebrowser.providers.registry import open_provider
    from tests.providers.backends import s3_swift_settings

    if name == "swift":
        provider = open_provider(
            "swift", {"auth_url": server.auth_url, "username": server.user, "api_key": server.key}
        )
        raw: Callable[[Any, str], RawRun] = raw_swift
    else:
        provider = open_provider("s3", s3_swift_settings(server))
        raw = raw_s3
    provider.connect()
    if freeze:
        # Out of the collector's sight: the SDK's and Qt's long-lived objects. Without this
        # every full collection walks them (50-250 ms with boto3 loaded), and a listing
        # triggers one every few seconds; the app should do the same once started.
        gc.collect()
        gc.freeze()
    if raw_only:  # the raw pager alone (twice: the first warms the server's caches)
        provider.close()
        runs = [raw(server, container) for _ in range(1 if quick else 2)]
        for run in runs:
            print(f"  {name} raw pager: {run.seconds:.2f} s, {run.count:,} entries", flush=True)
        return BackendResult(name, min(runs, key=lambda run: run.seconds), ModelRun())
    if model_only:  # the model's own figures (stalls, actions), sorted while loading too
        model = run_model(provider, container, expected, expand_job=expand_job)
        print(f"  {name} model: {model.complete:.2f} s", flush=True)
        sorted_model = None
        if extra_runs:
            sorted_model = run_model(
                provider, container, expected, sort_by_name_first=True, expand_job=expand_job
            )
        provider.close()
        return BackendResult(name, RawRun(math.nan, math.nan, expected), model, sorted_model)
    raw_runs = []
    for _ in range(1 if quick else 2):  # the first one also warms the server's caches
        run = raw(server, container)
        if run.count != expected:
            raise RuntimeError(f"raw {name} pager listed {run.count:,}, expected {expected:,}")
        raw_runs.append(run)
        print(f"  {name} raw pager: {run.seconds:.2f} s", flush=True)
    model = run_model(provider, container, expected, expand_job=expand_job)
    print(f"  {name} model: {model.complete:.2f} s", flush=True)
    if not quick:
        raw_runs.append(raw(server, container))
        print(f"  {name} raw pager again: {raw_runs[-1].seconds:.2f} s", flush=True)
    through_provider = provider_pager(provider, container)
    print(f"  {name} provider's list_page loop: {through_provider.seconds:.2f} s", flush=True)
    sorted_model = hidden = None
    if extra_runs:
        sorted_model = run_model(
            provider, container, expected, sort_by_name_first=True, expand_job=expand_job
        )
        print(f"  {name} model, sorted by name while loading: {sorted_model.complete:.2f} s", flush=True)
        hidden = run_model(provider, container, expected, view=False)
        print(f"  {name} model, no view: {hidden.complete:.2f} s", flush=True)
    provider.close()
    best_raw = min(raw_runs[1:] or raw_runs, key=lambda run: run.seconds)
    return BackendResult(name, best_raw, model, sorted_model, hidden, through_provider)


def report(results: list[BackendResult]) -> None:
    for result in results:
        run = result.model
        if not run.rows:  # --raw-only
            print(
                f"\n{result.backend}: raw pager, best {result.raw.seconds:.2f} s, CPU {result.raw.cpu:.1f} s"
            )
            continue
        ratio = result.raw.seconds / run.complete
        print(f"\n{result.backend}: {run.rows:,} rows")
        lines = [
            ("first rows", f"{run.first_rows:.3f} s", TARGETS["first rows"], run.first_rows <= 0.3),
            ("complete (model)", f"{run.complete:.2f} s", "", None),
            ("complete (raw pager, best)", f"{result.raw.seconds:.2f} s", "", None),
            ("complete vs raw", f"{ratio:.2f}x", TARGETS["complete vs raw"], verdict_of(ratio >= 0.9, ratio)),
            ("client CPU (model)", f"{run.cpu:.1f} s", "", None),
            ("client CPU (raw pager)", f"{result.raw.cpu:.1f} s", "", None),
            (
                "provider's list_page loop vs raw",
                f"{result.raw.seconds / result.provider_run.seconds:.2f}x" if result.provider_run else "",
                "",
                None,
            ),
            (
                "bytes per object (RSS)",
                f"{run.rss_bytes / run.rows:.0f}",
                TARGETS["bytes per object"],
                run.rss_bytes / run.rows <= 150,
            ),
            ("bytes per object (columns)", f"{run.column_bytes / run.rows:.0f}", "", None),
            ("longest stall", f"{run.stall * 1000:.0f} ms", TARGETS["longest stall"], run.stall <= 0.05),
        ]
        lines += [(figure, text, "", None) for figure, text in run.gui.items()]
        for action, value in run.actions.items():
            lines.append(action_line(action, value))
        if result.sorted_run is not None:
            sorted_run = result.sorted_run
            lines += [
                ("sorted by name while loading: complete", f"{sorted_run.complete:.2f} s", "", None),
                *((f"  ... {figure}", text, "", None) for figure, text in sorted_run.gui.items()),
                (
                    "  ... vs raw",
                    f"{result.raw.seconds / sorted_run.complete:.2f}x",
                    TARGETS["complete vs raw"],
                    verdict_of(result.raw.seconds / sorted_run.complete >= 0.9, result.raw.seconds),
                ),
                (
                    "  ... longest stall",
                    f"{sorted_run.stall * 1000:.0f} ms",
                    TARGETS["longest stall"],
                    sorted_run.stall <= 0.05,
                ),
            ]
        if result.hidden_run is not None:
            hidden = result.hidden_run
            stall = ("no view: longest stall", f"{hidden.stall * 1000:.0f} ms", TARGETS["longest stall"])
            lines.append((*stall, hidden.stall <= 0.05))
        width = max(len(line[0]) for line in lines)
        print(f"  {'figure':<{width}}  {'value':>10}  {'target':<10}  met")
        for label, value, target, met in lines:
            verdict = "" if met is None else ("yes" if met else "NO")
            print(f"  {label:<{width}}  {value:>10}  {target:<10}  {verdict}")


def verdict_of(verdict: bool, value: float) -> bool | None:
    """``verdict``, or ``None`` (no verdict) where the figure was not measured (NaN)."""
    return None if math.isnan(value) else verdict


def share_gil(interval_ms: float | None) -> None:
    """The GIL's switch interval as the app sets it, or as asked (``--switch-interval``)."""
    try:
        from storebrowser.qtbridge.tasks import share_the_gil
    except ImportError:  # code from before share_the_gil: Python's default
        return
    if interval_ms is None:
        share_the_gil()
    else:
        share_the_gil(interval_ms / 1000)


def action_line(action: str, value: float) -> tuple[str, str, str, bool | None]:
    """A line of the report for a figure of ``time_actions`` or ``time_selection``."""
    if action.endswith("HEAD requests"):
        return action, f"{value:,.0f}", "0", value == 0
    if action.endswith("items"):
        return action, f"{value:,.0f}", "", None
    if action.endswith("stall meanwhile"):
        return action, f"{value * 1000:.0f} ms", TARGETS["longest stall"], value <= 0.05
    limit = next((limit for start, limit in ACTION_TARGETS.items() if action.startswith(start)), None)
    target = f"<= {limit} s" if limit is not None else ""
    return action, f"{value:.3f} s", target, value <= limit if limit is not None else None


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.listing", description=__doc__.split("\n\n")[0])
    parser.add_argument("--objects", type=int, default=1_000_000, help="objects in the container")
    parser.add_argument("--only", default="swift,s3", help="backends: swift (native API), s3 (s3api)")
    parser.add_argument("--cache", type=Path, default=None, help="where the seeded database is kept")
    parser.add_argument(
        "--extra-runs",
        default="swift",
        help="backends listed twice more: sorted by name while loading, and without a view",
    )
    parser.add_argument("--no-extra-runs", action="store_true", help="as --extra-runs ''")
    parser.add_argument(
        "--quick", action="store_true", help="one raw pager run before the model (not two), none after"
    )
    parser.add_argument(
        "--model-only",
        action="store_true",
        help="no raw pager, no list_page loop, no run without a view: the model's stalls and actions",
    )
    parser.add_argument(
        "--raw-only", action="store_true", help="the raw SDK pager alone (twice; once with --quick)"
    )
    parser.add_argument(
        "--no-expand",
        action="store_true",
        help="no expansion of the download job by the engine (~35 s a million)",
    )
    parser.add_argument(
        "--no-gc-freeze", action="store_true", help="leave the SDK's objects to the cyclic collector"
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        default=None,
        help="the GIL's switch interval in ms (default: what the app sets, qtbridge.tasks.share_the_gil)",
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    share_gil(args.switch_interval)
    cache = args.cache or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"), "storebrowser-bench")
    container = f"bench-{args.objects}"
    prepared = prepared_db(args.objects, cache, container)

    from PySide6.QtWidgets import QApplication

    from tests.servers.swift_aio import start_swift

    app = QApplication.instance() or QApplication([])
    expected = listed_count(args.objects)
    results = []
    with start_swift() as server:
        seeded_container(server, container, prepared)
        for backend in [name.strip() for name in args.only.split(",") if name.strip()]:
            print(f"{backend}:", flush=True)
            extra_runs = backend in args.extra_runs.split(",") and not args.no_extra_runs
            freeze = not args.no_gc_freeze
            run = bench_backend(
                backend,
                server,
                container,
                expected,
                extra_runs=extra_runs,
                freeze=freeze,
                quick=args.quick,
                model_only=args.model_only,
                raw_only=args.raw_only,
                expand_job=not args.no_expand,
            )
            results.append(run)
    report(results)
    del app


if __name__ == "__main__":
    main()
