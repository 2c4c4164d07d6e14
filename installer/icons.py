"""Render the app icon (one SVG) to the PNG sizes desktops and installers want.

    python installer/icons.py OUT_DIR

writes OUT_DIR/hicolor/<n>x<n>/apps/storebrowser.png for each size, and
OUT_DIR/hicolor/scalable/apps/storebrowser.svg. Rendered at build time with QtSvg on the
offscreen platform, so the repository holds the SVG only and the PNGs never go stale.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_SVG = ROOT / "storebrowser" / "resources" / "storebrowser.svg"
ICON_NAME = "storebrowser"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(out_dir: Path, size: int) -> Path:
    return out_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt needs one)
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"icons: {ICON_SVG} is not an SVG Qt can read")
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = png_path(out_dir, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"icons: could not write {target}")
        written.append(target)
    scalable = out_dir / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON_SVG, scalable)
    return [*written, scalable]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    for path in render(Path(sys.argv[1])):
        print(path)
