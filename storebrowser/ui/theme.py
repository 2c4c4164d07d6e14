"""The window's colours: the system's light or dark scheme, or one forced; a dark palette
where the platform gives none (offscreen, some window managers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def apply_color_scheme(app: QApplication, scheme: str) -> None:
    """``system`` follows the desktop (Qt tracks it); ``light``/``dark`` force one.

    Where the platform has no theme to give a dark palette (offscreen, some window
    managers), Fusion's colours are set from the scheme so dark really is dark."""
    hints = QGuiApplication.styleHints()
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(scheme)
    if wanted is not None:
        hints.setColorScheme(wanted)
    dark_asked = (wanted or hints.colorScheme()) == Qt.ColorScheme.Dark
    if dark_asked and app.palette().color(QPalette.ColorRole.Window).lightness() > 128:
        app.setPalette(dark_palette())


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#dfe1e5",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.ToolTipBase: "#3c3f41",
        QPalette.ColorRole.ToolTipText: "#dfe1e5",
        QPalette.ColorRole.PlaceholderText: "#8c8f94",
        QPalette.ColorRole.Text: "#dfe1e5",
        QPalette.ColorRole.Button: "#313335",
        QPalette.ColorRole.ButtonText: "#dfe1e5",
        QPalette.ColorRole.BrightText: "#ff6b68",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#589df6",
        QPalette.ColorRole.Light: "#45484b",
        QPalette.ColorRole.Midlight: "#3a3d40",
        QPalette.ColorRole.Mid: "#2f3134",
        QPalette.ColorRole.Dark: "#1a1b1d",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f737a"))
    return palette
