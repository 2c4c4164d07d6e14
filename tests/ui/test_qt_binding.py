"""The Qt binding itself: a release that miscounts references kills the app, so the
suite refuses it (PySide6 6.12.0 under Python 3.11 drops a reference to None on every
call of a method that returns nothing; a few thousand timer restarts abort Python)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
timer = QTimer()
before = sys.getrefcount(None)
for _ in range(20_000):
    timer.setInterval(5)
print(sys.getrefcount(None) - before)
"""


def test_void_calls_keep_none_alive() -> None:
    # In a child: the broken binding aborts the interpreter, which must not take pytest along.
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert result.returncode == 0, f"the Qt binding corrupts reference counts: {result.stderr[-300:]}"
    assert abs(int(result.stdout.strip())) < 100
