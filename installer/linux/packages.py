"""The Linux packages of the one-folder app: a .tar.gz and a .deb (built with dpkg-deb).

The .deb installs the folder under /opt/storebrowser, links /usr/bin/storebrowser and
/usr/bin/storebrowser-cli to it, and adds the .desktop file and the hicolor icons. It
needs no maintainer scripts: Debian's desktop-file-utils and hicolor-icon-theme refresh
their caches through dpkg triggers on those folders.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
DESKTOP_FILE = ROOT / "resources" / "storebrowser.desktop"
PROGRAMS = ("storebrowser", "storebrowser-cli")
INSTALL_DIR = "opt/storebrowser"
# Placeholder until the project publishes a contact address.
MAINTAINER = "StoreBrowser maintainers <maintainers@storebrowser.invalid>"
DESCRIPTION = """\
desktop browser for object storage
 Browse, upload, download, copy and edit the metadata of objects in Amazon S3 and
 S3-compatible services, Azure Blob Storage, OpenStack Swift and local folders.
 A self-contained build: Python, Qt and the storage SDKs are inside /opt/storebrowser.
"""


def runtime_packages() -> list[str]:
    """Qt's system libraries, shared with installer/system-deps.sh."""
    lines = (HERE / "qt-runtime-packages.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def glibc_version() -> str:
    """The C library the build machine has: the frozen binaries need at least that one."""
    name, version = platform.libc_ver()
    if name != "glibc" or not version:
        raise SystemExit("packages: the .deb can only be built on a glibc system")
    return version


def build_tarball(app_dir: Path, out_dir: Path, version: str) -> Path:
    """storebrowser-VERSION-linux-ARCH.tar.gz holding storebrowser-VERSION/ (the folder)."""
    top = f"storebrowser-{version}"
    target = out_dir / f"{top}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(app_dir, arcname=top, filter=_owned_by_root)
    return target


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def build_deb(app_dir: Path, icons_dir: Path, work_dir: Path, out_dir: Path, version: str) -> Path:
    """Lay out the package tree under ``work_dir`` and build the .deb into ``out_dir``."""
    tree = work_dir / "deb-root"
    if tree.exists():
        shutil.rmtree(tree)
    shutil.copytree(app_dir, tree / INSTALL_DIR, symlinks=True)
    _link_programs(tree)
    applications = tree / "usr/share/applications"
    applications.mkdir(parents=True)
    shutil.copyfile(DESKTOP_FILE, applications / DESKTOP_FILE.name)
    shutil.copytree(icons_dir / "hicolor", tree / "usr/share/icons/hicolor")
    _normalise_modes(tree)
    architecture = _dpkg_architecture()
    _write_control(tree, version, architecture)
    target = out_dir / f"storebrowser_{version}_{architecture}.deb"
    # gzip: every dpkg reads it, and it is several times faster to build than xz.
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(tree), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(tree)  # a second copy of the app, no longer needed
    return target


def _link_programs(tree: Path) -> None:
    bin_dir = tree / "usr/bin"
    bin_dir.mkdir(parents=True)
    for program in PROGRAMS:
        # Absolute: the PyInstaller bootloader resolves its own path through the link.
        (bin_dir / program).symlink_to(f"/{INSTALL_DIR}/{program}")


def _normalise_modes(tree: Path) -> None:
    """0755 for folders and programs, 0644 for the rest, whatever the umask was."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        executable = path.is_dir() or (os.access(path, os.X_OK) and _is_program(path))
        path.chmod(0o755 if executable else 0o644)


def _is_program(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF" and ".so" not in path.name


def _dpkg_architecture() -> str:
    result = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True)
    return result.stdout.strip()


def _installed_size_kib(tree: Path) -> int:
    total = sum(path.lstat().st_size for path in tree.rglob("*") if not path.is_dir())
    return (total + 1023) // 1024


def _write_control(tree: Path, version: str, architecture: str) -> None:
    depends = [f"libc6 (>= {glibc_version()})", *runtime_packages()]
    fields = {
        "Package": "storebrowser",
        "Version": version,
        "Architecture": architecture,
        "Maintainer": MAINTAINER,
        "Installed-Size": str(_installed_size_kib(tree)),
        "Depends": ", ".join(depends),
        "Recommends": "fonts-dejavu-core | fonts-liberation2 | fonts-noto-core",
        "Section": "net",
        "Priority": "optional",
        "Description": DESCRIPTION.rstrip("\n"),
    }
    control = tree / "DEBIAN" / "control"
    control.parent.mkdir(mode=0o755)
    control.write_text("".join(f"{key}: {value}\n" for key, value in fields.items()), encoding="utf-8")
