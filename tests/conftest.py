"""Session-wide test set-up: offscreen Qt, isolated user dirs, the real test servers."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

# Before anything imports Qt or platformdirs: no screen, and no test may touch the real
# user's config, data or keyring.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="storebrowser-test-home-"))
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[_var] = str(_HOME / _sub)
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# The suite starts the CLI (and other scripts) as new Python processes some thousand
# times: under PYTHONDONTWRITEBYTECODE, which some shells and CI images set, each one
# compiled all of StoreBrowser again (~0.25 s a start, minutes a run). Their bytecode goes
# to one cache outside the tree (kept between runs; Python checks each file's stamp).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
_PYCACHE = Path(tempfile.gettempdir()) / f"storebrowser-pycache-{os.getuid()}"
os.environ.setdefault("PYTHONPYCACHEPREFIX", str(_PYCACHE))

# No test may send traffic to any address but 127.0.0.1 (this process; see tests/loopback.py).
from tests import loopback  # noqa: E402

loopback.install()

pytest_plugins = ["tests.servers.fixtures", "tests.providers.backends"]
