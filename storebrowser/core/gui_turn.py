"""The GUI thread's turn: workers converting a listing step aside while the table paints.

Python runs one thread at a time (the GIL). A repaint of the object table calls from Qt
into Python several hundred times (``index``, ``flags``, ``multiData`` per cell), and Qt
lets go of the GIL in between; while a worker converts a page in Python, each of those
calls waits for the worker to be made to let go (the switch interval), so a repaint of
~9 ms of CPU took 20-60 ms of wall time while an S3 listing arrived: the window's longest
stalls (issue 25). The view marks its paint (``painting``); a worker's long conversion
calls ``step_aside`` between pieces of its work, and waits there (without the GIL) while
a paint is under way, ``MAX_WAIT_S`` at most, so a window that paints without pause
slows a listing down but never stops it.

Only the GUI thread paints, so the count of paints under way needs no lock; workers only
read the event.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Longest a worker waits for one paint to end (a paint takes ~10 ms).
MAX_WAIT_S = 0.05


class GuiTurn:
    """Whether the GUI thread is painting; workers wait for it at their checkpoints."""

    __slots__ = ("_free", "_max_wait", "_paints")

    def __init__(self, max_wait: float = MAX_WAIT_S) -> None:
        self._free = threading.Event()
        self._free.set()
        self._paints = 0
        self._max_wait = max_wait

    @contextmanager
    def painting(self) -> Iterator[None]:
        """Around a paint, on the GUI thread (nested paints count once)."""
        self._paints += 1
        self._free.clear()
        try:
            yield
        finally:
            self._paints -= 1
            if not self._paints:
                self._free.set()

    @property
    def busy(self) -> bool:
        return not self._free.is_set()

    def step_aside(self) -> None:
        """On a worker, between pieces of long work: wait while the GUI thread paints."""
        if not self._free.is_set():
            self._free.wait(self._max_wait)


#: The one the window's views mark and the listing's workers check.
GUI_TURN = GuiTurn()
step_aside = GUI_TURN.step_aside
