"""The shipped artefacts as a user gets them: the frozen app, the tarball, the .deb, the wheel.

One build per session (installer/build.py into a temp dir, about a minute and a half);
every test here then looks at its output. Marked slow, and part of ``make test``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storebrowser import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent.parent
QT_RUNTIME_LIBS = ("libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libdbus-1-3", "libglib2.0-0")


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(out), "--work", str(work)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    yield out
    # Half a gigabyte each; pytest would keep the last three sessions' worth.
    for folder in (work, out):
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def app_dir(dist: Path) -> Path:
    return dist / "storebrowser"


def _run(program: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=120, env=env)


def _user_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


def test_frozen_version_answers_without_qt(app_dir: Path, tmp_path: Path) -> None:
    # A copy of the app without Qt or its bindings: loading any of them would fail.
    qt_names = ("PySide6", "shiboken6", "libQt6", "libpyside6", "libshiboken")

    def no_qt(folder: str, names: list[str]) -> list[str]:
        return [name for name in names if name.startswith(qt_names)]

    bare = tmp_path / "bare"
    shutil.copytree(app_dir, bare, symlinks=True, ignore=no_qt)
    assert not (bare / "_internal" / "PySide6").exists()
    for program in ("storebrowser", "storebrowser-cli"):
        result = _run(bare / program, "--version")
        assert (result.returncode, result.stdout, result.stderr) == (0, f"StoreBrowser {__version__}\n", "")
    kinds = _run(bare / "storebrowser-cli", "accounts", "kinds", env=_user_env(tmp_path))
    assert kinds.returncode == 0 and kinds.stderr == "", kinds.stderr
    assert {"local:", "s3:", "azure:", "swift:"} <= {line.split()[0] for line in kinds.stdout.splitlines()}


def test_frozen_app_renders_offscreen(app_dir: Path, tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QImage

    container = tmp_path / "data" / "StoreBrowser" / "Local files" / "documents"
    container.mkdir(parents=True)
    for name in ("readme.txt", "report.pdf", "photo.jpg"):
        (container / name).write_bytes(b"x" * 2048)
    shot = tmp_path / "frozen.png"
    result = _run(app_dir / "storebrowser", "--screenshot", str(shot), env=_user_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
    colours = {image.pixel(x, y) for y in range(0, image.height(), 7) for x in range(0, image.width(), 7)}
    assert len(colours) > 20  # text and icons, not a blank window


def test_frozen_app_renders_on_an_x_server(app_dir: Path, tmp_path: Path) -> None:
    """The xcb platform plugin a desktop session uses, with the bundled libraries and the
    system ones the .deb depends on, under Xvfb."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.fail("xvfb-run is missing: installer/system-deps.sh test installs it")
    shot = tmp_path / "x11.png"
    env = {**_user_env(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    command = [xvfb_run, "--auto-servernum", str(app_dir / "storebrowser"), "--screenshot", str(shot)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_frozen_cli_works_every_kind_of_account(
    app_dir: Path, tmp_path: Path, moto_server: Any, azurite_server: Any, swift_server: Any
) -> None:
    """The SDKs as frozen (botocore's data, keystoneauth1's and keyring's metadata...):
    the frozen storebrowser-cli adds an account of each kind, makes a container, lists it."""
    env = {
        **_user_env(tmp_path),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "S3_SECRET": moto_server.secret_key,
        "AZURE_KEY": azurite_server.account_key,
        "SWIFT_KEY": swift_server.key,
    }
    accounts = {
        "s3": ["--set", f"access_key_id={moto_server.access_key}", "--set", f"region={moto_server.region}",
               "--set", f"endpoint_url={moto_server.endpoint_url}", "--set", "path_style=true",
               "--secret-env", "secret_access_key=S3_SECRET"],
        "azure": ["--set", f"account_name={azurite_server.account_name}",
                  "--set", f"blob_endpoint={azurite_server.blob_endpoint}",
                  "--secret-env", "account_key=AZURE_KEY"],
        "swift": ["--set", f"auth_url={swift_server.auth_url}", "--set", "auth_version=1",
                  "--set", f"username={swift_server.user}", "--secret-env", "api_key=SWIFT_KEY"],
    }  # fmt: skip
    cli = app_dir / "storebrowser-cli"
    for kind, settings in accounts.items():
        account = f"frozen-{kind}"
        container = f"frozen-{kind}-{os.getpid()}"
        steps = [
            ["accounts", "add", account, "--kind", kind, *settings, "--secrets-in-file"],
            ["--account", account, "mb", container],
            ["--account", account, "ls"],
        ]
        for step in steps:
            result = _run(cli, *step, env=env)
            assert result.returncode == 0, f"{kind}: {step[:4]}: {result.stderr}"
        assert container in result.stdout, f"{kind}: {result.stdout}"
        _run(cli, "--account", account, "rb", container, env=env)


def test_frozen_app_carries_the_sdks(app_dir: Path) -> None:
    """What providers open by name must be inside: modules, botocore's service data, and
    the metadata keystoneauth1 (version, auth plugins) and keyring (backends) read."""
    from PyInstaller.archive.readers import CArchiveReader

    modules = set(CArchiveReader(str(app_dir / "storebrowser")).open_embedded_archive("PYZ.pyz").toc)
    for module in (
        "storebrowser.providers.local.provider",
        "storebrowser.providers.s3.kind",
        "boto3.session",
        "azure.storage.blob",
        "swiftclient.client",
        "keystoneauth1.loading._plugins.identity.v3",
        "keyring.backends.SecretService",
    ):
        assert module in modules, module
    internal = app_dir / "_internal"
    for service in ("s3", "sts", "sso", "sso-oidc"):  # S3 itself, and credential providers
        assert list(internal.glob(f"botocore/data/{service}/*/service-2.json*")), service
    assert (internal / "botocore/data/endpoints.json").is_file()
    assert not (internal / "botocore/data/ec2").exists()  # trimmed by the spec
    assert (internal / "storebrowser" / "resources" / "storebrowser.svg").is_file()
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("iconengines/libqsvgicon.so", "platforms/libqxcb.so", "platforms/libqwayland.so"):
        assert (plugins / plugin).is_file(), plugin  # the SVG window icon; X11 and Wayland desktops
    # trimmed by the spec: VNC, and the GTK theme with the libraries only it needed
    assert not (plugins / "platforms" / "libqvnc.so").exists()
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    assert not list(internal.glob("libpango*")) and not list(internal.glob("libcairo*"))
    assert (plugins / "platformthemes" / "libqxdgdesktopportal.so").is_file()
    for dist_name in ("keystoneauth1", "keyring"):
        (info,) = internal.glob(f"{dist_name}-*.dist-info")
        assert (info / "entry_points.txt").is_file()


def test_tarball_holds_the_app_folder(dist: Path) -> None:
    (tarball,) = dist.glob(f"storebrowser-{__version__}-linux-*.tar.gz")
    with tarfile.open(tarball) as archive:
        members = {member.name: member for member in archive.getmembers()}
    top = f"storebrowser-{__version__}"
    for program in ("storebrowser", "storebrowser-cli"):
        member = members[f"{top}/{program}"]
        assert member.isfile() and member.mode & 0o111
    assert f"{top}/_internal/storebrowser/resources/storebrowser.svg" in members
    assert all(name == top or name.startswith(f"{top}/") for name in members)


def test_deb_installs_a_valid_desktop_entry(dist: Path, tmp_path: Path) -> None:
    (deb,) = dist.glob(f"storebrowser_{__version__}_*.deb")
    depends = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    listed = {item.split()[0] for item in depends.replace("\n", " ").split(",")}
    assert set(QT_RUNTIME_LIBS) <= listed and "libxcb-cursor0" in listed

    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    desktop = root / "usr/share/applications/storebrowser.desktop"
    validation = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert validation.returncode == 0 and not validation.stdout.strip(), validation.stdout
    entry = _desktop_entry(desktop)

    # Exec names a program on PATH (/usr/bin), which leads to the installed app.
    command = entry["Exec"].split()[0]
    link = root / "usr/bin" / command
    assert link.is_symlink(), f"Exec={command} is not installed in /usr/bin"
    target = root / os.readlink(link).lstrip("/")
    assert target == root / "opt/storebrowser/storebrowser" and os.access(target, os.X_OK)
    assert entry["TryExec"] == command
    version = _run(target, "--version")
    assert version.stdout == f"StoreBrowser {__version__}\n", version.stderr

    icon = entry["Icon"]
    hicolor = root / "usr/share/icons/hicolor"
    assert (hicolor / "scalable/apps" / f"{icon}.svg").is_file()
    for size in (16, 32, 48, 128, 256):
        png = hicolor / f"{size}x{size}/apps/{icon}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
        assert int.from_bytes(png.read_bytes()[16:20], "big") == size  # IHDR width


def _desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line and not line.startswith("#"))


def test_wheel_ships_the_icon_and_entry_points(tmp_path: Path) -> None:
    """What pipx installs: a wheel whose app finds its icon through importlib.resources."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)],
        check=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("storebrowser-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
        declared = archive.read(entry_points).decode()
    assert "storebrowser/resources/storebrowser.svg" in names
    assert "[gui_scripts]\nstorebrowser = storebrowser.app:main" in declared
    assert "[console_scripts]\nstorebrowser-cli = storebrowser.cli:main" in declared

    # Installed on its own (no dependencies, so nothing is downloaded), away from the
    # source tree: the scripts pip writes run, and the icon is found as package data.
    # The venv gets no pip of its own (ensurepip takes seconds): ours installs into it.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
           "--no-deps", "--no-index"]  # fmt: skip
    subprocess.run([*pip, str(wheel)], check=True, timeout=300)
    # The app answers --version before importing any dependency; the CLI's script is there.
    version = _run(venv / "bin" / "storebrowser", "--version")
    assert version.stdout == f"StoreBrowser {__version__}\n", version.stderr
    assert "from storebrowser.cli import main" in (venv / "bin" / "storebrowser-cli").read_text()
    probe = "from storebrowser.app import icon_path; p = icon_path(); print(p.is_file(), p)"
    found = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe], capture_output=True, text=True, cwd=tmp_path
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.startswith("True ") and str(venv) in found.stdout
