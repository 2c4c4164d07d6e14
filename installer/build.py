"""Build the standalone StoreBrowser: the one-folder app, and on Linux its packages.

    python installer/build.py [--dist DIR] [--work DIR] [--no-packages]

Steps: check the build machine; render the icons; run PyInstaller on
installer/storebrowser.spec; on Linux pack DIR/storebrowser-VERSION-linux-ARCH.tar.gz and
DIR/storebrowser_VERSION_ARCH.deb. ``make dist`` runs this in the project's venv after
installing the ``dist`` extra and the system packages (installer/system-deps.sh dist).
On Windows and macOS the one-folder app (and StoreBrowser.app) is the result; the
installers are made from it as installer/windows and installer/macos describe.
"""

from __future__ import annotations

import argparse
import ctypes.util
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "storebrowser.spec"
sys.path[:0] = [str(ROOT), str(ROOT / "installer")]

from icons import png_path  # noqa: E402  (installer/ is not a package)

from storebrowser import __version__  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch space")
    parser.add_argument(
        "--no-packages", action="store_true", help="stop after the one-folder app (no .tar.gz or .deb)"
    )
    args = parser.parse_args(argv)
    linux_packages = sys.platform.startswith("linux") and not args.no_packages
    problems = preflight(linux_packages)
    if problems:
        print("Cannot build StoreBrowser here:", *problems, sep="\n  - ", file=sys.stderr)
        return 1
    args.dist.mkdir(parents=True, exist_ok=True)
    icons = render_icons(args.work / "icons")
    app_dir = freeze(args.work, args.dist, icon=png_path(icons, 256))
    print(f"app: {app_dir}")
    if linux_packages:
        from linux.packages import build_deb, build_tarball

        print(f"tarball: {build_tarball(app_dir, args.dist, __version__)}")
        print(f"deb: {build_deb(app_dir, icons, args.work, args.dist, __version__)}")
    elif sys.platform == "win32":
        print(f"installer: iscc /DAppVersion={__version__} installer\\windows\\storebrowser.iss")
    elif sys.platform == "darwin":
        print(f"bundle: {args.dist / 'StoreBrowser.app'} (disk image: see installer/macos/README.md)")
    return 0


def preflight(linux_packages: bool) -> list[str]:
    """What is missing, each as something a person can do."""
    problems = []
    if importlib.util.find_spec("PyInstaller") is None:
        problems.append(f"PyInstaller is not installed: {sys.executable} -m pip install '.[dist]'")
    if sys.platform.startswith("linux"):
        if shutil.which("objdump") is None:
            problems.append("PyInstaller needs objdump: apt-get install binutils")
        if (message := libpython_problem()) is not None:
            problems.append(message)
    if linux_packages and shutil.which("dpkg-deb") is None:
        problems.append("the .deb is built with dpkg-deb (Debian's dpkg); or pass --no-packages")
    return problems


def libpython_problem() -> str | None:
    """PyInstaller bundles the shared libpython; a Python linked statically has none."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    if find_libpython() is not None:
        return None
    if sys.base_prefix == "/usr":
        return f"this Python's shared library is not installed: apt-get install libpython{version}"
    return (
        f"{sys.executable} (Python {version}) was built without a shared libpython. Use a Python "
        "built with --enable-shared, e.g. with pyenv: "
        f"env PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install --force {sys.version.split()[0]}"
        "; then recreate the venv (make clean)."
    )


def find_libpython() -> Path | None:
    name = sysconfig.get_config_var("INSTSONAME") or sysconfig.get_config_var("LDLIBRARY") or ""
    if sysconfig.get_config_var("Py_ENABLE_SHARED") and name:
        libdir = Path(sysconfig.get_config_var("LIBDIR") or "/nonexistent")
        multiarch = sysconfig.get_config_var("MULTIARCH") or ""
        for folder in (libdir, libdir / multiarch, Path(sys.base_prefix) / "lib"):
            if (folder / name).is_file():
                return folder / name
    found = ctypes.util.find_library(f"python{sys.version_info[0]}.{sys.version_info[1]}")
    return Path(found) if found else None


def render_icons(out_dir: Path) -> Path:
    # A child process: Qt starts (offscreen) and ends there, not in the build.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, str(ROOT / "installer" / "icons.py"), str(out_dir)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return out_dir


def freeze(work: Path, dist: Path, icon: Path) -> Path:
    """Run PyInstaller; the one-folder app lands in ``dist/storebrowser``."""
    command = [
        sys.executable, "-m", "PyInstaller", str(SPEC),
        "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
        "--", "--icon", str(icon),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / "storebrowser"


if __name__ == "__main__":
    sys.exit(main())
