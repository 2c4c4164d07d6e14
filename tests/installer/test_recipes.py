"""What can be checked on Linux of the recipes for every platform, without building.

The PyInstaller spec is run with stand-ins for PyInstaller's build steps, as on Linux and
as on macOS, and every file it hands them must exist; the Inno Setup script must name
files that exist once the app is built; the .desktop file must validate.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "storebrowser.spec"


class Step:
    """Records how the spec calls one of PyInstaller's build steps."""

    made: list[Step] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure: list[tuple[str, str, str]] = []
        self.binaries: list[tuple[str, str, str]] = []
        self.datas: list[tuple[str, str, str]] = []
        self.scripts = [("pyi_rth_pyside6", "/pyinstaller/rthooks/pyi_rth_pyside6.py", "PYSOURCE")]
        if type(self).__name__ == "Analysis":  # as PyInstaller's: hooks first, then the scripts
            self.scripts += [(Path(s).stem, s, "PYSOURCE") for s in args[0]]
        Step.made.append(self)


def _run_spec(platform: str, monkeypatch: pytest.MonkeyPatch, icon: Path) -> dict[str, list[Step]]:
    pytest.importorskip("PyInstaller")
    steps = {name: type(name, (Step,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    Step.made = []
    monkeypatch.setattr(sys, "argv", ["pyinstaller", "--icon", str(icon)])
    monkeypatch.setattr(sys, "platform", platform)
    code = compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")
    exec(code, {"__name__": "__main__", "SPECPATH": str(INSTALLER), **steps})
    return {name: [s for s in Step.made if type(s).__name__ == name] for name in steps}


def test_spec_builds_two_programs_from_existing_files(monkeypatch: pytest.MonkeyPatch) -> None:
    icon = ROOT / "storebrowser" / "resources" / "storebrowser.svg"
    made = _run_spec("linux", monkeypatch, icon)
    (analysis,) = made["Analysis"]
    scripts, runtime_hooks = analysis.args[0], analysis.kwargs["runtime_hooks"]
    for path in [*scripts, *runtime_hooks, *analysis.kwargs["pathex"]]:
        assert Path(path).exists(), path
    assert any(dest == "storebrowser/resources" for _src, dest in analysis.kwargs["datas"])
    assert "storebrowser.providers.local.provider" in analysis.kwargs["hiddenimports"]

    gui, cli = made["EXE"]
    assert (gui.kwargs["name"], gui.kwargs["console"]) == ("storebrowser", False)
    assert (cli.kwargs["name"], cli.kwargs["console"]) == ("storebrowser-cli", True)
    # each program starts its own launcher, and Qt is not imported by a run-time hook
    assert [name for name, *_ in gui.args[1]] == ["gui_main"]
    assert [name for name, *_ in cli.args[1]] == ["cli_main"]
    assert gui.kwargs["icon"] is None  # Linux executables carry no icon; the .desktop does
    (folder,) = made["COLLECT"]
    assert folder.kwargs["name"] == "storebrowser" and not made["BUNDLE"]


def test_spec_makes_a_mac_app_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    icon = tmp_path / "storebrowser-256.png"
    made = _run_spec("darwin", monkeypatch, icon)
    (bundle,) = made["BUNDLE"]
    assert bundle.kwargs["name"] == "StoreBrowser.app"
    assert bundle.kwargs["icon"] == str(icon) and made["EXE"][0].kwargs["icon"] == str(icon)
    from storebrowser import __version__

    assert bundle.kwargs["version"] == __version__


def test_inno_setup_script_names_what_the_build_makes() -> None:
    iss = INSTALLER / "windows" / "storebrowser.iss"
    text = iss.read_text(encoding="utf-8")
    sources = re.findall(r'^Source: "([^"]+)"', text, flags=re.MULTILINE)
    assert sources == ["..\\..\\dist\\storebrowser\\*"]
    # ..\..\dist from installer\windows is the folder installer/build.py fills by default.
    build = (INSTALLER / "build.py").read_text(encoding="utf-8")
    assert 'default=ROOT / "dist"' in build and 'dist / "storebrowser"' in build
    for program in re.findall(r'Filename: "\{app\}\\([^"]+)"', text):
        assert program in ("storebrowser.exe", "storebrowser-cli.exe"), program
    assert "/DAppVersion=" in build  # build.py tells how to call iscc with the version


def test_desktop_file_validates() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.fail("desktop-file-validate is missing: installer/system-deps.sh test installs it")
    desktop = ROOT / "resources" / "storebrowser.desktop"
    result = subprocess.run([validator, str(desktop)], capture_output=True)
    assert result.returncode == 0 and not result.stdout, result.stdout


def test_deb_dependencies_are_the_ones_system_deps_installs() -> None:
    sys.path.insert(0, str(INSTALLER))
    try:
        from linux.packages import runtime_packages
    finally:
        sys.path.remove(str(INSTALLER))
    packages = runtime_packages()
    for required in ("libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libdbus-1-3", "libglib2.0-0"):
        assert required in packages
    assert any(name.startswith("libxcb-") for name in packages)
    assert "qt-runtime-packages.txt" in (INSTALLER / "system-deps.sh").read_text(encoding="utf-8")
