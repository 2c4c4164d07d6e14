"""Where the GUI thread's time goes while a listing loads: time inside our slots.

A wall-clock stall (``listing.Heartbeat``) on a loaded machine is mostly the kernel
running something else; the time the GUI thread spends inside each of our handlers, in
its own CPU time (``time.thread_time``), barely changes with the load. Timed: a page
arriving (``ObjectLister._arrived``), a packed page handed over (``ObjectLister._packed``,
which appends it and merges it or starts the merge timer), the merge timer's slices
(``ObjectTableModel._merge_some`` from the timer), the view's paint events, and the
cyclic garbage collector's passes (any thread: they stop every thread), and its full passes
apart (generation 2: every object the collector tracks and has not frozen).

Installed on the classes (bench only), before the model is made, and removed after.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Spent:
    """Calls of one handler: count, the longest (wall and GUI-thread CPU, and which call
    had the longest CPU), the first call's CPU, the total CPU."""

    calls: int = 0
    longest_wall: float = 0.0
    longest_cpu: float = 0.0
    longest_call: int = 0
    first_cpu: float = 0.0
    total_cpu: float = 0.0

    def add(self, wall: float, cpu: float) -> None:
        self.calls += 1
        if self.calls == 1:
            self.first_cpu = cpu
        self.longest_wall = max(self.longest_wall, wall)
        if cpu > self.longest_cpu:
            self.longest_cpu, self.longest_call = cpu, self.calls
        self.total_cpu += cpu


@dataclass
class GuiTimes:
    spent: dict[str, Spent] = field(default_factory=dict)
    _depth: int = 0  # nested timed calls count in the outer one only

    def timed(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        spent = self.spent.setdefault(name, Spent())

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if self._depth:
                return method(*args, **kwargs)
            self._depth += 1
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return method(*args, **kwargs)
            finally:
                self._depth -= 1
                spent.add(time.perf_counter() - wall, time.thread_time() - cpu)

        return wrapper

    def lines(self) -> Iterator[tuple[str, str]]:
        for name, spent in self.spent.items():
            if spent.calls:
                yield (f"GUI: {name} (calls, longest CPU / wall, total CPU)",
                       f"{spent.calls:,}  {spent.longest_cpu * 1000:.1f} / {spent.longest_wall * 1000:.1f} ms"
                       f"  {spent.total_cpu:.2f} s")  # fmt: skip
                yield (f"GUI: {name} (the longest CPU's call, first call's CPU)",
                       f"#{spent.longest_call:,}  {spent.first_cpu * 1000:.1f} ms")  # fmt: skip


@contextmanager
def gui_times(view_class: type) -> Iterator[GuiTimes]:
    """Time the listing's handlers on the GUI thread, the paint events of ``view_class``
    (a Python subclass of a Qt view: its override is called by Qt) and the collector's
    passes while the block runs."""
    from storebrowser.ui.objects.listing import ObjectLister
    from storebrowser.ui.objects.model import ObjectTableModel

    times = GuiTimes()
    patched: list[tuple[type, str, Any]] = []

    def patch(cls: type, name: str, label: str) -> None:
        patched.append((cls, name, cls.__dict__.get(name)))
        setattr(cls, name, times.timed(label, getattr(cls, name)))

    patch(ObjectLister, "_arrived", "page arrived")
    patch(ObjectLister, "_packed", "packed page appended and merged")
    patch(ObjectTableModel, "_merge_some", "merge slice (timer)")
    patch(view_class, "paintEvent", "paint")
    collections = times.spent.setdefault("garbage collection (any thread)", Spent())
    full_collections = times.spent.setdefault("  ... of which full (generation 2)", Spent())
    started: list[tuple[float, float]] = []

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started.append((time.perf_counter(), time.thread_time()))  # CPU of the collecting thread
        elif started:
            wall, cpu = started.pop()
            wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
            collections.add(wall, cpu)
            if info["generation"] == 2:
                full_collections.add(wall, cpu)

    gc.callbacks.append(on_gc)
    try:
        yield times
    finally:
        gc.callbacks.remove(on_gc)
        for cls, name, original in patched:
            if original is None:
                delattr(cls, name)  # inherited: the base's again
            else:
                setattr(cls, name, original)
