"""Run-time hook replacing PyInstaller's ``pyi_rth_pyside6``.

PyInstaller's own hook imports ``PySide6.QtCore`` in every program before its first
line runs, so ``storebrowser --version`` and the whole CLI would load Qt (and fail noisily
where Qt's libraries cannot load). That import only serves to embed a qt.conf for
bindings built from source; the PyPI wheels we bundle relocate themselves on import. Left
is what costs nothing: point Qt at the bundled plugins.
"""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
if not sys.platform.startswith("win"):
    _qt = os.path.join(_qt, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
