"""installer/system-deps.sh decides what a fresh Debian needs before `make` can start.

Run with stand-ins for ``dpkg-query`` (nothing is installed) and ``id`` (not root), so the
script only prints the packages it would install; nothing is installed or changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "installer" / "system-deps.sh"
DEBIAN_PYTHON = Path("/usr/bin/python3")


def _missing(profile: str, python: str, tmp_path: Path) -> list[str]:
    shims = tmp_path / "shims"
    shims.mkdir(exist_ok=True)
    for name, body in (("dpkg-query", "exit 1"), ("id", "echo 1000")):
        (shims / name).write_text(f"#!/bin/sh\n{body}\n")
        (shims / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}", "PYTHON": python}
    command = ["bash", str(SCRIPT), profile]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("StoreBrowser needs these system packages: "), result.stderr
    return first.split(": ", 1)[1].split()


def _base_prefix(python: str) -> str:
    return subprocess.run(
        [python, "-c", "import sys; print(sys.base_prefix)"], capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.fixture
def debian_python() -> str:
    if not DEBIAN_PYTHON.exists() or _base_prefix(str(DEBIAN_PYTHON)) != "/usr":
        pytest.skip("no Debian python3 here")
    return str(DEBIAN_PYTHON)


def _version(python: str) -> str:
    return subprocess.run(
        [python, "-c", "import sys; print(f'{sys.version_info[0]}.{sys.version_info[1]}')"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


@pytest.mark.parametrize("profile", ["run", "test", "dist"])
def test_debian_python_gets_venv_first(debian_python: str, profile: str, tmp_path: Path) -> None:
    # Debian's python3 cannot make a venv without python3.X-venv (no ensurepip), and
    # `make run`/`make test` start by making one.
    version = _version(debian_python)
    missing = _missing(profile, debian_python, tmp_path)
    assert f"python{version}-venv" in missing
    assert (f"libpython{version}" in missing) is (profile != "run")  # PyInstaller's shared libpython
    assert "libegl1" in missing and ("memcached" in missing) is (profile == "test")


def test_other_pythons_need_neither(tmp_path: Path) -> None:
    if _base_prefix(sys.executable) == "/usr":
        pytest.skip("the tests run on Debian's python3")
    missing = _missing("test", sys.executable, tmp_path)
    assert not [name for name in missing if name.startswith(("libpython", "python3"))]


def test_a_failed_venv_leaves_no_half_made_venv(tmp_path: Path) -> None:
    # As Debian's python3 without python3.X-venv does: bin/python is made, then it fails.
    fake = tmp_path / "python3"
    fake.write_text(
        '#!/bin/sh\n[ "$1" = -c ] && exit 0\n'
        'mkdir -p "$3/bin" && touch "$3/bin/python"\necho "ensurepip is not available" >&2\nexit 1\n'
    )
    fake.chmod(0o755)
    venv = tmp_path / "venv"
    result = subprocess.run(
        ["make", "-C", str(ROOT), f"{venv}/bin/python", f"VENV={venv}", f"PYTHON={fake}"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0 and "ensurepip" in result.stderr
    assert not venv.exists()  # the next `make` tries again instead of using a broken venv
