"""The entry points as a user meets them: separate processes, real arguments."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from storebrowser import __version__

ROOT = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    env.update(extra)
    return env


def test_version_answers_without_qt(tmp_path: Path) -> None:
    # A PySide6 that cannot be imported, as on a machine without Qt's system libraries.
    fake = tmp_path / "fake" / "PySide6"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError('Qt is not here')\n")
    env = _env(tmp_path, PYTHONPATH=f"{tmp_path / 'fake'}{os.pathsep}{ROOT}")
    result = subprocess.run(
        [sys.executable, "-m", "storebrowser", "--version"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"StoreBrowser {__version__}"


def test_cli_version_and_kinds(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "storebrowser.cli"]
    version = subprocess.run(
        [*run, "--version"], env=_env(tmp_path), capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"StoreBrowser {__version__}"
    kinds = subprocess.run(
        [*run, "accounts", "kinds"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "secret_access_key" in kinds.stdout and "(secret)" in kinds.stdout
    usage = subprocess.run(run, env=_env(tmp_path), capture_output=True, timeout=60)
    assert usage.returncode == 2


@pytest.fixture
def seeded_data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "data" / "StoreBrowser" / "Local files"
    for key in (
        "documents/readme.txt",
        "documents/report.pdf",
        "documents/drafts/a.txt",
        "photos/2024/cat.jpg",
    ):
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 1234)
    return root


def test_screenshot_shows_both_panes(tmp_path: Path, seeded_data_dir: Path, qapp: object) -> None:
    from PySide6.QtGui import QImage

    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "storebrowser", "--screenshot", str(shot), "--container", "documents"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 500
    assert _distinct_colours(image) > 20  # text and icons, not a blank window


def test_first_launch_creates_the_local_account_folder(tmp_path: Path) -> None:
    shot = tmp_path / "empty.png"
    result = subprocess.run(
        [sys.executable, "-m", "storebrowser", "--screenshot", str(shot)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "StoreBrowser" / "Local files").is_dir()


def _distinct_colours(image: object) -> int:
    seen: set[int] = set()
    for y in range(0, image.height(), 7):  # type: ignore[attr-defined]
        for x in range(0, image.width(), 7):  # type: ignore[attr-defined]
            seen.add(image.pixel(x, y))  # type: ignore[attr-defined]
    return len(seen)
